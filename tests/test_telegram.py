"""The Telegram bot end to end: the real PTB Application against a fake Bot API and fake 302.AI."""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bots.cli import configure_logging
from bots.telegram.app import build_application, register_commands
from core.app import open_core
from core.settings import Settings
from tests.conftest import Clips, ogg_stream, voicebot
from tests.fakes.ai302 import Fake302, tone_wav
from tests.fakes.telegram import TOKEN, Chat, FakeBotApi
from tests.telegram_chat import ALICE, BOB, GROUP, WANG, Telegram, telegram_settings


async def test_reply_clone_then_say_posts_voice_note(
    tg: Telegram, clips: Clips, fake302: Fake302
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    assert "Saved voice “alice”" in tg.last_text()

    command = await tg.send(tg.api.command(GROUP, ALICE, "/say alice hello there"))

    (voice_call,) = tg.replies("sendVoice")
    stream = ogg_stream(voice_call.files["voice"])
    assert (stream["format"], stream["codec_name"], stream["sample_rate"], stream["channels"]) == (
        "ogg",
        "opus",
        "48000",
        1,
    )
    assert voice_call.params["reply_parameters"]["message_id"] == command["message_id"]
    assert voice_call.params["caption"] == "synthetic voice: alice"
    assert int(voice_call.params["duration"]) == 2
    assert fake302.calls("clone_create")[0].json["input_text"] == "hello there"
    assert any(c.params["action"] == "record_voice" for c in tg.api.of("sendChatAction"))
    status = [c for c in tg.replies() if c.params["text"].startswith(("Preparing", "Generating"))]
    assert status, "a status message follows the progress"
    assert tg.api.of("deleteMessage"), "and gives way to the voice"


async def test_no_request_to_302_carries_the_bot_token(
    tg: Telegram, clips: Clips, fake302: Fake302, caplog: pytest.LogCaptureFixture
) -> None:
    configure_logging("DEBUG")
    caplog.set_level(logging.DEBUG)
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    await tg.send(tg.api.command(GROUP, ALICE, "/say alice hello"))
    assert tg.replies("sendVoice")
    for request in fake302.requests:
        seen = json.dumps(
            [request.headers, request.json, request.form, request.path, request.query]
        )
        assert TOKEN not in seen and "/file/bot" not in seen
        assert all(TOKEN.encode() not in data for data in request.files.values())
    assert TOKEN not in caplog.text


async def test_guided_flow_in_private_asks_for_a_name(tg: Telegram, clips: Clips) -> None:
    me = Chat(ALICE.id, "private")
    await tg.send(tg.api.voice_note(me, ALICE, clips.ogg))
    assert "What should I call this voice?" in tg.last_text()
    await tg.send(tg.api.text(me, ALICE, "my voice"))
    assert "cannot be a voice name" in tg.last_text()
    await tg.send(tg.api.text(me, ALICE, "myvoice"))
    assert "Saved voice “myvoice”" in tg.last_text()
    await tg.send(tg.api.voice_note(me, ALICE, clips.ogg))
    await tg.send(tg.api.command(me, ALICE, "/cancel"))
    assert "forgot that clip" in tg.last_text()
    await tg.send(tg.api.command(me, ALICE, "/voices"))
    assert "myvoice" in tg.last_text()
    assert tg.last_text().count("·") == 1  # one voice


async def test_voices_buttons_play_set_default_and_delete_with_confirm(
    tg: Telegram, clips: Clips
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone nana | The quick brown fox.")
    await tg.send(tg.api.command(GROUP, ALICE, "/voices"))
    listing = tg.replies()[-1]
    buttons = [b["callback_data"] for b in listing.params["reply_markup"]["inline_keyboard"][0]]
    sample, default, delete = buttons
    bot_message = tg.api.sent_message(listing)

    await tg.press(ALICE, bot_message, sample)
    assert tg.replies("sendVoice")
    await tg.press(ALICE, bot_message, default)
    assert "default voice" in tg.api.of("answerCallbackQuery")[-1].params["text"]
    await tg.send(tg.api.command(GROUP, ALICE, "/say Hello everyone"))
    assert len(tg.replies("sendVoice")) == 2

    await tg.press(ALICE, bot_message, delete)
    confirm = tg.replies()[-1]
    assert "Delete the voice “nana”?" in confirm.params["text"]
    yes, keep = [b["callback_data"] for b in confirm.params["reply_markup"]["inline_keyboard"][0]]
    await tg.press(ALICE, tg.api.sent_message(confirm), keep)
    assert tg.api.of("editMessageText")[-1].params["text"] == "Kept “nana”."
    await tg.press(ALICE, tg.api.sent_message(confirm), yes)
    assert tg.api.of("editMessageText")[-1].params["text"] == "Deleted voice “nana”."
    await tg.press(ALICE, bot_message, sample)  # a stale button
    assert tg.api.of("answerCallbackQuery")[-1].params["text"] == "That voice no longer exists."


async def test_group_voices_stay_in_the_group_and_personal_ones_travel(
    tg: Telegram, clips: Clips
) -> None:
    me = Chat(ALICE.id, "private")
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone familyvoice")
    await tg.clone(me, ALICE, clips.ogg, "/clone mine")
    await tg.send(tg.api.command(me, ALICE, "/say familyvoice hi"))
    assert "don't know a voice called “familyvoice”" in tg.last_text()
    await tg.send(tg.api.command(GROUP, ALICE, "/say mine hi"))
    await tg.send(tg.api.command(GROUP, BOB, "/say mine hi"))  # Bob has no personal "mine"
    assert "don't know a voice called “mine”" in tg.last_text()
    assert len(tg.replies("sendVoice")) == 1
    await tg.send(tg.api.command(GROUP, BOB, "/voices"))
    assert "familyvoice" in tg.last_text() and "mine" not in tg.last_text()


async def test_chinese_speakers_get_chinese_replies(tg: Telegram, clips: Clips) -> None:
    await tg.send(tg.api.command(GROUP, WANG, "/help"))
    assert "登记声音" in tg.last_text()
    await tg.clone(GROUP, WANG, clips.ogg, "/clone 爷爷")
    assert "已保存声音“爷爷”" in tg.last_text()
    await tg.send(tg.api.command(GROUP, WANG, "/say 爷 你好"))
    assert "这里没有名为“爷”的声音。你是不是想找：爷爷？" in tg.last_text()


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("clone-without-reply", "Reply to a voice message"),
        ("clone-reply-to-text", "Reply to a voice message"),
        ("clone-without-name", "Reply to a voice message"),
        ("clone-bad-name", "cannot be a voice name"),
        ("clone-text-document", "not audio I can read"),
        ("clone-too-short", "I need at least 3 s"),
        ("clone-over-20-mb", "too big (the limit is 20 MB)"),
        ("say-unknown-voice", "Did you mean: alice?"),
        ("say-too-long", "the limit is 2000"),
        ("say-nothing", "Which voice?"),
        ("rename-one-word", "/rename OLD NEW"),
        ("delete-nothing", "/delete NAME"),
    ],
)
async def test_bad_input_gets_one_clear_sentence(
    tg: Telegram, clips: Clips, tmp_path: Path, case: str, expected: str
) -> None:
    api = tg.api
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    short = clips.read("tg-short.ogg", "-t", "1", "-c:a", "libopus")
    note = api.voice_note(GROUP, ALICE, clips.ogg)
    messages = {
        "clone-without-reply": api.command(GROUP, ALICE, "/clone bob"),
        "clone-reply-to-text": api.command(
            GROUP, ALICE, "/clone bob", reply_to=api.text(GROUP, BOB, "hi")
        ),
        "clone-without-name": api.command(GROUP, ALICE, "/clone", reply_to=note),
        "clone-bad-name": api.command(GROUP, ALICE, "/clone bob smith", reply_to=note),
        "clone-text-document": api.command(
            GROUP,
            ALICE,
            "/clone bob own",
            reply_to=api.voice_note(
                GROUP, BOB, b"just text, not audio\n" * 40, kind="document", file_name="x.ogg"
            ),
        ),
        "clone-too-short": api.command(
            GROUP, ALICE, "/clone bob", reply_to=api.voice_note(GROUP, BOB, short)
        ),
        "clone-over-20-mb": api.command(
            GROUP,
            ALICE,
            "/clone bob own",
            reply_to=api.voice_note(GROUP, BOB, clips.ogg, kind="audio", size=25 * 1024 * 1024),
        ),
        "say-unknown-voice": api.command(GROUP, ALICE, "/say alicee hello"),
        "say-too-long": api.command(GROUP, ALICE, "/say alice " + "word " * 500),
        "say-nothing": api.command(GROUP, ALICE, "/say"),
        "rename-one-word": api.command(GROUP, ALICE, "/rename alice"),
        "delete-nothing": api.command(GROUP, ALICE, "/delete"),
    }
    await tg.send(messages[case])
    assert expected in tg.last_text()
    await tg.send(api.command(GROUP, ALICE, "/voices"))
    assert [line.split(" · ")[0] for line in tg.last_text().splitlines()[1:]] == ["alice"]


@pytest.mark.fault("telegram: generation fails", "the status message becomes the error")
async def test_a_failed_generation_turns_the_status_into_the_error(
    tg: Telegram, clips: Clips, fake302: Fake302
) -> None:
    fake302.behaviour.final_state = "FAILURE"
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    await tg.send(tg.api.command(GROUP, ALICE, "/say alice hello"))
    assert "could not generate that" in tg.api.of("editMessageText")[-1].params["text"]
    assert not tg.replies("sendVoice")


@pytest.mark.fault("telegram: Bot API 429 flood limit", "waited out, then delivered")
async def test_flood_limit_429_is_waited_out(tg: Telegram, clips: Clips) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    tg.api.fail("sendVoice", 429, retry_after=1)
    await tg.send(tg.api.command(GROUP, ALICE, "/say alice hello"))
    assert len(tg.replies("sendVoice")) == 2  # refused once, then delivered


@pytest.mark.fault("telegram: voice messages forbidden by the user", "sent as an audio file")
async def test_voice_notes_forbidden_falls_back_to_an_audio_file(
    tg: Telegram, clips: Clips
) -> None:
    me = Chat(BOB.id, "private")
    await tg.clone(me, BOB, clips.ogg, "/clone bob")
    tg.api.fail("sendVoice", 400, "Bad Request: VOICE_MESSAGES_FORBIDDEN")
    await tg.send(tg.api.command(me, BOB, "/say bob hello"))
    (audio,) = tg.replies("sendAudio")
    assert ogg_stream(audio.files["audio"])["codec_name"] == "opus"


async def test_the_polling_bot_registers_commands_and_answers(
    tg_settings: Settings, botapi: FakeBotApi, clips: Clips
) -> None:
    async with open_core(tg_settings) as speech:
        app = build_application(tg_settings, telegram_settings(botapi), speech)
        async with app:
            await register_commands(app)
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0, timeout=1)
            botapi.push(botapi.update(botapi.command(GROUP, ALICE, "/start")))
            call = await botapi.sent.get()
            await app.updater.stop()
            await app.stop()
    assert "I speak text in voices you register" in call.params["text"]
    menus = {
        c.params.get("language_code"): c.params["commands"] for c in botapi.of("setMyCommands")
    }
    assert [c["command"] for c in menus[None]][:2] == ["say", "clone"]
    assert {"share", "myvoices", "settings", "forgetme"} <= {c["command"] for c in menus[None]}
    assert menus["zh"][0]["description"] == "用某个声音朗读文字"


async def test_addressed_commands_replies_to_text_and_every_audio_kind(
    tg: Telegram, clips: Clips, fake302: Fake302
) -> None:
    video_note = tg.api.voice_note(
        GROUP,
        BOB,
        clips.read(
            "tg-note.mp4",
            "-f",
            "lavfi",
            "-i",
            "color=c=black:s=240x240",
            "-shortest",
            "-c:a",
            "aac",
        ),
        kind="video_note",
    )
    await tg.send(
        tg.api.command(GROUP, ALICE, "/clone@voice_test_bot bobnote", reply_to=video_note)
    )
    request = tg.sent_to(GROUP)[-1]  # Bob's voice: it speaks once he approves
    await tg.press(BOB, tg.api.sent_message(request), tg.buttons(request)[0])
    assert "Bob approved: “bobnote” can speak now" in tg.last_text()
    audio_document = tg.api.voice_note(
        GROUP, BOB, clips.mp3, kind="document", file_name="bob.mp3", mime_type="audio/mpeg"
    )
    await tg.send(
        tg.api.command(GROUP, BOB, "/clone bobdoc own | Pack my box.", reply_to=audio_document)
    )  # an uploaded file: an admin of the group approves it first
    assert tg.last_text().startswith(
        "An admin of this chat must approve this: Bob uploaded a file as the voice “bobdoc” "
        "and says it is their own voice."
    )
    words = tg.api.text(GROUP, BOB, "Dinner is at eight.")
    await tg.send(tg.api.command(GROUP, ALICE, "/say@voice_test_bot bobnote", reply_to=words))
    assert fake302.calls("clone_create")[-1].json["input_text"] == "Dinner is at eight."
    assert len(tg.replies("sendVoice")) == 1


async def test_a_rejected_token_stops_start_up_without_showing_it(
    botapi: FakeBotApi, tmp_path: Path
) -> None:
    wrong = "7654321:WRONG-token-that-must-not-leak"
    code, out = await voicebot(
        tmp_path,
        "telegram",
        TELEGRAM_BOT_TOKEN=wrong,
        TELEGRAM_API_URL=botapi.base_url,
        ENGINE="offline",
    )
    assert code == 2
    assert out.strip() == "voicebot: Setting TELEGRAM_BOT_TOKEN was rejected by Telegram"
    assert "WRONG-token" not in out


async def test_editing_a_command_does_not_run_it_again(tg: Telegram, clips: Clips) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    command = tg.api.command(GROUP, ALICE, "/say alice hello")
    await tg.send(command)
    edited = {
        "update_id": tg.api.update(command)["update_id"],
        "edited_message": {**command, "text": "/say alice hello!", "edit_date": 1},
    }
    await tg.app.process_update(Update.de_json(edited, tg.app.bot))
    assert len(tg.replies("sendVoice")) == 1


async def test_only_the_owner_or_an_admin_may_delete_a_group_voice(
    tg: Telegram, clips: Clips
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    await tg.send(tg.api.command(GROUP, BOB, "/delete alice"))
    assert (
        tg.last_text() == "Only the person who registered “alice”, or an admin here, "
        "can change it."
    )
    await tg.send(tg.api.command(GROUP, BOB, "/rename alice bobs"))
    assert "Only the person who registered" in tg.last_text()
    tg.api.admins.add(BOB.id)
    await tg.send(tg.api.command(GROUP, BOB, "/delete alice"))
    assert tg.last_text() == "Deleted voice “alice”."


async def test_takes_design_keep_and_tune_from_the_chat(
    tg: Telegram, clips: Clips, fake302: Fake302
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    await tg.send(tg.api.command(GROUP, ALICE, "/say alice hello there"))
    voice = tg.replies("sendVoice")[-1]
    buttons = [b["callback_data"] for b in voice.params["reply_markup"]["inline_keyboard"][0]]
    assert [b.split(":")[1] for b in buttons] == ["again", "steadier", "livelier"]
    await tg.press(ALICE, tg.api.sent_message(voice), buttons[1])  # steadier
    assert fake302.calls("clone_create")[-1].json["temperature"] == 0.7
    assert len(tg.replies("sendVoice")) == 2

    fake302.behaviour.audio = tone_wav(5.0)
    await tg.send(tg.api.command(GROUP, ALICE, "/design a cheerful pirate | Ahoy, mateys!"))
    designed = tg.replies("sendVoice")[-1]
    assert designed.params["caption"] == "synthetic voice (designed): a cheerful pirate"
    assert "a cheerful pirate" in fake302.calls("smart_create")[-1].json["system_prompt"]
    keep_row = designed.params["reply_markup"]["inline_keyboard"][1]
    await tg.press(ALICE, tg.api.sent_message(designed), keep_row[0]["callback_data"])
    assert "reply to it with /keep NAME" in tg.api.of("answerCallbackQuery")[-1].params["text"]
    await tg.send(
        tg.api.command(GROUP, ALICE, "/keep pirate", reply_to=tg.api.sent_message(designed))
    )
    assert "Saved voice “pirate”" in tg.last_text()
    assert "Transcript: “Ahoy, mateys!”" in tg.last_text()

    await tg.send(tg.api.command(GROUP, ALICE, "/tune pirate temperature=0.5 k=20"))
    assert tg.last_text() == "“pirate” now speaks with: temperature=0.5, top_k=20."
    await tg.send(tg.api.command(GROUP, ALICE, "/tune pirate warmth=3"))
    assert "I don't know the setting “warmth”" in tg.last_text()
    await tg.send(tg.api.command(GROUP, ALICE, "/keep nothing"))
    assert "Reply /keep NAME to a designed voice message" in tg.last_text()


async def test_a_dialogue_is_one_voice_note(tg: Telegram, clips: Clips, fake302: Fake302) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice | I am Alice.")
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone bob | I am Bob.")
    await tg.send(tg.api.command(GROUP, ALICE, "/dialogue\nalice: Hi Bob!\nbob: Hello Alice."))
    assert fake302.calls("clone_create")[-1].json["input_text"] == (
        "[SPEAKER0] Hi Bob!\n[SPEAKER1] Hello Alice."
    )
    voice = tg.replies("sendVoice")[-1]
    assert voice.params["caption"] == "synthetic voice: alice, bob"
    await tg.send(tg.api.command(GROUP, ALICE, "/dialogue\nalice: Hi!\ncarol: Hey."))
    assert tg.last_text().startswith("Line 2: I don't know a voice called “carol”")


def _state(tg_settings: Settings) -> tuple[list[Any], int, list[str]]:
    """What a failure must leave untouched: stored voices, the job log, files in DATA_DIR."""
    with sqlite3.connect(tg_settings.data_dir / "voicebot.db") as db:
        voices = db.execute("SELECT * FROM voices ORDER BY id").fetchall()
        voices += db.execute("SELECT * FROM spaces ORDER BY scope").fetchall()
        jobs = db.execute("SELECT COUNT(*) FROM jobs").fetchone()[0]
    files = sorted(
        str(p.relative_to(tg_settings.data_dir))
        for p in tg_settings.data_dir.rglob("*")
        if p.is_file() and p.suffix not in (".db", ".db-journal")
    )
    return voices, jobs, files


HOSTILE = {  # case: (what the user sends, what they must be told)
    "empty-file": ("clone", b"", "not audio I can read"),
    "text-as-ogg": ("clone", b"milk\neggs\n" * 30, "not audio I can read"),
    "truncated-ogg": ("clone", "truncated", "not audio I can read"),
    "garbled-ogg": ("clone", "garbled", "not audio I can read"),
    "png-image": ("clone", "png", "not audio I can read"),
    "video-without-sound": ("clone", "silent-video", "not audio I can read"),
    "half-second": ("clone", "half-second", "I need at least 3 s"),
    "silence": ("clone", "silence", "could not hear anyone speaking"),
    "over-20-mb": ("clone", "huge", "too big (the limit is 20 MB)"),
    "name-bell": ("/clone \a bob", None, "cannot be a voice name"),
    "name-rtl-mark": ("/clone bob\u200f", None, "cannot be a voice name"),
    "name-zero-width-joiner": ("/clone bo\u200db", None, "cannot be a voice name"),
    "name-emoji": ("/clone bob😀", None, "cannot be a voice name"),
    "name-sql": ("/clone bob';DROP TABLE voices;--", None, "cannot be a voice name"),
    "name-path": ("/clone ../../x", None, "cannot be a voice name"),
    "name-too-long": ("/clone " + "a" * 33, None, "cannot be a voice name"),
    "name-taken": ("/clone ALICE", None, "already a voice called “alice”"),
    "clone-no-reply": ("/clone bob", "no-reply", "Reply to a voice message"),
    "say-100-kb": ("/say alice " + "word " * 20_000, None, "the limit is 2000"),
    "say-punctuation": ("/say alice ?!… ...", None, "Tell me what to say"),
    "say-emoji-only": ("/say alice 🙂🙂", None, "Tell me what to say"),
    "say-nothing": ("/say", None, "Which voice?"),
    "say-voice-only": ("/say alice", None, "Tell me what to say"),
    "say-unknown": ("/say alicia hello", None, "Did you mean: alice?"),
    "say-control-chars": ("/say \x1b[31mx hi", None, "don't know a voice called “�[31mx”"),
    "rename-nothing": ("/rename", None, "/rename OLD NEW"),
    "rename-one": ("/rename alice", None, "/rename OLD NEW"),
    "rename-bad": ("/rename alice a😀", None, "cannot be a voice name"),
    "rename-unknown": ("/rename nobody x", None, "don't know a voice called “nobody”"),
    "delete-nothing": ("/delete", None, "/delete NAME"),
    "delete-unknown": ("/delete nobody", None, "don't know a voice called “nobody”"),
    "default-nothing": ("/default", None, "/default NAME"),
    "default-unknown": ("/default nobody", None, "don't know a voice called “nobody”"),
    "keep-no-reply": ("/keep mine", None, "Reply /keep NAME to a designed voice"),
    "tune-nothing": ("/tune", None, "/tune NAME temperature=0.7"),
    "tune-unknown-setting": ("/tune alice warmth=2", None, "don't know the setting “warmth”"),
    "tune-out-of-range": ("/tune alice temperature=9", None, "between 0.0 and 1.5"),
    "tune-not-a-number": ("/tune alice top_k=many", None, "top_k must be between -1 and 100"),
    "design-no-description": ("/design | Hello there", None, "Describe the voice"),
    "design-no-text": ("/design a pirate |", None, "Tell me what to say"),
    "dialogue-empty": ("/dialogue", None, "Tell me what to say"),
    "dialogue-bad-line": ("/dialogue\nalice: Hi\njust words", None, "Line 2: write each line"),
    "dialogue-unknown": ("/dialogue\nalice: Hi\nzed: Yo", None, "Line 2: I don't know"),
    "stale-take-button": ("take:again:" + "0" * 32, "press", "no longer have that request"),
    "stale-voice-button": ("sample:" + "0" * 32, "press", "That voice no longer exists"),
}


@pytest.mark.parametrize("case", HOSTILE, ids=HOSTILE)
async def test_hostile_and_odd_input_gets_a_clear_reply_and_changes_nothing(
    tg: Telegram, tg_settings: Settings, clips: Clips, case: str
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    before = _state(tg_settings)
    what, extra, told = HOSTILE[case]
    api = tg.api
    if extra == "press":
        await tg.press(ALICE, api.text(GROUP, ALICE, "an old message"), what)
    elif what == "clone":
        audio = (
            {
                "truncated": clips.ogg[:200],
                "garbled": clips.ogg[:1000] + bytes(range(256)) * 8 + clips.ogg[3048:],
                "png": clips.read(
                    "tg-red.png", "-f", "lavfi", "-i", "color=c=red:s=8x8", "-frames:v", "1"
                ),
                "silent-video": clips.read(
                    "tg-black.mp4", "-f", "lavfi", "-i", "color=c=black:s=64x64:d=2", "-map", "1:v"
                ),
                "half-second": clips.read("tg-half.ogg", "-t", "0.5", "-c:a", "libopus"),
                "silence": clips.read(
                    "tg-silence.ogg",
                    "-f",
                    "lavfi",
                    "-i",
                    "anullsrc=r=48000:cl=mono",
                    "-t",
                    "5",
                    "-map",
                    "1:a",
                    "-c:a",
                    "libopus",
                ),
                "huge": clips.ogg,
            }.get(extra, extra)
            if isinstance(extra, str)
            else extra
        )
        size = 25 * 1024 * 1024 if extra == "huge" else None
        note = api.voice_note(
            GROUP, BOB, audio, kind="document", size=size, file_name="../../x.ogg"
        )
        await tg.send(api.command(GROUP, ALICE, "/clone bob own", reply_to=note))
    elif extra == "no-reply":
        await tg.send(api.command(GROUP, ALICE, what))
    else:
        note = api.voice_note(GROUP, BOB, clips.ogg)
        reply_to = note if what.startswith("/clone") else None
        await tg.send(api.command(GROUP, ALICE, what, reply_to=reply_to))
    assert told in tg.last_text()
    assert "Something went wrong" not in tg.last_text()
    assert _state(tg_settings) == before


@pytest.mark.fault("telegram: Bot API 5xx on a send", "sent again, delivered once")
async def test_a_stumbling_bot_api_still_gets_the_voice_delivered(
    tg: Telegram, clips: Clips
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    tg.api.fail("sendVoice", 502, "Bad Gateway")
    await tg.send(tg.api.command(GROUP, ALICE, "/say alice hello"))
    assert len(tg.replies("sendVoice")) == 2  # failed once, then delivered
    assert "Something went wrong" not in tg.last_text()


@pytest.mark.fault(
    "telegram: the user blocked the bot, or the chat was deleted",
    "not resent; recorded as undeliverable; nothing else breaks",
)
async def test_a_chat_gone_by_the_time_the_voice_is_ready(
    tg: Telegram, tg_settings: Settings, clips: Clips
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    for status, description in [
        (403, "Forbidden: bot was blocked by the user"),
        (400, "Bad Request: chat not found"),
    ]:
        tg.api.fail("sendVoice", status, description)
        await tg.send(tg.api.command(GROUP, ALICE, "/say alice hello"))
    assert len(tg.replies("sendVoice")) == 2  # each tried once, never again
    assert not [c for c in tg.replies() if "Something went wrong" in c.params["text"]]
    with contextlib.closing(sqlite3.connect(tg_settings.data_dir / "voicebot.db")) as db:
        assert db.execute("SELECT delivery FROM jobs").fetchall() == [("failed",), ("failed",)]
    await tg.send(tg.api.command(GROUP, ALICE, "/say alice still here"))
    assert len(tg.replies("sendVoice")) == 3


@pytest.mark.fault(
    "telegram: an update sent again after a restart", "no second job or task; 'already on it'"
)
async def test_an_update_telegram_sends_again_starts_no_second_job(
    tg: Telegram, clips: Clips, fake302: Fake302
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    update = tg.api.update(tg.api.command(GROUP, ALICE, "/say alice hello"))
    for _ in range(2):  # as after a restart that came before the bot confirmed it
        await tg.app.process_update(Update.de_json(update, tg.app.bot))
    assert len(tg.replies("sendVoice")) == 1 and len(fake302.calls("clone_create")) == 1
    assert tg.last_text() == "I am already on that one; the voice comes as soon as it is ready."
