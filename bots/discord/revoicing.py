"""The "Speak as…" context menu: on a message with a voice message or audio file, a form asks
in which voice, and the bot says the clip's words again in it."""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands

from bots.discord.buttons import MAX_OPTIONS
from bots.discord.common import (
    Interaction,
    audio_attachment,
    download,
    require_size,
    tell,
    where_of,
    wired,
)
from bots.discord.forms import Form
from bots.discord.texts import text
from core.domain import Voice
from core.outbox import Reply


@app_commands.context_menu(name="Speak as…")
async def speak_as(interaction: Interaction, message: discord.Message) -> None:
    """Say a voice message's words again in a voice the form that opens asks for."""
    client, where = wired(interaction), where_of(interaction)
    attachment = audio_attachment(message)
    if attachment is None:
        await tell(interaction, text("dc_no_audio_to_say", where.locale))
        return
    client.core.speaking.require_listening()  # before the form: nothing could hear the clip
    found = await client.core.voices.usable(where)
    suspended = await client.core.reports.suspended(where, found)
    speaking = [voice for voice in found if voice.id not in suspended]
    if not speaking:
        await tell(interaction, text("voices_empty", where.locale))
        return
    require_size(attachment, client.download_limit)
    clip = asyncio.create_task(download(attachment, client.download_limit))
    default = await client.core.voices.default(where)
    await interaction.response.send_modal(SpeakAsForm(where.locale, clip, speaking, default))


class SpeakAsForm(Form):
    """Asks in which voice to say a clip's words again: a menu of the voices that may speak
    here, the default one chosen; a name to type when there are more than a menu holds."""

    def __init__(
        self, locale: str, clip: asyncio.Task[bytes], voices: list[Voice], default: Voice | None
    ) -> None:
        super().__init__(title=text("dc_speak_as_title", locale), timeout=600)
        self.clip = clip  # already downloading: the attachment URL will expire
        chosen = default.id if default is not None else None
        self.pick: discord.ui.Select[SpeakAsForm] | None = None
        self.name: discord.ui.TextInput[SpeakAsForm] | None = None
        if len(voices) <= MAX_OPTIONS:
            voices = sorted(voices, key=lambda voice: voice.id != chosen)  # the default first
            self.pick = discord.ui.Select(
                options=[
                    discord.SelectOption(label=v.name, value=v.id, default=v.id == chosen)
                    for v in voices
                ]
            )
            self.add_item(
                discord.ui.Label(text=text("dc_speak_as_voice", locale), component=self.pick)
            )
        else:
            self.name = discord.ui.TextInput(
                label=text("dc_modal_name", locale),
                max_length=32,
                default=default.name if default is not None else None,
            )
            self.add_item(self.name)

    async def on_submit(self, interaction: Interaction) -> None:
        client, where = wired(interaction), where_of(interaction)
        voice: Voice | str | None = None
        if self.pick is not None and self.pick.values:
            voice = await client.core.voices.by_id(where, self.pick.values[0])
        elif self.name is not None:
            voice = self.name.value

        async def start(reply: Reply) -> object:
            clip = await self.clip  # fetched while the form was open
            return await client.core.speaking.revoice(where, voice, clip, reply=reply)

        await client.speak(interaction, start)

    async def on_timeout(self) -> None:
        self.clip.cancel()
