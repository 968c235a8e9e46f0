"""Telegram's flood limits kept with the voices first.

Telegram takes about 30 messages a second from a bot, and 20 a minute in one group; PTB's
`AIORateLimiter` keeps both, but in the order requests come, and counts everything that names
a chat. With a hundred people waiting that order is what they feel: a refresh of "recording
voice…" for each chat every few seconds (25 a second for 100 chats) and status edits queue
in front of the voice notes, and each job waits for its own edits before it goes on.

`Pacing` keeps the same limits, spending them by what a person waits for: first what answers
someone (a voice note, a status message, a reply), then the status message's later life
(edits, its deletion), and a chat action only when the budget has room to spare, else not at
all (it is a hint that fades in 5 s; the next refresh tries again). A flood answer (429)
halts everything for its `retry_after`, then the request is made again, as PTB does.

A few requests are in flight at once (`at_once`): every request makes the HTTP client check
each idle connection it keeps, so a burst of thirty at once costs the bot about twice the CPU
a request as eight at a time, and eight still carry 30 a second at a quarter second each.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram.constants import FloodLimit
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]
JSONResult = bool | dict[str, Any] | list[dict[str, Any]]

ANSWER, LATER, HINT = 0, 1, 2  # ranks: the lower is served first
LATER_ENDPOINTS = {
    "editMessageText",
    "editMessageReplyMarkup",
    "editMessageCaption",
    "deleteMessage",
    "deleteMessages",
}
HINT_ENDPOINTS = {"sendChatAction"}
GROUPS_KEPT = 512  # idle groups' budgets are forgotten past this many
AT_ONCE = 8  # requests in flight at once (see the module)


def rank_of(endpoint: str) -> int:
    if endpoint in HINT_ENDPOINTS:
        return HINT
    return LATER if endpoint in LATER_ENDPOINTS else ANSWER


class Budget:
    """`rate` requests a `period`, in bursts of up to `rate`: a token bucket whose waiters are
    served by rank, then in arrival order."""

    def __init__(
        self,
        rate: float,
        period: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._per_s = rate / period
        self._most = float(rate)
        self._tokens = float(rate)
        self._clock = clock
        self._sleep = sleep
        self._at = clock()
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._arrivals = itertools.count()
        self._server: asyncio.Task[None] | None = None

    def full(self) -> bool:
        """Nothing spent that has not come back, and nobody waiting."""
        self._refill()
        return not self._waiting and self._tokens >= self._most

    def spare(self) -> bool:
        """Room to spare now: nobody waiting, and at least half the burst left."""
        self._refill()
        return not self._waiting and self._tokens >= max(1.0, self._most / 2)

    def take_now(self) -> bool:
        """Spend one now if that needs no wait (and jumps nobody)."""
        self._refill()
        if self._waiting or self._tokens < 1:
            return False
        self._tokens -= 1
        return True

    async def take(self, rank: int) -> None:
        """Spend one, waiting in line by `rank` if need be."""
        if self.take_now():
            return
        turn = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (rank, next(self._arrivals), turn))
        if self._server is None or self._server.done():
            self._server = asyncio.create_task(self._serve())
        await turn  # (a waiter cancelled meanwhile is passed over)

    async def close(self) -> None:
        """Stop serving; whoever still waits is cancelled."""
        if self._server is not None:
            self._server.cancel()
            await asyncio.gather(self._server, return_exceptions=True)
        for _, _, turn in self._waiting:
            turn.cancel()
        self._waiting.clear()

    async def _serve(self) -> None:
        while self._waiting:
            self._refill()
            if self._tokens >= 1:
                _, _, turn = heapq.heappop(self._waiting)
                if not turn.done():
                    self._tokens -= 1
                    turn.set_result(None)
                continue
            await self._sleep((1 - self._tokens) / self._per_s)

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self._most, self._tokens + (now - self._at) * self._per_s)
        self._at = now


class Pacing(BaseRateLimiter[int]):
    """The bot's rate limiter (see the module): overall, and per group or channel."""

    def __init__(
        self,
        *,
        overall: float = FloodLimit.MESSAGES_PER_SECOND,
        per_group: float = FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP,
        group_period_s: float = 60.0,
        max_retries: int = 3,
        at_once: int = AT_ONCE,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._clock, self._sleep = clock, sleep
        self._in_flight = asyncio.Semaphore(at_once)
        self._overall = Budget(overall, 1.0, clock=clock, sleep=sleep)
        self._per_group, self._group_period_s = per_group, group_period_s
        self._groups: dict[int | str, Budget] = {}
        self._max_retries = max_retries
        self._flowing = asyncio.Event()  # cleared while a flood answer's retry_after lasts
        self._flowing.set()

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        for budget in [self._overall, *self._groups.values()]:
            await budget.close()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSONResult:
        """Make the request in its turn (a chat action only when there is room to spare)."""
        chat_id = data.get("chat_id")
        retries = rate_limit_args or self._max_retries
        for attempt in range(retries + 1):
            await self._flowing.wait()
            if chat_id is not None and not await self._turn(chat_id, rank_of(endpoint)):
                return True  # a chat action skipped: what Telegram answers to one sent
            try:
                async with self._in_flight:
                    return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt == retries:
                    raise
                pause = exc._retry_after.total_seconds() + 0.1  # (PTB's own reading of it)
                log.info("Telegram flood limit: all requests wait %.1f s", pause)
                self._flowing.clear()
                try:
                    await self._sleep(pause)
                finally:
                    self._flowing.set()
        raise AssertionError("unreachable")  # (the last attempt returns or raises)

    async def _turn(self, chat_id: int | str, rank: int) -> bool:
        group = self._group_of(chat_id)
        budgets = [self._overall] if group is None else [self._group(group), self._overall]
        if rank == HINT:
            if not all(budget.spare() for budget in budgets):
                return False
            for budget in budgets:
                budget.take_now()
            return True
        for budget in budgets:
            await budget.take(rank)
        return True

    @staticmethod
    def _group_of(chat_id: int | str) -> int | str | None:
        """A group's or channel's id (negative, or a channel's @name); None for a person."""
        try:
            number = int(chat_id)
        except (TypeError, ValueError):
            return chat_id
        return number if number < 0 else None

    def _group(self, group: int | str) -> Budget:
        if group not in self._groups and len(self._groups) >= GROUPS_KEPT:
            for idle in [key for key, budget in self._groups.items() if budget.full()]:
                del self._groups[idle]
        if group not in self._groups:
            self._groups[group] = Budget(
                self._per_group, self._group_period_s, clock=self._clock, sleep=self._sleep
            )
        return self._groups[group]
