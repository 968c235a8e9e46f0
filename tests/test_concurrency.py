"""Jobs at once: a limit that starts generous, halves when 302.AI says too many, and grows
back as tasks go through (AIMD); each process that runs jobs keeps its own."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from core.app import Core, open_core
from core.domain import Progress, ProgressCallback, VoiceClip, Where
from core.errors import UpstreamRateLimited, UpstreamUnavailable
from core.jobs.concurrency import Concurrency
from core.settings import Settings
from tests.conftest import Clips, Sleeps, watched
from tests.fakes.ai302 import Fake302, Fault

TOO_MANY = [  # the ways 302.AI says so: the status alone, or one of its rate and quota codes
    Fault(429, {}),
    Fault.error(429, -10006, "rate limit"),
    Fault.error(200, -10007, "quota"),
    Fault.error(429, -10018, "too many", retry_after="1"),
]


def crowd(where: Where, n: int) -> list[Where]:
    """`n` people in the same chat."""
    return [replace(where, user_id=f"user-{i}") for i in range(n)]


async def at_once(
    speech: Core, fake302: Fake302, people: list[Where]
) -> tuple[int, int, list[VoiceClip]]:
    """Everyone says something at once, their creates held at the fake 302.AI until each has
    either arrived there or been told to wait in line (or a request ended early): how many
    were held together, how many were told their place, and the voice messages posted."""
    fake302.create_gate = gate = asyncio.Event()
    news = fake302.create_waits  # set as each create arrives; here, as anyone waits too
    in_line: set[str] = set()

    def told(who: Where) -> ProgressCallback:
        async def progress(step: Progress) -> None:
            if step.stage == "queued":
                in_line.add(who.user_id)
                news.set()

        return progress

    said = [
        asyncio.create_task(
            watched(
                lambda reply, who=who: speech.speaking.say(who, "bob", "Hello.", reply=reply),
                told(who),
            )
        )
        for who in people
    ]
    for task in said:
        task.add_done_callback(lambda _: news.set())
    while fake302.creates_waiting + len(in_line) < len(people) and not any(t.done() for t in said):
        news.clear()
        await news.wait()
    held = fake302.creates_waiting
    gate.set()
    return held, len(in_line), await asyncio.gather(*said)


def test_the_limit_halves_once_a_burst_and_grows_by_one_a_task_while_in_use() -> None:
    now = [100.0]
    limit = Concurrency(start=32, most=40, clock=lambda: now[0])
    changes: list[int] = []
    limit.watch(lambda: changes.append(limit.value))
    limit.running("line", 20)
    refused = UpstreamRateLimited("HTTP 429")

    limit.upstream_request("create", "4xx", 0.5, refused)  # sent at 99.5: 32 → 16
    now[0] += 0.1
    limit.upstream_request("create", "4xx", 0.5, refused)  # sent before that cut: the same burst
    limit.upstream_request("create", "2xx", 0.5, None)  # nor does its success undo the cut
    limit.upstream_request("query", "2xx", 0.01, None)  # only a task created counts
    limit.upstream_request("create", "5xx", 0.01, UpstreamUnavailable())  # down, not busy
    limit.upstream_request("download", "4xx", 0.01, refused)  # a file host: not 302.AI's rate
    assert changes == [16]

    for _ in range(30):
        limit.upstream_request("create", "2xx", 0.01, None)  # one more each, up to the most
    assert changes[-1] == 40 and changes[1:] == list(range(17, 41))

    limit.running("line", 3)  # hardly used: a success says nothing of room for more
    limit.upstream_request("query", "4xx", 0.01, refused)  # a refused query counts: 40 → 20
    limit.upstream_request("create", "2xx", 0.001, None)
    assert limit.value == 20

    for _ in range(10):
        now[0] += 1
        limit.upstream_request("upload", "4xx", 0.001, refused)
    assert limit.value == 1  # never below one
    assert Concurrency(start=100, most=8).value == 8  # nor ever above the most


async def test_twenty_people_at_once_all_reach_the_upstream_without_waiting_for_each_other(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    assert higgs_settings.max_concurrent_jobs is None  # the shipped settings: no fixed cap
    async with open_core(higgs_settings, sleep=sleeps) as speech:
        await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
        held, waited, said = await at_once(speech, fake302, crowd(alice, 20))
    assert (held, waited) == (20, 0)  # twenty creates at 302.AI together; nobody in line
    assert len(said) == 20 and all(clip.seconds > 1 for clip in said)


async def test_when_302_says_too_many_the_limit_halves_jobs_retry_and_it_grows_back(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    async with open_core(higgs_settings, sleep=sleeps) as speech:
        await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
        seen = [speech.limit.value]
        speech.limit.watch(lambda: seen.append(speech.limit.value))
        fake302.fail("clone_create", *(TOO_MANY * 5))  # every one of the twenty, the first time
        held, _, said = await at_once(speech, fake302, crowd(alice, 20))
        jobs = [await speech.jobs.get(alice, clip.job_id) for clip in said]
    assert held == 20
    assert all(job.state == "done" for job in jobs)  # refused, waited, retried: none failed
    assert len(fake302.calls("clone_create")) == 40  # each refused once, then made once
    start = higgs_settings.jobs_at_once[0]  # (as shipped: the ceiling)
    assert seen[:2] == [start, start // 2]  # one burst of refusals: halved once
    assert seen[2:] == list(range(start // 2 + 1, start // 2 + 1 + len(seen) - 2))  # then
    assert seen[-1] > start // 2  # one more a task made
    assert 1.0 in sleeps.asked  # a Retry-After was waited out


async def test_a_fixed_cap_is_never_passed_though_it_still_halves(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    settings = higgs_settings.model_copy(update={"max_concurrent_jobs": 4})
    assert settings.jobs_at_once == (4, 4)
    async with open_core(settings, sleep=sleeps) as speech:
        await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
        seen = [speech.limit.value]
        speech.limit.watch(lambda: seen.append(speech.limit.value))
        fake302.fail("clone_create", Fault(429, {}))
        held, waited, said = await at_once(speech, fake302, crowd(alice, 6))
    assert (held, waited) == (4, 2)  # four at once, and the others told their place
    assert len(said) == 6
    assert seen[:3] == [4, 2, 3] and max(seen) == 4  # halved, growing back, never past the cap


async def test_each_worker_learns_its_own_limit(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    settings = higgs_settings.model_copy(update={"job_runner": "workers", "job_lease_s": 5})
    fake302.fail("clone_create", *TOO_MANY, *TOO_MANY[:2])
    async with (
        open_core(settings, sleep=sleeps) as bot,
        open_core(settings, sleep=sleeps, role="worker") as worker_core,
    ):
        await bot.voices.register(alice, "bob", clips.ogg, transcript="words")
        working = asyncio.create_task(worker_core.worker("w1", every_s=0.02).work())
        try:
            fake302.create_gate = gate = asyncio.Event()
            said = [
                asyncio.create_task(bot.speaking.say(who, "bob", "Hello."))
                for who in crowd(alice, 6)
            ]
            for task in said:
                task.add_done_callback(lambda _: fake302.create_waits.set())
            while fake302.creates_waiting < 6 and not any(t.done() for t in said):
                fake302.create_waits.clear()
                await fake302.create_waits.wait()
            gate.set()
            clips_out = await asyncio.gather(*said)
        finally:
            working.cancel()
            await asyncio.gather(working, return_exceptions=True)
    assert all(clip is not None and clip.seconds > 1 for clip in clips_out)
    start = settings.jobs_at_once[0]
    assert worker_core.limit.value == start // 2  # the worker was refused, and learnt from it
    assert bot.limit.value == start  # the gateway ran no job, and heard no refusal
