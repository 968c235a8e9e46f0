"""Jobs: every request is a row written before anything billable, and waits its turn in a queue."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from core.domain import Where
from core.errors import TakeGone
from core.storage.tables import jobs

OnPosition = Callable[[int], Awaitable[None]]


class JobQueue(Protocol):
    """Grants a limited number of running slots, first come first served."""

    def slot(self, on_position: OnPosition | None = None) -> Any: ...


class InProcessQueue:
    """A FIFO line in front of `limit` slots, telling each waiter its place as the line moves.

    The semaphore alone decides who runs (it is fair and cancellation-safe); the line exists
    only to tell waiters their place, from a side task, so a slow report never holds a slot.
    """

    def __init__(self, *, limit: int) -> None:
        self._slots = asyncio.Semaphore(limit)
        self._line: list[asyncio.Event] = []  # one per waiter, set whenever the line moves

    @asynccontextmanager
    async def slot(self, on_position: OnPosition | None = None) -> AsyncIterator[None]:
        """Hold one slot for the duration of the block, waiting in line if all are taken."""
        if self._slots.locked() or self._line:
            moved = asyncio.Event()
            self._line.append(moved)
            reporter = None
            if on_position is not None:
                reporter = asyncio.create_task(self._report(moved, on_position))
            try:
                await self._slots.acquire()
            finally:
                self._line.remove(moved)
                for waiter in self._line:
                    waiter.set()
                if reporter is not None:
                    reporter.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await reporter
        else:
            await self._slots.acquire()
        try:
            yield
        finally:
            self._slots.release()

    async def _report(self, moved: asyncio.Event, on_position: OnPosition) -> None:
        shown = 0
        while True:
            moved.clear()  # before reading the place: a move during the report is not missed
            place = self._line.index(moved) + 1
            if place != shown:
                shown = place
                await on_position(place)
            await moved.wait()


class JobLog:
    """The persisted life of each job: queued → submitted (task id) → done | failed."""

    def __init__(self, *, db: AsyncEngine) -> None:
        self._db = db

    async def open(
        self, where: Where, *, kind: str, text: str, params: dict[str, Any],
        voice_id: str | None, description: str | None = None,
    ) -> str:
        job_id = uuid.uuid4().hex
        now = datetime.now(UTC)
        async with self._db.begin() as conn:
            await conn.execute(
                jobs.insert().values(
                    id=job_id, state="queued", platform=where.platform,
                    space_id=where.space_id, user_id=where.user_id, voice_id=voice_id,
                    kind=kind, text=text, params=params, description=description,
                    created_at=now, updated_at=now,
                )
            )
        return job_id

    async def interrupt_unfinished(self) -> int:
        """Close the jobs a previous run left queued or submitted: nothing will deliver them."""
        async with self._db.begin() as conn:
            result = await conn.execute(
                update(jobs).where(jobs.c.state.in_(("queued", "submitted")))
                .values(state="failed", error="interrupted", updated_at=datetime.now(UTC))
            )
        return result.rowcount

    async def submitted(self, job_id: str, task_id: str) -> None:
        await self._set(job_id, state="submitted", task_id=task_id)

    async def done(self, job_id: str, seconds: float) -> None:
        await self._set(job_id, state="done", seconds=seconds)

    async def checked(self, job_id: str, error_rate: float) -> None:
        """Record the self-check's measured error rate of the output."""
        await self._set(job_id, wer=round(error_rate, 3))

    async def failed(self, job_id: str, error: str) -> None:
        await self._set(job_id, state="failed", error=error)

    async def get(self, where: Where, job_id: str) -> dict[str, Any]:
        """A job made in this chat (a button may name one from elsewhere, or long gone)."""
        async with self._db.connect() as conn:
            row = (await conn.execute(select(jobs).where(jobs.c.id == job_id))).first()
        if row is None or (row.platform, row.space_id) != (where.platform, where.space_id):
            raise TakeGone()
        return dict(row._mapping)

    async def _set(self, job_id: str, **values: Any) -> None:
        async with self._db.begin() as conn:
            await conn.execute(
                update(jobs).where(jobs.c.id == job_id).values(updated_at=datetime.now(UTC),
                                                                **values)
            )
