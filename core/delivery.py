"""Delivery: a job run to its end and its outcome posted through the outbox, at most once,
whether the user is waiting for it now or it is resumed after a restart."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import replace

from core.audio import EncodedVoice
from core.dialogue import cast, parse_script
from core.domain import Progress, ProgressCallback, VoiceClip, Where, no_progress
from core.errors import (
    AlreadyRequested,
    Cancelled,
    NotYourRequest,
    TakeGone,
    VoicebotError,
    VoiceGone,
)
from core.jobs.log import Job, JobLog
from core.jobs.runners import Runner
from core.library import VoiceLibrary
from core.outbox import ChatGone, Outbox, Reply, ReplyTarget
from core.storage.db import patient

log = logging.getLogger(__name__)


class Delivery:
    """Runs jobs through the runner and answers with their outcome."""

    def __init__(self, *, jobs: JobLog, runner: Runner, library: VoiceLibrary) -> None:
        self._jobs = jobs
        self.runner = runner
        self._library = library
        self._background: set[asyncio.Task[VoiceClip | None]] = set()
        self._running: dict[asyncio.Task[list[EncodedVoice]], Job] = {}  # the runs in hand
        self._cancelled: set[asyncio.Task[list[EncodedVoice]]] = set()  # by their requesters

    async def answer(
        self, job: Job, reply: Reply | None, *, resumed: bool = False
    ) -> VoiceClip | None:
        """Run the job and post its voice message, or tell the error that ended it, through
        the reply's outbox; the clip posted is returned. Without a reply, the clip is only
        returned and the error raised. A `resumed` job (an earlier run's) shows no progress:
        its old status gives way to the result. Once the job is written down nobody's hurry
        applies: a busy moment of the database must not lose a job."""
        with patient():
            return await self._answer(job, reply, resumed)

    async def _answer(self, job: Job, reply: Reply | None, resumed: bool) -> VoiceClip | None:
        outcome: VoiceClip | VoicebotError
        report = no_progress if reply is None or resumed else _reporter(job, reply)
        try:
            outcome = await self._clip(job, await self._run(job, report, resumed))
        except _Forgotten:  # the user asked to be forgotten meanwhile: no trace of it stays
            if reply is None:
                raise TakeGone() from None
            with suppress(Exception):  # (its row is gone: no delivery to claim)
                await reply.outbox.fail(job.where, reply.target, TakeGone())
            return None
        except AlreadyRequested:  # (resumed) another gateway of this platform posted it
            if reply is None:
                raise
            return None
        except VoicebotError as exc:
            if reply is None:
                raise
            outcome = exc
        except Exception:
            if reply is None:
                raise
            log.exception("job %s failed", job.id)
            outcome = VoicebotError()
        if reply is not None:
            await self._post(job, reply, outcome)
        return outcome if isinstance(outcome, VoiceClip) else None

    async def cancel_user(self, platform: str, user_id: str) -> int:
        """Stop the jobs this process runs for a user (who asked to be forgotten); returns
        how many it stopped."""
        running = [
            task
            for task, job in self._running.items()
            if (job.where.platform, job.where.user_id) == (platform, user_id)
        ]
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
        return len(running)

    async def cancel(self, where: Where, chat_id: str, job_id: str | None = None) -> int:
        """Cancel the requester's requests under way in a chat (with `job_id`, that one only,
        which must be theirs: `NotYourRequest`); returns how many. Each stops where it is: in
        line, or waiting for its task upstream, which is polled no more. Its outcome is
        `Cancelled`, told in its place; nothing else of it is posted, whichever process runs
        it, nor after a restart."""
        if job_id is not None:
            asked = await self._jobs.get(where, job_id)  # (one of this chat's)
            if asked.where.user_id != where.user_id:
                raise NotYourRequest()
        cancelled = await self._jobs.cancel(where, chat_id, job_id)
        stopping = [task for task, job in self._running.items() if job.id in cancelled]
        for task in stopping:  # those run elsewhere are stopped by their own process
            self._cancelled.add(task)
            task.cancel()
        await asyncio.gather(*stopping, return_exceptions=True)
        if cancelled:
            log.info("cancelled %d job(s), %d running here", len(cancelled), len(stopping))
        return len(cancelled)

    async def _run(self, job: Job, report: ProgressCallback, resumed: bool) -> list[EncodedVoice]:
        """The runner's run of the job, in a task of its own that `cancel_user` and `cancel`
        can stop (a cancel of the caller stops it too)."""
        task = asyncio.create_task(self._unless_cancelled(job, report, resumed))
        self._running[task] = job
        try:
            await asyncio.wait([task])
        except asyncio.CancelledError:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            raise
        finally:
            del self._running[task]
            by_requester = task in self._cancelled
            self._cancelled.discard(task)
        if task.cancelled():
            raise Cancelled() if by_requester else _Forgotten()
        return task.result()

    async def _unless_cancelled(
        self, job: Job, report: ProgressCallback, resumed: bool
    ) -> list[EncodedVoice]:
        """The runner's run, unless the job was cancelled before this process held its run
        (a cancel from then on stops the run itself). A runner that hands jobs over reads
        their rows, cancels included, from the start."""
        if not self.runner.hands_over and await self._jobs.cancelled(job.id):
            raise Cancelled()
        return await self.runner.run(job, report, resumed=resumed)

    @asynccontextmanager
    async def delivering(self, job_id: str) -> AsyncIterator[None]:
        """Wrap the posting of a job's outcome. Once sending has begun the job is never sent
        again by a resume (it may have arrived): delivery is at most once."""
        if not await self._jobs.sending(job_id):  # a resume and a live request, both at it
            raise AlreadyRequested()
        try:
            yield
        except Exception:
            await self._jobs.delivery_failed(job_id)
            raise
        await self._jobs.sent(job_id)

    async def resume(
        self, platform: str, outbox: Outbox, *, mine: Callable[[Where], bool] | None = None
    ) -> int:
        """Finish, in the background, this platform's jobs an earlier run left undelivered,
        and answer each through `outbox`. Tasks already started upstream are waited for, not
        made again. With `mine`, only the jobs from where it accepts: a process that serves
        part of a platform (some of a Discord bot's shards) resumes that part alone, so no
        job is run twice by processes starting side by side. Returns how many jobs resume."""
        found = [
            job for job in await self._jobs.unfinished(platform) if mine is None or mine(job.where)
        ]
        for job in found:
            assert job.target is not None  # (only jobs with a target are resumed)
            task = asyncio.create_task(
                self.answer(job, Reply(outbox, job.target), resumed=True), name=f"resume-{job.id}"
            )
            self._background.add(task)
            task.add_done_callback(self._background.discard)
        if found:
            log.info("%s: resuming %d unfinished job(s)", platform, len(found))
        return len(found)

    async def note_status(self, job_id: str, target: ReplyTarget) -> None:
        """The adapter showed a status message for a job (`target.status_id`): resumed, the
        job clears it."""
        await self._jobs.note_status(job_id, target)

    async def aclose(self) -> None:
        """Stop the background work (resumed jobs stay resumable: their state is stored)."""
        for task in list(self._background):
            task.cancel()
        await asyncio.gather(*self._background, return_exceptions=True)
        await self.runner.aclose()

    async def _post(self, job: Job, reply: Reply, outcome: VoiceClip | VoicebotError) -> None:
        where, target = job.where, reply.target
        try:
            async with self.delivering(job.id):
                if isinstance(outcome, VoiceClip):
                    await reply.outbox.post(where, target, outcome)
                else:
                    await reply.outbox.fail(where, target, outcome)
        except AlreadyRequested:
            log.info("job %s: posted by another process", job.id)
        except ChatGone:  # nobody left to tell
            log.info("job %s: the chat no longer takes messages", job.id)
        except Exception:
            log.exception("job %s: delivering its result failed", job.id)
            if isinstance(outcome, VoiceClip):
                with suppress(Exception):
                    await reply.outbox.fail(where, target, VoicebotError())

    async def _clip(self, job: Job, parts: list[EncodedVoice]) -> VoiceClip:
        """The job's voice messages, labelled with the voice they speak in."""
        name = ""
        if job.kind == "dialogue":
            name = ", ".join(_short(turn.speaker) for turn in cast(parse_script(job.text)))
        elif job.voice_id is not None:
            with suppress(VoiceGone):  # deleted the moment it was done: unnamed
                name = (await self._library.find(job.voice_id)).name
        clips = [
            VoiceClip(
                ogg=part.ogg,
                seconds=part.seconds,
                waveform=part.waveform,
                voice_name=name,
                job_id=job.id,
                description=job.description,
            )
            for part in parts
        ]
        return replace(clips[0], continued=tuple(clips[1:]))


def _reporter(job: Job, reply: Reply) -> ProgressCallback:
    async def report(progress: Progress) -> None:
        try:
            await reply.outbox.progress(job.where, reply.target, replace(progress, job_id=job.id))
        except Exception:  # a failing chat edit never stops the job
            log.exception("job %s: its progress could not be shown", job.id)

    return report


def _short(words: str, limit: int = 30) -> str:
    return words if len(words) <= limit else words[: limit - 1] + "…"


class _Forgotten(Exception):
    """A job stopped because its user asked to be forgotten."""
