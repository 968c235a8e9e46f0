"""The `voicebot` command: reads settings once, sets up logging, starts one adapter."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable, Coroutine
from typing import Any

import typer

from bots.console.app import console_app
from core.errors import ConfigError
from core.settings import Settings, load_settings

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="voicebot: register voices from clips and speak text in them.",
)
app.add_typer(console_app, name="console")


@app.callback()
def startup(ctx: typer.Context) -> None:
    """Read the settings every adapter runs with."""
    ctx.obj = settings_or_exit()


@app.command()
def telegram(ctx: typer.Context) -> None:
    """Run the Telegram bot (long polling) until Ctrl+C."""
    from bots.telegram.app import run  # imported here: the console needs no Telegram library

    serve(run, ctx.obj)


@app.command()
def discord(ctx: typer.Context) -> None:
    """Run the Discord bot until Ctrl+C."""
    from bots.discord.app import run  # imported here: the console needs no Discord library

    serve(run, ctx.obj)


def serve(run: Callable[[Settings], Coroutine[Any, Any, None]], settings: Settings) -> None:
    """Run a chat adapter; a setting it cannot start with ends it with one line."""
    try:
        asyncio.run(run(settings))
    except ConfigError as exc:
        print(f"voicebot: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


def settings_or_exit() -> Settings:
    """Load settings; a bad one ends the program with one clear line, not a traceback."""
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"voicebot: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    configure_logging(settings.log_level)
    return settings


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Request URLs can carry credentials (Telegram's carry the bot token): keep HTTP client
    # logs quiet whatever the level. The chat libraries and the database driver log whole
    # updates and SQL parameters (message text) at DEBUG: never below INFO for them.
    for noisy in ("httpx", "httpcore", "alembic", "sqlalchemy"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    for chatty in ("telegram", "discord", "aiosqlite"):
        logging.getLogger(chatty).setLevel(max(logging.INFO, logging.getLevelName(level)))


def main() -> None:
    app()
