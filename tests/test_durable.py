"""Durable jobs: a restart resumes what was cut off, creates nothing twice, sends nothing twice."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable
from typing import Any

import pytest

from core.app import Core, open_core
from core.domain import Progress, Voice, VoiceClip, Where
from core.errors import AlreadyRequested, VoicebotError, VoiceGone
from core.outbox import Reply, ReplyTarget
from core.settings import Settings
from tests.conftest import Clips, Sleeps, Watch, watched
from tests.fakes.ai302 import Fake302
from tests.postgres import execute, on_both_databases, query

pytestmark = on_both_databases

ANN = Where("telegram", "-100", "7001", locale="zh-CN", user_name="Ann")
CHAT = ReplyTarget(chat_id="-100", reply_to="5")


class Mailbox:
    """An outbox that keeps what it was given and says when `expected` outcomes arrived."""

    def __init__(self, expected: int) -> None:
        self.delivered: list[tuple[ReplyTarget, Where, VoiceClip | VoicebotError]] = []
        self._expected = expected
        self.full = asyncio.Event()

    async def progress(self, where: Where, target: ReplyTarget, progress: Progress) -> None:
        pass

    async def post(self, where: Where, target: ReplyTarget, clip: VoiceClip) -> None:
        self._keep(target, where, clip)

    async def fail(self, where: Where, target: ReplyTarget, error: VoicebotError) -> None:
        self._keep(target, where, error)

    async def ask_consent(self, where: Where, source: ReplyTarget, voice: Voice) -> bool:
        return True

    def _keep(self, target: ReplyTarget, where: Where, outcome: VoiceClip | VoicebotError) -> None:
        self.delivered.append((target, where, outcome))
        if len(self.delivered) >= self._expected:
            self.full.set()


def durably(on_progress: Any = None) -> Reply:
    """A reply to CHAT, stored with its job."""
    return Watch(on_progress).reply(CHAT)


async def cut_off(job: Awaitable[Any], reached: asyncio.Event) -> None:
    """Run `job` until `reached`, then stop it dead, as a killed process would."""
    task = asyncio.ensure_future(job)
    await reached.wait()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


def stage_seen(stage: str) -> tuple[asyncio.Event, Any]:
    seen = asyncio.Event()

    async def on_progress(progress: Progress) -> None:
        if progress.stage == stage:
            seen.set()

    return seen, on_progress


async def restart(settings: Settings, sleeps: Sleeps, expected: int) -> Mailbox:
    mailbox = Mailbox(expected)
    async with open_core(settings, sleep=sleeps) as speech:
        assert await speech.delivery.resume("telegram", mailbox) == expected
        await mailbox.full.wait()
    return mailbox


async def test_a_job_cut_off_mid_generation_resumes_its_task_and_is_delivered_once(
    higgs_settings: Settings, fake302: Fake302, sleeps: Sleeps, clips: Clips
) -> None:
    fake302.gate = asyncio.Event()  # the task runs on and on
    async with open_core(higgs_settings, sleep=sleeps) as speech:
        await speech.voices.register(ANN, "ann", clips.wav, transcript="words")
        generating, on_progress = stage_seen("generating")
        await cut_off(
            speech.speaking.say(ANN, "ann", "Hello there.", reply=durably(on_progress)), generating
        )
    fake302.gate.set()

    mailbox = await restart(higgs_settings, sleeps, expected=1)

    ((target, where, outcome),) = mailbox.delivered
    assert target == CHAT and (where.user_name, where.locale) == ("Ann", "zh-CN")
    assert isinstance(outcome, VoiceClip) and outcome.seconds > 1 and outcome.voice_name == "ann"
    assert len(fake302.calls("clone_create")) == 1  # waited for again, not made again
    async with open_core(higgs_settings, sleep=sleeps) as speech:
        assert await speech.delivery.resume("telegram", Mailbox(0)) == 0  # delivered: never again


async def test_a_job_that_never_reached_the_service_is_submitted_once_after_a_restart(
    higgs_settings: Settings, fake302: Fake302, sleeps: Sleeps, clips: Clips
) -> None:
    one_at_a_time = higgs_settings.model_copy(update={"max_concurrent_jobs": 1})
    fake302.gate = asyncio.Event()
    async with open_core(one_at_a_time, sleep=sleeps) as speech:
        await speech.voices.register(ANN, "ann", clips.wav, transcript="words")
        generating, first_progress = stage_seen("generating")
        queued, second_progress = stage_seen("queued")
        first = asyncio.ensure_future(
            speech.speaking.say(ANN, "ann", "First.", reply=durably(first_progress))
        )
        await generating.wait()
        await cut_off(
            speech.speaking.say(ANN, "ann", "Second.", reply=durably(second_progress)), queued
        )
        await cut_off(first, generating)
    assert len(fake302.calls("clone_create")) == 1
    fake302.gate.set()

    mailbox = await restart(one_at_a_time, sleeps, expected=2)

    assert all(isinstance(outcome, VoiceClip) for _, _, outcome in mailbox.delivered)
    created = [call.json["input_text"] for call in fake302.calls("clone_create")]
    assert sorted(created) == ["First.", "Second."]


@pytest.mark.fault(
    "process: killed while sending a result", "never sent twice; an unsent result is"
)
async def test_a_result_whose_sending_began_is_not_sent_again(
    speech: Core, higgs_settings: Settings, fake302: Fake302, sleeps: Sleeps, clips: Clips
) -> None:
    await speech.voices.register(ANN, "ann", clips.wav, transcript="words")
    unsent = await speech.speaking.say(ANN, "ann", "Made, then the process died.", reply=durably())
    assert unsent is not None
    await execute(higgs_settings.db_url, "UPDATE jobs SET delivery = NULL")  # died before sending
    sending = asyncio.Event()

    class Silent(Mailbox):
        async def post(self, where: Where, target: ReplyTarget, clip: VoiceClip) -> None:
            sending.set()
            await asyncio.Event().wait()  # the chat never answers: then the process dies

    await cut_off(
        speech.speaking.say(ANN, "ann", "Died while sending.", reply=Reply(Silent(0), CHAT)),
        sending,
    )
    await speech.delivery.aclose()
    creates = len(fake302.calls("clone_create"))

    mailbox = await restart(higgs_settings, sleeps, expected=1)

    ((_, _, outcome),) = mailbox.delivered
    assert isinstance(outcome, VoiceClip) and outcome.job_id == unsent.job_id
    assert len(fake302.calls("clone_create")) == creates  # its finished task, fetched again


@pytest.mark.fault(
    "process: voice deleted while the bot was down", "a clear message to the requester"
)
async def test_a_job_that_cannot_finish_after_a_restart_ends_with_a_clear_message(
    higgs_settings: Settings, fake302: Fake302, sleeps: Sleeps, clips: Clips
) -> None:
    fake302.gate = asyncio.Event()
    async with open_core(higgs_settings, sleep=sleeps) as speech:
        voice = await speech.voices.register(ANN, "ann", clips.wav, transcript="words")
        generating, on_progress = stage_seen("generating")
        await cut_off(
            speech.speaking.say(ANN, "ann", "Hello.", reply=durably(on_progress)), generating
        )
        await speech.voices.delete(ANN, voice)  # deleted while the bot was down
    fake302.gate.set()

    mailbox = await restart(higgs_settings, sleeps, expected=1)

    ((_, where, outcome),) = mailbox.delivered
    assert isinstance(outcome, VoiceGone) and where.locale == "zh-CN"
    async with open_core(higgs_settings, sleep=sleeps) as speech:
        assert await speech.delivery.resume("telegram", Mailbox(0)) == 0


async def test_a_job_with_nowhere_to_deliver_is_closed_at_start_up(
    higgs_settings: Settings, fake302: Fake302, sleeps: Sleeps, clips: Clips, db_url: str
) -> None:
    fake302.gate = asyncio.Event()
    console = Where("console", "local", "me", private=True)
    async with open_core(higgs_settings, sleep=sleeps) as speech:
        await speech.voices.register(console, "me", clips.wav, transcript="words")
        generating, on_progress = stage_seen("generating")
        await cut_off(
            speech.speaking.say(
                console, "me", "No one will be there.", reply=Watch(on_progress).reply()
            ),
            generating,
        )
    fake302.gate.set()
    async with open_core(higgs_settings, sleep=sleeps) as speech:
        assert await speech.delivery.resume("console", Mailbox(0)) == 0
        assert await query(db_url, "SELECT state, error, target FROM jobs") == [
            ("failed", "interrupted", None)
        ]


async def test_a_voice_revoked_while_a_job_waits_in_line_is_not_spoken(
    higgs_settings: Settings, fake302: Fake302, sleeps: Sleeps, clips: Clips
) -> None:
    one_at_a_time = higgs_settings.model_copy(update={"max_concurrent_jobs": 1})
    bob = Where("telegram", "-100", "7002", user_name="Bob")
    async with open_core(one_at_a_time, sleep=sleeps) as speech:
        await speech.voices.register(ANN, "ann", clips.wav, transcript="words")
        bobs = await speech.voices.register(
            ANN, "bob", clips.wav, transcript="words", speaker=bob.person
        )
        await speech.consent.approve(bob, bobs.id)
        await speech.speaking.say(ANN, "bob", "Said while Bob agreed.")
        fake302.gate = asyncio.Event()  # from now on the service holds every task
        generating, on_progress = stage_seen("generating")
        first = asyncio.ensure_future(
            watched(
                lambda reply: speech.speaking.say(ANN, "ann", "First.", reply=reply), on_progress
            )
        )
        await generating.wait()
        queued, in_line = stage_seen("queued")
        waiting = asyncio.ensure_future(
            watched(
                lambda reply: speech.speaking.say(ANN, "bob", "Not any more.", reply=reply),
                in_line,
            )
        )
        await queued.wait()
        await speech.consent.revoke(bob, bobs.id)
        fake302.gate.set()
        await first
        with pytest.raises(VoiceGone):
            await waiting
    spoken = [c.json["input_text"] for c in fake302.calls("clone_create")]
    assert "Not any more." not in spoken and "Said while Bob agreed." in spoken


async def test_a_result_is_claimed_for_sending_once(speech: Core, clips: Clips) -> None:
    await speech.voices.register(ANN, "ann", clips.wav, transcript="words")
    clip = await speech.speaking.say(ANN, "ann", "Once.")
    assert clip is not None
    async with speech.delivery.delivering(clip.job_id):
        with pytest.raises(AlreadyRequested):  # say, a resume racing a live handler
            async with speech.delivery.delivering(clip.job_id):
                pytest.fail("sent twice")
