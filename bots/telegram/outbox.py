"""The core's way out on Telegram: one status message that follows a job's progress and gives
way to its voice note (or becomes its error), the voice notes themselves, and consent requests.
A job resumed after a restart is posted the same way, its old status message cleared."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import html
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, replace

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message, ReplyParameters
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.helpers import mention_html

from bots.telegram.texts import text
from core.domain import Progress, Voice, VoiceClip, Where
from core.errors import VoicebotError
from core.messages import (
    admin_request_text,
    consent_text,
    error_text,
    label_text,
    progress_text,
)
from core.outbox import ChatGone, ReplyTarget

log = logging.getLogger(__name__)

ACTION_REFRESH_S = 4.0  # a chat action shows for 5 s
PLACE_EDIT_EVERY_S = 3.0  # a long line moves often: edit the place shown at most this often
# a new status line shows once it has lasted this long: most stages of a short job (encoding
# it, most of all) are over sooner, and an edit that would be deleted a moment later costs
# Telegram's budget what the voices need (twenty jobs ending together spent it on "encoding")
SETTLE_S = 1.0
SEND_RETRY_PAUSES_S = (1.0, 3.0)
VOICE_MESSAGES_FORBIDDEN = "VOICE_MESSAGES_FORBIDDEN"  # the user's privacy settings say no
REPORT_LABELS = {"restore": "button_restore", "delete": "button_delete_reported"}  # by answer

NoteStatus = Callable[[str, ReplyTarget], Awaitable[None]]  # (job id, target with its status)


@dataclass(slots=True)
class _Status:
    message_id: int  # 0 until it is out
    shown: str
    edited_at: float
    stage: str
    noted: bool = False  # with its job, for a resumed job to clear
    wanted: tuple[str, InlineKeyboardMarkup | None] | None = None  # a line not shown yet
    behind: asyncio.Task[None] | None = None  # sending it, or showing the line wanted
    job_id: str = ""  # its job's, once there is one (noted with it once it is out)
    settling: bool = False  # `behind` waits for the line wanted to last `SETTLE_S`


class TelegramOutbox:
    """Posts what the core says, through the bot."""

    def __init__(
        self,
        bot: Bot,
        *,
        note_status: NoteStatus,
        consent_hours: float,
        settle_s: float = SETTLE_S,
    ) -> None:
        self._bot = bot
        self._settle_s = settle_s
        self._note_status = note_status  # a resumed job's status is cleared when it is posted
        self._consent_hours = consent_hours
        self._status: dict[ReplyTarget, _Status] = {}  # the live jobs' status messages

    async def begin(self, where: Where, target: ReplyTarget) -> None:
        """Send the status message at once, and let the core go on meanwhile: the user sees
        the request was taken however slow the database is, and the job does not wait for
        Telegram (a hundred requests at once wait some 3 s for the last status message at 30
        a second). What the job says before it is out shows once it is."""
        if target not in self._status:
            line = progress_text(Progress("preparing"), where.locale)
            status = self._status[target] = _Status(0, line, 0.0, "preparing")
            status.behind = asyncio.create_task(self._catch_up(target, status))

    async def progress(self, where: Where, target: ReplyTarget, progress: Progress) -> None:
        """The status line, with a ✖ that cancels the job (from its first edit on: a new
        request's status shows before its job exists)."""
        line = progress_text(progress, where.locale)
        buttons = cancel_button(progress.job_id, where.locale) if progress.job_id else None
        status = self._status.get(target)
        if status is not None and progress.job_id and not status.job_id:
            status.job_id = progress.job_id  # noted with it by `_catch_up`, off the job's way
            if status.behind is None:
                status.behind = asyncio.create_task(self._catch_up(target, status))
        if status is not None and (
            status.shown == line
            or (
                progress.stage == status.stage == "queued"
                and time.monotonic() - status.edited_at < PLACE_EDIT_EVERY_S
            )
        ):
            return
        if status is None:
            message = await self._bot.send_message(
                int(target.chat_id), line, reply_parameters=reply_to(target), reply_markup=buttons
            )
            self._status[target] = _Status(
                message.message_id, line, time.monotonic(), progress.stage, bool(progress.job_id)
            )
            if progress.job_id:
                await self._note_status(progress.job_id, _with_status(target, message.message_id))
            return
        status.shown, status.edited_at, status.stage = line, time.monotonic(), progress.stage
        # The job goes on meanwhile (a status is no reason to wait: with twenty voices ending
        # together, each waited a fifth of a second for its "encoding" edit); the status shows
        # the newest line once it has lasted `SETTLE_S` and Telegram takes it, the lines in
        # between skipped (when Telegram's budget runs short, voices go first).
        status.wanted = (line, buttons)
        if status.behind is None:
            status.behind = asyncio.create_task(self._catch_up(target, status))

    async def _catch_up(self, target: ReplyTarget, status: _Status) -> None:
        """Send the status message if it is not out yet, note it with its job (for a resumed
        job to clear), then show the newest line it was left behind on."""
        try:
            if not status.message_id and not await self._send_status(target, status):
                return
            while status.wanted is not None or (status.job_id and not status.noted):
                if status.job_id and not status.noted:
                    status.noted = True
                    try:
                        await self._note_status(
                            status.job_id, _with_status(target, status.message_id)
                        )
                    except Exception:  # (a resumed job would leave it; a live one deletes it)
                        log.exception("job %s: its status could not be noted", status.job_id)
                    continue
                if status.wanted is None:  # (noted just now, nothing else wanted)
                    continue
                status.settling = True
                await asyncio.sleep(self._settle_s)
                status.settling = False
                if status.wanted is None:  # the job ended meanwhile
                    continue
                line, buttons = status.wanted
                status.wanted = None
                try:
                    await self._bot.edit_message_text(
                        line,
                        chat_id=int(target.chat_id),
                        message_id=status.message_id,
                        reply_markup=buttons,
                    )
                except TelegramError as exc:  # a failing chat edit never stops the job
                    log.warning("a status edit failed: %s", type(exc).__name__)
        finally:
            status.behind, status.settling = None, False

    async def _send_status(self, target: ReplyTarget, status: _Status) -> bool:
        """Send the status message; whether it went (not: the result comes without one)."""
        line, buttons = status.wanted or (status.shown, None)
        status.wanted = None
        try:
            message = await self._bot.send_message(
                int(target.chat_id), line, reply_parameters=reply_to(target), reply_markup=buttons
            )
        except TelegramError as exc:
            log.warning("a status message was not sent: %s", type(exc).__name__)
            if self._status.get(target) is status:
                del self._status[target]
            return False
        status.message_id = message.message_id
        return True

    async def post(self, where: Where, target: ReplyTarget, clip: VoiceClip) -> None:
        """The voice note(s) under the request, then the status message goes."""
        await self._no_more_edits(target, wait=False)  # (the status goes anyway)
        with gone_chats():
            await send_voice(self._bot, target, clip, where)
        status_id = self._status_shown(target)
        if status_id is not None:
            with contextlib.suppress(TelegramError):
                await self._bot.delete_message(int(target.chat_id), status_id)

    async def fail(self, where: Where, target: ReplyTarget, error: VoicebotError) -> None:
        """The error, in the status message if there was one, else under the request."""
        words = error_text(error, where.locale)
        await self._no_more_edits(target, wait=True)  # none may land after the error
        status_id = self._status_shown(target)
        if status_id is not None:
            with contextlib.suppress(TelegramError):
                await self._bot.edit_message_text(
                    words, chat_id=int(target.chat_id), message_id=status_id
                )
                return
        with gone_chats():
            await self._bot.send_message(
                int(target.chat_id), words, reply_parameters=reply_to(target)
            )

    async def ask_consent(self, where: Where, source: ReplyTarget, voice: Voice) -> bool:
        """In the chat under the clip, and in private if the speaker can be reached there
        (tried whatever became of the chat's copy); in the requester's language (the
        speaker's is unknown). Whether either reached them."""
        if voice.awaits_admin:
            return await self._ask_admins(where, source, voice)
        assert voice.speaker is not None  # a pending voice not uploaded has one
        request = consent_text(
            voice,
            self._consent_hours,
            where.locale,
            speaker=mention_html(voice.speaker.id, voice.speaker.name),
            owner=html.escape(where.user_name),
        )
        buttons = InlineKeyboardMarkup([consent_row(voice, where.locale)])
        in_chat = False
        if not where.private:  # a private chat is the requester's own: the speaker is not there
            try:
                await self._bot.send_message(
                    int(source.chat_id),
                    request,
                    parse_mode=ParseMode.HTML,
                    reply_markup=buttons,
                    reply_parameters=reply_to(source),
                )
                in_chat = True
            except TelegramError as exc:  # the private copy may still reach them
                log.warning(
                    "consent request for voice %s not sent in the chat: %s",
                    voice.id,
                    type(exc).__name__,
                )
        try:
            await self._bot.send_message(
                int(voice.speaker.id), request, parse_mode=ParseMode.HTML, reply_markup=buttons
            )
        except (Forbidden, BadRequest):  # they never started the bot (or blocked it)
            log.debug("consent request for voice %s: the speaker cannot be written to", voice.id)
        except TelegramError as exc:  # the voice is saved and /myvoices shows the request anyway
            log.warning(
                "consent request for voice %s not sent in private: %s",
                voice.id,
                type(exc).__name__,
            )
        else:
            return True
        return in_chat

    async def _ask_admins(self, where: Where, source: ReplyTarget, voice: Voice) -> bool:
        """An uploaded voice's request, in the group under the file (no private copy: any
        admin may answer). Whether it was posted."""
        request = admin_request_text(
            voice, self._consent_hours, where.locale, owner=html.escape(where.user_name)
        )
        try:
            await self._bot.send_message(
                int(source.chat_id),
                request,
                parse_mode=ParseMode.HTML,
                reply_markup=InlineKeyboardMarkup([consent_row(voice, where.locale)]),
                reply_parameters=reply_to(source),
            )
        except TelegramError as exc:
            log.warning("admin request for voice %s not sent: %s", voice.id, type(exc).__name__)
            return False
        return True

    async def _no_more_edits(self, target: ReplyTarget, *, wait: bool) -> None:
        """Drop the status lines not shown yet (one waiting to settle is never sent); an edit
        on its way is stopped, or (`wait`) let arrive first. A status message on its way is
        always let arrive (stopped, it might still come, after the voice, and stay)."""
        status = self._status.get(target)
        if status is None or status.behind is None:
            return
        status.wanted = None
        if (not wait or status.settling) and status.message_id:
            status.behind.cancel()
        await asyncio.gather(status.behind, return_exceptions=True)

    def _status_shown(self, target: ReplyTarget) -> int | None:
        """The status message shown for the job: this run's, or the one a resumed job noted."""
        status = self._status.pop(target, None)
        if status is not None and status.message_id:
            return status.message_id
        return int(target.status_id) if target.status_id else None


class Recording:
    """One `record_voice` refresher per chat, however many voices are being made there:
    chat actions count against a group's 20-a-minute limit like messages do."""

    def __init__(self, bot: Bot) -> None:
        self._bot = bot
        self._chats: dict[int, tuple[asyncio.Task[None], int]] = {}

    @contextlib.asynccontextmanager
    async def in_chat(self, chat_id: int) -> AsyncIterator[None]:
        task, users = self._chats.get(chat_id) or (None, 0)
        if task is None:
            task = asyncio.create_task(self._refresh(chat_id))
        self._chats[chat_id] = (task, users + 1)
        try:
            yield
        finally:
            task, users = self._chats.pop(chat_id)
            if users > 1:
                self._chats[chat_id] = (task, users - 1)
            else:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    async def _refresh(self, chat_id: int) -> None:
        while True:
            try:
                await self._bot.send_chat_action(chat_id, ChatAction.RECORD_VOICE)
            except TelegramError as exc:
                log.info("chat action failed: %s", type(exc).__name__)
            await asyncio.sleep(ACTION_REFRESH_S)


@contextlib.contextmanager
def gone_chats() -> Iterator[None]:
    """Telegram's refusal of a chat that will not take messages any more, as `ChatGone`."""
    try:
        yield
    except (Forbidden, BadRequest) as exc:
        if not chat_gone(exc):
            raise
        raise ChatGone() from exc


def chat_gone(error: TelegramError) -> bool:
    """The chat will not take the bot's messages any more: a user who blocked it, a group
    that removed it, a chat deleted since."""
    return isinstance(error, Forbidden) or "chat not found" in error.message.lower()


def reply_to(target: ReplyTarget) -> ReplyParameters | None:
    # a reply whose request was deleted meanwhile still arrives (it was paid for)
    if not target.reply_to:
        return None
    return ReplyParameters(int(target.reply_to), allow_sending_without_reply=True)


async def send_voice(bot: Bot, target: ReplyTarget, clip: VoiceClip, where: Where) -> None:
    """Reply with the voice note(s), the last with buttons for another take; as audio files
    where the user's settings forbid voice notes."""
    caption = label_text(clip, where.locale)
    for part in clip.messages:
        last = part is clip.messages[-1]
        buttons = take_buttons(clip, where) if clip.job_id and last else None
        try:
            await persistently(
                functools.partial(
                    bot.send_voice,
                    int(target.chat_id),
                    part.ogg,
                    duration=round(part.seconds),
                    caption=caption,
                    reply_markup=buttons,
                    reply_parameters=reply_to(target),
                )
            )
        except BadRequest as exc:
            if VOICE_MESSAGES_FORBIDDEN not in exc.message.upper():
                raise
            await persistently(
                functools.partial(
                    bot.send_audio,
                    int(target.chat_id),
                    part.ogg,
                    duration=round(part.seconds),
                    caption=caption,
                    reply_markup=buttons,
                    reply_parameters=reply_to(target),
                    filename=f"{clip.voice_name or 'voice'}.ogg",
                )
            )


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
    row = [
        InlineKeyboardButton(
            text(f"button_{change}", where.locale), callback_data=f"take:{change}:{clip.job_id}"
        )
        for change in ("again", "steadier", "livelier")
    ]
    rows = [row]
    if clip.description:
        rows.append(
            [
                InlineKeyboardButton(
                    text("button_keep_voice", where.locale), callback_data=f"keep:{clip.job_id}"
                )
            ]
        )
    return InlineKeyboardMarkup(rows)


def cancel_button(job_id: str, locale: str) -> InlineKeyboardMarkup:
    """A job's status message's ✖ (its end takes it away: the status is edited or deleted)."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    text("button_cancel_request", locale), callback_data=f"cancel:{job_id}"
                )
            ]
        ]
    )


def consent_row(voice: Voice, locale: str) -> list[InlineKeyboardButton]:
    return [
        InlineKeyboardButton(
            text(f"button_{key}", locale), callback_data=f"consent:{answer}:{voice.id}"
        )
        for key, answer in (("approve", "yes"), ("decline", "no"))
    ]


def report_row(
    voice_id: str, locale: str, answers: tuple[str, ...] = ("restore", "delete")
) -> list[InlineKeyboardButton]:
    """The buttons an admin settles a report with (under a barred voice: Restore alone)."""
    return [
        InlineKeyboardButton(
            text(REPORT_LABELS[answer], locale), callback_data=f"report:{answer}:{voice_id}"
        )
        for answer in answers
    ]


def _with_status(target: ReplyTarget, message_id: int) -> ReplyTarget:
    return replace(target, status_id=str(message_id))
