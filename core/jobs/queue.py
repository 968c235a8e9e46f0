"""The line jobs wait in: one policy (how many run, one user's share, fair turns, the longest
line), kept by an in-process queue here and by the workers' claims in the database alike."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from core.errors import QueueFull
from core.jobs.concurrency import Concurrency

OnPosition = Callable[[int], Awaitable[None]]
T = TypeVar("T", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Waiting(Generic[T]):
    """A job in line: what it is, whose it is, and when it joined the line."""

    item: T
    user: str
    since: Any  # comparable with every other `since` and with the users' last starts


@dataclass(frozen=True, slots=True)
class QueuePolicy:
    """At most `slots` jobs run at once (how many do now is the `Concurrency` limit each
    runner keeps, which learns from the upstream up to this), at most `per_user` of them one
    user's; past `longest_line` waiting jobs, new requests are refused. The line is served in
    turns: each user's oldest job before anyone's second, and a user who was just served goes
    behind those waiting."""

    slots: int = 4
    per_user: int | None = None  # None: a user may hold every slot
    longest_line: int = 1000

    def full(self, waiting: int) -> bool:
        return waiting >= self.longest_line

    def order(
        self, waiting: Sequence[Waiting[T]], last_start: Mapping[str, Any]
    ) -> list[Waiting[T]]:
        """The line as it will be served (`waiting` oldest first). A user's turn comes by the
        later of their oldest waiting job and the last time one of theirs started."""
        rank: Counter[str] = Counter()
        turn: dict[str, Any] = {}
        keyed = []
        for index, job in enumerate(waiting):
            if job.user not in turn:
                started = last_start.get(job.user)
                turn[job.user] = job.since if started is None else max(job.since, started)
            keyed.append(((rank[job.user], turn[job.user], index), job))
            rank[job.user] += 1
        return [job for _, job in sorted(keyed, key=lambda pair: pair[0])]

    def next(
        self, line: Sequence[Waiting[T]], running: Mapping[str, int], free: int
    ) -> list[Waiting[T]]:
        """The jobs of the ordered `line` that start now in `free` slots, each user within
        their share (counting what they already run)."""
        held = Counter(running)
        chosen: list[Waiting[T]] = []
        for job in line:
            if len(chosen) >= free:
                break
            if self.per_user is None or held[job.user] < self.per_user:
                held[job.user] += 1
                chosen.append(job)
        return chosen


@dataclass(eq=False)
class _Waiter:
    granted: asyncio.Future[None]
    moved: asyncio.Event = field(default_factory=asyncio.Event)
    place: int = 0  # 1 + how many will be served first, as of the line's last move


class InProcessQueue:
    """The policy's slots in this process, as many as the `limit` gives now (by default all
    of them); waiters are told their place as the line moves."""

    def __init__(self, policy: QueuePolicy, *, limit: Concurrency | None = None) -> None:
        self.policy = policy
        self.limit = limit or Concurrency(start=policy.slots, most=policy.slots)
        self.limit.watch(self._dispatch)  # a limit grown lets the next in line start
        self._running: Counter[str] = Counter()
        self._line: list[Waiting[_Waiter]] = []  # oldest first
        self._started: dict[str, int] = {}  # each user's last start, in arrivals counted
        self._arrivals = 0

    def depth(self) -> tuple[int, int]:
        """How many jobs hold a slot, and how many wait in line."""
        return sum(self._running.values()), len(self._line)

    @asynccontextmanager
    async def slot(self, user: str, on_position: OnPosition | None = None) -> AsyncIterator[None]:
        """Hold one slot for the duration of the block, waiting for it if need be."""
        await self._wait(user, on_position)
        try:
            yield
        finally:
            self._running[user] -= 1
            self._dispatch()

    async def _wait(self, user: str, on_position: OnPosition | None) -> None:
        if self.policy.full(len(self._line)) and not self._free_for(user):
            raise QueueFull()
        waiter = _Waiter(asyncio.get_running_loop().create_future())
        self._arrivals += 1
        self._line.append(Waiting(waiter, user, self._arrivals))
        self._dispatch()
        if waiter.granted.done():  # a slot was free
            return
        reporter = None
        if on_position is not None:
            reporter = asyncio.create_task(self._report(waiter, on_position))
        try:
            await waiter.granted
        except asyncio.CancelledError:
            if waiter.granted.done() and not waiter.granted.cancelled():
                self._running[user] -= 1  # granted as it was cancelled: pass the slot on
            else:
                self._line = [job for job in self._line if job.item is not waiter]
            self._dispatch()
            raise
        finally:
            if reporter is not None:
                reporter.cancel()
                await asyncio.wait([reporter])  # (a cancel of our own task still propagates)

    def _free_for(self, user: str) -> bool:
        return bool(self.policy.next([Waiting(None, user, 0)], self._running, self._free()))

    def _free(self) -> int:
        return max(0, self.limit.value - sum(self._running.values()))  # (a limit cut: none)

    def _ordered(self) -> list[Waiting[_Waiter]]:
        return self.policy.order(self._line, self._started)

    def _dispatch(self) -> None:
        """Give the free slots to the jobs whose turn it is; tell the rest they moved."""
        self._line = [job for job in self._line if not job.item.granted.done()]  # cancelled
        for job in self.policy.next(self._ordered(), self._running, self._free()):
            self._line.remove(job)
            self._running[job.user] += 1
            self._arrivals += 1
            self._started[job.user] = self._arrivals
            job.item.granted.set_result(None)
        # each waiter's place, from one ordering of the line (each reading it for itself, a
        # thousand waiters took a thousand sorts of the line at every move)
        for place, job in enumerate(self._ordered(), start=1):
            job.item.place = place
            job.item.moved.set()
        self.limit.running(self, sum(self._running.values()))

    def _place(self, waiter: _Waiter) -> int:
        """1 + how many will be served first (every change of the line goes through
        `_dispatch`, which sets it)."""
        return waiter.place

    async def _report(self, waiter: _Waiter, on_position: OnPosition) -> None:
        shown = 0
        while not waiter.granted.done():  # in line (a slot given, or gone, ends its wait)
            waiter.moved.clear()  # before reading the place: a move during the report counts
            place = self._place(waiter)
            if place != shown:
                shown = place
                await on_position(place)
            await waiter.moved.wait()
