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
from core.jobs.queue import QueuePolicy

log = logging.getLogger(__name__)


class Worker:
    """Runs handed-over jobs, as many at once as its own `limit` allows (learnt from 302.AI's
    answers to this worker, up to the line's slots), each on a lease renewed while it runs.
    Cancelled, the jobs in hand stop where they are and are released to other workers, which
    resume them (tasks started upstream are waited for, never made again); a worker that
    crashes lets its leases lapse instead."""

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

    async def work(self) -> None:
        """Claim and run jobs until cancelled."""
        renewing = asyncio.create_task(self._renew())
        try:
            while True:
                free = max(0, self.limit.value - len(self._running))
                claimed = (
                    await self._claims.claim(
                        self.name, lease_s=self._lease_s, most=free, policy=self.policy
                    )
                    if free
                    else []
                )
                for job in claimed:
                    task = asyncio.create_task(self._run(job), name=f"job-{job.id}")
                    self._running[job.id] = task
                    task.add_done_callback(functools.partial(self._forget, job.id))
                self.limit.running(self, len(self._running))
                if not claimed:
                    await asyncio.sleep(self._every_s)
        finally:
            for task in (renewing, *self._running.values()):
                task.cancel()
            await asyncio.gather(renewing, *self._running.values(), return_exceptions=True)
            await self._claims.release(self.name)

    def _forget(self, job_id: str, _: object) -> None:
        self._running.pop(job_id, None)
        self.limit.running(self, len(self._running))

    async def _renew(self) -> None:
        """Keep the leases of the jobs in hand; stop one its requester cancelled, or whose
        lease went to another worker (this one was too slow to renew it: the other's result
        will be the one recorded)."""
        while True:
            await asyncio.sleep(self._lease_s / 3)
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

        try:
            parts = await self._generation.make(
                job, progress, steps=await self._jobs.tasks(job.id)
            )
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
