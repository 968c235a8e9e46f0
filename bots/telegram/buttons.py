"""One small handler per button: /voices' play, default and delete, another take, a request's
✖, consent answers, an admin's answer to a report, revoking, and /forgetme's confirmation."""

from __future__ import annotations

from typing import cast

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bots.telegram.common import (
    Context,
    answers_errors,
    as_manager,
    core_of,
    speak,
    target_of,
    where_of,
)
from bots.telegram.outbox import report_row, send_voice
from bots.telegram.texts import text
from core.domain import Settled, Voice, Where
from core.messages import answered_text, forgotten_text, settled_text
from core.speaking import Change


async def pressed(update: Update, context: Context) -> tuple[Voice, Where]:
    """The voice a button names (if it still exists and is usable here)."""
    query, where = update.callback_query, where_of(update)
    assert query is not None and query.data is not None
    voice = await core_of(context).voices.by_id(where, query.data.partition(":")[2])
    return voice, where


@answers_errors
async def sample_button(update: Update, context: Context) -> None:
    """Play a voice's reference clip."""
    voice, where = await pressed(update, context)
    clip = await core_of(context).voices.sample(where, voice)
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    await query.answer()
    await send_voice(context.bot, target_of(update, query.message), clip, where)


@answers_errors
async def default_button(update: Update, context: Context) -> None:
    """Make a voice this chat's default."""
    voice, where = await pressed(update, context)
    await core_of(context).voices.set_default(where, voice)
    assert update.callback_query is not None
    await update.callback_query.answer(text("voice_default_set", where.locale, name=voice.name))


@answers_errors
async def delete_button(update: Update, context: Context) -> None:
    """Ask before deleting a voice (that this user may delete)."""
    voice, _ = await pressed(update, context)
    where = await as_manager(update, context)
    await core_of(context).voices.managed(where, voice)
    query = update.callback_query
    assert query is not None and isinstance(query.message, Message)
    await query.answer()
    await query.message.reply_text(
        text("confirm_delete", where.locale, name=voice.name),
        reply_markup=InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        text("button_confirm_delete", where.locale),
                        callback_data=f"confirm:{voice.id}",
                    ),
                    InlineKeyboardButton(
                        text("button_keep", where.locale), callback_data=f"kept:{voice.id}"
                    ),
                ]
            ]
        ),
    )


@answers_errors
async def confirm_button(update: Update, context: Context) -> None:
    """Delete the voice, as confirmed."""
    voice, _ = await pressed(update, context)
    where = await as_manager(update, context)
    await core_of(context).voices.delete(where, voice)
    assert update.callback_query is not None
    await update.callback_query.answer()
    await update.callback_query.edit_message_text(
        text("voice_deleted", where.locale, name=voice.name)
    )


@answers_errors
async def kept_button(update: Update, context: Context) -> None:
    """Leave the voice be."""
    voice, where = await pressed(update, context)
    assert update.callback_query is not None
    await update.callback_query.answer()
    await update.callback_query.edit_message_text(
        text("voice_kept", where.locale, name=voice.name)
    )


@answers_errors
async def take_button(update: Update, context: Context) -> None:
    """Another take of a voice message: the same, steadier or livelier."""
    query, where, core = update.callback_query, where_of(update), core_of(context)
    assert query is not None and query.data is not None and isinstance(query.message, Message)
    _, change, job_id = query.data.split(":")
    await query.answer()
    await speak(
        update,
        context,
        query.message,
        lambda reply: core.speaking.retake(where, job_id, cast(Change, change), reply=reply),
    )  # the pattern admits 3


@answers_errors
async def keep_button(update: Update, context: Context) -> None:
    """Say how to keep a designed voice (a button cannot ask for its name)."""
    assert update.callback_query is not None
    await update.callback_query.answer(text("keep_how", where_of(update).locale), show_alert=True)


@answers_errors
async def cancel_button(update: Update, context: Context) -> None:
    """Cancel the request this status message follows (only whoever asked for it may)."""
    query, where = update.callback_query, where_of(update)
    assert query is not None and query.data is not None
    job_id = query.data.partition(":")[2]
    count = await core_of(context).delivery.cancel(where, where.space_id, job_id)
    await query.answer(text("error_cancelled" if count else "cancel_over", where.locale))


@answers_errors
async def consent_button(update: Update, context: Context) -> None:
    """The speaker's answer to a request to register their voice (for an uploaded file, a
    group admin's): approve or decline."""
    query, consent = update.callback_query, core_of(context).consent
    where = await as_manager(update, context)  # the core asks an admin for an uploaded file
    assert query is not None and query.data is not None
    _, answer, voice_id = query.data.split(":")
    if answer == "yes":
        voice, key = await consent.approve(where, voice_id), "consent_approved"
    else:
        voice, key = await consent.decline(where, voice_id), "consent_declined"
    await query.answer()
    await query.edit_message_text(answered_text(key, voice, where.locale, speaker=where.user_name))


@answers_errors
async def report_button(update: Update, context: Context) -> None:
    """An admin's answer to a report: restore the voice here, or delete it."""
    query, reports = update.callback_query, core_of(context).reports
    where = await as_manager(update, context)  # the core lets only the group's admins
    assert query is not None and query.data is not None
    _, answer, voice_id = query.data.split(":")
    if answer == "restore":
        settled = await reports.restore(where, voice_id)
    else:
        settled = await reports.delete(where, voice_id)
    await query.answer()
    await query.edit_message_text(
        settled_text(settled, where.locale, admin=where.user_name),
        reply_markup=_lift(settled, where.locale),
    )


def _lift(settled: Settled, locale: str) -> InlineKeyboardMarkup | None:
    """Under a personal voice barred from the chat: the button that lets it speak here again
    (an admin may change their mind)."""
    if settled.outcome != "barred":
        return None
    return InlineKeyboardMarkup([report_row(settled.voice.id, locale, ("restore",))])


@answers_errors
async def revoke_button(update: Update, context: Context) -> None:
    """Delete a voice made from the presser's speech, wherever it lives."""
    query, where = update.callback_query, where_of(update)
    assert query is not None and query.data is not None
    voice = await core_of(context).consent.revoke(where, query.data.partition(":")[2])
    await query.answer()
    await query.edit_message_text(answered_text("voice_revoked", voice, where.locale))


@answers_errors
async def forget_button(update: Update, context: Context) -> None:
    """Forget the user who asked, as confirmed, or leave everything be."""
    query, where = update.callback_query, where_of(update)
    assert query is not None and query.data is not None
    _, answer, asker = query.data.split(":")
    if asker != where.user_id:
        await query.answer(text("tg_not_your_button", where.locale), show_alert=True)
        return
    await query.answer()
    if answer != "yes":
        await query.edit_message_text(text("forget_cancelled", where.locale))
        return
    await core_of(context).unnamed.drop(where)  # a clip waiting for its name goes too
    forgotten = await core_of(context).consent.forget_me(where)
    await query.edit_message_text(forgotten_text(forgotten, where.locale))
