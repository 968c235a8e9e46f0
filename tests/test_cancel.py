"""Cancel: /cancel, or the ✖ on a request's status, stops the requester's requests under way.
One waiting in line never reaches the speech service; one whose task runs there is polled no
more; neither is ever posted, not when its result comes later nor after a restart. Only the
requester may cancel, under either runner (in-process, or handed over to workers)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from core.settings import Settings
from tests.conftest import Clips, Sleeps, resumes_ended
from tests.discord_world import ALICE as ALICE_DC
from tests.discord_world import BOB as BOB_DC
from tests.discord_world import EPHEMERAL, discord_settings, fake_discord, logged_in
from tests.fakes.ai302 import Fake302
from tests.fakes.discord import Call as DiscordCall
from tests.fakes.discord import FakeDiscord
from tests.fakes.telegram import Call, FakeBotApi
from tests.postgres import on_both_databases, query
from tests.telegram_chat import ALICE, BOB, GROUP, WANG, Telegram, telegram_chat
from tests.test_restart import Turnstile
from tests.test_workers import split, worker

CANCELLED = "✖ Cancelled."


async def shown(botapi: FakeBotApi, containing: str, *, messages: int = 1) -> list[Call]:
    """Wait until the bot has edited `messages` of its messages to say `containing`; the
    latest such edit of each."""
    while True:
        latest = {
            c.params["message_id"]: c
            for c in botapi.of("editMessageText")
            if containing in c.params["text"]
        }
        if len(latest) >= messages:
            return list(latest.values())
        await botapi.edited.get()


def status_of(botapi: FakeBotApi, edit: Call) -> dict[str, Any]:
    """The status message an edit changed, as the bot first sent it (to press its buttons)."""
    return next(
        botapi.sent_message(c)
        for c in botapi.of("sendMessage")
        if botapi.sent_message(c)["message_id"] == int(edit.params["message_id"])
    )


def edits_of(botapi: FakeBotApi, message: dict[str, Any]) -> list[Call]:
    return [
        c
        for c in botapi.of("editMessageText")
        if int(c.params["message_id"]) == message["message_id"]
    ]


def reply_to(botapi: FakeBotApi, request: dict[str, Any]) -> str:
    """What the bot answered a command with."""
    (answer,) = [
        c
        for c in botapi.of("sendMessage")
        if (c.params.get("reply_parameters") or {}).get("message_id") == request["message_id"]
    ]
    return str(answer.params["text"])


def polls_of(fake302: Fake302, text: str) -> tuple[int, int]:
    """How often the task made for `text` was polled, and its audio fetched."""
    (created,) = [c for c in fake302.calls("clone_create") if c.json["input_text"] == text]
    task_id = next(
        task_id for task_id, task in fake302.tasks.items() if task["body"] == created.json
    )
    polled = [c for c in fake302.calls("clone_query") if c.query["task_id"] == task_id]
    fetched = [c for c in fake302.calls("download") if task_id in c.path]
    return len(polled), len(fetched)


async def test_the_cross_stops_a_running_request_only_for_its_requester_for_good(
    tg_settings: Settings, botapi: FakeBotApi, fake302: Fake302, sleeps: Sleeps, clips: Clips
) -> None:
    async with telegram_chat(tg_settings, botapi, sleeps) as tg:
        await tg.clone(GROUP, ALICE, clips.ogg, "/clone grandpa | The quick brown fox.")
        fake302.gate = turnstile = Turnstile()
        saying = asyncio.create_task(
            tg.send(botapi.command(GROUP, ALICE, "/say grandpa Never mind."))
        )
        await turnstile.reached.wait()  # its task runs upstream, and is being polled
        (generating,) = await shown(botapi, "Generating speech")
        (cross,) = Telegram.buttons(generating)
        status = status_of(botapi, generating)

        await tg.press(BOB, status, cross)
        assert tg.last_text() == "Only the person who asked for this can cancel it."
        assert not saying.done()

        await tg.press(ALICE, status, cross)
        await saying
        assert edits_of(botapi, status)[-1].params["text"] == CANCELLED
        assert "reply_markup" not in edits_of(botapi, status)[-1].params  # the ✖ is gone
        await tg.press(ALICE, status, cross)  # pressed again
        assert tg.last_text() == "That request is not under way any more."
    rows = await query(tg_settings.db_url, "SELECT state, delivery FROM jobs")
    assert rows == [("cancelled", "sent")]  # (what was sent: that it was cancelled)

    turnstile.set()  # the service finishes the task after all
    async with telegram_chat(tg_settings, botapi, sleeps) as tg:
        assert await tg.core.delivery.resume("telegram", tg.app.bot_data["outbox"]) == 0
        bobs = await tg.send(botapi.command(GROUP, BOB, "/say grandpa Bob speaks."))

    (voice,) = botapi.of("sendVoice")  # Bob's, once his whole request went by
    assert voice.params["reply_parameters"]["message_id"] == bobs["message_id"]
    assert len(fake302.calls("clone_create")) == 2  # one each: none made again
    assert polls_of(fake302, "Never mind.") == (1, 0)  # the look it was cancelled in


async def test_the_cross_left_by_a_stopped_bot_cancels_the_request_it_resumed(
    tg_settings: Settings, botapi: FakeBotApi, fake302: Fake302, sleeps: Sleeps, clips: Clips
) -> None:
    async with telegram_chat(tg_settings, botapi, sleeps) as tg:
        await tg.clone(GROUP, ALICE, clips.ogg, "/clone grandpa | The quick brown fox.")
        fake302.gate = turnstile = Turnstile()
        saying = asyncio.create_task(
            tg.send(botapi.command(GROUP, ALICE, "/say grandpa Never mind."))
        )
        await turnstile.reached.wait()
        (generating,) = await shown(botapi, "Generating speech")
        saying.cancel()  # the process dies mid-generation
        await asyncio.gather(saying, return_exceptions=True)
    fake302.gate = again = Turnstile()
    turnstile.set()  # (the dead process's look is answered: into nothing)
    async with telegram_chat(tg_settings, botapi, sleeps) as tg:
        assert await tg.core.delivery.resume("telegram", tg.app.bot_data["outbox"]) == 1
        await again.reached.wait()  # waiting for the same task upstream again
        (cross,) = Telegram.buttons(generating)
        await tg.press(ALICE, status_of(botapi, generating), cross)
        await resumes_ended()
    again.set()

    assert edits_of(botapi, status_of(botapi, generating))[-1].params["text"] == CANCELLED
    assert not botapi.of("sendVoice")
    assert len(fake302.calls("clone_create")) == 1
    assert await query(tg_settings.db_url, "SELECT state FROM jobs") == [("cancelled",)]


async def test_cancel_takes_all_of_a_users_waiting_requests_out_of_line(
    tg_settings: Settings, botapi: FakeBotApi, fake302: Fake302, sleeps: Sleeps, clips: Clips
) -> None:
    one_at_a_time = tg_settings.model_copy(update={"max_concurrent_jobs": 1})
    async with telegram_chat(one_at_a_time, botapi, sleeps) as tg:
        await tg.clone(GROUP, ALICE, clips.ogg, "/clone grandpa | The quick brown fox.")
        fake302.gate = turnstile = Turnstile()
        bobs_request = botapi.command(GROUP, BOB, "/say grandpa Bob goes first.")
        bobs = asyncio.create_task(tg.send(bobs_request))
        await turnstile.reached.wait()
        alices = [
            asyncio.create_task(
                tg.send(botapi.command(GROUP, ALICE, f"/say grandpa Alice waits, {n}."))
            )
            for n in ("one", "two")
        ]
        await shown(botapi, "Waiting in line", messages=2)

        cancel = await tg.send(botapi.command(GROUP, ALICE, "/cancel"))
        assert reply_to(botapi, cancel) == "Cancelled 2 requests."
        await asyncio.gather(*alices)
        turnstile.set()
        await bobs
        nothing = await tg.send(botapi.command(GROUP, ALICE, "/cancel"))
        assert reply_to(botapi, nothing) == "You have nothing under way here to cancel."
        in_chinese = await tg.send(botapi.command(GROUP, WANG, "/cancel"))
        assert reply_to(botapi, in_chinese) == "你在这里没有正在进行的请求可以取消。"

    waited = await shown(botapi, "Waiting in line", messages=2)
    assert [edits_of(botapi, status_of(botapi, c))[-1].params["text"] for c in waited] == [
        CANCELLED,
        CANCELLED,
    ]
    assert [c.json["input_text"] for c in fake302.calls("clone_create")] == ["Bob goes first."]
    (voice,) = botapi.of("sendVoice")
    assert voice.params["reply_parameters"]["message_id"] == bobs_request["message_id"]


@on_both_databases
async def test_under_workers_the_worker_stops_polling_a_cancelled_request(
    tg_settings: Settings, botapi: FakeBotApi, fake302: Fake302, sleeps: Sleeps, clips: Clips
) -> None:
    gateway = split(tg_settings)
    async with telegram_chat(gateway, botapi, sleeps) as tg, worker(tg_settings):
        await tg.clone(GROUP, ALICE, clips.ogg, "/clone grandpa | The quick brown fox.")
        fake302.gate = turnstile = Turnstile()
        saying = asyncio.create_task(
            tg.send(botapi.command(GROUP, ALICE, "/say grandpa Never mind."))
        )
        await turnstile.reached.wait()  # the worker made its task upstream and polls it
        ((job_id,),) = await query(tg_settings.db_url, "SELECT id FROM jobs")
        (working,) = [t for t in asyncio.all_tasks() if t.get_name() == f"job-{job_id}"]

        cancel = await tg.send(botapi.command(GROUP, ALICE, "/cancel"))
        assert reply_to(botapi, cancel) == "Cancelled 1 request."
        await saying
        await asyncio.wait([working])  # the worker sees it at its next renewal of the lease
        assert working.cancelled()

        turnstile.set()  # the service finishes the task after all
        bobs = await tg.send(botapi.command(GROUP, BOB, "/say grandpa Bob speaks."))

    (status,) = [c for c in botapi.of("editMessageText") if c.params["text"] == CANCELLED]
    assert "reply_markup" not in status.params
    (voice,) = botapi.of("sendVoice")
    assert voice.params["reply_parameters"]["message_id"] == bobs["message_id"]
    assert polls_of(fake302, "Never mind.") == (1, 0)
    assert len(fake302.calls("clone_create")) == 2
    rows = await query(tg_settings.db_url, f"SELECT state FROM jobs WHERE id = '{job_id}'")
    assert rows == [("cancelled",)]
    assert await query(tg_settings.db_url, "SELECT * FROM job_results") == []


@on_both_databases
async def test_under_workers_a_request_cancelled_in_line_is_never_claimed(
    tg_settings: Settings, botapi: FakeBotApi, fake302: Fake302, sleeps: Sleeps, clips: Clips
) -> None:
    gateway = split(tg_settings)
    async with telegram_chat(gateway, botapi, sleeps) as tg:
        await tg.clone(GROUP, ALICE, clips.ogg, "/clone grandpa | The quick brown fox.")
        saying = asyncio.create_task(
            tg.send(botapi.command(GROUP, ALICE, "/say grandpa Never mind."))
        )
        (waiting,) = await shown(botapi, "Waiting in line")  # no worker runs yet
        (cross,) = Telegram.buttons(waiting)
        await tg.press(ALICE, status_of(botapi, waiting), cross)
        await saying
        async with worker(tg_settings):
            bobs = await tg.send(botapi.command(GROUP, BOB, "/say grandpa Bob speaks."))

    assert edits_of(botapi, status_of(botapi, waiting))[-1].params["text"] == CANCELLED
    assert [c.json["input_text"] for c in fake302.calls("clone_create")] == ["Bob speaks."]
    (voice,) = botapi.of("sendVoice")
    assert voice.params["reply_parameters"]["message_id"] == bobs["message_id"]
    rows = await query(tg_settings.db_url, "SELECT state, worker FROM jobs ORDER BY created_at")
    assert rows == [("cancelled", None), ("done", "w1")]  # the worker passed it by


async def seen(rest: FakeDiscord, check: Callable[[DiscordCall], bool]) -> DiscordCall:
    """Wait until the bot has made a call to Discord that passes `check`; the latest."""
    while not (found := [c for c in rest.calls if check(c)]):
        await rest.arrived.get()
    return found[-1]


def saying(words: str) -> Callable[[DiscordCall], bool]:
    """An interaction's response (or its edit) showing `words`."""

    def check(call: DiscordCall) -> bool:
        body = call.payload if isinstance(call.payload, dict) else {}
        if call.path.endswith("/callback"):
            body = body.get("data") or {}
        return words in str(body.get("content") or "")

    return check


def its_cross(call: DiscordCall) -> str:
    """The custom id of the ✖ a status shows."""
    (cross,) = [b["custom_id"] for row in call.json["components"] for b in row["components"]]
    assert cross.startswith("cancel:")
    return str(cross)


async def test_on_discord_the_cross_stops_a_running_request_only_for_its_requester(
    higgs_settings: Settings, fake302: Fake302, sleeps: Sleeps, clips: Clips
) -> None:
    async with (
        fake_discord() as rest,
        logged_in(discord_settings(higgs_settings, rest), rest, sleeps) as dc,
    ):
        await dc.clone(ALICE_DC, "alice", clips.ogg)
        fake302.gate = turnstile = Turnstile()
        asking = asyncio.create_task(
            dc.command(ALICE_DC, "say", voice="alice", text="Never mind.")
        )
        await turnstile.reached.wait()
        cross = its_cross(await seen(rest, saying("Generating speech")))

        refusing = asyncio.create_task(dc.press(BOB_DC, cross))
        refusal = await seen(rest, saying("Only the person who asked"))
        assert refusal.json["data"]["flags"] & EPHEMERAL
        await dc.press(ALICE_DC, cross)
        await asyncio.gather(asking, refusing)

        turnstile.set()
        await dc.command(BOB_DC, "say", voice="alice", text="Bob speaks.")

    edits = [c.json for c in rest.of("PATCH", "/webhooks/")]
    cancelled = [e for e in edits if e["content"] == CANCELLED]
    assert len(cancelled) == 1 and cancelled[0]["components"] == []  # the ✖ is gone
    assert len(dc.voice_messages()) == 1  # Bob's
    assert len(fake302.calls("clone_create")) == 2
    assert polls_of(fake302, "Never mind.") == (1, 0)


async def test_on_discord_cancel_takes_a_waiting_request_out_of_line(
    higgs_settings: Settings, fake302: Fake302, sleeps: Sleeps, clips: Clips
) -> None:
    one_at_a_time = higgs_settings.model_copy(update={"max_concurrent_jobs": 1})
    async with (
        fake_discord() as rest,
        logged_in(discord_settings(one_at_a_time, rest), rest, sleeps) as dc,
    ):
        await dc.clone(ALICE_DC, "alice", clips.ogg)
        fake302.gate = turnstile = Turnstile()
        bobs = asyncio.create_task(
            dc.command(BOB_DC, "say", voice="alice", text="Bob goes first.")
        )
        await turnstile.reached.wait()
        alices = asyncio.create_task(
            dc.command(ALICE_DC, "say", voice="alice", text="Alice waits.")
        )
        await seen(rest, saying("Waiting in line"))

        cancelling = asyncio.create_task(dc.command(ALICE_DC, "cancel"))
        told = await seen(rest, saying("Cancelled 1 request."))
        assert told.json["data"]["flags"] & EPHEMERAL
        await seen(rest, saying(CANCELLED))  # Alice's status
        turnstile.set()
        await asyncio.gather(bobs, alices, cancelling)

    assert [c.json["input_text"] for c in fake302.calls("clone_create")] == ["Bob goes first."]
    assert len(dc.voice_messages()) == 1
    assert [words for words, _ in dc.words() if words == CANCELLED] == [CANCELLED]  # once
