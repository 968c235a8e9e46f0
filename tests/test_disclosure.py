"""Disclosure that travels with the file: every voice message says in its own tags that it is
synthetic speech and what made it, and its Opus header says 48 kHz however it was made."""

from __future__ import annotations

import json
import subprocess

import pytest

from core.app import open_core
from core.domain import VoiceClip, Where
from core.settings import Settings
from tests.conftest import Clips, Sleeps
from tests.fakes.ai302 import Fake302, tone_wav


def opus_head_rate(ogg: bytes) -> int:
    """The input sample rate the file's OpusHead packet states (bytes 12–15, little-endian),
    read from the bytes themselves: ffprobe reports 48000 for every Opus stream whatever."""
    head = ogg.find(b"OpusHead")
    assert head > 0
    return int.from_bytes(ogg[head + 12 : head + 16], "little")


def tags(ogg: bytes) -> dict[str, str]:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_streams", "-of", "json", "-"],
        input=ogg,
        capture_output=True,
        check=True,
    ).stdout
    found: dict[str, str] = json.loads(out)["streams"][0].get("tags", {})
    return found


async def spoken(settings: Settings, sleeps: Sleeps, clips: Clips) -> VoiceClip:
    alice = Where("telegram", "group-1", "alice")
    async with open_core(settings, sleep=sleeps) as core:
        await core.voices.register(alice, "grandpa", clips.ogg, transcript="words")
        clip = await core.speaking.say(alice, "grandpa", "Happy birthday.")
    assert clip is not None
    return clip


@pytest.mark.parametrize("seconds", [2.0, 25.0], ids=["one message", "several messages"])
async def test_every_voice_message_says_what_made_it_and_48_khz(
    higgs_settings: Settings, fake302: Fake302, sleeps: Sleeps, clips: Clips, seconds: float
) -> None:
    fake302.behaviour.audio = tone_wav(seconds)  # Higgs' own rate: 24 kHz
    settings = higgs_settings.model_copy(update={"max_voice_seconds": 10})
    clip = await spoken(settings, sleeps, clips)
    assert len(clip.messages) == (1 if seconds < 10 else 3)
    for part in clip.messages:
        assert opus_head_rate(part.ogg) == 48_000
        said = tags(part.ogg)
        assert said["SYNTHETIC_SPEECH"] == "made by voicebot with Higgs Audio v2; voice: grandpa"
        assert said["comment"].startswith("synthetic speech: ")
