"""The self-check: each output is transcribed and compared with the text asked for."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.app import open_core
from core.domain import Sampling, Voice, Where
from core.pace import Pace
from core.settings import Settings
from core.text import error_rate
from tests.conftest import Clips, Sleeps
from tests.fakes.ai302 import Fake302, Fault, tone_wav


@pytest.mark.parametrize(
    ("expected", "heard", "rate"),
    [
        ("Hello there, friend!", "hello there friend", 0.0),
        ("Hello there, friend!", "hello friend", 1 / 3),
        ("Hello there, friend!", "", 1.0),
        ("你好，世界。", "你好世界", 0.0),
        ("你好，世界。", "你好", 0.5),
    ],
)
def test_error_rate_ignores_case_and_punctuation(expected: str, heard: str, rate: float) -> None:
    assert error_rate(expected, heard) == pytest.approx(rate)


async def test_a_take_far_from_the_text_is_made_again_and_the_closer_kept(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    settings = higgs_settings.model_copy(update={"self_check": True})
    fake302.behaviour.heard.extend(["completely different words", "hello there friend"])
    takes = iter([tone_wav(1.0), tone_wav(3.0)])  # first take 1 s, second take 3 s
    async with open_core(settings, sleep=sleeps) as speech:
        await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
        fake302.behaviour.audio_per_task = lambda: next(takes)
        clip = await speech.speaking.say(alice, "bob", "Hello there, friend!")
        job = await speech.jobs.get(alice, clip.job_id)
    assert len(fake302.calls("clone_create")) == 2
    assert 2.9 < clip.seconds < 3.1  # the second, closer take
    assert job.wer == 0.0
    checked = fake302.calls("transcribe")
    assert len(checked) == 2 and all(c.files["file"][:4] == b"RIFF" for c in checked)
    assert [c.form["language"] for c in checked] == ["en", "en"]  # heard as the text's language


@pytest.mark.fault(
    "upstream: transcription down during the self-check", "the voice is delivered unchecked"
)
async def test_a_close_take_is_kept_and_a_failed_check_never_fails_the_voice(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    settings = higgs_settings.model_copy(update={"self_check": True})
    async with open_core(settings, sleep=sleeps) as speech:
        await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
        fake302.behaviour.heard.append("hello there friend")
        first = await speech.speaking.say(alice, "bob", "Hello there, friend!")
        fake302.fail("transcribe", Fault(503))
        second = await speech.speaking.say(alice, "bob", "Hello there, friend!")
        jobs = [await speech.jobs.get(alice, c.job_id) for c in (first, second)]
    assert len(fake302.calls("clone_create")) == 2  # one take each
    assert [j.wer for j in jobs] == [0.0, None]  # the second could not be checked


SENTENCE = "The quick brown fox jumps over the lazy dog by the quiet river bank."
HEARD = "the quick brown fox jumps over the lazy dog by the quiet river bank"


async def test_a_take_whose_length_fits_its_text_is_sent_unheard(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    settings = higgs_settings.model_copy(update={"self_check": True})
    fake302.behaviour.audio = tone_wav(5.0)  # about what the sentence takes to say
    fake302.behaviour.heard.append("wrong words the check would have caught")
    async with open_core(settings, sleep=sleeps) as speech:
        await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
        clip = await speech.speaking.say(alice, "bob", SENTENCE)
        job = await speech.jobs.get(alice, clip.job_id)
    assert fake302.calls("transcribe") == []  # no round trip to the transcriber
    assert len(fake302.calls("clone_create")) == 1
    assert 4.9 < clip.seconds < 5.1 and job.wer is None  # judged by its length only


@pytest.mark.parametrize(
    ("first_s", "first_heard"),
    [
        (1.5, "the quick brown fox"),  # the model stopped short
        (12.0, HEARD + " and then it went on and on and on about the weather"),  # babbled on
    ],
    ids=["truncated", "hallucinated"],
)
async def test_a_take_whose_length_is_off_is_heard_and_made_again(
    higgs_settings: Settings,
    alice: Where,
    clips: Clips,
    fake302: Fake302,
    sleeps: Sleeps,
    first_s: float,
    first_heard: str,
) -> None:
    settings = higgs_settings.model_copy(update={"self_check": True})
    fake302.behaviour.heard.extend([first_heard, HEARD])
    takes = iter([tone_wav(first_s), tone_wav(5.0)])
    async with open_core(settings, sleep=sleeps) as speech:
        await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
        fake302.behaviour.audio_per_task = lambda: next(takes)
        clip = await speech.speaking.say(alice, "bob", SENTENCE)
        job = await speech.jobs.get(alice, clip.job_id)
    assert len(fake302.calls("transcribe")) == 2  # the doubtful take, then the new one
    assert len(fake302.calls("clone_create")) == 2
    assert 4.9 < clip.seconds < 5.1 and job.wer == 0.0  # the second, closer take


async def test_a_doubtful_take_heard_right_is_kept_without_another(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    settings = higgs_settings.model_copy(update={"self_check": True})
    fake302.behaviour.audio = tone_wav(9.0)  # long for the sentence: a slow reading, heard
    fake302.behaviour.heard.append(HEARD)
    async with open_core(settings, sleep=sleeps) as speech:
        await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
        clip = await speech.speaking.say(alice, "bob", SENTENCE)
        job = await speech.jobs.get(alice, clip.job_id)
    assert len(fake302.calls("transcribe")) == 1
    assert len(fake302.calls("clone_create")) == 1
    assert job.wer == 0.0


@pytest.mark.parametrize(
    ("text", "seconds", "verdict"),
    [
        (SENTENCE, 5.0, "plausible"),
        (SENTENCE, 3.0, "too short"),
        (SENTENCE, 7.5, "too long"),
        ("Hello there, friend!", 1.6, "short text"),  # a few words: always heard
        ("今天天气很好，我们一起去公园散步吧。", 4.0, "plausible"),  # 16 characters
        ("今天天气很好，我们一起去公园散步吧。", 1.5, "too short"),
    ],
)
def test_a_takes_length_is_judged_against_its_text(
    text: str, seconds: float, verdict: str
) -> None:
    assert Pace().judge(text, seconds).verdict == verdict


def test_a_voice_that_speaks_fast_expects_shorter_takes(tmp_path: Path) -> None:
    def voice(seconds: float) -> Voice:
        return Voice(
            id="v",
            name="v",
            owner_id="alice",
            scope="group-1",
            ref_path=tmp_path / "v.wav",
            seconds=seconds,
            transcript=SENTENCE,  # 54 letters: 4.5 s at the usual pace
            hosted_url=None,
            sampling=Sampling(),
            created_at=datetime.now(UTC),
        )

    usual = Pace().expected_s(SENTENCE)
    assert Pace.of(voice(4.0)).expected_s(SENTENCE) < 0.9 * usual  # said in 3.7 s: fast
    assert Pace.of(voice(2.0)).expected_s(SENTENCE) == usual  # too fast to be its words
    assert Pace.of(voice(20.0)).expected_s(SENTENCE) == usual  # a transcript of part of it
