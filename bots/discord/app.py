"""Build the Discord client and run it."""

from __future__ import annotations

import discord
from discord.http import Route

from bots.discord.bot import VoiceBot
from core.app import open_speech
from core.errors import ConfigError
from core.settings import Settings
from core.speech import SpeechService


def build_client(settings: Settings, speech: SpeechService) -> VoiceBot:
    """The bot exactly as `voicebot discord` runs it (tests build it the same way)."""
    if settings.discord_api_url:  # a rate-limit proxy (or a test's fake): all REST goes there
        Route.BASE = settings.discord_api_url.rstrip("/")
    return VoiceBot(
        speech=speech,
        guild_ids=settings.guild_ids,
        download_limit=settings.max_upload_bytes,
        discover_gateway=settings.discord_api_url is not None,
        shard_count=settings.discord_shard_count,
        shard_ids=settings.shard_ids,
    )


async def run(settings: Settings) -> None:
    """Connect to Discord and serve until stopped (Ctrl+C)."""
    token = settings.require("discord_bot_token").get_secret_value()
    async with open_speech(settings) as speech, build_client(settings, speech) as bot:
        try:
            await bot.start(token)
        except discord.LoginFailure:
            raise ConfigError("Setting DISCORD_BOT_TOKEN was rejected by Discord") from None
