"""A locked or slow database: a person waiting on a command hears "busy, try again" soon, with
nothing changed, while a job already written down waits it out and is delivered."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator

import asyncpg
import pytest

from core.app import open_core
from core.domain import Progress, Where
from core.messages import text
from core.settings import Settings
from tests.conftest import Clips, Sleeps, watched
from tests.fakes.telegram import FakeBotApi
from tests.postgres import on_both_databases
from tests.telegram_chat import ALICE, GROUP, telegram_chat

HURRY_S = 0.2  # a waiting person's patience, in these tests


@contextlib.asynccontextmanager
async def locked(settings: Settings) -> AsyncIterator[None]:
    """Another program holds the database: SQLite's write lock, or Postgres' tables whole."""
    if settings.db_url.startswith("sqlite"):
        other = sqlite3.connect(settings.data_dir / "voicebot.db", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.rollback()
            other.close()
        return
    conn = await asyncpg.connect(settings.db_url.replace("+asyncpg", ""))
    try:
        async with conn.transaction():
            await conn.execute("LOCK TABLE jobs, voices IN ACCESS EXCLUSIVE MODE")
            yield
    finally:
        await conn.close()


@on_both_databases
@pytest.mark.fault("database: locked while /say is sent", '"busy, try again" soon; nothing lost')
async def test_a_command_meeting_a_locked_database_is_told_busy_and_can_try_again(
    higgs_settings: Settings, botapi: FakeBotApi, sleeps: Sleeps, clips: Clips
) -> None:
    settings = higgs_settings.model_copy(update={"busy_wait_s": HURRY_S})
    async with telegram_chat(settings, botapi, sleeps) as tg:
        await tg.clone(GROUP, ALICE, clips.ogg, "/clone alicia | Hello from Alice.")
        async with locked(settings):
            await tg.send(tg.api.command(GROUP, ALICE, "/say alicia Good morning."))
            assert tg.last_text() == text("error_busy", "en")
        assert not tg.replies("sendVoice")

        await tg.send(tg.api.command(GROUP, ALICE, "/say alicia Good morning."))
        assert len(tg.replies("sendVoice")) == 1  # the voice is intact, the retry spoken


@on_both_databases
async def test_a_job_already_written_down_waits_out_a_locked_database(
    higgs_settings: Settings, sleeps: Sleeps, clips: Clips, alice: Where
) -> None:
    settings = higgs_settings.model_copy(update={"busy_wait_s": HURRY_S})
    held: list[contextlib.AbstractAsyncContextManager[None]] = []

    async def lock_for_a_while(progress: Progress) -> None:
        """Once the job runs, lock the database for ten times a person's patience."""
        if held:
            return
        held.append(locked(settings))
        await held[0].__aenter__()
        loop = asyncio.get_running_loop()
        loop.call_later(
            10 * HURRY_S, lambda: loop.create_task(held[0].__aexit__(None, None, None))
        )

    async with open_core(settings, sleep=sleeps) as core:
        await core.voices.register(alice, "alicia", clips.wav, transcript="Hello from Alice.")
        core.hurry()  # as a command's handler does
        clip = await watched(
            lambda reply: core.speaking.say(alice, "alicia", "Good morning.", reply=reply),
            lock_for_a_while,
        )
    assert held and clip.seconds > 0
