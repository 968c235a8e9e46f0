"""The core's way out on Discord. While the user's interaction is alive (this process took
it), progress edits its response and the labelled result replaces it; a job resumed after a
restart, its interaction long gone, is posted in its channel instead. Where the bot is no
member of the channel (a user-installed command elsewhere) the interaction is the only way
out: the target keeps its token as the job's status (its response is that), and everything
goes through it, after a restart too while the token lasts (15 minutes). Consent requests go
under the cloned message (through the interaction, where that is the way) and to the speaker
by DM; so does the notice of a report, to the reported voice's owner and speaker."""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Awaitable, Callable, Iterator

import discord

from bots.discord.buttons import cancel_view, consent_view, report_view, take_view
from bots.discord.common import Interaction, Start, tell, through_interaction
from bots.discord.followup import FOLLOWUPS, Followup, expired, lapsed
from bots.discord.texts import text
from bots.discord.voice_message import post_voice_message
from core.domain import Progress, Report, Voice, VoiceClip, Where
from core.errors import Cancelled, VoicebotError
from core.messages import (
    admin_request_text,
    consent_text,
    error_text,
    label_text,
    progress_text,
    report_text,
)
from core.outbox import ChatGone, Reply, ReplyTarget

log = logging.getLogger(__name__)

SendFile = Callable[[discord.File], Awaitable[object]]


class DiscordOutbox:
    """Posts what the core says, through the client."""

    def __init__(self, client: discord.Client, *, consent_hours: float) -> None:
        self._client = client
        self._consent_hours = consent_hours
        self._live: dict[str, Interaction] = {}  # by request (interaction id)
        self._shown: dict[str, str] = {}  # the progress line each one shows
        self._told_no_voice_messages: set[str] = set()  # channels, told once why a file came

    async def speak(self, interaction: Interaction, start: Start) -> None:
        """Acknowledge ("thinking…"), then have the core answer through this outbox."""
        await interaction.response.defer(thinking=True)
        assert interaction.channel_id is not None
        target = ReplyTarget(
            chat_id=str(interaction.channel_id),
            user_id=str(interaction.user.id),
            request=str(interaction.id),
            status_id=interaction.token if through_interaction(interaction) else "",
        )
        self._live[target.request] = interaction
        try:
            await start(Reply(self, target))
        finally:
            self._live.pop(target.request, None)
            self._shown.pop(target.request, None)

    async def progress(self, where: Where, target: ReplyTarget, progress: Progress) -> None:
        interaction = self._live.get(target.request)
        line = progress_text(progress, where.locale)
        if interaction is not None and self._shown.get(target.request) != line:
            self._shown[target.request] = line
            if not progress.job_id:
                await interaction.edit_original_response(content=line)
                return
            view = cancel_view(progress.job_id, where.locale)  # with its ✖
            await interaction.edit_original_response(content=line, view=view)

    async def post(self, where: Where, target: ReplyTarget, clip: VoiceClip) -> None:
        """The label (with take buttons), then the voice message(s) under it."""
        interaction = self._live.get(target.request)
        channel = self._client.get_partial_messageable(int(target.chat_id))
        content = text(
            "dc_said_by",
            where.locale,
            label=label_text(clip, where.locale),
            user=f"<@{target.user_id}>",
        )
        view = take_view(clip, where.locale)
        if target.status_id:  # the bot is not in the channel
            await self._post_through(target, clip, content, view)
            return
        with gone_channels():
            label: discord.Message | None = None
            if interaction is not None:
                with contextlib.suppress(discord.HTTPException):  # expired (15 min) meanwhile
                    label = await interaction.edit_original_response(content=content, view=view)
            if label is None:
                label = await channel.send(content, view=view)
            for part in clip.messages:
                try:
                    await post_voice_message(
                        self._client.http, channel.id, part, reply_to=label.id
                    )
                except discord.Forbidden:  # voice messages not allowed here: a plain file
                    file = discord.File(io.BytesIO(part.ogg), f"{clip.voice_name or 'voice'}.ogg")
                    await self._fallback(interaction, target, where, label)(file)

    async def _post_through(
        self, target: ReplyTarget, clip: VoiceClip, content: str, view: discord.ui.View
    ) -> None:
        """Through the interaction: the label replaces its response, the voice message(s)
        follow (a plain file where Discord refuses the voice message there; no word on
        permissions, which nobody there can grant)."""
        followup = self._followup(target)
        with lapsed(target.request):
            await followup.edit_original(content, view)
            for number, part in enumerate(clip.messages):
                if number == FOLLOWUPS:
                    log.warning(
                        "job %s: parts past Discord's followup limit not sent", clip.job_id
                    )
                    return
                try:
                    await followup.voice(part)
                except discord.HTTPException as exc:  # the flag or permission refused there
                    if exc.status not in (400, 403):
                        raise
                    log.info(
                        "job %s: no voice message through the interaction (%d %d): a file",
                        clip.job_id,
                        exc.status,
                        exc.code,
                    )
                    await followup.file(part.ogg, f"{clip.voice_name or 'voice'}.ogg")

    def _followup(self, target: ReplyTarget) -> Followup:
        """The way through a target's interaction; `ChatGone` for one resumed past its time."""
        if target.request not in self._live and expired(target.request):
            log.info(
                "request %s: its interaction expired; the bot is not in its channel, so "
                "what was left to send is dropped",
                target.request,
            )
            raise ChatGone()
        return Followup(self._client, target.status_id)

    def _fallback(
        self,
        interaction: Interaction | None,
        target: ReplyTarget,
        where: Where,
        label: discord.Message,
    ) -> SendFile:
        """How a file goes where a voice message may not: to the user's interaction (saying
        why, once per channel), or under the label."""
        if interaction is None:
            channel = self._client.get_partial_messageable(int(target.chat_id))
            return lambda file: channel.send(file=file, reference=label)

        async def send(file: discord.File) -> None:
            await interaction.followup.send(file=file)
            if target.chat_id not in self._told_no_voice_messages:
                self._told_no_voice_messages.add(target.chat_id)
                await tell(interaction, text("dc_voice_fallback", where.locale))

        return send

    async def fail(self, where: Where, target: ReplyTarget, error: VoicebotError) -> None:
        """Privately to the user while their interaction lives ("thinking…" taken away; a
        cancelled request's status says so instead, where it was seen); else in the channel,
        naming them."""
        words = error_text(error, where.locale)
        interaction = self._live.get(target.request)
        if interaction is not None:
            if isinstance(error, Cancelled):
                with contextlib.suppress(discord.HTTPException):
                    await interaction.edit_original_response(content=words, view=None)
                    return
            with contextlib.suppress(discord.HTTPException):
                await interaction.delete_original_response()
            with contextlib.suppress(discord.HTTPException):
                await tell(interaction, words)
            return
        if target.status_id:  # resumed, and the bot is not in the channel
            with lapsed(target.request):
                await self._followup(target).edit_original(f"<@{target.user_id}> {words}")
            return
        with gone_channels():
            channel = self._client.get_partial_messageable(int(target.chat_id))
            await channel.send(f"<@{target.user_id}> {words}")

    async def ask_consent(self, where: Where, source: ReplyTarget, voice: Voice) -> bool:
        """Under the cloned message, pinging its speaker (and nobody else), and to them by DM
        where their privacy settings allow, whatever became of the channel's copy; in the
        server's language where it is known. Whether either reached them."""
        guild = None if where.private else self._client.get_guild(int(where.space_id))
        locale = str(guild.preferred_locale) if guild is not None else where.locale
        if voice.awaits_admin:
            return await self._ask_admins(source, voice, locale, owner=where.user_name)
        assert voice.speaker is not None  # a pending voice not uploaded has one
        speaker = discord.Object(int(voice.speaker.id))
        words = consent_text(
            voice, self._consent_hours, locale, speaker=f"<@{speaker.id}>", owner=where.user_name
        )
        mention = discord.AllowedMentions(users=[speaker])
        channel = self._client.get_partial_messageable(int(source.chat_id))
        link = (
            f"https://discord.com/channels/{'@me' if where.private else where.space_id}"
            f"/{source.chat_id}/{source.reply_to}"
        )  # in a DM "this message" needs its link
        if source.status_id and voice.source:  # the message's own: the server is not ours
            link = voice.source
        in_channel = False
        try:
            if source.status_id:  # the bot is not in the channel: through the interaction
                await Followup(self._client, source.status_id).send(
                    f"{words}\n{link}", view=consent_view(voice, locale), mentions=mention
                )
            else:
                await channel.send(
                    words,
                    allowed_mentions=mention,
                    view=consent_view(voice, locale),
                    reference=discord.MessageReference(
                        message_id=int(source.reply_to),
                        channel_id=channel.id,
                        fail_if_not_exists=False,
                    ),
                )
            in_channel = True
        except discord.HTTPException as exc:  # no access (403), or deleted: the DM may reach
            log.warning(
                "consent request for voice %s not posted in its channel: %d %d",
                voice.id,
                exc.status,
                exc.code,
            )
        try:
            dm = await self._client.create_dm(speaker)
            await dm.send(
                f"{words}\n{link}", allowed_mentions=mention, view=consent_view(voice, locale)
            )
        except discord.HTTPException:  # DMs closed, or no server in common
            log.info("could not DM the speaker of voice %s", voice.id)
            return in_channel
        return True

    async def _ask_admins(
        self, source: ReplyTarget, voice: Voice, locale: str, owner: str
    ) -> bool:
        """An uploaded voice's request, in the channel it was uploaded in (no DM: any admin
        with Manage Server may answer). Whether it was posted."""
        channel = self._client.get_partial_messageable(int(source.chat_id))
        words = admin_request_text(voice, self._consent_hours, locale, owner=owner)
        reference = (
            discord.MessageReference(
                message_id=int(source.reply_to), channel_id=channel.id, fail_if_not_exists=False
            )
            if source.reply_to
            else None
        )
        try:
            await channel.send(
                words,
                view=consent_view(voice, locale),
                reference=reference,  # type: ignore[arg-type]  # None: not a reply
            )
        except discord.HTTPException as exc:
            log.warning(
                "admin request for voice %s not posted: %d %d", voice.id, exc.status, exc.code
            )
            return False
        return True


async def announce_report(
    client: discord.Client,
    where: Where,
    report: Report,
    *,
    channel_id: int,
    reply_to: int | None = None,
) -> None:
    """A report's notice in the channel (under the reported voice message, if any), pinging
    the voice's owner and speaker (nobody else), with the buttons its admins answer with;
    and to each of them by DM where their settings allow, in the server's language."""
    guild = client.get_guild(int(where.space_id))
    locale = str(guild.preferred_locale) if guild is not None else where.locale
    told = [discord.Object(int(person.id)) for person in report.told if person.id.isdigit()]
    words = report_text(
        report,
        locale,
        told=[f"<@{person.id}>" for person in told],
        reporter=discord.utils.escape_markdown(where.user_name),
        reason=discord.utils.escape_markdown(report.reason),
    )
    mention = discord.AllowedMentions(users=told)
    channel = client.get_partial_messageable(channel_id)
    reference = (
        None
        if reply_to is None
        else discord.MessageReference(
            message_id=reply_to, channel_id=channel_id, fail_if_not_exists=False
        )
    )
    try:
        await channel.send(
            words,
            allowed_mentions=mention,
            view=report_view(report, locale),
            reference=reference,  # type: ignore[arg-type]  # None: not a reply
        )
    except discord.HTTPException as exc:  # the DMs may still reach them
        log.warning("report %s not posted in its channel: %d %d", report.id, exc.status, exc.code)
    link = f"https://discord.com/channels/{where.space_id}/{channel_id}"
    for person in told:
        try:
            dm = await client.create_dm(person)
            await dm.send(f"{words}\n{link}", allowed_mentions=mention)
        except discord.HTTPException:  # DMs closed, or no server in common
            log.info("could not DM someone about report %s", report.id)


@contextlib.contextmanager
def gone_channels() -> Iterator[None]:
    """Discord's answer for a channel deleted meanwhile, as `ChatGone`."""
    try:
        yield
    except discord.NotFound as exc:
        raise ChatGone() from exc
