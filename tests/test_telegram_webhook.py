"""Webhook mode, as replicas behind a load balancer run it: the real PTB webhook server started
from the settings, sent real HTTP posts, answering through the fake Bot API."""

from __future__ import annotations

import logging
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from bots.telegram.app import serving
from bots.telegram.settings import TelegramSettings
from bots.telegram.texts import text
from core.errors import ConfigError
from core.settings import Settings
from tests.conftest import voicebot
from tests.fakes.telegram import TOKEN, FakeBotApi
from tests.telegram_chat import ALICE, BOB, GROUP, telegram_settings

SECRET = "replica-shared_secret-42"
PUBLIC_URL = "https://bot.example.org/telegram/updates"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def webhook_settings(botapi: FakeBotApi) -> TelegramSettings:
    return telegram_settings(
        botapi,
        telegram_webhook_url=PUBLIC_URL,
        telegram_webhook_secret=SecretStr(SECRET),
        telegram_webhook_listen="127.0.0.1",
        telegram_webhook_port=free_port(),
    )


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as client:
        yield client


async def deliver(
    http: httpx.AsyncClient, settings: TelegramSettings, update: dict[str, Any], **headers: str
) -> int:
    """Post an update as Telegram (or someone pretending to be it) would; the status."""
    local = f"http://127.0.0.1:{settings.telegram_webhook_port}/telegram/updates"
    response = await http.post(local, json=update, headers=headers)
    return response.status_code


async def test_webhook_mode_sets_the_webhook_and_answers_what_telegram_posts(
    tg_settings: Settings,
    webhook_settings: TelegramSettings,
    botapi: FakeBotApi,
    http: httpx.AsyncClient,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    async with serving(tg_settings, webhook_settings):
        (webhook,) = botapi.of("setWebhook")
        assert webhook.params["url"] == PUBLIC_URL
        assert webhook.params["secret_token"] == SECRET
        assert "callback_query" in webhook.params["allowed_updates"]
        assert botapi.of("getUpdates") == []  # no polling beside the webhook

        help_ = botapi.command(GROUP, ALICE, "/help")
        status = await deliver(
            http,
            webhook_settings,
            botapi.update(help_),
            **{"X-Telegram-Bot-Api-Secret-Token": SECRET},
        )

        assert status == 200
        reply = await botapi.sent.get()
        assert (reply.method, int(reply.params["chat_id"])) == ("sendMessage", GROUP.id)
        assert reply.params["reply_parameters"]["message_id"] == help_["message_id"]
        assert reply.params["text"] == text("tg_help", "en")
    assert botapi.of("deleteWebhook") == []  # a replica going away leaves the others the hook
    # httpx logs request URLs, which carry the token: `voicebot` keeps it at WARNING
    logged = [
        r.getMessage() for r in caplog.records if not r.name.startswith(("httpx", "aiohttp"))
    ]
    assert logged and not [line for line in logged if SECRET in line or TOKEN in line]


@pytest.mark.parametrize(
    "headers",
    [{}, {"X-Telegram-Bot-Api-Secret-Token": "guessed"}],
    ids=["no secret", "wrong secret"],
)
async def test_a_post_without_the_secret_is_refused_and_not_handled(
    headers: dict[str, str],
    tg_settings: Settings,
    webhook_settings: TelegramSettings,
    botapi: FakeBotApi,
    http: httpx.AsyncClient,
) -> None:
    async with serving(tg_settings, webhook_settings):
        forged = botapi.update(botapi.command(GROUP, BOB, "/help"))
        assert await deliver(http, webhook_settings, forged, **headers) == 403

        # a genuine update afterwards: by its answer, the forged one would have been handled
        genuine = botapi.command(GROUP, ALICE, "/help")
        await deliver(
            http,
            webhook_settings,
            botapi.update(genuine),
            **{"X-Telegram-Bot-Api-Secret-Token": SECRET},
        )
        await botapi.sent.get()
    (reply,) = botapi.of("sendMessage")
    assert reply.params["reply_parameters"]["message_id"] == genuine["message_id"]


async def test_without_a_webhook_url_the_bot_long_polls(
    tg_settings: Settings, botapi: FakeBotApi
) -> None:
    async with serving(tg_settings, telegram_settings(botapi)):
        help_ = botapi.command(GROUP, ALICE, "/help")
        botapi.push(botapi.update(help_))
        reply = await botapi.sent.get()
    assert reply.params["reply_parameters"]["message_id"] == help_["message_id"]
    assert botapi.of("setWebhook") == [] and botapi.of("deleteWebhook")


async def test_a_webhook_url_without_a_secret_stops_the_bot_at_start_up(tmp_path: Path) -> None:
    code, out = await voicebot(
        tmp_path, "telegram", TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_WEBHOOK_URL=PUBLIC_URL
    )
    assert code == 2
    assert out.strip() == (
        "voicebot: Setting TELEGRAM_WEBHOOK_SECRET is not valid: "
        "Value error, must be set when TELEGRAM_WEBHOOK_URL is"
    )


async def test_a_webhook_telegram_refuses_is_one_clear_line(
    tg_settings: Settings, webhook_settings: TelegramSettings, botapi: FakeBotApi
) -> None:
    botapi.fail("setWebhook", 400, "Bad Request: bad webhook: Failed to resolve host")
    with pytest.raises(ConfigError) as refused:
        async with serving(tg_settings, webhook_settings):
            pass
    assert str(refused.value) == (
        "Setting TELEGRAM_WEBHOOK_URL was refused by Telegram: Bad webhook: failed to resolve host"
    )


async def test_a_port_already_taken_is_one_clear_line(
    tg_settings: Settings, webhook_settings: TelegramSettings
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", webhook_settings.telegram_webhook_port))
        taken.listen()
        with pytest.raises(ConfigError) as refused:
            async with serving(tg_settings, webhook_settings):
                pass
    assert str(refused.value).startswith(
        "Settings TELEGRAM_WEBHOOK_LISTEN/PORT: cannot listen "
        f"on 127.0.0.1:{webhook_settings.telegram_webhook_port}"
    )
