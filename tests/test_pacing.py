"""Telegram's flood limits kept with the voices first (bots/telegram/pacing.py), on a clock
that moves only when the pacing sleeps; and the status message that does not hold a job up
while the budget goes to voices (bots/telegram/outbox.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from telegram.ext import ExtBot

from bots.telegram.outbox import TelegramOutbox
from bots.telegram.pacing import Pacing
from core.domain import Progress, VoiceClip, Where
from core.messages import progress_text
from core.outbox import ReplyTarget
from tests.fakes.telegram import TOKEN, FakeBotApi
from tests.telegram_chat import ALICE, BOB, CAROL


class Clock:
    """Time that passes when, and as far as, the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        await asyncio.sleep(0)


class Sent:
    """The requests that reached Telegram, in order."""

    def __init__(self) -> None:
        self.order: list[str] = []

    def request(self, what: str) -> Any:
        async def call() -> bool:
            self.order.append(what)
            return True

        return call


async def send(pacing: Pacing, sent: Sent, what: str, endpoint: str, chat_id: int) -> Any:
    return await pacing.process_request(
        sent.request(what), (), {}, endpoint, {"chat_id": chat_id}, None
    )


async def test_voices_overtake_status_edits_once_the_budget_is_spent() -> None:
    clock, sent = Clock(), Sent()
    pacing = Pacing(overall=2, clock=clock, sleep=clock.sleep)
    await send(pacing, sent, "status 1", "sendMessage", 1)
    await send(pacing, sent, "status 2", "sendMessage", 2)
    edit = asyncio.create_task(send(pacing, sent, "edit 1", "editMessageText", 1))
    delete = asyncio.create_task(send(pacing, sent, "delete 2", "deleteMessage", 2))
    voice = asyncio.create_task(send(pacing, sent, "voice 2", "sendVoice", 2))
    await asyncio.gather(edit, delete, voice)
    assert sent.order == ["status 1", "status 2", "voice 2", "edit 1", "delete 2"]
    assert clock.now == 1.5  # 2 a second: three more took a second and a half
    await pacing.shutdown()


async def test_a_chat_action_goes_only_when_there_is_room_to_spare() -> None:
    clock, sent = Clock(), Sent()
    pacing = Pacing(overall=4, clock=clock, sleep=clock.sleep)
    assert await send(pacing, sent, "recording 1", "sendChatAction", 1) is True
    await send(pacing, sent, "status 1", "sendMessage", 1)
    await send(pacing, sent, "status 2", "sendMessage", 2)
    # one of four left: none to spare
    assert await send(pacing, sent, "recording 3", "sendChatAction", 3) is True  # skipped
    await send(pacing, sent, "status 3", "sendMessage", 3)
    assert sent.order == ["recording 1", "status 1", "status 2", "status 3"]
    assert clock.now == 0  # nothing waited
    await pacing.shutdown()


async def test_a_group_has_its_own_budget_a_private_chat_only_the_overall_one() -> None:
    clock, sent = Clock(), Sent()
    pacing = Pacing(overall=30, per_group=2, group_period_s=60, clock=clock, sleep=clock.sleep)
    for n in range(3):
        await send(pacing, sent, f"group {n}", "sendMessage", -100123)
    assert clock.now == pytest.approx(30)  # the third waited for the group's: 2 a minute
    waited = clock.now
    for n in range(3):
        await send(pacing, sent, f"private {n}", "sendMessage", 700000111)
    assert clock.now == waited
    await pacing.shutdown()


async def test_a_burst_goes_out_a_few_requests_at_a_time() -> None:
    clock, in_flight, most = Clock(), 0, 0

    async def call() -> bool:
        nonlocal in_flight, most
        in_flight += 1
        most = max(most, in_flight)
        await asyncio.sleep(0)  # (the answer comes back later than the request goes)
        in_flight -= 1
        return True

    pacing = Pacing(overall=30, at_once=4, clock=clock, sleep=clock.sleep)
    burst = [
        pacing.process_request(call, (), {}, "sendMessage", {"chat_id": n}, None)
        for n in range(1, 21)
    ]
    assert await asyncio.gather(*burst) == [True] * 20
    assert most == 4
    assert clock.now == 0  # within the budget: nothing waited for it
    await pacing.shutdown()


async def no_note(job_id: str, target: ReplyTarget) -> None:
    """(a status message's id kept with its job: not what these tests look at)"""


async def outbox_on(botapi: FakeBotApi, pacing: Pacing) -> tuple[ExtBot[int], TelegramOutbox]:
    bot: ExtBot[int] = ExtBot(TOKEN, base_url=f"{botapi.base_url}/bot", rate_limiter=pacing)
    await bot.initialize()
    for person in (ALICE, BOB, CAROL):
        botapi.started.add(person.id)  # each has a private chat with the bot
    return bot, TelegramOutbox(bot, note_status=no_note, consent_hours=24)


async def test_with_the_budget_spent_a_job_goes_on_and_its_status_shows_the_newest_line(
    botapi: FakeBotApi,
) -> None:
    clock = Clock()
    pacing = Pacing(overall=4, clock=clock, sleep=clock.sleep)
    bot, outbox = await outbox_on(botapi, pacing)
    alice = Where("telegram", str(ALICE.id), str(ALICE.id), private=True)
    target = ReplyTarget(str(ALICE.id), reply_to="1")
    await outbox.begin(alice, target)
    for other in (BOB, CAROL):  # others' answers spend the budget: one request left
        await bot.send_message(other.id, "Preparing…")

    await outbox.progress(alice, target, Progress("generating", job_id="j1"))
    await outbox.progress(alice, target, Progress("encoding", job_id="j1"))
    assert not botapi.of("editMessageText")  # neither held the job up

    edit = await botapi.edited.get()  # once there was room: the newest line only
    assert edit.params["text"] == progress_text(Progress("encoding"), "en")
    await outbox.post(alice, target, VoiceClip(b"OggS", 1.0, b"", job_id="j1"))
    assert len(botapi.of("editMessageText")) == 1
    assert [c.method for c in botapi.calls[-2:]] == ["sendVoice", "deleteMessage"]
    await bot.shutdown()
    await pacing.shutdown()


async def test_a_status_edit_still_waiting_when_the_voice_is_ready_is_never_sent(
    botapi: FakeBotApi,
) -> None:
    clock = Clock()
    pacing = Pacing(overall=3, clock=clock, sleep=clock.sleep)
    bot, outbox = await outbox_on(botapi, pacing)
    alice = Where("telegram", str(ALICE.id), str(ALICE.id), private=True)
    target = ReplyTarget(str(ALICE.id), reply_to="1")
    await outbox.begin(alice, target)
    for other in (BOB, CAROL):  # the budget spent
        await bot.send_message(other.id, "Preparing…")

    await outbox.progress(alice, target, Progress("generating", job_id="j1"))
    await outbox.post(alice, target, VoiceClip(b"OggS", 1.0, b"", job_id="j1"))
    assert not botapi.of("editMessageText")  # the status goes: no edit of it is owed
    assert [c.method for c in botapi.calls[-2:]] == ["sendVoice", "deleteMessage"]
    await bot.shutdown()
    await pacing.shutdown()


async def test_a_status_line_shows_once_it_lasts_and_one_overtaken_by_the_voice_never_does(
    botapi: FakeBotApi,
) -> None:
    pacing = Pacing()  # budget to spare: only the settling holds an edit back
    bot, outbox = await outbox_on(botapi, pacing)
    outbox = TelegramOutbox(bot, note_status=no_note, consent_hours=24, settle_s=0.2)
    alice = Where("telegram", str(ALICE.id), str(ALICE.id), private=True)
    target = ReplyTarget(str(ALICE.id), reply_to="1")
    await outbox.begin(alice, target)
    await asyncio.wait_for(botapi.sent.get(), 10)  # the status message is out

    await outbox.progress(alice, target, Progress("generating", job_id="j1"))
    edit = await asyncio.wait_for(botapi.edited.get(), 10)  # it lasted: shown, with its ✖
    assert edit.params["text"] == progress_text(Progress("generating"), "en")
    assert "reply_markup" in edit.params
    await outbox.progress(alice, target, Progress("encoding", job_id="j1"))
    await outbox.post(alice, target, VoiceClip(b"OggS", 1.0, b"", job_id="j1"))

    assert len(botapi.of("editMessageText")) == 1  # "encoding" was over before it showed
    assert [c.method for c in botapi.calls[-2:]] == ["sendVoice", "deleteMessage"]
    await bot.shutdown()
    await pacing.shutdown()
