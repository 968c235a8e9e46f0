"""Start-up: build the Telegram `Application`, wire every handler, and run it: long polling, or a
webhook server (several replicas can then share the load behind a load balancer)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

from telegram import BotCommand, Update
from telegram.error import BadRequest, InvalidToken, NetworkError
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    filters,
)

from bots.telegram import buttons, commands, naming, proving
from bots.telegram.common import App, Context, tell, where_of
from bots.telegram.order import InTurn
from bots.telegram.outbox import Recording, TelegramOutbox
from bots.telegram.pacing import Pacing
from bots.telegram.settings import TelegramSettings, load_telegram_settings
from bots.telegram.texts import text
from core.app import Core, open_core
from core.errors import ConfigError
from core.locales import LANGUAGES
from core.reaching import Sleep, reach
from core.settings import Settings, require

log = logging.getLogger(__name__)

TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024  # getFile's limit on Telegram's own Bot API
COMMANDS = [
    "say",
    "clone",
    "design",
    "dialogue",
    "keep",
    "cancel",
    "voices",
    "default",
    "tune",
    "rename",
    "delete",
    "share",
    "myvoice",
    "myvoices",
    "settings",
    "report",
    "forgetme",
    "help",
]
AUDIO_LIKE = (
    filters.VOICE
    | filters.AUDIO
    | filters.VIDEO_NOTE
    | filters.VIDEO
    | filters.Document.AUDIO
    | filters.Document.VIDEO
)
# A new message: not an edit (editing a command must not run it, and pay, again), and not a
# channel post (nothing is asked of the bot there, and a post has no sender to answer).
NEW = filters.UpdateType.MESSAGE
# Sent on behalf of a chat (an anonymous admin, someone posting as a channel, a channel's post
# forwarded to its group): Telegram names one stand-in user for all of them, everywhere.
AS_CHAT = filters.SenderChat.ALL
FRESH = NEW & ~AS_CHAT


def build_application(settings: Settings, telegram: TelegramSettings, core: Core) -> App:
    """The bot exactly as `voicebot telegram` runs it (tests build it the same way)."""
    builder = (
        ApplicationBuilder()
        .token(require(telegram.telegram_bot_token, "telegram_bot_token").get_secret_value())
        .rate_limiter(Pacing(max_retries=3))  # Telegram's flood limits, the voices first
        # each user's updates in order, different users' at once (see bots/telegram/order.py)
        .concurrent_updates(InTurn())
        # a reply whose command message was deleted meanwhile still arrives (it was paid for)
        .defaults(Defaults(allow_sending_without_reply=True))
    )
    limit = min(settings.max_upload_bytes, TELEGRAM_DOWNLOAD_LIMIT)
    if telegram.telegram_api_url:  # a self-hosted Bot API server: no 20 MB download limit
        base = telegram.telegram_api_url.rstrip("/")
        builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
        limit = settings.max_upload_bytes
    app = builder.build()
    outbox = TelegramOutbox(
        app.bot,
        note_status=core.delivery.note_status,
        consent_hours=core.consent.timeout_s / 3600,
    )
    app.bot_data.update(
        core=core, outbox=outbox, download_limit=limit, recording=Recording(app.bot)
    )
    install(app)
    return app


def install(app: App) -> None:
    """Wire every handler into the application."""
    named = [
        ("start", commands.start),
        ("help", commands.start),
        ("clone", commands.clone),
        ("say", commands.say),
        ("design", commands.design),
        ("dialogue", commands.dialogue),
        ("keep", commands.keep),
        ("tune", commands.tune),
        ("voices", commands.voices),
        ("default", commands.default),
        ("rename", commands.rename),
        ("delete", commands.delete),
        ("share", commands.share),
        ("settings", commands.settings),
        ("myvoice", proving.myvoice),
        ("myvoices", commands.myvoices),
        ("forgetme", commands.forgetme),
        ("report", commands.report),
    ]
    # A command sent on behalf of a chat is refused, not run as the chat: a voice needs an
    # owner who can be asked, answer for it and have it forgotten, and quotas are a person's;
    # a chat can do none of that (and Telegram would pool every anonymous admin as one user).
    # A channel's post forwarded to its group was not sent to the bot: it gets no answer.
    app.add_handler(
        CommandHandler(
            [name for name, _ in named],
            commands.as_chat,
            filters=NEW & AS_CHAT & ~filters.IS_AUTOMATIC_FORWARD,
        )
    )
    for name, handler in named:
        app.add_handler(CommandHandler(name, handler, filters=FRESH))
    for action, pressed in [
        ("sample", buttons.sample_button),
        ("default", buttons.default_button),
        ("delete", buttons.delete_button),
        ("confirm", buttons.confirm_button),
        ("kept", buttons.kept_button),
        ("take:(again|steadier|livelier)", buttons.take_button),
        ("keep", buttons.keep_button),
        ("cancel", buttons.cancel_button),
        ("consent:(yes|no)", buttons.consent_button),
        ("report:(restore|delete)", buttons.report_button),
        ("revoke", buttons.revoke_button),
        ("forget:(yes|no)", buttons.forget_button),
        (proving.PHRASE, proving.phrase_button),
    ]:
        app.add_handler(CallbackQueryHandler(pressed, pattern=f"^{action}:"))
    # a voice note replying to a phrase to read (/myvoice) is a reading, taken before the
    # private flow could take it for a clip to name
    app.add_handler(MessageHandler(FRESH & filters.REPLY & AUDIO_LIKE, proving.reading), -1)
    # the private flow: a clip, then its name (the clip waits in the database, for any replica)
    private = FRESH & filters.ChatType.PRIVATE
    app.add_handler(MessageHandler(private & AUDIO_LIKE, naming.got_clip))
    app.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, naming.name_clip))
    # in private, /cancel forgets a clip waiting for its name first
    app.add_handler(CommandHandler("cancel", naming.cancel, filters=private))
    app.add_handler(CommandHandler("cancel", commands.cancel, filters=FRESH))
    app.add_error_handler(on_error)


async def on_error(update: object, context: Context) -> None:
    """Log an unexpected failure (no message text) and tell the user something went wrong."""
    log.error("unhandled error in a Telegram handler", exc_info=context.error)
    if isinstance(update, Update) and update.effective_user is not None:
        await tell(update, text("error_unexpected", where_of(update).locale))


async def register_commands(app: App) -> None:
    """Show the commands in Telegram's menu in each of the interface's languages (English for
    users of any other)."""
    for language in LANGUAGES:
        menu = [BotCommand(c, text(f"cmd_{c}", language)) for c in COMMANDS]
        await app.bot.set_my_commands(menu, language_code=None if language == "en" else language)


async def run(settings: Settings) -> None:
    """Take updates until SIGINT/SIGTERM, then finish the requests in hand and stop; a second
    signal, or one while Telegram is still being reached, stops at once."""
    telegram = load_telegram_settings()
    stop, up = asyncio.Event(), asyncio.Event()
    loop = asyncio.get_running_loop()
    main = asyncio.current_task()
    assert main is not None

    def on_signal() -> None:
        if stop.is_set() or not up.is_set():
            main.cancel()
        stop.set()

    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, on_signal)
    try:
        async with serving(settings, telegram):
            up.set()
            await stop.wait()
    except asyncio.CancelledError:
        if not stop.is_set():  # not a signal's doing
            raise
        log.info("Telegram: stopped")


@contextlib.asynccontextmanager
async def serving(
    settings: Settings, telegram: TelegramSettings, *, sleep: Sleep = asyncio.sleep
) -> AsyncIterator[App]:
    """The bot taking updates (by webhook when TELEGRAM_WEBHOOK_URL is set, else by long
    polling) for as long as the block lasts; then it finishes the requests in hand. Telegram
    out of reach at start-up is waited for (pauses through `sleep`)."""
    async with open_core(settings) as core:
        app = build_application(settings, telegram, core)
        try:
            await reach("Telegram", app.initialize, away=unreachable, sleep=sleep)
        except BaseException as exc:
            await app.bot.shutdown()  # its connections opened with the first try
            if isinstance(exc, InvalidToken):  # its message quotes the token: our own words
                raise ConfigError("Setting TELEGRAM_BOT_TOKEN was rejected by Telegram") from None
            raise
        async with app:
            await register_commands(app)
            await app.start()
            try:
                # before new updates come in: a job is either resumed or a live handler's
                await core.delivery.resume("telegram", app.bot_data["outbox"])
                await receive_updates(app, telegram)
                yield app
            finally:
                assert app.updater is not None
                if app.updater.running:
                    await app.updater.stop()
                await app.stop()


def unreachable(error: Exception) -> bool:
    """Telegram is away (no connection, a timeout, a 5xx), rather than refusing the request."""
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


async def receive_updates(app: App, telegram: TelegramSettings) -> None:
    """Start taking updates. A webhook listens on the URL's own path, behind a proxy that ends
    TLS; each replica sets the same webhook, and none deletes it on the way out."""
    assert app.updater is not None
    url = telegram.telegram_webhook_url
    if url is None:
        await app.updater.start_polling(allowed_updates=Update.ALL_TYPES)
        return
    secret = require(
        telegram.telegram_webhook_secret, "telegram_webhook_secret"
    ).get_secret_value()
    listen, port = telegram.telegram_webhook_listen, telegram.telegram_webhook_port
    try:
        await app.updater.start_webhook(
            listen=listen,
            port=port,
            url_path=urlsplit(url).path,
            webhook_url=url,
            secret_token=secret,
            allowed_updates=Update.ALL_TYPES,
        )
    except BadRequest as exc:  # Telegram's reason, e.g. "bad webhook: ..."; it holds no secret
        raise ConfigError(
            f"Setting TELEGRAM_WEBHOOK_URL was refused by Telegram: {exc.message}"
        ) from None
    except OSError as exc:
        raise ConfigError(
            f"Settings TELEGRAM_WEBHOOK_LISTEN/PORT: cannot listen on "
            f"{listen}:{port} ({exc.strerror})"
        ) from None
    log.info("Telegram: webhook set; listening on %s:%d", listen, port)
