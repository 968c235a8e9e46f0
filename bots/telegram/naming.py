"""The guided flow in private: send a clip, then its name (a `ConversationHandler`)."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import ConversationHandler

from bots.telegram.commands import announce
from bots.telegram.common import (
    Context,
    answers_errors,
    core_of,
    download,
    recorded,
    source_of,
    speaker_of,
    tell,
    where_of,
)
from bots.telegram.texts import text
from core.domain import Person
from core.errors import BadVoiceName, SpeakerUnknown, VoicebotError, VoiceNameTaken
from core.messages import error_text

NAMING = 1  # a clip was sent in private, waiting for its name
TIMEOUT_S = 600  # a clip waiting for its name is forgotten after this


@dataclass(frozen=True, slots=True)
class Kept:
    """A clip sent in private, waiting for its name (kept in `user_data`, never on disk)."""

    audio: bytes
    speaker: Person
    source: str


@answers_errors
async def got_clip(update: Update, context: Context) -> int:
    """Keep a clip sent in private and ask what to call it."""
    message = update.effective_message
    assert message is not None and context.user_data is not None
    if not recorded(message):  # a file may be anyone's: /clone NAME own|permission says whose
        context.user_data.pop("clip", None)
        await tell(update, text("tg_upload_how", where_of(update).locale))
        return ConversationHandler.END
    speaker = speaker_of(message)  # a forward is its first sender's voice, not the forwarder's
    if not speaker.id:
        raise SpeakerUnknown()  # say so now, not after asking for a name
    context.user_data["clip"] = Kept(await download(message, context), speaker, source_of(message))
    await tell(update, text("tg_ask_name", where_of(update).locale))
    return NAMING


async def name_clip(update: Update, context: Context) -> int:
    """Save the kept clip under the name just sent; ask again if the name will not do."""
    message = update.effective_message
    assert message is not None and context.user_data is not None
    kept: Kept | None = context.user_data.get("clip")
    if kept is None:  # dropped meanwhile (/forgetme): there is nothing left to name
        return ConversationHandler.END
    where = where_of(update)
    await message.chat.send_action(ChatAction.TYPING)
    try:
        voice = await core_of(context).voices.register(
            where, message.text or "", kept.audio, speaker=kept.speaker, source=kept.source
        )
    except (BadVoiceName, VoiceNameTaken) as exc:
        await tell(update, error_text(exc, where.locale))
        return NAMING
    except VoicebotError as exc:
        context.user_data.pop("clip", None)
        await tell(update, error_text(exc, where.locale))
        return ConversationHandler.END
    context.user_data.pop("clip", None)
    await announce(update, context, voice, where, under=message)
    return ConversationHandler.END


async def forget_clip(update: Update, context: Context) -> None:
    """The name never came: drop the clip (it may be megabytes)."""
    if context.user_data is not None:
        context.user_data.pop("clip", None)


async def cancel(update: Update, context: Context) -> int:
    """Forget the kept clip."""
    assert context.user_data is not None
    context.user_data.pop("clip", None)
    await tell(update, text("tg_cancelled", where_of(update).locale))
    return ConversationHandler.END
