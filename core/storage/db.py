"""Open the database and bring its schema up to date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, event
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

MIGRATIONS = Path(__file__).with_name("migrations")
POOL_WAIT_S = 600
WRITE_LOCK_WAIT_MS = 120_000  # SQLite: how long a writer waits for another's transaction


async def open_database(url: str) -> AsyncEngine:
    """Create the engine and run every pending Alembic migration on it."""
    if url.startswith("sqlite") and ":memory:" not in url:
        Path(url.split("///", 1)[1]).parent.mkdir(parents=True, exist_ok=True)
    # errors never show user text; under load a request waits for a connection rather than
    # failing after the default 30 s (a job already paid for must not be lost to a busy pool)
    engine = create_async_engine(url, hide_parameters=True, pool_size=10, max_overflow=20,
                                 pool_timeout=POOL_WAIT_S)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_for_many_writers)
    async with engine.begin() as conn:
        await conn.run_sync(_upgrade)
    return engine


def _sqlite_for_many_writers(connection: Any, _: Any) -> None:
    """Write-ahead logging (readers never block the writer) and a long wait for the write lock:
    under load, many jobs record their progress at once."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={WRITE_LOCK_WAIT_MS}")
    cursor.close()


def _upgrade(connection: Connection) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
