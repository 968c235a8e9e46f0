"""What every Telegram handler shares: where an update came from, the core and the outbox it
was wired with, and the one way an error becomes a reply."""

from __future__ import annotations

import functools
import re
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any, TypeVar

from telegram import Message, MessageOriginUser, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest
from telegram.ext import Application, ContextTypes

from bots.telegram.order import let_go
from bots.telegram.outbox import Recording, TelegramOutbox
from core.app import Core
from core.domain import NOBODY, Person, Where
from core.errors import FileTooLarge, VoicebotError
from core.messages import error_text
from core.outbox import Reply, ReplyTarget

App = Application[Any, Any, Any, Any, Any, Any]
Context = ContextTypes.DEFAULT_TYPE
Handler = Callable[[Update, Context], Awaitable[Any]]
H = TypeVar("H", bound=Handler)

COMMAND_WORD = re.compile(r"^/\S+\s*")


def where_of(update: Update) -> Where:
    """All the core needs to know of where an update came from."""
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    return Where(
        "telegram",
        str(chat.id),
        str(user.id),
        locale=user.language_code or "en",
        private=chat.type == ChatType.PRIVATE,
        user_name=user.full_name,
    )


async def as_manager(update: Update, context: Context) -> Where:
    """`where_of`, knowing whether the user administers the group (for others' voices)."""
    where = where_of(update)
    if where.private:
        return where
    assert update.effective_chat is not None and update.effective_user is not None
    member = await context.bot.get_chat_member(update.effective_chat.id, update.effective_user.id)
    return replace(
        where, admin=member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)
    )


def core_of(context: Context) -> Core:
    core: Core = context.bot_data["core"]
    return core


def outbox_of(context: Context) -> TelegramOutbox:
    outbox: TelegramOutbox = context.bot_data["outbox"]
    return outbox


def answers_errors(handler: H) -> H:
    """Turn any error the core raises into one short reply in the user's language."""

    @functools.wraps(handler)
    async def wrapper(update: Update, context: Context) -> Any:
        core_of(context).hurry()  # someone is waiting: a busy database says so soon
        try:
            return await handler(update, context)
        except VoicebotError as exc:
            await tell(update, error_text(exc, where_of(update).locale))
            return None

    return wrapper  # type: ignore[return-value]


async def tell(update: Update, words: str) -> None:
    """Answer a button press with a pop-up (or, once it was answered, a message), a message
    with a quoted reply."""
    query = update.callback_query
    if query is not None:
        try:
            await query.answer(words, show_alert=True)
            return
        except BadRequest:  # answered already: say it in the chat instead
            pass
    if update.effective_message is not None:
        await update.effective_message.reply_text(words, do_quote=True)


def arguments(message: Message) -> str:
    """Everything after the command word, line breaks and `|` kept."""
    return COMMAND_WORD.sub("", message.text or "", count=1).strip()


def target_of(update: Update, request: Message) -> ReplyTarget:
    """Where a job's result goes: under the message that asked for it. The update's id names
    the request: Telegram sends an update again when a bot stopped before confirming it, and
    the job it started must not be made twice."""
    return ReplyTarget(
        chat_id=str(request.chat_id),
        reply_to=str(request.message_id),
        request=str(update.update_id),
    )


async def speak(
    update: Update, context: Context, request: Message, start: Callable[[Reply], Awaitable[object]]
) -> None:
    """Have the core answer `request` with a voice, "recording voice…" shown meanwhile. Once
    the job is written down, the user's next update goes ahead while it runs."""
    recording: Recording = context.bot_data["recording"]
    outbox, target = outbox_of(context), target_of(update, request)
    async with recording.in_chat(request.chat_id):
        await outbox.begin(where_of(update), target)  # feedback at once, the job meanwhile
        await start(Reply(outbox, target, on_open=let_go))


def speaker_of(message: Message) -> Person:
    """Whose speech a message carries: a forward's first sender if Telegram names them; nobody
    for a hidden user, a chat or channel, or a bot, nor for a message sent on behalf of a chat
    (its sender is a stand-in)."""
    origin = message.forward_origin
    if origin is None:
        user = None if message.sender_chat is not None else message.from_user
    elif isinstance(origin, MessageOriginUser):
        user = origin.sender_user
    else:
        return NOBODY
    if user is None or user.is_bot:
        return NOBODY
    return Person(str(user.id), user.full_name)


def source_of(message: Message) -> str:
    """The message a voice was made from, for its audit trail."""
    return f"telegram:{message.chat_id}:{message.message_id}"


def media_of(message: Message) -> Any:
    return (
        message.voice or message.audio or message.video_note or message.video or message.document
    )


def recorded(message: Message) -> bool:
    """A voice or video note its sender recorded, not an uploaded file (which may be
    anyone's)."""
    return bool(message.voice or message.video_note)


async def download(message: Message, context: Context) -> bytes:
    """The message's audio bytes, fetched at once (the file URL carries the bot token)."""
    media = media_of(message)
    limit: int = context.bot_data["download_limit"]
    if media.file_size and media.file_size > limit:
        raise FileTooLarge(limit_mb=round(limit / 1024 / 1024, 1))
    file = await media.get_file()
    return bytes(await file.download_as_bytearray())
