"""Consent: a voice made from someone else's speech waits for them. They approve or decline
it, take it back whenever they like, and can have the bot forget them altogether."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from core.delivery import Delivery
from core.domain import Forgotten, Voice, Where
from core.errors import AdminApproves, NotTheSpeaker, RequestClosed, VoiceGone
from core.jobs.log import JobLog
from core.library import VoiceLibrary
from core.outbox import ChatGone, Reply
from core.proof import ReadingChallenges
from core.reports import Suspensions

log = logging.getLogger(__name__)


class Consent:
    """The speaker's side of every voice made from their speech."""

    def __init__(
        self,
        *,
        library: VoiceLibrary,
        jobs: JobLog,
        delivery: Delivery,
        suspensions: Suspensions,
        challenges: ReadingChallenges,
        erase: Callable[[], Awaitable[None]],
        timeout_s: float,
    ) -> None:
        self._library = library
        self._jobs = jobs
        self._delivery = delivery
        self._suspensions = suspensions  # the reports they made or settled name them
        self._challenges = challenges  # phrases waiting for them to read (core.proof)
        self._erase = erase  # makes deleted rows unreadable in the database's files too
        self.timeout_s = timeout_s  # an unanswered request is dropped after this

    async def ask(self, where: Where, voice: Voice, source: Reply) -> bool:
        """Put a pending voice to its speaker, through the outbox: under the message it was
        made from (`source`), and privately where the platform allows. Whether it reached
        them (the adapter tells the requester when it did not); nothing to ask is True."""
        if not voice.pending:
            return True
        try:
            return await source.outbox.ask_consent(where, source.target, voice)
        except ChatGone:  # /myvoices shows the request all the same
            log.info("consent request for voice %s: the chat is gone", voice.id)
            return False

    async def approve(self, where: Where, voice_id: str) -> Voice:
        """The speaker (for an uploaded voice, a chat admin) agrees: the pending voice may
        speak from now on."""
        return await self._library.approve(await self._request(where, voice_id))

    async def decline(self, where: Where, voice_id: str) -> Voice:
        """The speaker (or a chat admin) says no: the pending voice and its clip are deleted."""
        voice = await self._request(where, voice_id)
        await self._library.delete(voice)
        return voice

    async def expire(self, now: datetime | None = None) -> list[Voice]:
        """Delete the pending voices whose speaker did not answer in time (as of `now`)."""
        now = now or datetime.now(UTC)
        expired = await self._library.pending_since(now - timedelta(seconds=self.timeout_s))
        for voice in expired:
            await self._library.delete(voice)
        if expired:
            log.info("%d unanswered consent request(s) expired", len(expired))
        return expired

    async def mine(self, where: Where) -> list[Voice]:
        """Every voice made from this user's speech, anywhere on the platform, pending or not."""
        return await self._library.spoken_by(where.platform, where.user_id)

    async def revoke(self, where: Where, voice_id: str) -> Voice:
        """The speaker takes their voice back: deleted everywhere, with its clip."""
        voice = await self._asked_about(voice_id)
        if (
            voice.platform != where.platform
            or voice.speaker is None
            or voice.speaker.id != where.user_id
        ):
            raise NotTheSpeaker(name=voice.speaker.name if voice.speaker else "")
        await self._library.delete(voice)
        return voice

    async def forget_me(self, where: Where) -> Forgotten:
        """Delete every voice this user made or speaks in, their clips, the user's requests
        (and designed takes) and settings, on this platform; the reports they made stay, without
        their name or reason. Their jobs running here stop
        first, so nothing they make is stored afterwards."""
        await self._delivery.cancel_user(where.platform, where.user_id)
        found = await self._library.made_by_or_from(where.platform, where.user_id)
        for voice in found:
            await self._library.delete(voice)
        job_ids = await self._jobs.forget(where.platform, where.user_id, [v.id for v in found])
        for job_id in job_ids:
            await self._library.drop_take(job_id)
        settings = await self._library.forget_space(where.personal_scope)
        await self._suspensions.forget(where.platform, where.user_id)
        await self._challenges.forget(where.platform, where.user_id)
        await self._erase()
        log.info("forgot a user: %d voices, %d jobs", len(found), len(job_ids))
        return Forgotten(
            voices=len(found),
            clips=len(found),
            jobs=len(job_ids),
            settings=settings,
            hosted=sum(1 for v in found if v.hosted_url),
        )

    async def _request(self, where: Where, voice_id: str) -> Voice:
        """A consent request this user may answer: still open, and about their voice (an
        uploaded one's: an admin of the chat it was uploaded in)."""
        voice = await self._asked_about(voice_id)
        if not voice.pending or voice.platform != where.platform:
            raise RequestClosed()
        if voice.speaker is None:  # uploaded: its speaker is unknown
            if not (where.admin and voice.scope == where.space_scope):
                raise AdminApproves()
        elif voice.speaker.id != where.user_id:
            raise NotTheSpeaker(name=voice.speaker.name)
        age = (datetime.now(UTC) - voice.created_at).total_seconds()
        if age >= self.timeout_s:  # the sweep has not come round yet
            await self._library.delete(voice)
            raise RequestClosed()
        return voice

    async def _asked_about(self, voice_id: str) -> Voice:
        """The voice a button or request names; gone, the request is closed."""
        try:
            return await self._library.find(voice_id)
        except VoiceGone:
            raise RequestClosed() from None
