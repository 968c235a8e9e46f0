"""Open the database and bring its schema up to date."""

from __future__ import annotations

import asyncio
import functools
import sqlite3
import weakref
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Literal

import aiosqlite
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, Insert, Table, event, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from core.errors import DatabaseBusy

MIGRATIONS = Path(__file__).with_name("migrations")
POOL_WAIT_S = 600
WRITE_LOCK_WAIT_MS = 120_000  # SQLite: how long a writer waits for another's transaction
READ_LOCK_WAIT_MS = 1_000  # SQLite: how long a reader may hold up the event loop for a lock
MIGRATION_LOCK = 0x766F_6963_6562_6F74  # Postgres: the advisory lock's key ("voicebot")
# Postgres: a lock not granted in time (55P03), a statement cancelled by its timeout (57014)
BUSY_STATES = {"55P03", "57014"}
GLANCERS = 10  # Postgres: the connections kept for glances
AUTO = "AUTOCOMMIT"  # Postgres: the isolation of glances, each statement its own transaction

# How long the database may keep the current task waiting for a lock or a statement; None:
# as long as it takes (a job already paid for, a result being recorded).
_patience: ContextVar[float | None] = ContextVar("patience", default=None)


def hurry(seconds: float) -> None:
    """A person waits on the rest of this task: past `seconds` waiting for a lock or a
    statement, the database gives up and the request fails as `DatabaseBusy` ("busy, try
    again"), with nothing written. Tasks started from here on inherit the hurry."""
    _patience.set(seconds)


@contextmanager
def patient() -> Iterator[None]:
    """Wait as long as the database needs, within: work nobody should lose to a busy moment."""
    token = _patience.set(None)
    try:
        yield
    finally:
        _patience.reset(token)


async def open_database(url: str) -> AsyncEngine:
    """Create the engine and run every pending Alembic migration on it."""
    if url.startswith("sqlite") and ":memory:" not in url:
        Path(url.split("///", 1)[1]).parent.mkdir(parents=True, exist_ok=True)
    # errors never show user text; under load a request waits for a connection rather than
    # failing after the default 30 s (a job already paid for must not be lost to a busy pool).
    # SQLite writes one at a time whatever the pool, and each connection is a thread with a
    # page cache of its own: a few are as fast as thirty, and hold 100 MB less under load.
    # Postgres: 30 connections a process at most, 10 of them for glances (`_autocommit`).
    few = url.startswith("sqlite")
    engine = _engine(url, 5 if few else 10, 0 if few else 10)
    if engine.dialect.name == "sqlite" and ":memory:" not in url:  # (a file both can open)
        engine = _WritersInTurn(engine.sync_engine, writer=_writer(url), glancer=_glancer(url))
    elif engine.dialect.name == "postgresql":
        engine = _Glancing(engine.sync_engine, glancer=_autocommit(url))
    async with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            # servers starting together migrate one after another; the later ones find
            # nothing to do (the lock ends with the transaction)
            await conn.execute(select(func.pg_advisory_xact_lock(MIGRATION_LOCK)))
        await conn.run_sync(_upgrade)
    return engine


def _engine(url: str, size: int, overflow: int, *, autocommit: bool = False) -> AsyncEngine:
    """An engine whose waits follow the current task's patience: each transaction's own, or
    (`autocommit`, each statement its own transaction) the connections'."""
    engine = create_async_engine(
        url,
        hide_parameters=True,
        pool_size=size,
        max_overflow=overflow,
        pool_timeout=POOL_WAIT_S,
        **({"isolation_level": AUTO} if autocommit else {}),
    )
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_for_many_writers)
    waits = _session_waits if autocommit else _wait_as_long_as_allowed
    event.listen(engine.sync_engine, "begin", waits)
    event.listen(engine.sync_engine, "handle_error", _busy)
    return engine


def glance(engine: AsyncEngine) -> AsyncEngine:
    """The engine for a glance: a read of a few rows by their keys, on the way of a request
    someone waits for. On SQLite it is made at once in the event loop's thread
    (`_AtOnce`); on Postgres each statement is its own transaction (`_autocommit`). For
    any longer read (a scan, an aggregate, which would hold up SQLite's loop),
    `engine.connect()` as usual."""
    return engine.glancer if isinstance(engine, _Glancing) else engine


def alone(engine: AsyncEngine) -> AsyncEngine:
    """The engine for a write of one statement, atomic by itself: on Postgres the statement
    is its own transaction (`_autocommit`); elsewhere the engine itself. Either way, write
    in its `begin()`."""
    postgres = engine.dialect.name == "postgresql"  # (its glancer: `_autocommit`)
    return engine.glancer if isinstance(engine, _Glancing) and postgres else engine


def _autocommit(url: str) -> AsyncEngine:
    """Postgres: connections of their own (`GLANCERS`), whose statements are each a
    transaction of its own. A read by keys is then one round trip instead of three (BEGIN,
    the read, ROLLBACK): measured here, 0.7 ms instead of 1.9, and half the CPU on each side.
    Nothing else changes for a read: at Postgres' usual isolation (read committed) each
    statement of a transaction sees the database as it is when it starts anyway. The waits
    the current task allows are the connections' own, set only when they change
    (`_session_waits`)."""
    # (all kept, and none beyond them: a burst of requests would make and close those again)
    return _engine(url, GLANCERS, 0, autocommit=True)


def _glancer(url: str) -> AsyncEngine:
    """SQLite's connections for glances, whose calls are made at once (`_AtOnce`)."""
    engine = _sqlite_at_once(url, _AtOnce, 5)
    event.listen(engine.sync_engine, "connect", _read_wait)
    return engine


def _writer(url: str) -> AsyncEngine:
    """SQLite's one connection for this process's writes, whose calls are made at once while
    it holds the write lock (`_WriteAtOnce`)."""
    return _sqlite_at_once(url, _WriteAtOnce, 1)


def _sqlite_at_once(url: str, kind: type[aiosqlite.Connection], size: int) -> AsyncEngine:
    """An engine of `size` SQLite connections of a `kind` that makes (some) calls at once."""
    path = str(make_url(url).database)

    async def connection() -> aiosqlite.Connection:
        made = kind(
            functools.partial(sqlite3.connect, path, check_same_thread=False),
            iter_chunk_size=64,
        )
        made._thread.daemon = True  # (as SQLAlchemy makes its own: none holds up an exit)
        return await made

    engine = create_async_engine(
        url,
        async_creator=connection,
        hide_parameters=True,
        pool_size=size,
        max_overflow=0,
        pool_timeout=POOL_WAIT_S,
    )
    event.listen(engine.sync_engine, "connect", _sqlite_for_many_writers)
    event.listen(engine.sync_engine, "handle_error", _busy)
    return engine


class _AtOnce(aiosqlite.Connection):
    """An aiosqlite connection whose calls run at once (while `at_once`), in the caller's
    thread, instead of being handed to the connection's own thread and their results handed
    back. For glances: with write-ahead logging a reader never waits for a writer, and a read
    of a few rows by their keys takes microseconds, where each of the five hand-overs of a
    statement cost the event loop about a millisecond under load, waiting for the other thread
    to get the GIL and give it back (twenty requests at once had their tasks created
    0.21–0.31 s after their status message; 0.15–0.21 s glancing at once). Longer reads stay
    on their thread; writes run at once only holding the lock (`_WriteAtOnce`)."""

    at_once = True

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if not self.at_once or not self._running or self._connection is None:
            return await super()._execute(fn, *args, **kwargs)  # type: ignore[no-untyped-call]
        return fn(*args, **kwargs)


class _WriteAtOnce(_AtOnce):
    """An aiosqlite connection for writes whose calls run at once, in the caller's thread,
    while it holds SQLite's write lock (`hold`): a writer holding it waits for nothing (with
    write-ahead logging readers never block it, and a commit does not sync the disk; now and
    then one moves the log into the database, 10-15 ms here). Each of a statement's
    hand-overs to the connection's thread and back cost the event loop about a millisecond
    under load, and this process's writes go one at a time: twenty requests at once waited
    in line for each other's. The lock is taken at once when it is free; while another
    process holds it, it is waited for on the connection's thread, never in the loop's."""

    at_once = False  # until it holds the lock

    async def hold(self, wait_s: float | None) -> None:
        """Begin a transaction holding the write lock, waiting for another process to let it
        go at most `wait_s` (None: `WRITE_LOCK_WAIT_MS`); `DatabaseBusy` past that."""
        sqlite = self._conn
        sqlite.execute("PRAGMA busy_timeout=0")
        try:
            sqlite.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if not _locked(exc):
                raise
            wait_ms = WRITE_LOCK_WAIT_MS if wait_s is None else round(wait_s * 1000)

            def wait() -> None:
                sqlite.execute(f"PRAGMA busy_timeout={wait_ms}")
                sqlite.execute("BEGIN IMMEDIATE")

            try:
                await self._execute(wait)  # (not held yet: on its thread)
            except sqlite3.OperationalError as late:
                if _locked(late):
                    raise DatabaseBusy() from None
                raise
        # held: only a rare moment of the log's (another connection recovering it) may make a
        # statement wait now, briefly, as that wait holds up the event loop
        sqlite.execute(f"PRAGMA busy_timeout={READ_LOCK_WAIT_MS}")
        self.at_once = True


def _locked(error: sqlite3.OperationalError) -> bool:
    return error.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _read_wait(connection: Any, _: Any) -> None:
    """A reader waits for a lock only in the rare moments write-ahead logging needs one
    (another connection recovering the log): briefly, as its wait holds up the event loop."""
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={READ_LOCK_WAIT_MS}")
    cursor.close()


class _Glancing(AsyncEngine):
    """An engine with another beside it for glances (see `glance`)."""

    def __init__(self, sync_engine: Engine, *, glancer: AsyncEngine) -> None:
        super().__init__(sync_engine)
        self.glancer = glancer

    async def dispose(self, close: bool = True) -> None:
        await self.glancer.dispose(close)
        await super().dispose(close)


class _WritersInTurn(_Glancing):
    """SQLite: this process's transactions (`begin()`) go one at a time, on a connection of
    their own; reads (`connect()`) share the others. SQLite lets one writer in at a time
    whatever the pool, and a writer left to wait for it inside SQLite holds a pooled connection
    meanwhile and looks for the lock again only after sleeps growing to 100 ms: under load the
    waiting writers held every connection (reads queued behind them) while the lock sat free
    between their looks. Here the next writer goes the moment the last is done, and no read
    waits for a writer. Other processes' writers (workers sharing the file) are waited for on
    the writer's thread (`_WriteAtOnce.hold`)."""

    def __init__(self, sync_engine: Engine, *, writer: AsyncEngine, glancer: AsyncEngine) -> None:
        super().__init__(sync_engine, glancer=glancer)
        self.writer = writer
        # one line of writers per event loop (an engine may outlive a test's loop)
        self._turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )

    @asynccontextmanager
    async def begin(self) -> AsyncIterator[AsyncConnection]:
        turn = self._turns.setdefault(asyncio.get_running_loop(), asyncio.Lock())
        try:
            async with asyncio.timeout(_patience.get()):  # (None: as long as it takes)
                await turn.acquire()
        except TimeoutError:
            raise DatabaseBusy() from None
        held: _WriteAtOnce | None = None
        try:
            async with self.writer.connect() as conn:
                held = (await conn.get_raw_connection()).driver_connection
                assert isinstance(held, _WriteAtOnce)
                await held.hold(_patience.get())
                async with conn.begin():
                    yield conn
        finally:
            if held is not None:
                held.at_once = False
            turn.release()

    async def dispose(self, close: bool = True) -> None:
        await self.writer.dispose(close)
        await super().dispose(close)


def upsert(
    dialect: str, table: Table, values: dict[str, Any], *, key: str | tuple[str, ...]
) -> Insert:
    """Insert the row, or update the one whose primary key `key` (a column, or several) it
    shares: one statement, so writers creating the same row at once do not clash (as two of
    update-else-insert would)."""
    keys = [key] if isinstance(key, str) else list(key)
    changes = {name: value for name, value in values.items() if name not in keys}
    if dialect == "postgresql":
        return (
            postgresql.insert(table)
            .values(values)
            .on_conflict_do_update(index_elements=keys, set_=changes)
        )
    return (
        sqlite.insert(table)
        .values(values)
        .on_conflict_do_update(index_elements=keys, set_=changes)
    )


async def erase(engine: AsyncEngine) -> None:
    """After deleting what a user asked to be forgotten: leave none of it readable in the
    database's files. SQLite overwrites deleted content (`secure_delete`, set per connection)
    and here moves the write-ahead log into the database and empties it. (Postgres keeps dead
    rows until VACUUM reclaims them, which autovacuum does on its own schedule: run
    `VACUUM (FULL) jobs, voices` for the same promise at once.)"""
    if engine.dialect.name == "sqlite":
        async with engine.connect() as conn:
            await conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _sqlite_for_many_writers(connection: Any, _: Any) -> None:
    """Write-ahead logging (readers never block the writer) and a long wait for the write lock:
    under load, many jobs record their progress at once. Deleted content is overwritten, so a
    forgotten user's words do not linger in free pages."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={WRITE_LOCK_WAIT_MS}")
    cursor.close()


def _wait_as_long_as_allowed(conn: Connection) -> None:
    """At each transaction's start, the waits the current task allows. SQLite's wait for the
    write lock is the connection's, so it is set only when it changes; Postgres' timeouts last
    until the transaction ends."""
    seconds = _patience.get()
    if conn.dialect.name == "sqlite":
        wait_ms = WRITE_LOCK_WAIT_MS if seconds is None else round(seconds * 1000)
        if conn.connection.info.get("busy_timeout") != wait_ms:
            cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            cursor.execute(f"PRAGMA busy_timeout={wait_ms}")
            cursor.close()
            conn.connection.info["busy_timeout"] = wait_ms
    elif seconds is not None:
        _postgres_waits(conn, seconds, until="transaction")


def _session_waits(conn: Connection) -> None:
    """Postgres, statements each their own transaction: the waits the current task allows
    are the connection's, set when they change (none: no limit)."""
    seconds = _patience.get()
    if conn.connection.info.get("patience") != seconds:
        _postgres_waits(conn, seconds, until="session")
        conn.connection.info["patience"] = seconds


def _postgres_waits(
    conn: Connection, seconds: float | None, *, until: Literal["transaction", "session"]
) -> None:
    """Postgres' lock and statement timeouts, in one round trip, until the transaction or
    the session ends (None: no limit)."""
    wait = "0" if seconds is None else f"{round(seconds * 1000)}ms"
    local = "true" if until == "transaction" else "false"
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(
        f"SELECT set_config('lock_timeout', '{wait}', {local}),"
        f" set_config('statement_timeout', '{wait}', {local})"
    )
    cursor.close()


def _busy(context: ExceptionContext) -> DatabaseBusy | None:
    """A lock not had, or a statement cut short, in time: the database is busy, which is a
    meaning of its own ("try again"), not an unexpected failure."""
    error = context.original_exception
    if isinstance(error, sqlite3.OperationalError):
        busy = _locked(error)
    else:
        busy = getattr(error, "sqlstate", None) in BUSY_STATES
    return DatabaseBusy() if busy else None


def _upgrade(connection: Connection) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
