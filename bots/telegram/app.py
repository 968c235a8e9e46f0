"""Build the Telegram `Application` and run it: long polling, or a webhook server (several
replicas can then share the load behind a load balancer)."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import signal
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

from telegram import BotCommand, Update
from telegram.error import BadRequest, InvalidToken
from telegram.ext import AIORateLimiter, ApplicationBuilder, Defaults

from bots.telegram import handlers
from bots.telegram.handlers import App
from bots.telegram.progress import Recording
from core.app import open_speech
from core.errors import ConfigError
from core.messages import text
from core.settings import Settings
from core.speech import SpeechService

log = logging.getLogger(__name__)

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
    """Take updates until SIGINT/SIGTERM, then finish the requests in hand and stop; a second
    signal stops at once."""
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
    async with serving(settings):
        await stop.wait()


@contextlib.asynccontextmanager
async def serving(settings: Settings) -> AsyncIterator[App]:
    """The bot taking updates (by webhook when TELEGRAM_WEBHOOK_URL is set, else by long
    polling) for as long as the block lasts; then it finishes the requests in hand."""
    async with open_speech(settings) as speech:
        app = build_application(settings, speech)
        try:
            await app.initialize()
        except InvalidToken:  # its message quotes the token: say it in our own words
            raise ConfigError("Setting TELEGRAM_BOT_TOKEN was rejected by Telegram") from None
        async with app:
            await register_commands(app)
            await app.start()
            try:
                # before new updates come in: a job is either resumed or a live handler's
                await speech.resume("telegram",
                                    functools.partial(handlers.deliver_resumed, app.bot))
                await receive_updates(app, settings)
                yield app
            finally:
                assert app.updater is not None
                if app.updater.running:
                    await app.updater.stop()
                await app.stop()


async def receive_updates(app: App, settings: Settings) -> None:
    """Start taking updates. A webhook listens on the URL's own path, behind a proxy that ends
    TLS; each replica sets the same webhook, and none deletes it on the way out."""
    assert app.updater is not None
    url = settings.telegram_webhook_url
    if url is None:
        await app.updater.start_polling(allowed_updates=Update.ALL_TYPES)
        return
    secret = settings.require("telegram_webhook_secret").get_secret_value()
    listen, port = settings.telegram_webhook_listen, settings.telegram_webhook_port
    try:
        await app.updater.start_webhook(
            listen=listen, port=port, url_path=urlsplit(url).path, webhook_url=url,
            secret_token=secret, allowed_updates=Update.ALL_TYPES)
    except BadRequest as exc:  # Telegram's reason, e.g. "bad webhook: ..."; it holds no secret
        raise ConfigError(
            f"Setting TELEGRAM_WEBHOOK_URL was refused by Telegram: {exc.message}") from None
    except OSError as exc:
        raise ConfigError(f"Settings TELEGRAM_WEBHOOK_LISTEN/PORT: cannot listen on "
                          f"{listen}:{port} ({exc.strerror})") from None
    log.info("Telegram: webhook set; listening on %s:%d", listen, port)
