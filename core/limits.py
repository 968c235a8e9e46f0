"""Rate limits: how many requests a user, or a chat, may start in a while. Counted in the
database, so every process sharing it (gateway replicas, bots and workers) counts each request
once: a user's limit is the same whichever replica their requests reach."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any, NamedTuple

from sqlalchemy import Float, bindparam, case, delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.sql.dml import ReturningInsert

from core.errors import TooFast
from core.storage.tables import rate_limits


class Limit(NamedTuple):
    """At most `most` requests per `period` seconds for `key`."""

    key: str
    most: int
    period: float


Clock = Callable[[], float]  # seconds since the epoch: every process must mean the same time
SLACK_S = 0.001  # float rounding of many small steps must not refuse the last request allowed


class Rates:
    """Every rate limit's state: one short row per limit and key, each taken in one statement.

    Each key has an allowance of `most` requests that comes back at a steady pace, one every
    `period / most` seconds (the generic cell rate algorithm, GCRA): a burst of `most` at
    once, then one per `period / most`; never more than `most` ahead of that pace. A row
    holds when the key's allowance is whole again (`full_at`). Unlike a count per fixed
    window, no burst of twice the count straddles a window's edge; unlike a log of every
    request, a take is one upsert a limit, which the database runs atomically whichever process
    sends it (the row is locked while it is updated), on SQLite and Postgres alike. A refused
    request is told exactly when the next one will be let in; a refused one costs nothing."""

    def __init__(self, *, db: AsyncEngine, clock: Clock = time.time) -> None:
        self._db = db
        self._clock = clock  # the wall clock: replicas compare times written by each other
        self._counting = _counting(db.dialect.name)  # (built once: it compiles once)

    async def take(self, *limits: Limit) -> None:
        """Count one request against each of these limits, in one transaction: all of them,
        or (one refusing) none. Past any, `TooFast` says in how many seconds the request
        would be let in by all. (Taken in the order of their keys: two requests sharing
        keys lock them in the same order, so neither waits for the other forever.)"""
        if not limits:
            return
        now = self._clock()
        async with self._db.begin() as conn:
            waits = [
                float((await conn.execute(self._counting, _counted(now, limit))).scalar_one())
                for limit in sorted(limits)
            ]
            wait_s = max(waits)
            if wait_s > 0:  # (raised inside: nothing of it is written)
                raise TooFast(seconds=max(1, math.ceil(wait_s - SLACK_S)))

    async def drop_spent(self) -> int:
        """Forget the keys whose allowance is whole again (a row then says no more than no
        row); how many."""
        async with self._db.begin() as conn:
            dropped = await conn.execute(
                delete(rate_limits).where(rate_limits.c.full_at <= self._clock())
            )
        return int(dropped.rowcount)


class RateLimit:
    """At most `count` requests per `period` seconds for each key, as `Rates` paces them; a
    count of 0 means no limit."""

    def __init__(self, rates: Rates, name: str, count: int, period: float = 60.0) -> None:
        self._rates = rates
        self._name = name  # keeps this limit's keys apart from another's
        self._count = count
        self._period = period

    def of(self, key: str) -> list[Limit]:
        """This limit for `key`, as `Rates.take` counts it (none when there is no limit)."""
        return [Limit(f"{self._name}:{key}", self._count, self._period)] if self._count else []

    async def take(self, key: str) -> None:
        """Count one request for `key`, or raise `TooFast` saying when to try again."""
        await self._rates.take(*self.of(key))


def _counting(dialect: str) -> ReturningInsert[Any]:
    """The upsert that takes one request from a key's allowance if it fits (returning 0), or
    leaves its row as it was and returns how long until it would fit; `_counted` gives its
    parameters."""
    now, step, period = (bindparam(name, type_=Float) for name in ("at", "step_s", "period_s"))
    t = rate_limits.c
    start = case((t.full_at > now, t.full_at), else_=now)
    fits = start + step <= now + period + SLACK_S
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return (
        insert(rate_limits)
        .values(key=bindparam("rate_key"), full_at=now + step, wait_s=0.0)
        .on_conflict_do_update(
            index_elements=[t.key],
            set_={
                "full_at": case((fits, start + step), else_=t.full_at),
                "wait_s": case((fits, 0.0), else_=start + step - period - now),
            },
        )
        .returning(t.wait_s)
    )


def _counted(now: float, limit: Limit) -> dict[str, Any]:
    key, most, period = limit
    return {"rate_key": key, "at": now, "step_s": period / most, "period_s": period}
