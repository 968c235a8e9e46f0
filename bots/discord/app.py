"""Start-up: build the Discord client and run it."""

from __future__ import annotations

import discord
from discord.http import Route

from bots.discord.bot import VoiceBot
from bots.discord.settings import DiscordSettings, load_discord_settings
from core.app import Core, open_core
from core.errors import ConfigError
from core.settings import Settings, require


def build_client(settings: Settings, discord_settings: DiscordSettings, core: Core) -> VoiceBot:
    """The bot exactly as `voicebot discord` runs it (tests build it the same way)."""
    if discord_settings.discord_api_url:  # a rate-limit proxy (or a test's fake): all REST
        Route.BASE = discord_settings.discord_api_url.rstrip("/")
    return VoiceBot(
        core=core,
        guild_ids=discord_settings.guild_ids,
        download_limit=settings.max_upload_bytes,
        discover_gateway=discord_settings.discord_api_url is not None,
        shard_count=discord_settings.discord_shard_count,
        shard_ids=discord_settings.shard_ids,
    )


async def run(settings: Settings) -> None:
    """Connect to Discord and serve until stopped (Ctrl+C)."""
    own = load_discord_settings()
    token = require(own.discord_bot_token, "discord_bot_token").get_secret_value()
    async with open_core(settings) as core, build_client(settings, own, core) as bot:
        try:
            await bot.start(token)
        except discord.LoginFailure:
            raise ConfigError("Setting DISCORD_BOT_TOKEN was rejected by Discord") from None
