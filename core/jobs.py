"""Jobs: every request is a row written before anything billable, and waits its turn in a queue."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from core.domain import Where
from core.storage.tables import jobs

OnPosition = Callable[[int], Awaitable[None]]


class JobQueue(Protocol):
    """Grants a limited number of running slots, first come first served."""

    def slot(self, on_position: OnPosition | None = None) -> Any: ...


@dataclass(eq=False, slots=True)
class _Waiter:
    future: asyncio.Future[bool]
    on_position: OnPosition | None = field(default=None)


class InProcessQueue:
    """A FIFO line in front of `limit` slots, telling each waiter its place as the line moves."""

    def __init__(self, *, limit: int) -> None:
        self._free = limit
        self._line: list[_Waiter] = []

    @property
    def waiting(self) -> int:
        return len(self._line)

    @asynccontextmanager
    async def slot(self, on_position: OnPosition | None = None) -> AsyncIterator[None]:
        """Hold one slot for the duration of the block, waiting in line if all are taken."""
        if self._free > 0 and not self._line:
            self._free -= 1
        else:
            await self._wait_turn(on_position)
        try:
            yield
        finally:
            self._release()

    async def _wait_turn(self, on_position: OnPosition | None) -> None:
        loop = asyncio.get_running_loop()
        waiter = _Waiter(loop.create_future(), on_position)
        self._line.append(waiter)
        try:
            while True:
                if waiter.on_position is not None:
                    await waiter.on_position(self._line.index(waiter) + 1)
                if await waiter.future:  # True: the slot is ours; False: the line moved
                    return
                waiter.future = loop.create_future()
        except asyncio.CancelledError:
            if waiter in self._line:
                self._line.remove(waiter)
                self._moved()
            elif waiter.future.done() and not waiter.future.cancelled() and waiter.future.result():
                self._release()  # handed a slot while being cancelled: pass it on
            raise

    def _release(self) -> None:
        if self._line:
            self._line.pop(0).future.set_result(True)
            self._moved()
        else:
            self._free += 1

    def _moved(self) -> None:
        for waiter in self._line:
            if not waiter.future.done():
                waiter.future.set_result(False)


class JobLog:
    """The persisted life of each job: queued → submitted (task id) → done | failed."""

    def __init__(self, *, db: AsyncEngine) -> None:
        self._db = db

    async def open(
        self, where: Where, *, kind: str, text: str, params: dict[str, Any],
        voice_id: str | None,
    ) -> str:
        job_id = uuid.uuid4().hex
        now = datetime.now(UTC)
        async with self._db.begin() as conn:
            await conn.execute(
                jobs.insert().values(
                    id=job_id, state="queued", platform=where.platform,
                    space_id=where.space_id, user_id=where.user_id, voice_id=voice_id,
                    kind=kind, text=text, params=params, created_at=now, updated_at=now,
                )
            )
        return job_id

    async def submitted(self, job_id: str, task_id: str) -> None:
        await self._set(job_id, state="submitted", task_id=task_id)

    async def done(self, job_id: str, seconds: float) -> None:
        await self._set(job_id, state="done", seconds=seconds)

    async def failed(self, job_id: str, error: str) -> None:
        await self._set(job_id, state="failed", error=error)

    async def get(self, job_id: str) -> dict[str, Any]:
        async with self._db.connect() as conn:
            row = (await conn.execute(select(jobs).where(jobs.c.id == job_id))).one()
        return dict(row._mapping)

    async def _set(self, job_id: str, **values: Any) -> None:
        async with self._db.begin() as conn:
            await conn.execute(
                update(jobs).where(jobs.c.id == job_id).values(updated_at=datetime.now(UTC),
                                                                **values)
            )
