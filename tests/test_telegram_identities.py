"""Who sent it, on Telegram: messages sent on behalf of a chat (anonymous admins, channel
identities, a channel's posts forwarded to its group) and channel posts, through the real bot."""

from __future__ import annotations

import logging

import pytest
from telegram import Update

from core.domain import Where
from core.settings import Settings
from tests.conftest import Clips
from tests.fakes.ai302 import Fake302
from tests.fakes.telegram import Chat
from tests.telegram_chat import ALICE, GROUP, Telegram

OTHER_GROUP = Chat(-100456, "supergroup", "Neighbours")
NEWS = Chat(-100789, "channel", "News")  # a channel, and the group's linked one
AS_YOURSELF = (
    "Send this as yourself, not anonymously or as a channel: a voice needs a person who owns it."
)


@pytest.fixture
def tg_settings(higgs_settings: Settings) -> Settings:
    """One request per person per minute: a stand-in shared by all would soon be refused."""
    return higgs_settings.model_copy(update={"user_requests_per_minute": 1})


@pytest.mark.fault(
    "telegram: a command from an anonymous admin or a channel identity",
    "refused in one sentence; nothing counted under Telegram's shared stand-in",
)
@pytest.mark.parametrize("as_chat", ["anonymous admin", "channel identity"])
async def test_a_command_sent_on_behalf_of_a_chat_is_refused_in_one_sentence(
    tg: Telegram, clips: Clips, fake302: Fake302, as_chat: str
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    for group in (GROUP, OTHER_GROUP, GROUP):
        chat = group if as_chat == "anonymous admin" else NEWS
        command = tg.api.on_behalf_of(tg.api.command(group, ALICE, "/say alice hello"), chat)
        await tg.send(command)
        refusal = tg.replies()[-1]
        assert refusal.params["text"] == AS_YOURSELF
        assert refusal.params["reply_parameters"]["message_id"] == command["message_id"]
    note = tg.api.on_behalf_of(tg.api.voice_note(GROUP, ALICE, clips.ogg), GROUP)
    await tg.send(tg.api.on_behalf_of(tg.api.command(GROUP, ALICE, "/clone mine", note), GROUP))
    assert tg.last_text() == AS_YOURSELF
    assert not tg.replies("sendVoice") and not fake302.calls("clone_create")
    in_group = Where("telegram", str(GROUP.id), str(ALICE.id))
    assert [v.name for v in await tg.core.voices.usable(in_group)] == ["alice"]

    await tg.send(tg.api.command(GROUP, ALICE, "/say alice hello"))  # as herself: her own limit
    assert len(tg.replies("sendVoice")) == 1


async def test_a_channels_post_forwarded_to_its_group_gets_no_answer(
    tg: Telegram, clips: Clips, fake302: Fake302
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    answered = len(tg.replies())
    post = tg.api.command(GROUP, ALICE, "/say@voice_test_bot alice hello")
    await tg.send(tg.api.on_behalf_of(post, NEWS, automatic=True))
    assert len(tg.replies()) == answered and not fake302.calls("clone_create")


async def test_a_voice_posted_on_behalf_of_a_chat_has_nobody_to_ask(
    tg: Telegram, clips: Clips
) -> None:
    note = tg.api.on_behalf_of(tg.api.voice_note(GROUP, ALICE, clips.ogg), NEWS, automatic=True)
    await tg.send(tg.api.command(GROUP, ALICE, "/clone news", reply_to=note))
    assert tg.last_text().startswith("I can't tell whose voice that is")


@pytest.mark.fault(
    "telegram: a channel post or its edit reaches the bot", "ignored; nothing raises"
)
async def test_channel_posts_and_their_edits_are_ignored(
    tg: Telegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    for text in ("/help", "/say hello", "/voices", "just news"):
        for edited in (False, True):
            update = tg.api.channel_post(NEWS, text, edited=edited)
            await tg.app.process_update(Update.de_json(update, tg.app.bot))
    assert not [c for c in tg.api.calls if c.method.startswith(("send", "edit"))]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]

    await tg.send(tg.api.command(GROUP, ALICE, "/help"))  # and the bot is none the worse
    assert tg.last_text().startswith("I speak text in voices you register.")
