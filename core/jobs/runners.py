"""Who runs a job, picked once in the composition root: this process, in its own line
(`RunHere`), or a `voicebot worker` that claims it from the database (`HandOver`: this process
only waits for its end). Either way the caller gets the job's voice messages, or its error."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Protocol

from core.audio import EncodedVoice
from core.domain import Progress, ProgressCallback
from core.errors import AlreadyRequested, QueueFull, TakeGone, VoicebotError
from core.generation import Generation
from core.jobs.claims import Claims, Ended
from core.jobs.log import Job, JobLog
from core.jobs.notify import LISTENING_EVERY_S, NEWS, Listener, Sleep, woken
from core.jobs.queue import InProcessQueue, QueuePolicy

log = logging.getLogger(__name__)


class Runner(Protocol):
    """Runs opened jobs to their end."""

    hands_over: bool  # its jobs are opened for workers to claim

    async def run(
        self, job: Job, report: ProgressCallback, *, resumed: bool = False
    ) -> list[EncodedVoice]:
        """The job's voice messages; its error (recorded on the job) raised. A `resumed`
        job was opened by an earlier run: the tasks it started are waited for again."""
        ...

    async def aclose(self) -> None: ...


def user_of(job: Job) -> str:
    """A user, as the line counts them (the same person on another platform is another)."""
    return f"{job.where.platform}:{job.where.user_id}"


class RunHere:
    """Jobs run in this process, as many at once as the line's policy allows."""

    hands_over = False

    def __init__(self, *, queue: InProcessQueue, generation: Generation, jobs: JobLog) -> None:
        self.queue = queue
        self._generation = generation
        self._jobs = jobs

    async def run(
        self, job: Job, report: ProgressCallback, *, resumed: bool = False
    ) -> list[EncodedVoice]:
        steps = await self._jobs.tasks(job.id) if resumed else {}

        async def place(position: int) -> None:
            await report(Progress("queued", position))

        try:
            async with self.queue.slot(user_of(job), on_position=place):
                parts = await self._generation.make(job, report, steps=steps)
        except VoicebotError as exc:
            await self._jobs.failed(job.id, exc)
            raise
        except Exception:
            await self._jobs.failed(job.id, VoicebotError())
            raise
        await self._jobs.done(job.id, sum(part.seconds for part in parts))
        return parts

    async def aclose(self) -> None:
        """Nothing of its own to stop: its jobs belong to their callers."""


class HandOver:
    """Jobs are left to the workers; this process waits for their end, passing their
    progress on. One loop reads the waited-for jobs' rows, in one query a round: those the
    `listener` brought news of, as it comes, and every one of them each `every_s` (each
    `listening_every_s` while the news comes: for news lost with a dropped connection)."""

    hands_over = True

    def __init__(
        self,
        *,
        jobs: JobLog,
        claims: Claims,
        policy: QueuePolicy,
        every_s: float = 0.25,
        listener: Listener | None = None,
        listening_every_s: float = LISTENING_EVERY_S,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._jobs = jobs
        self._claims = claims
        self._policy = policy
        self._every_s = every_s
        self._listener = listener
        self._listening_every_s = listening_every_s
        self._sleep = sleep
        self._waiting: dict[str, tuple[asyncio.Future[Ended], ProgressCallback]] = {}
        self._seen: dict[str, Progress] = {}
        self._loop: asyncio.Task[None] | None = None
        self._news = asyncio.Event()  # rows to read now: `_due`, or all when `_all`
        self._due: set[str] = set()
        self._all = True
        self._read_all_at = float("-inf")  # (monotonic) the last time all were read
        if listener is not None:
            listener.on(NEWS, self._heard)

    async def run(
        self, job: Job, report: ProgressCallback, *, resumed: bool = False
    ) -> list[EncodedVoice]:
        if resumed:
            await self._claims.hand_over(job.id)  # opened by a run that did its own jobs
        place, others = await self._claims.place(job.id, self._policy)
        if not resumed and self._policy.full(others):
            await self._jobs.failed(job.id, QueueFull())
            raise QueueFull()
        await report(Progress("queued", max(place, 1)))
        ended = await self._until_ended(job.id, report)
        if ended.error is not None:
            raise ended.error
        parts = await self._jobs.results(job.id)
        if not parts:  # another gateway of this platform posted it already
            raise AlreadyRequested()
        return parts

    async def _until_ended(self, job_id: str, report: ProgressCallback) -> Ended:
        ended: asyncio.Future[Ended] = asyncio.get_running_loop().create_future()
        self._waiting[job_id] = (ended, report)
        self._heard(job_id)  # read at once: it may have ended before it was waited for
        if self._loop is None or self._loop.done():
            self._loop = asyncio.create_task(self._watch())
        try:
            return await ended
        finally:
            self._waiting.pop(job_id, None)
            self._seen.pop(job_id, None)

    async def aclose(self) -> None:
        if self._listener is not None:
            self._listener.off(NEWS, self._heard)
        if self._loop is not None:
            self._loop.cancel()
            await asyncio.gather(self._loop, return_exceptions=True)
        for ended, _ in self._waiting.values():
            ended.cancel()

    def _heard(self, job_id: str | None) -> None:
        """News of a job (None: of any, which may have been missed): read its row now."""
        if job_id is None:
            self._all = True
        elif job_id in self._waiting:
            self._due.add(job_id)
        else:  # another gateway's job
            return
        self._news.set()

    async def _watch(self) -> None:
        while self._waiting:
            self._news.clear()
            if self._all:
                asked = list(self._waiting)
                self._read_all_at = time.monotonic()
            else:
                asked = [job_id for job_id in self._due if job_id in self._waiting]
            self._all = False
            self._due.clear()
            try:
                rows = await self._claims.states(asked) if asked else []
            except Exception:  # the database may be briefly unavailable: next round
                log.exception("reading handed-over jobs failed")
                self._all = True
                await woken(self._news, self._every_s, self._sleep)
                continue
            for row in rows:
                ended, report = self._waiting.get(row.id, (None, None))
                if ended is None or report is None or ended.done():
                    continue
                if row.progress is not None and row.progress != self._seen.get(row.id):
                    self._seen[row.id] = row.progress
                    await report(row.progress)
                if row.over:
                    ended.set_result(row)
            for job_id in set(asked) - {row.id for row in rows}:  # forgotten while it waited
                ended = self._waiting.get(job_id, (None, None))[0]
                if ended is not None and not ended.done():
                    ended.set_result(Ended(job_id, "failed", None, TakeGone()))
            await self._rest()

    async def _rest(self) -> None:
        """Until news comes, or it is time to read every waited-for job's row again (news of
        some jobs coming all the time does not put that off)."""
        live = self._listener is not None and self._listener.live
        every_s = self._listening_every_s if live else self._every_s
        left = self._read_all_at + every_s - time.monotonic()
        if left <= 0 or not await woken(self._news, left, self._sleep):
            self._all = True
