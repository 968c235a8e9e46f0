"""Discord shows each command's name, description and options in the user's own language:
discord.py asks this translator for every such string when the commands are synced."""

from __future__ import annotations

import importlib
from functools import cache

import discord
from discord import app_commands

from core.locales import FALLBACK, LANGUAGES, language


class Translator(app_commands.Translator):
    """Looks a command string up, by its English words, in `bots.discord.locales.<lang>`'s
    `COMMANDS`; a string without a translation stays English."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        lang = language(locale.value)
        if lang == FALLBACK:
            return None
        return commands_in(lang).get(string.message)


@cache
def commands_in(lang: str) -> dict[str, str]:
    """The command strings' translations into `lang` (English words → the language's)."""
    if lang not in LANGUAGES:
        return {}
    try:
        module = importlib.import_module(f"bots.discord.locales.{lang}")
    except ModuleNotFoundError:
        return {}
    table: dict[str, str] = getattr(module, "COMMANDS", {})
    return table
