"""The job queue: a concurrency cap, a fair line, and each waiter told its place."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import replace

import pytest

from core.app import Core, open_core
from core.domain import Progress, Where
from core.errors import QueueFull, TooFast
from core.jobs.queue import InProcessQueue, QueuePolicy
from core.messages import error_text
from core.settings import Settings
from tests.conftest import Clips, Sleeps, watched
from tests.fakes.ai302 import Fake302
from tests.postgres import on_both_databases


async def test_second_request_waits_in_line_and_sees_its_place(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    settings = higgs_settings.model_copy(update={"max_concurrent_jobs": 1})
    fake302.gate = gate = asyncio.Event()
    first_generating = asyncio.Event()
    seen: dict[str, list[tuple[str, int]]] = {"first": [], "second": []}

    def recorder(who: str) -> Callable[[Progress], Awaitable[None]]:
        async def record(progress: Progress) -> None:
            seen[who].append((progress.stage, progress.position))
            if who == "first" and progress.stage == "generating":
                first_generating.set()
            if who == "second" and progress.stage == "queued":
                gate.set()

        return record

    async with open_core(settings, sleep=sleeps) as speech:
        await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
        first = asyncio.create_task(
            watched(
                lambda reply: speech.speaking.say(alice, "bob", "One", reply=reply),
                recorder("first"),
            )
        )
        await first_generating.wait()
        second = await watched(
            lambda reply: speech.speaking.say(alice, "bob", "Two", reply=reply), recorder("second")
        )
        await first

    assert seen["first"] == [("preparing", 0), ("generating", 0), ("encoding", 0)]
    assert seen["second"] == [("queued", 1), ("preparing", 0), ("generating", 0), ("encoding", 0)]
    assert second.seconds > 1
    creates = [r.json["input_text"] for r in fake302.calls("clone_create")]
    assert creates == ["One", "Two"]


async def test_line_moves_up_and_a_cancelled_waiter_leaves_it() -> None:
    queue = InProcessQueue(QueuePolicy(slots=1))
    places: dict[str, list[int]] = {"b": [], "c": []}
    release, c_in_line = asyncio.Event(), asyncio.Event()

    async def hold() -> None:
        async with queue.slot("u"):
            await release.wait()

    async def wait(name: str) -> None:
        async def place(position: int) -> None:
            places[name].append(position)
            if name == "c":
                c_in_line.set()

        async with queue.slot("u", on_position=place):
            pass

    holder = asyncio.create_task(hold())  # tasks start in order: the holder gets the slot
    b = asyncio.create_task(wait("b"))
    c = asyncio.create_task(wait("c"))
    await c_in_line.wait()
    b.cancel()
    with pytest.raises(asyncio.CancelledError):
        await b
    release.set()
    await asyncio.gather(holder, c)
    assert places == {"b": [1], "c": [2, 1]}
    async with queue.slot("u"):  # the slot came back
        pass


async def test_a_slow_place_report_never_holds_up_the_line() -> None:
    queue = InProcessQueue(QueuePolicy(slots=1))
    release, reporting, report_may_end = asyncio.Event(), asyncio.Event(), asyncio.Event()

    async def slow_place(position: int) -> None:  # a rate-limited chat edit, say
        reporting.set()
        await report_may_end.wait()

    async def hold() -> None:
        async with queue.slot("u"):
            await release.wait()

    async def wait() -> str:
        async with queue.slot("u", on_position=slow_place):
            return "ran"

    holder = asyncio.create_task(hold())
    waiter = asyncio.create_task(wait())
    await reporting.wait()
    release.set()  # the slot frees while the waiter is still reporting its place
    assert await waiter == "ran"
    await holder
    async with queue.slot("u"):  # and no slot was lost on the way
        pass


async def test_cancelling_a_waiter_at_the_moment_it_gets_the_slot_loses_nothing() -> None:
    queue = InProcessQueue(QueuePolicy(slots=1))
    release = asyncio.Event()

    async def hold() -> None:
        async with queue.slot("u"):
            await release.wait()

    async def wait() -> None:
        async with queue.slot("u", on_position=lambda _: asyncio.sleep(0)):
            await asyncio.Event().wait()  # never finishes on its own

    holder = asyncio.create_task(hold())
    waiter = asyncio.create_task(wait())
    await asyncio.sleep(0)
    release.set()
    waiter.cancel()  # in the same turn the holder hands the slot over
    await holder
    with contextlib.suppress(asyncio.CancelledError):
        await waiter
    async with queue.slot("u"):  # the slot came back
        pass


async def test_users_are_served_in_turn_so_nobody_is_starved() -> None:
    queue = InProcessQueue(QueuePolicy(slots=1))
    order: list[str] = []
    places: dict[str, list[int]] = {}
    release, all_waiting = asyncio.Event(), asyncio.Event()

    async def hold() -> None:
        async with queue.slot("alice"):
            await release.wait()

    async def request(user: str, name: str) -> None:
        async def place(position: int) -> None:
            places.setdefault(name, []).append(position)
            if len(places) == 3:
                all_waiting.set()

        async with queue.slot(user, on_position=place):
            order.append(name)

    holder = asyncio.create_task(hold())
    waiting = [
        asyncio.create_task(request(user, name))
        for user, name in [("alice", "a2"), ("alice", "a3"), ("bob", "b1")]
    ]
    await all_waiting.wait()
    assert {name: p[-1] for name, p in places.items()} == {"a2": 1, "b1": 2, "a3": 3}
    release.set()
    await asyncio.gather(holder, *waiting)
    assert order == ["a2", "b1", "a3"]  # bob's one request is not stuck behind alice's two


async def test_one_user_holds_at_most_their_share_of_slots() -> None:
    queue = InProcessQueue(QueuePolicy(slots=3, per_user=1))
    release, bob_ran = asyncio.Event(), asyncio.Event()

    async def alice() -> None:
        async with queue.slot("alice"):
            await release.wait()

    async def bob() -> None:
        async with queue.slot("bob"):
            bob_ran.set()

    first, second = asyncio.create_task(alice()), asyncio.create_task(alice())
    await asyncio.create_task(bob())  # a free slot: bob runs while alice's second waits
    assert bob_ran.is_set()
    release.set()
    await asyncio.gather(first, second)


@pytest.mark.fault("load: the line is full", "a polite refusal")
async def test_past_the_longest_line_requests_are_politely_refused() -> None:
    queue = InProcessQueue(QueuePolicy(slots=1, longest_line=1))
    release, waiting = asyncio.Event(), asyncio.Event()

    async def hold() -> None:
        async with queue.slot("alice"):
            await release.wait()

    async def wait() -> None:
        async with queue.slot("bob", on_position=lambda _: asyncio.sleep(0, waiting.set())):
            pass

    holder, waiter = asyncio.create_task(hold()), asyncio.create_task(wait())
    await waiting.wait()
    with pytest.raises(QueueFull) as caught:
        async with queue.slot("carol"):
            pass
    assert error_text(caught.value) == (
        "I'm very busy right now. Please try again in a few minutes."
    )
    release.set()
    await asyncio.gather(holder, waiter)


@pytest.mark.fault("load: a user over the rate limit", "'try again in N s'; no job written")
async def test_a_user_over_the_rate_gets_told_and_no_job_is_written(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    settings = higgs_settings.model_copy(update={"user_requests_per_minute": 2})
    async with open_core(settings, sleep=sleeps) as speech:
        await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
        await speech.speaking.say(alice, "bob", "One")
        await speech.speaking.say(alice, "bob", "Two")
        with pytest.raises(TooFast):
            await speech.speaking.say(alice, "bob", "Three")
        await speech.speaking.say(replace(alice, user_id="carol"), "bob", "Mine")  # others go on
    assert [c.json["input_text"] for c in fake302.calls("clone_create")] == ["One", "Two", "Mine"]


@on_both_databases
async def test_many_requests_at_once_all_complete_and_are_recorded(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    settings = higgs_settings.model_copy(update={"max_concurrent_jobs": 40})
    async with open_core(settings, sleep=sleeps) as speech:
        await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
        people = [replace(alice, user_id=f"user-{i}") for i in range(40)]
        clips_out = await asyncio.gather(
            *(speech.speaking.say(who, "bob", f"Hello {i}") for i, who in enumerate(people))
        )
        jobs = [await speech.jobs.get(alice, clip.job_id) for clip in clips_out]
        voice = await speech.library.get(alice, "bob")
    assert all(job.state == "done" for job in jobs)  # the database kept up with every write
    assert len(fake302.calls("clone_create")) == 40
    assert voice.uses == 40  # every use counted, however many at once


def spans(fake302: Fake302, start: str) -> list[tuple[float, float]]:
    """When each task whose text starts with `start` was created and first told done."""
    return sorted(
        (task["created"], task["answered_at"])
        for task in fake302.tasks.values()
        if task["body"]["input_text"].startswith(start)
    )


@asynccontextmanager
async def runner(settings: Settings, sleeps: Sleeps, kind: str) -> AsyncIterator[Core]:
    """A bot that runs its jobs itself, or hands them to a worker running beside it."""
    async with open_core(settings, sleep=sleeps) as bot:
        if kind == "here":
            yield bot
            return
        async with open_core(settings, sleep=sleeps, role="worker") as cores:
            working = asyncio.create_task(cores.worker("w1", every_s=0.02).work())
            try:
                yield bot
            finally:
                working.cancel()
                await asyncio.gather(working, return_exceptions=True)


@on_both_databases
@pytest.mark.parametrize("kind", ["here", "workers"])
async def test_either_runner_keeps_one_users_share_and_serves_others_beside_them(
    higgs_settings: Settings,
    alice: Where,
    clips: Clips,
    fake302: Fake302,
    sleeps: Sleeps,
    kind: str,
) -> None:
    settings = higgs_settings.model_copy(
        update={
            "max_concurrent_jobs": 4,
            "max_jobs_per_user": 1,
            "job_lease_s": 5,
            "job_runner": "workers" if kind == "workers" else "here",
        }
    )
    # the first task runs long, so "beside" holds even at a loaded machine's pace
    takes = iter([3.0])
    fake302.behaviour.generation_per_task = lambda: next(takes, 0.3)
    async with runner(settings, sleeps, kind) as bot:
        await bot.voices.register(alice, "bob", clips.ogg, transcript="words")
        eager, patient = replace(alice, user_id="eager"), replace(alice, user_id="patient")
        said = await asyncio.gather(
            *(bot.speaking.say(eager, "bob", f"Eager {n}.") for n in ("one", "two", "three")),
            bot.speaking.say(patient, "bob", "Patient one."),
        )
    assert all(clip is not None and clip.seconds > 1 for clip in said)
    mine = spans(fake302, "Eager")
    assert len(mine) == 3
    assert all(done <= started for (_, done), (started, _) in zip(mine, mine[1:], strict=False))
    ((theirs_started, _),) = spans(fake302, "Patient")
    assert theirs_started < mine[0][1]  # not kept waiting behind the eager user's line
