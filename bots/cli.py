"""The `voicebot` command: reads settings once, sets up logging, starts one adapter."""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Any, Literal

import typer

from bots.console.app import console_app
from core.errors import ConfigError
from core.observe import DEFAULT_PORT
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
    settings = settings_or_exit()
    # Only the long-running bots serve /healthz and /metrics: a console command is over before
    # anything could scrape it, and may run beside a bot that holds the port.
    port = 0
    if ctx.invoked_subcommand in ("telegram", "discord", "worker"):
        port = DEFAULT_PORT if settings.metrics_port is None else settings.metrics_port
    ctx.obj = settings.model_copy(update={"metrics_port": port})


@app.command()
def telegram(ctx: typer.Context) -> None:
    """Run the Telegram bot (long polling, or a webhook) until Ctrl+C."""
    from bots.telegram.app import run  # imported here: the console needs no Telegram library

    serve(run, ctx.obj)


@app.command()
def discord(ctx: typer.Context) -> None:
    """Run the Discord bot until Ctrl+C."""
    from bots.discord.app import run  # imported here: the console needs no Discord library

    serve(run, ctx.obj)


@app.command()
def worker(ctx: typer.Context) -> None:
    """Run the jobs that bots with JOB_RUNNER=workers hand over, until Ctrl+C (any number of
    workers may share one database)."""
    from core.app import run_worker

    serve(run_worker, ctx.obj)


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
    configure_logging(settings.log_level, settings.log_format)
    return settings


class JsonLines(logging.Formatter):
    """One JSON object per record, for log collectors: time, level, logger, message, and the
    traceback as `exc_info` when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack_info"] = self.formatStack(record.stack_info)
        return json.dumps(entry)


def configure_logging(level: str, fmt: Literal["text", "json"] = "text") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(
        JsonLines()
        if fmt == "json"
        else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    logging.basicConfig(level=level, handlers=[handler])
    # Request URLs can carry credentials (Telegram's carry the bot token): keep HTTP client
    # logs quiet whatever the level. The chat libraries and the database driver log whole
    # updates and SQL parameters (message text) at DEBUG: never below INFO for them.
    for noisy in ("httpx", "httpcore", "alembic", "sqlalchemy"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    for chatty in ("telegram", "discord", "aiosqlite"):
        logging.getLogger(chatty).setLevel(max(logging.INFO, logging.getLevelName(level)))


def main() -> None:
    app()
