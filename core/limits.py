"""Rate limits: how many requests a user, or a chat, may start in a minute."""

from __future__ import annotations

import math
import time
from collections import defaultdict, deque
from collections.abc import Callable

from core.errors import TooFast


class RateLimit:
    """At most `count` requests per `period` seconds for each key (a sliding window);
    a count of 0 means no limit."""

    def __init__(
        self, count: int, period: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._count = count
        self._period = period
        self._clock = clock
        self._seen: defaultdict[str, deque[float]] = defaultdict(deque)

    def take(self, key: str) -> None:
        """Count one request for `key`, or raise `TooFast` saying when to try again."""
        if self._count <= 0:
            return
        now, seen = self._clock(), self._seen[key]
        while seen and seen[0] <= now - self._period:
            seen.popleft()
        if len(seen) >= self._count:
            raise TooFast(seconds=max(1, math.ceil(seen[0] + self._period - now)))
        seen.append(now)
