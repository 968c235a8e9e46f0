"""Rate limits: how many requests a user, or a chat, may start in a while. Counted in the
database, so every process sharing it (gateway replicas, bots and workers) counts each request
once: a user's limit is the same whichever replica their requests reach."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from sqlalchemy import Float, case, delete, literal
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from core.errors import TooFast
from core.storage.tables import rate_limits

Clock = Callable[[], float]  # seconds since the epoch: every process must mean the same time
SLACK_S = 0.001  # float rounding of many small steps must not refuse the last request allowed


class Rates:
    """Every rate limit's state: one short row per limit and key, taken in one statement.

    Each key has an allowance of `count` requests that comes back at a steady pace, one every
    `period / count` seconds (the generic cell rate algorithm, GCRA): a burst of `count` at
    once, then one per `period / count`; never more than `count` ahead of that pace. A row
    holds when the key's allowance is whole again (`full_at`). Unlike a count per fixed
    window, no burst of twice the count straddles a window's edge; unlike a log of every
    request, a take is one upsert, which the database runs atomically whichever process sends
    it (the row is locked while it is updated), on SQLite and Postgres alike. A refused request
    is told exactly when the next one will be let in; a refused one costs nothing."""

    def __init__(self, *, db: AsyncEngine, clock: Clock = time.time) -> None:
        self._db = db
        self._clock = clock  # the wall clock: replicas compare times written by each other

    async def take(self, key: str, count: int, period: float) -> None:
        """Count one request for `key` against `count` per `period` seconds, or raise
        `TooFast` saying in how many seconds one more will be let in."""
        now, step = self._clock(), period / count
        t = rate_limits.c
        start = case((t.full_at > now, t.full_at), else_=literal(now, Float))
        fits = start + step <= now + period + SLACK_S
        insert = postgresql.insert if self._db.dialect.name == "postgresql" else sqlite.insert
        statement = (
            insert(rate_limits)
            .values(key=key, full_at=now + step, wait_s=0.0)
            .on_conflict_do_update(
                index_elements=[t.key],
                set_={
                    "full_at": case((fits, start + step), else_=t.full_at),
                    "wait_s": case((fits, 0.0), else_=start + step - period - now),
                },
            )
            .returning(t.wait_s)
        )
        async with self._db.begin() as conn:
            wait_s = float((await conn.execute(statement)).scalar_one())
        if wait_s > 0:
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

    async def take(self, key: str) -> None:
        """Count one request for `key`, or raise `TooFast` saying when to try again."""
        if self._count > 0:
            await self._rates.take(f"{self._name}:{key}", self._count, self._period)
