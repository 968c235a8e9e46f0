"""Jobs: every request is a row written before anything billable, and waits its turn in a queue."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections import Counter, deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from core.domain import Progress, Where
from core.errors import AlreadyRequested, QueueFull, TakeGone
from core.storage.tables import job_results, job_tasks, jobs

log = logging.getLogger(__name__)

UNFINISHED = ("queued", "submitted")  # a job's states before it is done or failed

OnPosition = Callable[[int], Awaitable[None]]
OnProgress = Callable[[dict[str, Any]], Awaitable[None]]  # a worker's progress, as stored
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

    def depth(self) -> tuple[int, int]:
        """How many jobs hold a slot, and how many wait in line."""
        return sum(self._running.values()), sum(len(line) for line in self._lines.values())

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
        handoff: bool = False,
    ) -> str:
        """Write the job before anything billable; `target` is where its adapter delivers
        the result (a job with one is resumed after a restart). A job handed off is run by
        whichever `voicebot worker` claims it first."""
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
                        request_key=(target or {}).get("request"), handoff=handoff,
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
                update(jobs).where(jobs.c.state.in_(UNFINISHED),
                                   jobs.c.target.is_(None), jobs.c.handoff.is_(False))
                .values(state="failed", error="interrupted", updated_at=datetime.now(UTC))
            )
        return result.rowcount

    async def unfinished(self, platform: str) -> list[dict[str, Any]]:
        """This platform's jobs that an earlier run left undelivered: never sent, and either
        not finished or finished just before it stopped. (One whose sending had begun may
        have arrived: it is not sent again.)"""
        query = select(jobs).where(
            jobs.c.platform == platform, jobs.c.target.is_not(None), jobs.c.delivery.is_(None),
            jobs.c.state.in_((*UNFINISHED, "done")),
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
        await self._drop_results(job_id)

    async def delivery_failed(self, job_id: str) -> None:
        """The chat refused the result (the adapter told the user why): not to be resent."""
        await self._set(job_id, delivery="failed")
        await self._drop_results(job_id)

    async def done(self, job_id: str, seconds: float,
                   results: list[tuple[bytes, float, bytes]] | None = None,
                   held_by: str | None = None) -> None:
        """The job succeeded; a worker (`held_by`) leaves its voice messages (ogg, seconds,
        waveform) for the gateway in the same transaction, so a job is never done without
        them, and raises `NotHeld` if the job is no longer its own."""
        async with self._db.begin() as conn:
            changed = await conn.execute(update(jobs).where(jobs.c.id == job_id, *_held(held_by))
                                         .values(state="done", seconds=seconds,
                                                 updated_at=datetime.now(UTC)))
            if held_by is not None and not changed.rowcount:
                raise NotHeld(job_id)
            for part, (ogg, length, waveform) in enumerate(results or []):
                await conn.execute(job_results.insert().values(
                    job_id=job_id, part=part, ogg=ogg, seconds=length, waveform=waveform))

    async def results(self, job_id: str) -> list[tuple[bytes, float, bytes]]:
        """A worker's voice messages of a job, in order. A job with nowhere to be delivered
        later (the console's) has them deleted as they are read."""
        query = (select(job_results.c.ogg, job_results.c.seconds, job_results.c.waveform)
                 .where(job_results.c.job_id == job_id).order_by(job_results.c.part))
        async with self._db.begin() as conn:
            parts = [(ogg, length, waveform) for ogg, length, waveform in
                     (await conn.execute(query)).all()]
            target = (await conn.execute(select(jobs.c.target).where(jobs.c.id == job_id))
                      ).scalar_one_or_none()
            if target is None:
                await conn.execute(delete(job_results).where(job_results.c.job_id == job_id))
        return parts

    async def drop_stale_results(self, older_than_s: float) -> int:
        """Delete workers' voice messages that no bot will post: their job's sending began
        and was cut off (never sent twice), or it ended longer than `older_than_s` ago, or it
        is gone."""
        cutoff = datetime.now(UTC) - timedelta(seconds=older_than_s)
        stale = select(jobs.c.id).where(or_(jobs.c.delivery.is_not(None),
                                            jobs.c.updated_at < cutoff))
        kept = select(jobs.c.id)
        async with self._db.begin() as conn:
            result = await conn.execute(delete(job_results).where(or_(
                job_results.c.job_id.in_(stale), job_results.c.job_id.not_in(kept))))
        return result.rowcount

    async def _drop_results(self, job_id: str) -> None:
        async with self._db.begin() as conn:
            await conn.execute(delete(job_results).where(job_results.c.job_id == job_id))

    async def checked(self, job_id: str, error_rate: float) -> None:
        """Record the self-check's measured error rate of the output."""
        await self._set(job_id, wer=round(error_rate, 3))

    async def failed(self, job_id: str, error: str, params: dict[str, Any] | None = None,
                     held_by: str | None = None) -> None:
        """The job ended in `error` (a message key) with its parameters, as far as they can
        be stored (a gateway tells the user from them); by a worker, only if it still holds
        the job."""
        async with self._db.begin() as conn:
            await conn.execute(update(jobs).where(jobs.c.id == job_id, *_held(held_by)).values(
                state="failed", error=error, updated_at=datetime.now(UTC),
                error_params={k: v for k, v in (params or {}).items() if _storable(v)}))

    # --- handed over to workers -----------------------------------------------------------

    async def hand_over(self, job_id: str) -> None:
        """Leave a job (opened to run in-process by an earlier run) to the workers."""
        await self._set(job_id, handoff=True)

    async def waiting_before(self, job_id: str) -> int:
        """How many handed-over jobs nobody has claimed yet were opened before this one."""
        mine = select(jobs.c.created_at).where(jobs.c.id == job_id).scalar_subquery()
        query = select(func.count()).select_from(jobs).where(
            jobs.c.handoff.is_(True), jobs.c.state == "queued", jobs.c.worker.is_(None),
            jobs.c.created_at < mine)
        async with self._db.connect() as conn:
            return int((await conn.execute(query)).scalar_one())

    async def claim(self, worker: str, *, lease_s: float, most: int) -> list[dict[str, Any]]:
        """Take up to `most` handed-over jobs for `lease_s`: unfinished ones nobody holds, or
        whose holder let the lease lapse (it stopped, or crashed); each user's oldest first,
        one user after another (ten requests from one user do not all go before another's
        one). One statement, so two workers never take the same job (Postgres skips rows
        another worker is taking; SQLite has one writer at a time)."""
        now = datetime.now(UTC)
        until = now + timedelta(seconds=lease_s)
        claimable = (jobs.c.handoff.is_(True), jobs.c.state.in_(UNFINISHED),
                     or_(jobs.c.lease_until.is_(None), jobs.c.lease_until < now))
        turn = func.row_number().over(partition_by=(jobs.c.platform, jobs.c.user_id),
                                      order_by=jobs.c.created_at)
        ranked = select(jobs.c.id, jobs.c.created_at, turn.label("turn")).where(
            *claimable).subquery()
        fair = select(ranked.c.id).order_by(ranked.c.turn, ranked.c.created_at).limit(most)
        # (a window and a row lock cannot share one SELECT: pick, then lock what is still free)
        free = select(jobs.c.id).where(jobs.c.id.in_(fair.scalar_subquery()), *claimable
                                       ).with_for_update(skip_locked=True)
        async with self._db.begin() as conn:
            await conn.execute(update(jobs).where(jobs.c.id.in_(free.scalar_subquery()))
                               .values(worker=worker, lease_until=until, updated_at=now))
            rows = (await conn.execute(select(jobs).where(
                jobs.c.worker == worker, jobs.c.lease_until == until))).all()
        return [dict(row._mapping) for row in rows]

    async def renew(self, worker: str, job_ids: list[str], *, lease_s: float) -> set[str]:
        """Extend the lease of these jobs this worker runs; returns those it still holds (a
        lease that lapsed may have gone to another worker)."""
        mine = (jobs.c.id.in_(job_ids), *_held(worker))
        async with self._db.begin() as conn:
            await conn.execute(update(jobs).where(*mine).values(
                lease_until=datetime.now(UTC) + timedelta(seconds=lease_s)))
            return set((await conn.execute(select(jobs.c.id).where(*mine))).scalars())

    async def release(self, worker: str) -> None:
        """Give up this worker's unfinished jobs (it is stopping): others may take them now."""
        async with self._db.begin() as conn:
            await conn.execute(update(jobs).where(*_held(worker))
                               .values(lease_until=None, worker=None))

    async def note_progress(self, job_id: str, progress: Progress, held_by: str) -> None:
        """A worker's progress on a job it holds, for the gateway to show."""
        async with self._db.begin() as conn:
            await conn.execute(update(jobs).where(jobs.c.id == job_id, *_held(held_by)).values(
                progress={"stage": progress.stage, "position": progress.position,
                          "done": progress.done, "parts": progress.parts}))

    async def states(self, job_ids: list[str]) -> list[dict[str, Any]]:
        """State, progress and error of each of these jobs (those that still exist)."""
        query = select(jobs.c.id, jobs.c.state, jobs.c.progress, jobs.c.error,
                       jobs.c.error_params).where(jobs.c.id.in_(job_ids))
        async with self._db.connect() as conn:
            return [dict(row._mapping) for row in (await conn.execute(query)).all()]

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

    async def task_times(self, *, chars: tuple[int, int], last: int = 20
                         ) -> list[tuple[float, int]]:
        """How long the latest one-task jobs of `chars` (least, most) characters took from
        their task's creation to done, with their length: what an earlier run learnt of the
        upstream's speed. (A delivery marks the job later: a second or so too long at most.)"""
        one_task = (select(job_tasks.c.job_id, func.min(job_tasks.c.created_at).label("created"))
                    .group_by(job_tasks.c.job_id).having(func.count() == 1).subquery())
        length = func.length(jobs.c.text)
        query = (select(one_task.c.created, jobs.c.updated_at, length)
                 .join(one_task, one_task.c.job_id == jobs.c.id)
                 .where(jobs.c.state == "done", length.between(*chars))
                 .order_by(jobs.c.updated_at.desc()).limit(last))
        async with self._db.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [((ended - created).total_seconds(), n) for created, ended, n in rows]

    async def forget(self, platform: str, user_id: str, voice_ids: list[str]) -> list[str]:
        """Delete this user's jobs, and unlink others' jobs from the voices being deleted;
        returns the deleted jobs' ids (their takes go too)."""
        mine = (jobs.c.platform == platform) & (jobs.c.user_id == user_id)
        async with self._db.begin() as conn:
            ids = list((await conn.execute(select(jobs.c.id).where(mine))).scalars())
            await conn.execute(delete(job_tasks).where(job_tasks.c.job_id.in_(ids)))
            await conn.execute(delete(job_results).where(job_results.c.job_id.in_(ids)))
            await conn.execute(delete(jobs).where(mine))
            if voice_ids:  # others' jobs in those voices: unfinished ones end here
                theirs = jobs.c.voice_id.in_(voice_ids)
                unfinished = theirs & jobs.c.state.in_(UNFINISHED)
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


class Handovers:
    """Waits for jobs handed over to workers: one loop reads the rows of all the jobs being
    waited for, in one query a round, and passes on their progress and their end."""

    def __init__(self, jobs: JobLog, *, every_s: float = 0.25) -> None:
        self._jobs = jobs
        self._every_s = every_s
        self._waiting: dict[str, tuple[asyncio.Future[dict[str, Any]], OnProgress]] = {}
        self._seen: dict[str, Any] = {}
        self._loop: asyncio.Task[None] | None = None

    async def until_ended(self, job_id: str, on_progress: OnProgress) -> dict[str, Any]:
        """The job's row (state, error, error_params) once a worker finished it."""
        ended: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[job_id] = (ended, on_progress)
        if self._loop is None or self._loop.done():
            self._loop = asyncio.create_task(self._watch())
        try:
            return await ended
        finally:
            self._waiting.pop(job_id, None)
            self._seen.pop(job_id, None)

    async def aclose(self) -> None:
        if self._loop is not None:
            self._loop.cancel()
            await asyncio.gather(self._loop, return_exceptions=True)
        for ended, _ in self._waiting.values():
            ended.cancel()

    async def _watch(self) -> None:
        while self._waiting:
            asked = list(self._waiting)
            try:
                rows = await self._jobs.states(asked)
            except Exception:  # the database may be briefly unavailable: next round
                log.exception("reading handed-over jobs failed")
                await asyncio.sleep(self._every_s)
                continue
            for row in rows:
                ended, on_progress = self._waiting.get(row["id"], (None, None))
                if ended is None or on_progress is None or ended.done():
                    continue
                if row["progress"] is not None and row["progress"] != self._seen.get(row["id"]):
                    self._seen[row["id"]] = row["progress"]
                    try:
                        await on_progress(row["progress"])
                    except Exception:  # (progress a newer worker wrote) the job goes on
                        log.exception("job %s: its progress could not be shown", row["id"])
                if row["state"] in ("done", "failed"):
                    ended.set_result(row)
            missing = set(asked) - {row["id"] for row in rows}
            for job_id in missing:  # forgotten (`/forgetme`) while it waited
                ended = self._waiting.get(job_id, (None, None))[0]
                if ended is not None and not ended.done():
                    ended.set_result({"id": job_id, "state": "failed", "error": "error_take_gone",
                                      "error_params": None})
            await asyncio.sleep(self._every_s)


class NotHeld(Exception):
    """A worker's lease on a job lapsed and another worker took it: this one's result is not
    recorded (the other's will be)."""


def _held(worker: str | None) -> tuple[Any, ...]:
    """Conditions for a write by `worker` (none when the job runs where it was made): it
    still holds the job, and the job is not over."""
    if worker is None:
        return ()
    return jobs.c.worker == worker, jobs.c.state.in_(UNFINISHED)


def _storable(value: Any) -> bool:
    try:
        json.dumps(value, allow_nan=False)  # JSON proper: Postgres refuses NaN and Infinity
    except (TypeError, ValueError):
        return False
    return True
