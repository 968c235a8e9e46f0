"""The Discord client: holds the core and the outbox, syncs the commands, tells every command's
error in one place, and answers `@bot clone` replies."""

from __future__ import annotations

import contextlib
import logging
import re
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket

from bots.discord.buttons import PERSISTENT
from bots.discord.commands import COMMANDS
from bots.discord.common import (
    Interaction,
    Start,
    audio_attachment,
    download,
    recorded,
    roles_of,
    speaker_of,
    tell_error,
    wired,
)
from bots.discord.forms import source_of
from bots.discord.outbox import DiscordOutbox
from bots.discord.proving import is_reading, read_aloud
from bots.discord.texts import text
from bots.discord.translator import Translator
from core.app import Core
from core.domain import Where
from core.errors import VoicebotError
from core.messages import error_text, registered_text, unreached_text
from core.outbox import Reply

log = logging.getLogger(__name__)

MENTION = re.compile(r"<@!?\d+>")
# View Channel, Send Messages, Attach Files, Read Message History, Send Voice Messages
PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 15) | (1 << 16) | (1 << 46)


class Tree(app_commands.CommandTree[Any]):
    """The bot's commands; someone waits on each, so a busy database says so soon."""

    async def interaction_check(self, interaction: Interaction, /) -> bool:
        wired(interaction).core.hurry()
        return True


class VoiceBot(discord.AutoShardedClient):
    """Holds the core; needs no privileged intents. Runs the shards `shard_ids` of
    `shard_count` (all of them when no ids are given; as many as Discord advises when neither
    is), so processes holding different shards share a large bot's load."""

    def __init__(
        self,
        *,
        core: Core,
        guild_ids: list[int],
        download_limit: int,
        discover_gateway: bool = False,
        shard_count: int | None = None,
        shard_ids: list[int] | None = None,
    ) -> None:
        # transcripts and names echo what users typed: never let them ping anyone
        super().__init__(
            intents=discord.Intents.default(),
            allowed_mentions=discord.AllowedMentions.none(),
            shard_count=shard_count,
            shard_ids=shard_ids,  # type: ignore[arg-type]  # documented: None, all of them
        )
        self.core = core
        self.outbox = DiscordOutbox(self, consent_hours=core.consent.timeout_s / 3600)
        self.guild_ids = guild_ids
        self.download_limit = download_limit
        self.discover_gateway = discover_gateway
        # every command and menu can also be installed to a user's account, to be used
        # wherever they are: in servers without the bot, DMs and group DMs between users
        self.tree = Tree(
            self,
            allowed_installs=app_commands.AppInstallationType(guild=True, user=True),
            allowed_contexts=app_commands.AppCommandContext(
                guild=True, dm_channel=True, private_channel=True
            ),
        )
        self.tree.error(told)
        for command in COMMANDS:
            self.tree.add_command(command)

    async def speak(self, interaction: Interaction, start: Start) -> None:
        await self.outbox.speak(interaction, start)

    async def setup_hook(self) -> None:
        """After login: find the gateway if REST is routed elsewhere (with a shard count set,
        discord.py would not ask), listen, sync commands, resume undelivered jobs. Resuming
        comes last: a login that fails before it is tried again, and must resume only once."""
        if self.discover_gateway:
            _, url, _ = await self.http.get_bot_gateway()
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
        self.add_dynamic_items(*PERSISTENT)
        await self.tree.set_translator(Translator())
        if self.guild_ids:  # instant, for development servers
            for guild_id in self.guild_ids:
                guild = discord.Object(guild_id)
                self.tree.copy_global_to(guild=guild)
                await self.tree.sync(guild=guild)
        else:
            await self.tree.sync()
        await self.core.delivery.resume("discord", self.outbox, mine=self.holds)

    def holds(self, where: Where) -> bool:
        """Whether this process holds the shard a request came through, as Discord routes a
        server's events: shard (server id >> 22) % shard count; a DM's (or a place only the
        user-installed app reaches), shard 0. Holding every shard, it holds them all. Each of
        a bot's processes resumes only its shards' jobs: side by side, they would otherwise
        each run every job again (the delivery guard posts it once, but each made its task)."""
        if self.shard_ids is None or self.shard_count is None:
            return True
        server = 0 if where.private or not where.space_id.isdigit() else int(where.space_id)
        return (server >> 22) % self.shard_count in self.shard_ids

    async def on_ready(self) -> None:
        assert self.user is not None
        log.info(
            "Discord: logged in as %s; invite: %s; install to an account: %s",
            self.user.id,
            invite_url(self.user.id),
            install_url(self.user.id),
        )

    async def on_message(self, message: discord.Message) -> None:
        """`@bot clone NAME [| words]`, replying to a message with a voice message or audio;
        or a voice message reading a phrase (/myvoice), in reply to the bot or in a DM."""
        if message.author.bot or self.user is None:
            return
        if is_reading(message, self.user):
            where = message_where(message)
            await read_aloud(self.core, message, where, download_limit=self.download_limit)
            return
        if self.user not in message.mentions:
            return
        words = MENTION.sub("", message.content).strip()
        command, _, rest = words.partition(" ")
        if command.lower() != "clone":
            return
        where = message_where(message)
        self.core.hurry()
        try:
            source = await replied_message(message)
            name, _, transcript = rest.partition("|")
            attachment = audio_attachment(source) if source is not None else None
            if source is None or attachment is None or not name.strip():
                await message.reply(text("dc_clone_usage", where.locale))
                return
            if not recorded(attachment, source):  # a file may be anyone's: /clone asks whose
                await message.reply(text("dc_upload_use_clone", where.locale))
                return
            voice = await self.core.voices.register(
                where,
                name,
                await download(attachment, self.download_limit),
                transcript=transcript.strip() or None,
                speaker=speaker_of(source),
                source=source.jump_url,
            )
            await message.reply(registered_text(voice, where.locale))
            asking = Reply(self.outbox, source_of(source))
            if not await self.core.consent.ask(where, voice, asking):
                await message.reply(unreached_text(voice, where.locale))
        except VoicebotError as exc:
            await message.reply(error_text(exc, where.locale))


async def told(interaction: Interaction, error: app_commands.AppCommandError) -> None:
    """Every command's failure, as one short private reply."""
    await tell_error(interaction, getattr(error, "original", error))


def invite_url(application_id: int) -> str:
    return (
        f"https://discord.com/oauth2/authorize?client_id={application_id}"
        f"&scope=bot+applications.commands&permissions={PERMISSIONS}"
    )


def install_url(application_id: int) -> str:
    """Adds the commands to the account of whoever opens it (with User Install enabled)."""
    return (
        f"https://discord.com/oauth2/authorize?client_id={application_id}"
        "&integration_type=1&scope=applications.commands"
    )


def message_where(message: discord.Message) -> Where:
    """Messages carry no user locale: the server's preferred one, else English."""
    guild_id = message.guild.id if message.guild else getattr(message.channel, "guild_id", None)
    locale = str(message.guild.preferred_locale) if message.guild else "en"
    space = guild_id or message.channel.id
    admin = (
        isinstance(message.author, discord.Member)
        and message.author.guild_permissions.manage_guild
    )
    return Where(
        "discord",
        str(space),
        str(message.author.id),
        locale=locale,
        private=guild_id is None,
        admin=admin,
        user_name=message.author.display_name,
        roles=roles_of(message.author),
    )


async def replied_message(message: discord.Message) -> discord.Message | None:
    reference = message.reference
    if reference is None or reference.message_id is None:
        return None
    if isinstance(reference.resolved, discord.Message):
        return reference.resolved
    with contextlib.suppress(discord.HTTPException):
        return await message.channel.fetch_message(reference.message_id)
    return None
