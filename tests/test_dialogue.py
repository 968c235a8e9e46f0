"""Dialogues: two speakers in one task (the model's format), more turn by turn, in order."""

from __future__ import annotations

import subprocess

import pytest

from core.app import Core
from core.audio import speech_spans
from core.dialogue import parse_script
from core.domain import Where
from core.errors import ScriptLineError
from core.messages import error_text
from tests.conftest import Clips
from tests.fakes.ai302 import Fake302, Fault


def pcm_of(ogg: bytes) -> bytes:
    return subprocess.run(
        ["ffmpeg", "-v", "error", "-i", "-", "-ac", "1", "-ar", "24000", "-f", "s16le", "-"],
        input=ogg,
        capture_output=True,
        check=True,
    ).stdout


def test_a_script_is_read_line_by_line_in_either_language() -> None:
    turns = parse_script('alice: Hi Bob!\n\n"a grumpy old man": What now?\n爷爷：你好。\n')
    assert [(t.line, t.speaker, t.described, t.text) for t in turns] == [
        (1, "alice", False, "Hi Bob!"),
        (3, "a grumpy old man", True, "What now?"),
        (4, "爷爷", False, "你好。"),
    ]
    with pytest.raises(ScriptLineError) as caught:
        parse_script("alice: Hi\nthis line has no speaker\n")
    assert error_text(caught.value) == (
        'Line 2: write each line as NAME: text, or "description": text.'
    )
    assert error_text(caught.value, "zh").startswith("第 2 行：")


async def register(speech: Core, where: Where, clips: Clips, *names: str) -> None:
    for name in names:
        await speech.voices.register(where, name, clips.ogg, transcript=f"I am {name}.")


async def test_two_stored_voices_speak_in_one_task(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register(speech, alice, clips, "alice", "bob")
    voices = {v.name: v for v in await speech.voices.usable(alice)}
    clip = await speech.speaking.dialogue(
        alice, "Bob: Hi Alice, it is 5 o'clock!\nalice: Hello Bob.\nbob: Time for tea."
    )
    (create,) = fake302.calls("clone_create")
    assert create.json["input_text"] == (
        "[SPEAKER0] Hi Alice, it is five o'clock!\n[SPEAKER1] Hello Bob.\n[SPEAKER0] Time for tea."
    )
    assert create.json["ref_audio_links"] == [voices["bob"].hosted_url, voices["alice"].hosted_url]
    assert create.json["ref_audio_text"] == ["I am bob.", "I am alice."]
    assert clip.seconds > 1


async def test_two_described_voices_speak_in_one_smart_task(
    speech: Core, alice: Where, fake302: Fake302
) -> None:
    await speech.speaking.dialogue(
        alice,
        '"a cheerful young woman": Good morning!\n'
        '"a sleepy old man": Is it?\n'
        '"a cheerful young woman": It is.',
    )
    body = fake302.calls("smart_create")[0].json
    assert body["is_multi_speaker"] is True
    assert body["input_text"] == "[SPEAKER0] Good morning!\n[SPEAKER1] Is it?\n[SPEAKER0] It is."
    assert "SPEAKER0: a cheerful young woman\nSPEAKER1: a sleepy old man" in body["system_prompt"]


async def test_four_speakers_go_turn_by_turn_and_join_in_script_order(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register(speech, alice, clips, "ann", "ben", "cat")
    script = 'ann: One.\nben: Two two.\ncat: Three three three.\n"a robot": Four.'
    seconds = {"One.": 0.6, "Two two.": 1.2, "Three three three.": 1.8, "Four.": 0.9}
    fake302.behaviour.tone_seconds = seconds.__getitem__
    clip = await speech.speaking.dialogue(alice, script)
    assert sorted(c.json["input_text"] for c in fake302.calls("clone_create")) == sorted(
        ["One.", "Two two.", "Three three three."]
    )
    assert fake302.calls("smart_create")[0].json["input_text"] == "Four."
    heard = [round((end - start) / 1000, 1) for start, end in speech_spans(pcm_of(clip.ogg))]
    assert heard == pytest.approx([0.6, 1.2, 1.8, 0.9], abs=0.15)


async def test_a_wrong_line_is_named_and_nothing_is_generated(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register(speech, alice, clips, "alice", "bob")
    with pytest.raises(ScriptLineError) as caught:
        await speech.speaking.dialogue(alice, "alice: Hi.\nbob: Hello.\nbobb: Who am I?")
    assert error_text(caught.value) == (
        "Line 3: I don't know a voice called “bobb” here. Did you mean: bob?"
    )
    with pytest.raises(ScriptLineError) as caught:
        await speech.speaking.dialogue(alice, "alice: Hi.\nbob: ?!")
    assert error_text(caught.value).startswith("Line 2: Tell me what to say")
    assert not fake302.calls("clone_create")


async def test_a_dialogue_whose_reference_cannot_be_fetched_rehosts_and_tries_once_more(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register(speech, alice, clips, "alice", "bob")
    fake302.fail("clone_create", Fault.error(400, -10600, "ref audio could not be decoded"))
    clip = await speech.speaking.dialogue(alice, "alice: Hi.\nbob: Hello.")
    assert clip.seconds > 1
    assert len(fake302.calls("upload")) == 4  # two at registration, both again
    first, second = fake302.calls("clone_create")
    assert first.json["ref_audio_links"] != second.json["ref_audio_links"]
