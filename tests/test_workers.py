"""Workers: with JOB_RUNNER=workers a bot only queues jobs and posts results; `voicebot worker`
processes claim the jobs, run them, and leave the voice messages in the database."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from core.app import Core, open_core
from core.audio import EncodedVoice
from core.domain import Progress, Sampling, VoiceClip, Where
from core.errors import (
    QueueFull,
    ScriptLineError,
    TaskFailed,
    VoicebotError,
    VoiceNotFound,
    error_from,
    stored,
)
from core.jobs.claims import Claims
from core.jobs.log import JobLog, NotHeld
from core.jobs.queue import QueuePolicy
from core.messages import error_text
from core.outbox import ReplyTarget
from core.settings import Settings
from core.storage.db import open_database
from tests.conftest import VOICEBOT, Clips, Watch
from tests.fakes.ai302 import API_KEY, Fake302
from tests.postgres import Cluster, on_both_databases, query

LINE = QueuePolicy()  # the workers' line, no one user's share set


def letters(number: int) -> str:
    """A number in letters, which the bot does not spell out: 12 → "bc"."""
    return "".join(chr(ord("a") + int(digit)) for digit in str(number))


async def until(check: Callable[[], Awaitable[object]]) -> None:
    """Wait until `check` holds."""
    while not await check():  # noqa: ASYNC110 (another process's doing: no event to wait on)
        await asyncio.sleep(0.02)


@pytest.fixture
async def database(db_url: str) -> AsyncIterator[AsyncEngine]:
    db = await open_database(db_url)
    yield db
    await db.dispose()


@pytest.fixture
def jobs(database: AsyncEngine) -> JobLog:
    """The job log alone, on the test's database."""
    return JobLog(db=database)


@pytest.fixture
def claims(database: AsyncEngine) -> Claims:
    """The workers' side of it."""
    return Claims(db=database)


async def handed_over(jobs: JobLog, text: str, user: str = "alice") -> str:
    """A job a bot handed over to the workers."""
    job = await jobs.open(
        Where("telegram", "group-1", user),
        kind="higgs",
        text=text,
        sampling=Sampling(),
        target=ReplyTarget("1"),
        handoff=True,
    )
    return job.id


def split(settings: Settings, **more: object) -> Settings:
    return settings.model_copy(update={"job_runner": "workers", "job_lease_s": 2, **more})


@asynccontextmanager
async def worker(settings: Settings, name: str = "w1") -> AsyncIterator[asyncio.Task[None]]:
    """A worker running in this process until the block ends."""
    async with open_core(split(settings), role="worker") as speech:
        task = asyncio.create_task(speech.worker(name, every_s=0.05).work())
        try:
            yield task
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


async def bob_speaks(gateway: Core, where: Where, clips: Clips) -> None:
    await gateway.voices.register(where, "Bob", clips.ogg, transcript="The quick brown fox.")


@on_both_databases
async def test_a_worker_runs_the_job_and_the_bot_posts_its_voice_message(
    higgs_settings: Settings, fake302: Fake302, clips: Clips, alice: Where, db_url: str
) -> None:
    seen: list[str] = []
    when_posted: list[Any] = []

    async def progress(step: Progress) -> None:
        seen.append(step.stage)

    class Chat(Watch):
        async def post(self, where: Where, target: ReplyTarget, clip: VoiceClip) -> None:
            when_posted.extend(
                await query(
                    db_url, "SELECT handoff, worker, (SELECT count(*) FROM job_results) FROM jobs"
                )
            )
            await super().post(where, target, clip)

    async with open_core(split(higgs_settings)) as gateway, worker(higgs_settings):
        await bob_speaks(gateway, alice, clips)
        clip = await gateway.speaking.say(
            alice, "bob", "Hello from a worker.", reply=Chat(progress).reply(ReplyTarget("1"))
        )
        assert clip is not None
        assert clip.ogg[:4] == b"OggS" and clip.seconds > 1 and clip.voice_name == "Bob"
        assert seen[0] == "queued" and "encoding" in seen  # the worker's progress, passed on
        [(handoff, holder, parts)] = when_posted
        assert (bool(handoff), holder, parts) == (True, "w1", 1)
        assert await query(db_url, "SELECT * FROM job_results") == []  # posted: gone


@pytest.mark.fault("upstream: task FAILURE in a worker", "the bot tells the user; voices kept")
async def test_the_error_that_ended_a_job_in_a_worker_reaches_the_user(
    higgs_settings: Settings, fake302: Fake302, clips: Clips, alice: Where
) -> None:
    fake302.behaviour.final_state = "FAILURE"
    async with open_core(split(higgs_settings)) as gateway, worker(higgs_settings):
        await bob_speaks(gateway, alice, clips)
        with pytest.raises(TaskFailed):
            await gateway.speaking.say(alice, "bob", "This will not work.")
        await gateway.voices.register(alice, "Kept", clips.ogg, transcript="words")
        assert {v.name for v in await gateway.voices.usable(alice)} == {"Bob", "Kept"}


@pytest.mark.fault("process: a worker stopped mid-task", "another worker waits for its task")
async def test_a_job_waits_for_a_worker_and_a_stopped_worker_leaves_it_to_another(
    higgs_settings: Settings, fake302: Fake302, clips: Clips, alice: Where
) -> None:
    fake302.behaviour.generation_s = 1.0
    async with open_core(split(higgs_settings)) as gateway:
        await bob_speaks(gateway, alice, clips)
        saying = asyncio.create_task(
            gateway.speaking.say(alice, "bob", "Wait for the second worker.")
        )
        await asyncio.sleep(0.3)
        assert not fake302.calls("clone_create")  # nobody to run it yet
        async with worker(higgs_settings, "first"):
            await until(lambda: query(higgs_settings.db_url, "SELECT * FROM job_tasks"))
        # stopped while its task runs upstream: its job is released, and the next worker
        # waits for that task
        async with worker(higgs_settings, "second"):
            clip = await saying
    assert clip.seconds > 1
    assert len(fake302.calls("clone_create")) == 1


@pytest.mark.fault(
    "process: one of 3 workers SIGKILLed during 200 jobs",
    "its jobs taken over after the lease; all done once",
)
async def test_three_worker_processes_share_200_jobs_and_one_killed_loses_none(
    postgres: Cluster,
    fake302: Fake302,
    clips: Clips,
    tmp_path: Path,
    higgs_settings: Settings,
) -> None:
    """Three real `voicebot worker` processes on one Postgres; one is killed mid-run. Every
    job ends done, once; a task is created twice only if the worker died while creating it."""
    database = "workers_test"
    await postgres.admin(f'CREATE DATABASE "{database}"')
    url = postgres.url(database)
    fake302.behaviour.generation_s = 0.3
    settings = split(higgs_settings, database_url=url, max_concurrent_jobs=4)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DATA_DIR": str(settings.data_dir),
        "AI302_API_KEY": API_KEY,
        "AI302_BASE_URL": fake302.base_url,
        "JOB_RUNNER": "workers",
        "JOB_LEASE_S": "2",
        "MAX_CONCURRENT_JOBS": "4",
        "POLL_INTERVAL_S": "0.05",
        "POLL_INTERVAL_MAX_S": "0.1",
        "SELF_CHECK": "false",
        "METRICS_PORT": "0",
        "LOG_LEVEL": "WARNING",
    }
    people = [Where("telegram", "group-1", f"user{i}") for i in range(200)]
    async with open_core(settings) as gateway:
        await bob_speaks(gateway, people[0], clips)
        workers = [
            await asyncio.create_subprocess_exec(
                VOICEBOT,
                "worker",
                cwd=tmp_path,
                env=env,
                stdin=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.PIPE,
            )
            for _ in range(3)
        ]
        try:
            saying = [
                asyncio.create_task(gateway.speaking.say(who, "bob", f"Job {letters(i)} speaks."))
                for i, who in enumerate(people)
            ]
            await until(lambda: asyncio.sleep(0, len(fake302.calls("clone_create")) >= 40))
            workers[0].send_signal(signal.SIGKILL)
            clips_made = await asyncio.gather(*saying)
        finally:
            for process in workers:
                if process.returncode is None:
                    process.send_signal(signal.SIGTERM)
            stderr = [await process.communicate() for process in workers]
    assert len({clip.job_id for clip in clips_made}) == 200
    states = await query(url, "SELECT state, count(*) FROM jobs GROUP BY state")
    assert dict(states) == {"done": 200}
    holders = await query(url, "SELECT worker FROM jobs")
    assert len({holder for (holder,) in holders}) >= 2  # the load was shared
    created = Counter(call.json["input_text"] for call in fake302.calls("clone_create"))
    assert set(created) == {f"Job {letters(i)} speaks." for i in range(200)}
    twice = sum(count - 1 for count in created.values())
    assert twice <= 4, created.most_common(5)  # at most the killed worker's jobs in hand
    for (_, err), process in zip(stderr[1:], workers[1:], strict=True):
        assert process.returncode == 0, err.decode()[-2000:]
    print(f"\n200 jobs on 3 workers, one killed: {twice} task(s) created twice", file=sys.stderr)


@pytest.mark.fault(
    "database: every connection of the workers' database cut by the server",
    "the worker claims again on its next round; the job is done",
)
async def test_a_worker_goes_on_claiming_after_its_database_connections_are_cut(
    postgres: Cluster, higgs_settings: Settings, fake302: Fake302, clips: Clips, alice: Where
) -> None:
    database = "connections_cut"
    await postgres.admin(f'CREATE DATABASE "{database}"')
    settings = split(higgs_settings, database_url=postgres.url(database))
    async with open_core(settings) as gateway, worker(settings) as working:
        await bob_speaks(gateway, alice, clips)
        await postgres.admin(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            f" WHERE datname = '{database}' AND pid <> pg_backend_pid()"
        )
        for _ in range(2):  # each of the gateway's pools meets the cut once, then connects again
            with contextlib.suppress(Exception):
                await gateway.voices.usable(alice)  # (transactions' pool)
            with contextlib.suppress(Exception):
                await gateway.voices.resolve(alice, "bob")  # (glances')
        clip = await gateway.speaking.say(alice, "bob", "After the cut.")
        assert not working.done()
    assert clip is not None and clip.seconds > 1


@on_both_databases
async def test_a_worker_whose_lease_lapsed_records_nothing_of_a_job_another_took(
    jobs: JobLog, claims: Claims, db_url: str
) -> None:
    job = await handed_over(jobs, "Hi.")
    assert [j.id for j in await claims.claim("slow", lease_s=0.01, most=4, policy=LINE)] == [job]
    await asyncio.sleep(0.05)  # its lease lapses (it could not reach the database, say)
    assert [j.id for j in await claims.claim("next", lease_s=60, most=4, policy=LINE)] == [job]
    assert await claims.renew("slow", [job], lease_s=60) == set()  # told: it is not yours
    with pytest.raises(NotHeld):
        await jobs.done(job, 1.0, results=[EncodedVoice(b"slow", 1.0, b"w")], held_by="slow")
    await jobs.failed(job, VoicebotError(), held_by="slow")
    await jobs.done(job, 2.0, results=[EncodedVoice(b"next", 2.0, b"w")], held_by="next")
    assert await jobs.results(job) == [EncodedVoice(b"next", 2.0, b"w")]
    assert await query(db_url, "SELECT state, error FROM jobs") == [("done", None)]


def test_a_dialogue_lines_error_from_a_worker_is_told_in_full() -> None:
    error = ScriptLineError(line=3, inner=VoiceNotFound(name="Zed", suggestions=["Zoe"]))
    again = error_from(error.key, stored(error))
    assert isinstance(again, ScriptLineError)
    assert error_text(again) == error_text(error)
    assert "Zed" in error_text(again) and "3" in error_text(again)


async def test_past_the_longest_line_a_bot_that_hands_jobs_over_refuses_politely(
    higgs_settings: Settings, fake302: Fake302, clips: Clips, alice: Where
) -> None:
    # no worker runs; the first job waits (on a loaded machine, past the tests' 5 s deadline)
    waits = split(higgs_settings, max_queue=1, generation_deadline_s=600)
    async with open_core(waits) as gateway:
        await bob_speaks(gateway, alice, clips)
        first = asyncio.create_task(gateway.speaking.say(alice, "bob", "First in line."))
        await until(lambda: query(higgs_settings.db_url, "SELECT id FROM jobs"))
        with pytest.raises(QueueFull):
            await gateway.speaking.say(alice, "bob", "Second in line.")
        first.cancel()
        await asyncio.gather(first, return_exceptions=True)
    states = await query(higgs_settings.db_url, "SELECT state FROM jobs ORDER BY created_at")
    assert states == [("queued",), ("failed",)]  # the first still waits for a worker


async def test_requests_handed_over_together_each_see_their_own_place_in_the_line(
    jobs: JobLog, claims: Claims
) -> None:
    asked = [("one", "alice"), ("two", "alice"), ("three", "bob"), ("four", "carol")]
    mine = [await handed_over(jobs, f"Hi {n}.", user) for n, user in asked]

    places = await asyncio.gather(*(claims.place(job, QueuePolicy()) for job in mine))

    # each user's first request in turn, then Alice's second; three others wait beside each
    assert places == [(1, 3), (4, 3), (2, 3), (3, 3)]
    (taken,) = await claims.claim("w1", lease_s=60, most=1, policy=QueuePolicy())
    assert await claims.place(taken.id, QueuePolicy()) == (0, 3)


async def test_voice_messages_no_bot_will_post_are_swept(jobs: JobLog) -> None:
    waiting, cut_off = [await handed_over(jobs, f"Hi {n}.") for n in ("one", "two")]
    for job in (waiting, cut_off):
        await jobs.done(job, 1.0, results=[EncodedVoice(b"OggS", 1.0, b"w")])
    assert await jobs.sending(cut_off)  # a bot began to post it, and stopped (never resent)
    assert await jobs.drop_stale_results(3600) == 1
    assert await jobs.results(waiting) == [EncodedVoice(b"OggS", 1.0, b"w")]  # to be posted
    assert await jobs.results(cut_off) == []


@on_both_databases
async def test_workers_take_one_users_jobs_after_another_not_all_of_the_first(
    jobs: JobLog,
    claims: Claims,
) -> None:
    eager = [await handed_over(jobs, f"Eager {n}.", "eager") for n in ("one", "two", "three")]
    patient = await handed_over(jobs, "Patient one.", "patient")
    taken = await claims.claim("w", lease_s=60, most=2, policy=LINE)
    assert {job.id for job in taken} == {eager[0], patient}
    again = await claims.claim("w", lease_s=60, most=9, policy=LINE)
    assert {job.id for job in again} == set(eager[1:])
