"""Persistent components: they keep working after a restart, since their custom ids carry all
they act on. The /voices picker and its buttons, another take, a request's ✖, consent answers,
and an admin's answer to a report."""

from __future__ import annotations

import io
import re
from collections.abc import Collection
from typing import Any, ClassVar, cast

import discord

from bots.discord.common import Interaction, tell, tell_error, where_of, wired
from bots.discord.forms import KeepModal
from bots.discord.texts import text
from core.domain import Report, Voice, VoiceClip, Where
from core.messages import answered_text, my_voices_text, settled_text
from core.speaking import Change

PICKER_ID = "voices:pick"
MAX_OPTIONS = 25  # Discord's limit for one select menu
MAX_BUTTONS = 25  # and for the buttons of one message: five rows of five
MAX_CONTENT = 2000  # characters of one message
NEVER = r"(?!)"  # the base class's template: only its subclasses match custom ids


class Persistent(discord.ui.DynamicItem[discord.ui.Button[Any]], template=NEVER):
    """A button whose custom id is `prefix:part:part…`; the template's groups are the parts.
    Its errors are told to the presser (a component's would otherwise only be logged)."""

    prefix: ClassVar[str]

    def __init__(
        self,
        *parts: str,
        label: str = "-",
        style: discord.ButtonStyle = discord.ButtonStyle.secondary,
    ) -> None:
        super().__init__(
            discord.ui.Button(label=label, style=style, custom_id=":".join((self.prefix, *parts)))
        )
        self.parts = parts

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Persistent:
        return cls(*match.groups())

    async def callback(self, interaction: Interaction) -> None:
        wired(interaction).core.hurry()  # someone is waiting: a busy database says so soon
        try:
            await self.pressed(interaction)
        except Exception as exc:
            await tell_error(interaction, exc)

    async def pressed(self, interaction: Interaction) -> None:
        raise NotImplementedError


class VoiceAction(
    Persistent, template=r"voice:(sample|default|delete|confirm|keep):([0-9a-f]{32})"
):
    """One button acting on one voice: play, make default, delete (asks), confirm, keep."""

    prefix = "voice"

    async def pressed(self, interaction: Interaction) -> None:
        action, voice_id = self.parts
        core, where = wired(interaction).core, where_of(interaction)
        voice = await core.voices.by_id(where, voice_id)
        if action == "sample":
            await interaction.response.defer(ephemeral=True, thinking=True)
            clip = await core.voices.sample(where, voice)
            await interaction.followup.send(
                file=discord.File(io.BytesIO(clip.ogg), filename=f"{voice.name}.ogg"),
                ephemeral=True,
            )
        elif action == "default":
            await core.voices.set_default(where, voice)
            await tell(interaction, text("voice_default_set", where.locale, name=voice.name))
        elif action == "delete":
            await core.voices.managed(where, voice)
            confirm = discord.ui.View(timeout=None)
            confirm.add_item(
                VoiceAction(
                    "confirm",
                    voice.id,
                    label=text("button_confirm_delete", where.locale),
                    style=discord.ButtonStyle.danger,
                )
            )
            confirm.add_item(
                VoiceAction("keep", voice.id, label=text("button_keep", where.locale))
            )
            await interaction.response.send_message(
                text("confirm_delete", where.locale, name=voice.name), view=confirm, ephemeral=True
            )
        elif action == "confirm":
            await core.voices.delete(where, voice)
            await interaction.response.edit_message(
                content=text("voice_deleted", where.locale, name=voice.name), view=None
            )
        else:  # keep it after all
            await interaction.response.edit_message(
                content=text("voice_kept", where.locale, name=voice.name), view=None
            )


class TakeAction(Persistent, template=r"take:(again|steadier|livelier|keep):([0-9a-f]{32})"):
    """Another take of a request (the same, steadier, livelier), or keep a designed voice."""

    prefix = "take"

    async def pressed(self, interaction: Interaction) -> None:
        change, job_id = self.parts
        where = where_of(interaction)
        if change == "keep":
            await interaction.response.send_modal(KeepModal(job_id, where.locale))
            return
        speaking = wired(interaction).core.speaking
        await wired(interaction).speak(
            interaction,
            lambda reply: speaking.retake(where, job_id, cast(Change, change), reply=reply),
        )  # (as its template admits)


class CancelRequest(Persistent, template=r"cancel:([0-9a-f]{32})"):
    """The ✖ on a request's status: cancels it, if the presser is the one who asked."""

    prefix = "cancel"

    async def pressed(self, interaction: Interaction) -> None:
        (job_id,) = self.parts
        where = where_of(interaction)
        delivery = wired(interaction).core.delivery
        if not await delivery.cancel(where, str(interaction.channel_id), job_id):
            await tell(interaction, text("cancel_over", where.locale))
            return
        await interaction.response.defer()  # the status itself now says it was cancelled


class ConsentAnswer(Persistent, template=r"consent:(yes|no):([0-9a-f]{32})"):
    """The speaker's answer to a consent request: under the cloned message, in a DM, or in
    /myvoices. The core checks it is theirs to give."""

    prefix = "consent"

    async def pressed(self, interaction: Interaction) -> None:
        answer, voice_id = self.parts
        consent, where = wired(interaction).core.consent, where_of(interaction)
        if answer == "yes":
            voice, key = await consent.approve(where, voice_id), "consent_approved"
        else:
            voice, key = await consent.decline(where, voice_id), "consent_declined"
        outcome = answered_text(key, voice, where.locale, speaker=interaction.user.mention)
        message = interaction.message
        if message is not None and message.flags.ephemeral:  # the /myvoices list
            content, view = await my_voices_message(interaction, where, note=outcome)
            await interaction.response.edit_message(content=content, view=view)
        else:  # the request itself: it becomes its outcome
            await interaction.response.edit_message(content=outcome, view=None)


class ReportAnswer(Persistent, template=r"report:(restore|delete):([0-9a-f]{32})"):
    """An admin's answer to a report, under the notice in the channel: restore the voice
    here, or delete it. The core checks the presser administers the server."""

    prefix = "report"

    async def pressed(self, interaction: Interaction) -> None:
        answer, voice_id = self.parts
        reports, where = wired(interaction).core.reports, where_of(interaction)
        if answer == "restore":
            settled = await reports.restore(where, voice_id)
        else:
            settled = await reports.delete(where, voice_id)
        await interaction.response.edit_message(
            content=settled_text(settled, where.locale, admin=interaction.user.mention),
            view=restore_view(settled.voice.id, where.locale)
            if settled.outcome == "barred"
            else None,
        )


class Revoke(Persistent, template=r"revoke:([0-9a-f]{32})"):
    """A speaker takes their voice back: deleted everywhere; /myvoices is shown again."""

    prefix = "revoke"

    async def pressed(self, interaction: Interaction) -> None:
        (voice_id,) = self.parts
        where = where_of(interaction)
        voice = await wired(interaction).core.consent.revoke(where, voice_id)
        content, view = await my_voices_message(
            interaction, where, note=answered_text("voice_revoked", voice, where.locale)
        )
        await interaction.response.edit_message(content=content, view=view)


class VoicePicker(discord.ui.DynamicItem[discord.ui.Select[Any]], template=PICKER_ID):
    """A select menu of the voices usable here; picking one shows its buttons."""

    def __init__(
        self,
        voices: list[Voice] = [],  # noqa: B006
        locale: str = "en",
        suspended: Collection[str] = (),
    ) -> None:
        options = [
            discord.SelectOption(
                label=v.name,
                value=v.id,
                description=(
                    f"{v.seconds:.0f} s · {v.transcript[:50]}{marks(v, locale, suspended)}"
                )[:100],  # Discord's limit for an option's description
            )
            for v in voices[:MAX_OPTIONS]
        ]
        super().__init__(
            discord.ui.Select(
                custom_id=PICKER_ID,
                placeholder=text("dc_pick_voice", locale),
                options=options or [discord.SelectOption(label="-")],
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> VoicePicker:
        return cls()

    async def callback(self, interaction: Interaction) -> None:
        try:
            voices, where = wired(interaction).core.voices, where_of(interaction)
            data: dict[str, Any] = dict(interaction.data or {})
            voice = await voices.by_id(where, str(data["values"][0]))
            usable = await voices.usable(where)
            suspended = await wired(interaction).core.reports.suspended(where, usable)
            await interaction.response.edit_message(
                content=panel_text(voice, where.locale, suspended),
                view=voices_view(usable, where.locale, selected=voice, suspended=suspended),
            )
        except Exception as exc:  # a component's errors would otherwise only be logged
            await tell_error(interaction, exc)


PERSISTENT = (
    VoicePicker,
    VoiceAction,
    TakeAction,
    CancelRequest,
    ConsentAnswer,
    ReportAnswer,
    Revoke,
)


def voices_view(
    voices: list[Voice],
    locale: str,
    selected: Voice | None = None,
    suspended: Collection[str] = (),
) -> discord.ui.View:
    """The picker (the voices reported here marked), plus buttons for the selected voice."""
    view = discord.ui.View(timeout=None)
    view.add_item(VoicePicker(voices, locale, suspended))
    if selected is not None:
        for action, label, style in [
            ("sample", text("dc_button_sample", locale), discord.ButtonStyle.primary),
            ("default", text("button_default", locale), discord.ButtonStyle.secondary),
            ("delete", text("button_delete", locale), discord.ButtonStyle.danger),
        ]:
            view.add_item(VoiceAction(action, selected.id, label=label, style=style))
    return view


def panel_text(voice: Voice, locale: str, suspended: Collection[str] = ()) -> str:
    return text(
        "dc_voice_panel",
        locale,
        name=voice.name,
        seconds=voice.seconds,
        transcript=voice.transcript[:80],
    ) + marks(voice, locale, suspended)


def marks(voice: Voice, locale: str, suspended: Collection[str] = ()) -> str:
    """What a voice's line adds: only its owner may use it; it is suspended here."""
    shown = "" if voice.shared else text("voice_line_unshared", locale)
    if voice.id in suspended:
        shown += text("voice_line_suspended", locale)
    return shown


def take_view(clip: VoiceClip, locale: str) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for change in ("again", "steadier", "livelier"):
        view.add_item(TakeAction(change, clip.job_id, label=text(f"button_{change}", locale)))
    if clip.description:
        view.add_item(
            TakeAction(
                "keep",
                clip.job_id,
                label=text("button_keep_voice", locale),
                style=discord.ButtonStyle.success,
            )
        )
    return view


def cancel_view(job_id: str, locale: str) -> discord.ui.View:
    """A request's status: its ✖ (its end takes it away)."""
    view = discord.ui.View(timeout=None)
    view.add_item(CancelRequest(job_id, label=text("button_cancel_request", locale)))
    return view


def consent_view(voice: Voice, locale: str) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(
        ConsentAnswer(
            "yes",
            voice.id,
            label=text("button_approve", locale),
            style=discord.ButtonStyle.success,
        )
    )
    view.add_item(
        ConsentAnswer(
            "no", voice.id, label=text("button_decline", locale), style=discord.ButtonStyle.danger
        )
    )
    return view


def restore_view(voice_id: str, locale: str) -> discord.ui.View:
    """The button that lets a reported voice speak here again; alone under a personal voice
    barred from the server (an admin may change their mind)."""
    view = discord.ui.View(timeout=None)
    view.add_item(
        ReportAnswer(
            "restore",
            voice_id,
            label=text("button_restore", locale),
            style=discord.ButtonStyle.success,
        )
    )
    return view


def report_view(report: Report, locale: str) -> discord.ui.View:
    view = restore_view(report.voice.id, locale)
    view.add_item(
        ReportAnswer(
            "delete",
            report.voice.id,
            label=text("button_delete_reported", locale),
            style=discord.ButtonStyle.danger,
        )
    )
    return view


async def my_voices_message(
    interaction: Interaction, where: Where, note: str = ""
) -> tuple[str, discord.ui.View]:
    """The /myvoices list (under `note`, the outcome of a button), with its buttons: approve
    or decline each pending voice (declining is its revoking), revoke the others."""
    voices = await wired(interaction).core.consent.mine(where)
    words = my_voices_text(voices, where.locale)
    if note:
        words = f"{note}\n\n{words}"
    view = discord.ui.View(timeout=None)
    for voice in voices:
        if voice.pending:
            items: list[discord.ui.Item[Any]] = [
                ConsentAnswer(
                    "yes",
                    voice.id,
                    label=text("dc_button_approve_named", where.locale, name=voice.name),
                    style=discord.ButtonStyle.success,
                ),
                ConsentAnswer(
                    "no",
                    voice.id,
                    label=text("dc_button_decline_named", where.locale, name=voice.name),
                    style=discord.ButtonStyle.danger,
                ),
            ]
        else:
            items = [
                Revoke(
                    voice.id,
                    label=text("button_revoke", where.locale, name=voice.name),
                    style=discord.ButtonStyle.danger,
                )
            ]
        if len(view.children) + len(items) > MAX_BUTTONS:
            break  # the rest are listed; revoking some makes room for them
        for item in items:
            view.add_item(item)
    return words[:MAX_CONTENT], view
