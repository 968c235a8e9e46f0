"""A Telegram chat as the Telegram tests see it: people, a group, and the real bot (built as
`voicebot telegram` builds it) talking to the fake Bot API and the fake 302.AI.

`tests/conftest.py` loads it as a plugin, so its fixtures (`tg`, `botapi`, `tg_settings`) are
everywhere; test modules import the people and the `Telegram` type from it.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import pytest
from pydantic import SecretStr
from telegram import Update

from bots.telegram.app import build_application
from bots.telegram.common import App
from bots.telegram.settings import TelegramSettings, load_telegram_settings
from core.app import Core, open_core
from core.settings import Settings
from tests.conftest import Sleeps
from tests.fakes.telegram import TOKEN, Call, Chat, FakeBotApi, User

GROUP = Chat(-100123, "supergroup", "Family")
# ids shaped like Telegram's: long enough that no voice id, clip name or timestamp contains one
ALICE = User(700000111, "Alice")
BOB = User(700000222, "Bob")
CAROL = User(700000444, "Carol")
WANG = User(700000333, "Wang", language_code="zh-hans")


class Telegram:
    """A chat as a test sees it: users send things, the real bot answers through the fake API."""

    def __init__(self, app: App, api: FakeBotApi) -> None:
        self.app = app
        self.api = api

    @property
    def core(self) -> Core:
        core: Core = self.app.bot_data["core"]
        return core

    async def send(self, message: dict[str, Any]) -> dict[str, Any]:
        await self.app.process_update(Update.de_json(self.api.update(message), self.app.bot))
        return message

    async def press(self, user: User, bot_message: dict[str, Any], data: str) -> None:
        update = self.api.press(user, bot_message, data)
        await self.app.process_update(Update.de_json(update, self.app.bot))

    def replies(self, *methods: str) -> list[Call]:
        return self.api.of(*(methods or ("sendMessage",)))

    def sent_to(self, chat: Chat | User) -> list[Call]:
        """The messages the bot sent, or tried to send, to one chat."""
        return [c for c in self.api.of("sendMessage") if int(c.params["chat_id"]) == chat.id]

    @staticmethod
    def buttons(call: Call) -> list[str]:
        """A sent message's buttons (their callback data), row after row."""
        return [
            button["callback_data"]
            for row in call.params["reply_markup"]["inline_keyboard"]
            for button in row
        ]

    def last_text(self) -> str:
        """The latest words the bot showed: a message, an edit or a button's pop-up."""
        shown = [
            c.params["text"]
            for c in self.api.calls
            if c.params.get("text")
            and c.method in ("sendMessage", "editMessageText", "answerCallbackQuery")
        ]
        return str(shown[-1])

    async def clone(self, chat: Chat, user: User, ogg: bytes, command: str) -> None:
        note = self.api.voice_note(chat, user, ogg)
        await self.send(self.api.command(chat, user, command, reply_to=note))


def telegram_settings(api: FakeBotApi, **more: Any) -> TelegramSettings:
    """The Telegram bot's own settings, for the fake Bot API."""
    return load_telegram_settings(
        _env_file=None, telegram_bot_token=SecretStr(TOKEN), telegram_api_url=api.base_url, **more
    )


@contextlib.asynccontextmanager
async def telegram_chat(
    settings: Settings, api: FakeBotApi, sleeps: Sleeps
) -> AsyncIterator[Telegram]:
    """The bot running with these settings (a test about one setting opens its own)."""
    async with open_core(settings, sleep=sleeps) as core:
        app = build_application(settings, telegram_settings(api), core)
        async with app:
            await app.start()
            yield Telegram(app, api)
            await app.stop()


@pytest.fixture
async def botapi() -> AsyncIterator[FakeBotApi]:
    api = FakeBotApi()
    await api.start()
    yield api
    await api.stop()


@pytest.fixture
def tg_settings(higgs_settings: Settings) -> Settings:
    """The core's settings the Telegram tests run with."""
    return higgs_settings


@pytest.fixture
async def tg(tg_settings: Settings, botapi: FakeBotApi, sleeps: Sleeps) -> AsyncIterator[Telegram]:
    async with telegram_chat(tg_settings, botapi, sleeps) as chat:
        yield chat
