"""Consent and safety, tried as a hostile user would, through the real Telegram bot against the
fakes: nothing of a pending voice leaves, a design is its designer's to keep, odd text and
names do no harm, registering has limits, and /forgetme leaves nothing behind."""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
from pathlib import Path

import pytest

from core.app import Core, open_core
from core.domain import Where
from core.errors import TakeGone
from core.settings import Settings
from tests.conftest import Clips, Sleeps, traces_of, watched
from tests.fakes.ai302 import Fake302, tone_wav
from tests.fakes.telegram import Chat, FakeBotApi
from tests.telegram_chat import ALICE, BOB, CAROL, GROUP, Telegram, telegram_chat

MEETING = Chat(-100789, "supergroup", "Meeting")  # a group of its own, for each rate-limited test


async def test_nothing_of_a_pending_voice_leaves_the_bot_before_its_speaker_agrees(
    tg: Telegram, fake302: Fake302, clips: Clips
) -> None:
    note = tg.api.voice_note(GROUP, BOB, clips.ogg)
    await tg.send(tg.api.command(GROUP, ALICE, "/clone bobby", reply_to=note))
    request = tg.sent_to(GROUP)[-1]
    assert request.params["text"].startswith('<a href="tg://user?id=')
    assert not fake302.calls("transcribe") and not fake302.calls("upload")  # nothing sent out

    await tg.press(BOB, tg.api.sent_message(request), tg.buttons(request)[0])  # ✅ approve
    assert not fake302.calls("upload")  # not even then: only when it is first used
    await tg.send(tg.api.command(GROUP, ALICE, "/say bobby Hello there."))
    assert tg.replies("sendVoice")
    assert len(fake302.calls("transcribe")) == 1 and len(fake302.calls("upload")) == 1


async def test_only_the_person_who_designed_a_voice_can_keep_it(
    tg: Telegram, fake302: Fake302
) -> None:
    fake302.behaviour.audio = tone_wav(5.0)  # long enough to keep
    await tg.send(tg.api.command(GROUP, ALICE, "/design a calm old sailor | Good evening."))
    designed = tg.replies("sendVoice")[-1]
    await tg.send(
        tg.api.command(GROUP, CAROL, "/keep sailor", reply_to=tg.api.sent_message(designed))
    )
    assert tg.last_text() == "Only the person who designed this voice can keep it."
    await tg.send(
        tg.api.command(GROUP, ALICE, "/keep sailor", reply_to=tg.api.sent_message(designed))
    )
    assert tg.last_text().startswith("Saved voice “sailor”")


@pytest.mark.fault(
    "input: a 29-digit amount, a 400-digit number",
    "spoken, the digits as written; no text in the log",
)
async def test_numbers_too_long_for_words_are_read_as_written_and_never_logged(
    tg: Telegram, fake302: Fake302, clips: Clips, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)  # what the bot logs as shipped (LOG_LEVEL=INFO)
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone bob | The quick brown fox.")
    huge = "9" * 400
    await tg.send(tg.api.command(GROUP, ALICE, f"/say bob I owe ${'1' * 29} and {huge} thanks."))
    assert tg.replies("sendVoice")
    spoken = "".join(call.json["input_text"] for call in fake302.calls("clone_create"))
    assert huge in spoken.replace(" ", "") and "thanks" in spoken  # (in parts of 300)
    assert "99999999" not in caplog.text and "Something went wrong" not in tg.last_text()


@pytest.mark.parametrize("mark", ["\u034f", "\u180b", "\ufe0f", "\u200d"])
async def test_a_name_with_an_invisible_mark_is_refused(
    tg: Telegram, clips: Clips, mark: str
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice | The quick brown fox.")
    await tg.clone(GROUP, BOB, clips.ogg, f"/clone alice{mark} | The quick brown fox.")
    assert "cannot be a voice name" in tg.last_text()
    await tg.clone(GROUP, BOB, clips.ogg, "/clone \u3164alice | The quick brown fox.")
    assert "cannot be a voice name" in tg.last_text()


async def test_control_bidi_and_zero_width_characters_never_reach_the_model(
    tg: Telegram, fake302: Fake302, clips: Clips
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone bob | The quick\u200b brown\u0000 fox.\u202e")
    await tg.send(tg.api.command(GROUP, ALICE, "/say bob Hello\u202e \u2066there\u2069\u0007!"))
    assert tg.replies("sendVoice")
    create = fake302.calls("clone_create")[-1].json
    assert create["input_text"] == "Hello there!"
    assert create["ref_audio_text"] == ["The quick brown fox."]


async def test_registering_voices_has_a_pace_and_a_limit(
    tg_settings: Settings, botapi: FakeBotApi, sleeps: Sleeps, clips: Clips
) -> None:
    paced = tg_settings.model_copy(update={"clones_per_hour": 2, "max_voices_per_chat": 3})
    async with telegram_chat(paced, botapi, sleeps) as tg:
        for name in ("one", "two"):
            await tg.clone(MEETING, ALICE, clips.ogg, f"/clone {name} | The quick brown fox.")
        await tg.clone(MEETING, ALICE, clips.ogg, "/clone three | The quick brown fox.")
        assert "Please try again in" in tg.last_text()
        await tg.clone(MEETING, BOB, clips.ogg, "/clone bobs | The quick brown fox.")
        await tg.clone(MEETING, CAROL, clips.ogg, "/clone carols | The quick brown fox.")
        assert tg.last_text().startswith("This chat holds 3 voices already")
        names = sorted(
            voice.name
            for voice in await tg.core.voices.usable(
                Where("telegram", str(MEETING.id), str(CAROL.id))
            )
        )
    assert names == ["bobs", "one", "two"]


def database_files(data_dir: Path) -> bytes:
    """Every byte of the SQLite database's files: the database, its write-ahead log, its
    shared-memory index."""
    return b"".join(
        path.read_bytes()
        for path in sorted(data_dir.iterdir())
        if path.name.startswith("voicebot.db")
    )


async def test_forgetting_leaves_no_word_of_it_in_the_database_files(
    tg: Telegram, tg_settings: Settings, fake302: Fake302, clips: Clips
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone zanzibarvoice | Quixotic jellyfish words.")
    await tg.send(tg.api.command(GROUP, ALICE, "/say zanzibarvoice Xylophonic marmalade."))
    await tg.send(tg.api.command(GROUP, ALICE, "/forgetme"))
    confirm = tg.sent_to(GROUP)[-1]
    await tg.press(ALICE, tg.api.sent_message(confirm), tg.buttons(confirm)[0])
    assert tg.last_text().startswith("Done. Deleted 1 voice,")
    raw = database_files(tg_settings.data_dir)
    for word in ("zanzibarvoice", "Quixotic", "Xylophonic", str(ALICE.id)):
        assert word.encode() not in raw, word
    assert traces_of(tg_settings.data_dir, str(ALICE.id)) == []


@pytest.mark.fault("process: /design running during /forgetme", "stopped; no take left")
async def test_a_design_running_while_its_designer_is_forgotten_leaves_no_take(
    higgs_settings: Settings, fake302: Fake302, sleeps: Sleeps
) -> None:
    alice = Where("telegram", "group-1", "alice")
    fake302.gate = asyncio.Event()  # the design's task runs on upstream
    async with open_core(higgs_settings, sleep=sleeps) as core:
        generating = asyncio.Event()

        async def seen(progress: object) -> None:
            if getattr(progress, "stage", "") == "generating":
                generating.set()

        design = asyncio.create_task(
            watched(
                lambda reply: core.speaking.design(
                    alice, "a calm old sailor", "Good evening.", reply=reply
                ),
                seen,
            )
        )
        await generating.wait()
        await core.consent.forget_me(alice)
        fake302.gate.set()
        with pytest.raises(TakeGone):
            await design
    assert list((higgs_settings.data_dir / "takes").iterdir()) == []
    assert traces_of(higgs_settings.data_dir, "alice") == []


async def test_clips_no_voice_holds_and_old_takes_are_swept(
    offline_speech: Core, tmp_path: Path, clips: Clips
) -> None:
    alice = Where("console", "local", "alice", private=True)
    kept = await offline_speech.voices.register(alice, "kept", clips.wav, transcript="words")
    voices, takes = tmp_path / "data" / "voices", tmp_path / "data" / "takes"
    orphan, take = voices / "cut-off.wav", takes / ("f" * 32)
    for path in (orphan, take):
        path.write_bytes(b"RIFF")
        os.utime(path, (0, 0))  # long ago
    assert await offline_speech.library.drop_orphan_clips(3600) == 1
    assert await offline_speech.library.drop_old_takes(3600) == 1
    assert [p.name for p in voices.iterdir()] == [kept.ref_path.name]
    assert list(takes.iterdir()) == []


async def test_taking_a_voice_back_says_what_happens_to_the_copy_the_service_holds(
    tg: Telegram, clips: Clips
) -> None:
    note = tg.api.voice_note(GROUP, BOB, clips.ogg)
    await tg.send(
        tg.api.command(GROUP, ALICE, "/clone bobby | The quick brown fox.", reply_to=note)
    )
    request = tg.sent_to(GROUP)[-1]
    await tg.press(BOB, tg.api.sent_message(request), tg.buttons(request)[0])  # approve
    await tg.send(tg.api.command(GROUP, ALICE, "/say bobby Hello there."))  # hosted now
    await tg.send(tg.api.command(Chat(BOB.id, "private"), BOB, "/myvoices"))
    listing = tg.sent_to(BOB)[-1]
    await tg.press(BOB, tg.api.sent_message(listing), tg.buttons(listing)[0])  # revoke
    assert tg.last_text() == (
        "“bobby” is deleted everywhere, with its clip. A copy uploaded to the speech service "
        "when it first spoke stays at an unlisted address nobody else was given: the service "
        "offers no way to delete it."
    )


async def test_a_name_that_only_looks_like_another_voices_is_refused(
    tg: Telegram, clips: Clips
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice | The quick brown fox.")
    await tg.clone(GROUP, BOB, clips.ogg, "/clone \u0430lice | The quick brown fox.")  # Cyrillic а
    assert tg.last_text().startswith("There is already a voice called “alice” here.")
    await tg.clone(GROUP, BOB, clips.ogg, "/clone a\u217cice | The quick brown fox.")  # ⅼ (50)
    assert tg.last_text().startswith("There is already a voice called “alice” here.")
    await tg.clone(GROUP, BOB, clips.ogg, "/clone alicia | The quick brown fox.")
    assert tg.last_text().startswith("Saved voice “alicia”")


@pytest.mark.fault("database: locked by another writer", "the status shows at once; then voiced")
async def test_the_status_shows_before_the_database_is_written(
    tg: Telegram, tg_settings: Settings, botapi: FakeBotApi, clips: Clips
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone bob | The quick brown fox.")
    while not botapi.sent.empty():  # what came before
        botapi.sent.get_nowait()
    locker = sqlite3.connect(tg_settings.data_dir / "voicebot.db", isolation_level=None)
    try:
        locker.execute("BEGIN IMMEDIATE")  # another writer holds the database
        saying = asyncio.create_task(tg.send(tg.api.command(GROUP, ALICE, "/say bob Hello.")))
        async with asyncio.timeout(120):  # only so that a broken build fails, not hangs
            while (call := await botapi.sent.get()).method != "sendMessage":
                pass
        assert call.params["text"] == "Preparing the voice…"
        assert not saying.done()  # still waiting for the database
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    await saying
    assert tg.replies("sendVoice")
