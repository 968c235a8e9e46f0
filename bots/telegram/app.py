"""Build the Telegram `Application` and run it with long polling."""

from __future__ import annotations

import asyncio
import functools
import signal

from telegram import BotCommand, Update
from telegram.error import InvalidToken
from telegram.ext import AIORateLimiter, ApplicationBuilder, Defaults

from bots.telegram import handlers
from bots.telegram.handlers import App
from bots.telegram.progress import Recording
from core.app import open_speech
from core.errors import ConfigError
from core.messages import text
from core.settings import Settings
from core.speech import SpeechService

TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024  # getFile's limit on Telegram's own Bot API
COMMANDS = ["say", "clone", "design", "dialogue", "keep", "voices", "default", "tune", "rename",
            "delete", "share", "myvoices", "settings", "forgetme", "help"]


def build_application(settings: Settings, speech: SpeechService) -> App:
    """The bot exactly as `voicebot telegram` runs it (tests build it the same way)."""
    builder = (
        ApplicationBuilder()
        .token(settings.require("telegram_bot_token").get_secret_value())
        .rate_limiter(AIORateLimiter(max_retries=3))
        .concurrent_updates(True)
        # a reply whose command message was deleted meanwhile still arrives (it was paid for)
        .defaults(Defaults(allow_sending_without_reply=True))
    )
    limit = min(settings.max_upload_bytes, TELEGRAM_DOWNLOAD_LIMIT)
    if settings.telegram_api_url:  # a self-hosted Bot API server: no 20 MB download limit
        base = settings.telegram_api_url.rstrip("/")
        builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
        limit = settings.max_upload_bytes
    app = builder.build()
    app.bot_data.update(speech=speech, download_limit=limit, recording=Recording(app.bot))
    handlers.install(app)
    return app


async def register_commands(app: App) -> None:
    """Show the commands in Telegram's menu, in English and Chinese."""
    for language in ("en", "zh"):
        commands = [BotCommand(c, text(f"cmd_{c}", language)) for c in COMMANDS]
        await app.bot.set_my_commands(commands, language_code=None if language == "en" else "zh")


async def run(settings: Settings) -> None:
    """Poll Telegram for updates until SIGINT/SIGTERM, then finish the requests in hand and stop;
    a second signal stops at once."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    main = asyncio.current_task()
    assert main is not None

    def on_signal() -> None:
        if stop.is_set():
            main.cancel()
        stop.set()

    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, on_signal)
    async with open_speech(settings) as speech:
        app = build_application(settings, speech)
        try:
            await app.initialize()
        except InvalidToken:  # its message quotes the token: say it in our own words
            raise ConfigError("Setting TELEGRAM_BOT_TOKEN was rejected by Telegram") from None
        async with app:
            await register_commands(app)
            await app.start()
            assert app.updater is not None
            # before new updates come in: a job is either resumed or a live handler's, not both
            await speech.resume("telegram", functools.partial(handlers.deliver_resumed, app.bot))
            await app.updater.start_polling(allowed_updates=Update.ALL_TYPES)
            await stop.wait()
            await app.updater.stop()
            await app.stop()
