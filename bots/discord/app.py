"""Start-up: build the Discord client and run it."""

from __future__ import annotations

import asyncio
import logging
import signal

import aiohttp
import discord
from discord.http import Route
from discord.utils import MISSING

from bots.discord.bot import VoiceBot
from bots.discord.settings import DiscordSettings, load_discord_settings
from core.app import Core, open_core
from core.errors import ConfigError
from core.reaching import Sleep, reach
from core.settings import Settings, require

log = logging.getLogger(__name__)


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
    """Connect to Discord and serve until SIGINT/SIGTERM."""
    own = load_discord_settings()
    token = require(own.discord_bot_token, "discord_bot_token").get_secret_value()
    main = asyncio.current_task()
    assert main is not None
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, main.cancel)
    async with open_core(settings) as core, build_client(settings, own, core) as bot:
        try:
            await start(bot, token)
        except asyncio.CancelledError:
            log.info("Discord: stopped")


async def start(bot: VoiceBot, token: str, *, sleep: Sleep = asyncio.sleep) -> None:
    """Log in, trying again while Discord is out of reach (pauses through `sleep`), then
    hold the gateway connection (discord.py reconnects it itself) until the client closes."""
    try:
        await reach("Discord", lambda: log_in(bot, token), away=unreachable, sleep=sleep)
    except discord.LoginFailure:
        raise ConfigError("Setting DISCORD_BOT_TOKEN was rejected by Discord") from None
    await bot.connect()


async def log_in(bot: VoiceBot, token: str) -> None:
    """One try at logging in. A failed one closes the HTTP session it opened (the next try
    opens its own, with a new connector: the old one closed with it)."""
    try:
        await bot.login(token)
    except Exception:
        await bot.http.close()
        bot.http.connector = MISSING
        raise


def unreachable(error: Exception) -> bool:
    """Discord is away (no connection, a timeout, 5xx after discord.py's own retries)."""
    return isinstance(error, OSError | aiohttp.ClientConnectionError | discord.DiscordServerError)
