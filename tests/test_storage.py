"""The database, on SQLite and Postgres: migrations build exactly the schema the code uses,
upgrades keep voices, and servers starting together migrate once."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import JSON, Connection, column, table
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from core.app import open_core
from core.domain import Person, Where
from core.storage.db import MIGRATIONS, alone, glance, open_database
from core.storage.tables import metadata
from tests.conftest import Clips, make_settings
from tests.postgres import on_both_databases, query

GROUP = Where("telegram", "-100", "700000001", locale="en-US")


def _migrations() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _drift(connection: Connection) -> list[object]:
    return list(compare_metadata(MigrationContext.configure(connection), metadata))


@on_both_databases
async def test_migrations_build_the_schema_the_code_declares(db_url: str) -> None:
    db = await open_database(db_url)
    async with db.connect() as conn:
        assert await conn.run_sync(_drift) == []
    await db.dispose()


@on_both_databases
async def test_restarting_keeps_voices_and_their_clips(
    tmp_path: Path, clips: Clips, db_url: str
) -> None:
    settings = make_settings(tmp_path / "data", engine="offline", database_url=db_url)
    me = Where("console", "local", "me", private=True)
    async with open_core(settings) as speech:
        await speech.voices.register(me, "keeper", clips.wav, transcript="words")
    async with open_core(settings) as speech:  # migrations run again: nothing to do
        (voice,) = await speech.voices.usable(me)
        assert (voice.name, voice.transcript) == ("keeper", "words")
        assert voice.ref_path.read_bytes()[:4] == b"RIFF"
        clip = await speech.speaking.say(me, "keeper", "Still here.")
    assert clip.seconds > 0.3


def _upgrade(connection: Connection, revision: str) -> None:
    config = _migrations()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


async def _database_of_old(url: str) -> None:
    """A database written by old versions: a voice and a chat default from before consent
    (0003), then a console job whose missing target 0005 wrote as JSON null."""
    db = create_async_engine(url)
    async with db.begin() as conn:
        await conn.run_sync(_upgrade, "0003")
    old_voices = table(
        "voices",
        *map(
            column,
            (
                "id",
                "name",
                "name_key",
                "owner_id",
                "scope",
                "ref_file",
                "seconds",
                "transcript",
                "created_at",
            ),
        ),
    )
    async with db.begin() as conn:
        await conn.execute(
            old_voices.insert().values(
                id="v1",
                name="grandpa",
                name_key="grandpa",
                owner_id=GROUP.user_id,
                scope=GROUP.space_scope,
                ref_file="v1.wav",
                seconds=5.0,
                transcript="words",
                created_at=datetime(2026, 1, 1, 10, tzinfo=UTC),
            )
        )
        await conn.execute(
            table("spaces", column("scope"), column("default_voice_id"))
            .insert()
            .values(scope=GROUP.space_scope, default_voice_id="v1")
        )
        await conn.run_sync(_upgrade, "0005")
        now = datetime.now(UTC)
        old_jobs = table(
            "jobs",
            *map(
                column,
                (
                    "id",
                    "state",
                    "platform",
                    "space_id",
                    "user_id",
                    "kind",
                    "text",
                    "created_at",
                    "updated_at",
                ),
            ),
            column("params", JSON),
            column("target", JSON),
        )
        await conn.execute(
            old_jobs.insert().values(
                id="j1",
                state="submitted",
                platform="console",
                space_id="local",
                user_id="me",
                kind="clone",
                text="Cut off.",
                params={},
                target=JSON.NULL,
                created_at=now,
                updated_at=now,
            )
        )
    await db.dispose()


@on_both_databases
async def test_upgrading_an_old_database_keeps_its_voices_and_closes_its_console_jobs(
    tmp_path: Path, clips: Clips, db_url: str
) -> None:
    settings = make_settings(tmp_path / "data", engine="offline", database_url=db_url)
    (settings.data_dir / "voices").mkdir(parents=True)
    (settings.data_dir / "voices" / "v1.wav").write_bytes(clips.wav)
    await _database_of_old(db_url)

    async with open_core(settings) as speech:
        (voice,) = await speech.voices.usable(GROUP)
        assert (voice.name, voice.pending, voice.shared, voice.uses) == ("grandpa", False, True, 0)
        assert voice.speaker == Person(GROUP.user_id, "")
        assert voice.created_at == datetime(2026, 1, 1, 10, tzinfo=UTC)
        assert await speech.voices.default(GROUP) == voice
        await speech.speaking.say(GROUP, "grandpa", "Still speaking.")
    assert await query(db_url, "SELECT state, error FROM jobs WHERE id = 'j1'") == [
        ("failed", "interrupted")
    ]


@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
async def test_servers_starting_together_on_a_new_database_migrate_it_once(db_url: str) -> None:
    """Four engines open it at once, as four servers would: they take turns (an advisory
    lock), and the later ones find nothing left to do."""
    started = await asyncio.gather(
        *(open_database(db_url) for _ in range(4)), return_exceptions=True
    )
    engines = [db for db in started if isinstance(db, AsyncEngine)]
    try:
        assert engines == started
        async with engines[0].connect() as conn:
            assert await conn.run_sync(_drift) == []
    finally:
        for db in engines:
            await db.dispose()
    assert await query(db_url, "SELECT version_num FROM alembic_version") == [
        (ScriptDirectory.from_config(_migrations()).get_current_head(),)
    ]


async def test_while_another_process_writes_sqlite_reads_go_on_and_a_write_waits_its_turn(
    tmp_path: Path,
) -> None:
    """Glances are made in the event loop's thread: they must never wait for a writer.
    Another process's open write transaction (here a plain connection of this test) leaves
    them and other reads alone, and a write of the bot waits for it on its own thread, the
    loop free meanwhile."""
    path = tmp_path / "voicebot.db"
    db = await open_database(f"sqlite+aiosqlite:///{path}")
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # holds the write lock
        other.execute("INSERT INTO spaces (scope) VALUES ('telegram:-1')")
        ticks = 0

        async def ticking() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.01)

        clock = asyncio.create_task(ticking())
        writing = asyncio.create_task(_write(db, "telegram:-2"))
        for reading in (glance(db), db):  # at once, and on a thread
            async with reading.connect() as conn:
                counted = await conn.exec_driver_sql("SELECT count(*) FROM spaces")
                assert counted.scalar() == 0
        before = ticks
        await asyncio.sleep(0.3)
        assert not writing.done() and ticks - before >= 10  # the write waits; the loop does not
        other.execute("COMMIT")
        await writing
        clock.cancel()
        async with db.connect() as conn:
            assert (await conn.exec_driver_sql("SELECT count(*) FROM spaces")).scalar() == 2
    finally:
        other.close()
        await db.dispose()


async def test_a_sqlite_write_is_made_in_the_event_loops_thread_while_the_lock_is_free(
    tmp_path: Path,
) -> None:
    """No other process writing: the bot's write takes the lock at once and makes its
    statements without handing each to the connection's thread and back."""
    db = await open_database(f"sqlite+aiosqlite:///{tmp_path / 'voicebot.db'}")
    try:
        async with db.begin() as conn:
            driver = (await conn.get_raw_connection()).driver_connection
            await driver.create_function("thread", 0, threading.get_ident)
            await conn.exec_driver_sql("INSERT INTO spaces (scope) VALUES ('telegram:-1')")
            made_in = (await conn.exec_driver_sql("SELECT thread()")).scalar()
        assert made_in == threading.get_ident()
        async with db.connect() as conn:
            assert (await conn.exec_driver_sql("SELECT count(*) FROM spaces")).scalar() == 1
    finally:
        await db.dispose()


@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
async def test_on_postgres_a_glance_and_a_lone_write_are_each_one_statement(db_url: str) -> None:
    """A glance, or a write of one statement, is its own transaction: no BEGIN before it, no
    ROLLBACK or COMMIT after it (two round trips of three). Transactions stay transactions,
    on connections of their own."""
    db = await open_database(db_url)
    try:
        for engine in (glance(db), alone(db)):
            async with engine.begin() as conn:
                await conn.exec_driver_sql("UPDATE spaces SET daily_chars = 1 WHERE false")
                driver = (await conn.get_raw_connection()).driver_connection
                assert not driver.is_in_transaction()
        async with glance(db).connect() as conn:
            await conn.exec_driver_sql("SELECT count(*) FROM spaces")
            assert not (await conn.get_raw_connection()).driver_connection.is_in_transaction()
        for _ in range(3):  # (whichever pooled connection each gets)
            async with db.connect() as conn:
                await conn.exec_driver_sql("SELECT count(*) FROM spaces")
                assert (await conn.get_raw_connection()).driver_connection.is_in_transaction()
    finally:
        await db.dispose()


async def _write(db: AsyncEngine, scope: str) -> None:
    async with db.begin() as conn:
        await conn.exec_driver_sql(f"INSERT INTO spaces (scope) VALUES ('{scope}')")
