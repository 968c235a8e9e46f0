"""The Discord client: slash commands, the "Clone this voice" context menu, and `@bot clone`."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import re
from typing import Any, Literal

import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket

from bots.discord.common import (
    Interaction,
    audio_attachment,
    bot_of,
    download,
    require_size,
    roles_of,
    speaker_of,
    tell,
    tell_error,
    where_of,
    working,
)
from bots.discord.consent import (
    ConsentAnswer,
    ForgetConfirm,
    Revoke,
    ask_consent,
    my_voices_message,
    registered_text,
)
from bots.discord.speaking import DialogueModal, TakeAction, deliver_resumed, perform
from bots.discord.views import CloneModal, VoiceAction, VoicePicker, panel_text, voices_view
from core.domain import ProgressCallback, Sampling, VoiceClip, Where
from core.errors import SpeakerUnknown, VoicebotError
from core.jobs import Target
from core.messages import error_text, rules_text, saved_text, text, tuned_text
from core.speech import SpeechService

log = logging.getLogger(__name__)

MENTION = re.compile(r"<@!?\d+>")
# View Channel, Send Messages, Attach Files, Read Message History, Send Voice Messages
PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 15) | (1 << 16) | (1 << 46)


class VoiceBot(discord.AutoShardedClient):
    """Holds the core service; needs no privileged intents. Runs the shards `shard_ids` of
    `shard_count` (all of them when no ids are given; as many as Discord advises when neither
    is), so processes holding different shards share a large bot's load."""

    def __init__(
        self, *, speech: SpeechService, guild_ids: list[int], download_limit: int,
        discover_gateway: bool = False, shard_count: int | None = None,
        shard_ids: list[int] | None = None,
    ) -> None:
        # transcripts and names echo what users typed: never let them ping anyone
        super().__init__(intents=discord.Intents.default(),
                         allowed_mentions=discord.AllowedMentions.none(),
                         shard_count=shard_count,
                         shard_ids=shard_ids)  # type: ignore[arg-type]  # documented: None, all
        self.speech = speech
        self.guild_ids = guild_ids
        self.download_limit = download_limit
        self.discover_gateway = discover_gateway
        self.told_no_voice_messages: set[int] = set()
        self.tree = app_commands.CommandTree(self)
        self.tree.on_error = on_command_error  # type: ignore[method-assign]
        commands: list[app_commands.Command[Any, Any, Any] | app_commands.ContextMenu] = [
            say, design, dialogue, clone, voices, default, tune, rename, delete, share, myvoices,
            forgetme, settings, help_, clone_message]
        for command in commands:
            self.tree.add_command(command)

    async def setup_hook(self) -> None:
        """After login: find the gateway if REST is routed elsewhere (with a shard count set,
        discord.py would not ask), listen, sync commands."""
        if self.discover_gateway:
            _, url, _ = await self.http.get_bot_gateway()
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
        self.add_dynamic_items(VoicePicker, VoiceAction, TakeAction, ConsentAnswer, Revoke)
        await self.speech.resume("discord", functools.partial(deliver_resumed, self))
        if self.guild_ids:  # instant, for development servers
            for guild_id in self.guild_ids:
                guild = discord.Object(guild_id)
                self.tree.copy_global_to(guild=guild)
                await self.tree.sync(guild=guild)
        else:
            await self.tree.sync()

    async def on_ready(self) -> None:
        assert self.user is not None
        log.info("Discord: logged in as %s; invite: %s", self.user.id, invite_url(self.user.id))

    async def on_message(self, message: discord.Message) -> None:
        """`@bot clone NAME [| words]`, replying to a message with a voice message or audio."""
        if message.author.bot or self.user is None or self.user not in message.mentions:
            return
        words = MENTION.sub("", message.content).strip()
        command, _, rest = words.partition(" ")
        if command.lower() != "clone":
            return
        where = message_where(message)
        try:
            source = await replied_message(message)
            name, _, transcript = rest.partition("|")
            attachment = audio_attachment(source) if source is not None else None
            if source is None or attachment is None or not name.strip():
                await message.reply(text("dc_clone_usage", where.locale))
                return
            clip = await download(attachment, self.download_limit)
            voice = await self.speech.register_voice(
                where, name, clip, transcript=transcript.strip() or None,
                speaker=speaker_of(source), source=source.jump_url)
            await message.reply(registered_text(voice, where.locale))
            if voice.pending:
                await ask_consent(self.speech, voice, source, owner=where.user_name,
                                  locale=where.locale)
        except VoicebotError as exc:
            await message.reply(error_text(exc, where.locale))


def invite_url(application_id: int) -> str:
    return (f"https://discord.com/oauth2/authorize?client_id={application_id}"
            f"&scope=bot+applications.commands&permissions={PERMISSIONS}")


def message_where(message: discord.Message) -> Where:
    """Messages carry no user locale: the server's preferred one, else English."""
    guild_id = message.guild.id if message.guild else getattr(message.channel, "guild_id", None)
    locale = str(message.guild.preferred_locale) if message.guild else "en"
    space = guild_id or message.channel.id
    admin = isinstance(message.author, discord.Member) and \
        message.author.guild_permissions.manage_guild
    return Where("discord", str(space), str(message.author.id), locale=locale,
                 private=guild_id is None, admin=admin, user_name=message.author.display_name,
                 roles=roles_of(message.author))


async def replied_message(message: discord.Message) -> discord.Message | None:
    reference = message.reference
    if reference is None or reference.message_id is None:
        return None
    if isinstance(reference.resolved, discord.Message):
        return reference.resolved
    with contextlib.suppress(discord.HTTPException):
        return await message.channel.fetch_message(reference.message_id)
    return None


async def on_command_error(interaction: Interaction, error: app_commands.AppCommandError) -> None:
    await tell_error(interaction, getattr(error, "original", error))


async def voice_names(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Autocomplete: the voices usable here whose names contain what was typed."""
    found = await bot_of(interaction).speech.voices(where_of(interaction))
    typed = current.casefold()
    return [app_commands.Choice(name=v.name, value=v.name)
            for v in found if typed in v.name.casefold()][:25]


Temperature = app_commands.Range[float, 0.0, 1.5]
TopK = app_commands.Range[int, -1, 100]
TopP = app_commands.Range[float, 0.1, 1.0]


@app_commands.command(name="say")
@app_commands.rename(words="text")
@app_commands.describe(words="What to say", voice="Which voice (default: this server's default)",
                       temperature="0–1.5: lower is steadier, higher livelier",
                       top_k="-1–100", top_p="0.1–1")
@app_commands.autocomplete(voice=voice_names)
async def say(interaction: Interaction, words: str, voice: str | None = None,
              temperature: Temperature | None = None, top_k: TopK | None = None,
              top_p: TopP | None = None) -> None:
    """Speak text in a stored voice, posted as a voice message."""
    speech, where = bot_of(interaction).speech, where_of(interaction)
    sampling = Sampling(temperature=temperature, top_k=top_k, top_p=top_p)

    async def make(show: ProgressCallback, target: Target) -> VoiceClip:
        found = await speech.resolve_voice(where, voice)  # after the acknowledgement
        return await speech.say(where, found, words, sampling=sampling, on_progress=show,
                                target=target)

    await perform(interaction, make)


@app_commands.command(name="design")
@app_commands.rename(words="text")
@app_commands.describe(description="The voice in words: who, how, where (e.g. warm elderly man, "
                       "slow, quiet room)", words="What to say")
async def design(interaction: Interaction, description: str, words: str) -> None:
    """Speak in a voice described in words; keep it as a voice if you like it."""
    speech, where = bot_of(interaction).speech, where_of(interaction)
    await perform(interaction, lambda show, target: speech.design(
        where, description, words, on_progress=show, target=target))


@app_commands.command(name="dialogue")
async def dialogue(interaction: Interaction) -> None:
    """A conversation between voices: one `name: text` line per turn."""
    await interaction.response.send_modal(DialogueModal(where_of(interaction).locale))


@app_commands.command(name="tune")
@app_commands.describe(voice="The voice to tune", temperature="0–1.5 (empty: the default)",
                       top_k="-1–100 (empty: the default)", top_p="0.1–1 (empty: the default)")
@app_commands.autocomplete(voice=voice_names)
async def tune(interaction: Interaction, voice: str, temperature: Temperature | None = None,
               top_k: TopK | None = None, top_p: TopP | None = None) -> None:
    """Set a voice's own sampling defaults."""
    where = where_of(interaction)
    found = await bot_of(interaction).speech.tune_voice(
        where, voice, Sampling(temperature=temperature, top_k=top_k, top_p=top_p))
    await tell(interaction, tuned_text(found, where.locale))


@app_commands.command(name="clone")
@app_commands.describe(name="Name for the voice (letters, digits, - or _)",
                       audio="A clip of one person speaking, 3–30 s",
                       transcript="The words spoken in the clip (optional)")
async def clone(interaction: Interaction, name: str, audio: discord.Attachment,
                transcript: str | None = None) -> None:
    """Register a voice from an audio file of your own speech."""
    bot, where = bot_of(interaction), where_of(interaction)
    async with working(interaction):
        clip = await download(audio, bot.download_limit)
        voice = await bot.speech.register_voice(where, name, clip, transcript=transcript)
        await interaction.followup.send(saved_text(voice, where.locale))


@app_commands.context_menu(name="Clone this voice")
async def clone_message(interaction: Interaction, message: discord.Message) -> None:
    """Register the voice in a message: asks for its name in a form, then its speaker."""
    bot, where = bot_of(interaction), where_of(interaction)
    attachment = audio_attachment(message)
    if attachment is None:
        await tell(interaction, text("dc_no_audio", where.locale))
        return
    if not speaker_of(message).id:  # the core refuses it too, but only after the form
        raise SpeakerUnknown()
    await bot.speech.require_may_clone(where)  # likewise
    require_size(attachment, bot.download_limit)
    clip = asyncio.create_task(download(attachment, bot.download_limit))
    await interaction.response.send_modal(CloneModal(where.locale, clip, message))


@app_commands.command(name="voices")
async def voices(interaction: Interaction) -> None:
    """List the voices usable here: play, set default, delete."""
    speech, where = bot_of(interaction).speech, where_of(interaction)
    found = await speech.voices(where)
    if not found:
        await tell(interaction, text("voices_empty", where.locale))
        return
    default_voice = await speech.default_voice(where)
    lines = [text("voices_header", where.locale)]
    if default_voice is not None:
        lines.append(panel_text(default_voice, where.locale))
    if len(found) > 25:
        lines.append(text("voices_more", where.locale, count=len(found) - 25))
    await interaction.response.send_message(
        "\n".join(lines), view=voices_view(found, where.locale, selected=default_voice),
        ephemeral=True,
    )


@app_commands.command(name="default")
@app_commands.describe(voice="The voice /say uses when none is given")
@app_commands.autocomplete(voice=voice_names)
async def default(interaction: Interaction, voice: str) -> None:
    """Pick this server's (or DM's) default voice."""
    where = where_of(interaction)
    found = await bot_of(interaction).speech.set_default_voice(where, voice)
    await tell(interaction, text("voice_default_set", where.locale, name=found.name))


@app_commands.command(name="rename")
@app_commands.describe(voice="The voice to rename", new_name="Its new name")
@app_commands.autocomplete(voice=voice_names)
async def rename(interaction: Interaction, voice: str, new_name: str) -> None:
    """Give a voice a new name."""
    where = where_of(interaction)
    found = await bot_of(interaction).speech.rename_voice(where, voice, new_name)
    await tell(interaction, text("voice_renamed", where.locale, old=voice, new=found.name))


@app_commands.command(name="delete")
@app_commands.describe(voice="The voice to delete")
@app_commands.autocomplete(voice=voice_names)
async def delete(interaction: Interaction, voice: str) -> None:
    """Delete a voice and its clip."""
    where = where_of(interaction)
    found = await bot_of(interaction).speech.delete_voice(where, voice)
    await tell(interaction, text("voice_deleted", where.locale, name=found.name))


@app_commands.command(name="share")
@app_commands.describe(voice="A voice you registered",
                       shared="Yes: everyone here may use it; no: only you")
@app_commands.autocomplete(voice=voice_names)
async def share(interaction: Interaction, voice: str, shared: bool) -> None:
    """Let others here use a voice you registered, or keep it to yourself."""
    where = where_of(interaction)
    found = await bot_of(interaction).speech.share_voice(where, voice, shared)
    key = "voice_shared" if found.shared else "voice_unshared"
    await tell(interaction, text(key, where.locale, name=found.name))


@app_commands.command(name="myvoices")
async def myvoices(interaction: Interaction) -> None:
    """Voices made from your speech, anywhere: approve, decline or revoke them."""
    content, view = await my_voices_message(bot_of(interaction).speech, where_of(interaction))
    await interaction.response.send_message(content, view=view, ephemeral=True)


@app_commands.command(name="forgetme")
async def forgetme(interaction: Interaction) -> None:
    """Delete everything this bot keeps about you (asks first)."""
    locale = where_of(interaction).locale
    await interaction.response.send_message(text("forget_confirm", locale),
                                            view=ForgetConfirm(locale), ephemeral=True)


DailyChars = app_commands.Range[int, 0, 1_000_000]


@app_commands.command(name="settings")
@app_commands.describe(clone="Who may register voices", role="With clone: role, whose members may",
                       members_use_others="May members use each other's voices?",
                       daily_chars="Characters one member may have spoken per day (0: no limit)")
async def settings(interaction: Interaction,
                   clone: Literal["everyone", "admins", "role"] | None = None,
                   role: discord.Role | None = None, members_use_others: bool | None = None,
                   daily_chars: DailyChars | None = None) -> None:
    """This server's rules: who registers voices, sharing, a daily quota (admins change them)."""
    speech, where = bot_of(interaction).speech, where_of(interaction)
    given = {"who_clones": clone, "clone_role": str(role.id) if role else None,
             "members_use_others": members_use_others, "daily_chars": daily_chars}
    changes = {name: value for name, value in given.items() if value is not None}
    if changes:
        await speech.set_rules(where, **changes)
    rules = await speech.rules(where)  # with the bot's default quota filled in
    role_shown = f"<@&{rules.clone_role}>" if rules.clone_role else ""
    await tell(interaction, rules_text(rules, where.locale, role=role_shown))


@app_commands.command(name="help")
async def help_(interaction: Interaction) -> None:
    """How to use this bot."""
    await tell(interaction, text("dc_help", where_of(interaction).locale))
