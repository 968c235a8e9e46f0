"""The composition root: from settings to a ready `SpeechService`, and back down again."""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Literal

import httpx

from core.engines import Engine, HiggsEngine, OfflineEngine
from core.errors import ConfigError
from core.jobs import InProcessQueue, JobLog
from core.library import VoiceLibrary
from core.observe import Metrics, serving
from core.settings import Settings
from core.speech import Limits, SpeechService
from core.storage.db import open_database
from core.upstream.api import Ai302, Sleep
from core.upstream.higgs import LEARN_FROM_CHARS, HiggsClient, HiggsUrls
from core.upstream.hosting import Ai302Upload, ReferenceHost
from core.upstream.transcribe import Ai302Whisper, Transcriber

log = logging.getLogger(__name__)

TAKES_KEPT_S = 24 * 3600  # how long a designed voice's take can still be kept
RESULTS_KEPT_S = 24 * 3600  # a worker's voice messages, if no bot has posted them by then


def require_tools(settings: Settings) -> None:
    """Fail start-up with one line when a program the bot runs is missing."""
    package = {"ffmpeg": "ffmpeg", "espeak-ng": "espeak-ng"}
    needed = ["ffmpeg"] + ([] if settings.uses_higgs else ["espeak-ng"])
    missing = [tool for tool in needed if shutil.which(tool) is None]
    if missing:
        install = " ".join(sorted({package[tool] for tool in missing}))
        raise ConfigError(f"{', '.join(missing)} not found: 'apt-get install {install}'")


@asynccontextmanager
async def open_speech(settings: Settings, *, sleep: Sleep = asyncio.sleep,
                      role: Literal["bot", "worker"] = "bot") -> AsyncIterator[SpeechService]:
    """Open the database and HTTP client, wire the engine, and close everything on exit;
    with a METRICS_PORT, serve /healthz and /metrics meanwhile. A bot runs its own jobs, or
    (JOB_RUNNER=workers) hands them to workers."""
    require_tools(settings)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = await open_database(settings.db_url)
    timeout = httpx.Timeout(settings.http_timeout_s, connect=min(10.0, settings.http_timeout_s))
    try:
        async with httpx.AsyncClient(timeout=timeout, follow_redirects=True) as http:
            queue = InProcessQueue(limit=settings.max_concurrent_jobs,
                                   per_user=settings.max_jobs_per_user,
                                   max_waiting=settings.max_queue)
            metrics = Metrics(db=db, queue=queue)
            engine: Engine = OfflineEngine()
            host: ReferenceHost | None = None
            transcriber: Transcriber | None = None
            if settings.uses_higgs and settings.ai302_api_key is not None:
                api = Ai302(
                    http=http, api_key=settings.ai302_api_key, retries=settings.http_retries,
                    sleep=sleep, on_request=metrics.upstream_request,
                )
                engine = HiggsEngine(client=HiggsClient(
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
                    sleep=sleep,
                ))
                host = Ai302Upload(api=api, url=settings.upload_url)
                transcriber = Ai302Whisper(api=api, url=settings.transcription_url)
            library = VoiceLibrary(db=db, data_dir=settings.data_dir)
            await library.drop_old_takes(TAKES_KEPT_S)
            jobs = JobLog(db=db)
            if isinstance(engine, HiggsEngine):  # the upstream's pace, as an earlier run saw it
                engine.recall(await jobs.task_times(chars=(LEARN_FROM_CHARS,
                                                           settings.chunk_chars)))
            # (a worker leaves them be: an in-process console may be running them right now)
            interrupted = 0 if role == "worker" else await jobs.interrupt_unfinished()
            if interrupted:
                log.warning("%d job(s) of an earlier run were left unfinished", interrupted)
            speech = SpeechService(
                library=library,
                jobs=jobs,
                queue=queue,
                engine=engine,
                host=host,
                transcriber=transcriber,
                limits=Limits(
                    max_upload_bytes=settings.max_upload_bytes,
                    max_text_chars=settings.max_text_chars,
                    chunk_chars=settings.chunk_chars,
                    chunk_concurrency=settings.chunk_concurrency,
                    self_check=settings.uses_higgs if settings.self_check is None
                    else settings.self_check,
                    self_check_max_error=settings.self_check_max_error,
                    max_voice_seconds=settings.max_voice_seconds,
                    per_user_per_minute=settings.user_requests_per_minute,
                    per_chat_per_minute=settings.chat_requests_per_minute,
                    daily_chars=settings.daily_chars_per_user,
                    consent_timeout_s=settings.consent_timeout_hours * 3600,
                    worker_jobs=settings.max_concurrent_jobs,
                    max_waiting=settings.max_queue,
                ),
                role="worker" if role == "worker"
                else "gateway" if settings.job_runner == "workers" else "here",
            )
            sweeper = asyncio.create_task(_sweep(speech))
            try:
                async with AsyncExitStack() as endpoints:
                    if settings.metrics_port:
                        await endpoints.enter_async_context(serving(
                            metrics, host=settings.metrics_host, port=settings.metrics_port))
                    yield speech
            finally:
                sweeper.cancel()
                await asyncio.gather(sweeper, return_exceptions=True)
                await speech.aclose()
    finally:
        await db.dispose()


async def _sweep(speech: SpeechService) -> None:
    """A few times per consent timeout (at least every 10 min): drop unanswered consent
    requests, and voice messages workers made that no bot will post any more."""
    every_s = min(600.0, max(1.0, speech.limits.consent_timeout_s / 4))
    while True:
        try:
            await speech.expire_requests()
            await speech.jobs.drop_stale_results(RESULTS_KEPT_S)
        except Exception:  # the database may be briefly unavailable; try again next round
            log.exception("sweeping expired requests and results failed")
        await asyncio.sleep(every_s)
