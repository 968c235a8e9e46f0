"""The Discord bot end to end: real discord.py (command tree, context menu, modal, components,
autocomplete, the gateway's own dispatch) against a fake Discord REST API and fake 302.AI."""

from __future__ import annotations

import base64
import contextlib
import json
import sqlite3
from pathlib import Path

import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route

from core.settings import Settings
from tests.conftest import Clips, ogg_stream, voicebot
from tests.discord_world import (
    ALICE,
    BOB,
    EPHEMERAL,
    IN_GUILD,
    LIN,
    WANG,
    Discord,
    modal_inputs,
)
from tests.fakes.ai302 import Fake302, Fault, tone_wav
from tests.fakes.discord import APP_ID, BOT_USER, CHANNEL_ID, TOKEN, FakeDiscord, Person


async def test_login_syncs_commands_and_finds_the_gateway_through_the_api(
    dc: Discord, rest: FakeDiscord
) -> None:
    (synced,) = rest.of("PUT", f"/applications/{APP_ID}/commands")
    names = {(c["name"], c["type"]) for c in synced.json}
    assert {
        ("say", 1),
        ("clone", 1),
        ("voices", 1),
        ("default", 1),
        ("rename", 1),
        ("delete", 1),
        ("help", 1),
        ("design", 1),
        ("tune", 1),
        ("dialogue", 1),
        ("cancel", 1),
        ("share", 1),
        ("myvoice", 1),
        ("myvoices", 1),
        ("forgetme", 1),
        ("settings", 1),
        ("report", 1),
        ("Clone this voice", 3),
        ("Report voice", 3),
        ("Speak as…", 3),
    } == names
    say = next(c for c in synced.json if c["name"] == "say")
    assert [o["name"] for o in say["options"]] == [
        "text",
        "voice",
        "temperature",
        "top_k",
        "top_p",
        "speed",
        "language",
    ]
    assert str(DiscordWebSocket.DEFAULT_GATEWAY) == "ws://127.0.0.1:9/gateway"
    assert rest.api_url == Route.BASE


async def test_clone_then_say_posts_a_native_voice_message(
    dc: Discord, clips: Clips, fake302: Fake302
) -> None:
    await dc.clone(ALICE, "alice", clips.ogg)
    assert dc.last().startswith("Saved voice “alice”")

    await dc.command(ALICE, "say", voice="alice", text="hello there")

    (voice,) = dc.voice_messages()
    attachment = voice.payload["attachments"][0]
    assert 1.9 < attachment["duration_secs"] < 2.1
    assert 0 < len(base64.b64decode(attachment["waveform"])) <= 256
    filename, content_type, ogg = voice.files["files[0]"]
    assert (filename, content_type) == ("voice-message.ogg", "audio/ogg")
    stream = ogg_stream(ogg)
    assert (stream["format"], stream["codec_name"], stream["sample_rate"], stream["channels"]) == (
        "ogg",
        "opus",
        "48000",
        1,
    )
    assert "content" not in voice.payload and "embeds" not in voice.payload
    label = dc.rest.of("PATCH", "/webhooks/")[-1]
    assert label.json["content"] == f"🔊 synthetic voice: alice · for <@{ALICE.id}>"
    assert voice.payload["message_reference"]["message_id"] == label.returned["id"]
    progress = [c.json["content"] for c in dc.rest.of("PATCH", "/webhooks/")]
    assert "Generating speech…" in progress
    assert fake302.calls("clone_create")[0].json["input_text"] == "hello there"
    sent_upstream = json.dumps([[r.json, r.form, r.query, r.headers] for r in fake302.requests])
    assert "/attachments/" not in sent_upstream and TOKEN not in sent_upstream


@pytest.mark.fault(
    "discord: voice messages forbidden (403 50013)", "posted as a file; said why, once"
)
async def test_where_voice_messages_are_forbidden_a_file_is_posted_and_why_said_once(
    dc: Discord, clips: Clips
) -> None:
    await dc.clone(ALICE, "alice", clips.ogg)
    for _ in range(2):
        dc.rest.fail("POST", f"/channels/{CHANNEL_ID}/messages", 403, 50013, "Missing Permissions")
        await dc.command(ALICE, "say", voice="alice", text="hello")
    files = [c for c in dc.rest.of("POST", "/webhooks/") if "files[0]" in c.files]
    assert len(files) == 2 and ogg_stream(files[0].files["files[0]"][2])["codec_name"] == "opus"
    told = [w for w, ephemeral in dc.words() if "Send Voice Messages" in w and ephemeral]
    assert len(told) == 1


async def test_context_menu_asks_for_a_name_in_a_modal(
    dc: Discord, clips: Clips, fake302: Fake302
) -> None:
    message = dc.rest.message(BOB, "", attachments=[dc.rest.attachment(clips.ogg)])
    await dc.interact(
        dc.rest.interaction(
            ALICE,
            2,
            {
                "id": "2",
                "name": "Clone this voice",
                "type": 3,
                "target_id": message["id"],
                "resolved": {"messages": {message["id"]: message}},
            },
        )
    )
    modal = dc.rest.of("POST", "/interactions/")[-1].json
    assert modal["type"] == 9 and modal["data"]["title"] == "Clone this voice"
    inputs = [c for row in modal["data"]["components"] for c in modal_inputs(row)]
    values = iter(["bob_voice", "The quick brown fox."])
    submitted = [
        {
            "type": 1,
            "components": [{"type": 4, "custom_id": i["custom_id"], "value": next(values)}],
        }
        for i in inputs
    ]
    await dc.interact(
        dc.rest.interaction(
            ALICE, 5, {"custom_id": modal["data"]["custom_id"], "components": submitted}
        )
    )
    told = [words for words, _ in dc.words()]
    assert "“bob_voice” is saved, but it cannot speak until bob agrees. I have asked them." in told
    (approve,) = dc.buttons("consent:yes")  # bob's voice: it speaks once he agrees
    await dc.press(BOB, approve)
    voice = await dc.bot.core.voices.get(IN_GUILD, "bob_voice")
    assert voice.transcript == "The quick brown fox."
    assert not fake302.calls("transcribe")


async def test_replying_with_a_mention_clones_the_replied_message(
    dc: Discord, clips: Clips
) -> None:
    source = dc.rest.message(BOB, "", attachments=[dc.rest.attachment(clips.ogg)])
    reply = dc.rest.message(
        ALICE,
        f"<@{APP_ID}> clone bobby | The quick brown fox.",
        mentions=[BOT_USER],
        referenced_message=source,
        message_reference={"message_id": source["id"], "channel_id": str(CHANNEL_ID)},
    )
    await dc.post(reply)
    answer, request = dc.channel_messages()
    assert answer["content"].startswith("“bobby” is saved, but it cannot speak until bob agrees.")
    assert str(answer["message_reference"]["message_id"]) == reply["id"]
    assert str(request["message_reference"]["message_id"]) == source["id"]
    (approve,) = dc.buttons("consent:yes")  # bob's voice: it speaks once he agrees
    await dc.press(BOB, approve)
    voice = await dc.bot.core.voices.get(IN_GUILD, "bobby")
    assert voice.transcript == "The quick brown fox."
    no_reply = dc.rest.message(ALICE, f"<@{APP_ID}> clone x", mentions=[BOT_USER])
    await dc.post(no_reply)
    assert "Reply to a voice message" in dc.rest.sent_messages()[-1].payload["content"]


async def test_voice_names_autocomplete(dc: Discord, clips: Clips) -> None:
    for name in ("bob", "Bobby", "nana"):
        await dc.clone(ALICE, name, clips.ogg)
    await dc.interact(
        dc.rest.interaction(
            ALICE,
            4,
            {
                "id": "1",
                "name": "say",
                "type": 1,
                "options": [{"name": "voice", "type": 3, "value": "bo", "focused": True}],
            },
        )
    )
    answer = dc.rest.of("POST", "/interactions/")[-1].json
    assert answer["type"] == 8
    assert [c["name"] for c in answer["data"]["choices"]] == ["bob", "Bobby"]


async def test_voices_list_plays_sets_default_and_deletes_with_confirm(
    dc: Discord, clips: Clips
) -> None:
    await dc.clone(ALICE, "nana", clips.ogg)
    await dc.command(ALICE, "voices")
    listing = dc.rest.of("POST", "/interactions/")[-1].json["data"]
    assert listing["flags"] & EPHEMERAL
    picker = listing["components"][0]["components"][0]
    nana_id = picker["options"][0]["value"]
    await dc.press(ALICE, picker["custom_id"], values=[nana_id])
    panel = dc.rest.of("POST", "/interactions/")[-1].json
    assert panel["type"] == 7 and panel["data"]["content"].startswith("**nana**")
    buttons = [b["custom_id"] for b in panel["data"]["components"][1]["components"]]
    assert buttons == [f"voice:{a}:{nana_id}" for a in ("sample", "default", "delete")]

    await dc.press(ALICE, f"voice:sample:{nana_id}")
    sample = dc.rest.of("POST", "/webhooks/")[-1]
    assert ogg_stream(sample.files["files[0]"][2])["codec_name"] == "opus"
    await dc.press(ALICE, f"voice:default:{nana_id}")
    assert "default voice" in dc.last()
    await dc.command(ALICE, "say", text="Hi everyone")  # no voice: the default speaks
    assert len(dc.voice_messages()) == 1

    await dc.press(ALICE, f"voice:delete:{nana_id}")
    assert dc.words()[-1] == ("Delete the voice “nana”? This cannot be undone.", True)
    await dc.press(ALICE, f"voice:keep:{nana_id}")
    assert dc.last() == "Kept “nana”."
    await dc.press(ALICE, f"voice:confirm:{nana_id}")
    assert dc.last() == "Deleted voice “nana”."
    assert await dc.bot.core.voices.usable(IN_GUILD) == []
    await dc.press(ALICE, f"voice:sample:{nana_id}")  # a button that outlived its voice
    assert dc.words()[-1] == ("That voice no longer exists.", True)


async def test_dm_voices_are_personal(dc: Discord, clips: Clips) -> None:
    await dc.clone(ALICE, "mine", clips.ogg, guild=False)
    await dc.clone(ALICE, "servervoice", clips.ogg)
    await dc.command(ALICE, "say", voice="servervoice", text="hi", guild=False)
    assert "don't know a voice called “servervoice”" in dc.last()
    await dc.command(BOB, "say", voice="mine", text="hi")
    assert "don't know a voice called “mine”" in dc.last()
    await dc.command(ALICE, "say", voice="mine", text="hi")  # alice's own, in the server
    assert len(dc.voice_messages()) == 1


@pytest.mark.parametrize("person", [WANG, LIN], ids=["zh-CN", "zh-TW"])
async def test_chinese_locales_get_chinese_replies(
    dc: Discord, clips: Clips, person: Person
) -> None:
    await dc.command(person, "help")
    assert "登记声音" in dc.last()
    await dc.clone(person, "爷爷", clips.ogg)
    assert dc.last().startswith("已保存声音“爷爷”")
    await dc.command(person, "say", voice="爷", text="你好")
    assert dc.words()[-1] == ("这里没有名为“爷”的声音。你是不是想找：爷爷？", True)


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("clone-text-file", "not audio I can read"),
        ("clone-too-short", "I need at least 3 s"),
        ("clone-too-big", "too big (the limit is 20 MB)"),
        ("clone-bad-name", "cannot be a voice name"),
        ("clone-taken-name", "already a voice called “alice”"),
        ("say-unknown-voice", "Did you mean: alice?"),
        ("say-too-long", "the limit is 2000"),
        ("say-no-voice", "Which voice?"),
        ("say-upstream-down", "not reachable right now"),
        ("menu-no-audio", "no voice message or audio file"),
        ("rename-taken", "already a voice called “alice”"),
    ],
)
async def test_bad_input_gets_one_short_private_sentence(
    dc: Discord, clips: Clips, fake302: Fake302, case: str, expected: str
) -> None:
    await dc.clone(ALICE, "alice", clips.ogg)
    await dc.clone(ALICE, "other", clips.ogg)
    big = dc.rest.attachment(clips.ogg, size=30 * 1024 * 1024)
    empty_message = dc.rest.message(BOB, "just words")
    actions = {
        "clone-text-file": lambda: dc.clone(ALICE, "bob", b"not audio at all\n" * 50),
        "clone-too-short": lambda: dc.clone(
            ALICE, "bob", clips.read("dc-short.ogg", "-t", "1", "-c:a", "libopus")
        ),
        "clone-too-big": lambda: dc.command(
            ALICE,
            "clone",
            name="bob",
            audio=big["id"],
            statement="own",
            attachments={big["id"]: big},
        ),
        "clone-bad-name": lambda: dc.clone(ALICE, "bob smith", clips.ogg),
        "clone-taken-name": lambda: dc.clone(ALICE, "ALICE", clips.ogg),
        "say-unknown-voice": lambda: dc.command(ALICE, "say", voice="alicee", text="hi"),
        "say-too-long": lambda: dc.command(ALICE, "say", voice="alice", text="word " * 500),
        "say-no-voice": lambda: dc.command(ALICE, "say", text="hi"),
        "say-upstream-down": lambda: dc.command(ALICE, "say", voice="alice", text="hi"),
        "menu-no-audio": lambda: dc.interact(
            dc.rest.interaction(
                ALICE,
                2,
                {
                    "id": "2",
                    "name": "Clone this voice",
                    "type": 3,
                    "target_id": empty_message["id"],
                    "resolved": {"messages": {empty_message["id"]: empty_message}},
                },
            )
        ),
        "rename-taken": lambda: dc.command(ALICE, "rename", voice="other", new_name="alice"),
    }
    if case == "say-upstream-down":
        fake302.fail("clone_create", Fault.error(503, -10008))
    await actions[case]()
    shown, ephemeral = dc.words()[-1]
    assert expected in shown and ephemeral
    assert not dc.voice_messages()
    names = sorted(v.name for v in await dc.bot.core.voices.usable(IN_GUILD))
    assert names == ["alice", "other"]


async def test_a_rejected_token_stops_start_up_without_showing_it(
    rest: FakeDiscord, tmp_path: Path
) -> None:
    code, out = await voicebot(
        tmp_path,
        "discord",
        DISCORD_BOT_TOKEN="WRONG.token.must-not-leak",
        DISCORD_API_URL=rest.api_url,
        ENGINE="offline",
    )
    assert code == 2
    assert out.strip().splitlines()[-1] == (
        "voicebot: Setting DISCORD_BOT_TOKEN was rejected by Discord"
    )
    assert "WRONG" not in out


async def test_only_the_owner_or_a_server_manager_may_delete_a_voice(
    dc: Discord, clips: Clips
) -> None:
    await dc.clone(ALICE, "alice", clips.ogg)
    await dc.command(BOB, "delete", voice="alice")
    assert dc.words()[-1] == (
        "Only the person who registered “alice”, or an admin here, can change it.",
        True,
    )
    manager = Person(BOB.id, "bob", admin=True)
    await dc.command(manager, "delete", voice="alice")
    assert dc.last() == "Deleted voice “alice”."


async def test_takes_design_keep_and_tune_on_discord(
    dc: Discord, clips: Clips, fake302: Fake302
) -> None:
    await dc.clone(ALICE, "alice", clips.ogg)
    await dc.command(ALICE, "say", voice="alice", text="hello", temperature=0.9, top_k=25)
    assert fake302.calls("clone_create")[-1].json["top_k"] == 25
    label = dc.rest.of("PATCH", "/webhooks/")[-1].json
    takes = [b["custom_id"] for b in label["components"][0]["components"]]
    assert [t.split(":")[1] for t in takes] == ["again", "steadier", "livelier"]
    await dc.press(ALICE, takes[2])  # livelier
    body = fake302.calls("clone_create")[-1].json
    assert (body["temperature"], body["top_k"]) == (1.2, 25)
    assert len(dc.voice_messages()) == 2

    fake302.behaviour.audio = tone_wav(5.0)
    await dc.command(ALICE, "design", description="a cheerful pirate", text="Ahoy, mateys!")
    label = dc.rest.of("PATCH", "/webhooks/")[-1].json
    assert label["content"].startswith("🔊 synthetic voice (designed): a cheerful pirate")
    keep = label["components"][0]["components"][3]["custom_id"]
    await dc.press(ALICE, keep)
    modal = dc.rest.of("POST", "/interactions/")[-1].json["data"]
    name_input = next(i for row in modal["components"] for i in modal_inputs(row))
    await dc.interact(
        dc.rest.interaction(
            ALICE,
            5,
            {
                "custom_id": modal["custom_id"],
                "components": [
                    {
                        "type": 1,
                        "components": [
                            {"type": 4, "custom_id": name_input["custom_id"], "value": "pirate"}
                        ],
                    }
                ],
            },
        )
    )
    assert dc.last().startswith("Saved voice “pirate”")
    assert dc.last().endswith("Transcript: “Ahoy, mateys!”")

    await dc.command(ALICE, "tune", voice="pirate", temperature=0.5)
    assert dc.words()[-1] == ("“pirate” now speaks with: temperature=0.5.", True)


async def test_a_dialogue_comes_from_a_form(dc: Discord, clips: Clips, fake302: Fake302) -> None:
    await dc.clone(ALICE, "alice", clips.ogg, transcript="I am Alice.")
    await dc.clone(ALICE, "bob", clips.ogg, transcript="I am Bob.")
    await dc.command(ALICE, "dialogue")
    modal = dc.rest.of("POST", "/interactions/")[-1].json["data"]
    script = next(i for row in modal["components"] for i in modal_inputs(row))
    await dc.interact(
        dc.rest.interaction(
            ALICE,
            5,
            {
                "custom_id": modal["custom_id"],
                "components": [
                    {
                        "type": 1,
                        "components": [
                            {
                                "type": 4,
                                "custom_id": script["custom_id"],
                                "value": "bob: Hi!\nalice: Hello.",
                            }
                        ],
                    }
                ],
            },
        )
    )
    body = fake302.calls("clone_create")[-1].json
    assert body["input_text"] == "[SPEAKER0] Hi!\n[SPEAKER1] Hello."
    assert body["ref_audio_text"] == ["I am Bob.", "I am Alice."]
    assert len(dc.voice_messages()) == 1


@pytest.mark.fault("discord: interaction expired while queued", "posted through the channel")
async def test_a_voice_that_outlived_its_interaction_is_still_posted(
    dc: Discord, clips: Clips
) -> None:
    await dc.clone(ALICE, "alice", clips.ogg)
    dc.rest.fail("PATCH", "/webhooks/", 401, 50027, "Invalid Webhook Token")  # a progress edit
    dc.rest.fail("PATCH", "/webhooks/", 401, 50027, "Invalid Webhook Token")
    dc.rest.fail("PATCH", "/webhooks/", 401, 50027, "Invalid Webhook Token")
    dc.rest.fail("PATCH", "/webhooks/", 401, 50027, "Invalid Webhook Token")  # the label
    await dc.command(ALICE, "say", voice="alice", text="hello")
    label = [c for c in dc.rest.sent_messages() if "synthetic voice" in str(c.payload)][-1]
    (voice,) = dc.voice_messages()
    assert voice.payload["message_reference"]["message_id"] == label.returned["id"]


@pytest.mark.fault(
    "discord: the channel was deleted before the voice was ready",
    "recorded as undeliverable; no file, no error elsewhere",
)
async def test_a_channel_deleted_by_the_time_the_voice_is_ready(
    dc: Discord, clips: Clips, higgs_settings: Settings
) -> None:
    await dc.clone(ALICE, "alice", clips.ogg)
    dc.rest.fail("POST", f"/channels/{CHANNEL_ID}/messages", 404, 10003, "Unknown Channel")
    await dc.command(ALICE, "say", voice="alice", text="hello")
    assert [c.returned for c in dc.voice_messages()] == [None]  # tried once, refused
    assert not [c for c in dc.rest.of("POST", "/webhooks/") if "files[0]" in c.files]
    assert not [w for w, _ in dc.words() if "Something went wrong" in w]
    with contextlib.closing(sqlite3.connect(higgs_settings.data_dir / "voicebot.db")) as db:
        assert db.execute("SELECT delivery FROM jobs").fetchall() == [("failed",)]
