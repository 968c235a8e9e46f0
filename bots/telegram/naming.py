"""The guided flow in private: send a clip, then its name. The clip waits in the core
(`core.unnamed`), so the name may reach any replica of the bot; the user's updates are handled
in the order they were sent (`bots.telegram.order`), so the name comes after its clip."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatAction

from bots.telegram import commands
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
from core.errors import SpeakerUnknown
from core.unnamed import Unnamed


@answers_errors
async def got_clip(update: Update, context: Context) -> None:
    """Keep a clip sent in private and ask what to call it."""
    message, where, unnamed = update.effective_message, where_of(update), core_of(context).unnamed
    assert message is not None
    if not recorded(message):  # a file may be anyone's: /clone NAME own|permission says whose
        await unnamed.drop(where)
        await tell(update, text("tg_upload_how", where.locale))
        return
    speaker = speaker_of(message)  # a forward is its first sender's voice, not the forwarder's
    if not speaker.id:
        raise SpeakerUnknown()  # say so now, not after asking for a name
    await unnamed.keep(
        where, Unnamed(await download(message, context), speaker, source_of(message))
    )
    await tell(update, text("tg_ask_name", where.locale))


@answers_errors
async def name_clip(update: Update, context: Context) -> None:
    """Save the waiting clip under the name just sent (a name that will not do is asked
    again); any other text in private, with no clip waiting, is not for the bot."""
    message, where, unnamed = update.effective_message, where_of(update), core_of(context).unnamed
    assert message is not None
    if not await unnamed.waiting(where):  # none, or dropped meanwhile (/forgetme, /cancel)
        return
    await message.chat.send_action(ChatAction.TYPING)
    voice = await unnamed.name(where, message.text or "")
    if voice is not None:
        await commands.announce(update, context, voice, where, under=message)


async def drop_clip(update: Update, context: Context) -> bool:
    """Forget the clip waiting for its name from this update's user; whether one waited."""
    return await core_of(context).unnamed.drop(where_of(update))


@answers_errors
async def cancel(update: Update, context: Context) -> None:
    """/cancel in private: forget the clip waiting for its name, or else cancel the requests
    under way."""
    if await drop_clip(update, context):
        await tell(update, text("tg_cancelled", where_of(update).locale))
        return
    await commands.cancel(update, context)
