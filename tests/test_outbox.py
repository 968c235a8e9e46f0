"""The one way out to the chat, on each adapter: a voice made while the user waits and one
resumed after a restart are posted alike, through the adapter's outbox, and never twice."""

from __future__ import annotations

import asyncio
from typing import Any

from core.settings import Settings
from tests.conftest import Clips, Sleeps, resumes_ended
from tests.discord_world import ALICE as ALICE_DC
from tests.discord_world import dies_mid_generation, discord_settings, fake_discord, logged_in
from tests.fakes.ai302 import Fake302
from tests.fakes.discord import CHANNEL_ID
from tests.fakes.telegram import FakeBotApi
from tests.telegram_chat import ALICE, GROUP, Telegram, telegram_chat
from tests.test_restart import Turnstile


async def resumed(tg: Telegram) -> int:
    """What a restarted bot does first: resume its undelivered jobs, and finish them."""
    count = await tg.core.delivery.resume("telegram", tg.app.bot_data["outbox"])
    await resumes_ended()
    return count


def voice_note(call: Any) -> tuple[str, list[str]]:
    """What a posted voice note says and offers: its label and its buttons' actions."""
    buttons = [
        button["callback_data"].rsplit(":", 1)[0]
        for row in call.params["reply_markup"]["inline_keyboard"]
        for button in row
    ]
    return call.params["caption"], buttons


async def test_telegram_posts_a_live_and_a_resumed_voice_alike_and_each_once(
    tg_settings: Settings, botapi: FakeBotApi, fake302: Fake302, sleeps: Sleeps, clips: Clips
) -> None:
    live = botapi.command(GROUP, ALICE, "/say grandpa Said while waiting.")
    cut_off = botapi.command(GROUP, ALICE, "/say grandpa Said after a restart.")
    async with telegram_chat(tg_settings, botapi, sleeps) as tg:
        await tg.clone(GROUP, ALICE, clips.ogg, "/clone grandpa | The quick brown fox.")
        await tg.send(live)
        fake302.gate = turnstile = Turnstile()
        saying = asyncio.create_task(tg.send(cut_off))
        await turnstile.reached.wait()
        saying.cancel()  # the process dies mid-generation
        await asyncio.gather(saying, return_exceptions=True)
    turnstile.set()
    async with telegram_chat(tg_settings, botapi, sleeps) as tg:
        assert await resumed(tg) == 1
    async with telegram_chat(tg_settings, botapi, sleeps) as tg:
        assert await resumed(tg) == 0  # delivered: never again

    first, second = botapi.of("sendVoice")
    assert [int(c.params["reply_parameters"]["message_id"]) for c in (first, second)] == [
        live["message_id"],
        cut_off["message_id"],
    ]
    assert (
        voice_note(first)
        == voice_note(second)
        == ("synthetic voice: grandpa", ["take:again", "take:steadier", "take:livelier"])
    )
    statuses = [
        botapi.sent_message(c)["message_id"]
        for c in botapi.of("sendMessage")
        if c.params["text"] == "Preparing the voice…"
    ]
    deleted = [int(c.params["message_id"]) for c in botapi.of("deleteMessage")]
    assert sorted(deleted) == sorted(statuses) and len(statuses) == 2  # both gave way


def buttons(message: dict[str, Any]) -> list[tuple[str, str]]:
    """A Discord message's buttons: what each does (its job aside) and says."""
    return [
        (b["custom_id"].rsplit(":", 1)[0], b["label"])
        for row in message["components"]
        for b in row["components"]
    ]


async def test_discord_posts_a_live_and_a_resumed_voice_alike_and_each_once(
    higgs_settings: Settings, fake302: Fake302, sleeps: Sleeps, clips: Clips
) -> None:
    async with fake_discord() as rest:
        settings = discord_settings(higgs_settings, rest)
        async with logged_in(settings, rest, sleeps) as dc:
            await dc.clone(ALICE_DC, "alice", clips.ogg)
            await dc.command(ALICE_DC, "say", voice="alice", text="Said while waiting.")
            fake302.gate = turnstile = Turnstile()
            saying = asyncio.create_task(
                dc.command(ALICE_DC, "say", voice="alice", text="Said after a restart.")
            )
            await turnstile.reached.wait()
            await dies_mid_generation(saying)
        turnstile.set()
        for _ in range(2):  # setup_hook resumes; the second restart finds nothing
            async with logged_in(settings, rest, sleeps) as dc:
                await resumes_ended()
        (live_label,) = [
            c
            for c in rest.of("PATCH", "/webhooks/")  # the interaction's own
            if "synthetic voice" in c.json["content"]
        ]
        (resumed_label,) = [
            c
            for c in rest.of("POST", f"/channels/{CHANNEL_ID}/messages")
            if "synthetic voice" in (c.payload or {}).get("content", "")
        ]
        voices = dc.voice_messages()

    said = f"🔊 synthetic voice: alice · for <@{ALICE_DC.id}>"
    assert live_label.json["content"] == resumed_label.payload["content"] == said
    assert (
        buttons(live_label.json)
        == buttons(resumed_label.payload)
        == [
            ("take:again", "🔁 Another take"),
            ("take:steadier", "🎯 Steadier"),
            ("take:livelier", "🎨 Livelier"),
        ]
    )
    assert [v.payload["message_reference"]["message_id"] for v in voices] == [
        live_label.returned["id"],
        resumed_label.returned["id"],
    ]  # once each, under its label
