"""Consent on Discord: asking a voice's speaker (under the cloned message, and by DM), their
answer, /myvoices with its buttons, and /forgetme's confirmation. Buttons that must work after a
restart are dynamic items: their custom ids carry the voice they act on."""

from __future__ import annotations

import logging
import re
from typing import Any

import discord

from bots.discord.common import Interaction, bot_of, tell_error, where_of
from core.domain import Voice, Where
from core.messages import (
    consent_text,
    forgotten_text,
    my_voices_text,
    pending_text,
    saved_text,
    text,
)
from core.speech import SpeechService

log = logging.getLogger(__name__)

MAX_BUTTONS = 25  # Discord's limit: five rows of five
MAX_CONTENT = 2000  # characters of one message


def registered_text(voice: Voice, locale: str) -> str:
    """What the requester is told: saved, or saved and waiting for its speaker."""
    if voice.pending and voice.speaker is not None:
        return pending_text(voice, locale, speaker=voice.speaker.name)
    return saved_text(voice, locale)


async def ask_consent(
    speech: SpeechService, voice: Voice, source: discord.Message, *, owner: str, locale: str
) -> None:
    """Put the approval request under the cloned message, pinging its speaker (and nobody
    else), and send it to them by DM too where their privacy settings allow."""
    assert voice.speaker is not None  # a pending voice always has one
    speaker = discord.Object(int(voice.speaker.id))
    words = consent_text(voice, speech.limits.consent_timeout_s / 3600, locale,
                         speaker=f"<@{speaker.id}>", owner=owner)
    mention = discord.AllowedMentions(users=[speaker])
    await source.channel.send(words, allowed_mentions=mention, view=consent_view(voice, locale),
                              reference=source.to_reference(fail_if_not_exists=False))
    try:  # in a DM "this message" needs its link
        await source.author.send(f"{words}\n{source.jump_url}", allowed_mentions=mention,
                                 view=consent_view(voice, locale))
    except discord.HTTPException:  # DMs closed, or no server in common: the channel has it
        log.info("could not DM the speaker of voice %s", voice.id)


def consent_view(voice: Voice, locale: str) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(ConsentAnswer("yes", voice.id, text("button_approve", locale),
                                discord.ButtonStyle.success))
    view.add_item(ConsentAnswer("no", voice.id, text("button_decline", locale),
                                discord.ButtonStyle.danger))
    return view


async def my_voices_message(
    speech: SpeechService, where: Where, note: str = ""
) -> tuple[str, discord.ui.View]:
    """The /myvoices list (under `note`, the outcome of a button), with its buttons."""
    voices = await speech.my_voices(where)
    words = my_voices_text(voices, where.locale)
    if note:
        words = f"{note}\n\n{words}"
    return words[:MAX_CONTENT], my_voices_view(voices, where.locale)


def my_voices_view(voices: list[Voice], locale: str) -> discord.ui.View:
    """Approve or decline each pending voice (declining is its revoking), revoke the others."""
    view = discord.ui.View(timeout=None)
    for voice in voices:
        if voice.pending:
            items: list[discord.ui.Item[Any]] = [
                ConsentAnswer("yes", voice.id, text("dc_button_approve_named", locale,
                                                    name=voice.name), discord.ButtonStyle.success),
                ConsentAnswer("no", voice.id, text("dc_button_decline_named", locale,
                                                   name=voice.name), discord.ButtonStyle.danger),
            ]
        else:
            items = [Revoke(voice.id, text("button_revoke", locale, name=voice.name))]
        if len(view.children) + len(items) > MAX_BUTTONS:
            break  # the rest are listed; revoking some makes room for them
        for item in items:
            view.add_item(item)
    return view


class ConsentAnswer(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"consent:(?P<answer>yes|no):(?P<id>[0-9a-f]{32})",
):
    """The speaker's answer to a consent request: under the cloned message, in a DM, or in
    /myvoices. The core checks it is theirs to give."""

    def __init__(self, answer: str, voice_id: str, label: str = "-",
                 style: discord.ButtonStyle = discord.ButtonStyle.secondary) -> None:
        super().__init__(discord.ui.Button(label=label, style=style,
                                           custom_id=f"consent:{answer}:{voice_id}"))
        self.answer = answer
        self.voice_id = voice_id

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ConsentAnswer:
        return cls(match["answer"], match["id"])

    async def callback(self, interaction: Interaction) -> None:
        try:
            speech, where = bot_of(interaction).speech, where_of(interaction)
            if self.answer == "yes":
                voice, key = await speech.approve(where, self.voice_id), "consent_approved"
            else:
                voice, key = await speech.decline(where, self.voice_id), "consent_declined"
            outcome = text(key, where.locale, speaker=interaction.user.mention, name=voice.name)
            message = interaction.message
            if message is not None and message.flags.ephemeral:  # the /myvoices list
                content, view = await my_voices_message(speech, where, note=outcome)
                await interaction.response.edit_message(content=content, view=view)
            else:  # the request itself: it becomes its outcome
                await interaction.response.edit_message(content=outcome, view=None)
        except Exception as exc:  # a component's errors would otherwise only be logged
            await tell_error(interaction, exc)


class Revoke(discord.ui.DynamicItem[discord.ui.Button[Any]],
             template=r"revoke:(?P<id>[0-9a-f]{32})"):
    """A speaker takes their voice back: deleted everywhere; /myvoices is shown again."""

    def __init__(self, voice_id: str, label: str = "-") -> None:
        super().__init__(discord.ui.Button(label=label, style=discord.ButtonStyle.danger,
                                           custom_id=f"revoke:{voice_id}"))
        self.voice_id = voice_id

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Revoke:
        return cls(match["id"])

    async def callback(self, interaction: Interaction) -> None:
        try:
            speech, where = bot_of(interaction).speech, where_of(interaction)
            voice = await speech.revoke(where, self.voice_id)
            content, view = await my_voices_message(
                speech, where, note=text("voice_revoked", where.locale, name=voice.name))
            await interaction.response.edit_message(content=content, view=view)
        except Exception as exc:  # a component's errors would otherwise only be logged
            await tell_error(interaction, exc)


class ForgetConfirm(discord.ui.View):
    """Asks before /forgetme deletes anything. Only its user sees it (ephemeral), so an
    ordinary view does; it acts when pressed rather than have the command wait for it."""

    def __init__(self, locale: str) -> None:
        super().__init__(timeout=600)
        self.forget.label = text("button_forget", locale)
        self.cancel.label = text("button_cancel", locale)

    @discord.ui.button(style=discord.ButtonStyle.danger)
    async def forget(self, interaction: Interaction,
                     button: discord.ui.Button[ForgetConfirm]) -> None:
        where = where_of(interaction)
        forgotten = await bot_of(interaction).speech.forget_me(where)
        self.stop()
        await interaction.response.edit_message(content=forgotten_text(forgotten, where.locale),
                                                view=None)

    @discord.ui.button(style=discord.ButtonStyle.secondary)
    async def cancel(self, interaction: Interaction,
                     button: discord.ui.Button[ForgetConfirm]) -> None:
        self.stop()
        await interaction.response.edit_message(
            content=text("forget_cancelled", where_of(interaction).locale), view=None)

    async def on_error(self, interaction: Interaction, error: Exception,
                       item: discord.ui.Item[Any]) -> None:
        await tell_error(interaction, error)
