"""Job notifications: on Postgres a worker wakes when a job is handed over, a gateway when the
job it waits for moves on, and a worker holding a job when it is cancelled, instead of
polling; a dropped listening connection is made again, and polling covers the gap. On SQLite
nothing listens: the loops poll as before.

Each loop here is given a sleep that really sleeps and tells the test when it begins a nap:
with the polls 600 s apart, a job done once the loop naps was the notification's doing."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from core.app import Core, open_core
from core.audio import EncodedVoice
from core.domain import Progress, Sampling, Where
from core.jobs.claims import Claims
from core.jobs.log import JobLog
from core.jobs.notify import NAME, NEWS, STOP, WORK, Listener
from core.jobs.queue import QueuePolicy
from core.jobs.runners import HandOver
from core.outbox import ReplyTarget
from core.settings import Settings
from core.storage.db import open_database
from core.worker import Worker
from tests.conftest import Clips, Watch
from tests.fakes.ai302 import Fake302
from tests.postgres import execute, query
from tests.test_workers import bob_speaks, split, until

on_postgres = pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
LONG_S = 600.0  # a poll interval no test outlasts: what happens sooner, a notification did


class Naps:
    """A loop's sleep: sleeps for real, and lets the test wait until the loop begins a nap
    of the kind it names (the loop has then done all it had to and waits)."""

    def __init__(self) -> None:
        self.taken: list[float] = []
        self._began = asyncio.Condition()

    async def __call__(self, seconds: float) -> None:
        async with self._began:
            self.taken.append(seconds)
            self._began.notify_all()
        await asyncio.sleep(seconds)

    def mark(self) -> int:
        """Where the naps are now: `until(..., since=mark)` waits for a later one."""
        return len(self.taken)

    async def until(self, fits: Callable[[float], bool], since: int = 0) -> None:
        async with self._began:
            await self._began.wait_for(lambda: any(fits(nap) for nap in self.taken[since:]))


def long(seconds: float) -> bool:
    return seconds > LONG_S / 2


def worker_of(core: Core, listener: Listener | None, naps: Naps, every_s: float) -> Worker:
    """A worker loop of `core`'s services that polls each `every_s` without notifications,
    and each LONG_S while they come."""
    return Worker(
        "w1",
        jobs=core.jobs,
        claims=core.claims,
        generation=core.generation,
        policy=core.policy,
        lease_s=core.lease_s,
        limit=core.limit,
        listener=listener,
        every_s=every_s,
        listening_every_s=LONG_S,
        sleep=naps,
    )


@asynccontextmanager
async def working(worker: Worker) -> AsyncIterator[None]:
    task = asyncio.create_task(worker.work())
    try:
        yield
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def listeners(url: str) -> int:
    """How many connections listen for job notifications on this database."""
    [(count,)] = await query(
        url,
        f"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{NAME}'"
        " AND datname = current_database()",
    )
    return int(count)


async def nobody_listens(url: str) -> bool:
    return await listeners(url) == 0


@on_postgres
async def test_a_waiting_worker_wakes_for_a_job_handed_over_without_polling(
    higgs_settings: Settings, fake302: Fake302, clips: Clips, alice: Where, db_url: str
) -> None:
    naps = Naps()
    settings = split(higgs_settings)
    async with open_core(settings) as gateway, open_core(settings, role="worker") as workers:
        assert gateway.listener is not None and workers.listener is not None
        assert gateway.listener.channels == (NEWS,)
        assert workers.listener.channels == (WORK, STOP)
        assert await listeners(db_url) == 2  # one connection each, outside the pools
        await bob_speaks(gateway, alice, clips)
        async with working(worker_of(workers, workers.listener, naps, every_s=LONG_S)):
            await naps.until(lambda nap: nap == LONG_S)  # looked, found nothing: waits
            clip = await gateway.speaking.say(alice, "bob", "Wake up, worker.")
        assert clip.seconds > 1
        assert await query(db_url, "SELECT worker FROM jobs") == [("w1",)]
    # closed with their processes' cores (the server's backends end a moment later)
    await until(lambda: nobody_listens(db_url))


@on_postgres
async def test_a_gateway_waiting_for_a_job_hears_its_progress_and_its_end(
    db_url: str, alice: Where
) -> None:
    db = await open_database(db_url)
    listener = Listener.on_database(db, (NEWS,))
    assert listener is not None
    await listener.start()
    jobs, claims, naps = JobLog(db=db), Claims(db=db), Naps()
    handover = HandOver(
        jobs=jobs,
        claims=claims,
        policy=QueuePolicy(),
        every_s=LONG_S,
        listening_every_s=LONG_S,
        listener=listener,
        sleep=naps,
    )
    seen: list[str] = []
    generating = asyncio.Event()

    async def report(progress: Progress) -> None:
        seen.append(progress.stage)
        if progress.stage == "generating":
            generating.set()

    try:
        job = await jobs.open(alice, kind="higgs", text="Hi.", sampling=Sampling(), handoff=True)
        waiting = asyncio.create_task(handover.run(job, report))
        await naps.until(long)  # it read the job's row once, and waits
        [claimed] = await claims.claim("w", lease_s=60, most=1, policy=QueuePolicy())
        mark = naps.mark()
        await claims.note_progress(claimed.id, Progress("generating"), held_by="w")
        await generating.wait()  # shown without a poll
        await naps.until(long, since=mark)  # and waits again
        made = [EncodedVoice(b"OggS", 1.0, b"w")]
        await jobs.done(job.id, 1.0, results=made, held_by="w")
        assert await waiting == made
        assert seen == ["queued", "generating"]
    finally:
        await handover.aclose()
        await listener.aclose()
        await db.dispose()


@on_postgres
async def test_a_dropped_listener_is_made_again_and_polling_covers_the_gap(
    higgs_settings: Settings, fake302: Fake302, clips: Clips, alice: Where, db_url: str
) -> None:
    url = make_url(db_url)
    name = "voicebot-listen-dropped"
    reopen = asyncio.Event()  # the test lets the listener connect again when it is ready
    connected = 0

    async def connect() -> Any:
        nonlocal connected
        if connected:
            await reopen.wait()
        connected += 1
        return await asyncpg.connect(
            host=url.host,
            port=url.port,
            user=url.username,
            database=url.database,
            server_settings={"application_name": name},
        )

    listener = Listener(connect=connect, channels=(WORK, STOP))
    naps = Naps()
    settings = split(higgs_settings)
    async with open_core(settings) as gateway, open_core(settings, role="worker") as workers:
        await bob_speaks(gateway, alice, clips)
        await listener.start()
        try:
            async with working(worker_of(workers, listener, naps, every_s=0.05)):
                await naps.until(lambda nap: nap == LONG_S)
                mark = naps.mark()
                await execute(
                    db_url,
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    f" WHERE application_name = '{name}'",
                )
                await naps.until(lambda nap: nap == 0.05, since=mark)  # polls again
                assert not listener.live
                during = await gateway.speaking.say(alice, "bob", "Said while nobody listens.")
                mark = naps.mark()
                reopen.set()
                await naps.until(lambda nap: nap == LONG_S, since=mark)  # listens again
                assert listener.live and connected == 2
                after = await gateway.speaking.say(alice, "bob", "Heard again.")
        finally:
            await listener.aclose()
    assert during.seconds > 1 and after.seconds > 1
    assert dict(await query(db_url, "SELECT state, count(*) FROM jobs GROUP BY state")) == {
        "done": 2
    }


@on_postgres
async def test_a_job_cancelled_stops_in_its_worker_at_once_not_at_its_next_renewal(
    higgs_settings: Settings,
    fake302: Fake302,
    clips: Clips,
    alice: Where,
    db_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake302.behaviour.generation_s = LONG_S  # the task would run on
    settings = split(higgs_settings, job_lease_s=3 * LONG_S, generation_deadline_s=2 * LONG_S)
    naps = Naps()
    chat = Watch()
    async with open_core(settings) as gateway, open_core(settings, role="worker") as workers:
        await bob_speaks(gateway, alice, clips)
        async with working(worker_of(workers, workers.listener, naps, every_s=LONG_S)):
            saying = asyncio.create_task(
                gateway.speaking.say(
                    alice, "bob", "Never mind.", reply=chat.reply(ReplyTarget("1"))
                )
            )
            await until(lambda: query(db_url, "SELECT * FROM job_tasks"))  # running upstream
            with caplog.at_level(logging.WARNING, logger="core.worker"):
                assert await gateway.delivery.cancel(alice, "1") == 1
                await until(lambda: asyncio.sleep(0, "stopping" in caplog.text))
            assert await saying is None
        assert min(naps.taken) == LONG_S  # it renewed leases no sooner than a notification
    assert await query(db_url, "SELECT state FROM jobs") == [("cancelled",)]


async def test_on_sqlite_nothing_listens_and_a_worker_polls_as_before(
    higgs_settings: Settings, fake302: Fake302, clips: Clips, alice: Where
) -> None:
    naps = Naps()
    settings = split(higgs_settings)
    async with open_core(settings) as gateway, open_core(settings, role="worker") as workers:
        assert gateway.listener is None and workers.listener is None
        await bob_speaks(gateway, alice, clips)
        async with working(worker_of(workers, workers.listener, naps, every_s=0.05)):
            await naps.until(lambda nap: nap == 0.05)
            clip = await gateway.speaking.say(alice, "bob", "Polled for.")
    assert clip.seconds > 1
    assert LONG_S not in naps.taken
