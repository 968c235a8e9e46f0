"""The Discord app installed to a user's account: its commands work wherever that person is,
also where the bot is no member (a DM or group DM between users, a server that has not added
it). There the channel refuses the bot, so everything goes through the interaction; in a
server with the bot nothing changes. Real discord.py against the fake Discord."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from core.domain import Where
from core.settings import Settings
from tests.conftest import Clips, Sleeps, ogg_stream, resumes_ended
from tests.discord_world import (
    ALICE,
    BOB,
    Discord,
    dies_mid_generation,
    discord_settings,
    logged_in,
)
from tests.fakes.ai302 import Fake302
from tests.fakes.discord import (
    APP_ID,
    CHANNEL_ID,
    DM_ID,
    PLACES,
    Call,
    FakeDiscord,
)
from tests.test_restart import Turnstile

ALICE_ALONE = Where("discord", str(ALICE.id), str(ALICE.id), private=True)  # her own space
VOICE_MESSAGE = 1 << 13


def channel_calls(rest: FakeDiscord, channel_id: int) -> list[Call]:
    """Everything the bot tried in a channel itself (not through an interaction)."""
    return [c for c in rest.calls if c.path.startswith(f"/channels/{channel_id}/")]


def followups(rest: FakeDiscord, label: Call | None = None) -> list[Call]:
    """Messages the bot sent following up its interactions (only the one whose response
    became `label`, if given)."""
    webhook = label.path.removesuffix("/messages/@original") if label is not None else ""
    return [
        c
        for c in rest.of("POST", f"/webhooks/{APP_ID}/")
        if "/messages" not in c.path and c.path.startswith(webhook)
    ]


def say(words: str, voice: str) -> dict[str, Any]:
    """/say's data, as a gateway interaction carries it."""
    options = [{"name": "text", "type": 3, "value": words}]
    options.append({"name": "voice", "type": 3, "value": voice})
    return {"id": "1", "name": "say", "type": 1, "options": options}


async def test_every_command_installs_to_servers_and_accounts_and_works_anywhere(
    dc: Discord, rest: FakeDiscord
) -> None:
    (synced,) = rest.of("PUT", f"/applications/{APP_ID}/commands")
    assert {"say", "clone", "voices", "Clone this voice"} <= {c["name"] for c in synced.json}
    for command in synced.json:
        assert command["integration_types"] == [0, 1], command["name"]
        assert command["contexts"] == [0, 1, 2], command["name"]


@pytest.mark.parametrize("place", ["dm", "group", "server"])
async def test_a_user_installed_say_where_the_bot_is_not_answers_through_the_interaction(
    dc: Discord, rest: FakeDiscord, clips: Clips, place: str
) -> None:
    await dc.clone(ALICE, "mine", clips.ogg, guild=False)  # in her DM with the bot: personal
    await dc.clone(ALICE, "theirs", clips.ogg)  # the server's, where the bot is

    await dc.command(ALICE, "say", place=place, voice="theirs", text="hi")
    assert "don't know a voice called “theirs”" in dc.last()  # her own space, not a server's
    await dc.command(ALICE, "say", place=place, voice="mine", text="hello from elsewhere")

    assert channel_calls(rest, PLACES[place]) == []  # the channel refuses it: never tried
    label = rest.of("PATCH", "/webhooks/")[-1]
    assert label.path.endswith("/messages/@original")
    assert label.json["content"] == f"🔊 synthetic voice: mine · for <@{ALICE.id}>"
    assert label.json["allowed_mentions"] == {"parse": []}
    assert [b["custom_id"].split(":")[1] for b in label.json["components"][0]["components"]] == [
        "again",
        "steadier",
        "livelier",
    ]
    (voice,) = followups(rest, label)  # the same interaction's
    assert voice.payload["flags"] == VOICE_MESSAGE
    assert 1.9 < voice.payload["attachments"][0]["duration_secs"] < 2.1
    assert ogg_stream(voice.files["files[0]"][2])["codec_name"] == "opus"
    assert not [w for w, _ in dc.words() if "Send Voice Messages" in w]


async def test_where_the_voice_message_is_refused_through_the_interaction_a_file_follows(
    dc: Discord, rest: FakeDiscord, clips: Clips
) -> None:
    await dc.clone(ALICE, "mine", clips.ogg, guild=False)
    rest.fail("POST", f"/webhooks/{APP_ID}/", 403, 50013, "Missing Permissions")
    await dc.command(ALICE, "say", place="dm", voice="mine", text="hello")

    refused, file = followups(rest, rest.of("PATCH", "/webhooks/")[-1])
    assert refused.payload["flags"] == VOICE_MESSAGE and refused.returned is None
    assert "flags" not in file.payload
    assert file.files["files[0]"][0] == "mine.ogg"
    assert ogg_stream(file.files["files[0]"][2])["codec_name"] == "opus"
    assert channel_calls(rest, DM_ID) == []
    assert not [w for w, _ in dc.words() if "Send Voice Messages" in w]  # nobody could grant it


async def test_in_a_server_with_the_bot_say_is_unchanged(
    dc: Discord, rest: FakeDiscord, clips: Clips
) -> None:
    await dc.clone(ALICE, "alice", clips.ogg)
    await dc.command(ALICE, "say", voice="alice", text="hello there")

    label = rest.of("PATCH", "/webhooks/")[-1]
    assert label.json["content"] == f"🔊 synthetic voice: alice · for <@{ALICE.id}>"
    (voice,) = dc.voice_messages()  # in the channel, replying to the label
    assert voice.path == f"/channels/{CHANNEL_ID}/messages"
    assert voice.payload["message_reference"]["message_id"] == label.returned["id"]
    assert not [c for c in followups(rest) if (c.payload or {}).get("flags") == VOICE_MESSAGE]


async def test_cloning_someones_voice_in_a_dm_between_users_asks_them_there_and_by_dm(
    dc: Discord, rest: FakeDiscord, clips: Clips
) -> None:
    message = rest.message(
        BOB, attachments=[rest.attachment(clips.ogg)], guild=False, channel_id=str(DM_ID)
    )
    await dc.clone_message(ALICE, message, "bobby", place="dm")

    told = [words for words, _ in dc.words()]
    assert "“bobby” is saved, but it cannot speak until bob agrees. I have asked them." in told
    assert not [w for w in told if "could not reach" in w]
    assert channel_calls(rest, DM_ID) == []
    (asked,) = [c for c in followups(rest) if "consent:yes" in str(c.payload)]
    assert asked.payload["content"].startswith(f"<@{BOB.id}>, alice wants to register")
    assert asked.payload["content"].endswith(f"/channels/@me/{DM_ID}/{message['id']}")
    assert [str(u) for u in asked.payload["allowed_mentions"]["users"]] == [str(BOB.id)]
    (by_dm,) = rest.dm_messages(BOB)
    assert "consent:yes" in str(by_dm.payload)

    approve = next(b for b in dc.buttons("consent:yes"))
    await dc.interact(  # bob answers in the chat, on what alice's app posted there
        rest.interaction(
            BOB,
            3,
            {"custom_id": approve, "component_type": 2},
            place="dm",
            installer=ALICE,
            message=asked.returned,
        )
    )
    answer = rest.of("POST", "/interactions/")[-1].json
    assert answer["type"] == 7 and "approved" in answer["data"]["content"]
    voice = await dc.bot.core.voices.get(ALICE_ALONE, "bobby")
    assert not voice.pending


async def test_myvoice_where_the_bot_is_not_says_to_read_in_a_dm(dc: Discord) -> None:
    await dc.command(ALICE, "myvoice", place="group", name="me")
    words, ephemeral = dc.words()[-1]
    assert "a DM with me" in words and not ephemeral


@contextlib.asynccontextmanager
async def cut_off_by_a_restart(
    settings: Any, rest: FakeDiscord, sleeps: Sleeps, clips: Clips, fake302: Fake302, **at: Any
) -> AsyncIterator[Discord]:
    """A user-installed /say in a DM between users, generating when the bot dies; the bot
    started again (resuming it) is yielded, the resumed job ended."""
    fake302.gate = turnstile = Turnstile()
    async with logged_in(settings, rest, sleeps) as dc:
        await dc.clone(ALICE, "mine", clips.ogg, guild=False)
        payload = rest.interaction(
            ALICE, 2, say("Hello after a restart.", "mine"), place="dm", **at
        )
        saying = asyncio.create_task(dc.interact(payload))
        await turnstile.reached.wait()
        await dies_mid_generation(saying)
    turnstile.set()
    async with logged_in(settings, rest, sleeps) as dc:  # setup_hook resumes the job
        await resumes_ended()
        yield dc


async def test_a_job_cut_off_by_a_restart_still_goes_through_its_interaction_in_time(
    higgs_settings: Settings, rest: FakeDiscord, sleeps: Sleeps, clips: Clips, fake302: Fake302
) -> None:
    settings = discord_settings(higgs_settings, rest)
    async with cut_off_by_a_restart(settings, rest, sleeps, clips, fake302) as dc:
        label = dc.rest.of("PATCH", "/webhooks/")[-1]
        (voice,) = followups(rest, label)

    assert label.path.endswith("/messages/@original")
    assert label.json["content"] == f"🔊 synthetic voice: mine · for <@{ALICE.id}>"
    assert voice.payload["flags"] == VOICE_MESSAGE
    assert channel_calls(rest, DM_ID) == []
    assert len(fake302.calls("clone_create")) == 1


@pytest.mark.fault(
    "discord: restarted past a user-installed request's 15 minutes",
    "dropped with a log line; nothing sent anywhere",
)
async def test_a_job_resumed_past_its_interactions_lifetime_is_dropped_quietly(
    higgs_settings: Settings,
    rest: FakeDiscord,
    sleeps: Sleeps,
    clips: Clips,
    fake302: Fake302,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = discord_settings(higgs_settings, rest)
    long_ago = rest.snowflake(datetime.now(UTC) - timedelta(minutes=16))
    with caplog.at_level(logging.INFO, logger="bots.discord"):
        async with cut_off_by_a_restart(settings, rest, sleeps, clips, fake302, id=long_ago):
            pass

    assert not [c for c in rest.of("PATCH", "/webhooks/") if "synthetic" in str(c.json)]
    assert [c for c in followups(rest) if c.files] == [] and channel_calls(rest, DM_ID) == []
    assert any("its interaction expired" in r.getMessage() for r in caplog.records)
    db = sqlite3.connect(higgs_settings.data_dir / "voicebot.db")
    with contextlib.closing(db):
        assert db.execute("SELECT delivery FROM jobs").fetchall() == [("failed",)]


@pytest.mark.fault(
    "discord: a user-installed request's token refused (401 50027)",
    "dropped with a log line; nothing sent anywhere",
)
async def test_a_token_discord_refuses_drops_the_result_quietly(
    dc: Discord, rest: FakeDiscord, clips: Clips, caplog: pytest.LogCaptureFixture
) -> None:
    await dc.clone(ALICE, "mine", clips.ogg, guild=False)
    for _ in range(4):  # progress edits, then the label
        rest.fail("PATCH", "/webhooks/", 401, 50027, "Invalid Webhook Token")
    with caplog.at_level(logging.INFO, logger="bots.discord"):
        await dc.command(ALICE, "say", place="dm", voice="mine", text="hello")

    assert [c for c in followups(rest) if c.files] == [] and channel_calls(rest, DM_ID) == []
    assert any("its interaction expired" in r.getMessage() for r in caplog.records)
    assert not [w for w, e in dc.words() if e and "wrong" in w]
