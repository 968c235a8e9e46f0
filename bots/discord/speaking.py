"""Making a voice message on Discord: progress while it is made, a label with buttons for
another take (or keeping a designed voice), and the native voice message itself."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import discord

from bots.discord.common import Interaction, bot_of, tell, tell_error, where_of, working
from bots.discord.voice_message import post_voice_message
from core.domain import Progress, ProgressCallback, VoiceClip, Where
from core.errors import VoicebotError
from core.jobs import Target
from core.messages import error_text, label_text, progress_text, saved_text, text

if TYPE_CHECKING:
    from bots.discord.bot import VoiceBot

log = logging.getLogger(__name__)

Make = Callable[[ProgressCallback, Target], Awaitable[VoiceClip]]  # a voice, made by the core


async def perform(interaction: Interaction, make: Make) -> None:
    """Acknowledge, show progress, label the result (with take buttons), post the voice (at
    most once: a restart resumes the job and posts it in the channel only if this did not)."""
    where = where_of(interaction)
    assert interaction.channel_id is not None
    target = {"channel_id": interaction.channel_id, "user_id": interaction.user.id}
    async with working(interaction):
        clip = await make(progress_of(interaction, where), target)
    try:
        await post(interaction, clip, where)
    except discord.NotFound:  # the channel was deleted meanwhile: nobody left to tell
        log.info("job %s: its channel is gone", clip.job_id)


async def post(interaction: Interaction, clip: VoiceClip, where: Where) -> None:
    """The label (with take buttons), then the voice message(s) under it, at most once."""
    bot = bot_of(interaction)
    assert interaction.channel_id is not None
    async with bot.speech.delivering(clip.job_id):
        content = text("dc_said_by", where.locale, label=label_text(clip, where.locale),
                       user=interaction.user.mention)
        label: discord.Message
        try:
            label = await interaction.edit_original_response(content=content,
                                                             view=take_view(clip, where.locale))
        except discord.HTTPException:  # the interaction expired (15 min) while it waited
            channel = bot.get_partial_messageable(interaction.channel_id)
            label = await channel.send(content, view=take_view(clip, where.locale))
        for part in clip.messages:
            await deliver(interaction, part, reply_to=label.id)


async def deliver_resumed(
    bot: VoiceBot, target: Target, where: Where, outcome: VoiceClip | VoicebotError
) -> None:
    """Post a job an earlier run left unfinished, in its channel: the label and the voice, or
    the error that ended it (its interaction is long gone)."""
    channel = bot.get_partial_messageable(target["channel_id"])
    if isinstance(outcome, VoicebotError):
        await channel.send(f"<@{target['user_id']}> {error_text(outcome, where.locale)}")
        return
    content = text("dc_said_by", where.locale, label=label_text(outcome, where.locale),
                   user=f"<@{target['user_id']}>")
    label = await channel.send(content, view=take_view(outcome, where.locale))
    for part in outcome.messages:
        try:
            await post_voice_message(bot.http, channel.id, part, reply_to=label.id)
        except discord.Forbidden:  # voice messages not allowed here: a plain file
            name = outcome.voice_name or "voice"
            await channel.send(file=discord.File(io.BytesIO(part.ogg), f"{name}.ogg"),
                               reference=label)


def progress_of(interaction: Interaction, where: Where) -> ProgressCallback:
    """Show the core's progress by editing the deferred response, once per change."""
    shown = ""

    async def show(progress: Progress) -> None:
        nonlocal shown
        line = progress_text(progress, where.locale)
        if line != shown:
            shown = line
            await interaction.edit_original_response(content=line)

    return show


async def deliver(interaction: Interaction, clip: VoiceClip, reply_to: int) -> None:
    """Post the voice message; where the channel forbids it, post a file and say why once."""
    bot = bot_of(interaction)
    assert interaction.channel_id is not None
    try:
        await post_voice_message(bot.http, interaction.channel_id, clip, reply_to=reply_to)
    except discord.Forbidden:  # voice messages not allowed here: a plain file still works
        name = clip.voice_name or "voice"
        await interaction.followup.send(file=discord.File(io.BytesIO(clip.ogg), f"{name}.ogg"))
        if interaction.channel_id not in bot.told_no_voice_messages:
            bot.told_no_voice_messages.add(interaction.channel_id)
            await tell(interaction, text("dc_voice_fallback", where_of(interaction).locale))


def take_view(clip: VoiceClip, locale: str) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for change in ("again", "steadier", "livelier"):
        view.add_item(TakeAction(change, clip.job_id, text(f"button_{change}", locale)))
    if clip.description:
        view.add_item(TakeAction("keep", clip.job_id, text("button_keep_voice", locale),
                                 discord.ButtonStyle.success))
    return view


class TakeAction(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"take:(?P<change>again|steadier|livelier|keep):(?P<job>[0-9a-f]{32})",
):
    """Another take of a request (the same, steadier, livelier), or keep a designed voice."""

    def __init__(self, change: str, job_id: str, label: str = "-",
                 style: discord.ButtonStyle = discord.ButtonStyle.secondary) -> None:
        super().__init__(discord.ui.Button(label=label, style=style,
                                           custom_id=f"take:{change}:{job_id}"))
        self.change = change
        self.job_id = job_id

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> TakeAction:
        return cls(match["change"], match["job"])

    async def callback(self, interaction: Interaction) -> None:
        try:
            if self.change == "keep":
                locale = where_of(interaction).locale
                await interaction.response.send_modal(KeepModal(self.job_id, locale))
                return
            speech, where = bot_of(interaction).speech, where_of(interaction)
            await perform(interaction, lambda show, target: speech.retake(
                where, self.job_id, self.change, on_progress=show,  # type: ignore[arg-type]
                target=target))
        except Exception as exc:  # a component's errors would otherwise only be logged
            await tell_error(interaction, exc)


class DialogueModal(discord.ui.Modal):
    """A form for a dialogue script (a slash command option holds one line only)."""

    def __init__(self, locale: str) -> None:
        super().__init__(title=text("dc_dialogue_title", locale), timeout=1800)
        self.script: discord.ui.TextInput[DialogueModal] = discord.ui.TextInput(
            label=text("dc_dialogue_label", locale), style=discord.TextStyle.paragraph,
            placeholder='alice: Hi Bob!\nbob: Hello!\n"a grumpy robot": Beep.', max_length=4000)
        self.add_item(self.script)

    async def on_submit(self, interaction: Interaction) -> None:
        speech, where = bot_of(interaction).speech, where_of(interaction)
        await perform(interaction, lambda show, target: speech.dialogue(
            where, self.script.value, on_progress=show, target=target))

    async def on_error(  # type: ignore[override]  # a Modal's errors carry no item
        self, interaction: Interaction, error: Exception
    ) -> None:
        await tell_error(interaction, error)


class KeepModal(discord.ui.Modal):
    """Asks for the name to keep a designed voice under."""

    def __init__(self, job_id: str, locale: str) -> None:
        super().__init__(title=text("button_keep_voice", locale), timeout=600)
        self.job_id = job_id
        self.name: discord.ui.TextInput[KeepModal] = discord.ui.TextInput(
            label=text("dc_modal_name", locale), max_length=32)
        self.add_item(self.name)

    async def on_submit(self, interaction: Interaction) -> None:
        where = where_of(interaction)
        async with working(interaction):
            voice = await bot_of(interaction).speech.keep(where, self.job_id, self.name.value)
            await interaction.followup.send(saved_text(voice, where.locale))

    async def on_error(  # type: ignore[override]  # a Modal's errors carry no item
        self, interaction: Interaction, error: Exception
    ) -> None:
        await tell_error(interaction, error)
