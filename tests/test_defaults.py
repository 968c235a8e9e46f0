"""Default voices, `say [VOICE] [TEXT]` parsing, samples, and voices found by id."""

from __future__ import annotations

import pytest

from core.app import Core
from core.domain import Where
from core.errors import NoVoiceGiven, VoiceGone, VoiceNotFound
from tests.conftest import Clips


async def add(speech: Core, where: Where, name: str, clips: Clips) -> None:
    await speech.voices.register(where, name, clips.wav, transcript="words")


async def test_say_reads_a_voice_name_first_then_falls_back_to_the_default(
    offline_speech: Core, alice: Where, clips: Clips
) -> None:
    await add(offline_speech, alice, "bob", clips)
    await add(offline_speech, alice, "nana", clips)
    voice, text = await offline_speech.voices.parse_say(alice, "Bob hello there")
    assert (voice.name, text) == ("bob", "hello there")
    with pytest.raises(VoiceNotFound):
        await offline_speech.voices.parse_say(alice, "Hello there")  # no default yet
    with pytest.raises(NoVoiceGiven):
        await offline_speech.voices.parse_say(alice, "", replied_text="Speak this")
    await offline_speech.voices.set_default(alice, "nana")
    voice, text = await offline_speech.voices.parse_say(alice, "  Hello there  ")
    assert (voice.name, text) == ("nana", "Hello there")
    voice, text = await offline_speech.voices.parse_say(alice, "", replied_text="Speak this")
    assert (voice.name, text) == ("nana", "Speak this")
    voice, text = await offline_speech.voices.parse_say(alice, "bob", replied_text="Speak this")
    assert (voice.name, text) == ("bob", "Speak this")


async def test_defaults_belong_to_each_chat_and_vanish_with_their_voice(
    offline_speech: Core, alice: Where, alice_dm: Where, clips: Clips
) -> None:
    await add(offline_speech, alice, "bob", clips)
    await offline_speech.voices.set_default(alice, "bob")
    other_group = Where("telegram", "group-2", "alice")
    assert (await offline_speech.library.default(alice)).name == "bob"  # type: ignore[union-attr]
    assert await offline_speech.library.default(other_group) is None
    assert await offline_speech.library.default(alice_dm) is None
    await offline_speech.voices.delete(alice, "bob")
    assert await offline_speech.library.default(alice) is None


async def test_a_button_finds_its_own_voice_even_when_names_clash(
    offline_speech: Core, alice: Where, alice_dm: Where, clips: Clips
) -> None:
    await add(offline_speech, alice, "bob", clips)  # the group's bob
    await add(offline_speech, alice_dm, "bob", clips)  # alice's personal bob
    group_bob, personal_bob = sorted(
        await offline_speech.voices.usable(alice), key=lambda v: v.personal
    )
    found = await offline_speech.library.get_by_id(alice, personal_bob.id)
    await offline_speech.voices.delete(alice, found)
    assert [v.id for v in await offline_speech.voices.usable(alice)] == [group_bob.id]
    with pytest.raises(VoiceGone):
        await offline_speech.library.get_by_id(alice, personal_bob.id)
    with pytest.raises(VoiceGone):  # not usable from another group
        await offline_speech.library.get_by_id(Where("telegram", "group-2", "eve"), group_bob.id)


async def test_a_sample_is_the_reference_clip_as_a_voice_message(
    offline_speech: Core, alice: Where, clips: Clips
) -> None:
    await add(offline_speech, alice, "bob", clips)
    (voice,) = await offline_speech.voices.usable(alice)
    sample = await offline_speech.voices.sample(alice, "bob")
    assert sample.ogg[:4] == b"OggS" and abs(sample.seconds - voice.seconds) < 0.1
