"""What every Discord handler shares: where an interaction came from, the core the client was
wired with, and how errors are told."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, Protocol, cast

import discord

from bots.discord.texts import text
from core.app import Core
from core.domain import NOBODY, Person, Where
from core.errors import FileTooLarge, VoicebotError
from core.messages import error_text
from core.outbox import Outbox, Reply

log = logging.getLogger(__name__)

Interaction = discord.Interaction[Any]
Start = Callable[[Reply], Awaitable[object]]  # a request to the core, answered through a reply


class Wired(Protocol):
    """What the client holds for the handlers (the handlers never import the client)."""

    core: Core
    outbox: Outbox
    download_limit: int

    async def speak(self, interaction: Interaction, start: Start) -> None:
        """Acknowledge, and have the core answer through the outbox: progress in the
        interaction's response, the voice message in the channel (through the interaction
        where the bot is not in the channel)."""


def wired(interaction: Interaction) -> Wired:
    return cast(Wired, interaction.client)


def through_interaction(interaction: Interaction) -> bool:
    """Whether the interaction is the only way back: a user-installed command (or a press on
    what it posted) where the bot is no member, so the channel refuses it: a DM or group DM
    between users, or a server that has not added the bot (not installed there, and not one
    the gateway announced)."""
    if interaction.context.private_channel:
        return True
    if not interaction.context.guild or interaction.guild_id is None:
        return False  # a DM with the bot, or an interaction that does not say
    member = interaction.client.get_guild(interaction.guild_id) is not None
    return not interaction.is_guild_integration() and not member


def where_of(interaction: Interaction) -> Where:
    """Servers are spaces of their own; DMs are personal, and so is any place the bot is not
    in: a user-installed command there works in the user's own space (their id names it)."""
    if through_interaction(interaction):
        return Where(
            "discord",
            str(interaction.user.id),
            str(interaction.user.id),
            locale=str(interaction.locale),
            private=True,
            user_name=interaction.user.display_name,
        )
    private = interaction.guild_id is None
    space = interaction.guild_id or interaction.channel_id
    return Where(
        "discord",
        str(space),
        str(interaction.user.id),
        locale=str(interaction.locale),
        private=private,
        admin=not private and interaction.permissions.manage_guild,
        user_name=interaction.user.display_name,
        roles=roles_of(interaction.user),
    )


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


def recorded(attachment: discord.Attachment, message: discord.Message | None = None) -> bool:
    """A voice message its sender recorded, not an uploaded file (which may be anyone's)."""
    flagged = message is not None and message.flags.voice
    return attachment.is_voice_message() or bool(flagged)


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
