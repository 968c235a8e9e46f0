"""Proving a voice is your own: `/myvoice name:` posts a phrase in the channel, and a voice
message replying to one of the bot's messages (or any sent in a DM) is the reading the core
checks. Every decision is the core's."""

from __future__ import annotations

from dataclasses import replace

import discord
from discord import app_commands

from bots.discord.common import (
    Interaction,
    audio_attachment,
    download,
    recorded,
    speaker_of,
    through_interaction,
    where_of,
    wired,
)
from bots.discord.texts import text
from core.app import Core
from core.domain import Where
from core.errors import VoicebotError
from core.messages import challenge_text, error_text, proven_text
from core.proof import closeness

AUDIO = ("audio/", "video/")  # files that could hold a reading (to be refused as not live)


@app_commands.command(name="myvoice")
@app_commands.describe(name="Name for the voice your reading becomes (letters, digits, - or _)")
async def myvoice(interaction: Interaction, name: str) -> None:
    """Prove a voice is yours: read a phrase aloud in a voice message; it becomes the voice."""
    where = where_of(interaction)
    asked = await wired(interaction).core.proof.challenge(where, name)
    # in the channel, not privately: the reading is a voice message replying to it
    words = challenge_text(asked.name, asked.phrase, asked.minutes, where.locale)
    if through_interaction(interaction):  # a reply here would never reach the bot
        words += "\n" + text("dc_read_in_dm", where.locale)
    await interaction.response.send_message(words)


def is_reading(message: discord.Message, me: discord.ClientUser) -> bool:
    """A voice message (or a file) that may read a phrase: in a DM, or in reply to the bot
    (a reply mentions the bot, so its attachments arrive without the Message Content
    intent)."""
    attachment = audio_attachment(message)
    if attachment is None:
        return False
    if not (recorded(attachment, message) or (attachment.content_type or "").startswith(AUDIO)):
        return False  # a picture, a document: not this
    if message.guild is None:
        return True
    replied = message.reference.resolved if message.reference is not None else None
    return isinstance(replied, discord.Message) and replied.author.id == me.id


async def read_aloud(
    core: Core, message: discord.Message, where: Where, *, download_limit: int
) -> None:
    """Have the core check the reading, and answer under it: the voice is saved, or why not
    (a new phrase to read, when it was too far off)."""
    core.hurry()  # someone is waiting: a busy database says so soon
    proof = core.proof
    try:
        asked = await proof.waiting(where)
        if asked is not None:  # a message carries no locale of its own: the one asked in
            where = replace(where, locale=asked.language)
        attachment = audio_attachment(message)
        assert attachment is not None
        speaker, live = speaker_of(message), recorded(attachment, message)
        await proof.expect(where, speaker=speaker, recorded=live)  # before fetching the file
        proven = await proof.answer(
            where,
            await download(attachment, download_limit),
            speaker=speaker,
            recorded=live,
            source=message.jump_url,
        )
    except VoicebotError as exc:
        await message.reply(error_text(exc, where.locale))
        return
    score = closeness(proven.error)
    replaced = proven.replaced is not None
    await message.reply(proven_text(proven.voice, score, where.locale, replaced=replaced))
