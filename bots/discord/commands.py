"""The slash commands and the "Clone this voice" and "Report voice" context menus: one small
handler each; every decision is the core's."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any, Literal

import discord
from discord import app_commands

from bots.discord.buttons import my_voices_message, panel_text, voices_view
from bots.discord.common import (
    Interaction,
    audio_attachment,
    download,
    recorded,
    require_size,
    speaker_of,
    tell,
    where_of,
    wired,
    working,
)
from bots.discord.forms import CloneModal, DialogueModal, ForgetConfirm, ReportModal
from bots.discord.outbox import announce_report
from bots.discord.proving import myvoice
from bots.discord.revoicing import speak_as
from bots.discord.texts import text
from core.domain import Report, Sampling
from core.errors import SpeakerUnknown
from core.messages import (
    cancelled_text,
    registered_text,
    rules_text,
    tuned_text,
    unreached_text,
)
from core.outbox import Reply, ReplyTarget
from core.translation import TARGETS


async def voice_names(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Autocomplete: the voices usable here whose names contain what was typed."""
    found = await wired(interaction).core.voices.usable(where_of(interaction))
    typed = current.casefold()
    return [
        app_commands.Choice(name=v.name, value=v.name) for v in found if typed in v.name.casefold()
    ][:25]


Temperature = app_commands.Range[float, 0.0, 1.5]
TopK = app_commands.Range[int, -1, 100]
TopP = app_commands.Range[float, 0.1, 1.0]
Speed = app_commands.Range[float, 0.5, 2.0]
# what a text can be translated into and said in: each by its English name, which Discord shows
# in the user's language (`COMMANDS` of `bots.discord.locales`)
LANGUAGES = [app_commands.Choice(name=lang.english, value=code) for code, lang in TARGETS.items()]


@app_commands.command(name="say")
@app_commands.rename(words="text")
@app_commands.describe(
    words="What to say",
    voice="Which voice (default: this server's default)",
    temperature="0–1.5: lower is steadier, higher livelier",
    top_k="-1–100",
    top_p="0.1–1",
    speed="0.5–2: slower or faster, the same pitch",
    language="Say it in this language (the text is translated first)",
)
@app_commands.choices(language=LANGUAGES)
@app_commands.autocomplete(voice=voice_names)
async def say(
    interaction: Interaction,
    words: str,
    voice: str | None = None,
    temperature: Temperature | None = None,
    top_k: TopK | None = None,
    top_p: TopP | None = None,
    speed: Speed | None = None,
    language: str | None = None,
) -> None:
    """Speak text in a stored voice, posted as a voice message."""
    client, where = wired(interaction), where_of(interaction)
    sampling = Sampling(temperature=temperature, top_k=top_k, top_p=top_p, speed=speed)
    await client.speak(
        interaction,
        lambda reply: client.core.speaking.say(
            where, voice, words, sampling=sampling, language=language, reply=reply
        ),
    )  # no voice: the default


@app_commands.command(name="design")
@app_commands.rename(words="text")
@app_commands.describe(
    description="The voice in words: who, how, where (e.g. warm elderly man, slow, quiet room)",
    words="What to say",
    speed="0.5–2: slower or faster, the same pitch",
)
async def design(
    interaction: Interaction, description: str, words: str, speed: Speed | None = None
) -> None:
    """Speak in a voice described in words; keep it as a voice if you like it."""
    client, where = wired(interaction), where_of(interaction)
    sampling = Sampling(speed=speed)
    await client.speak(
        interaction,
        lambda reply: client.core.speaking.design(
            where, description, words, sampling=sampling, reply=reply
        ),
    )


@app_commands.command(name="dialogue")
async def dialogue(interaction: Interaction) -> None:
    """A conversation between voices: one `name: text` line per turn."""
    await interaction.response.send_modal(DialogueModal(where_of(interaction).locale))


@app_commands.command(name="tune")
@app_commands.describe(
    voice="The voice to tune",
    temperature="0–1.5 (empty: the default)",
    top_k="-1–100 (empty: the default)",
    top_p="0.1–1 (empty: the default)",
    speed="0.5–2 (empty: as generated)",
)
@app_commands.autocomplete(voice=voice_names)
async def tune(
    interaction: Interaction,
    voice: str,
    temperature: Temperature | None = None,
    top_k: TopK | None = None,
    top_p: TopP | None = None,
    speed: Speed | None = None,
) -> None:
    """Set a voice's own sampling defaults."""
    where = where_of(interaction)
    sampling = Sampling(temperature=temperature, top_k=top_k, top_p=top_p, speed=speed)
    found = await wired(interaction).core.voices.tune(where, voice, sampling)
    await tell(interaction, tuned_text(found, where.locale))


@app_commands.command(name="clone")
@app_commands.describe(
    name="Name for the voice (letters, digits, - or _)",
    audio="A clip of one person speaking, 3–30 s",
    statement="Whose voice it is: a file could be anyone's",
    transcript="The words spoken in the clip (optional)",
)
@app_commands.choices(
    statement=[
        app_commands.Choice(name="my own voice", value="own"),
        app_commands.Choice(name="someone who gave me permission", value="permission"),
    ]
)
async def clone(
    interaction: Interaction,
    name: str,
    audio: discord.Attachment,
    statement: str,
    transcript: str | None = None,
) -> None:
    """Register a voice from an audio file; in a server an admin approves it first."""
    client, where = wired(interaction), where_of(interaction)
    uploaded = not recorded(audio)
    async with working(interaction):
        clip = await download(audio, client.download_limit)
        voice = await client.core.voices.register(
            where, name, clip, transcript=transcript, uploaded=uploaded, statement=statement
        )
        await interaction.followup.send(registered_text(voice, where.locale))
    channel = str(interaction.channel_id)
    asking = Reply(client.outbox, ReplyTarget(chat_id=channel, user_id=where.user_id))
    if not await client.core.consent.ask(where, voice, asking):
        await tell(interaction, unreached_text(voice, where.locale))


@app_commands.context_menu(name="Clone this voice")
async def clone_message(interaction: Interaction, message: discord.Message) -> None:
    """Register the voice in a message: asks for its name in a form, then its speaker."""
    client, where = wired(interaction), where_of(interaction)
    attachment = audio_attachment(message)
    if attachment is None:
        await tell(interaction, text("dc_no_audio", where.locale))
        return
    if not recorded(attachment, message):  # a file may be anyone's: /clone asks whose
        await tell(interaction, text("dc_upload_use_clone", where.locale))
        return
    if not speaker_of(message).id:  # the core refuses it too, but only after the form
        raise SpeakerUnknown()
    await client.core.rules.require_may_clone(where)  # likewise
    require_size(attachment, client.download_limit)
    clip = asyncio.create_task(download(attachment, client.download_limit))
    await interaction.response.send_modal(CloneModal(where.locale, clip, message))


@app_commands.command(name="voices")
async def voices(interaction: Interaction) -> None:
    """List the voices usable here: play, set default, delete."""
    voices, where = wired(interaction).core.voices, where_of(interaction)
    found = await voices.usable(where)
    if not found:
        await tell(interaction, text("voices_empty", where.locale))
        return
    default_voice = await voices.default(where)
    suspended = await wired(interaction).core.reports.suspended(where, found)
    lines = [text("voices_header", where.locale)]
    if default_voice is not None:
        lines.append(panel_text(default_voice, where.locale, suspended))
    if len(found) > 25:
        lines.append(text("voices_more", where.locale, count=len(found) - 25))
    await interaction.response.send_message(
        "\n".join(lines),
        view=voices_view(found, where.locale, selected=default_voice, suspended=suspended),
        ephemeral=True,
    )


@app_commands.command(name="default")
@app_commands.describe(voice="The voice /say uses when none is given")
@app_commands.autocomplete(voice=voice_names)
async def default(interaction: Interaction, voice: str) -> None:
    """Pick this server's (or DM's) default voice."""
    where = where_of(interaction)
    found = await wired(interaction).core.voices.set_default(where, voice)
    await tell(interaction, text("voice_default_set", where.locale, name=found.name))


@app_commands.command(name="rename")
@app_commands.describe(voice="The voice to rename", new_name="Its new name")
@app_commands.autocomplete(voice=voice_names)
async def rename(interaction: Interaction, voice: str, new_name: str) -> None:
    """Give a voice a new name."""
    where = where_of(interaction)
    found = await wired(interaction).core.voices.rename(where, voice, new_name)
    await tell(interaction, text("voice_renamed", where.locale, old=voice, new=found.name))


@app_commands.command(name="delete")
@app_commands.describe(voice="The voice to delete")
@app_commands.autocomplete(voice=voice_names)
async def delete(interaction: Interaction, voice: str) -> None:
    """Delete a voice and its clip."""
    where = where_of(interaction)
    found = await wired(interaction).core.voices.delete(where, voice)
    await tell(interaction, text("voice_deleted", where.locale, name=found.name))


@app_commands.command(name="share")
@app_commands.describe(
    voice="A voice you registered", shared="Yes: everyone here may use it; no: only you"
)
@app_commands.autocomplete(voice=voice_names)
async def share(interaction: Interaction, voice: str, shared: bool) -> None:
    """Let others here use a voice you registered, or keep it to yourself."""
    where = where_of(interaction)
    found = await wired(interaction).core.voices.share(where, voice, shared)
    key = "voice_shared" if found.shared else "voice_unshared"
    await tell(interaction, text(key, where.locale, name=found.name))


@app_commands.command(name="myvoices")
async def myvoices(interaction: Interaction) -> None:
    """Voices made from your speech, anywhere: approve, decline or revoke them."""
    content, view = await my_voices_message(interaction, where_of(interaction))
    await interaction.response.send_message(content, view=view, ephemeral=True)


@app_commands.command(name="cancel")
async def cancel(interaction: Interaction) -> None:
    """Cancel your requests under way in this channel."""
    where = where_of(interaction)
    count = await wired(interaction).core.delivery.cancel(where, str(interaction.channel_id))
    await tell(interaction, cancelled_text(count, where.locale))


@app_commands.command(name="forgetme")
async def forgetme(interaction: Interaction) -> None:
    """Delete everything this bot keeps about you (asks first)."""
    locale = where_of(interaction).locale
    await interaction.response.send_message(
        text("forget_confirm", locale), view=ForgetConfirm(locale), ephemeral=True
    )


DailyChars = app_commands.Range[int, 0, 1_000_000]


@app_commands.command(name="settings")
@app_commands.describe(
    clone="Who may register voices",
    role="With clone: role, whose members may",
    members_use_others="May members use each other's voices?",
    daily_chars="Characters one member may have spoken per day (0: no limit)",
)
async def settings(
    interaction: Interaction,
    clone: Literal["everyone", "admins", "role"] | None = None,
    role: discord.Role | None = None,
    members_use_others: bool | None = None,
    daily_chars: DailyChars | None = None,
) -> None:
    """This server's rules: who registers voices, sharing, a daily quota (admins change them)."""
    rules, where = wired(interaction).core.rules, where_of(interaction)
    given = {
        "who_clones": clone,
        "clone_role": str(role.id) if role else None,
        "members_use_others": members_use_others,
        "daily_chars": daily_chars,
    }
    changes = {name: value for name, value in given.items() if value is not None}
    if changes:
        await rules.change(where, **changes)
    shown = await rules.of(where)  # with the bot's default quota filled in
    role_shown = f"<@&{shown.clone_role}>" if shown.clone_role else ""
    await tell(interaction, rules_text(shown, where.locale, role=role_shown))


@app_commands.command(name="report")
@app_commands.describe(name="The voice to report", reason="Why (optional; shown in the channel)")
@app_commands.autocomplete(name=voice_names)
async def report(interaction: Interaction, name: str, reason: str | None = None) -> None:
    """Report a voice to this server's admins: it stays silent here until they decide."""
    where = where_of(interaction)
    flagged = await wired(interaction).core.reports.report(where, name, reason or "")
    await reported(interaction, flagged)


@app_commands.context_menu(name="Report voice")
async def report_message(interaction: Interaction, message: discord.Message) -> None:
    """Report the voice that spoke a voice message the bot posted, with a reason if the
    reporter gives one in the form that opens."""
    where = where_of(interaction)
    job_id = await spoken_job(message, interaction.client.user)
    if job_id is None:
        await tell(interaction, text("dc_not_a_bot_voice", where.locale))
        return
    wired(interaction).core.reports.require_place(where)  # (before the form, not after it)

    async def report(submitted: Interaction, reason: str) -> None:
        reports = wired(submitted).core.reports
        flagged = await reports.report_spoken(where_of(submitted), job_id, reason)
        await reported(submitted, flagged, under=message.id)

    await interaction.response.send_modal(ReportModal(where.locale, report))


async def reported(interaction: Interaction, flagged: Report, under: int | None = None) -> None:
    """Confirm a report to its reporter (privately), then tell the channel and whose voice it
    is."""
    where = where_of(interaction)
    await tell(interaction, text("report_confirmed", where.locale, name=flagged.voice.name))
    assert interaction.channel_id is not None
    await announce_report(
        interaction.client, where, flagged, channel_id=interaction.channel_id, reply_to=under
    )


async def spoken_job(message: discord.Message, me: discord.ClientUser | None) -> str | None:
    """The job behind a voice message the bot posted: named by the take buttons on the label
    it replies to (or on the label itself)."""
    if me is None or message.author.id != me.id:
        return None
    labels = [message]
    reference = message.reference
    if reference is not None and isinstance(reference.resolved, discord.Message):
        labels.append(reference.resolved)
    elif reference is not None and reference.message_id is not None:
        with contextlib.suppress(discord.HTTPException):
            labels.append(await message.channel.fetch_message(reference.message_id))
    for label in labels:
        for row in getattr(label, "components", ()):  # unset when the payload had none
            for item in getattr(row, "children", ()):
                custom_id = str(getattr(item, "custom_id", None) or "")
                if custom_id.startswith("take:"):
                    return custom_id.rpartition(":")[2]
    return None


@app_commands.command(name="help")
async def help_(interaction: Interaction) -> None:
    """How to use this bot."""
    await tell(interaction, text("dc_help", where_of(interaction).locale))


COMMANDS: list[app_commands.Command[Any, Any, Any] | app_commands.ContextMenu] = [
    say,
    design,
    dialogue,
    cancel,
    clone,
    voices,
    default,
    tune,
    rename,
    delete,
    share,
    myvoice,
    myvoices,
    forgetme,
    settings,
    report,
    help_,
    clone_message,
    report_message,
    speak_as,
]
