"""One loop polls every task in flight: each on its own backoff, all those due at once.

A thousand waiting requests are then a thousand entries in a table, not a thousand coroutines
each sleeping and polling on its own.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from core.upstream.api import Sleep

log = logging.getLogger(__name__)

Key = TypeVar("Key")
Status = TypeVar("Status")


@dataclass(eq=False)
class _Watch(Generic[Key, Status]):
    key: Key
    answer: asyncio.Future[Status]
    next_at: float
    interval: float = field(default=0.0)


class Poller(Generic[Key, Status]):
    """`until_settled(key)` returns the first status `settled` accepts; the queries are made by
    one loop, which sleeps until the next task is due. Time is counted in what it slept, so an
    injected sleep drives it as well as the real one."""

    def __init__(
        self,
        query: Callable[[Key], Awaitable[Status]],
        settled: Callable[[Status], bool],
        *,
        interval: float,
        interval_max: float,
        sleep: Sleep,
    ) -> None:
        self._query = query
        self._settled = settled
        self._interval = interval
        self._interval_max = interval_max
        self._sleep = sleep
        self._now = 0.0
        self._watches: list[_Watch[Key, Status]] = []
        self._loop: asyncio.Task[None] | None = None

    async def until_settled(self, key: Key) -> Status:
        first = await self._query(key)  # the first look is at once, whatever the loop is doing
        if self._settled(first):
            return first
        watch: _Watch[Key, Status] = _Watch(
            key, asyncio.get_running_loop().create_future(), self._now + self._interval,
            min(self._interval_max, self._interval * 1.5))
        self._watches.append(watch)
        if self._loop is None or self._loop.done():
            self._loop = asyncio.create_task(self._run())
        try:
            return await watch.answer
        finally:
            if watch in self._watches:
                self._watches.remove(watch)

    async def _run(self) -> None:
        while self._watches:
            due = [w for w in self._watches if w.next_at <= self._now]
            if due:
                await asyncio.gather(*(self._look(w) for w in due))
                continue
            pause = min(w.next_at for w in self._watches) - self._now
            await self._sleep(pause)
            self._now += pause

    async def _look(self, watch: _Watch[Key, Status]) -> None:
        try:
            status = await self._query(watch.key)
        except Exception as exc:  # the query's own retries are spent: the waiter hears of it
            self._settle(watch, error=exc)
            return
        if self._settled(status):
            self._settle(watch, status=status)
        else:
            watch.next_at = self._now + watch.interval
            watch.interval = min(self._interval_max, watch.interval * 1.5)

    def _settle(self, watch: _Watch[Key, Status], *, status: Status | None = None,
                error: Exception | None = None) -> None:
        if watch in self._watches:
            self._watches.remove(watch)
        if watch.answer.done():  # its waiter gave up (cancelled, or past its deadline)
            return
        if error is not None:
            watch.answer.set_exception(error)
        else:
            watch.answer.set_result(status)  # type: ignore[arg-type]
