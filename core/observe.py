"""Observability: the bot's Prometheus metrics, and `/healthz` and `/metrics` served over HTTP.

Labels are low-cardinality names (a call kind, a status class, an error code): never a URL,
a user, a chat or any text.
"""

from __future__ import annotations

import asyncio
import errno
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiohttp import web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    generate_latest,
)
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from core.errors import ConfigError, UpstreamError
from core.jobs.queue import InProcessQueue
from core.storage.tables import jobs

log = logging.getLogger(__name__)

DEFAULT_PORT = 9108  # what the long-running bots serve on when METRICS_PORT is not set
HEALTH_TIMEOUT_S = 5.0
JOB_STATES = ("queued", "submitted", "done", "failed")
# from a quick status query to the upload or download of a long clip
LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


class Metrics:
    """The bot's metrics, in a registry of its own (several bots may share one process).

    Upstream requests are counted as they happen; job and queue figures are read at scrape time.
    """

    def __init__(self, *, db: AsyncEngine, queue: InProcessQueue) -> None:
        self.registry = CollectorRegistry()
        self._db = db
        self._queue = queue
        ProcessCollector(registry=self.registry)  # memory, CPU, open files: process_*
        self._upstream_seconds = Histogram(
            "voicebot_upstream_request_seconds",
            "Requests to 302.AI (each attempt), by call and HTTP status class.",
            ["call", "status"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self._upstream_errors = Counter(
            "voicebot_upstream_errors",
            "Failed requests to 302.AI (each attempt), by error.",
            ["call", "error"],
            registry=self.registry,
        )
        self._jobs = Gauge(
            "voicebot_jobs", "Jobs in the database, by state.", ["state"], registry=self.registry
        )
        self._failed = Gauge(
            "voicebot_jobs_failed",
            "Failed jobs in the database, by error.",
            ["error"],
            registry=self.registry,
        )
        self._running = Gauge(
            "voicebot_queue_running", "Jobs holding a running slot.", registry=self.registry
        )
        self._waiting = Gauge(
            "voicebot_queue_waiting", "Jobs waiting in line for a slot.", registry=self.registry
        )
        self._limit = Gauge(
            "voicebot_upstream_concurrency_limit",
            "Jobs this process may run at once now, as learnt from 302.AI's answers.",
            registry=self.registry,
        )

    def upstream_request(
        self, call: str, status: str, seconds: float, error: UpstreamError | None
    ) -> None:
        """Record one request to 302.AI; the API client calls this after each attempt."""
        self._upstream_seconds.labels(call, status).observe(seconds)
        if error is not None:
            self._upstream_errors.labels(call, type(error).__name__).inc()

    async def healthy(self) -> bool:
        """Whether the database answers a trivial query in time."""
        try:
            async with asyncio.timeout(HEALTH_TIMEOUT_S), self._db.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception as exc:  # whatever the cause, the answer is "unhealthy", not a crash
            log.warning("health check: the database did not answer (%s)", type(exc).__name__)
            return False
        return True

    async def exposition(self) -> bytes:
        """Every metric in Prometheus' text format, job and queue figures read now."""
        async with self._db.connect() as conn:
            states = (
                await conn.execute(select(jobs.c.state, func.count()).group_by(jobs.c.state))
            ).all()
            errors = (
                await conn.execute(
                    select(jobs.c.error, func.count())
                    .where(jobs.c.state == "failed")
                    .group_by(jobs.c.error)
                )
            ).all()
        # from here on nothing awaits: a concurrent scrape cannot see half-set gauges
        for state, count in (dict.fromkeys(JOB_STATES, 0) | {s: n for s, n in states}).items():
            self._jobs.labels(state).set(count)
        self._failed.clear()  # an error no failed job has any more (all forgotten) disappears
        for error, count in errors:
            self._failed.labels(error or "unknown").set(count)
        running, waiting = self._queue.depth()
        self._running.set(running)
        self._waiting.set(waiting)
        self._limit.set(self._queue.limit.value)
        return generate_latest(self.registry)


@asynccontextmanager
async def serving(metrics: Metrics, *, host: str, port: int) -> AsyncIterator[None]:
    """Answer GET /healthz and GET /metrics on host:port for the duration of the block. A
    port another process holds (a second bot on the host, default settings) is a warning: the
    bot goes on without them."""

    async def healthz(_: web.Request) -> web.Response:
        if await metrics.healthy():
            return web.Response(text="ok")
        return web.Response(status=503, text="database unavailable")

    async def scrape(_: web.Request) -> web.Response:
        return web.Response(
            body=await metrics.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", scrape)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)  # scrapes are not news
    await runner.setup()
    try:
        try:
            await web.TCPSite(runner, host, port).start()
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise ConfigError(
                    f"Setting METRICS_PORT: cannot listen on {host}:{port} ({exc.strerror}); "
                    "choose another port, or 0 for none"
                ) from exc
            log.warning(
                "METRICS_PORT %d on %s is in use: going on without /healthz and /metrics "
                "(set another port, or 0 for none)",
                port,
                host,
            )
        else:
            log.info("serving /healthz and /metrics on %s:%d", host, port)
        yield
    finally:
        await runner.cleanup()
