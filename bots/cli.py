"""The `voicebot` command: reads settings once, sets up logging, starts one adapter."""

from __future__ import annotations

import logging
import sys

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


def settings_or_exit() -> Settings:
    """Load settings; a bad one ends the program with one clear line, not a traceback."""
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"voicebot: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # Request URLs can carry credentials (Telegram's do): keep HTTP client logs quiet.
    for noisy in ("httpx", "httpcore", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return settings


def main() -> None:
    app()
