"""Components: the /voices picker and buttons (persistent: they keep working after a restart,
since their custom ids carry all they need), and the "Clone this voice" modal."""

from __future__ import annotations

import asyncio
import io
import re
from typing import Any

import discord

from bots.discord.common import (
    Interaction,
    bot_of,
    speaker_of,
    tell,
    tell_error,
    where_of,
    working,
)
from bots.discord.consent import ask_consent, registered_text
from core.domain import Voice
from core.messages import text

PICKER_ID = "voices:pick"
MAX_OPTIONS = 25  # Discord's limit for one select menu


def voices_view(
    voices: list[Voice], locale: str, selected: Voice | None = None
) -> discord.ui.View:
    """The picker, plus buttons for the selected voice."""
    view = discord.ui.View(timeout=None)
    view.add_item(VoicePicker(voices, locale))
    if selected is not None:
        for action, label, style in [
            ("sample", text("dc_button_sample", locale), discord.ButtonStyle.primary),
            ("default", text("button_default", locale), discord.ButtonStyle.secondary),
            ("delete", text("button_delete", locale), discord.ButtonStyle.danger),
        ]:
            view.add_item(VoiceAction(action, selected.id, label, style))
    return view


def panel_text(voice: Voice, locale: str) -> str:
    return text("dc_voice_panel", locale, name=voice.name, seconds=voice.seconds,
                transcript=voice.transcript[:80]) + unshared_mark(voice, locale)


def unshared_mark(voice: Voice, locale: str) -> str:
    return "" if voice.shared else text("voice_line_unshared", locale)


class VoicePicker(discord.ui.DynamicItem[discord.ui.Select[Any]], template=PICKER_ID):
    """A select menu of the voices usable here; picking one shows its buttons."""

    def __init__(self, voices: list[Voice] = [], locale: str = "en") -> None:  # noqa: B006
        options = [discord.SelectOption(
            label=v.name, value=v.id,
            description=f"{v.seconds:.0f} s · {v.transcript[:50]}{unshared_mark(v, locale)}",
        ) for v in voices[:MAX_OPTIONS]]
        super().__init__(discord.ui.Select(
            custom_id=PICKER_ID, placeholder=text("dc_pick_voice", locale),
            options=options or [discord.SelectOption(label="-")],
        ))

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> VoicePicker:
        return cls()

    async def callback(self, interaction: Interaction) -> None:
        try:
            speech, where = bot_of(interaction).speech, where_of(interaction)
            data: dict[str, Any] = dict(interaction.data or {})
            voice = await speech.voice_by_id(where, str(data["values"][0]))
            voices = await speech.voices(where)
            await interaction.response.edit_message(
                content=panel_text(voice, where.locale),
                view=voices_view(voices, where.locale, selected=voice),
            )
        except Exception as exc:  # a component's errors would otherwise only be logged
            await tell_error(interaction, exc)


class VoiceAction(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"voice:(?P<action>sample|default|delete|confirm|keep):(?P<id>[0-9a-f]{32})",
):
    """One button acting on one voice: play, make default, delete (asks), confirm, keep."""

    def __init__(self, action: str, voice_id: str, label: str = "-",
                 style: discord.ButtonStyle = discord.ButtonStyle.secondary) -> None:
        super().__init__(discord.ui.Button(label=label, style=style,
                                           custom_id=f"voice:{action}:{voice_id}"))
        self.action = action
        self.voice_id = voice_id

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> VoiceAction:
        return cls(match["action"], match["id"])

    async def callback(self, interaction: Interaction) -> None:
        try:
            await getattr(self, f"_{self.action}")(interaction)
        except Exception as exc:  # a component's errors would otherwise only be logged
            await tell_error(interaction, exc)

    async def _voice(self, interaction: Interaction) -> Voice:
        return await bot_of(interaction).speech.voice_by_id(where_of(interaction), self.voice_id)

    async def _sample(self, interaction: Interaction) -> None:
        voice = await self._voice(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        clip = await bot_of(interaction).speech.sample(where_of(interaction), voice)
        await interaction.followup.send(
            file=discord.File(io.BytesIO(clip.ogg), filename=f"{voice.name}.ogg"), ephemeral=True
        )

    async def _default(self, interaction: Interaction) -> None:
        voice, where = await self._voice(interaction), where_of(interaction)
        await bot_of(interaction).speech.set_default_voice(where, voice)
        await tell(interaction, text("voice_default_set", where.locale, name=voice.name))

    async def _delete(self, interaction: Interaction) -> None:
        where, speech = where_of(interaction), bot_of(interaction).speech
        voice = await speech.managed_voice(where, await self._voice(interaction))
        locale = where.locale
        confirm = discord.ui.View(timeout=None)
        confirm.add_item(VoiceAction("confirm", voice.id, text("button_confirm_delete", locale),
                                     discord.ButtonStyle.danger))
        confirm.add_item(VoiceAction("keep", voice.id, text("button_keep", locale)))
        await interaction.response.send_message(
            text("confirm_delete", locale, name=voice.name), view=confirm, ephemeral=True
        )

    async def _confirm(self, interaction: Interaction) -> None:
        voice, where = await self._voice(interaction), where_of(interaction)
        await bot_of(interaction).speech.delete_voice(where, voice)
        await interaction.response.edit_message(
            content=text("voice_deleted", where.locale, name=voice.name), view=None
        )

    async def _keep(self, interaction: Interaction) -> None:
        voice, locale = await self._voice(interaction), where_of(interaction).locale
        await interaction.response.edit_message(
            content=text("voice_kept", locale, name=voice.name), view=None
        )


class CloneModal(discord.ui.Modal):
    """Asks for the name (and optional transcript) of a voice cloned from a message; someone
    else's voice waits for them, and is put to them."""

    def __init__(self, locale: str, clip: asyncio.Task[bytes], source: discord.Message) -> None:
        super().__init__(title=text("dc_modal_title", locale), timeout=600)
        self.clip = clip  # already downloading: the attachment URL will expire
        self.source = source
        self.name: discord.ui.TextInput[CloneModal] = discord.ui.TextInput(
            label=text("dc_modal_name", locale), max_length=32)
        self.transcript: discord.ui.TextInput[CloneModal] = discord.ui.TextInput(
            label=text("dc_modal_transcript", locale), style=discord.TextStyle.paragraph,
            required=False, max_length=1000)
        self.add_item(self.name)
        self.add_item(self.transcript)

    async def on_submit(self, interaction: Interaction) -> None:
        speech, where = bot_of(interaction).speech, where_of(interaction)
        async with working(interaction):
            voice = await speech.register_voice(
                where, self.name.value, await self.clip, transcript=self.transcript.value or None,
                speaker=speaker_of(self.source), source=self.source.jump_url,
            )
            await interaction.followup.send(registered_text(voice, where.locale))
        if voice.pending:  # addressed to the speaker: in the server's language where known
            await ask_consent(speech, voice, self.source, owner=where.user_name,
                              locale=str(interaction.guild_locale or where.locale))

    async def on_error(  # type: ignore[override]  # a Modal's errors carry no item
        self, interaction: Interaction, error: Exception
    ) -> None:
        await tell_error(interaction, error)

    async def on_timeout(self) -> None:
        self.clip.cancel()
