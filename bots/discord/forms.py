"""Forms (modals) and the one short-lived view: naming a voice cloned from a message, keeping a
designed voice, writing a dialogue, saying why a voice is reported, and confirming /forgetme."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bots.discord.common import (
    Interaction,
    speaker_of,
    tell,
    tell_error,
    through_interaction,
    where_of,
    wired,
    working,
)
from bots.discord.texts import text
from core.domain import Sampling
from core.messages import forgotten_text, registered_text, saved_text, unreached_text
from core.outbox import Reply, ReplyTarget
from core.reports import REASON_MAX


class Form(discord.ui.Modal):
    """A modal whose errors are told to whoever sent it."""

    async def interaction_check(self, interaction: Interaction, /) -> bool:
        wired(interaction).core.hurry()  # someone is waiting: a busy database says so soon
        return True

    async def on_error(  # type: ignore[override]  # a Modal's errors carry no item
        self, interaction: Interaction, error: Exception
    ) -> None:
        await tell_error(interaction, error)


class CloneModal(Form):
    """Asks for the name (and optional transcript) of a voice cloned from a message; someone
    else's voice waits for them, and is put to them."""

    def __init__(self, locale: str, clip: asyncio.Task[bytes], source: discord.Message) -> None:
        super().__init__(title=text("dc_modal_title", locale), timeout=600)
        self.clip = clip  # already downloading: the attachment URL will expire
        self.source = source
        self.name: discord.ui.TextInput[CloneModal] = discord.ui.TextInput(
            label=text("dc_modal_name", locale), max_length=32
        )
        self.transcript: discord.ui.TextInput[CloneModal] = discord.ui.TextInput(
            label=text("dc_modal_transcript", locale),
            style=discord.TextStyle.paragraph,
            required=False,
            max_length=1000,
        )
        self.add_item(self.name)
        self.add_item(self.transcript)

    async def on_submit(self, interaction: Interaction) -> None:
        client, where = wired(interaction), where_of(interaction)
        async with working(interaction):
            voice = await client.core.voices.register(
                where,
                self.name.value,
                await self.clip,
                transcript=self.transcript.value or None,
                speaker=speaker_of(self.source),
                source=self.source.jump_url,
            )
            await interaction.followup.send(registered_text(voice, where.locale))
        source = Reply(client.outbox, source_of(self.source, interaction))
        if not await client.core.consent.ask(where, voice, source):
            await tell(interaction, unreached_text(voice, where.locale))

    async def on_timeout(self) -> None:
        self.clip.cancel()


class KeepModal(Form):
    """Asks for the name to keep a designed voice under."""

    def __init__(self, job_id: str, locale: str) -> None:
        super().__init__(title=text("button_keep_voice", locale), timeout=600)
        self.job_id = job_id
        self.name: discord.ui.TextInput[KeepModal] = discord.ui.TextInput(
            label=text("dc_modal_name", locale), max_length=32
        )
        self.add_item(self.name)

    async def on_submit(self, interaction: Interaction) -> None:
        where = where_of(interaction)
        async with working(interaction):
            voice = await wired(interaction).core.voices.keep(where, self.job_id, self.name.value)
            await interaction.followup.send(saved_text(voice, where.locale))


class ReportModal(Form):
    """Asks why a voice message's voice is reported (optional: its admins are told), then
    `report`s it with the reason given."""

    def __init__(self, locale: str, report: Callable[[Interaction, str], Awaitable[None]]) -> None:
        super().__init__(title=text("dc_report_title", locale), timeout=600)
        self._report = report
        self.reason: discord.ui.TextInput[ReportModal] = discord.ui.TextInput(
            label=text("dc_report_reason", locale),
            style=discord.TextStyle.paragraph,
            required=False,
            max_length=REASON_MAX,
        )
        self.add_item(self.reason)

    async def on_submit(self, interaction: Interaction) -> None:
        await self._report(interaction, self.reason.value)


class DialogueModal(Form):
    """A form for a dialogue script (a slash command option holds one line only)."""

    def __init__(self, locale: str) -> None:
        super().__init__(title=text("dc_dialogue_title", locale), timeout=1800)
        self.script: discord.ui.TextInput[DialogueModal] = discord.ui.TextInput(
            label=text("dc_dialogue_label", locale),
            style=discord.TextStyle.paragraph,
            placeholder='alice: Hi Bob!\nbob: Hello!\n"a grumpy robot": Beep.',
            max_length=4000,
        )
        self.add_item(self.script)

    async def on_submit(self, interaction: Interaction) -> None:
        client, where = wired(interaction), where_of(interaction)
        sampling, script = Sampling.leading(self.script.value)  # `speed=1.25` before the lines
        await client.speak(
            interaction,
            lambda reply: client.core.speaking.dialogue(
                where, script, sampling=sampling, reply=reply
            ),
        )


class ForgetConfirm(discord.ui.View):
    """Asks before /forgetme deletes anything. Only its user sees it (ephemeral), so an
    ordinary view does; it acts when pressed rather than have the command wait for it."""

    async def interaction_check(self, interaction: Interaction, /) -> bool:
        wired(interaction).core.hurry()
        return True

    def __init__(self, locale: str) -> None:
        super().__init__(timeout=600)
        self.forget.label = text("button_forget", locale)
        self.cancel.label = text("button_cancel", locale)

    @discord.ui.button(style=discord.ButtonStyle.danger)
    async def forget(
        self, interaction: Interaction, button: discord.ui.Button[ForgetConfirm]
    ) -> None:
        where = where_of(interaction)
        forgotten = await wired(interaction).core.consent.forget_me(where)
        self.stop()
        await interaction.response.edit_message(
            content=forgotten_text(forgotten, where.locale), view=None
        )

    @discord.ui.button(style=discord.ButtonStyle.secondary)
    async def cancel(
        self, interaction: Interaction, button: discord.ui.Button[ForgetConfirm]
    ) -> None:
        self.stop()
        await interaction.response.edit_message(
            content=text("forget_cancelled", where_of(interaction).locale), view=None
        )

    async def on_error(
        self, interaction: Interaction, error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        await tell_error(interaction, error)


def source_of(message: discord.Message, interaction: Interaction | None = None) -> ReplyTarget:
    """A message a voice was cloned from, as the consent request's place; where the bot is
    not in its channel, reached through the `interaction` that cloned it (by its token)."""
    through = interaction is not None and through_interaction(interaction)
    return ReplyTarget(
        chat_id=str(message.channel.id),
        reply_to=str(message.id),
        user_id=str(message.author.id),
        status_id=interaction.token if interaction is not None and through else "",
    )
