"""Designed voices (kept as voices), another take, steadier/livelier, per-voice defaults."""

from __future__ import annotations

import pytest

from core.app import Core
from core.domain import Sampling, Where
from core.errors import NoDescription, NotYourVoice, TakeGone
from tests.conftest import Clips
from tests.fakes.ai302 import Fake302, tone_wav

SCENE = (
    "Generate audio following instruction.\n<|scene_desc_start|>\n"
    "warm elderly man, slow, slight British accent, quiet room\n<|scene_desc_end|>"
)


async def test_a_designed_voice_goes_to_smart_generation_and_can_be_kept(
    speech: Core, alice: Where, fake302: Fake302
) -> None:
    fake302.behaviour.audio = tone_wav(5.0)  # long enough to become a reference
    clip = await speech.speaking.design(
        alice,
        " warm elderly man, slow, slight British accent, quiet room ",
        "Good evening, everyone.",
    )
    body = fake302.calls("smart_create")[0].json
    assert body == {
        "input_text": "Good evening, everyone.",
        "is_multi_speaker": False,
        "system_prompt": SCENE,
    }
    assert clip.description and clip.seconds > 4

    voice = await speech.voices.keep(alice, clip.job_id, "grandpa")
    assert (voice.name, voice.transcript) == ("grandpa", "Good evening, everyone.")
    assert not fake302.calls("transcribe")  # the transcript is exactly what was spoken
    await speech.speaking.say(alice, "grandpa", "Hello again.")
    clone = fake302.calls("clone_create")[0].json
    assert clone["ref_audio_text"] == ["Good evening, everyone."]
    assert clone["ref_audio_links"] == [voice.hosted_url]


async def test_only_a_designed_take_of_this_chat_can_be_kept(
    speech: Core, alice: Where, clips: Clips
) -> None:
    await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
    spoken = await speech.speaking.say(alice, "bob", "Hello")
    with pytest.raises(TakeGone):
        await speech.voices.keep(alice, spoken.job_id, "copy")  # not a designed voice
    designed = await speech.speaking.design(alice, "a cheerful child", "Hi there!")
    with pytest.raises(TakeGone):
        await speech.voices.keep(Where("telegram", "elsewhere", "eve"), designed.job_id, "stolen")
    with pytest.raises(TakeGone):
        await speech.voices.keep(alice, "0" * 32, "nothing")
    with pytest.raises(NoDescription):
        await speech.speaking.design(alice, "  ", "text")


async def test_another_take_repeats_the_request_and_steadier_livelier_move_temperature(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
    first = await speech.speaking.say(alice, "bob", "Hello there", sampling=Sampling(top_k=30))
    again = await speech.speaking.retake(alice, first.job_id)
    steadier = await speech.speaking.retake(alice, again.job_id, "steadier")
    livelier = await speech.speaking.retake(alice, first.job_id, "livelier")
    await speech.speaking.retake(alice, steadier.job_id, "steadier")
    bodies = [c.json for c in fake302.calls("clone_create")]
    assert [b["input_text"] for b in bodies] == ["Hello there"] * 5
    assert [b.get("temperature") for b in bodies] == [None, None, 0.7, 1.3, 0.4]
    assert all(b["top_k"] == 30 for b in bodies)
    assert livelier.job_id != first.job_id
    designed = await speech.speaking.design(alice, "a robot", "Beep.")
    await speech.speaking.retake(alice, designed.job_id, "livelier")
    smart = fake302.calls("smart_create")[-1].json
    assert smart["temperature"] == 1.3 and "a robot" in smart["system_prompt"]
    with pytest.raises(TakeGone):
        await speech.speaking.retake(Where("telegram", "elsewhere", "eve"), first.job_id)


async def test_a_voice_keeps_its_own_sampling_defaults(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
    await speech.voices.tune(alice, "bob", Sampling(temperature=0.6, top_p=0.8))
    await speech.speaking.say(alice, "bob", "One")
    await speech.speaking.say(alice, "bob", "Two", sampling=Sampling(temperature=1.2))
    bodies = [c.json for c in fake302.calls("clone_create")]
    assert [(b.get("temperature"), b.get("top_p")) for b in bodies] == [(0.6, 0.8), (1.2, 0.8)]
    with pytest.raises(NotYourVoice):
        await speech.voices.tune(Where("telegram", "group-1", "mallory"), "bob", Sampling())
