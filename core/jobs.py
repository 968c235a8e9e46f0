"""Jobs: every request is a row written before anything billable, and waits its turn in a queue."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter, deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from core.domain import Where
from core.errors import AlreadyRequested, QueueFull, TakeGone
from core.storage.tables import job_tasks, jobs

OnPosition = Callable[[int], Awaitable[None]]
Target = dict[str, Any]  # an adapter's address for a job's result (chat and message ids…)


class JobQueue(Protocol):
    """Grants a limited number of running slots, fairly between users."""

    def slot(self, user: str, on_position: OnPosition | None = None) -> Any: ...


@dataclass(eq=False)
class _Waiter:
    granted: asyncio.Future[None]
    moved: asyncio.Event = field(default_factory=asyncio.Event)


class InProcessQueue:
    """`limit` running slots, at most `per_user` of them for one user; the rest wait, served
    user by user in turn (so one user's ten requests do not starve everyone else's one), and
    each waiter is told its place as the line moves. Past `max_waiting`, requests are refused."""

    def __init__(self, *, limit: int, per_user: int | None = None, max_waiting: int = 1000
                 ) -> None:
        self._limit = limit
        self._per_user = per_user or limit
        self._max_waiting = max_waiting
        self._running: Counter[str] = Counter()
        self._lines: dict[str, deque[_Waiter]] = {}  # in turn order: first is served next

    @asynccontextmanager
    async def slot(self, user: str, on_position: OnPosition | None = None
                   ) -> AsyncIterator[None]:
        """Hold one slot for the duration of the block, waiting for it if need be."""
        await self._wait(user, on_position)
        try:
            yield
        finally:
            self._running[user] -= 1
            self._dispatch()

    def _free_for(self, user: str) -> bool:
        return (sum(self._running.values()) < self._limit
                and self._running[user] < self._per_user)

    async def _wait(self, user: str, on_position: OnPosition | None) -> None:
        waiting = sum(len(line) for line in self._lines.values())
        if waiting >= self._max_waiting and not self._free_for(user):
            raise QueueFull()
        waiter = _Waiter(asyncio.get_running_loop().create_future())
        self._lines.setdefault(user, deque()).append(waiter)
        self._dispatch()
        if waiter.granted.done():  # a slot was free
            return
        reporter = None
        if on_position is not None:
            reporter = asyncio.create_task(self._report(user, waiter, on_position))
        try:
            await waiter.granted
        except asyncio.CancelledError:
            if waiter.granted.done() and not waiter.granted.cancelled():
                self._running[user] -= 1  # granted as it was cancelled: pass the slot on
            else:
                self._leave(user, waiter)
            self._dispatch()
            raise
        finally:
            if reporter is not None:
                reporter.cancel()
                await asyncio.wait([reporter])  # (a cancel of our own task still propagates)

    def _dispatch(self) -> None:
        """Give free slots to waiting users in turn; a served user goes to the back."""
        served = True
        while served:
            served = False
            for user in list(self._lines):
                if not self._free_for(user):
                    continue
                waiter = self._lines[user].popleft()
                self._leave(user, None)
                if waiter.granted.done():  # cancelled before its turn came
                    served = True
                    break
                self._running[user] += 1
                waiter.granted.set_result(None)
                if user in self._lines:  # to the back of the turn order
                    self._lines[user] = self._lines.pop(user)
                served = True
                break
        for line in self._lines.values():
            for waiter in line:
                waiter.moved.set()

    def _leave(self, user: str, waiter: _Waiter | None) -> None:
        line = self._lines.get(user)
        if line is not None and waiter is not None and waiter in line:
            line.remove(waiter)
        if line is not None and not line:
            del self._lines[user]

    def _place(self, user: str, waiter: _Waiter) -> int:
        """1 + how many will be served first: at each turn, one from every user ahead."""
        users = list(self._lines)
        mine = self._lines[user].index(waiter)
        ahead = mine
        for other in users:
            if other != user:
                before = users.index(other) < users.index(user)
                ahead += min(len(self._lines[other]), mine + (1 if before else 0))
        return ahead + 1

    async def _report(self, user: str, waiter: _Waiter, on_position: OnPosition) -> None:
        shown = 0
        while user in self._lines and waiter in self._lines[user]:
            waiter.moved.clear()  # before reading the place: a move during the report counts
            place = self._place(user, waiter)
            if place != shown:
                shown = place
                await on_position(place)
            await waiter.moved.wait()


def where_of_job(job: dict[str, Any]) -> Where:
    """Where a stored job came from, as `JobLog.open` wrote it down."""
    origin = job["origin"] or {}
    return Where(job["platform"], job["space_id"], job["user_id"],
                 locale=origin.get("locale", "en"), private=bool(origin.get("private")),
                 user_name=origin.get("user_name", ""), roles=tuple(origin.get("roles", ())))


class JobLog:
    """The persisted life of each job: queued → submitted (task id) → done | failed."""

    def __init__(self, *, db: AsyncEngine) -> None:
        self._db = db

    async def open(
        self, where: Where, *, kind: str, text: str, params: dict[str, Any],
        voice_id: str | None, description: str | None = None, target: Target | None = None,
    ) -> str:
        """Write the job before anything billable; `target` is where its adapter delivers
        the result (a job with one is resumed after a restart)."""
        job_id = uuid.uuid4().hex
        now = datetime.now(UTC)
        origin = {"locale": where.locale, "private": where.private,  # read by `where_of_job`
                  "user_name": where.user_name, "roles": list(where.roles)}
        try:
            async with self._db.begin() as conn:
                await conn.execute(
                    jobs.insert().values(
                        id=job_id, state="queued", platform=where.platform,
                        space_id=where.space_id, user_id=where.user_id, voice_id=voice_id,
                        kind=kind, text=text, params=params, description=description,
                        created_at=now, updated_at=now, origin=origin, target=target,
                        request_key=(target or {}).get("request"),
                    )
                )
        except IntegrityError as exc:  # the only unique column a new job can clash on
            raise AlreadyRequested() from exc
        return job_id

    async def interrupt_unfinished(self) -> int:
        """Close the jobs a previous run left unfinished that have nowhere to be delivered
        (the console's); the others wait for their adapter to resume them."""
        async with self._db.begin() as conn:
            result = await conn.execute(
                update(jobs).where(jobs.c.state.in_(("queued", "submitted")),
                                   jobs.c.target.is_(None))
                .values(state="failed", error="interrupted", updated_at=datetime.now(UTC))
            )
        return result.rowcount

    async def unfinished(self, platform: str) -> list[dict[str, Any]]:
        """This platform's jobs that an earlier run left undelivered: never sent, and either
        not finished or finished just before it stopped. (One whose sending had begun may
        have arrived: it is not sent again.)"""
        query = select(jobs).where(
            jobs.c.platform == platform, jobs.c.target.is_not(None), jobs.c.delivery.is_(None),
            jobs.c.state.in_(("queued", "submitted", "done")),
        ).order_by(jobs.c.created_at)
        async with self._db.connect() as conn:
            return [dict(row._mapping) for row in (await conn.execute(query)).all()]

    async def tasks(self, job_id: str) -> dict[str, str]:
        """The upstream tasks this job started that may still be waited for, by step."""
        query = select(job_tasks.c.step, job_tasks.c.task_id).where(job_tasks.c.job_id == job_id)
        async with self._db.connect() as conn:
            return {step: task_id for step, task_id in (await conn.execute(query)).all()}

    async def started(self, job_id: str, step: str, task_id: str) -> None:
        """An upstream task was created for one step of the job: it is billable, and from now
        on it is waited for, never created again."""
        now = datetime.now(UTC)
        async with self._db.begin() as conn:
            await conn.execute(delete(job_tasks).where(job_tasks.c.job_id == job_id,
                                                       job_tasks.c.step == step))
            await conn.execute(job_tasks.insert().values(job_id=job_id, step=step,
                                                         task_id=task_id, created_at=now))
            await conn.execute(update(jobs).where(jobs.c.id == job_id)
                               .values(state="submitted", task_id=task_id, updated_at=now))

    async def ended(self, job_id: str, step: str) -> None:
        """A step's task failed: it cannot be resumed (a retry makes a new one)."""
        async with self._db.begin() as conn:
            await conn.execute(delete(job_tasks).where(job_tasks.c.job_id == job_id,
                                                       job_tasks.c.step == step))

    async def amend_target(self, job_id: str, more: Target) -> None:
        async with self._db.begin() as conn:
            target = (await conn.execute(select(jobs.c.target).where(jobs.c.id == job_id))
                      ).scalar_one_or_none()
            if target is not None:
                await conn.execute(update(jobs).where(jobs.c.id == job_id)
                                   .values(target={**target, **more}))

    async def sending(self, job_id: str) -> bool:
        """Claim the job's result for sending; False when it was claimed already."""
        async with self._db.begin() as conn:
            claimed = await conn.execute(
                update(jobs).where(jobs.c.id == job_id, jobs.c.delivery.is_(None))
                .values(delivery="sending", updated_at=datetime.now(UTC)))
        return bool(claimed.rowcount)

    async def sent(self, job_id: str) -> None:
        await self._set(job_id, delivery="sent")

    async def delivery_failed(self, job_id: str) -> None:
        """The chat refused the result (the adapter told the user why): not to be resent."""
        await self._set(job_id, delivery="failed")

    async def done(self, job_id: str, seconds: float) -> None:
        await self._set(job_id, state="done", seconds=seconds)

    async def checked(self, job_id: str, error_rate: float) -> None:
        """Record the self-check's measured error rate of the output."""
        await self._set(job_id, wer=round(error_rate, 3))

    async def failed(self, job_id: str, error: str) -> None:
        await self._set(job_id, state="failed", error=error)

    async def chars_since(self, where: Where, since: datetime) -> int:
        """How many characters this user had spoken in this space since `since` (failed
        requests cost nothing, so they do not count)."""
        query = select(func.coalesce(func.sum(func.length(jobs.c.text)), 0)).where(
            jobs.c.platform == where.platform, jobs.c.space_id == where.space_id,
            jobs.c.user_id == where.user_id, jobs.c.state != "failed",
            jobs.c.created_at >= since,
        )
        async with self._db.connect() as conn:
            return int((await conn.execute(query)).scalar_one())

    async def forget(self, platform: str, user_id: str, voice_ids: list[str]) -> list[str]:
        """Delete this user's jobs, and unlink others' jobs from the voices being deleted;
        returns the deleted jobs' ids (their takes go too)."""
        mine = (jobs.c.platform == platform) & (jobs.c.user_id == user_id)
        async with self._db.begin() as conn:
            ids = list((await conn.execute(select(jobs.c.id).where(mine))).scalars())
            await conn.execute(delete(job_tasks).where(job_tasks.c.job_id.in_(ids)))
            await conn.execute(delete(jobs).where(mine))
            if voice_ids:  # others' jobs in those voices: unfinished ones end here
                theirs = jobs.c.voice_id.in_(voice_ids)
                unfinished = theirs & jobs.c.state.in_(("queued", "submitted"))
                await conn.execute(delete(job_tasks).where(job_tasks.c.job_id.in_(
                    select(jobs.c.id).where(unfinished))))
                await conn.execute(update(jobs).where(unfinished)
                                   .values(state="failed", error="error_voice_gone"))
                await conn.execute(update(jobs).where(theirs).values(voice_id=None))
        return ids

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
