"""The same on many replicas: two Telegram webhook gateways of one token on one database (and
one DATA_DIR) behave as one. A user's rate is counted once, a clip sent to one replica can be
named through the other, and each user's updates are handled in the order they were sent while
other users' go on."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from bots.telegram.app import serving
from bots.telegram.common import App
from bots.telegram.texts import text
from core.app import Core
from core.domain import Where
from core.errors import TooFast
from core.limits import RateLimit, Rates
from core.messages import error_text
from core.settings import Settings
from core.storage.db import open_database
from tests.conftest import Clips
from tests.fakes.ai302 import Fake302
from tests.fakes.telegram import Call, Chat, FakeBotApi, User
from tests.postgres import on_both_databases, query
from tests.telegram_chat import ALICE, BOB, GROUP, telegram_settings
from tests.test_telegram_webhook import PUBLIC_URL, SECRET, free_port

ALICE_HERE = Where("telegram", str(GROUP.id), str(ALICE.id))
ALICE_DM = Chat(ALICE.id, "private")
TRY_AGAIN = re.compile(r"Please try again in (\d+) s\.")


class Replica:
    """One gateway as Telegram sees it: the address it posts updates to."""

    def __init__(self, app: App, api: FakeBotApi, http: httpx.AsyncClient, port: int) -> None:
        self.app = app
        self._api = api
        self._http = http
        self._url = f"http://127.0.0.1:{port}/telegram/updates"

    @property
    def core(self) -> Core:
        core: Core = self.app.bot_data["core"]
        return core

    async def post(self, message: dict[str, Any]) -> dict[str, Any]:
        """Deliver a user's message to this replica, as Telegram's webhook call does."""
        response = await self._http.post(
            self._url,
            json=self._api.update(message),
            headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
        )
        assert response.status_code == 200
        return message

    async def press(self, user: User, bot_message: dict[str, Any], data: str) -> None:
        """Deliver a button press on a message the bot sent."""
        response = await self._http.post(
            self._url,
            json=self._api.press(user, bot_message, data),
            headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
        )
        assert response.status_code == 200


@asynccontextmanager
async def replicas(settings: Settings, api: FakeBotApi) -> AsyncIterator[tuple[Replica, ...]]:
    """Two webhook gateways of one bot, each its own process's worth of state (core, PTB
    application, webhook server), sharing only the database and DATA_DIR."""
    shared = settings.model_copy(update={"metrics_port": 0})
    async with AsyncExitStack() as stack:
        http = await stack.enter_async_context(httpx.AsyncClient())
        started = []
        for _ in range(2):
            port = free_port()
            telegram = telegram_settings(
                api,
                telegram_webhook_url=PUBLIC_URL,
                telegram_webhook_secret=SecretStr(SECRET),
                telegram_webhook_listen="127.0.0.1",
                telegram_webhook_port=port,
            )
            app = await stack.enter_async_context(serving(shared, telegram))
            started.append(Replica(app, api, http, port))
        yield tuple(started)


async def first(queue: asyncio.Queue[Call], wanted: Callable[[Call], bool]) -> Call:
    """The next call the bot makes that is `wanted` (the ones before it are passed over)."""
    while True:
        call = await queue.get()
        if wanted(call):
            return call


def under(message: dict[str, Any], method: str = "sendMessage") -> Callable[[Call], bool]:
    """A call of `method` that answers `message`."""

    def answers(call: Call) -> bool:
        replied = call.params.get("reply_parameters") or {}
        return call.method == method and replied.get("message_id") == message["message_id"]

    return answers


def said_to(api: FakeBotApi, chat: Chat) -> list[str]:
    """Every message the bot sent to a chat, in order."""
    return [
        str(c.params["text"]) for c in api.of("sendMessage") if int(c.params["chat_id"]) == chat.id
    ]


@on_both_databases
async def test_a_users_rate_is_counted_once_whichever_replica_they_reach(
    tg_settings: Settings, botapi: FakeBotApi, clips: Clips, fake302: Fake302, db_url: str
) -> None:
    settings = tg_settings.model_copy(update={"user_requests_per_minute": 2})
    async with replicas(settings, botapi) as (a, b):
        await a.core.voices.register(ALICE_HERE, "nana", clips.ogg, transcript="Quick fox.")
        for words in ("One", "Two"):  # her allowance, on replica A
            say = await a.post(botapi.command(GROUP, ALICE, f"/say nana {words}"))
            await first(botapi.sent, under(say, "sendVoice"))

        third = await b.post(botapi.command(GROUP, ALICE, "/say nana Three"))
        status = await first(botapi.sent, under(third))  # "Preparing…", then the refusal
        shown = status.params["_returned"]["message_id"]
        refusal = await first(botapi.edited, lambda c: int(c.params["message_id"]) == shown)
        found = TRY_AGAIN.search(refusal.params["text"])
        assert found is not None and 1 <= int(found[1]) <= 30  # (one more every 30 s)
        assert refusal.params["text"] == error_text(TooFast(seconds=int(found[1])), "en")

        others = await b.post(botapi.command(GROUP, BOB, "/say nana Mine"))  # others go on
        await first(botapi.sent, under(others, "sendVoice"))
    spoken = [c.json["input_text"] for c in fake302.calls("clone_create")]
    assert spoken == ["One", "Two", "Mine"]
    assert len(await query(db_url, "SELECT id FROM jobs")) == 3  # none for the refused one


@on_both_databases
async def test_a_clip_sent_to_one_replica_is_named_through_the_other(
    tg_settings: Settings, botapi: FakeBotApi, clips: Clips, db_url: str
) -> None:
    async with replicas(tg_settings, botapi) as (a, b):
        clip = await a.post(botapi.voice_note(ALICE_DM, ALICE, clips.ogg))
        asked = await first(botapi.sent, under(clip))
        assert asked.params["text"] == text("tg_ask_name", "en")

        bad = await b.post(botapi.text(ALICE_DM, ALICE, "my voice"))
        assert "cannot be a voice name" in (await first(botapi.sent, under(bad))).params["text"]
        good = await a.post(botapi.text(ALICE_DM, ALICE, "myvoice"))  # the clip waits still
        saved = await first(botapi.sent, under(good))
        assert saved.params["text"].startswith("Saved voice “myvoice”")

        # another clip, dropped by /cancel on the other replica: a name after it makes nothing
        again = await b.post(botapi.voice_note(ALICE_DM, ALICE, clips.ogg))
        await first(botapi.sent, under(again))
        cancel = await a.post(botapi.command(ALICE_DM, ALICE, "/cancel"))
        dropped = await first(botapi.sent, under(cancel))
        assert dropped.params["text"] == text("tg_cancelled", "en")
        await b.post(botapi.text(ALICE_DM, ALICE, "other"))
        listing = await b.post(botapi.command(ALICE_DM, ALICE, "/voices"))  # after the name
        shown = (await first(botapi.sent, under(listing))).params["text"]
        assert "myvoice" in shown and "other" not in shown
        assert await query(db_url, "SELECT user_id FROM unnamed_clips") == []

        # a clip waiting on one replica goes with /forgetme confirmed on the other
        last = await a.post(botapi.voice_note(ALICE_DM, ALICE, clips.ogg))
        await first(botapi.sent, under(last))
        forget = await b.post(botapi.command(ALICE_DM, ALICE, "/forgetme"))
        confirm = await first(botapi.sent, under(forget))
        await b.press(ALICE, botapi.sent_message(confirm), f"forget:yes:{ALICE.id}")
        asked = botapi.sent_message(confirm)["message_id"]
        await first(botapi.edited, lambda c: int(c.params["message_id"]) == asked)
    assert await query(db_url, "SELECT user_id FROM unnamed_clips") == []
    assert await query(db_url, "SELECT id FROM voices") == []


async def test_one_users_updates_keep_their_order_while_others_go_on(
    tg_settings: Settings, botapi: FakeBotApi, clips: Clips
) -> None:
    async with replicas(tg_settings, botapi) as (a, _):
        botapi.file_gate = downloaded = asyncio.Event()
        await a.post(botapi.voice_note(ALICE_DM, ALICE, clips.ogg))
        await botapi.file_waiting.wait()  # her clip is being fetched...
        await a.post(botapi.text(ALICE_DM, ALICE, "myvoice"))  # ...as she sends its name
        help_ = await a.post(botapi.command(GROUP, BOB, "/help"))
        await first(botapi.sent, under(help_))  # Bob is not held up by Alice's download
        assert said_to(botapi, ALICE_DM) == []

        downloaded.set()
        listing = await a.post(botapi.command(ALICE_DM, ALICE, "/voices"))
        await first(botapi.sent, under(listing))
    asked, saved, shown = said_to(botapi, ALICE_DM)
    assert asked == text("tg_ask_name", "en")
    assert saved.startswith("Saved voice “myvoice”")  # the name waited for its clip
    assert "myvoice" in shown


async def test_a_users_next_command_is_not_stuck_behind_their_say(
    tg_settings: Settings, botapi: FakeBotApi, clips: Clips, fake302: Fake302, db_url: str
) -> None:
    async with replicas(tg_settings, botapi) as (a, _):
        await a.core.voices.register(ALICE_HERE, "nana", clips.ogg, transcript="Quick fox.")
        fake302.create_gate = generating = asyncio.Event()
        say = await a.post(botapi.command(GROUP, ALICE, "/say nana Hello there"))
        await fake302.create_waits.wait()  # her job is written and on its way upstream

        listing = await a.post(botapi.command(GROUP, ALICE, "/voices"))
        shown = await first(botapi.sent, under(listing))  # answered while /say goes on
        assert "nana" in shown.params["text"]
        assert botapi.of("sendVoice") == []
        assert len(await query(db_url, "SELECT id FROM jobs")) == 1

        generating.set()
        await first(botapi.sent, under(say, "sendVoice"))


@on_both_databases
async def test_rate_limits_say_when_to_try_again(db_url: str) -> None:
    db = await open_database(db_url)
    now = [1000.0]
    rates = Rates(db=db, clock=lambda: now[0])
    limit = RateLimit(rates, "user", 2, 60)
    try:
        await limit.take("alice")
        now[0] += 10
        await limit.take("alice")
        await limit.take("bob")  # every key has its own allowance
        with pytest.raises(TooFast) as caught:
            await limit.take("alice")
        # two at once, then one every 30 s: the first of those is due 30 s after the first
        assert caught.value.seconds == 20
        assert error_text(caught.value) == (
            "That's a lot of requests in a short time. Please try again in 20 s."
        )
        now[0] += 19
        with pytest.raises(TooFast) as caught:
            await limit.take("alice")
        assert caught.value.seconds == 1
        now[0] += 1
        await limit.take("alice")  # exactly when it said
        await RateLimit(rates, "chat", 0).take("anyone")  # 0: no limit

        now[0] = 1050  # Bob's allowance is whole again; Alice's is not
        assert await rates.drop_spent() == 1
        with pytest.raises(TooFast):
            await limit.take("alice")
    finally:
        await db.dispose()


@on_both_databases
async def test_a_request_one_limit_refuses_is_counted_by_none(db_url: str) -> None:
    db = await open_database(db_url)
    rates = Rates(db=db, clock=lambda: 1000.0)
    # the chat's limit is counted first (keys in order), the user's refuses after it
    user, chat = RateLimit(rates, "user", 1), RateLimit(rates, "chat", 5)
    try:
        await rates.take(*user.of("alice"), *chat.of("group"))  # Alice's one request
        for _ in range(3):
            with pytest.raises(TooFast):
                await rates.take(*user.of("alice"), *chat.of("group"))
        for _ in range(4):  # the chat has the four it had left: the refused took none
            await chat.take("group")
        with pytest.raises(TooFast):
            await chat.take("group")
        assert chat.of("elsewhere") and not RateLimit(rates, "chat", 0).of("elsewhere")
    finally:
        await db.dispose()


@on_both_databases
async def test_requests_at_once_from_two_processes_are_each_counted_once(db_url: str) -> None:
    engines = [await open_database(db_url) for _ in range(2)]
    try:
        limits = [RateLimit(Rates(db=db, clock=lambda: 1000.0), "user", 5) for db in engines]
        outcomes = await asyncio.gather(
            *[limits[i % 2].take("alice") for i in range(20)], return_exceptions=True
        )
    finally:
        for db in engines:
            await db.dispose()
    assert sum(outcome is None for outcome in outcomes) == 5
    assert all(isinstance(o, TooFast) for o in outcomes if o is not None)
