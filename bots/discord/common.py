"""What every Discord handler shares: where an interaction came from, and how errors are told."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, cast

import discord

from core.domain import NOBODY, Person, Where
from core.errors import FileTooLarge, VoicebotError
from core.messages import error_text, text

if TYPE_CHECKING:
    from bots.discord.bot import VoiceBot

log = logging.getLogger(__name__)

Interaction = discord.Interaction[Any]


def bot_of(interaction: Interaction) -> VoiceBot:
    return cast("VoiceBot", interaction.client)


def where_of(interaction: Interaction) -> Where:
    """Servers are spaces of their own; DMs are personal."""
    private = interaction.guild_id is None
    space = interaction.guild_id or interaction.channel_id
    return Where("discord", str(space), str(interaction.user.id),
                 locale=str(interaction.locale), private=private,
                 admin=not private and interaction.permissions.manage_guild,
                 user_name=interaction.user.display_name, roles=roles_of(interaction.user))


def roles_of(user: discord.User | discord.Member) -> tuple[str, ...]:
    """A member's role ids, as the server's cached roles know them (a DM has none)."""
    return tuple(str(role.id) for role in user.roles) if isinstance(user, discord.Member) else ()


def speaker_of(message: discord.Message) -> Person:
    """Whose voice a message carries: its author, unless a bot or webhook posted it."""
    author = message.author
    if author.bot or message.webhook_id is not None or author.system:
        return NOBODY
    return Person(str(author.id), author.display_name)


async def tell(interaction: Interaction, words: str) -> None:
    """A short reply only the user sees, whether or not the interaction was answered yet."""
    if interaction.response.is_done():
        await interaction.followup.send(words, ephemeral=True)
    else:
        await interaction.response.send_message(words, ephemeral=True)


async def tell_error(interaction: Interaction, error: BaseException) -> None:
    """The one place a failure becomes words: the core's sentence, or a generic apology."""
    locale = where_of(interaction).locale
    if isinstance(error, VoicebotError):
        words = error_text(error, locale)
    else:
        log.error("unhandled error in a Discord interaction", exc_info=error)
        words = text("error_unexpected", locale)
    with contextlib.suppress(discord.HTTPException):
        await tell(interaction, words)


@contextlib.asynccontextmanager
async def working(interaction: Interaction) -> AsyncIterator[None]:
    """Acknowledge now (Discord allows 3 s), show "thinking…" publicly, and if the work fails
    take that message away again so the error can be told privately."""
    await interaction.response.defer(thinking=True)
    try:
        yield
    except Exception:
        with contextlib.suppress(discord.HTTPException):
            await interaction.delete_original_response()
        raise


def audio_attachment(message: discord.Message) -> discord.Attachment | None:
    """The voice message or audio/video file a message carries (the core probes the bytes)."""
    for attachment in message.attachments:
        kind = attachment.content_type or ""
        if attachment.is_voice_message() or kind.startswith(("audio/", "video/")):
            return attachment
    return message.attachments[0] if message.attachments else None


def require_size(attachment: discord.Attachment, limit: int) -> None:
    if attachment.size > limit:
        raise FileTooLarge(limit_mb=round(limit / 1024 / 1024, 1))


async def download(attachment: discord.Attachment, limit: int) -> bytes:
    """Fetch an attachment's bytes now: Discord's URLs are signed and expire."""
    require_size(attachment, limit)
    return await attachment.read()
