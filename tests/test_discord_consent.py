"""Consent, sharing and privacy on Discord, end to end: nobody's voice speaks without them, they
can take it back, forget everything, and a server's admins set its rules."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from core.domain import Where
from core.settings import Settings
from tests.conftest import Clips, Sleeps, traces_of
from tests.discord_world import (
    ADMIN,
    ALICE,
    BOB,
    CAROL,
    EPHEMERAL,
    HOOK,
    IN_GUILD,
    Discord,
    discord_settings,
    logged_in,
)
from tests.fakes.ai302 import Fake302
from tests.fakes.discord import APP_ID, BOT_USER, CHANNEL_ID, GUILD_ID, FakeDiscord, Person, Role

BOB_HERE = Where("discord", str(GUILD_ID), str(BOB.id))
VOICE_MAKERS = Role(720000000000000001, "voice-makers")
NO_LONGER_OPEN = (
    "This request is no longer open: it was answered, it expired, or the voice was deleted.",
    True,
)


@pytest.fixture
def overrides() -> dict[str, Any]:
    """Settings a test changes (parametrize `overrides` to change them)."""
    return {}


@pytest.fixture
async def dc(
    higgs_settings: Settings, rest: FakeDiscord, sleeps: Sleeps, overrides: dict[str, Any]
) -> AsyncIterator[Discord]:
    settings = discord_settings(higgs_settings, rest, **overrides)
    async with logged_in(settings, rest, sleeps) as world:
        yield world


@pytest.fixture
def data_dir(higgs_settings: Settings) -> Path:
    return higgs_settings.data_dir


def voice_message_of(dc: Discord, person: Person, clips: Clips) -> dict[str, Any]:
    """`person` posts a voice message in the channel."""
    return dc.rest.message(person, "", attachments=[dc.rest.attachment(clips.ogg)])


async def alice_clones_bob(dc: Discord, clips: Clips) -> dict[str, Any]:
    """Alice uses "Clone this voice" on Bob's voice message; returns the request posted."""
    bobs = voice_message_of(dc, BOB, clips)
    await dc.clone_message(ALICE, bobs, "bobby", "The quick brown fox.")
    return dc.channel_messages()[-1]


def buttons_of(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [button for row in message["components"] for button in row["components"]]


def jump_url(message: dict[str, Any]) -> str:
    return f"https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/{message['id']}"


async def test_someone_elses_voice_speaks_only_once_they_approve(
    dc: Discord, clips: Clips, fake302: Fake302
) -> None:
    source = voice_message_of(dc, BOB, clips)
    await dc.clone_message(ALICE, source, "bobby", "The quick brown fox.")
    assert (
        "“bobby” is saved, but it cannot speak until bob agrees. I have asked them.",
        False,
    ) in dc.words()

    (request,) = dc.channel_messages()
    assert request["content"] == (
        f"<@{BOB.id}>, alice wants to register your voice as “bobby” from this message. Until "
        "you approve, it cannot speak; unanswered, it is deleted in 24 h. See or revoke your "
        "voices any time with /myvoices."
    )
    assert request["allowed_mentions"] == {"parse": [], "users": [BOB.id]}  # bob, nobody else
    assert str(request["message_reference"]["message_id"]) == source["id"]
    approve, decline = buttons_of(request)
    assert (approve["label"], decline["label"]) == ("✅ Approve", "❌ Decline")
    (dm,) = dc.rest.dm_messages(BOB)
    assert dm.payload["content"] == f"{request['content']}\n{jump_url(source)}"
    assert buttons_of(dm.payload) == buttons_of(request)

    await dc.command(ALICE, "say", voice="bobby", text="Hello there.")
    assert dc.words()[-1] == (
        "“bobby” is waiting for its speaker's approval; it can speak once they agree.",
        True,
    )
    assert not dc.voice_messages() and not fake302.calls("clone_create")

    await dc.press(BOB, approve["custom_id"])
    edit = dc.rest.of("POST", "/interactions/")[-1].json
    assert edit["type"] == 7  # the request itself becomes the answer
    assert edit["data"]["content"] == f"✅ <@{BOB.id}> approved: “bobby” can speak now."
    assert edit["data"]["components"] == []

    await dc.command(ALICE, "say", voice="bobby", text="Hello there.")
    assert len(dc.voice_messages()) == 1
    label = dc.rest.of("PATCH", "/webhooks/")[-1].json["content"]
    assert label == f"🔊 synthetic voice: bobby · for <@{ALICE.id}>"
    voice = await dc.bot.core.voices.get(IN_GUILD, "bobby")
    assert voice.speaker is not None
    assert (voice.speaker.id, voice.speaker.name, voice.owner_name, voice.source) == (
        str(BOB.id),
        "bob",
        "alice",
        jump_url(source),
    )


async def test_only_the_speaker_may_answer_even_without_a_dm(dc: Discord, clips: Clips) -> None:
    dc.rest.closed_dms.add(str(BOB.id))  # bob accepts no DMs: the channel request still stands
    request = await alice_clones_bob(dc, clips)
    (refused,) = dc.rest.dm_messages(BOB)
    assert refused.returned is None
    approve, decline = buttons_of(request)

    await dc.press(CAROL, approve["custom_id"])
    assert dc.words()[-1] == ("Only bob can decide this: it is their voice.", True)
    await dc.press(ALICE, decline["custom_id"])  # not even the one who asked
    assert dc.words()[-1] == ("Only bob can decide this: it is their voice.", True)
    (voice,) = await dc.bot.core.consent.mine(BOB_HERE)
    assert voice.pending
    assert not [c for c in dc.rest.of("POST", "/interactions/") if c.json["type"] == 7]


async def test_declining_from_a_dm_deletes_the_voice_and_its_clip(
    dc: Discord, clips: Clips, data_dir: Path
) -> None:
    approve, decline = buttons_of(await alice_clones_bob(dc, clips))
    assert len(list((data_dir / "voices").iterdir())) == 1

    await dc.press(BOB, decline["custom_id"], guild=False)  # on the DM's copy of the request
    edit = dc.rest.of("POST", "/interactions/")[-1].json
    assert edit["data"]["content"] == f"❌ <@{BOB.id}> declined: “bobby” and its clip are deleted."
    assert traces_of(data_dir, str(BOB.id)) == []
    assert list((data_dir / "voices").iterdir()) == []

    await dc.press(BOB, approve["custom_id"])  # the channel's copy, answered already
    assert dc.words()[-1] == NO_LONGER_OPEN


async def test_an_unanswered_request_expires(dc: Discord, clips: Clips, data_dir: Path) -> None:
    approve, _ = buttons_of(await alice_clones_bob(dc, clips))
    # the bot's sweep, as it runs a day later (it runs a few times per timeout)
    await dc.bot.core.consent.expire(now=datetime.now(UTC) + timedelta(hours=25))
    assert traces_of(data_dir, str(BOB.id)) == []
    await dc.press(BOB, approve["custom_id"])
    assert dc.words()[-1] == NO_LONGER_OPEN


async def test_myvoices_shows_who_made_each_and_revoking_deletes_it(
    dc: Discord, clips: Clips, data_dir: Path
) -> None:
    await alice_clones_bob(dc, clips)
    await dc.command(BOB, "myvoices")
    listing = dc.rest.of("POST", "/interactions/")[-1].json["data"]
    assert listing["flags"] & EPHEMERAL
    today = (await dc.bot.core.consent.mine(BOB_HERE))[0].created_at.strftime("%Y-%m-%d")
    assert listing["content"] == (
        "Voices made from your speech (revoking deletes one everywhere):\n"
        f"• bobby: made by alice on {today}; waiting for your approval; used 0 times"
    )
    approve, decline = buttons_of(listing)
    assert (approve["label"], decline["label"]) == ("✅ Approve bobby", "❌ Decline bobby")

    await dc.press(BOB, approve["custom_id"])  # from the list: it is shown again, updated
    listing = dc.rest.of("POST", "/interactions/")[-1].json["data"]
    assert listing["content"].startswith(f"✅ <@{BOB.id}> approved: “bobby” can speak now.\n\n")
    assert listing["content"].endswith(f"approved {today}; used 0 times")
    (revoke,) = buttons_of(listing)
    assert revoke["label"] == "🗑 Revoke bobby"
    await dc.command(ALICE, "say", voice="bobby", text="Hello there.")
    assert len(dc.voice_messages()) == 1

    await dc.press(CAROL, revoke["custom_id"])
    assert dc.words()[-1] == ("Only bob can decide this: it is their voice.", True)
    await dc.press(BOB, revoke["custom_id"])
    listing = dc.rest.of("POST", "/interactions/")[-1].json["data"]
    assert listing["content"] == (
        "“bobby” is deleted everywhere, with its clip. A copy uploaded to the speech service "
        "when it first spoke stays at an unlisted address nobody else was given: the service "
        "offers no way to delete it.\n\nNo voice has been made from your speech."
    )  # it spoke once, so the speech service was given its clip then
    assert listing["components"] == []
    assert traces_of(data_dir, str(BOB.id)) == []
    await dc.command(ALICE, "say", voice="bobby", text="Hello again.")
    assert dc.words()[-1] == ("I don't know a voice called “bobby” here.", True)


async def test_forgetme_leaves_nothing_of_bob_and_alices_voices_stay(
    dc: Discord, clips: Clips, data_dir: Path
) -> None:
    await dc.clone(ALICE, "alice", clips.ogg)
    await dc.clone(BOB, "bob", clips.ogg)  # his own
    approve, _ = buttons_of(await alice_clones_bob(dc, clips))  # from his speech
    await dc.press(BOB, approve["custom_id"])
    await dc.clone_message(BOB, voice_message_of(dc, ALICE, clips), "alice_by_bob")  # by him
    await dc.command(BOB, "say", voice="bob", text="Hello from Bob.")
    await dc.command(ALICE, "say", voice="bobby", text="Hello from Alice.")
    assert len(dc.voice_messages()) == 2

    await dc.command(BOB, "forgetme")
    assert dc.words()[-1] == (
        "This deletes every voice you made or that was made from your speech, their clips, "
        "your requests and your settings here. It cannot be undone.",
        True,
    )
    forget, cancel = dc.buttons()
    await dc.press(BOB, cancel)
    assert dc.last() == "Nothing was deleted."
    assert len(await dc.bot.core.consent.mine(BOB_HERE)) == 2

    await dc.command(BOB, "forgetme")
    forget, cancel = dc.buttons()
    await dc.press(BOB, forget)
    assert dc.last().startswith("Done. Deleted 3 voices, 3 audio clips, 1 request and 0 settings.")
    assert traces_of(data_dir, str(BOB.id)) == []
    assert [v.name for v in await dc.bot.core.voices.usable(IN_GUILD)] == ["alice"]


async def test_admins_decide_who_may_clone(dc: Discord, clips: Clips) -> None:
    dc.server([VOICE_MAKERS])
    await dc.command(ADMIN, "settings", clone="admins")
    assert dc.words()[-1] == (
        "Settings here:\n• who may register voices: admins only\n• members may use each "
        "other's voices: yes\n• characters per member per day: no limit",
        True,
    )
    await dc.clone(ALICE, "alice", clips.ogg)
    assert dc.words()[-1] == (
        "In this chat, only admins (or members with the chosen role) can register voices.",
        True,
    )
    await dc.command(ALICE, "settings", clone="everyone")
    assert dc.words()[-1] == ("Only admins of this chat can change its settings.", True)
    await dc.command(ALICE, "settings")  # anyone may read them
    assert "who may register voices: admins only" in dc.last()
    await dc.command(ALICE, "settings", guild=False)
    assert dc.words()[-1] == (
        "Settings are for groups and servers; in a private chat your voices are yours alone.",
        True,
    )
    await dc.clone(ADMIN, "dana", clips.ogg)
    assert dc.last().startswith("Saved voice “dana”")

    await dc.command(ADMIN, "settings", clone="role", role=VOICE_MAKERS)
    assert f"who may register voices: admins and <@&{VOICE_MAKERS.id}>" in dc.last()
    maker = Person(CAROL.id, "carol", roles=(VOICE_MAKERS.id,))
    await dc.clone(maker, "carol", clips.ogg)
    assert dc.last().startswith("Saved voice “carol”")
    await dc.clone(ALICE, "alice", clips.ogg)
    assert "only admins (or members with the chosen role)" in dc.last()
    assert [v.name for v in await dc.bot.core.voices.usable(IN_GUILD)] == ["carol", "dana"]


async def test_a_daily_quota_stops_a_say_before_anything_is_spoken(
    dc: Discord, clips: Clips, fake302: Fake302
) -> None:
    await dc.clone(ALICE, "alice", clips.ogg)
    await dc.command(ADMIN, "settings", daily_chars=20)
    assert "characters per member per day: 20" in dc.last()
    await dc.command(ALICE, "say", voice="alice", text="Hello there.")  # 12 characters
    await dc.command(ALICE, "say", voice="alice", text="And a longer one now.")
    shown, ephemeral = dc.words()[-1]
    assert shown.startswith("You have used 12 of your 20 characters for today here.")
    assert ephemeral
    assert len(dc.voice_messages()) == 1 and len(fake302.calls("clone_create")) == 1


async def test_a_bots_voice_cannot_be_cloned_and_your_own_needs_no_asking(
    dc: Discord, clips: Clips, data_dir: Path
) -> None:
    speaker_unknown = (
        "I can't tell whose voice that is (a hidden forward, or a bot), so I "
        "can't ask them. Clone a voice message its speaker sent themselves."
    )
    from_a_bot = voice_message_of(dc, HOOK, clips)
    await dc.clone_message(ALICE, from_a_bot, "robot")
    assert dc.words()[-1] == (speaker_unknown, True)
    await dc.post(
        dc.rest.message(
            ALICE,
            f"<@{APP_ID}> clone robot",
            mentions=[BOT_USER],
            referenced_message=from_a_bot,
            message_reference={"message_id": from_a_bot["id"], "channel_id": str(CHANNEL_ID)},
        )
    )
    assert dc.channel_messages()[-1]["content"] == speaker_unknown
    assert list((data_dir / "voices").iterdir()) == []

    await dc.clone(ALICE, "alice", clips.ogg)
    assert dc.last().startswith("Saved voice “alice”")
    await dc.clone_message(ALICE, voice_message_of(dc, ALICE, clips), "alice2")
    assert dc.last().startswith("Saved voice “alice2”")
    assert not dc.rest.dm_messages(ALICE)
    assert not [m for m in dc.channel_messages() if "wants to register" in m["content"]]
    assert len(await dc.bot.core.voices.usable(IN_GUILD)) == 2


async def test_an_unshared_voice_is_its_owners_alone(dc: Discord, clips: Clips) -> None:
    await dc.clone(ALICE, "alice", clips.ogg)
    await dc.command(ALICE, "share", voice="alice", shared=False)
    assert dc.words()[-1] == ("“alice” is now yours alone: only you can use it.", True)
    await dc.command(BOB, "say", voice="alice", text="Hi.")
    assert dc.words()[-1] == ("I don't know a voice called “alice” here.", True)
    await dc.command(BOB, "share", voice="alice", shared=True)
    assert dc.words()[-1] == (
        "Only the person who registered “alice”, or an admin here, can change it.",
        True,
    )
    await dc.command(ALICE, "say", voice="alice", text="Hi.")
    assert len(dc.voice_messages()) == 1
    await dc.command(ALICE, "voices")
    picker = dc.rest.of("POST", "/interactions/")[-1].json["data"]["components"][0]
    assert picker["components"][0]["options"][0]["description"].endswith("(only its owner)")

    await dc.command(ALICE, "share", voice="alice", shared=True)
    assert dc.last() == "Everyone here may now use “alice”."
    await dc.command(BOB, "say", voice="alice", text="Hi.")
    assert len(dc.voice_messages()) == 2
    await dc.command(ADMIN, "settings", members_use_others=False)  # a server may say no to all
    await dc.command(BOB, "say", voice="alice", text="Hi.")
    assert dc.words()[-1] == ("I don't know a voice called “alice” here.", True)


@pytest.mark.fault(
    "discord: the consent request cannot be posted in the channel (403)",
    "sent by DM all the same; the requester told when neither reached the speaker",
)
@pytest.mark.parametrize("dms", ["open", "closed"])
async def test_a_channel_that_refuses_the_request_still_lets_the_speaker_be_asked(
    dc: Discord, clips: Clips, dms: str
) -> None:
    if dms == "closed":
        dc.rest.closed_dms.add(str(BOB.id))
    dc.rest.fail("POST", f"/channels/{CHANNEL_ID}/messages", 403, 50013, "Missing Permissions")
    await dc.clone_message(ALICE, voice_message_of(dc, BOB, clips), "bobby")

    (refused,) = dc.channel_messages()
    assert "wants to register your voice as “bobby”" in refused["content"]
    (dm,) = dc.rest.dm_messages(BOB)  # tried whatever became of the channel's copy
    assert "wants to register your voice as “bobby”" in dm.payload["content"]
    unreached = (
        "I could not reach bob after all, so they have not been asked; they can still approve "
        "“bobby” with /myvoices.",
        True,
    )
    if dms == "open":
        assert buttons_of(dm.returned) == buttons_of(dm.payload)
        assert unreached not in dc.words()
    else:
        assert dc.words()[-1] == unreached
    (voice,) = await dc.bot.core.consent.mine(BOB_HERE)
    assert voice.pending  # waiting all the same: /myvoices shows it to bob


# --- uploaded files: the speaker is unknown -------------------------------------------------


async def test_an_uploaded_file_in_a_server_speaks_once_an_admin_approves(
    dc: Discord, clips: Clips, fake302: Fake302
) -> None:
    await dc.clone(ALICE, "alice", clips.ogg, voice=False, transcript="Hello there.")
    assert dc.words()[-2:] == [
        (
            "“alice” is saved, but it cannot speak until an admin of this chat approves it. "
            "I have asked here. If it is your own voice, you can have it ready at once "
            "instead: /myvoice alice shows you a short phrase to read aloud in a voice message.",
            False,
        ),
        (
            "An admin of this chat must approve this: alice uploaded a file as the voice "
            "“alice” and says it is their own voice. Until an admin approves, it cannot speak; "
            "unanswered, it is deleted in 24 h.",
            False,
        ),
    ]
    request = dc.channel_messages()[-1]
    assert request["allowed_mentions"]["parse"] == [] and not dc.rest.of("POST", "/users/@me")
    assert not fake302.calls("upload")
    await dc.command(ALICE, "say", voice="alice", text="Hi.")
    assert dc.last() == (
        "“alice” is waiting for approval by an admin of this chat; it can speak once one "
        "approves it."
    )
    approve, _ = buttons_of(request)
    await dc.press(ALICE, approve["custom_id"])
    assert dc.words()[-1] == (
        "Only an admin of this chat can approve or decline a voice made from an uploaded file.",
        True,
    )
    await dc.press(ADMIN, approve["custom_id"])
    assert dc.last() == "✅ <@500000000000000006> approved: “alice” can speak now."
    await dc.command(BOB, "say", voice="alice", text="Hello from Bob.")
    assert len(dc.voice_messages()) == 1


async def test_an_uploaded_file_in_a_dm_is_its_uploaders_alone_and_cannot_be_shared(
    dc: Discord, clips: Clips
) -> None:
    await dc.clone(ALICE, "mine", clips.ogg, guild=False, voice=False, statement="permission")
    assert dc.last().endswith("Only you can use it: a voice from an uploaded file is not shared.")
    await dc.command(ALICE, "share", guild=False, voice="mine", shared=True)
    assert dc.last().startswith("“mine” was made from an uploaded file that no admin")
    await dc.command(BOB, "say", voice="mine", text="Hi.")
    assert dc.last() == "I don't know a voice called “mine” here."
    await dc.command(ALICE, "say", voice="mine", text="Hi.")
    assert len(dc.voice_messages()) == 1


async def test_clone_this_voice_on_an_uploaded_file_points_to_clone_with_a_statement(
    dc: Discord, clips: Clips
) -> None:
    upload = dc.rest.message(
        ALICE, "", attachments=[dc.rest.attachment(clips.ogg, "me.ogg", voice=False)]
    )
    pointer = (
        "That is an uploaded file, not a voice message its speaker recorded: it could be "
        "anyone's voice. Register it with /clone name: audio: statement: and say whose it is "
        "(in a server, an admin then approves it)."
    )
    await dc.interact(
        dc.rest.interaction(
            ALICE,
            2,
            {
                "id": "2",
                "name": "Clone this voice",
                "type": 3,
                "target_id": upload["id"],
                "resolved": {"messages": {upload["id"]: upload}},
            },
        )
    )
    assert dc.words()[-1] == (pointer, True)
    reply = dc.rest.message(
        ALICE,
        f"<@{APP_ID}> clone alice",
        mentions=[BOT_USER],
        referenced_message=upload,
        message_reference={"message_id": upload["id"], "channel_id": str(CHANNEL_ID)},
    )
    await dc.post(reply)
    assert dc.channel_messages()[-1]["content"] == pointer
    assert await dc.bot.core.voices.usable(IN_GUILD) == []
