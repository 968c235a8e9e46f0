"""Reporting a voice: anyone in a chat flags it, it falls silent there, and only the chat's
admins restore or delete it. Through the core on both databases, and end to end through the
real Telegram and Discord adapters."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from core.app import open_core
from core.domain import Where
from core.errors import (
    AdminsSettle,
    AlreadySuspended,
    ReportSettled,
    ReportsInGroups,
    ScriptLineError,
    VoiceNotFound,
    VoiceSuspended,
)
from core.settings import Settings
from tests.conftest import Clips, make_settings, traces_of
from tests.discord_world import (
    ADMIN,
    ALICE,
    BOB,
    CAROL,
    Discord,
    modal_inputs,
)
from tests.fakes.ai302 import Fake302
from tests.fakes.discord import BOT_USER, CHANNEL_ID
from tests.fakes.telegram import Chat
from tests.postgres import on_both_databases
from tests.telegram_chat import ALICE as TG_ALICE
from tests.telegram_chat import BOB as TG_BOB
from tests.telegram_chat import CAROL as TG_CAROL
from tests.telegram_chat import GROUP, Telegram

OWNER = Where("console", "family", "owner", user_name="Olga")
MEMBER = Where("console", "family", "member", user_name="Mo")
ADMIN_HERE = Where("console", "family", "admin", user_name="Ada", admin=True)
SUSPENDED = (
    "“{name}” is suspended here: someone reported it. It can speak again once an admin of "
    "this chat restores it."
)
ONLY_ADMINS = "Only an admin of this chat can restore or delete a reported voice."


# --- the core ------------------------------------------------------------------------------


@on_both_databases
async def test_a_reported_voice_is_silent_on_every_path_until_an_admin_restores_it(
    tmp_path: Path, clips: Clips, db_url: str
) -> None:
    settings = make_settings(tmp_path / "data", engine="offline", database_url=db_url)
    async with open_core(settings) as core:
        await core.voices.register(OWNER, "olga", clips.wav, transcript="words")
        await core.voices.set_default(OWNER, "olga")
        spoken = await core.speaking.say(OWNER, "olga", "Before.")
        assert spoken is not None

        report = await core.reports.report(MEMBER, "olga", "  not  her\x00 voice ")
        assert (report.voice.name, report.reason, report.reporter.id) == (
            "olga",
            "not her voice",
            "member",
        )
        assert [person.id for person in report.told] == ["owner"]
        with pytest.raises(AlreadySuspended):
            await core.reports.report(OWNER, "olga")
        for refused in (
            core.speaking.say(OWNER, "olga", "Hello."),
            core.speaking.say(OWNER, None, "Hello."),  # the chat's default voice
            core.speaking.retake(OWNER, spoken.job_id),
            core.voices.sample(OWNER, "olga"),
        ):
            with pytest.raises(VoiceSuspended):
                await refused
        with pytest.raises(ScriptLineError) as line:
            await core.speaking.dialogue(OWNER, "olga: Hi.")
        assert isinstance(line.value.inner, VoiceSuspended)
        assert await core.reports.suspended(OWNER, await core.voices.usable(OWNER)) == {
            report.voice.id
        }

        with pytest.raises(AdminsSettle):  # its owner is no admin of the chat
            await core.reports.restore(OWNER, report.voice.id)
        settled = await core.reports.restore(ADMIN_HERE, report.voice.id)
        assert settled.outcome == "restored"
        with pytest.raises(ReportSettled):
            await core.reports.delete(ADMIN_HERE, report.voice.id)
        again = await core.speaking.say(OWNER, None, "After.")
        assert again is not None and again.seconds > 0.3

        await core.reports.report(MEMBER, "olga")  # reported again: an admin deletes it
        assert (await core.reports.delete(ADMIN_HERE, report.voice.id)).outcome == "deleted"
        with pytest.raises(VoiceNotFound):
            await core.speaking.say(OWNER, "olga", "Gone.")


async def test_a_personal_voice_is_barred_from_the_chat_not_deleted(
    tmp_path: Path, clips: Clips
) -> None:
    settings = make_settings(tmp_path / "data", engine="offline")
    mine = replace(OWNER, private=True)
    async with open_core(settings) as core:
        voice = await core.voices.register(mine, "mine", clips.wav, transcript="words")
        spoken = await core.speaking.say(OWNER, "mine", "In the group.")
        assert spoken is not None
        with pytest.raises(ReportsInGroups):
            await core.reports.report(mine, "mine")
        report = await core.reports.report_spoken(MEMBER, spoken.job_id)  # the voice message
        assert report.voice.id == voice.id

        assert (await core.reports.delete(ADMIN_HERE, voice.id)).outcome == "barred"
        with pytest.raises(VoiceSuspended):
            await core.speaking.say(OWNER, "mine", "Still barred.")
        assert await core.speaking.say(mine, "mine", "Mine in private.") is not None
        with pytest.raises(ReportSettled):  # barred, not deleted: nothing to delete again
            await core.reports.delete(ADMIN_HERE, voice.id)

        with pytest.raises(AdminsSettle):
            await core.reports.restore(MEMBER, voice.id)
        assert (await core.reports.restore(ADMIN_HERE, voice.id)).outcome == "restored"
        assert await core.speaking.say(OWNER, "mine", "Back in the group.") is not None
        with pytest.raises(ReportSettled):
            await core.reports.restore(ADMIN_HERE, voice.id)


async def test_forgetting_a_reporter_keeps_the_report_but_not_them(
    tmp_path: Path, clips: Clips
) -> None:
    settings = make_settings(tmp_path / "data", engine="offline")
    async with open_core(settings) as core:
        await core.voices.register(OWNER, "olga", clips.wav, transcript="words")
        await core.reports.report(MEMBER, "olga", "my reason")
        await core.consent.forget_me(MEMBER)
        with pytest.raises(VoiceSuspended):
            await core.speaking.say(OWNER, "olga", "Hello.")
    assert traces_of(settings.data_dir, MEMBER.user_id) == []


# --- Telegram ------------------------------------------------------------------------------


def tg_alert(tg: Telegram) -> dict[str, Any]:
    return tg.api.of("answerCallbackQuery")[-1].params


async def tg_report(tg: Telegram, command: str, reply_to: dict[str, Any] | None = None) -> Any:
    """Carol reports in the group; returns the notice the bot posted for its admins."""
    await tg.send(tg.api.command(GROUP, TG_CAROL, command, reply_to=reply_to))
    return tg.sent_to(GROUP)[-1]


async def test_telegram_report_by_name_silences_the_voice_until_an_admin_restores_it(
    tg: Telegram, clips: Clips, fake302: Fake302
) -> None:
    await tg.clone(GROUP, TG_ALICE, clips.ogg, "/clone alice")
    tg.api.admins.add(TG_BOB.id)

    notice = await tg_report(tg, "/report alice <b>not</b> what she said")
    confirmed = tg.sent_to(GROUP)[-2]
    assert confirmed.params["text"] == (
        "Thank you. “alice” is reported: it cannot speak here until an admin of this chat "
        "restores or deletes it."
    )
    assert confirmed.params["reply_parameters"]["message_id"]  # under Carol's command
    assert notice.params["parse_mode"] == "HTML"
    assert notice.params["text"] == (
        f'⚠️ <a href="tg://user?id={TG_ALICE.id}">Alice</a>: Carol reported the voice '
        "“alice”. It is suspended here until an admin of this chat restores or deletes it."
        "\nReason given: &lt;b&gt;not&lt;/b&gt; what she said"
    )
    restore, delete = tg.buttons(notice)
    assert restore.startswith("report:restore:") and delete.startswith("report:delete:")

    await tg.send(tg.api.command(GROUP, TG_ALICE, "/say alice hello"))
    assert tg.last_text() == SUSPENDED.format(name="alice")
    assert not fake302.calls("clone_create")
    await tg.send(tg.api.command(GROUP, TG_ALICE, "/voices"))
    assert tg.last_text().endswith("\nalice · 7 s (suspended: reported)")

    await tg.press(TG_CAROL, tg.api.sent_message(notice), restore)  # not an admin
    assert (tg_alert(tg)["text"], tg_alert(tg)["show_alert"]) == (ONLY_ADMINS, "true")
    await tg.press(TG_BOB, tg.api.sent_message(notice), restore)
    edit = tg.api.of("editMessageText")[-1]
    assert edit.params["text"] == "✅ Bob restored “alice”: it can speak here again."
    assert int(edit.params["message_id"]) == tg.api.sent_message(notice)["message_id"]

    await tg.send(tg.api.command(GROUP, TG_ALICE, "/say alice hello"))
    (voice,) = tg.replies("sendVoice")
    assert voice.params["caption"] == "synthetic voice: alice"


async def test_telegram_admin_deletes_a_reported_voice(
    tg: Telegram, tg_settings: Settings, clips: Clips
) -> None:
    await tg.clone(GROUP, TG_ALICE, clips.ogg, "/clone alice")
    tg.api.admins.add(TG_BOB.id)
    notice = await tg_report(tg, "/report alice")
    assert "Reason given" not in notice.params["text"]
    await tg.send(tg.api.command(GROUP, TG_BOB, "/report alice"))
    assert tg.last_text() == (
        "“alice” was reported already: it is suspended here until an admin of this chat "
        "restores or deletes it."
    )

    await tg.press(TG_BOB, tg.api.sent_message(notice), tg.buttons(notice)[1])
    assert tg.last_text().startswith("🗑 Bob deleted “alice” and its clip. A copy uploaded")
    assert list((tg_settings.data_dir / "voices").iterdir()) == []
    await tg.send(tg.api.command(GROUP, TG_ALICE, "/say alice hello"))
    assert tg.last_text() == "I don't know a voice called “alice” here."
    await tg.press(TG_BOB, tg.api.sent_message(notice), tg.buttons(notice)[0])
    assert tg_alert(tg)["text"] == "This report was dealt with already, or its voice was deleted."


async def test_telegram_a_personal_voice_barred_from_the_group_can_be_let_back_in(
    tg: Telegram, clips: Clips
) -> None:
    await tg.clone(Chat(TG_ALICE.id, "private"), TG_ALICE, clips.ogg, "/clone mine")
    await tg.send(tg.api.command(GROUP, TG_ALICE, "/say mine hello"))
    (spoken,) = tg.replies("sendVoice")
    notice = await tg_report(tg, "/report", reply_to=tg.api.sent_message(spoken))
    tg.api.admins.add(TG_BOB.id)

    await tg.press(TG_BOB, tg.api.sent_message(notice), tg.buttons(notice)[1])
    barred = tg.api.of("editMessageText")[-1]
    assert barred.params["text"].startswith("🚫 Bob removed “mine” from this chat")
    (restore,) = tg.buttons(barred)  # an admin may change their mind
    assert restore.startswith("report:restore:")
    await tg.send(tg.api.command(GROUP, TG_ALICE, "/say mine again"))
    assert tg.last_text() == SUSPENDED.format(name="mine")

    await tg.press(TG_BOB, tg.api.sent_message(notice), restore)
    restored = tg.api.of("editMessageText")[-1]
    assert restored.params["text"] == "✅ Bob restored “mine”: it can speak here again."
    assert "reply_markup" not in restored.params
    await tg.send(tg.api.command(GROUP, TG_ALICE, "/say mine again"))
    assert len(tg.replies("sendVoice")) == 2


async def test_telegram_reply_report_to_a_bot_voice_reports_the_voice_that_spoke_it(
    tg: Telegram, clips: Clips, fake302: Fake302
) -> None:
    note = tg.api.voice_note(GROUP, TG_BOB, clips.ogg)
    await tg.send(tg.api.command(GROUP, TG_ALICE, "/clone bobby", reply_to=note))
    request = tg.sent_to(GROUP)[-1]
    await tg.press(TG_BOB, tg.api.sent_message(request), tg.buttons(request)[0])  # approved
    await tg.send(tg.api.command(GROUP, TG_ALICE, "/say bobby hello"))
    (spoken,) = tg.replies("sendVoice")

    notice = await tg_report(tg, "/report", reply_to=tg.api.sent_message(spoken))
    assert tg.sent_to(GROUP)[-2].params["text"].startswith("Thank you. “bobby” is reported")
    assert notice.params["text"].startswith(
        f'⚠️ <a href="tg://user?id={TG_ALICE.id}">Alice</a> and '
        f'<a href="tg://user?id={TG_BOB.id}">Bob</a>: Carol reported the voice “bobby”.'
    )
    await tg.send(tg.api.command(GROUP, TG_ALICE, "/say bobby again"))
    assert tg.last_text() == SUSPENDED.format(name="bobby")
    assert len(fake302.calls("clone_create")) == 1

    await tg.send(tg.api.command(GROUP, TG_CAROL, "/report"))  # neither a name nor a reply
    assert tg.last_text().startswith("Write it as: /report NAME [reason]")
    await tg.send(tg.api.command(Chat(TG_CAROL.id, "private"), TG_CAROL, "/report bobby"))
    assert tg.last_text().startswith("Reports are for groups and servers")


# --- Discord -------------------------------------------------------------------------------


def dc_buttons(message: dict[str, Any]) -> list[str]:
    return [button["custom_id"] for row in message["components"] for button in row["components"]]


async def test_discord_report_by_name_silences_the_voice_until_an_admin_restores_it(
    dc: Discord, clips: Clips, fake302: Fake302
) -> None:
    await dc.clone(ALICE, "alice", clips.ogg)

    await dc.command(CAROL, "report", name="alice", reason="not *her* voice")
    assert (
        "Thank you. “alice” is reported: it cannot speak here until an admin of this chat "
        "restores or deletes it.",
        True,
    ) in dc.words()
    (notice,) = dc.channel_messages()
    assert notice["content"] == (
        f"⚠️ <@{ALICE.id}>: carol reported the voice “alice”. It is suspended here until an "
        "admin of this chat restores or deletes it.\nReason given: not \\*her\\* voice"
    )
    assert notice["allowed_mentions"] == {"parse": [], "users": [ALICE.id]}
    restore, delete = dc_buttons(notice)
    assert restore.startswith("report:restore:") and delete.startswith("report:delete:")
    (dm,) = dc.rest.dm_messages(ALICE)
    assert dm.payload["content"].startswith(notice["content"] + "\nhttps://discord.com/channels/")

    await dc.command(ALICE, "say", voice="alice", text="Hello there.")
    assert dc.words()[-1] == (SUSPENDED.format(name="alice"), True)
    assert not dc.voice_messages() and not fake302.calls("clone_create")
    await dc.command(ALICE, "voices")
    listing = dc.rest.of("POST", "/interactions/")[-1].json["data"]
    (picker,) = listing["components"][0]["components"]
    assert picker["options"][0]["description"].endswith("(suspended: reported)")

    await dc.press(CAROL, restore)
    assert dc.words()[-1] == (ONLY_ADMINS, True)
    await dc.press(ADMIN, restore)
    edit = dc.rest.of("POST", "/interactions/")[-1].json
    assert edit["type"] == 7  # the notice becomes its outcome
    assert (
        edit["data"]["content"] == f"✅ <@{ADMIN.id}> restored “alice”: it can speak here again."
    )
    assert edit["data"]["components"] == []

    await dc.command(ALICE, "say", voice="alice", text="Hello there.")
    assert len(dc.voice_messages()) == 1


async def test_discord_a_personal_voice_barred_from_the_server_can_be_let_back_in(
    dc: Discord, clips: Clips
) -> None:
    await dc.clone(ALICE, "mine", clips.ogg, guild=False)
    await dc.command(ALICE, "say", voice="mine", text="Hello there.")
    await report_voice(dc, CAROL, spoken_message(dc), reason="not in here")
    notice = dc.channel_messages()[-1]

    await dc.press(ADMIN, dc_buttons(notice)[1])
    barred = dc.rest.of("POST", "/interactions/")[-1].json["data"]
    assert barred["content"].startswith(f"🚫 <@{ADMIN.id}> removed “mine” from this chat")
    (restore,) = dc_buttons(barred)  # an admin may change their mind
    assert restore.startswith("report:restore:")
    await dc.command(ALICE, "say", voice="mine", text="Hello there.")
    assert dc.words()[-1] == (SUSPENDED.format(name="mine"), True)

    await dc.press(ADMIN, restore)
    restored = dc.rest.of("POST", "/interactions/")[-1].json["data"]
    assert restored["content"] == f"✅ <@{ADMIN.id}> restored “mine”: it can speak here again."
    assert restored["components"] == []
    await dc.command(ALICE, "say", voice="mine", text="Hello there.")
    assert len(dc.voice_messages()) == 2


def spoken_message(dc: Discord) -> dict[str, Any]:
    """The bot's last voice message, as Discord shows it: a reply to its label."""
    label = dc.rest.of("PATCH", "/webhooks/")[-1].returned
    posted = dc.voice_messages()[-1]
    return {
        **dc.rest.message(BOB, ""),
        "author": BOT_USER,
        "flags": posted.payload["flags"],
        "message_reference": {"message_id": label["id"], "channel_id": str(CHANNEL_ID)},
        "referenced_message": label,
    }


async def test_discord_admin_deletes_a_reported_voice(dc: Discord, clips: Clips) -> None:
    await dc.clone(ALICE, "alice", clips.ogg)
    await dc.command(CAROL, "report", name="alice")
    (notice,) = dc.channel_messages()
    assert "Reason given" not in notice["content"]
    await dc.command(BOB, "report", name="alice")
    assert dc.words()[-1] == (
        "“alice” was reported already: it is suspended here until an admin of this chat "
        "restores or deletes it.",
        True,
    )

    await dc.press(ADMIN, dc_buttons(notice)[1])
    assert dc.last().startswith(f"🗑 <@{ADMIN.id}> deleted “alice” and its clip.")
    await dc.command(ALICE, "say", voice="alice", text="Hello there.")
    assert dc.words()[-1] == ("I don't know a voice called “alice” here.", True)


async def test_discord_report_voice_on_a_bot_voice_message_tells_owner_and_speaker(
    dc: Discord, clips: Clips
) -> None:
    bobs = dc.rest.message(BOB, "", attachments=[dc.rest.attachment(clips.ogg)])
    await dc.clone_message(ALICE, bobs, "bobby", "The quick brown fox.")
    (request,) = dc.channel_messages()
    await dc.press(BOB, dc_buttons(request)[0])  # approved
    await dc.command(ALICE, "say", voice="bobby", text="Hello there.")
    spoken = spoken_message(dc)

    await report_voice(dc, CAROL, spoken, reason="she never said that")
    assert (
        "Thank you. “bobby” is reported: it cannot speak here until an admin of this chat "
        "restores or deletes it.",
        True,
    ) in dc.words()
    notice = dc.channel_messages()[-1]
    assert notice["content"].startswith(
        f"⚠️ <@{ALICE.id}> and <@{BOB.id}>: carol reported the voice “bobby”."
    )
    assert notice["content"].endswith("\nReason given: she never said that")
    assert notice["allowed_mentions"] == {"parse": [], "users": [ALICE.id, BOB.id]}
    assert str(notice["message_reference"]["message_id"]) == spoken["id"]
    assert len(dc.rest.dm_messages(ALICE)) == 1 and len(dc.rest.dm_messages(BOB)) == 2
    await dc.command(ALICE, "say", voice="bobby", text="Again.")
    assert dc.words()[-1] == (SUSPENDED.format(name="bobby"), True)

    await report_voice(dc, CAROL, bobs)  # not the bot's: nothing to report
    assert dc.words()[-1] == (
        "That is not a voice message I posted. Use “Report voice” on one of mine, or "
        "/report name: to report a voice by its name.",
        True,
    )


async def test_discord_report_voice_in_a_dm_is_refused_before_any_form(dc: Discord) -> None:
    spoken = {  # a voice message of the bot's in a DM, its label's take buttons on it
        **dc.rest.message(ALICE, ""),
        "author": BOT_USER,
        "components": [
            {
                "type": 1,
                "components": [
                    {"type": 2, "style": 2, "label": "Again", "custom_id": "take:again:job1"}
                ],
            }
        ],
    }
    await report_voice(dc, ALICE, spoken, guild=False)
    assert dc.rest.of("POST", "/interactions/")[-1].json["type"] != 9  # no form opened
    assert dc.words()[-1] == (
        "Reports are for groups and servers; in a private chat your voices are yours alone.",
        True,
    )


async def report_voice(
    dc: Discord, person: Any, message: dict[str, Any], reason: str = "", *, guild: bool = True
) -> None:
    """ "Report voice" on a message (in the server, or a DM); the form that opens (if one
    does) sent with `reason`."""
    await dc.interact(
        dc.rest.interaction(
            person,
            2,
            {
                "id": "3",
                "name": "Report voice",
                "type": 3,
                "target_id": message["id"],
                "resolved": {"messages": {message["id"]: message}},
            },
            guild=guild,
        )
    )
    form = dc.rest.of("POST", "/interactions/")[-1].json
    if form["type"] != 9:  # refused at once: no form
        return
    assert form["data"]["title"] == "Report voice"
    (field,) = [i for row in form["data"]["components"] for i in modal_inputs(row)]
    assert field["label"] == "Why? (optional: the admins are told)" and not field["required"]
    filled = {"type": 4, "custom_id": field["custom_id"], "value": reason}
    await dc.interact(
        dc.rest.interaction(
            person,
            5,
            {
                "custom_id": form["data"]["custom_id"],
                "components": [{"type": 1, "components": [filled]}],
            },
        )
    )
