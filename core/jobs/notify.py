"""Job notifications (Postgres' LISTEN/NOTIFY): a worker wakes when a job is handed over, a
gateway when a job it waits for moves on, a worker holding a job when it is cancelled; none of
them polls the database every fraction of a second for it. Each process listens on one
connection of its own, outside the pool, made again whenever it drops. Polling stays, slower
while the notifications come (for one lost with a dropped connection), and as before on SQLite,
which has none of this. Payloads are job ids, never anything a user wrote."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from contextlib import suppress
from functools import partial
from typing import Any

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy import ColumnElement, Update, case, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from core.reaching import reach
from core.storage.tables import jobs

log = logging.getLogger(__name__)

WORK = "voicebot_jobs"  # a job to claim: handed over, or released by a stopping worker
NEWS = "voicebot_job_news"  # a handed-over job's progress or end (payload: its id)
STOP = "voicebot_job_stop"  # a handed-over job cancelled or deleted (payload: its id)
LISTENING_EVERY_S = 5.0  # the polls kept while notifications come: for one that was lost
NAME = "voicebot-listen"  # the listening connection's application_name (pg_stat_activity)
CHECK_S = 30.0  # a silent connection is asked whether it is still there this often
FIRST_PAUSE_S = 0.5  # before connecting again after a failed try; doubling up to:
LONGEST_PAUSE_S = 30.0
# the connection is gone or the server away: listen again later (polling meanwhile)
DOWN = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError)
# the SQLAlchemy dialect's own connection options, which asyncpg.connect does not take
NOT_ASYNCPGS = ("prepared_statement_cache_size", "prepared_statement_name_func", "async_fallback")

# A notification's payload; None: the listener went down or came back, and notifications may
# have been missed meanwhile (look at everything now; `live` says how often to poll from now).
Heard = Callable[[str | None], None]
Connect = Callable[[], Awaitable[Any]]  # an asyncpg connection
Sleep = Callable[[float], Awaitable[None]]


async def announce(
    conn: AsyncConnection, *channels: str, about: ColumnElement[bool] | None = None
) -> None:
    """Notify `channels` when `conn`'s transaction commits (none if it rolls back): once with
    an empty payload, or with `about`, once for each handed-over job it matches, the job's id
    as payload. On SQLite, nothing (no process listens: they poll)."""
    if conn.dialect.name != "postgresql":
        return
    if about is None:
        await conn.execute(select(*(func.pg_notify(channel, "") for channel in channels)))
    else:
        await conn.execute(
            select(*(func.pg_notify(channel, jobs.c.id) for channel in channels)).where(
                jobs.c.handoff.is_(True), about
            )
        )


def notifying(conn: AsyncConnection, change: Update, channel: str) -> Update:
    """`change` (an update of jobs), made to notify `channel` of each handed-over job it
    changes as it commits, the job's id as payload: in the one statement, where `announce`
    is a second. On SQLite, `change` as it is."""
    if conn.dialect.name != "postgresql":
        return change
    return change.returning(case((jobs.c.handoff.is_(True), func.pg_notify(channel, jobs.c.id))))


async def woken(bell: asyncio.Event, seconds: float, sleep: Sleep) -> bool:
    """Wait until `bell` is set or `seconds` have passed (by `sleep`); True if it was set."""
    if bell.is_set():
        return True
    ringing = asyncio.ensure_future(bell.wait())
    napping = asyncio.ensure_future(sleep(seconds))
    try:
        await asyncio.wait((ringing, napping), return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiting in (ringing, napping):
            waiting.cancel()
        await asyncio.gather(ringing, napping, return_exceptions=True)
    return bell.is_set()


class Listener:
    """One connection of this process's own LISTENing on `channels`; each notification goes to
    the callbacks registered `on` its channel. A dropped connection is made again, with pauses
    doubling up to `LONGEST_PAUSE_S`; meanwhile `live` is False and the callers poll as often
    as without notifications."""

    def __init__(
        self,
        *,
        connect: Connect,
        channels: Sequence[str],
        sleep: Sleep = asyncio.sleep,
        check_s: float = CHECK_S,
    ) -> None:
        self._connect = connect
        self._heard: dict[str, list[Heard]] = {channel: [] for channel in channels}
        self._sleep = sleep
        self._check_s = check_s
        self._conn: Any = None  # the asyncpg connection, while there is one
        self._lost = asyncio.Event()
        self._keeper: asyncio.Task[None] | None = None

    @classmethod
    def on_database(
        cls, db: AsyncEngine, channels: Sequence[str], *, name: str = NAME, **more: Any
    ) -> Listener | None:
        """A listener on `db` (its URL and options, a connection outside its pool), or None
        where there are no notifications (SQLite) or nothing to listen for."""
        if db.dialect.name != "postgresql" or not channels:
            return None
        _, options = db.dialect.create_connect_args(db.url)
        for option in NOT_ASYNCPGS:
            options.pop(option, None)
        settings = {**options.pop("server_settings", {}), "application_name": name}
        connect = partial(asyncpg.connect, **options, server_settings=settings, timeout=10)
        return cls(connect=connect, channels=channels, **more)

    @property
    def channels(self) -> tuple[str, ...]:
        return tuple(self._heard)

    @property
    def live(self) -> bool:
        """Notifications come now."""
        return self._conn is not None and not self._conn.is_closed()

    def on(self, channel: str, heard: Heard) -> None:
        """Call `heard` with each notification on `channel` (one this listener listens on),
        and with None whenever the listener goes down or comes back."""
        self._heard[channel].append(heard)

    def off(self, channel: str, heard: Heard) -> None:
        with suppress(ValueError):
            self._heard[channel].remove(heard)

    async def start(self) -> None:
        """Listen, and keep listening until `aclose`. A first try that fails is logged and
        made again in the background (the callers poll meanwhile)."""
        try:
            await self._listen()
            log.info("job notifications: listening (%s)", ", ".join(self._heard))
        except Exception as exc:  # (the keeper tries again, as after a drop)
            _away(exc)
            log.warning("job notifications: cannot listen yet (%s); polling", type(exc).__name__)
        self._keeper = asyncio.create_task(self._keep(), name="job-notifications")

    async def aclose(self) -> None:
        if self._keeper is not None:
            self._keeper.cancel()
            await asyncio.gather(self._keeper, return_exceptions=True)
        await self._drop()

    async def _keep(self) -> None:
        """Whenever the connection is lost, tell the callers and connect again."""
        while True:
            if self._conn is not None:
                await self._until_lost()
                await self._drop()
                log.warning("job notifications: connection lost; polling until it is back")
                self._tell(None)
            await reach(
                "job notifications' database",
                self._listen,
                away=_away,
                sleep=self._sleep,
                first_s=FIRST_PAUSE_S,
                longest_s=LONGEST_PAUSE_S,
            )
            log.info("job notifications: listening again")
            self._tell(None)  # what was sent meanwhile is lost: look at everything

    async def _listen(self) -> None:
        conn = await self._connect()
        try:
            self._lost.clear()
            conn.add_termination_listener(self._terminated)
            for channel in self._heard:
                await conn.add_listener(channel, self._notified)
        except BaseException:
            conn.terminate()
            raise
        self._conn = conn

    async def _until_lost(self) -> None:
        """Return once the connection is closed under us, or fails to answer a check (a
        connection can die without a word: a cable pulled, a firewall's idle timeout)."""
        while True:
            with suppress(TimeoutError):
                await asyncio.wait_for(self._lost.wait(), self._check_s)
                return
            try:
                await asyncio.wait_for(self._conn.fetchval("SELECT 1"), self._check_s)
            except DOWN:
                return

    async def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None or conn.is_closed():
            return
        try:
            await asyncio.wait_for(conn.close(), 5)
        except DOWN:
            conn.terminate()

    def _terminated(self, _: object) -> None:
        self._lost.set()

    def _notified(self, _: object, pid: int, channel: str, payload: str) -> None:
        for heard in list(self._heard.get(channel, ())):
            self._call(heard, payload)

    def _tell(self, payload: str | None) -> None:
        for callbacks in self._heard.values():
            for heard in list(callbacks):
                self._call(heard, payload)

    @staticmethod
    def _call(heard: Heard, payload: str | None) -> None:
        try:
            heard(payload)
        except Exception:  # one caller's fault stops neither the others nor the listening
            log.exception("job notifications: a listener failed")


def _away(exc: Exception) -> bool:
    """Any failure to listen is tried again: notifications only spare the callers' polling,
    which goes on meanwhile. One that is not the database being away is logged in full."""
    if not isinstance(exc, DOWN):
        log.error("job notifications: listening failed", exc_info=exc)
    return True
