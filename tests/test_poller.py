"""The shared poller: one loop, each task on its own backoff, each waiter told its own end."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from core.app import open_core
from core.domain import Where
from core.settings import Settings
from core.upstream.poller import SCOUTS, Poller
from tests.conftest import Clips, Sleeps
from tests.fakes.ai302 import Fake302


async def test_one_loop_polls_every_task_on_its_own_backoff(sleeps: Sleeps) -> None:
    looks: Counter[str] = Counter()
    ready_after = {"quick": 1, "slow": 4, "broken": 2}

    async def query(key: str) -> str:
        looks[key] += 1
        if key == "broken" and looks[key] == ready_after[key]:
            raise RuntimeError("the service is down")
        return "done" if looks[key] >= ready_after[key] else "pending"

    poller: Poller[str, str] = Poller(
        query, lambda s: s == "done", interval=1.0, interval_max=2.0, sleep=sleeps
    )
    quick, slow = poller.until_settled("quick"), poller.until_settled("slow")
    results = await asyncio.gather(
        quick, slow, poller.until_settled("broken"), return_exceptions=True
    )
    assert results[:2] == ["done", "done"]
    assert isinstance(results[2], RuntimeError)  # only its own waiter hears of it
    assert looks == {"quick": 1, "slow": 4, "broken": 2}
    # slow alone after 1 s: 1 → 1.5 → 2 (capped), less the moment each round of looks took
    assert sleeps.asked == pytest.approx([1.0, 1.5, 2.0], abs=0.01)


async def test_a_hundred_tasks_due_together_are_looked_at_a_few_at_a_time(
    sleeps: Sleeps,
) -> None:
    in_flight, most = 0, 0

    async def query(key: int) -> str:
        nonlocal in_flight, most
        in_flight += 1
        most = max(most, in_flight)
        await asyncio.sleep(0)  # (the answer comes back later than the question goes)
        in_flight -= 1
        return "done"

    poller: Poller[int, str] = Poller(
        query, lambda s: s == "done", interval=0.5, interval_max=2.0, sleep=sleeps, at_once=8
    )
    waits = [poller.until_settled(n, expect_s=5) for n in range(100)]
    assert await asyncio.gather(*waits) == ["done"] * 100
    assert most == 8  # every one looked at in the same round, never more than 8 at once
    assert sleeps.asked == pytest.approx([4.25], abs=0.01)


async def test_a_waiter_that_gives_up_stops_being_polled(sleeps: Sleeps) -> None:
    looks: Counter[str] = Counter()

    async def query(key: str) -> str:
        looks[key] += 1
        return "pending"

    poller: Poller[str, str] = Poller(
        query, lambda s: s == "done", interval=1.0, interval_max=1.0, sleep=sleeps
    )
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.05):
            await poller.until_settled("forever")
    await asyncio.sleep(0.01)  # a look already under way when it gave up may still finish
    seen = looks["forever"]
    await asyncio.sleep(0.01)
    assert looks["forever"] == seen


async def test_a_task_expected_to_take_a_while_is_first_looked_at_near_its_end(
    sleeps: Sleeps,
) -> None:
    looks: Counter[str] = Counter()

    async def query(key: str) -> str:
        looks[key] += 1
        return "done" if looks[key] >= 2 else "pending"

    poller: Poller[str, str] = Poller(
        query, lambda s: s == "done", interval=0.5, interval_max=2.0, sleep=sleeps
    )
    assert await poller.until_settled("long", expect_s=10) == "done"
    # no look at once: the first at 85 % of the expected time, then soon after
    assert sleeps.asked == pytest.approx([8.5, 0.5], abs=0.01)
    assert looks["long"] == 2


async def test_around_its_expected_end_a_task_is_looked_at_often_then_less_and_less(
    sleeps: Sleeps,
) -> None:
    looks: Counter[str] = Counter()

    async def query(key: str) -> str:
        looks[key] += 1
        return "done" if looks[key] >= 9 else "pending"

    poller: Poller[str, str] = Poller(
        query, lambda s: s == "done", interval=0.5, interval_max=2.0, sleep=sleeps
    )
    assert await poller.until_settled("late", expect_s=4) == "done"
    # first at 3.4 s, then 3.9 s and at 4 s, when it should end; soon after that (4.125 s,
    # 4.25 s, 4.5 s), then every 0.5 s up to 1.5 × 4 = 6 s; then further apart each time
    assert sleeps.asked == pytest.approx(
        [3.4, 0.5, 0.1, 0.125, 0.125, 0.25, 0.5, 0.5, 0.5], abs=0.01
    )
    assert looks["late"] == 9


async def _waits_for_an_end_at(sleeps: Sleeps, ends_at: float, expect_s: float) -> list[float]:
    """The poller's pauses, looking at a task expected to take `expect_s` that ends at
    `ends_at` (of the time it slept)."""

    async def query(key: str) -> str:
        return "done" if sum(sleeps.asked) >= ends_at else "pending"

    poller: Poller[str, str] = Poller(
        query, lambda s: s == "done", interval=0.5, interval_max=2.0, sleep=sleeps
    )
    assert await poller.until_settled("task", expect_s=expect_s) == "done"
    return sleeps.asked


async def test_a_task_that_ends_a_little_late_is_seen_soon_not_an_interval_later(
    sleeps: Sleeps,
) -> None:
    # looks at 4.25 s, 4.75 s and 5 s, when it should end; it ended 0.03 s later, and was
    # seen at 5.125 s (with the next look at 5.5 s, 0.47 s late)
    waits = await _waits_for_an_end_at(sleeps, 5.03, expect_s=5)
    assert waits == pytest.approx([4.25, 0.5, 0.25, 0.125], abs=0.01)


async def test_a_task_that_ends_when_expected_is_seen_then_not_up_to_an_interval_later(
    sleeps: Sleeps,
) -> None:
    # it ends at 4.9 s: looks at 4.25 s and 4.75 s, then at 5 s (the next, at 5.25 s, came a
    # third of a second after the end)
    waits = await _waits_for_an_end_at(sleeps, 4.9, expect_s=5)
    assert waits == pytest.approx([4.25, 0.5, 0.25], abs=0.01)


async def test_with_no_pace_known_a_task_is_looked_at_every_interval_for_a_while(
    sleeps: Sleeps,
) -> None:
    looks: Counter[str] = Counter()

    async def query(key: str) -> str:
        looks[key] += 1
        return "done" if looks[key] >= 30 else "pending"

    poller: Poller[str, str] = Poller(
        query,
        lambda s: s == "done",
        interval=0.5,
        interval_max=2.0,
        sleep=sleeps,
        unknown_steady_s=12.2,
    )
    assert await poller.until_settled("first") == "done"
    # at once, then every 0.5 s up to 12.2 s (and the look just past it): a task ending any
    # time in there is seen within 0.5 s; then further apart each time, up to 2 s
    assert sleeps.asked == pytest.approx([0.5] * 25 + [0.75, 1.125, 1.6875, 2.0], abs=0.01)


async def test_a_freshly_started_bot_sees_its_first_task_end_within_an_interval(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    shipped = {"poll_interval_s": 0.5, "poll_interval_max_s": 2.0, "generation_deadline_s": 180}
    fake302.behaviour.pending_polls = 24  # the task ends some 12 s after it was created
    async with open_core(higgs_settings.model_copy(update=shipped), sleep=sleeps) as speech:
        await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
        await speech.speaking.say(alice, "bob", "The first words this bot ever says.")
    assert len(fake302.calls("clone_query")) == 25
    # no pace learnt yet: never more than POLL_INTERVAL_S between looks (it was 2 s before),
    # the first an interval after the task was made (none at once: it cannot be done yet)
    assert sleeps.asked == pytest.approx([0.5] * 25, abs=0.05)


def _burst(
    sleeps: Sleeps, ready_at: dict[int, float]
) -> tuple[Poller[int, str], Counter[int], dict[int, float]]:
    """A poller (nothing known of the pace) of tasks that end `ready_at` seconds into its
    (injected) time; how often each was looked at, and when each was seen done."""
    looks: Counter[int] = Counter()
    seen_at: dict[int, float] = {}

    async def query(key: int) -> str:
        looks[key] += 1
        if sum(sleeps.asked) < ready_at[key]:
            return "pending"
        seen_at.setdefault(key, sum(sleeps.asked))
        return "done"

    poller: Poller[int, str] = Poller(
        query,
        lambda s: s == "done",
        interval=0.5,
        interval_max=2.0,
        sleep=sleeps,
        unknown_steady_s=30,
    )
    return poller, looks, seen_at


async def test_of_a_burst_with_no_pace_known_only_the_oldest_few_are_looked_at_often(
    sleeps: Sleeps,
) -> None:
    poller, looks, seen_at = _burst(sleeps, dict.fromkeys(range(10), 10.0))
    waits = [poller.until_settled(n, look_now=False) for n in range(10)]  # just made, oldest first
    assert await asyncio.gather(*waits) == ["done"] * 10
    assert all(looks[n] >= 20 for n in range(SCOUTS))  # each 0.5 s: seen at 10 s
    assert all(looks[n] <= 8 for n in range(SCOUTS, 10))  # 0.5, 0.75, … up to 2 s apart
    assert max(seen_at.values()) <= 12.0


async def test_told_what_to_expect_tasks_in_flight_are_looked_at_near_their_end(
    sleeps: Sleeps,
) -> None:
    poller, _, seen_at = _burst(sleeps, {0: 2.0, **dict.fromkeys(range(1, 6), 8.2)})
    waits = [asyncio.ensure_future(poller.until_settled(n, look_now=False)) for n in range(6)]
    assert await waits[0] == "done"  # the first to end tells the pace: the others take 8.2 s
    poller.expect(dict.fromkeys(range(1, 6), 8.2))
    assert await asyncio.gather(*waits[1:]) == ["done"] * 5
    # first looked at 85 % of the way, then every 0.5 s: each seen within 0.5 s of its end
    # (unexpected, the last of them were backing off to a look every 2 s)
    assert all(8.2 <= seen_at[n] <= 8.7 for n in range(1, 6))


async def test_when_one_of_a_burst_ends_the_rest_are_looked_at_within_an_interval(
    sleeps: Sleeps,
) -> None:
    """With no pace told, nothing is expected of the rest: the first end alone says they may
    be about to end too."""
    poller, _, seen_at = _burst(sleeps, dict.fromkeys(range(10), 4.7))
    waits = [poller.until_settled(n, look_now=False) for n in range(10)]
    assert await asyncio.gather(*waits) == ["done"] * 10
    # the scouts take turns, a sixth of a second apart: one sees the end at 4.83 s (together
    # they would have seen it at 5 s); the rest, backing off (their next look was at 6.6 s),
    # are looked at 0.5 s later
    assert min(seen_at.values()) == pytest.approx(4.7 + 0.5 / SCOUTS, abs=0.05)
    assert all(seen_at[n] <= 5.4 for n in range(10))
