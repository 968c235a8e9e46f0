"""One loop polls every task in flight: each on its own backoff, all those due together.

A thousand waiting requests are then a thousand entries in a table, not a thousand coroutines
each sleeping and polling on its own.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from core.upstream.api import Sleep

log = logging.getLogger(__name__)

EARLY = 0.85  # of a task's expected time: its first look, so that its end is seen soon after
# Queries in flight at once. Each request makes the HTTP client check every idle connection
# it keeps (a system call or two each), so a hundred tasks due together, queried all at once,
# cost it over twice the CPU a query as eight at a time do (3.5 against 1.6 ms here): with
# a hundred tasks in flight that was a third of the bot's CPU. Eight keep a round of a hundred
# looks within a quarter second at 20 ms a query.
LOOKS_AT_ONCE = 8
LATE = 1.5  # of a task's expected time: until then it is looked at often, then less and less
# Of the interval: the first step between looks once a task should have ended (doubling
# from there). An end a little later than expected was otherwise seen up to an interval late:
# twenty tasks of 5 s, expected to end 0.03 s before they did, were all seen 0.47 s late.
NEAR_END = 0.25
# While no task's pace is known (a bot just started), only the oldest few tasks just made are
# looked at every interval; the others less and less, until one of them ends: then all are
# looked at within an interval again, and the pace it tells says what to expect (`expect`).
# A burst of a hundred requests was otherwise a hundred looks each interval, all for the same
# news. The scouts take turns within the interval (a third of it apart), so tasks that end
# together are seen a third as late, for the same looks.
SCOUTS = 3

Key = TypeVar("Key")
Status = TypeVar("Status")


@dataclass(eq=False)
class _Watch(Generic[Key, Status]):
    key: Key
    answer: asyncio.Future[Status]
    next_at: float
    interval: float = field(default=0.0)
    steady_until: float = 0.0  # looks are `interval` apart until then, then further apart
    ends_at: float | None = None  # when it is expected to end: looked at then too
    started: float = 0.0
    guessing: bool = False  # a task just made, of a pace nobody knows yet


class Poller(Generic[Key, Status]):
    """`until_settled(key)` returns the first status `settled` accepts; the queries are made by
    one loop, which sleeps until the next task is due. Time is what it slept plus what its looks
    took, so an injected sleep drives it as well as the real one, and slow looks under load do
    not push every later look back."""

    def __init__(
        self,
        query: Callable[[Key], Awaitable[Status]],
        settled: Callable[[Status], bool],
        *,
        interval: float,
        interval_max: float,
        sleep: Sleep,
        unknown_steady_s: float = 0.0,
        at_once: int = LOOKS_AT_ONCE,
    ) -> None:
        self._query = query
        self._at_once = at_once
        self._settled = settled
        self._interval = interval
        self._interval_max = interval_max
        self._unknown_steady_s = unknown_steady_s
        self._sleep = sleep
        self._now = 0.0
        self._wakes_at = 0.0  # while the loop sleeps: when it means to wake
        self._since: float | None = None  # (monotonic) when its pause or round of looks began
        self._woken = asyncio.Event()  # a new task is due before that
        self._watches: list[_Watch[Key, Status]] = []
        self._loop: asyncio.Task[None] | None = None

    async def until_settled(
        self,
        key: Key,
        *,
        expect_s: float | None = None,
        look_now: bool = True,
        made_s_ago: float = 0.0,
    ) -> Status:
        """Look at once (unless not `look_now`: a task just made is not done yet), then every
        `interval` for `unknown_steady_s` (how long tasks mostly take, when nothing tells how
        long this one will), then less and less; or, when the task is expected to take
        `expect_s`, first a little before that, at that time, and often until well past it
        (the time to notice it finished is what a user waits). Of the tasks just made with
        nothing expected, only the `SCOUTS` oldest are looked at every interval (see
        `expect`). Times count from the task's making, `made_s_ago`."""
        guessing = expect_s is None and not look_now
        if expect_s is None:
            if look_now:  # (a task waited for again may have ended meanwhile)
                first = await self._query(key)  # at once, whatever the loop is doing
                if self._settled(first):
                    return first
            delay, interval = self._interval, self._interval
            if guessing:  # its turn among the scouts (the later ones back off anyway)
                delay += self._interval * self._guessing(SCOUTS - 1) / SCOUTS
            steady_s = self._unknown_steady_s
            if not steady_s:  # backing off from the first look on
                interval = min(self._interval_max, self._interval * 1.5)
        else:
            delay, interval = max(self._interval, EARLY * expect_s), self._interval
            steady_s = LATE * expect_s
        now = self._current()
        started = now - made_s_ago
        watch: _Watch[Key, Status] = _Watch(
            key,
            asyncio.get_running_loop().create_future(),
            max(now, started + delay),
            interval,
            started + steady_s,
            started=started,
            guessing=guessing,
            ends_at=None if expect_s is None else started + expect_s,
        )
        self._watches.append(watch)
        if self._loop is None or self._loop.done():
            self._loop = asyncio.create_task(self._run())
        elif watch.next_at < self._wakes_at:
            self._woken.set()
        try:
            return await watch.answer
        finally:
            if watch in self._watches:
                self._watches.remove(watch)

    def _current(self) -> float:
        """The poller's time now: its own (what it slept, what its looks took), and what has
        passed of the pause or round of looks it is in (a task made meanwhile counts from
        now, not from when the pause began)."""
        if self._since is None:
            return self._now
        passed = time.monotonic() - self._since
        pausing = self._wakes_at > self._now
        return self._now + (min(passed, self._wakes_at - self._now) if pausing else passed)

    def _guessing(self, most: int) -> int:
        """How many tasks are waited for with nothing expected, up to `most`."""
        return sum(1 for _ in itertools.islice((w for w in self._watches if w.guessing), most))

    def expect(self, expected: Mapping[Key, float]) -> None:
        """Tasks waited for with nothing expected of them are now expected to take so many
        seconds (from when their wait began), as the first of them to end told: each is
        looked at from then on as if that had been known from the start."""
        for watch in self._watches:
            expect_s = expected.get(watch.key) if watch.guessing else None
            if expect_s is None:
                continue
            watch.guessing = False
            watch.interval = self._interval
            watch.next_at = max(
                self._current(), watch.started + max(self._interval, EARLY * expect_s)
            )
            watch.steady_until = watch.started + LATE * expect_s
            watch.ends_at = watch.started + expect_s
            if watch.next_at < self._wakes_at:
                self._woken.set()

    async def _run(self) -> None:
        while self._watches:
            due = [w for w in self._watches if w.next_at <= self._now]
            if due:
                self._since = started = time.monotonic()
                try:
                    await self._looks(due)
                finally:
                    self._since = None
                self._now += time.monotonic() - started
                continue
            await self._pause(min(w.next_at for w in self._watches) - self._now)

    async def _pause(self, pause: float) -> None:
        """Sleep until the next look is due, or until a new task is due sooner."""
        self._woken.clear()
        self._wakes_at = self._now + pause
        self._since = started = time.monotonic()
        sleeping = asyncio.ensure_future(self._sleep(pause))
        woken = asyncio.ensure_future(self._woken.wait())
        try:
            await asyncio.wait({sleeping, woken}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            self._since = None
            for waiting in (sleeping, woken):
                waiting.cancel()
        if sleeping.done() and not sleeping.cancelled():
            self._now += pause
        else:
            self._now += time.monotonic() - started
        self._wakes_at = self._now

    async def _looks(self, due: list[_Watch[Key, Status]]) -> None:
        """Look at every task due, `at_once` at a time."""
        room = asyncio.Semaphore(self._at_once)
        guessing = (w for w in self._watches if w.guessing)
        scouts = set(heapq.nsmallest(SCOUTS, guessing, key=lambda w: w.started))

        async def look(watch: _Watch[Key, Status]) -> None:
            async with room:
                await self._look(watch, scouts)

        await asyncio.gather(*(look(watch) for watch in due))

    async def _look(self, watch: _Watch[Key, Status], scouts: set[_Watch[Key, Status]]) -> None:
        guessing = watch.guessing
        try:
            status = await self._query(watch.key)
            settled = self._settled(status)
        except Exception as exc:  # the query's own retries are spent: the waiter hears of it
            self._settle(watch, error=exc)
            return
        if settled:
            self._settle(watch, status=status)
            if watch.guessing:  # one of a burst ended: the others may be about to
                self._hasten_guesses()
            return
        if guessing and not watch.guessing:  # `expect` set its next look while it was asked
            return
        scout = watch.guessing and watch in scouts
        if scout and self._now < watch.steady_until:  # (it may have become one just now)
            watch.interval = self._interval
        watch.next_at = self._now + watch.interval
        if watch.ends_at is not None and self._now < watch.ends_at < watch.next_at:
            watch.next_at = watch.ends_at  # a look when it should end, not up to an interval on
        elif watch.ends_at is not None and 0 <= self._now - watch.ends_at < self._interval:
            # just past when it should end, where its end most likely is (a pace is learnt
            # to a look or so): looked at again soon, then further apart, up to the interval
            step = max(self._interval * NEAR_END, self._now - watch.ends_at)
            watch.next_at = self._now + min(step, watch.interval)
        if watch.next_at >= watch.steady_until or (watch.guessing and not scout):
            watch.interval = min(self._interval_max, watch.interval * 1.5)

    def _hasten_guesses(self) -> None:
        """The tasks waited for with nothing expected are looked at within an interval (and
        back off from there, unless `expect` says more)."""
        for other in self._watches:
            if other.guessing:
                other.interval = self._interval
                other.next_at = min(other.next_at, self._now + self._interval)

    def _settle(
        self,
        watch: _Watch[Key, Status],
        *,
        status: Status | None = None,
        error: Exception | None = None,
    ) -> None:
        if watch in self._watches:
            self._watches.remove(watch)
        if watch.answer.done():  # its waiter gave up (cancelled, or past its deadline)
            return
        if error is not None:
            watch.answer.set_exception(error)
        else:
            watch.answer.set_result(status)  # type: ignore[arg-type]
