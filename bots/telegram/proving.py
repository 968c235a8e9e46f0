"""Proving a voice is your own: /myvoice NAME shows a phrase (with a 🔁 button for another), and
a voice note replying to it is the reading the core checks. Every decision is the core's."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatAction
from telegram.ext import ApplicationHandlerStop

from bots.telegram.commands import button_job
from bots.telegram.common import (
    Context,
    answers_errors,
    as_manager,
    core_of,
    download,
    recorded,
    source_of,
    speaker_of,
    tell,
)
from bots.telegram.texts import text
from core.errors import ReadingMismatch
from core.messages import challenge_text, error_text, proven_text
from core.proof import closeness

PHRASE = "phrase"  # the callback data of a phrase's 🔁 button: "phrase:<user id>"


@answers_errors
async def myvoice(update: Update, context: Context) -> None:
    """Show a phrase to read aloud, proving a voice is your own: /myvoice NAME."""
    message, where = update.effective_message, await as_manager(update, context)
    assert message is not None
    if not context.args:
        await tell(update, text("tg_myvoice_usage", where.locale))
        return
    asked = await core_of(context).proof.challenge(where, context.args[0])
    words = challenge_text(asked.name, asked.phrase, asked.minutes, where.locale)
    await show_phrase(message, words, where.user_id, where.locale)


async def reading(update: Update, context: Context) -> None:
    """A voice note in reply to a phrase: the reading. Other replies are not this handler's;
    a reading is nobody else's either (in private, not a clip waiting for its name)."""
    message = update.effective_message
    if message is None or button_job(message.reply_to_message, PHRASE) is None:
        return
    await read(update, context)
    raise ApplicationHandlerStop


@answers_errors
async def read(update: Update, context: Context) -> None:
    """Have the core check the reading: the voice is saved, or a new phrase is shown."""
    message, where = update.effective_message, await as_manager(update, context)
    assert message is not None
    proof, speaker, live = core_of(context).proof, speaker_of(message), recorded(message)
    await proof.expect(where, speaker=speaker, recorded=live)  # before fetching the file
    await message.chat.send_action(ChatAction.TYPING)
    try:
        proven = await proof.answer(
            where,
            await download(message, context),
            speaker=speaker,
            recorded=live,
            source=source_of(message),
        )
    except ReadingMismatch as exc:  # the new phrase, read in reply to this message
        await show_phrase(message, error_text(exc, where.locale), where.user_id, where.locale)
        return
    score = closeness(proven.error)
    said = proven_text(proven.voice, score, where.locale, replaced=proven.replaced is not None)
    await tell(update, said)


@answers_errors
async def phrase_button(update: Update, context: Context) -> None:
    """Another phrase instead of this one (for the person it was shown to)."""
    query, where = update.callback_query, await as_manager(update, context)
    assert query is not None
    if (query.data or "").partition(":")[2] != where.user_id:
        await tell(update, text("tg_not_your_button", where.locale))
        return
    asked = await core_of(context).proof.renew(where)
    await query.answer()
    await query.edit_message_text(
        challenge_text(asked.name, asked.phrase, asked.minutes, where.locale),
        reply_markup=phrase_buttons(where.user_id, where.locale),
    )


async def show_phrase(message: Message, words: str, user_id: str, locale: str) -> None:
    """Post a phrase to read, under `message`; replying to it with a voice note reads it."""
    await message.reply_text(words, reply_markup=phrase_buttons(user_id, locale), do_quote=True)


def phrase_buttons(user_id: str, locale: str) -> InlineKeyboardMarkup:
    another = InlineKeyboardButton(
        text("tg_button_phrase", locale), callback_data=f"{PHRASE}:{user_id}"
    )
    return InlineKeyboardMarkup([[another]])
