"""While a voice is made: the `record_voice` chat action, and one status message that follows
the core's progress and gives way to the voice (or turns into the error)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from types import TracebackType

from telegram import Bot, Message
from telegram.constants import ChatAction
from telegram.error import TelegramError

from core.domain import Progress, Where
from core.errors import VoicebotError
from core.messages import error_text, progress_text, text
from core.speech import SpeechService

log = logging.getLogger(__name__)

ACTION_REFRESH_S = 4.0  # a chat action shows for 5 s
PLACE_EDIT_EVERY_S = 3.0  # a long line moves often: edit the place shown at most this often


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


class StatusMessage:
    def __init__(
        self, recording: Recording, request: Message, where: Where, speech: SpeechService
    ) -> None:
        self._recording = recording.in_chat(request.chat_id)
        self._request = request
        self._where = where
        self._speech = speech
        self._status: Message | None = None
        self._shown = ""
        self._edited_at = 0.0

    async def __aenter__(self) -> StatusMessage:
        await self._recording.__aenter__()
        return self

    async def show(self, progress: Progress) -> None:
        line = progress_text(progress, self._where.locale)
        if line == self._shown:
            return
        recently = time.monotonic() - self._edited_at < PLACE_EDIT_EVERY_S
        if progress.stage == "queued" and self._status is not None and recently:
            return
        self._shown, self._edited_at = line, time.monotonic()
        if self._status is None:
            self._status = await self._request.reply_text(line, do_quote=True)
            if progress.job_id:  # a resumed job clears it when its voice is posted
                await self._speech.note_target(progress.job_id,
                                               status_id=self._status.message_id)
        else:
            await self._status.edit_text(line)

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> bool:
        await self._recording.__aexit__(kind, error, trace)
        if self._status is None:
            return False
        if error is None:
            with contextlib.suppress(TelegramError):
                await self._status.delete()
            return False
        if not isinstance(error, Exception):  # cancelled: nothing to say
            return False
        if not isinstance(error, VoicebotError):
            log.error("unexpected failure while making a voice", exc_info=error)
        words = (error_text(error, self._where.locale) if isinstance(error, VoicebotError)
                 else text("error_unexpected", self._where.locale))
        with contextlib.suppress(TelegramError):
            await self._status.edit_text(words)
            return True  # told, in the status message
        return False
