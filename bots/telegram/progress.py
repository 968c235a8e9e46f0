"""While a voice is made: the `record_voice` chat action, and one status message that follows
the core's progress and gives way to the voice (or turns into the error)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from types import TracebackType

from telegram import Bot, Message
from telegram.constants import ChatAction
from telegram.error import TelegramError

from core.domain import Progress, Where
from core.errors import VoicebotError
from core.messages import error_text, text

log = logging.getLogger(__name__)

ACTION_REFRESH_S = 4.0  # a chat action shows for 5 s


class StatusMessage:
    def __init__(self, bot: Bot, request: Message, where: Where) -> None:
        self._bot = bot
        self._request = request
        self._where = where
        self._status: Message | None = None
        self._shown = ""
        self._action: asyncio.Task[None] | None = None

    async def __aenter__(self) -> StatusMessage:
        self._action = asyncio.create_task(self._keep_recording())
        return self

    async def show(self, progress: Progress) -> None:
        line = text(progress.message_key, self._where.locale, position=progress.position)
        if line == self._shown:
            return
        self._shown = line
        if self._status is None:
            self._status = await self._request.reply_text(line, do_quote=True)
        else:
            await self._status.edit_text(line)

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> bool:
        if self._action is not None:
            self._action.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._action
        if self._status is None:
            return False
        with contextlib.suppress(TelegramError):
            if error is None:
                await self._status.delete()
            elif isinstance(error, VoicebotError):
                await self._status.edit_text(error_text(error, self._where.locale))
                return True
        return False

    async def _keep_recording(self) -> None:
        while True:
            try:
                await self._bot.send_chat_action(self._request.chat_id, ChatAction.RECORD_VOICE)
            except TelegramError as exc:
                log.info("chat action failed: %s", type(exc).__name__)
            await asyncio.sleep(ACTION_REFRESH_S)
