"""The composition root: from settings to the wired core, and back down again."""

from __future__ import annotations

import asyncio
import functools
import gc
import logging
import os
import shutil
import signal
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AsyncExitStack, asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Literal

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from core import audio, process
from core.consent import Consent
from core.delivery import Delivery
from core.engines import Engine, HiggsEngine, OfflineEngine
from core.errors import ConfigError, UpstreamError
from core.generation import Craft, Generation
from core.jobs.claims import Claims
from core.jobs.concurrency import Concurrency
from core.jobs.log import JobLog
from core.jobs.notify import NEWS, STOP, WORK, Listener
from core.jobs.queue import InProcessQueue, QueuePolicy
from core.jobs.runners import HandOver, RunHere, Runner
from core.library import VoiceLibrary
from core.limits import Rates
from core.observe import Metrics, serving
from core.proof import Proof, ReadingChallenges
from core.references import References
from core.reports import Reports, Suspensions
from core.rules import Rules
from core.settings import Settings
from core.speaking import Speaking
from core.storage.db import erase, hurry, open_database
from core.text import spell_out
from core.translation import Translation
from core.unnamed import UnnamedClips
from core.upstream.api import Ai302, OnRequest, Sleep
from core.upstream.higgs import HiggsClient, HiggsUrls
from core.upstream.hosting import Ai302Upload, ReferenceHost
from core.upstream.results import ResultRules
from core.upstream.transcribe import Ai302Whisper, Transcriber
from core.upstream.translate import Ai302Translator, Translator
from core.voices import Voices
from core.worker import Worker

log = logging.getLogger(__name__)

TAKES_KEPT_S = 24 * 3600  # how long a designed voice's take can still be kept
RESULTS_KEPT_S = 24 * 3600  # a worker's voice messages, if no bot has posted them by then
ORPHANS_KEPT_S = 3600  # a clip no voice holds (its registration was cut off) goes after this
WARM_UP_TEXT = "At 7:30 the 2 of us paid $5."  # read once at start-up (see open_core)


@dataclass(frozen=True, slots=True)
class Core:
    """Everything an adapter calls, each service with one job."""

    voices: Voices  # register, keep, find, tune, rename, share, sample, delete
    unnamed: UnnamedClips  # a clip sent to become a voice, waiting for its name
    consent: Consent  # approve, decline, expire, revoke, forget
    proof: Proof  # prove a voice is your own: a fresh phrase read aloud becomes it
    reports: Reports  # flag a voice in a chat; its admins restore or delete it
    rules: Rules  # a chat's rules, quotas and rate limits
    speaking: Speaking  # say, design, dialogue, another take
    delivery: Delivery  # run a job, post its outcome at most once, resume after a restart
    generation: Generation
    jobs: JobLog
    claims: Claims  # the workers' side of the job log
    library: VoiceLibrary
    policy: QueuePolicy  # the line every runner keeps
    limit: Concurrency  # how many jobs this process runs at once now, learnt from 302.AI
    lease_s: float  # a worker's hold on a job
    busy_wait_s: float  # a waiting person's patience with the database
    listener: Listener | None = None  # job notifications (Postgres), if this process hears any

    def hurry(self) -> None:
        """A person waits on the rest of this task (a command, a button): the database answers
        within `busy_wait_s` or the request fails as busy. Running a job does not hurry."""
        hurry(self.busy_wait_s)

    def worker(self, name: str, *, every_s: float = 0.5) -> Worker:
        """A worker loop that runs handed-over jobs through this core's generation."""
        return Worker(
            name,
            jobs=self.jobs,
            claims=self.claims,
            generation=self.generation,
            policy=self.policy,
            lease_s=self.lease_s,
            limit=self.limit,
            every_s=every_s,
            listener=self.listener,
        )


def require_tools(settings: Settings) -> None:
    """Fail start-up with one line when a program the bot runs is missing."""
    package = {"ffmpeg": "ffmpeg", "espeak-ng": "espeak-ng"}
    needed = ["ffmpeg"] + ([] if settings.uses_higgs else ["espeak-ng"])
    missing = [tool for tool in needed if shutil.which(tool) is None]
    if missing:
        install = " ".join(sorted({package[tool] for tool in missing}))
        raise ConfigError(f"{', '.join(missing)} not found: 'apt-get install {install}'")


@asynccontextmanager
async def open_core(
    settings: Settings, *, sleep: Sleep = asyncio.sleep, role: Literal["bot", "worker"] = "bot"
) -> AsyncIterator[Core]:
    """Open the database and HTTP client, wire the services, and close everything on exit;
    with a METRICS_PORT, serve /healthz and /metrics meanwhile. A bot runs its own jobs, or
    (JOB_RUNNER=workers) hands them to workers."""
    require_tools(settings)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    # reading text loads its language model and builds its patterns on first use (~0.5 s):
    # here, off the event loop, rather than in a fresh bot's first requests, which waited
    await asyncio.to_thread(spell_out, WARM_UP_TEXT, hint="en")
    db = await open_database(settings.db_url)
    # a worker hears of jobs to claim and of jobs cancelled; a gateway, of the jobs it handed over
    listener = Listener.on_database(
        db,
        (WORK, STOP) if role == "worker" else (NEWS,) if settings.job_runner == "workers" else (),
    )
    timeout = httpx.Timeout(settings.http_timeout_s, connect=min(10.0, settings.http_timeout_s))
    try:
        if listener is not None:
            await listener.start()
        async with (
            httpx.AsyncClient(timeout=timeout, follow_redirects=True) as http,
            process.helpers(),  # encodes in processes of their own, as long as the core runs
        ):
            # the encoders' processes start, and load FFmpeg's libraries, now rather than in
            # the way of a fresh bot's first voices
            silence = bytes(2 * audio.WAVEFORM_POINTS)
            await asyncio.gather(
                *(process.offload(audio.waveform, silence) for _ in range(process.AT_ONCE))
            )
            start, most = settings.jobs_at_once
            policy = QueuePolicy(
                slots=most,
                per_user=settings.max_jobs_per_user,
                longest_line=settings.max_queue,
            )
            limit = Concurrency(start=start, most=most)  # this process's own, whatever runs
            queue = InProcessQueue(policy, limit=limit)
            metrics = Metrics(db=db, queue=queue)
            engine: Engine = OfflineEngine()
            host: ReferenceHost | None = None
            transcriber: Transcriber | None = None
            translator: Translator | None = None
            if settings.uses_higgs and settings.ai302_api_key is not None:
                api = Ai302(
                    http=http,
                    api_key=settings.ai302_api_key,
                    retries=settings.http_retries,
                    sleep=sleep,
                    on_request=_told(metrics.upstream_request, limit.upstream_request),
                )
                engine = HiggsEngine(
                    client=HiggsClient(
                        api=api,
                        urls=HiggsUrls(
                            clone_create=settings.higgs_url("clone", "create"),
                            clone_query=settings.higgs_url("clone", "query"),
                            smart_create=settings.higgs_url("smart", "create"),
                            smart_query=settings.higgs_url("smart", "query"),
                        ),
                        deadline_s=settings.generation_deadline_s,
                        poll_interval_s=settings.poll_interval_s,
                        poll_interval_max_s=settings.poll_interval_max_s,
                        results=ResultRules.of(
                            upstream=settings.upstream_urls,
                            hosts=settings.result_host_names,
                            max_bytes=settings.max_result_bytes,
                        ),
                        sleep=sleep,
                    )
                )
                host = Ai302Upload(api=api, url=settings.upload_url)
                transcriber = Ai302Whisper(api=api, url=settings.transcription_url)
                translator = Ai302Translator(
                    api=api, url=settings.translation_url, model=settings.translate_model
                )
            library = VoiceLibrary(db=db, data_dir=settings.data_dir)
            await library.drop_old_takes(TAKES_KEPT_S)
            jobs = JobLog(db=db)
            if isinstance(engine, HiggsEngine):  # the upstream's pace, as others saw it
                engine.recall_from(
                    functools.partial(jobs.task_times, chars=(1, settings.chunk_chars))
                )
            # (a worker leaves them be: an in-process console may be running them right now)
            interrupted = 0 if role == "worker" else await jobs.interrupt_unfinished()
            if interrupted:
                log.warning("%d job(s) of an earlier run were left unfinished", interrupted)
            core = _wire(
                settings,
                engine=engine,
                library=library,
                jobs=jobs,
                claims=Claims(db=db),
                suspensions=Suspensions(db=db),
                challenges=ReadingChallenges(db=db),
                db=db,
                erase=functools.partial(erase, db),
                policy=policy,
                queue=queue,
                host=host,
                transcriber=transcriber,
                translator=translator,
                listener=listener,
            )
            sweeper = asyncio.create_task(_sweep(core))
            try:
                async with AsyncExitStack() as endpoints:
                    if settings.metrics_port:
                        await endpoints.enter_async_context(
                            serving(
                                metrics, host=settings.metrics_host, port=settings.metrics_port
                            )
                        )
                    with _kept_for_good():
                        yield core
            finally:
                sweeper.cancel()
                await asyncio.gather(sweeper, return_exceptions=True)
                await core.delivery.aclose()
    finally:
        if listener is not None:
            await listener.aclose()
        await db.dispose()


_cores_open = 0  # in this process (tests and the benchmark open several side by side)


@contextmanager
def _kept_for_good() -> Iterator[None]:
    """What start-up made (the modules, their tables, the core just wired) lives as long as
    the process: frozen, Python's full garbage collections pass over it. Each walked all of
    it, 0.1 s of a stopped event loop: a burst of twenty requests waited for one, mid-way.
    Thawed when the last core open closes (a test process opens many in turn)."""
    global _cores_open
    gc.freeze()  # (a second core's: what the first has made since is kept too)
    _cores_open += 1
    try:
        yield
    finally:
        _cores_open -= 1
        if not _cores_open:
            gc.unfreeze()


def _wire(
    settings: Settings,
    *,
    engine: Engine,
    library: VoiceLibrary,
    jobs: JobLog,
    claims: Claims,
    suspensions: Suspensions,
    challenges: ReadingChallenges,
    db: AsyncEngine,  # for the state every process shares: rate limits, unnamed clips
    erase: Callable[[], Awaitable[None]],
    policy: QueuePolicy,
    queue: InProcessQueue,
    host: ReferenceHost | None,
    transcriber: Transcriber | None,
    translator: Translator | None,
    listener: Listener | None,
) -> Core:
    """The services, each given what it needs, and the runner the settings pick."""
    references = References(library=library, engine=engine, host=host, transcriber=transcriber)
    rules = Rules(
        library=library,
        jobs=jobs,
        rates=Rates(db=db),
        daily_chars=settings.daily_chars_per_user,
        per_user_per_minute=settings.user_requests_per_minute,
        per_chat_per_minute=settings.chat_requests_per_minute,
        clones_per_hour=settings.clones_per_hour,
        voices_per_user=settings.max_voices_per_user,
        voices_per_chat=settings.max_voices_per_chat,
    )
    voices = Voices(
        library=library,
        jobs=jobs,
        references=references,
        rules=rules,
        suspensions=suspensions,
        max_upload_bytes=settings.max_upload_bytes,
    )
    translation = Translation(
        translator=translator, jobs=jobs, max_text_chars=settings.max_text_chars
    )
    generation = Generation(
        engine=engine,
        jobs=jobs,
        library=library,
        voices=voices,
        references=references,
        craft=Craft(
            chunk_chars=settings.chunk_chars,
            chunk_concurrency=settings.chunk_concurrency,
            self_check=settings.uses_higgs if settings.self_check is None else settings.self_check,
            self_check_max_error=settings.self_check_max_error,
            max_voice_seconds=settings.max_voice_seconds,
            longest_s=settings.longest_speech_s,
        ),
        translation=translation,
    )
    runner: Runner = (
        HandOver(
            jobs=jobs,
            claims=claims,
            policy=policy,
            listener=listener if listener is not None and NEWS in listener.channels else None,
        )
        if settings.job_runner == "workers"
        else RunHere(queue=queue, generation=generation, jobs=jobs)
    )
    delivery = Delivery(jobs=jobs, runner=runner, library=library)
    return Core(
        voices=voices,
        unnamed=UnnamedClips(db=db, voices=voices),
        consent=Consent(
            library=library,
            jobs=jobs,
            delivery=delivery,
            suspensions=suspensions,
            challenges=challenges,
            erase=erase,
            timeout_s=settings.consent_timeout_hours * 3600,
        ),
        reports=Reports(library=library, jobs=jobs, suspensions=suspensions),
        proof=Proof(
            challenges=challenges,
            voices=voices,
            references=references,
            rules=rules,
            timeout_s=settings.proof_timeout_minutes * 60,
            max_error=settings.proof_max_error,
        ),
        rules=rules,
        speaking=Speaking(
            voices=voices,
            rules=rules,
            jobs=jobs,
            delivery=delivery,
            engine_name=engine.name,
            max_text_chars=settings.max_text_chars,
            references=references,
            translation=translation,
        ),
        delivery=delivery,
        generation=generation,
        jobs=jobs,
        claims=claims,
        library=library,
        policy=policy,
        limit=queue.limit,
        lease_s=settings.job_lease_s,
        busy_wait_s=settings.busy_wait_s,
        listener=listener,
    )


async def run_worker(settings: Settings) -> None:
    """`voicebot worker`: claim and run handed-over jobs until SIGINT/SIGTERM; then stop,
    releasing the jobs in hand to the other workers."""
    main = asyncio.current_task()
    assert main is not None
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, main.cancel)
    name = f"{socket.gethostname()[:32]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    async with open_core(settings, role="worker") as core:
        log.info(
            "worker %s: running up to %d jobs at once (%d to start with, fewer while 302.AI "
            "says too many)",
            name,
            core.limit.most,
            core.limit.value,
        )
        try:
            await core.worker(name).work()
        except asyncio.CancelledError:
            log.info("worker %s: stopped", name)


def _told(*listeners: OnRequest) -> OnRequest:
    """One `on_request` telling each of `listeners` of every request to 302.AI."""

    def tell(call: str, status: str, seconds: float, error: UpstreamError | None) -> None:
        for listener in listeners:
            listener(call, status, seconds, error)

    return tell


async def _sweep(core: Core) -> None:
    """A few times per consent timeout (at least every 10 min): drop unanswered consent
    requests, voice messages workers made that no bot will post any more, designed takes
    nobody kept in time, clips no voice holds, phrases to read whose time ran out, clips
    whose names never came, and rate limits' keys with their whole allowance back."""
    every_s = min(600.0, max(1.0, core.consent.timeout_s / 4))
    while True:
        try:
            await core.consent.expire()
            await core.jobs.drop_stale_results(RESULTS_KEPT_S)
            await core.library.drop_old_takes(TAKES_KEPT_S)
            await core.library.drop_orphan_clips(ORPHANS_KEPT_S)
            await core.proof.sweep()
            await core.unnamed.drop_expired()
            await core.rules.drop_spent_rates()
        except Exception:  # the database may be briefly unavailable; try again next round
            log.exception("sweeping expired requests and results failed")
        await asyncio.sleep(every_s)
