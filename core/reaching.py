"""Reaching a chat platform at start-up, however long it is away: each failed try is one log
line, then a pause that doubles up to a cap, until it answers or the process is stopped
(cancelled). What counts as "away" is the adapter's to say; anything else ends start-up."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]

FIRST_PAUSE_S = 1.0
LONGEST_PAUSE_S = 60.0  # a platform back after an outage is found within a minute


async def reach(
    what: str,
    attempt: Callable[[], Awaitable[T]],
    *,
    away: Callable[[Exception], bool],
    sleep: Sleep = asyncio.sleep,
    first_s: float = FIRST_PAUSE_S,
    longest_s: float = LONGEST_PAUSE_S,
) -> T:
    """`attempt()`'s result once it gets through to `what`; a failure `away` recognises is
    logged (its kind only: messages can quote URLs with tokens) and tried again."""
    pause = first_s
    while True:
        try:
            return await attempt()
        except Exception as exc:
            if not away(exc):
                raise
            log.warning(
                "%s cannot be reached (%s); trying again in %g s", what, type(exc).__name__, pause
            )
        await sleep(pause)
        pause = min(pause * 2, longest_s)
