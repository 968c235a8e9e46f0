"""Consent, sharing and privacy in the Telegram bot, end to end: the real PTB Application against
the fake Bot API and the fake 302.AI. Nobody's voice speaks without them."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from core.domain import Where
from core.settings import Settings
from tests.conftest import Clips, Sleeps, traces_of
from tests.fakes.ai302 import Fake302
from tests.fakes.telegram import Call, Chat, FakeBotApi, User
from tests.telegram_chat import ALICE, BOB, CAROL, GROUP, Telegram, telegram_chat

# Each test keeps to fewer than 20 requests about one group: PTB's rate limiter, as the bot runs
# it, would otherwise hold the 21st back for seconds (Telegram allows 20 a minute per group).
WORK = Chat(-100456, "supergroup", "Work")
NO_LONGER_OPEN = (
    "This request is no longer open: it was answered, it expired, or the voice was deleted."
)
ONLY_BOB = "Only Bob can decide this: it is their voice."
WAITING = "“{name}” is waiting for its speaker's approval; it can speak once they agree."


async def clone_bobs_voice(tg: Telegram, clips: Clips, name: str = "bobby") -> Call:
    """Alice registers a voice from Bob's voice note in the group; returns the request to Bob
    the bot posted there."""
    note = tg.api.voice_note(GROUP, BOB, clips.ogg)
    await tg.send(tg.api.command(GROUP, ALICE, f"/clone {name}", reply_to=note))
    return tg.sent_to(GROUP)[-1]


def clip_files(data_dir: Path) -> list[str]:
    return sorted(path.name for path in (data_dir / "voices").iterdir())


def voice_names(data_dir: Path) -> list[str]:
    with closing(sqlite3.connect(data_dir / "voicebot.db")) as db:
        return [name for (name,) in db.execute("SELECT name FROM voices ORDER BY name")]


def alert(tg: Telegram) -> dict[str, Any]:
    return tg.api.of("answerCallbackQuery")[-1].params


async def test_cloning_someone_elses_voice_asks_them_and_it_speaks_once_they_approve(
    tg: Telegram, clips: Clips, fake302: Fake302
) -> None:
    note = tg.api.voice_note(GROUP, BOB, clips.ogg)
    await tg.send(tg.api.command(GROUP, ALICE, "/clone bobby", reply_to=note))

    told, request = tg.sent_to(GROUP)[-2:]
    assert (
        told.params["text"] == "“bobby” is saved, but it cannot speak until Bob agrees. "
        "I have asked them."
    )
    assert request.params["parse_mode"] == "HTML"
    assert request.params["text"].startswith(
        f'<a href="tg://user?id={BOB.id}">Bob</a>, Alice wants to register your voice as '
        "“bobby” from this message."
    )
    assert "deleted in 24 h" in request.params["text"]
    assert request.params["reply_parameters"]["message_id"] == note["message_id"]
    approve, decline = tg.buttons(request)
    assert approve.startswith("consent:yes:") and decline == approve.replace("yes", "no")
    (dm,) = tg.sent_to(BOB)  # asked in private too; Bob never started the bot, so Telegram said no
    assert (dm.params["text"], tg.buttons(dm)) == (request.params["text"], [approve, decline])
    assert not tg.api.of("answerCallbackQuery", "editMessageText")

    await tg.send(tg.api.command(GROUP, ALICE, "/say bobby hello"))
    assert tg.last_text() == WAITING.format(name="bobby")
    assert not fake302.calls("clone_create")

    await tg.press(BOB, tg.api.sent_message(request), approve)
    edit = tg.api.of("editMessageText")[-1]
    assert edit.params["text"] == "✅ Bob approved: “bobby” can speak now."
    assert int(edit.params["message_id"]) == tg.api.sent_message(request)["message_id"]

    await tg.send(tg.api.command(GROUP, ALICE, "/say bobby hello"))
    (voice,) = tg.replies("sendVoice")
    assert voice.params["caption"] == "synthetic voice: bobby"


async def test_only_the_speaker_can_answer_the_request(tg: Telegram, clips: Clips) -> None:
    request = await clone_bobs_voice(tg, clips)
    approve, decline = tg.buttons(request)

    await tg.press(CAROL, tg.api.sent_message(request), approve)
    assert (alert(tg)["text"], alert(tg)["show_alert"]) == (ONLY_BOB, "true")  # a pop-up
    await tg.press(ALICE, tg.api.sent_message(request), decline)
    assert alert(tg)["text"] == ONLY_BOB
    assert not tg.api.of("editMessageText")
    await tg.send(tg.api.command(GROUP, CAROL, "/say bobby hi"))
    assert tg.last_text() == WAITING.format(name="bobby")

    await tg.press(BOB, tg.api.sent_message(request), approve)  # the request stayed open
    assert tg.last_text() == "✅ Bob approved: “bobby” can speak now."


async def test_declining_in_private_deletes_the_voice_and_its_clip(
    tg: Telegram, tg_settings: Settings, clips: Clips
) -> None:
    await tg.send(tg.api.command(Chat(BOB.id, "private"), BOB, "/start"))  # Bob knows the bot
    group_request = await clone_bobs_voice(tg, clips)
    assert voice_names(tg_settings.data_dir) == ["bobby"]
    dm = tg.sent_to(BOB)[-1]
    assert dm.params["text"] == group_request.params["text"]

    await tg.press(BOB, tg.api.sent_message(dm), tg.buttons(dm)[1])  # ❌ Decline, in private
    edit = tg.api.of("editMessageText")[-1]
    assert edit.params["text"] == "❌ Bob declined: “bobby” and its clip are deleted."
    assert int(edit.params["chat_id"]) == BOB.id
    assert voice_names(tg_settings.data_dir) == [] and clip_files(tg_settings.data_dir) == []
    assert traces_of(tg_settings.data_dir, str(BOB.id)) == []

    await tg.press(BOB, tg.api.sent_message(group_request), tg.buttons(group_request)[0])
    assert alert(tg)["text"] == NO_LONGER_OPEN
    await tg.send(tg.api.command(GROUP, ALICE, "/say bobby hello"))
    assert tg.last_text() == "I don't know a voice called “bobby” here."


async def test_an_unanswered_request_expires(
    tg_settings: Settings, botapi: FakeBotApi, sleeps: Sleeps, clips: Clips
) -> None:
    async with telegram_chat(tg_settings, botapi, sleeps) as tg:
        request = await clone_bobs_voice(tg, clips)
        assert "unanswered, it is deleted in 24 h" in request.params["text"]

        # the bot's sweep, as it runs a day later (it runs a few times per timeout)
        await tg.core.consent.expire(now=datetime.now(UTC) + timedelta(hours=25))
        assert voice_names(tg_settings.data_dir) == [] and clip_files(tg_settings.data_dir) == []

        await tg.press(BOB, tg.api.sent_message(request), tg.buttons(request)[0])
        assert alert(tg)["text"] == NO_LONGER_OPEN
        assert not tg.api.of("editMessageText")


async def test_myvoices_shows_who_made_each_voice_and_revoking_deletes_it_everywhere(
    tg: Telegram, tg_settings: Settings, clips: Clips
) -> None:
    request = await clone_bobs_voice(tg, clips, "bobby")
    await tg.press(BOB, tg.api.sent_message(request), tg.buttons(request)[0])
    await tg.send(tg.api.command(GROUP, ALICE, "/say bobby hello"))
    await clone_bobs_voice(tg, clips, "bobby2")  # left unanswered
    bob_dm = Chat(BOB.id, "private")
    await tg.clone(bob_dm, BOB, clips.ogg, "/clone mine")

    await tg.send(tg.api.command(GROUP, BOB, "/myvoices"))  # in the group, for all to see
    listing = tg.replies()[-1]
    header, bobby, bobby2, mine = listing.params["text"].splitlines()
    assert header == "Voices made from your speech (revoking deletes one everywhere):"
    assert bobby.startswith("• bobby: made by Alice on ") and "; approved " in bobby
    assert bobby.endswith("; used once")
    assert bobby2.startswith("• bobby2: made by Alice on ")
    assert bobby2.endswith("; waiting for your approval; used 0 times")
    assert mine.startswith("• mine: made by Bob on ") and "; your own;" in mine
    rows = listing.params["reply_markup"]["inline_keyboard"]
    assert [[b["text"] for b in row] for row in rows] == [
        ["🗑 Revoke bobby"],
        ["🗑 Revoke bobby2", "✅ Approve", "❌ Decline"],
        ["🗑 Revoke mine"],
    ]
    revoke_bobby = rows[0][0]["callback_data"]

    await tg.press(ALICE, tg.api.sent_message(listing), revoke_bobby)
    assert alert(tg)["text"] == ONLY_BOB
    assert "bobby" in voice_names(tg_settings.data_dir)

    await tg.send(tg.api.command(bob_dm, BOB, "/myvoices"))  # in private: the voices are anywhere
    private = tg.replies()[-1]
    await tg.press(BOB, tg.api.sent_message(private), revoke_bobby)
    assert tg.last_text().startswith("“bobby” is deleted everywhere, with its clip.")
    assert "stays at an unlisted address" in tg.last_text()  # it spoke: the service has a copy
    assert voice_names(tg_settings.data_dir) == ["bobby2", "mine"]
    assert len(clip_files(tg_settings.data_dir)) == 2

    await tg.press(BOB, tg.api.sent_message(private), rows[1][1]["callback_data"])  # approve
    assert tg.last_text() == "✅ Bob approved: “bobby2” can speak now."
    await tg.send(tg.api.command(GROUP, ALICE, "/voices"))
    assert [line.split(" · ")[0] for line in tg.last_text().splitlines()[1:]] == ["bobby2"]


async def test_forgetme_leaves_nothing_of_bob_and_alices_own_voice_stays(
    tg: Telegram, tg_settings: Settings, clips: Clips
) -> None:
    bob_dm = Chat(BOB.id, "private")
    await tg.clone(WORK, ALICE, clips.ogg, "/clone alice")
    await tg.clone(WORK, BOB, clips.ogg, "/clone bobself")  # made by Bob
    request = await clone_bobs_voice(tg, clips)  # made from Bob's speech
    await tg.press(BOB, tg.api.sent_message(request), tg.buttons(request)[0])
    await tg.send(tg.api.command(GROUP, ALICE, "/say bobby hi"))  # Alice's request, Bob's voice
    await tg.clone(bob_dm, BOB, clips.ogg, "/clone mine")
    await tg.send(tg.api.command(bob_dm, BOB, "/say mine hello"))  # Bob's requests
    await tg.send(tg.api.command(bob_dm, BOB, "/design a cheerful pirate | Ahoy!"))  # a take
    await tg.send(tg.api.command(bob_dm, BOB, "/default mine"))  # a setting of his own
    await tg.send(tg.api.voice_note(bob_dm, BOB, clips.ogg))  # a clip waiting for its name
    assert tg.last_text().startswith("Nice clip! What should I call this voice?")
    assert traces_of(tg_settings.data_dir, str(BOB.id))

    await tg.send(tg.api.command(GROUP, BOB, "/forgetme"))
    confirm = tg.replies()[-1]
    assert confirm.params["text"].startswith("This deletes every voice you made")
    forget, cancel = tg.buttons(confirm)
    assert (forget, cancel) == (f"forget:yes:{BOB.id}", f"forget:no:{BOB.id}")
    await tg.press(CAROL, tg.api.sent_message(confirm), forget)
    assert alert(tg)["text"] == "Only the person who asked can answer this."
    await tg.press(BOB, tg.api.sent_message(confirm), cancel)
    assert tg.last_text() == "Nothing was deleted."
    assert traces_of(tg_settings.data_dir, str(BOB.id))

    await tg.send(tg.api.command(GROUP, BOB, "/forgetme"))
    confirm = tg.replies()[-1]
    await tg.press(BOB, tg.api.sent_message(confirm), tg.buttons(confirm)[0])
    assert tg.last_text().startswith(
        "Done. Deleted 3 voices, 3 audio clips, 2 requests and 1 setting."
    )
    await tg.send(tg.api.text(bob_dm, BOB, "mine2"))  # the name for the clip, which is gone
    assert "Saved voice" not in tg.last_text()
    assert traces_of(tg_settings.data_dir, str(BOB.id)) == []

    assert voice_names(tg_settings.data_dir) == ["alice"]
    assert len(clip_files(tg_settings.data_dir)) == 1
    await tg.send(tg.api.command(WORK, ALICE, "/say alice still here"))
    assert tg.replies("sendVoice")[-1].params["caption"] == "synthetic voice: alice"


async def test_a_group_can_let_only_its_admins_clone(
    tg: Telegram, tg_settings: Settings, clips: Clips
) -> None:
    tg.api.admins.add(ALICE.id)
    await tg.send(tg.api.command(GROUP, BOB, "/settings"))  # anyone may look
    assert tg.last_text() == (
        "Settings here:\n• who may register voices: everyone\n• members may use each other's "
        "voices: yes\n• characters per member per day: no limit\n\nAdmins can change them: "
        "/settings clone everyone|admins, /settings share on|off, /settings quota CHARS "
        "(0: no limit)."
    )
    await tg.send(tg.api.command(GROUP, BOB, "/settings clone admins"))
    assert tg.last_text() == "Only admins of this chat can change its settings."

    await tg.send(tg.api.command(GROUP, ALICE, "/settings clone admins"))
    assert "• who may register voices: admins only\n" in tg.last_text()
    await tg.clone(GROUP, BOB, clips.ogg, "/clone bobvoice")
    assert (
        tg.last_text() == "In this chat, only admins (or members with the chosen role) can "
        "register voices."
    )
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alicevoice")
    assert tg.last_text().startswith("Saved voice “alicevoice”")
    assert voice_names(tg_settings.data_dir) == ["alicevoice"]

    await tg.send(tg.api.command(GROUP, ALICE, "/settings clone everybody"))
    assert tg.last_text().startswith("Admins can change them:")
    await tg.send(tg.api.command(Chat(ALICE.id, "private"), ALICE, "/settings clone admins"))
    assert tg.last_text().startswith("Settings are for groups and servers")
    await tg.clone(Chat(BOB.id, "private"), BOB, clips.ogg, "/clone bobvoice")  # his own
    assert tg.last_text().startswith("Saved voice “bobvoice”")


async def test_a_daily_quota_refuses_what_goes_over_it(
    tg: Telegram, clips: Clips, fake302: Fake302
) -> None:
    tg.api.admins.add(ALICE.id)
    await tg.send(tg.api.command(GROUP, ALICE, "/settings quota 20"))
    assert "• characters per member per day: 20" in tg.last_text()
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    await tg.send(tg.api.command(GROUP, ALICE, "/say alice hello there"))  # 11 characters
    assert len(tg.replies("sendVoice")) == 1
    spoken = len(fake302.calls("clone_create"))

    await tg.send(tg.api.command(GROUP, ALICE, "/say alice and now rather more words"))
    assert "of your 20 characters for today here. More in " in tg.last_text()
    assert len(tg.replies("sendVoice")) == 1
    assert len(fake302.calls("clone_create")) == spoken


@pytest.mark.parametrize("origin", ["hidden-user", "channel", "bot"])
async def test_a_voice_whose_speaker_cannot_be_told_is_refused(
    tg: Telegram, tg_settings: Settings, clips: Clips, origin: str
) -> None:
    api = tg.api
    note = {
        "hidden-user": api.forwarded(api.voice_note(GROUP, ALICE, clips.ogg), "Mystery Caller"),
        "channel": api.forwarded(
            api.voice_note(GROUP, ALICE, clips.ogg), Chat(-100999, "channel", "News")
        ),
        "bot": api.voice_note(GROUP, User(700000999, "Some Bot", is_bot=True), clips.ogg),
    }[origin]
    await tg.send(api.command(GROUP, ALICE, "/clone mystery", reply_to=note))
    assert tg.last_text().startswith("I can't tell whose voice that is")
    assert voice_names(tg_settings.data_dir) == [] and clip_files(tg_settings.data_dir) == []
    assert len(api.of("sendMessage")) == 1  # nobody was asked anything


async def test_a_forward_asks_its_first_sender_and_your_own_voice_is_saved_at_once(
    tg: Telegram, tg_settings: Settings, clips: Clips
) -> None:
    api = tg.api
    forward = api.forwarded(api.voice_note(GROUP, CAROL, clips.ogg), BOB)  # Carol forwards Bob
    await tg.send(api.command(GROUP, ALICE, "/clone bobby", reply_to=forward))
    assert tg.sent_to(GROUP)[-2].params["text"].endswith("until Bob agrees. I have asked them.")
    assert f"tg://user?id={BOB.id}" in tg.sent_to(GROUP)[-1].params["text"]
    assert tg.sent_to(BOB) and not tg.sent_to(CAROL)

    await tg.clone(GROUP, ALICE, clips.ogg, "/clone mine")
    assert tg.last_text().startswith("Saved voice “mine”")
    await tg.send(api.command(GROUP, ALICE, "/say mine hello"))
    assert len(tg.replies("sendVoice")) == 1

    # the guided flow in private: a forwarded clip is still its first sender's voice
    alice_dm = Chat(ALICE.id, "private")
    await tg.send(api.forwarded(api.voice_note(alice_dm, ALICE, clips.ogg), BOB))
    await tg.send(api.text(alice_dm, ALICE, "bobprivate"))
    assert tg.sent_to(alice_dm)[-2].params["text"].endswith("until Bob agrees. I have asked them.")
    assert len(tg.sent_to(BOB)) == 2  # asked in private; Alice's own chat is no place for it
    assert tg.sent_to(alice_dm)[-1].params["text"] == (  # but Bob never started the bot
        "I could not reach Bob after all, so they have not been asked; they can still approve "
        "“bobprivate” with /myvoices."
    )
    assert not any("consent:" in str(c.params.get("reply_markup")) for c in tg.sent_to(alice_dm))
    await tg.send(api.command(alice_dm, ALICE, "/say bobprivate hello"))
    assert tg.last_text() == WAITING.format(name="bobprivate")
    assert sorted(voice_names(tg_settings.data_dir)) == ["bobby", "bobprivate", "mine"]


async def test_an_unshared_voice_is_its_owners_alone(tg: Telegram, clips: Clips) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    await tg.send(tg.api.command(GROUP, BOB, "/share alice off"))
    assert tg.last_text().startswith("Only the person who registered “alice”")
    await tg.send(tg.api.command(GROUP, ALICE, "/share alice maybe"))
    assert tg.last_text().startswith("Write it as: /share NAME on")

    await tg.send(tg.api.command(GROUP, ALICE, "/share alice off"))
    assert tg.last_text() == "“alice” is now yours alone: only you can use it."
    await tg.send(tg.api.command(GROUP, BOB, "/say alice hi"))
    assert tg.last_text() == "I don't know a voice called “alice” here."
    await tg.send(tg.api.command(GROUP, ALICE, "/voices"))
    listed = tg.last_text().splitlines()[1]
    assert listed.startswith("alice · ") and listed.endswith(" s (only its owner)")
    await tg.send(tg.api.command(GROUP, ALICE, "/say alice hi"))
    assert len(tg.replies("sendVoice")) == 1

    await tg.send(tg.api.command(GROUP, ALICE, "/share alice on"))
    assert tg.last_text() == "Everyone here may now use “alice”."
    await tg.send(tg.api.command(GROUP, BOB, "/voices"))
    assert tg.last_text().splitlines()[1].endswith(" s")


async def test_a_group_can_keep_each_member_to_their_own_voices(
    tg: Telegram, clips: Clips
) -> None:
    tg.api.admins.add(ALICE.id)
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    await tg.send(tg.api.command(GROUP, ALICE, "/settings share off"))
    assert "• members may use each other's voices: no\n" in tg.last_text()
    await tg.send(tg.api.command(GROUP, BOB, "/say alice hi"))
    assert tg.last_text() == "I don't know a voice called “alice” here."
    await tg.clone(GROUP, BOB, clips.ogg, "/clone bob")
    await tg.send(tg.api.command(GROUP, BOB, "/say bob hi"))  # his own voice, still his
    assert len(tg.replies("sendVoice")) == 1


# --- uploaded files: the speaker is unknown -------------------------------------------------

STATE_THE_STATEMENT = (
    "An uploaded file could be anyone's voice, so say whose it is: own (your own voice) or "
    "permission (someone who gave you permission), e.g. /clone NAME own."
)


@pytest.mark.parametrize("kind", ["audio", "document", "video"])
async def test_an_uploaded_file_without_a_statement_is_refused_and_stores_nothing(
    tg: Telegram, clips: Clips, tg_settings: Settings, kind: str
) -> None:
    size = {"width": 64, "height": 64, "duration": 5} if kind == "video" else {}
    upload = tg.api.voice_note(GROUP, ALICE, clips.ogg, kind=kind, file_name="me.ogg", **size)
    await tg.send(tg.api.command(GROUP, ALICE, "/clone alice", reply_to=upload))
    assert tg.last_text() == STATE_THE_STATEMENT
    await tg.send(tg.api.command(GROUP, ALICE, "/clone alice mine", reply_to=upload))
    assert tg.last_text() == STATE_THE_STATEMENT  # only own or permission will do
    assert voice_names(tg_settings.data_dir) == [] and clip_files(tg_settings.data_dir) == []
    assert not tg.api.of("getFile"), "refused before the file was fetched"


async def test_an_uploaded_file_in_a_group_speaks_once_an_admin_approves(
    tg: Telegram, clips: Clips, fake302: Fake302
) -> None:
    tg.api.admins.add(CAROL.id)
    upload = tg.api.voice_note(GROUP, ALICE, clips.ogg, kind="document", file_name="me.ogg")
    await tg.send(tg.api.command(GROUP, ALICE, "/clone alice own | Hello there.", reply_to=upload))
    told, request = tg.sent_to(GROUP)[-2:]
    assert told.params["text"] == (
        "“alice” is saved, but it cannot speak until an admin of this chat approves it. "
        "I have asked here. If it is your own voice, you can have it ready at once instead: "
        "/myvoice alice shows you a short phrase to read aloud in a voice message."
    )
    assert request.params["text"] == (
        "An admin of this chat must approve this: Alice uploaded a file as the voice “alice” "
        "and says it is their own voice. Until an admin approves, it cannot speak; "
        "unanswered, it is deleted in 24 h."
    )
    assert request.params["reply_parameters"]["message_id"] == upload["message_id"]
    assert not [c for c in tg.api.of("sendMessage") if int(c.params["chat_id"]) > 0], "no DM"
    assert not fake302.calls("upload"), "nothing of it leaves the bot before it is approved"

    await tg.send(tg.api.command(GROUP, ALICE, "/say alice hi"))
    assert "“alice” is waiting for approval by an admin of this chat" in tg.last_text()
    await tg.press(ALICE, tg.api.sent_message(request), tg.buttons(request)[0])  # the uploader
    assert alert(tg)["text"] == (
        "Only an admin of this chat can approve or decline a voice made from an uploaded file."
    )
    await tg.press(BOB, tg.api.sent_message(request), tg.buttons(request)[0])
    assert alert(tg)["text"].startswith("Only an admin of this chat")
    await tg.press(CAROL, tg.api.sent_message(request), tg.buttons(request)[0])
    assert "Carol approved: “alice” can speak now" in tg.last_text()
    (voice,) = await tg.core.voices.usable(Where("telegram", str(GROUP.id), str(ALICE.id)))
    assert (voice.statement, voice.speaker, voice.approved_at is not None) == ("own", None, True)

    await tg.send(tg.api.command(GROUP, BOB, "/say alice hello"))
    assert len(tg.replies("sendVoice")) == 1


async def test_an_uploaded_file_in_private_is_its_uploaders_alone_and_cannot_be_shared(
    tg: Telegram, clips: Clips
) -> None:
    me = Chat(ALICE.id, "private")
    upload = tg.api.voice_note(me, ALICE, clips.ogg, kind="audio")
    await tg.send(tg.api.command(me, ALICE, "/clone mine permission", reply_to=upload))
    assert tg.last_text().endswith(
        "Only you can use it: a voice from an uploaded file is not shared."
    )
    await tg.send(tg.api.command(me, ALICE, "/share mine on"))
    assert tg.last_text() == (
        "“mine” was made from an uploaded file that no admin of a chat approved, so it stays "
        "yours alone and cannot be shared. Register it in a group, where an admin can approve "
        "it."
    )
    await tg.send(tg.api.command(GROUP, BOB, "/say mine hi"))
    assert "don't know a voice called “mine”" in tg.last_text()
    await tg.send(tg.api.command(me, ALICE, "/say mine hi"))
    await tg.send(tg.api.command(GROUP, ALICE, "/say mine hi"))
    assert len(tg.replies("sendVoice")) == 2


async def test_an_uploaded_file_sent_in_private_says_how_to_clone_it(
    tg: Telegram, clips: Clips, tg_settings: Settings
) -> None:
    me = Chat(BOB.id, "private")
    upload = tg.api.voice_note(
        me, BOB, clips.ogg, kind="document", file_name="x.ogg", mime_type="audio/ogg"
    )
    await tg.send(upload)
    assert tg.last_text() == (
        "That is an uploaded file, so it could be anyone's voice. Reply to it with /clone NAME "
        "own if it is your own voice, or /clone NAME permission if its speaker gave you "
        "permission."
    )
    await tg.send(tg.api.text(me, BOB, "bobby"))  # not taken as a name: nothing was kept
    assert voice_names(tg_settings.data_dir) == []
    await tg.send(tg.api.voice_note(me, BOB, clips.ogg))  # a voice note still asks a name
    assert "What should I call this voice?" in tg.last_text()
