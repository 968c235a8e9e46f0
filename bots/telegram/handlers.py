"""One small handler per command or button; every decision is the core's."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import html
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    MessageOriginUser,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.helpers import mention_html

from bots.telegram.progress import StatusMessage
from core.domain import NOBODY, Person, ProgressCallback, Sampling, Voice, VoiceClip, Where
from core.errors import (
    BadVoiceName,
    FileTooLarge,
    SpeakerUnknown,
    VoicebotError,
    VoiceNameTaken,
)
from core.jobs import Target
from core.messages import (
    consent_text,
    error_text,
    forgotten_text,
    label_text,
    my_voices_text,
    pending_text,
    rules_text,
    saved_text,
    text,
    tuned_text,
)
from core.speech import SpeechService

log = logging.getLogger(__name__)

App = Application[Any, Any, Any, Any, Any, Any]
Context = ContextTypes.DEFAULT_TYPE
Handler = Callable[[Update, Context], Awaitable[Any]]
Make = Callable[[ProgressCallback, Target], Awaitable[VoiceClip]]  # a voice, made by the core
H = TypeVar("H", bound=Handler)

COMMAND_WORD = re.compile(r"^/\S+\s*")
NAMING = 1  # guided flow: a clip was sent in private, waiting for its name
AUDIO_LIKE = (
    filters.VOICE | filters.AUDIO | filters.VIDEO_NOTE | filters.VIDEO
    | filters.Document.AUDIO | filters.Document.VIDEO
)
VOICE_MESSAGES_FORBIDDEN = "VOICE_MESSAGES_FORBIDDEN"  # the user's privacy settings say no
SEND_RETRY_PAUSES_S = (1.0, 3.0)
MAX_LISTED = 30  # voices with buttons in one /voices message (Telegram caps keyboards)
NAMING_TIMEOUT_S = 600  # a clip waiting for its name is forgotten after this
FRESH = ~filters.UpdateType.EDITED  # editing a command must not run it (and pay) again
SWITCH = {"on": True, "off": False}
QUOTA_DIGITS = 9  # a daily quota is a count of characters, not a number to overflow a column


@dataclass(frozen=True, slots=True)
class Kept:
    """A clip sent in private, waiting for its name (kept in `user_data`, never on disk)."""

    audio: bytes
    speaker: Person
    source: str


def where_of(update: Update) -> Where:
    """All the core needs to know of where an update came from."""
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    return Where("telegram", str(chat.id), str(user.id), locale=user.language_code or "en",
                 private=chat.type == ChatType.PRIVATE, user_name=user.full_name)


async def as_manager(update: Update, context: Context) -> Where:
    """`where_of`, knowing whether the user administers the group (for others' voices)."""
    where = where_of(update)
    if where.private:
        return where
    assert update.effective_chat is not None and update.effective_user is not None
    member = await context.bot.get_chat_member(update.effective_chat.id,
                                               update.effective_user.id)
    return replace(where, admin=member.status in (ChatMemberStatus.ADMINISTRATOR,
                                                  ChatMemberStatus.OWNER))


def speech_of(context: Context) -> SpeechService:
    service: SpeechService = context.bot_data["speech"]
    return service


def answers_errors(handler: H) -> H:
    """Turn any error the core raises into one short reply in the user's language."""

    @functools.wraps(handler)
    async def wrapper(update: Update, context: Context) -> Any:
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


# --- commands -------------------------------------------------------------------------------


@answers_errors
async def start(update: Update, context: Context) -> None:
    """Explain what the bot does, with examples."""
    await tell(update, text("tg_help", where_of(update).locale))


@answers_errors
async def clone(update: Update, context: Context) -> None:
    """Register the replied-to voice message as a named voice: /clone NAME [| words]."""
    message = update.effective_message
    assert message is not None
    name, _, words = arguments(message).partition("|")
    source = message.reply_to_message
    if not name.strip() or source is None or media_of(source) is None:
        await tell(update, text("tg_clone_usage", where_of(update).locale))
        return
    where = await as_manager(update, context)  # the chat may let only its admins clone
    await speech_of(context).require_may_clone(where)  # before fetching the file
    await message.chat.send_action(ChatAction.TYPING)
    clip = await download(source, context)
    voice = await speech_of(context).register_voice(
        where, name, clip, transcript=words or None, speaker=speaker_of(source),
        source=source_of(source),
    )
    await announce(update, context, voice, where, under=source)


@answers_errors
async def say(update: Update, context: Context) -> None:
    """Speak text in a voice: /say [NAME] text, or reply /say [NAME] to a text message."""
    message, where, speech = update.effective_message, where_of(update), speech_of(context)
    assert message is not None
    replied = message.reply_to_message
    replied_text = (replied.text or replied.caption) if replied else None
    voice, words = await speech.parse_say(where, arguments(message), replied_text=replied_text)
    await speak(update, context, message, where, lambda show, target: speech.say(
        where, voice, words, on_progress=show, target=target))


@answers_errors
async def design(update: Update, context: Context) -> None:
    """Speak in a voice described in words: /design DESCRIPTION | TEXT."""
    message, where, speech = update.effective_message, where_of(update), speech_of(context)
    assert message is not None
    description, _, words = arguments(message).partition("|")
    await speak(update, context, message, where, lambda show, target: speech.design(
        where, description, words, on_progress=show, target=target))


@answers_errors
async def dialogue(update: Update, context: Context) -> None:
    """Speak a conversation: /dialogue, then one `name: text` line per turn."""
    message, where, speech = update.effective_message, where_of(update), speech_of(context)
    assert message is not None
    await speak(update, context, message, where, lambda show, target: speech.dialogue(
        where, arguments(message), on_progress=show, target=target))


@answers_errors
async def keep(update: Update, context: Context) -> None:
    """Keep a designed voice: reply /keep NAME to its voice message."""
    message, where = update.effective_message, where_of(update)
    assert message is not None
    job_id = button_job(message.reply_to_message, "keep")
    if not context.args or job_id is None:
        await tell(update, text("keep_usage", where.locale))
        return
    await message.chat.send_action(ChatAction.TYPING)
    voice = await speech_of(context).keep(where, job_id, context.args[0])
    await tell(update, saved_text(voice, where.locale))


@answers_errors
async def tune(update: Update, context: Context) -> None:
    """Set a voice's sampling defaults: /tune NAME temperature=0.7 top_k=40 top_p=0.9."""
    where = where_of(update)
    if not context.args:
        await tell(update, text("tune_usage", where.locale))
        return
    name, *settings = context.args
    voice = await speech_of(context).tune_voice(
        await as_manager(update, context), name, Sampling.parse(settings)
    )
    await tell(update, tuned_text(voice, where.locale))


@answers_errors
async def take_button(update: Update, context: Context) -> None:
    """Another take of a voice message: the same, steadier or livelier."""
    query, where = update.callback_query, where_of(update)
    assert query is not None and query.data is not None and isinstance(query.message, Message)
    _, change, job_id = query.data.split(":")
    await query.answer()
    speech = speech_of(context)
    await speak(update, context, query.message, where, lambda show, target: speech.retake(
        where, job_id, change, on_progress=show, target=target))  # type: ignore[arg-type]


@answers_errors
async def keep_button(update: Update, context: Context) -> None:
    """Say how to keep a designed voice (a button cannot ask for its name)."""
    assert update.callback_query is not None
    await update.callback_query.answer(text("keep_how", where_of(update).locale),
                                       show_alert=True)


@answers_errors
async def voices(update: Update, context: Context) -> None:
    """List the voices usable here, each with play / default / delete buttons."""
    where, speech = where_of(update), speech_of(context)
    found = await speech.voices(where)
    if not found:
        await tell(update, text("voices_empty", where.locale))
        return
    default = await speech.default_voice(where)
    lines = [text("voices_header", where.locale)]
    rows = []
    for voice in found[:MAX_LISTED]:
        line = text("voice_line", where.locale, name=voice.name, seconds=voice.seconds)
        if default is not None and voice.id == default.id:
            line += text("voice_line_default", where.locale)
        if voice.personal and not where.private:
            line += text("voice_line_personal", where.locale)
        if not voice.shared:
            line += text("voice_line_unshared", where.locale)
        lines.append(line)
        rows.append([
            InlineKeyboardButton(f"▶ {voice.name}", callback_data=f"sample:{voice.id}"),
            InlineKeyboardButton(text("button_default", where.locale),
                                 callback_data=f"default:{voice.id}"),
            InlineKeyboardButton(text("button_delete", where.locale),
                                 callback_data=f"delete:{voice.id}"),
        ])
    if len(found) > MAX_LISTED:
        lines.append(text("voices_more", where.locale, count=len(found) - MAX_LISTED))
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        "\n".join(lines), reply_markup=InlineKeyboardMarkup(rows), do_quote=True
    )


@answers_errors
async def default(update: Update, context: Context) -> None:
    """Pick the voice /say uses when no name is given: /default NAME."""
    where = where_of(update)
    if not context.args:
        await tell(update, text("tg_default_usage", where.locale))
        return
    voice = await speech_of(context).set_default_voice(where, context.args[0])
    await tell(update, text("voice_default_set", where.locale, name=voice.name))


@answers_errors
async def rename(update: Update, context: Context) -> None:
    """Give a voice a new name: /rename OLD NEW."""
    if not context.args or len(context.args) != 2:
        await tell(update, text("tg_rename_usage", where_of(update).locale))
        return
    where = await as_manager(update, context)
    old, new = context.args
    voice = await speech_of(context).rename_voice(where, old, new)
    await tell(update, text("voice_renamed", where.locale, old=old, new=voice.name))


@answers_errors
async def delete(update: Update, context: Context) -> None:
    """Delete a voice and its clip: /delete NAME."""
    if not context.args:
        await tell(update, text("tg_delete_usage", where_of(update).locale))
        return
    where = await as_manager(update, context)
    voice = await speech_of(context).delete_voice(where, context.args[0])
    await tell(update, text("voice_deleted", where.locale, name=voice.name))


@answers_errors
async def share(update: Update, context: Context) -> None:
    """Let everyone here speak in your voice, or only you: /share NAME on|off."""
    where, args = where_of(update), context.args or []
    if len(args) != 2 or args[1].lower() not in SWITCH:
        await tell(update, text("tg_share_usage", where.locale))
        return
    voice = await speech_of(context).share_voice(where, args[0], SWITCH[args[1].lower()])
    await tell(update, text("voice_shared" if voice.shared else "voice_unshared", where.locale,
                            name=voice.name))


@answers_errors
async def settings(update: Update, context: Context) -> None:
    """Show this group's rules, or change one (admins): /settings clone|share|quota VALUE."""
    where, speech = where_of(update), speech_of(context)
    if not context.args:
        shown = rules_text(await speech.rules(where), where.locale)
        await tell(update, f"{shown}\n\n{text('tg_settings_usage', where.locale)}")
        return
    change = rule_change([word.lower() for word in context.args])
    if change is None:
        await tell(update, text("tg_settings_usage", where.locale))
        return
    await speech.set_rules(await as_manager(update, context), **change)
    await tell(update, rules_text(await speech.rules(where), where.locale))


@answers_errors
async def myvoices(update: Update, context: Context) -> None:
    """List every voice made from the user's speech, each with a revoke button."""
    where = where_of(update)
    found = (await speech_of(context).my_voices(where))[:MAX_LISTED]
    rows = []
    for voice in found:
        row = [InlineKeyboardButton(text("button_revoke", where.locale, name=voice.name),
                                    callback_data=f"revoke:{voice.id}")]
        if voice.pending:
            row += consent_row(voice, where.locale)
        rows.append(row)
    assert update.effective_message is not None
    buttons = InlineKeyboardMarkup(rows) if rows else None
    await update.effective_message.reply_text(my_voices_text(found, where.locale),
                                              reply_markup=buttons, do_quote=True)


@answers_errors
async def forgetme(update: Update, context: Context) -> None:
    """Offer to delete everything kept about the user (only they may confirm)."""
    where = where_of(update)
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        text("forget_confirm", where.locale),
        reply_markup=InlineKeyboardMarkup([[
            InlineKeyboardButton(text("button_forget", where.locale),
                                 callback_data=f"forget:yes:{where.user_id}"),
            InlineKeyboardButton(text("button_cancel", where.locale),
                                 callback_data=f"forget:no:{where.user_id}"),
        ]]),
        do_quote=True,
    )


# --- /voices buttons ------------------------------------------------------------------------


async def pressed(update: Update, context: Context) -> tuple[Voice, Where]:
    """The voice a button names (if it still exists and is usable here)."""
    query, where = update.callback_query, where_of(update)
    assert query is not None and query.data is not None
    voice = await speech_of(context).voice_by_id(where, query.data.partition(":")[2])
    return voice, where


@answers_errors
async def sample_button(update: Update, context: Context) -> None:
    """Play a voice's reference clip."""
    voice, where = await pressed(update, context)
    clip = await speech_of(context).sample(where, voice)
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    await query.answer()
    await send_voice(context.bot, target_of(update, query.message), clip, where)


@answers_errors
async def default_button(update: Update, context: Context) -> None:
    """Make a voice this chat's default."""
    voice, where = await pressed(update, context)
    await speech_of(context).set_default_voice(where, voice)
    assert update.callback_query is not None
    await update.callback_query.answer(text("voice_default_set", where.locale, name=voice.name))


@answers_errors
async def delete_button(update: Update, context: Context) -> None:
    """Ask before deleting a voice (that this user may delete)."""
    voice, _ = await pressed(update, context)
    where = await as_manager(update, context)
    await speech_of(context).managed_voice(where, voice)
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    await query.answer()
    await query.message.reply_text(
        text("confirm_delete", where.locale, name=voice.name),
        reply_markup=InlineKeyboardMarkup([[
            InlineKeyboardButton(text("button_confirm_delete", where.locale),
                                 callback_data=f"confirm:{voice.id}"),
            InlineKeyboardButton(text("button_keep", where.locale),
                                 callback_data=f"kept:{voice.id}"),
        ]]),
    )


@answers_errors
async def confirm_button(update: Update, context: Context) -> None:
    """Delete the voice, as confirmed."""
    voice, _ = await pressed(update, context)
    where = await as_manager(update, context)
    await speech_of(context).delete_voice(where, voice)
    assert update.callback_query is not None
    await update.callback_query.answer()
    await update.callback_query.edit_message_text(
        text("voice_deleted", where.locale, name=voice.name)
    )


@answers_errors
async def kept_button(update: Update, context: Context) -> None:
    """Leave the voice be."""
    voice, where = await pressed(update, context)
    assert update.callback_query is not None
    await update.callback_query.answer()
    await update.callback_query.edit_message_text(
        text("voice_kept", where.locale, name=voice.name)
    )


# --- consent and privacy buttons -------------------------------------------------------------


@answers_errors
async def consent_button(update: Update, context: Context) -> None:
    """The speaker's answer to a request to register their voice: approve or decline."""
    query, where, speech = update.callback_query, where_of(update), speech_of(context)
    assert query is not None and query.data is not None
    _, answer, voice_id = query.data.split(":")
    if answer == "yes":
        voice, key = await speech.approve(where, voice_id), "consent_approved"
    else:
        voice, key = await speech.decline(where, voice_id), "consent_declined"
    await query.answer()
    await query.edit_message_text(text(key, where.locale, speaker=where.user_name,
                                       name=voice.name))


@answers_errors
async def revoke_button(update: Update, context: Context) -> None:
    """Delete a voice made from the presser's speech, wherever it lives."""
    query, where = update.callback_query, where_of(update)
    assert query is not None and query.data is not None
    voice = await speech_of(context).revoke(where, query.data.partition(":")[2])
    await query.answer()
    await query.edit_message_text(text("voice_revoked", where.locale, name=voice.name))


@answers_errors
async def forget_button(update: Update, context: Context) -> None:
    """Forget the user who asked, as confirmed, or leave everything be."""
    query, where = update.callback_query, where_of(update)
    assert query is not None and query.data is not None and context.user_data is not None
    _, answer, asker = query.data.split(":")
    if asker != where.user_id:
        await query.answer(text("tg_not_your_button", where.locale), show_alert=True)
        return
    await query.answer()
    if answer != "yes":
        await query.edit_message_text(text("forget_cancelled", where.locale))
        return
    context.user_data.pop("clip", None)  # a clip waiting for its name goes too
    forgotten = await speech_of(context).forget_me(where)
    await query.edit_message_text(forgotten_text(forgotten, where.locale))


# --- the guided flow in private: send a clip, then its name ----------------------------------


@answers_errors
async def got_clip(update: Update, context: Context) -> int:
    """Keep a clip sent in private and ask what to call it."""
    message = update.effective_message
    assert message is not None and context.user_data is not None
    speaker = speaker_of(message)  # a forward is its first sender's voice, not the forwarder's
    if not speaker.id:
        raise SpeakerUnknown()  # say so now, not after asking for a name
    context.user_data["clip"] = Kept(await download(message, context), speaker,
                                     source_of(message))
    await tell(update, text("tg_ask_name", where_of(update).locale))
    return NAMING


async def name_clip(update: Update, context: Context) -> int:
    """Save the kept clip under the name just sent; ask again if the name will not do."""
    message = update.effective_message
    assert message is not None and context.user_data is not None
    kept: Kept | None = context.user_data.get("clip")
    if kept is None:  # dropped meanwhile (/forgetme): there is nothing left to name
        return ConversationHandler.END
    where = where_of(update)
    await message.chat.send_action(ChatAction.TYPING)
    try:
        voice = await speech_of(context).register_voice(
            where, message.text or "", kept.audio, speaker=kept.speaker, source=kept.source
        )
    except (BadVoiceName, VoiceNameTaken) as exc:
        await tell(update, error_text(exc, where.locale))
        return NAMING
    except VoicebotError as exc:
        context.user_data.pop("clip", None)
        await tell(update, error_text(exc, where.locale))
        return ConversationHandler.END
    context.user_data.pop("clip", None)
    await announce(update, context, voice, where, under=message)
    return ConversationHandler.END


async def forget_clip(update: Update, context: Context) -> None:
    """The name never came: drop the clip (it may be megabytes)."""
    if context.user_data is not None:
        context.user_data.pop("clip", None)


async def cancel(update: Update, context: Context) -> int:
    """Forget the kept clip."""
    assert context.user_data is not None
    context.user_data.pop("clip", None)
    await tell(update, text("tg_cancelled", where_of(update).locale))
    return ConversationHandler.END


# --- helpers --------------------------------------------------------------------------------


def speaker_of(message: Message) -> Person:
    """Whose speech a message carries: a forward's first sender if Telegram names them; nobody
    for a hidden user, a chat or channel, or a bot."""
    origin = message.forward_origin
    if origin is None:
        user = message.from_user
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


async def announce(
    update: Update, context: Context, voice: Voice, where: Where, *, under: Message
) -> None:
    """Tell the requester their voice is saved; when it is someone else's voice, that it waits
    for them, and ask them: in the chat, under the clip, and in private if they can be
    reached there."""
    if not voice.pending:
        await tell(update, saved_text(voice, where.locale))
        return
    assert voice.speaker is not None
    await tell(update, pending_text(voice, where.locale, speaker=voice.speaker.name))
    # the speaker's language is unknown: the requester's will have to do
    request = consent_text(
        voice, speech_of(context).limits.consent_timeout_s / 3600, where.locale,
        speaker=mention_html(voice.speaker.id, voice.speaker.name),
        owner=html.escape(where.user_name),
    )
    buttons = InlineKeyboardMarkup([consent_row(voice, where.locale)])
    if not where.private:  # a private chat is the requester's own: the speaker is not there
        await under.reply_text(request, parse_mode=ParseMode.HTML, reply_markup=buttons,
                               do_quote=True)
    try:
        await context.bot.send_message(int(voice.speaker.id), request,
                                       parse_mode=ParseMode.HTML, reply_markup=buttons)
    except (Forbidden, BadRequest):  # they never started the bot (or blocked it)
        log.debug("consent request for voice %s: the speaker cannot be written to", voice.id)
    except TelegramError as exc:  # the voice is saved and /myvoices shows the request anyway
        log.warning("consent request for voice %s not sent in private: %s", voice.id,
                    type(exc).__name__)


def consent_row(voice: Voice, locale: str) -> list[InlineKeyboardButton]:
    return [InlineKeyboardButton(text(f"button_{key}", locale),
                                 callback_data=f"consent:{answer}:{voice.id}")
            for key, answer in (("approve", "yes"), ("decline", "no"))]


def rule_change(words: list[str]) -> dict[str, Any] | None:
    """`/settings` words as a change of the group's rules, or None when they make no sense."""
    match words:
        case ["clone", ("everyone" | "admins") as who]:
            return {"who_clones": who}
        case ["share", switch] if switch in SWITCH:
            return {"members_use_others": SWITCH[switch]}
        case ["quota", chars] if chars.isdecimal() and len(chars) <= QUOTA_DIGITS:
            return {"daily_chars": int(chars)}
    return None


def media_of(message: Message) -> Any:
    return (message.voice or message.audio or message.video_note or message.video
            or message.document)


async def download(message: Message, context: Context) -> bytes:
    """The message's audio bytes, fetched at once (the file URL carries the bot token)."""
    media = media_of(message)
    limit: int = context.bot_data["download_limit"]
    if media.file_size and media.file_size > limit:
        raise FileTooLarge(limit_mb=round(limit / 1024 / 1024, 1))
    file = await media.get_file()
    return bytes(await file.download_as_bytearray())


async def speak(
    update: Update, context: Context, request: Message, where: Where, make: Make
) -> None:
    """Show progress while the core makes a voice for `request`, then post it under the
    request (at most once: a restart resumes the job and posts it only if this did not)."""
    speech, target = speech_of(context), target_of(update, request)
    async with StatusMessage(context.bot_data["recording"], request, where, speech) as status:
        clip = await make(status.show, target)
        try:
            async with speech.delivering(clip.job_id):
                await send_voice(context.bot, target, clip, where)
        except (Forbidden, BadRequest) as exc:
            if not chat_gone(exc):
                raise
            # blocked, removed from the group, or the chat deleted: nobody left to tell
            log.info("job %s: the chat no longer takes messages (%s)", clip.job_id,
                     exc.message)


def target_of(update: Update, request: Message) -> Target:
    """Where a job's result goes: under the message that asked for it. The update's id names
    the request: Telegram sends an update again when a bot stopped before confirming it, and
    the job it started must not be made twice."""
    return {"chat_id": request.chat_id, "message_id": request.message_id,
            "request": str(update.update_id)}


async def deliver_resumed(
    bot: Bot, target: Target, where: Where, outcome: VoiceClip | VoicebotError
) -> None:
    """Post a job an earlier run left unfinished: the voice under its request, in place of the
    status message it had shown; or the error that ended it, in that status message."""
    chat_id, status_id = target["chat_id"], target.get("status_id")
    if isinstance(outcome, VoiceClip):
        await send_voice(bot, target, outcome, where)
        if status_id is not None:
            with contextlib.suppress(TelegramError):
                await bot.delete_message(chat_id, status_id)
        return
    words = error_text(outcome, where.locale)
    if status_id is not None:
        with contextlib.suppress(TelegramError):
            await bot.edit_message_text(words, chat_id=chat_id, message_id=status_id)
            return
    await bot.send_message(chat_id, words, reply_parameters=reply_to(target))


def chat_gone(error: TelegramError) -> bool:
    """The chat will not take the bot's messages any more: a user who blocked it, a group
    that removed it, a chat deleted since."""
    return isinstance(error, Forbidden) or "chat not found" in error.message.lower()


def reply_to(target: Target) -> ReplyParameters:
    # a reply whose request was deleted meanwhile still arrives (it was paid for)
    return ReplyParameters(target["message_id"], allow_sending_without_reply=True)


async def send_voice(bot: Bot, target: Target, clip: VoiceClip, where: Where) -> None:
    """Reply with the voice note(s), the last with buttons for another take; as audio files
    where the user's settings forbid voice notes."""
    caption = label_text(clip, where.locale)
    for part in clip.messages:
        last = part is clip.messages[-1]
        buttons = take_buttons(clip, where) if clip.job_id and last else None
        try:
            await persistently(functools.partial(
                bot.send_voice, target["chat_id"], part.ogg, duration=round(part.seconds),
                caption=caption, reply_markup=buttons, reply_parameters=reply_to(target)))
        except BadRequest as exc:
            if VOICE_MESSAGES_FORBIDDEN not in exc.message.upper():
                raise
            await persistently(functools.partial(
                bot.send_audio, target["chat_id"], part.ogg, duration=round(part.seconds),
                caption=caption, reply_markup=buttons, reply_parameters=reply_to(target),
                filename=f"{clip.voice_name or 'voice'}.ogg"))


async def persistently(send: Callable[[], Awaitable[Message]]) -> Message:
    """Send, again after a pause when Telegram stumbles (5xx, a dropped connection): the voice
    was paid for. A refusal (bad request, blocked) is final; flood limits are the rate
    limiter's."""
    for pause in SEND_RETRY_PAUSES_S:
        try:
            return await send()
        except BadRequest:
            raise
        except NetworkError as exc:
            log.warning("sending failed (%s), again in %s s", type(exc).__name__, pause)
            await asyncio.sleep(pause)
    return await send()


def take_buttons(clip: VoiceClip, where: Where) -> InlineKeyboardMarkup:
    row = [InlineKeyboardButton(text(f"button_{change}", where.locale),
                                callback_data=f"take:{change}:{clip.job_id}")
           for change in ("again", "steadier", "livelier")]
    rows = [row]
    if clip.description:
        rows.append([InlineKeyboardButton(text("button_keep_voice", where.locale),
                                          callback_data=f"keep:{clip.job_id}")])
    return InlineKeyboardMarkup(rows)


def button_job(message: Message | None, action: str) -> str | None:
    """The job id behind a message's `action` button (how /keep finds what it replies to)."""
    keyboard = message.reply_markup if message is not None else None
    for row in keyboard.inline_keyboard if keyboard else ():
        for button in row:
            data = str(button.callback_data or "")
            if data.startswith(f"{action}:"):
                return data.partition(":")[2]
    return None


async def on_error(update: object, context: Context) -> None:
    """Log an unexpected failure (no message text) and tell the user something went wrong."""
    log.error("unhandled error in a Telegram handler", exc_info=context.error)
    if isinstance(update, Update) and update.effective_user is not None:
        await tell(update, text("error_unexpected", where_of(update).locale))


def install(app: App) -> None:
    """Wire every handler into the application."""
    for name, handler in [("start", start), ("help", start), ("clone", clone), ("say", say),
                          ("design", design), ("dialogue", dialogue), ("keep", keep),
                          ("tune", tune),
                          ("voices", voices), ("default", default), ("rename", rename),
                          ("delete", delete), ("share", share), ("settings", settings),
                          ("myvoices", myvoices), ("forgetme", forgetme)]:
        app.add_handler(CommandHandler(name, handler, filters=FRESH))
    for action, handler in [("sample", sample_button), ("default", default_button),
                            ("delete", delete_button), ("confirm", confirm_button),
                            ("kept", kept_button),
                            ("take:(again|steadier|livelier)", take_button),
                            ("keep", keep_button), ("consent:(yes|no)", consent_button),
                            ("revoke", revoke_button), ("forget:(yes|no)", forget_button)]:
        app.add_handler(CallbackQueryHandler(handler, pattern=f"^{action}:"))
    private_clip = FRESH & filters.ChatType.PRIVATE & AUDIO_LIKE
    app.add_handler(ConversationHandler(
        entry_points=[MessageHandler(private_clip, got_clip)],
        states={
            NAMING: [MessageHandler(FRESH & filters.TEXT & ~filters.COMMAND, name_clip),
                     MessageHandler(private_clip, got_clip)],
            ConversationHandler.TIMEOUT: [TypeHandler(Update, forget_clip)],
        },
        fallbacks=[CommandHandler("cancel", cancel)],
        conversation_timeout=NAMING_TIMEOUT_S,
    ))
    app.add_error_handler(on_error)
