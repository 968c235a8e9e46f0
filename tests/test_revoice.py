"""Re-voicing a voice message (issue #16): reply `/say NAME` to a voice note, audio file or video
note on Telegram, or "Speak as…" on a Discord message with a voice message, and the bot says the
clip's words again in NAME's voice, through the normal job path. The real adapters against the
fake Bot API, the fake Discord REST API and the fake 302.AI (its transcriber's answers set by
each test)."""

from __future__ import annotations

import io
import wave
from pathlib import Path
from typing import Any

import pytest

from bots.discord.texts import text as dc_text
from bots.discord.translator import commands_in
from core.errors import (
    ClipTooLong,
    ListeningUnavailable,
    NoSpeech,
    TextTooLong,
    VoicePending,
)
from core.locales import LANGUAGES
from core.messages import error_text
from core.settings import Settings
from tests.conftest import Clips, Sleeps, make_settings
from tests.discord_world import ALICE as DC_ALICE
from tests.discord_world import BOB as DC_BOB
from tests.discord_world import (
    IN_GUILD,
    Discord,
    modal_inputs,
)
from tests.fakes.ai302 import Fake302
from tests.fakes.telegram import FakeBotApi
from tests.telegram_chat import ALICE, BOB, GROUP, Telegram, telegram_chat

HEARD = "Dinner is at eight, and bring the good bread."


def other_clip(clips: Clips) -> bytes:
    """A voice note of its own (not the clip any voice was made from), to find its bytes by."""
    return clips.read("revoice.ogg", "-af", "atempo=1.1", "-c:a", "libopus", "-ar", "48000")


def holding(data_dir: Path, clip: bytes) -> list[str]:
    """Every file under DATA_DIR that holds any piece of `clip`."""
    pieces = [clip[i : i + 64] for i in range(len(clip) // 4, len(clip) - 64, len(clip) // 8)]
    return [
        str(path)
        for path in data_dir.rglob("*")
        if path.is_file() and any(piece in path.read_bytes() for piece in pieces)
    ]


# --- Telegram ------------------------------------------------------------------------------


async def test_reply_say_name_to_a_voice_note_says_its_words_in_that_voice_under_it(
    tg: Telegram, tg_settings: Settings, clips: Clips, fake302: Fake302
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    fake302.behaviour.heard.append(f"  {HEARD} ")
    clip = other_clip(clips)
    note = tg.api.voice_note(GROUP, BOB, clip)

    await tg.send(tg.api.command(GROUP, ALICE, "/say alice", reply_to=note))

    assert fake302.calls("clone_create")[-1].json["input_text"] == HEARD
    (voice,) = tg.replies("sendVoice")
    assert voice.params["reply_parameters"]["message_id"] == note["message_id"]
    assert voice.params["caption"] == "synthetic voice: alice"
    heard = fake302.calls("transcribe")[-1].files["file"]
    with wave.open(io.BytesIO(heard)) as wav:  # what the transcriber heard: the clip, whole
        assert (wav.getnchannels(), wav.getframerate()) == (1, 16_000)
        assert 4.0 < wav.getnframes() / 16_000 < 8.0
    status = [c for c in tg.replies() if c.params["text"].startswith(("Preparing", "Generating"))]
    assert status and tg.api.of("deleteMessage"), "the usual status, giving way to the voice"
    assert holding(tg_settings.data_dir, clip) == [], "the clip itself is kept nowhere"


@pytest.mark.parametrize(
    ("kind", "made"),
    [
        ("audio", ("revoice.mp3",)),
        (
            "video_note",
            (
                "revoice-note.mp4",
                "-f",
                "lavfi",
                "-i",
                "color=c=black:s=240x240",
                "-shortest",
                "-c:a",
                "aac",
            ),
        ),
    ],
)
async def test_an_audio_file_or_a_video_note_is_said_again_too(
    tg: Telegram, clips: Clips, fake302: Fake302, kind: str, made: tuple[str, ...]
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    fake302.behaviour.heard.append(HEARD)
    source = tg.api.voice_note(GROUP, BOB, clips.read(*made), kind=kind)

    await tg.send(tg.api.command(GROUP, ALICE, "/say@voice_test_bot alice", reply_to=source))

    assert fake302.calls("clone_create")[-1].json["input_text"] == HEARD
    (voice,) = tg.replies("sendVoice")
    assert voice.params["reply_parameters"]["message_id"] == source["message_id"]


async def test_the_chats_default_voice_says_it_and_words_given_are_said_instead(
    tg: Telegram, clips: Clips, fake302: Fake302
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    await tg.send(tg.api.command(GROUP, ALICE, "/default alice"))
    note = tg.api.voice_note(GROUP, BOB, other_clip(clips))
    fake302.behaviour.heard.append(HEARD)

    await tg.send(tg.api.command(GROUP, ALICE, "/say", reply_to=note))
    assert fake302.calls("clone_create")[-1].json["input_text"] == HEARD

    heard_before = len(fake302.calls("transcribe"))
    await tg.send(tg.api.command(GROUP, ALICE, "/say alice Not those words.", reply_to=note))
    assert fake302.calls("clone_create")[-1].json["input_text"] == "Not those words."
    assert len(fake302.calls("transcribe")) == heard_before, "nothing to hear: words were given"
    assert len(tg.replies("sendVoice")) == 2


async def test_a_voice_waiting_for_its_speaker_is_refused_before_anything_is_heard(
    tg: Telegram, clips: Clips, fake302: Fake302
) -> None:
    bobs = tg.api.voice_note(GROUP, BOB, clips.ogg)
    await tg.send(tg.api.command(GROUP, ALICE, "/clone bobby", reply_to=bobs))  # Bob's voice
    heard_before = len(fake302.calls("transcribe"))
    note = tg.api.voice_note(GROUP, ALICE, other_clip(clips))

    await tg.send(tg.api.command(GROUP, ALICE, "/say bobby", reply_to=note))

    assert tg.last_text() == error_text(VoicePending(name="bobby"), "en")
    assert len(fake302.calls("transcribe")) == heard_before
    assert not fake302.calls("clone_create") and not tg.replies("sendVoice")


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("nothing-heard", error_text(NoSpeech(), "en")),
        ("only-punctuation-heard", error_text(NoSpeech(), "en")),
        ("silence", error_text(NoSpeech(), "en")),
        ("too-much-said", error_text(TextTooLong(length=2499, limit=2000), "en")),
        ("too-long-a-clip", error_text(ClipTooLong(limit=180), "en")),
        ("not-audio", "not audio I can read"),
    ],
)
async def test_what_cannot_be_said_again_gets_the_usual_sentence(
    tg: Telegram, clips: Clips, fake302: Fake302, case: str, expected: str
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    heard_before = len(fake302.calls("transcribe"))
    clip = other_clip(clips)
    if case == "nothing-heard":
        fake302.behaviour.heard.append("  ")
    elif case == "only-punctuation-heard":
        fake302.behaviour.heard.append("…")
    elif case == "silence":
        clip = clips.read("revoice-silent.ogg", "-af", "volume=0", "-c:a", "libopus")
    elif case == "too-much-said":
        fake302.behaviour.heard.append("words " * 416 + "end")  # 2,499 characters
    elif case == "too-long-a-clip":
        clip = clips.read("revoice-long.ogg", "-af", "apad=whole_dur=200", "-c:a", "libopus")
    else:
        clip = b"not audio at all\n" * 50
    note = tg.api.voice_note(GROUP, BOB, clip)

    await tg.send(tg.api.command(GROUP, ALICE, "/say alice", reply_to=note))

    assert expected in tg.last_text()
    assert not fake302.calls("clone_create") and not tg.replies("sendVoice")
    nobody_asked = case in ("silence", "too-long-a-clip", "not-audio")
    assert len(fake302.calls("transcribe")) == heard_before + (0 if nobody_asked else 1)


async def test_without_the_speech_service_it_says_it_cannot_listen(
    tmp_path: Path, db_url: str, botapi: FakeBotApi, sleeps: Sleeps, clips: Clips
) -> None:
    settings = make_settings(tmp_path / "data", engine="offline", database_url=db_url)
    async with telegram_chat(settings, botapi, sleeps) as tg:
        await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice | The quick brown fox.")
        note = tg.api.voice_note(GROUP, BOB, other_clip(clips))

        await tg.send(tg.api.command(GROUP, ALICE, "/say alice", reply_to=note))

        assert tg.last_text() == error_text(ListeningUnavailable(), "en")
        assert not tg.api.of("getFile")[1:], "the clip was not even fetched"
        assert not tg.replies("sendVoice")


# --- Discord -------------------------------------------------------------------------------


async def speak_as(dc: Discord, person: Any, message: dict[str, Any]) -> dict[str, Any] | None:
    """ "Speak as…" on a message: the form that opens, or None when it was refused at once."""
    await dc.interact(
        dc.rest.interaction(
            person,
            2,
            {
                "id": "3",
                "name": "Speak as…",
                "type": 3,
                "target_id": message["id"],
                "resolved": {"messages": {message["id"]: message}},
            },
        )
    )
    form: dict[str, Any] = dc.rest.of("POST", "/interactions/")[-1].json
    return form if form["type"] == 9 else None


async def pick(dc: Discord, person: Any, form: dict[str, Any], value: str) -> None:
    """Choose `value` in the form's menu and send the form."""
    (label,) = form["data"]["components"]
    menu = label["component"]
    await dc.interact(
        dc.rest.interaction(
            person,
            5,
            {
                "custom_id": form["data"]["custom_id"],
                "components": [
                    {
                        "type": 18,
                        "component": {
                            "type": 3,
                            "custom_id": menu["custom_id"],
                            "values": [value],
                        },
                    }
                ],
            },
        )
    )


async def test_speak_as_on_a_voice_message_says_its_words_in_the_voice_picked(
    dc: Discord, higgs_settings: Settings, clips: Clips, fake302: Fake302
) -> None:
    await dc.clone(DC_ALICE, "alice", clips.ogg)
    await dc.clone(DC_ALICE, "other", clips.ogg)
    await dc.command(DC_ALICE, "default", voice="other")
    fake302.behaviour.heard.append(HEARD)
    clip = other_clip(clips)
    message = dc.rest.message(DC_BOB, attachments=[dc.rest.attachment(clip)])

    form = await speak_as(dc, DC_ALICE, message)

    assert form is not None and form["data"]["title"] == "Say these words again"
    (label,) = form["data"]["components"]
    assert label["label"] == "In which voice?"
    options = label["component"]["options"]
    assert [(o["label"], o.get("default", False)) for o in options] == [
        ("other", True),  # the default first, chosen already
        ("alice", False),
    ]
    await pick(dc, DC_ALICE, form, options[1]["value"])

    assert fake302.calls("clone_create")[-1].json["input_text"] == HEARD
    assert len(dc.voice_messages()) == 1
    assert any("synthetic voice: alice" in words for words, _ in dc.words())
    assert holding(higgs_settings.data_dir, clip) == []


async def test_speak_as_on_a_message_without_audio_says_so_privately(
    dc: Discord, clips: Clips, fake302: Fake302
) -> None:
    await dc.clone(DC_ALICE, "alice", clips.ogg)
    heard_before = len(fake302.calls("transcribe"))

    form = await speak_as(dc, DC_ALICE, dc.rest.message(DC_BOB, "just words"))

    assert form is None
    assert dc.words()[-1] == (dc_text("dc_no_audio_to_say", "en"), True)
    assert len(fake302.calls("transcribe")) == heard_before


async def test_speak_as_where_no_voice_may_speak_says_so_before_any_form(
    dc: Discord, clips: Clips
) -> None:
    message = dc.rest.message(DC_BOB, attachments=[dc.rest.attachment(other_clip(clips))])

    assert await speak_as(dc, DC_ALICE, message) is None
    assert dc.words()[-1] == (dc_text("voices_empty", "en"), True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_form_and_the_menu_fit_discords_limits_in_every_language(lang: str) -> None:
    for key in ("dc_speak_as_title", "dc_speak_as_voice"):
        assert len(dc_text(key, lang)) <= 45, key
    assert len(commands_in(lang).get("Speak as…", "Speak as…")) <= 32


async def test_more_voices_than_a_menu_holds_are_asked_for_by_name(
    dc: Discord, clips: Clips, fake302: Fake302
) -> None:
    for n in range(26):  # past the 25 options of one menu
        await dc.bot.core.voices.register(IN_GUILD, f"v{n:02}", clips.ogg)
    fake302.behaviour.heard.append(HEARD)
    message = dc.rest.message(DC_BOB, attachments=[dc.rest.attachment(other_clip(clips))])

    form = await speak_as(dc, DC_ALICE, message)

    assert form is not None
    (name,) = [i for row in form["data"]["components"] for i in modal_inputs(row)]
    await dc.interact(
        dc.rest.interaction(
            DC_ALICE,
            5,
            {
                "custom_id": form["data"]["custom_id"],
                "components": [
                    {
                        "type": 1,
                        "components": [
                            {"type": 4, "custom_id": name["custom_id"], "value": "v25"}
                        ],
                    }
                ],
            },
        )
    )
    assert fake302.calls("clone_create")[-1].json["input_text"] == HEARD
    assert any("synthetic voice: v25" in words for words, _ in dc.words())
