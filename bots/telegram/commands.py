"""One small handler per command; every decision is the core's."""

from __future__ import annotations

import html
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatAction, ParseMode
from telegram.helpers import mention_html

from bots.telegram.common import (
    Context,
    answers_errors,
    arguments,
    as_manager,
    core_of,
    download,
    media_of,
    outbox_of,
    recorded,
    source_of,
    speak,
    speaker_of,
    tell,
    where_of,
)
from bots.telegram.outbox import consent_row, report_row
from bots.telegram.revoicing import audible, revoiced
from bots.telegram.texts import text
from core.domain import Sampling, Voice, Where
from core.messages import (
    cancelled_text,
    my_voices_text,
    registered_text,
    report_text,
    rules_text,
    saved_text,
    tuned_text,
    unreached_text,
)
from core.outbox import Reply, ReplyTarget
from core.translation import split_target
from core.voices import require_statement

MAX_LISTED = 30  # voices with buttons in one /voices message (Telegram caps keyboards)
SWITCH = {"on": True, "off": False}
QUOTA_DIGITS = 9  # a daily quota is a count of characters, not a number to overflow a column


@answers_errors
async def start(update: Update, context: Context) -> None:
    """Explain what the bot does, with examples."""
    await tell(update, text("tg_help", where_of(update).locale))


async def as_chat(update: Update, context: Context) -> None:
    """Refuse a command sent on behalf of a chat (anonymously, or as a channel)."""
    await tell(update, text("tg_as_yourself", where_of(update).locale))


@answers_errors
async def clone(update: Update, context: Context) -> None:
    """Register the replied-to voice message as a named voice: /clone NAME [| words]; for an
    uploaded file, /clone NAME own|permission [| words] (whose voice it is)."""
    message = update.effective_message
    assert message is not None
    name, _, words = arguments(message).partition("|")
    source = message.reply_to_message
    if not name.strip() or source is None or media_of(source) is None:
        await tell(update, text("tg_clone_usage", where_of(update).locale))
        return
    uploaded, statement = not recorded(source), None
    if uploaded:  # NAME own|permission
        name, _, statement = name.strip().partition(" ")
        require_statement(statement)  # before fetching the file
    where, core = await as_manager(update, context), core_of(context)  # admins-only chats
    await core.rules.require_may_clone(where)  # before fetching the file
    await message.chat.send_action(ChatAction.TYPING)
    voice = await core.voices.register(
        where,
        name,
        await download(source, context),
        transcript=words or None,
        speaker=speaker_of(source),
        source=source_of(source),
        uploaded=uploaded,
        statement=statement,
    )
    await announce(update, context, voice, where, under=source)


@answers_errors
async def say(update: Update, context: Context) -> None:
    """Speak text in a voice: /say [NAME] [speed=1.25 …] text, or reply /say [NAME] [speed=…]
    to a text message (or to a voice message: its words)."""
    message, where, core = update.effective_message, where_of(update), core_of(context)
    assert message is not None
    replied = message.reply_to_message
    replied_text = (replied.text or replied.caption) if replied else None
    sampling, rest = Sampling.leading(arguments(message))
    language, rest = split_target(rest)  # `/say NAME >es …`: translated into Spanish first
    if (  # replying to a voice message: its words, said again in the voice
        replied is not None
        and audible(replied)
        and await revoiced(update, context, replied, rest, sampling=sampling, language=language)
    ):
        return
    voice, words = await core.voices.parse_say(where, rest, replied_text=replied_text)
    await speak(
        update,
        context,
        message,
        lambda reply: core.speaking.say(
            where, voice, words, sampling=sampling, language=language, reply=reply
        ),
    )


@answers_errors
async def design(update: Update, context: Context) -> None:
    """Speak in a voice described in words: /design [speed=… …] DESCRIPTION | TEXT."""
    message, where, core = update.effective_message, where_of(update), core_of(context)
    assert message is not None
    sampling, rest = Sampling.leading(arguments(message))
    description, _, words = rest.partition("|")
    await speak(
        update,
        context,
        message,
        lambda reply: core.speaking.design(
            where, description, words, sampling=sampling, reply=reply
        ),
    )


@answers_errors
async def dialogue(update: Update, context: Context) -> None:
    """Speak a conversation: /dialogue [speed=… …], then one `name: text` line per turn."""
    message, where, core = update.effective_message, where_of(update), core_of(context)
    assert message is not None
    sampling, script = Sampling.leading(arguments(message))
    await speak(
        update,
        context,
        message,
        lambda reply: core.speaking.dialogue(where, script, sampling=sampling, reply=reply),
    )


@answers_errors
async def keep(update: Update, context: Context) -> None:
    """Keep a designed voice: reply /keep NAME to its voice message."""
    message, where = update.effective_message, where_of(update)
    assert message is not None
    job_id = button_job(message.reply_to_message, "keep")
    if not context.args or job_id is None:
        await tell(update, text("keep_usage", where.locale))
        return
    await message.chat.send_action(ChatAction.TYPING)
    voice = await core_of(context).voices.keep(where, job_id, context.args[0])
    await tell(update, saved_text(voice, where.locale))


@answers_errors
async def tune(update: Update, context: Context) -> None:
    """Set a voice's defaults: /tune NAME temperature=0.7 top_k=40 top_p=0.9 speed=0.9."""
    where = where_of(update)
    if not context.args:
        await tell(update, text("tune_usage", where.locale))
        return
    name, *settings = context.args
    voice = await core_of(context).voices.tune(
        await as_manager(update, context), name, Sampling.parse(settings)
    )
    await tell(update, tuned_text(voice, where.locale))


@answers_errors
async def voices(update: Update, context: Context) -> None:
    """List the voices usable here, each with play / default / delete buttons."""
    where, core = where_of(update), core_of(context)
    found = await core.voices.usable(where)
    if not found:
        await tell(update, text("voices_empty", where.locale))
        return
    default = await core.voices.default(where)
    suspended = await core.reports.suspended(where, found)
    lines = [text("voices_header", where.locale)]
    rows = []
    for voice in found[:MAX_LISTED]:
        line = text("voice_line", where.locale, name=voice.name, seconds=voice.seconds)
        if default is not None and voice.id == default.id:
            line += text("voice_line_default", where.locale)
        if voice.id in suspended:
            line += text("voice_line_suspended", where.locale)
        if voice.personal and not where.private:
            line += text("voice_line_personal", where.locale)
        if not voice.shared:
            line += text("voice_line_unshared", where.locale)
        lines.append(line)
        rows.append(
            [
                InlineKeyboardButton(f"▶ {voice.name}", callback_data=f"sample:{voice.id}"),
                InlineKeyboardButton(
                    text("button_default", where.locale), callback_data=f"default:{voice.id}"
                ),
                InlineKeyboardButton(
                    text("button_delete", where.locale), callback_data=f"delete:{voice.id}"
                ),
            ]
        )
    if len(found) > MAX_LISTED:
        lines.append(text("voices_more", where.locale, count=len(found) - MAX_LISTED))
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        "\n".join(lines), reply_markup=InlineKeyboardMarkup(rows), do_quote=True
    )


@answers_errors
async def default(update: Update, context: Context) -> None:
    """Pick the voice /say uses when no name is given: /default NAME."""
    where = where_of(update)
    if not context.args:
        await tell(update, text("tg_default_usage", where.locale))
        return
    voice = await core_of(context).voices.set_default(where, context.args[0])
    await tell(update, text("voice_default_set", where.locale, name=voice.name))


@answers_errors
async def rename(update: Update, context: Context) -> None:
    """Give a voice a new name: /rename OLD NEW."""
    if not context.args or len(context.args) != 2:
        await tell(update, text("tg_rename_usage", where_of(update).locale))
        return
    where = await as_manager(update, context)
    old, new = context.args
    voice = await core_of(context).voices.rename(where, old, new)
    await tell(update, text("voice_renamed", where.locale, old=old, new=voice.name))


@answers_errors
async def delete(update: Update, context: Context) -> None:
    """Delete a voice and its clip: /delete NAME."""
    if not context.args:
        await tell(update, text("tg_delete_usage", where_of(update).locale))
        return
    where = await as_manager(update, context)
    voice = await core_of(context).voices.delete(where, context.args[0])
    await tell(update, text("voice_deleted", where.locale, name=voice.name))


@answers_errors
async def share(update: Update, context: Context) -> None:
    """Let everyone here speak in your voice, or only you: /share NAME on|off."""
    where, args = where_of(update), context.args or []
    if len(args) != 2 or args[1].lower() not in SWITCH:
        await tell(update, text("tg_share_usage", where.locale))
        return
    voice = await core_of(context).voices.share(where, args[0], SWITCH[args[1].lower()])
    await tell(
        update,
        text("voice_shared" if voice.shared else "voice_unshared", where.locale, name=voice.name),
    )


@answers_errors
async def settings(update: Update, context: Context) -> None:
    """Show this group's rules, or change one (admins): /settings clone|share|quota VALUE."""
    where, rules = where_of(update), core_of(context).rules
    if not context.args:
        shown = rules_text(await rules.of(where), where.locale)
        await tell(update, f"{shown}\n\n{text('tg_settings_usage', where.locale)}")
        return
    change = rule_change([word.lower() for word in context.args])
    if change is None:
        await tell(update, text("tg_settings_usage", where.locale))
        return
    await rules.change(await as_manager(update, context), **change)
    await tell(update, rules_text(await rules.of(where), where.locale))


@answers_errors
async def myvoices(update: Update, context: Context) -> None:
    """List every voice made from the user's speech, each with a revoke button."""
    where = where_of(update)
    found = (await core_of(context).consent.mine(where))[:MAX_LISTED]
    rows = []
    for voice in found:
        row = [
            InlineKeyboardButton(
                text("button_revoke", where.locale, name=voice.name),
                callback_data=f"revoke:{voice.id}",
            )
        ]
        if voice.pending:
            row += consent_row(voice, where.locale)
        rows.append(row)
    assert update.effective_message is not None
    buttons = InlineKeyboardMarkup(rows) if rows else None
    await update.effective_message.reply_text(
        my_voices_text(found, where.locale), reply_markup=buttons, do_quote=True
    )


@answers_errors
async def cancel(update: Update, context: Context) -> None:
    """Cancel the user's requests under way in this chat: /cancel."""
    where = where_of(update)
    count = await core_of(context).delivery.cancel(where, where.space_id)
    await tell(update, cancelled_text(count, where.locale))


@answers_errors
async def forgetme(update: Update, context: Context) -> None:
    """Offer to delete everything kept about the user (only they may confirm)."""
    where = where_of(update)
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        text("forget_confirm", where.locale),
        reply_markup=InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        text("button_forget", where.locale),
                        callback_data=f"forget:yes:{where.user_id}",
                    ),
                    InlineKeyboardButton(
                        text("button_cancel", where.locale),
                        callback_data=f"forget:no:{where.user_id}",
                    ),
                ]
            ]
        ),
        do_quote=True,
    )


@answers_errors
async def report(update: Update, context: Context) -> None:
    """Flag a voice for this group's admins: /report NAME [reason], or reply /report [reason]
    to a voice message the bot posted."""
    message, where, reports = update.effective_message, where_of(update), core_of(context).reports
    assert message is not None
    job_id = spoken_job(message.reply_to_message, context.bot.id)
    words = arguments(message)
    if job_id is not None:
        flagged = await reports.report_spoken(where, job_id, reason=words)
    else:
        name, reason = ([*words.split(maxsplit=1), "", ""])[:2]
        if not name:
            await tell(update, text("tg_report_usage", where.locale))
            return
        flagged = await reports.report(where, name, reason=reason)
    await tell(update, text("report_confirmed", where.locale, name=flagged.voice.name))
    await message.chat.send_message(
        report_text(
            flagged,
            where.locale,
            told=[mention_html(person.id, person.name or person.id) for person in flagged.told],
            reporter=html.escape(where.user_name),
            reason=html.escape(flagged.reason),
        ),
        parse_mode=ParseMode.HTML,
        reply_markup=InlineKeyboardMarkup([report_row(flagged.voice.id, where.locale)]),
    )


def spoken_job(message: Message | None, bot_id: int) -> str | None:
    """The job behind a voice message this bot posted (its take buttons name it)."""
    if message is None or message.from_user is None or message.from_user.id != bot_id:
        return None
    take = button_job(message, "take")  # "again:<job id>"
    return take.rpartition(":")[2] if take else None


async def announce(
    update: Update, context: Context, voice: Voice, where: Where, *, under: Message
) -> None:
    """Tell the requester their voice is saved; when it is someone else's voice, that it waits
    for them (an uploaded one: for an admin), and have the core ask them (under the clip, and
    in private)."""
    await tell(update, registered_text(voice, where.locale))
    if not voice.pending:
        return
    source = ReplyTarget(chat_id=str(under.chat_id), reply_to=str(under.message_id))
    if not await core_of(context).consent.ask(where, voice, Reply(outbox_of(context), source)):
        await tell(update, unreached_text(voice, where.locale))


def rule_change(words: list[str]) -> dict[str, Any] | None:
    """`/settings` words as a change of the group's rules, or None when they make no sense."""
    match words:
        case ["clone", ("everyone" | "admins") as who]:
            return {"who_clones": who}
        case ["share", switch] if switch in SWITCH:
            return {"members_use_others": SWITCH[switch]}
        case ["quota", chars] if chars.isdecimal() and len(chars) <= QUOTA_DIGITS:
            return {"daily_chars": int(chars)}
    return None


def button_job(message: Message | None, action: str) -> str | None:
    """The job id behind a message's `action` button (how /keep finds what it replies to)."""
    keyboard = message.reply_markup if message is not None else None
    for row in keyboard.inline_keyboard if keyboard else ():
        for button in row:
            data = str(button.callback_data or "")
            if data.startswith(f"{action}:"):
                return data.partition(":")[2]
    return None
