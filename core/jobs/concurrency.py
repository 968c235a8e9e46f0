"""How many jobs run at once: a limit learnt from the upstream, as TCP learns a link's room
(AIMD). It starts generous; each time 302.AI says "too many" (HTTP 429, or one of its rate or
quota codes) it halves, and each task created while the limit is in use adds one back; never
below one, never above its ceiling. Each process that runs jobs keeps its own (a bot running
its jobs here, or a worker), learning from its own requests."""

from __future__ import annotations

import time
from collections.abc import Callable

from core.errors import UpstreamError, UpstreamRateLimited

BACKOFF = 0.5  # of the limit, kept when the upstream says it gets too many requests
# calls whose refusals speak for 302.AI's limits (a result download goes to a file host)
LIMITED_CALLS = {"create", "query", "upload", "transcribe", "translate"}


class Concurrency:
    """The number of jobs that may run at once now (`value`): between 1 and `most`, halved
    when the upstream refuses a request for its rate, one more for each task created while
    at least half of it is used (grown while unused, it would promise what was never tried).

    An answer to a request sent before the last halving says nothing of the limit since: a
    burst of refusals halves it once, and the successes of that burst do not undo it."""

    def __init__(
        self, *, start: int, most: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if most < 1:
            raise ValueError("a limit of jobs at once needs room for one")
        self.most = most
        self._value = max(1, min(start, most))
        self._clock = clock
        self._cut_at = float("-inf")
        self._running: dict[object, int] = {}  # by who runs them: a process's line, a worker
        self._watchers: list[Callable[[], None]] = []

    def __repr__(self) -> str:
        return f"Concurrency(value={self._value}, most={self.most})"

    @property
    def value(self) -> int:
        return self._value

    def watch(self, on_change: Callable[[], None]) -> None:
        """Have `on_change` called after each change of the limit."""
        self._watchers.append(on_change)

    def running(self, holder: object, jobs: int) -> None:
        """How many jobs `holder` (whoever runs them: the line, a worker loop) runs now."""
        self._running[holder] = jobs

    def upstream_request(
        self, call: str, status: str, seconds: float, error: UpstreamError | None
    ) -> None:
        """Learn from one request to 302.AI that took `seconds` (the API client's
        `on_request`, told after each attempt)."""
        if self._clock() - seconds < self._cut_at:  # sent before the last halving
            return
        if isinstance(error, UpstreamRateLimited) and call in LIMITED_CALLS:
            self._cut_at = self._clock()
            self._set(max(1, int(self._value * BACKOFF)))
        elif error is None and call == "create" and self._in_use():
            self._set(min(self.most, self._value + 1))

    def _in_use(self) -> bool:
        """At least half of the limit runs now."""
        return 2 * sum(self._running.values()) >= self._value

    def _set(self, value: int) -> None:
        if value == self._value:
            return
        self._value = value
        for on_change in self._watchers:
            on_change()
