"""The job log: every request is a row written before anything billable; its upstream tasks,
its end, its delivery and (for workers) its lease are written there as they happen."""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Row, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from core.audio import EncodedVoice
from core.domain import Sampling, Where
from core.errors import AlreadyRequested, Cancelled, TakeGone, VoicebotError, stored
from core.jobs.notify import NEWS, STOP, WORK, announce
from core.outbox import ReplyTarget
from core.storage.db import alone, glance, upsert
from core.storage.tables import job_results, job_tasks, jobs

log = logging.getLogger(__name__)

UNFINISHED = ("queued", "submitted")  # a job's states before it is done or failed
CANCELLED = "cancelled"  # its requester's doing: never run, finished or delivered from then on


@dataclass(frozen=True, slots=True)
class Job:
    """One request as stored: what to speak, how, and where its result goes."""

    id: str
    where: Where
    kind: str  # the engine's name, or "dialogue"
    text: str
    sampling: Sampling
    voice_id: str | None  # None: a designed voice, a dialogue, or a voice deleted since
    description: str | None  # a designed voice's description
    target: ReplyTarget | None  # None: nowhere to deliver later (the console)
    state: str = "queued"
    seconds: float | None = None  # of the output, once done
    wer: float | None = None  # the self-check's error rate of the output
    language: str | None = None  # said in this language, translated (None: as written)
    translation: str | None = None  # the text in `language`, once translated: what is spoken

    @classmethod
    def of(cls, row: Row[Any]) -> Job:
        origin = row.origin or {}  # the rest of `Where`, as `JobLog.open` wrote it
        where = Where(
            row.platform,
            row.space_id,
            row.user_id,
            locale=origin.get("locale", "en"),
            private=bool(origin.get("private")),
            user_name=origin.get("user_name", ""),
            roles=tuple(origin.get("roles", ())),
        )
        return cls(
            id=row.id,
            where=where,
            kind=row.kind,
            text=row.text,
            sampling=Sampling(**row.params),
            voice_id=row.voice_id,
            description=row.description,
            target=None if row.target is None else ReplyTarget.from_stored(row.target),
            state=row.state,
            seconds=row.seconds,
            wer=row.wer,
            language=row.language,
            translation=row.translation,
        )


class JobLog:
    """The persisted life of each job: queued → submitted (task ids) → done | failed |
    cancelled, then delivered at most once."""

    def __init__(self, *, db: AsyncEngine) -> None:
        self._db = db

    async def open(
        self,
        where: Where,
        *,
        kind: str,
        text: str,
        sampling: Sampling,
        voice_id: str | None = None,
        description: str | None = None,
        target: ReplyTarget | None = None,
        handoff: bool = False,
        language: str | None = None,
        translation: str | None = None,
    ) -> Job:
        """Write the job before anything billable; a job with a `target` is resumed after a
        restart, and one `handoff` is run by whichever `voicebot worker` claims it first."""
        job = Job(
            id=uuid.uuid4().hex,
            where=where,
            kind=kind,
            text=text,
            sampling=sampling,
            voice_id=voice_id,
            description=description,
            target=target,
            language=language,
            translation=translation,
        )
        now = datetime.now(UTC)
        origin = {
            "locale": where.locale,
            "private": where.private,  # read by `Job.of`
            "user_name": where.user_name,
            "roles": list(where.roles),
        }
        try:
            async with self._db.begin() as conn:
                await conn.execute(
                    jobs.insert().values(
                        id=job.id,
                        state="queued",
                        platform=where.platform,
                        space_id=where.space_id,
                        user_id=where.user_id,
                        voice_id=voice_id,
                        kind=kind,
                        text=text,
                        params=sampling.as_params(),
                        description=description,
                        created_at=now,
                        updated_at=now,
                        origin=origin,
                        target=None if target is None else target.stored(),
                        request_key=(target.request or None) if target else None,
                        handoff=handoff,
                        language=language,
                        translation=translation,
                    )
                )
                if handoff:  # (a worker waiting for work wakes once the job is there)
                    await announce(conn, WORK)
        except IntegrityError as exc:  # the only unique column a new job can clash on
            raise AlreadyRequested() from exc
        return job

    async def get(self, where: Where, job_id: str) -> Job:
        """A job made in this chat (a button may name one from elsewhere, or long gone)."""
        async with glance(self._db).connect() as conn:
            row = (await conn.execute(select(jobs).where(jobs.c.id == job_id))).first()
        if row is None or (row.platform, row.space_id) != (where.platform, where.space_id):
            raise TakeGone()
        return Job.of(row)

    async def exists(self, job_id: str) -> bool:
        """Whether the job is still there (a user who asked to be forgotten takes theirs)."""
        async with glance(self._db).connect() as conn:
            found = await conn.execute(select(jobs.c.id).where(jobs.c.id == job_id))
            return found.first() is not None

    async def cancel(self, where: Where, chat_id: str, job_id: str | None = None) -> list[str]:
        """Cancel this user's unfinished jobs whose results go to `chat_id` (only `job_id`,
        when given); returns their ids. From now on none of them is claimed, recorded done or
        resumed after a restart."""
        query = select(jobs.c.id, jobs.c.target).where(
            jobs.c.platform == where.platform,
            jobs.c.space_id == where.space_id,
            jobs.c.user_id == where.user_id,
            jobs.c.state.in_(UNFINISHED),
            *(() if job_id is None else (jobs.c.id == job_id,)),
        )
        async with self._db.begin() as conn:  # all of them or, the database busy, none
            if conn.dialect.name == "sqlite":  # the write lock first: what is read stays so
                await conn.execute(update(jobs).where(jobs.c.id == "").values(worker=None))
            rows = (await conn.execute(query.with_for_update())).all()  # (Postgres: locked)
            found = [job for job, target in rows if (target or {}).get("chat_id") == chat_id]
            if found:
                await conn.execute(
                    update(jobs)
                    .where(jobs.c.id.in_(found))
                    .values(state=CANCELLED, error=Cancelled.key, updated_at=datetime.now(UTC))
                )
                await announce(conn, NEWS, STOP, about=jobs.c.id.in_(found))  # stop at once
        return found

    async def cancelled(self, job_id: str) -> bool:
        """Whether the job's requester cancelled it."""
        async with glance(self._db).connect() as conn:
            state = await conn.execute(select(jobs.c.state).where(jobs.c.id == job_id))
            return state.scalar_one_or_none() == CANCELLED

    async def interrupt_unfinished(self) -> int:
        """Close the jobs a previous run left unfinished that have nowhere to be delivered
        (the console's); the others wait for their adapter to resume them."""
        async with self._db.begin() as conn:
            result = await conn.execute(
                update(jobs)
                .where(
                    jobs.c.state.in_(UNFINISHED),
                    jobs.c.target.is_(None),
                    jobs.c.handoff.is_(False),
                )
                .values(state="failed", error="interrupted", updated_at=datetime.now(UTC))
            )
        return result.rowcount

    async def unfinished(self, platform: str) -> list[Job]:
        """This platform's jobs that an earlier run left undelivered: never sent, and either
        not finished or finished just before it stopped. (One whose sending had begun may
        have arrived: it is not sent again.)"""
        query = (
            select(jobs)
            .where(
                jobs.c.platform == platform,
                jobs.c.target.is_not(None),
                jobs.c.delivery.is_(None),
                jobs.c.state.in_((*UNFINISHED, "done")),
            )
            .order_by(jobs.c.created_at)
        )
        async with self._db.connect() as conn:
            return [Job.of(row) for row in (await conn.execute(query)).all()]

    # --- the upstream tasks of a job ---------------------------------------------------------

    async def tasks(self, job_id: str) -> dict[str, str]:
        """The upstream tasks this job started that may still be waited for, by step."""
        query = select(job_tasks.c.step, job_tasks.c.task_id).where(job_tasks.c.job_id == job_id)
        async with glance(self._db).connect() as conn:
            return {step: task_id for step, task_id in (await conn.execute(query)).all()}

    async def started(self, job_id: str, step: str, task_id: str) -> None:
        """An upstream task was created for one step of the job: it is billable, and from now
        on it is waited for, never created again."""
        now = datetime.now(UTC)
        task = {"job_id": job_id, "step": step, "task_id": task_id, "created_at": now}
        async with self._db.begin() as conn:
            await conn.execute(  # (a step tried again replaces its task)
                upsert(conn.dialect.name, job_tasks, task, key=("job_id", "step"))
            )
            await conn.execute(  # (a job cancelled meanwhile stays so)
                update(jobs)
                .where(jobs.c.id == job_id, jobs.c.state.in_(UNFINISHED))
                .values(state="submitted", updated_at=now)
            )

    async def ended(self, job_id: str, step: str) -> None:
        """A step's task failed: it cannot be resumed (a retry makes a new one)."""
        async with self._db.begin() as conn:
            await conn.execute(
                delete(job_tasks).where(job_tasks.c.job_id == job_id, job_tasks.c.step == step)
            )

    async def translated(self, job_id: str, translation: str) -> str:
        """Store the job's translation, unless a run before this one did (one whose lease
        lapsed): the one stored first is what every run speaks, and is returned."""
        async with self._db.begin() as conn:
            unset = (jobs.c.id == job_id) & jobs.c.translation.is_(None)
            await conn.execute(update(jobs).where(unset).values(translation=translation))
            stored = await conn.execute(select(jobs.c.translation).where(jobs.c.id == job_id))
            return stored.scalar_one_or_none() or translation  # (gone: forgotten meanwhile)

    # --- the end of a job --------------------------------------------------------------------

    async def done(
        self,
        job_id: str,
        seconds: float,
        results: list[EncodedVoice] | None = None,
        held_by: str | None = None,
    ) -> None:
        """The job succeeded; a worker (`held_by`) leaves its voice messages for the gateway
        in the same transaction, so a job is never done without them, and raises `NotHeld` if
        the job is no longer its own. A job its requester cancelled meanwhile stays cancelled,
        with nothing recorded: `Cancelled`."""
        async with self._db.begin() as conn:
            changed = await conn.execute(
                update(jobs)
                .where(jobs.c.id == job_id, *held(held_by))
                .values(state="done", seconds=seconds, updated_at=datetime.now(UTC))
            )
            if not changed.rowcount:
                state = await conn.execute(select(jobs.c.state).where(jobs.c.id == job_id))
                if state.scalar_one_or_none() == CANCELLED:
                    raise Cancelled()
                if held_by is not None:
                    raise NotHeld(job_id)
            if held_by is not None:  # a worker's: the gateway waiting for it hears at once
                await announce(conn, NEWS, about=jobs.c.id == job_id)
            for part, voice in enumerate(results or []):
                await conn.execute(
                    job_results.insert().values(
                        job_id=job_id,
                        part=part,
                        ogg=voice.ogg,
                        seconds=voice.seconds,
                        waveform=voice.waveform,
                    )
                )

    async def failed(self, job_id: str, error: VoicebotError, held_by: str | None = None) -> None:
        """The job ended in `error`, stored with its parameters as far as they can be (a
        gateway tells the user from them); by a worker, only if it still holds the job."""
        params = {k: v for k, v in stored(error).items() if _storable(v)}
        async with self._db.begin() as conn:
            await conn.execute(
                update(jobs)
                .where(jobs.c.id == job_id, *held(held_by))
                .values(
                    state="failed",
                    error=error.key,
                    updated_at=datetime.now(UTC),
                    error_params=params,
                )
            )
            await announce(conn, NEWS, about=jobs.c.id == job_id)  # (its gateway reads it)

    async def checked(self, job_id: str, error_rate: float) -> None:
        """Record the self-check's measured error rate of the output."""
        await self._set(job_id, wer=round(error_rate, 3))

    async def results(self, job_id: str) -> list[EncodedVoice]:
        """A worker's voice messages of a job, in order. A job with nowhere to be delivered
        later (the console's) has them deleted as they are read."""
        query = (
            select(job_results.c.ogg, job_results.c.seconds, job_results.c.waveform, jobs.c.target)
            .join(jobs, jobs.c.id == job_results.c.job_id)
            .where(job_results.c.job_id == job_id)
            .order_by(job_results.c.part)
        )
        async with glance(self._db).connect() as conn:
            rows = (await conn.execute(query)).all()
        if rows and rows[0].target is None:
            async with alone(self._db).begin() as conn:
                await conn.execute(delete(job_results).where(job_results.c.job_id == job_id))
        return [
            EncodedVoice(ogg=row.ogg, seconds=row.seconds, waveform=row.waveform) for row in rows
        ]

    async def drop_stale_results(self, older_than_s: float) -> int:
        """Delete workers' voice messages that no bot will post: their job's sending began
        and was cut off (never sent twice), or it ended longer than `older_than_s` ago, or it
        is gone."""
        cutoff = datetime.now(UTC) - timedelta(seconds=older_than_s)
        stale = select(jobs.c.id).where(
            or_(jobs.c.delivery.is_not(None), jobs.c.updated_at < cutoff)
        )
        kept = select(jobs.c.id)
        async with self._db.begin() as conn:
            result = await conn.execute(
                delete(job_results).where(
                    or_(job_results.c.job_id.in_(stale), job_results.c.job_id.not_in(kept))
                )
            )
        return result.rowcount

    # --- delivery ----------------------------------------------------------------------------

    async def note_status(self, job_id: str, target: ReplyTarget) -> None:
        """The adapter showed a status message for the job (`target.status_id`): a resumed
        job clears it. Only a job stored with its target keeps it (one without is not
        resumed)."""
        async with self._db.begin() as conn:
            await conn.execute(
                update(jobs)
                .where(jobs.c.id == job_id, jobs.c.target.is_not(None))
                .values(target=target.stored())
            )

    async def sending(self, job_id: str) -> bool:
        """Claim the job's result for sending; False when it was claimed already."""
        async with alone(self._db).begin() as conn:
            claimed = await conn.execute(
                update(jobs)
                .where(jobs.c.id == job_id, jobs.c.delivery.is_(None))
                .values(delivery="sending", updated_at=datetime.now(UTC))
            )
        return bool(claimed.rowcount)

    async def sent(self, job_id: str) -> None:
        await self._delivered(job_id, "sent")

    async def delivery_failed(self, job_id: str) -> None:
        """The chat refused the result (the adapter told the user why): not to be resent."""
        await self._delivered(job_id, "failed")

    # --- what the rest of the core asks of past jobs -----------------------------------------

    async def chars_since(self, where: Where, since: datetime) -> int:
        """How many characters this user had spoken in this space since `since` (failed
        requests cost nothing, so they do not count)."""
        query = select(func.coalesce(func.sum(func.length(jobs.c.text)), 0)).where(
            jobs.c.platform == where.platform,
            jobs.c.space_id == where.space_id,
            jobs.c.user_id == where.user_id,
            jobs.c.state != "failed",
            jobs.c.created_at >= since,
        )
        async with self._db.connect() as conn:
            return int((await conn.execute(query)).scalar_one())

    async def task_times(
        self, *, chars: tuple[int, int], last: int = 20
    ) -> list[tuple[float, int]]:
        """How long the latest one-task jobs of `chars` (least, most) characters took from
        their task's creation to done, with their length: what an earlier run learnt of the
        upstream's speed. (A delivery marks the job later: a second or so too long at most.)"""
        one_task = (
            select(job_tasks.c.job_id, func.min(job_tasks.c.created_at).label("created"))
            .group_by(job_tasks.c.job_id)
            .having(func.count() == 1)
            .subquery()
        )
        length = func.length(jobs.c.text)
        query = (
            select(one_task.c.created, jobs.c.updated_at, length)
            .join(one_task, one_task.c.job_id == jobs.c.id)
            .where(jobs.c.state == "done", length.between(*chars))
            .order_by(jobs.c.updated_at.desc())
            .limit(last)
        )
        async with self._db.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [((ended - created).total_seconds(), n) for created, ended, n in rows]

    async def forget(self, platform: str, user_id: str, voice_ids: list[str]) -> list[str]:
        """Delete this user's jobs, and unlink others' jobs from the voices being deleted;
        returns the deleted jobs' ids (their takes go too)."""
        mine = (jobs.c.platform == platform) & (jobs.c.user_id == user_id)
        async with self._db.begin() as conn:
            ids = list((await conn.execute(select(jobs.c.id).where(mine))).scalars())
            await announce(conn, NEWS, STOP, about=mine & jobs.c.state.in_(UNFINISHED))
            await conn.execute(delete(job_tasks).where(job_tasks.c.job_id.in_(ids)))
            await conn.execute(delete(job_results).where(job_results.c.job_id.in_(ids)))
            await conn.execute(delete(jobs).where(mine))
            if voice_ids:  # others' jobs in those voices: unfinished ones end here
                theirs = jobs.c.voice_id.in_(voice_ids)
                unfinished = theirs & jobs.c.state.in_(UNFINISHED)
                await conn.execute(
                    delete(job_tasks).where(
                        job_tasks.c.job_id.in_(select(jobs.c.id).where(unfinished))
                    )
                )
                await announce(conn, NEWS, STOP, about=unfinished)
                await conn.execute(
                    update(jobs).where(unfinished).values(state="failed", error="error_voice_gone")
                )
                await conn.execute(update(jobs).where(theirs).values(voice_id=None))
        return ids

    async def _delivered(self, job_id: str, delivery: str) -> None:
        """The delivery's end, and the voice messages a worker left for it gone (one write)."""
        ended = update(jobs).where(jobs.c.id == job_id)
        async with self._db.begin() as conn:
            await conn.execute(ended.values(updated_at=datetime.now(UTC), delivery=delivery))
            await conn.execute(delete(job_results).where(job_results.c.job_id == job_id))

    async def _set(self, job_id: str, **values: Any) -> None:
        async with self._db.begin() as conn:
            await conn.execute(
                update(jobs)
                .where(jobs.c.id == job_id)
                .values(updated_at=datetime.now(UTC), **values)
            )


class NotHeld(Exception):
    """A worker's lease on a job lapsed and another worker took it: this one's result is not
    recorded (the other's will be)."""


def held(worker: str | None) -> tuple[Any, ...]:
    """Conditions for a write by `worker`: it still holds the job, and the job is not over
    (when the job runs where it was made: only that it was not cancelled)."""
    if worker is None:
        return (jobs.c.state != CANCELLED,)
    return jobs.c.worker == worker, jobs.c.state.in_(UNFINISHED)


def aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes (written as UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _storable(value: Any) -> bool:
    try:
        json.dumps(value, allow_nan=False)  # JSON proper: Postgres refuses NaN and Infinity
    except (TypeError, ValueError):
        return False
    return True
