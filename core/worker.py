"""The worker loop of `voicebot worker`: claims the jobs chat gateways (JOB_RUNNER=workers) hand
over and runs them, writing their progress and their voice messages into the database."""

from __future__ import annotations

import asyncio
import functools
import logging

from core.domain import Progress
from core.errors import VoicebotError
from core.generation import Generation
from core.jobs.claims import Claims
from core.jobs.concurrency import Concurrency
from core.jobs.log import Job, JobLog, NotHeld
from core.jobs.notify import LISTENING_EVERY_S, STOP, WORK, Listener, Sleep, woken
from core.jobs.queue import QueuePolicy

log = logging.getLogger(__name__)

CLAIMS_AT_ONCE = 4  # jobs a worker claims in one go, at most


class Worker:
    """Runs handed-over jobs, as many at once as its own `limit` allows (learnt from 302.AI's
    answers to this worker, up to the line's slots), each on a lease renewed while it runs.
    Cancelled, the jobs in hand stop where they are and are released to other workers, which
    resume them (tasks started upstream are waited for, never made again); a worker that
    crashes lets its leases lapse instead.

    It looks for jobs when its `listener` tells it one was handed over or released, when one
    of its own ends or its limit changes, and each `every_s` (each `listening_every_s` while
    the notifications come: for one lost with a dropped connection); told a job in hand was
    cancelled, it renews its leases at once, which stops it."""

    def __init__(
        self,
        name: str,
        *,
        jobs: JobLog,
        claims: Claims,
        generation: Generation,
        policy: QueuePolicy,
        lease_s: float,
        every_s: float = 0.5,
        limit: Concurrency | None = None,
        listener: Listener | None = None,
        listening_every_s: float = LISTENING_EVERY_S,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.name = name
        self._jobs = jobs
        self._claims = claims
        self._generation = generation
        self.policy = policy
        self.limit = limit or Concurrency(start=policy.slots, most=policy.slots)
        self._lease_s = lease_s
        self._every_s = every_s
        self._running: dict[str, asyncio.Task[None]] = {}
        self._listener = listener
        self._listening_every_s = listening_every_s
        self._sleep = sleep
        self._look = asyncio.Event()  # a job may be there to claim, or room for one
        self._check = asyncio.Event()  # a job in hand may have been cancelled
        self.limit.watch(self._limit_changed)

    async def work(self) -> None:
        """Claim and run jobs until cancelled."""
        if self._listener is not None:
            self._listener.on(WORK, self._heard_work)
            self._listener.on(STOP, self._heard_stop)
        renewing = asyncio.create_task(self._renew())
        try:
            while True:
                self._look.clear()
                # a few at a time: workers woken by the same jobs share them out
                free = min(CLAIMS_AT_ONCE, max(0, self.limit.value - len(self._running)))
                try:
                    claimed = await self._claim(free)
                except Exception:  # the database may be briefly unavailable: next round
                    log.exception("claiming jobs failed")
                    await self._sleep(self._poll_s())
                    continue
                for job in claimed:
                    task = asyncio.create_task(self._run(job), name=f"job-{job.id}")
                    self._running[job.id] = task
                    task.add_done_callback(functools.partial(self._forget, job.id))
                self.limit.running(self, len(self._running))
                if len(claimed) < free or not free:  # (all it took: there may be more)
                    await woken(self._look, self._poll_s(), self._sleep)
        finally:
            if self._listener is not None:
                self._listener.off(WORK, self._heard_work)
                self._listener.off(STOP, self._heard_stop)
            for task in (renewing, *self._running.values()):
                task.cancel()
            await asyncio.gather(renewing, *self._running.values(), return_exceptions=True)
            await self._claims.release(self.name)

    async def _claim(self, most: int) -> list[Job]:
        if not most:
            return []
        return await self._claims.claim(
            self.name, lease_s=self._lease_s, most=most, policy=self.policy
        )

    def _forget(self, job_id: str, _: object) -> None:
        self._running.pop(job_id, None)
        self.limit.running(self, len(self._running))
        self._look.set()  # room for another

    def _limit_changed(self) -> None:
        if len(self._running) + 1 >= self.limit.value:  # it was full: now there is room
            self._look.set()

    def _poll_s(self) -> float:
        live = self._listener is not None and self._listener.live
        return self._listening_every_s if live else self._every_s

    def _heard_work(self, _: str | None) -> None:
        self._look.set()

    def _heard_stop(self, job_id: str | None) -> None:
        if job_id is None or job_id in self._running:
            self._check.set()

    async def _renew(self) -> None:
        """Keep the leases of the jobs in hand; stop one its requester cancelled, or whose
        lease went to another worker (this one was too slow to renew it: the other's result
        will be the one recorded)."""
        while True:
            await woken(self._check, self._lease_s / 3, self._sleep)
            self._check.clear()
            asked = list(self._running)  # (one claimed while this renews is not at stake)
            try:
                held = await self._claims.renew(self.name, asked, lease_s=self._lease_s)
            except Exception:  # the database may be briefly unavailable: next round
                log.exception("renewing job leases failed")
                continue
            for job_id in asked:
                task = self._running.get(job_id)
                if task is not None and job_id not in held:
                    log.warning("job %s: cancelled, or its lease went elsewhere; stopping", job_id)
                    task.cancel()

    async def _run(self, job: Job) -> None:
        """Run one claimed job; its end (voice messages or error) is written to its row."""

        async def progress(step: Progress) -> None:
            try:
                await self._claims.note_progress(job.id, step, held_by=self.name)
            except Exception:  # progress is a courtesy: the job goes on
                log.exception("job %s: its progress could not be written", job.id)

        try:  # (a job still queued has started no upstream task: nothing to wait for again)
            steps = {} if job.state == "queued" else await self._jobs.tasks(job.id)
            parts = await self._generation.make(job, progress, steps=steps)
            await self._jobs.done(
                job.id, sum(part.seconds for part in parts), results=parts, held_by=self.name
            )
        except NotHeld:
            log.warning("job %s: another worker finished it", job.id)
        except VoicebotError as exc:
            await self._jobs.failed(job.id, exc, held_by=self.name)
        except Exception:
            log.exception("job %s failed", job.id)
            await self._jobs.failed(job.id, VoicebotError(), held_by=self.name)
