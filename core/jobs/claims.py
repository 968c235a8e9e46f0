"""Claims: the jobs a bot handed over, as the workers take them (in the line's order, within
each user's share), hold them on a lease, and report how they stand to the waiting bot."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from core.domain import Progress
from core.errors import VoicebotError, error_from
from core.jobs.log import CANCELLED, UNFINISHED, Job, aware, held
from core.jobs.notify import NEWS, WORK, announce, notifying
from core.jobs.queue import QueuePolicy, Waiting
from core.storage.db import alone, glance
from core.storage.tables import jobs

CLAIM_LOCK = 0x766F_6963_6A6F_6273  # Postgres: claims one after another ("voicjobs")
LINE_READ = 1000  # unclaimed jobs the workers' policy looks at, at most, per claim


@dataclass(frozen=True, slots=True)
class Ended:
    """How a handed-over job stands: its worker's last progress, and its end once there."""

    id: str
    state: str
    progress: Progress | None
    error: VoicebotError | None  # what ended it, when it failed (or was cancelled)

    @property
    def over(self) -> bool:
        return self.state in ("done", "failed", CANCELLED)


class Claims:
    """The workers' side of the job log."""

    def __init__(self, *, db: AsyncEngine) -> None:
        self._db = db
        self._lines = _LineReads(self._read_line)

    async def hand_over(self, job_id: str) -> None:
        """Leave a job (opened to run in-process by an earlier run) to the workers."""
        async with self._db.begin() as conn:
            await conn.execute(
                update(jobs)
                .where(jobs.c.id == job_id)
                .values(handoff=True, updated_at=datetime.now(UTC))
            )
            await announce(conn, WORK)

    async def place(self, job_id: str, policy: QueuePolicy) -> tuple[int, int]:
        """The handed-over job's place in the workers' line (1: next; 0: taken already), and
        how many others wait, as the policy orders the line. Read as the line stands after
        the call: requests handed over together share reads of it (read for each, a thousand
        of them read a thousand rows each)."""
        places = await self._lines.after_now(policy)
        place = places.get(job_id)
        return (0, len(places)) if place is None else (place, len(places) - 1)

    async def _read_line(self, policy: QueuePolicy) -> dict[str, int]:
        """Each job in the workers' line by its place, as the policy orders it."""
        async with self._db.connect() as conn:
            line = policy.order(*await self._line(conn, datetime.now(UTC)))
        return {job.item: place for place, job in enumerate(line, start=1)}

    async def claim(
        self, worker: str, *, lease_s: float, most: int, policy: QueuePolicy
    ) -> list[Job]:
        """Take up to `most` handed-over jobs for `lease_s`: unfinished ones nobody holds, or
        whose holder let the lease lapse (it stopped, or crashed), in the order and within the
        shares the queue policy sets. Claims happen one at a time (Postgres: an advisory lock;
        SQLite: one writer), so two workers never take the same job, nor one user more than
        their share between them."""
        now = datetime.now(UTC)
        until = now + timedelta(seconds=lease_s)
        async with self._db.begin() as conn:
            if conn.dialect.name == "postgresql":
                await conn.execute(select(func.pg_advisory_xact_lock(CLAIM_LOCK)))
            else:  # take the write lock first: what is read next cannot change under us
                await conn.execute(update(jobs).where(jobs.c.id == "").values(worker=None))
            waiting, last_start = await self._line(conn, now)
            held = (
                jobs.c.handoff.is_(True),
                jobs.c.state.in_(UNFINISHED),
                jobs.c.lease_until >= now,
            )
            running: dict[str, int] = dict(
                (
                    await conn.execute(select(_user, func.count()).where(*held).group_by(_user))
                ).all()
            )
            chosen = [
                job.item for job in policy.next(policy.order(waiting, last_start), running, most)
            ]
            if not chosen:
                return []
            rows = (
                await conn.execute(
                    update(jobs)
                    .where(jobs.c.id.in_(chosen))
                    .values(worker=worker, lease_until=until, started_at=now, updated_at=now)
                    .returning(*jobs.c)
                )
            ).all()
        return [Job.of(row) for row in sorted(rows, key=lambda row: chosen.index(row.id))]

    async def _line(
        self, conn: AsyncConnection, now: datetime
    ) -> tuple[list[Waiting[str]], Mapping[str, datetime]]:
        """The handed-over jobs nobody holds, oldest first, and when each of their users last
        had a job started."""
        claimable = and_(
            jobs.c.handoff.is_(True),
            jobs.c.state.in_(UNFINISHED),
            or_(jobs.c.lease_until.is_(None), jobs.c.lease_until < now),
        )
        rows = (
            await conn.execute(
                select(jobs.c.id, _user, jobs.c.created_at)
                .where(claimable)
                .order_by(jobs.c.created_at)
                .limit(LINE_READ)
            )
        ).all()
        users = {user for _, user, _ in rows}
        starts = (
            (
                await conn.execute(
                    select(_user, func.max(jobs.c.started_at))
                    .where(_user.in_(users), jobs.c.handoff.is_(True))
                    .group_by(_user)
                )
            ).all()
            if users
            else []
        )
        return (
            [Waiting(job_id, user, aware(created)) for job_id, user, created in rows],
            {user: aware(started) for user, started in starts if started is not None},
        )

    async def renew(self, worker: str, job_ids: list[str], *, lease_s: float) -> set[str]:
        """Extend the lease of these jobs this worker runs; returns those it still holds (a
        lease that lapsed may have gone to another worker)."""
        mine = (jobs.c.id.in_(job_ids), *held(worker))
        async with self._db.begin() as conn:
            await conn.execute(
                update(jobs)
                .where(*mine)
                .values(lease_until=datetime.now(UTC) + timedelta(seconds=lease_s))
            )
            return set((await conn.execute(select(jobs.c.id).where(*mine))).scalars())

    async def release(self, worker: str) -> None:
        """Give up this worker's unfinished jobs (it is stopping): others may take them now."""
        async with self._db.begin() as conn:
            released = await conn.execute(
                update(jobs).where(*held(worker)).values(lease_until=None, worker=None)
            )
            if released.rowcount:
                await announce(conn, WORK)

    async def note_progress(self, job_id: str, progress: Progress, held_by: str) -> None:
        """A worker's progress on a job it holds, for the gateway to show at once."""
        noted = (
            update(jobs)
            .where(jobs.c.id == job_id, *held(held_by))
            .values(
                progress={
                    "stage": progress.stage,
                    "position": progress.position,
                    "done": progress.done,
                    "parts": progress.parts,
                }
            )
        )
        async with alone(self._db).begin() as conn:
            await conn.execute(notifying(conn, noted, NEWS))

    async def states(self, job_ids: list[str]) -> list[Ended]:
        """How each of these jobs stands (those that still exist)."""
        query = select(
            jobs.c.id, jobs.c.state, jobs.c.progress, jobs.c.error, jobs.c.error_params
        ).where(jobs.c.id.in_(job_ids))
        async with glance(self._db).connect() as conn:
            rows = (await conn.execute(query)).all()
        return [
            Ended(
                id=job_id,
                state=state,
                progress=None if progress is None else Progress(**progress),
                error=None
                if state not in ("failed", CANCELLED)
                else error_from(error or "error_unexpected", params),
            )
            for job_id, state, progress, error, params in rows
        ]


_user = jobs.c.platform + ":" + jobs.c.user_id  # a user as the queue names them


class _LineReads:
    """Reads of the workers' line shared by whoever asks meanwhile. A read answers only those
    who asked before it began (so each sees the line as it stands after asking, their own job
    in it); those asking during a read wait for the next, which all of them share."""

    def __init__(self, read: Callable[[QueuePolicy], Awaitable[dict[str, int]]]) -> None:
        self._read = read
        self._next: dict[QueuePolicy, asyncio.Future[dict[str, int]]] = {}  # not begun yet
        self._reading: dict[QueuePolicy, asyncio.Task[None]] = {}

    async def after_now(self, policy: QueuePolicy) -> dict[str, int]:
        answer = self._next.get(policy)
        if answer is None:
            answer = self._next[policy] = asyncio.get_running_loop().create_future()
            answer.add_done_callback(_retrieved)
            if policy not in self._reading:
                self._reading[policy] = asyncio.create_task(self._reads(policy))
        return await asyncio.shield(answer)  # (a caller cancelled leaves it to the others)

    async def _reads(self, policy: QueuePolicy) -> None:
        """Read for those waiting, round after round, until nobody waits."""
        try:
            while (answer := self._next.pop(policy, None)) is not None:
                try:
                    answer.set_result(await self._read(policy))
                except Exception as exc:  # each of them would have met it
                    answer.set_exception(exc)
                except asyncio.CancelledError:  # (the loop shutting down)
                    answer.cancel()
                    raise
        finally:
            del self._reading[policy]
            if (waiting := self._next.pop(policy, None)) is not None:
                waiting.cancel()


def _retrieved(answer: asyncio.Future[dict[str, int]]) -> None:
    """(An answer nobody awaits any more: its error is not worth a warning.)"""
    if not answer.cancelled():
        answer.exception()
