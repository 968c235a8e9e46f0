"""Reports: anyone in a chat may flag a voice. It is then suspended there (it cannot speak)
until an admin of the chat restores it or deletes it. Each report is kept, with how it was
settled, for the voice's audit trail."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, and_, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from core.domain import Outcome, Report, Settled, Voice, Where
from core.errors import (
    AdminsSettle,
    AlreadySuspended,
    NoVoiceToReport,
    ReportSettled,
    ReportsInGroups,
    VoiceGone,
    VoiceSuspended,
)
from core.jobs.log import JobLog
from core.library import VoiceLibrary
from core.storage.db import glance
from core.storage.tables import reports
from core.text import clean_text

log = logging.getLogger(__name__)

REASON_MAX = 300  # characters of a reason kept and shown


class Suspensions:
    """The reports table: which voices are suspended in which chat."""

    def __init__(self, *, db: AsyncEngine) -> None:
        self._db = db

    async def open(self, where: Where, voice: Voice, reason: str) -> Report:
        """Record a report of `voice` in this chat; `AlreadySuspended` if it is suspended
        here already."""
        now, report_id = datetime.now(UTC), uuid.uuid4().hex
        row = {
            "id": report_id,
            "voice_id": voice.id,
            "scope": where.space_scope,
            "reporter_id": where.user_id,
            "reporter_name": where.user_name[:128],
            "reason": reason,
            "created_at": now,
        }
        async with self._db.begin() as conn:
            held = await conn.execute(
                select(reports.c.id).where(_barring(where.space_scope, [voice.id])).limit(1)
            )
            if held.first() is not None:
                raise AlreadySuspended(name=voice.name)
            await conn.execute(reports.insert().values(**row))
        return Report(report_id, voice, where.person, reason, now)

    async def barred(self, scope: str, voice_ids: Iterable[str]) -> set[str]:
        """Which of these voices may not speak in this scope: reported and not restored, or
        barred for good."""
        wanted = set(voice_ids)
        if not wanted:
            return set()
        query = select(reports.c.voice_id).where(_barring(scope, wanted))
        async with glance(self._db).connect() as conn:
            return set((await conn.execute(query)).scalars())

    async def require_unsuspended(self, where: Where, voice: Voice) -> Voice:
        """The voice, unless it is suspended here: then `VoiceSuspended`."""
        if voice.id in await self.barred(where.space_scope, [voice.id]):
            raise VoiceSuspended(name=voice.name)
        return voice

    async def settle(self, where: Where, voice: Voice, outcome: Outcome) -> bool:
        """Close the voice's open reports in this chat (restoring it also lifts a bar: the
        report that barred it is settled again, as restored); whether there were any."""
        settling = (
            _barring(where.space_scope, [voice.id])
            if outcome == "restored"
            else and_(
                reports.c.scope == where.space_scope,
                reports.c.voice_id == voice.id,
                reports.c.settled_at.is_(None),
            )
        )
        query = (
            update(reports)
            .where(settling)
            .values(settled_at=datetime.now(UTC), outcome=outcome, settled_by=where.user_id)
        )
        async with self._db.begin() as conn:
            return (await conn.execute(query)).rowcount > 0

    async def forget(self, platform: str, user_id: str) -> None:
        """Leave nothing of this person in the reports they made or settled; the reports
        themselves stay (a voice stays suspended whoever reported it)."""
        on_platform = reports.c.scope.like(f"{platform}:%")
        async with self._db.begin() as conn:
            await conn.execute(
                update(reports)
                .where(on_platform, reports.c.reporter_id == user_id)
                .values(reporter_id="", reporter_name="", reason="")
            )
            await conn.execute(
                update(reports)
                .where(on_platform, reports.c.settled_by == user_id)
                .values(settled_by="")
            )


def _barring(scope: str, voice_ids: Iterable[str]) -> ColumnElement[bool]:
    """The reports that keep a voice from speaking in a scope."""
    return and_(
        reports.c.scope == scope,
        reports.c.voice_id.in_(list(voice_ids)),
        reports.c.settled_at.is_(None) | (reports.c.outcome == "barred"),
    )


class Reports:
    """Flag a voice in a chat; its admins restore or delete it."""

    def __init__(self, *, library: VoiceLibrary, jobs: JobLog, suspensions: Suspensions) -> None:
        self._library = library
        self._jobs = jobs
        self._suspensions = suspensions

    async def report(self, where: Where, name: str, reason: str = "") -> Report:
        """Flag the voice called `name` here (any voice of the chat, pending or not shared)."""
        _require_group(where)
        voice = await self._library.get(where, name, everything=True)
        return await self._open(where, voice, reason)

    def require_place(self, where: Where) -> None:
        """`ReportsInGroups` where nothing can be reported (a private chat): asked before a
        form for the reason opens."""
        _require_group(where)

    async def report_spoken(self, where: Where, job_id: str, reason: str = "") -> Report:
        """Flag the voice that spoke a voice message the bot posted in this chat (the job
        behind it), whoever's it is."""
        _require_group(where)
        job = await self._jobs.get(where, job_id)
        if job.voice_id is None:
            if job.kind == "dialogue" or job.description is not None:
                raise NoVoiceToReport()
            raise VoiceGone()  # deleted since
        return await self._open(where, await self._library.find(job.voice_id), reason)

    async def restore(self, where: Where, voice_id: str) -> Settled:
        """An admin lifts the suspension, or a personal voice's bar: the voice speaks here
        again."""
        voice = await self._reported(where, voice_id)
        await self._settle(where, voice, "restored")
        return Settled(voice, "restored")

    async def delete(self, where: Where, voice_id: str) -> Settled:
        """An admin upholds the report: the chat's voice is deleted with its clip; a member's
        personal voice is barred from this chat (it is not the chat's to delete)."""
        voice = await self._reported(where, voice_id)
        outcome: Outcome = "deleted" if voice.scope == where.space_scope else "barred"
        await self._settle(where, voice, outcome)
        if outcome == "deleted":
            await self._library.delete(voice)
        return Settled(voice, outcome)

    async def suspended(self, where: Where, voices: Iterable[Voice]) -> set[str]:
        """The ids of those voices that are suspended here."""
        return await self._suspensions.barred(where.space_scope, (v.id for v in voices))

    async def _open(self, where: Where, voice: Voice, reason: str) -> Report:
        said = " ".join(clean_text(reason).split())[:REASON_MAX]
        report = await self._suspensions.open(where, voice, said)
        log.info("voice %s reported in a chat (report %s)", voice.id, report.id)
        return report

    async def _reported(self, where: Where, voice_id: str) -> Voice:
        """The voice a report's button names, for an admin of the chat it was reported in."""
        if where.private or not where.admin:
            raise AdminsSettle()
        try:
            voice = await self._library.find(voice_id)
        except VoiceGone:
            raise ReportSettled() from None
        if voice.id not in await self.suspended(where, [voice]):
            raise ReportSettled()
        return voice

    async def _settle(self, where: Where, voice: Voice, outcome: Outcome) -> None:
        if not await self._suspensions.settle(where, voice, outcome):
            raise ReportSettled()  # another admin settled it meanwhile
        log.info("report of voice %s settled: %s", voice.id, outcome)


def _require_group(where: Where) -> None:
    """Reports are for chats with admins: a private chat's voices are its user's alone."""
    if where.private:
        raise ReportsInGroups()
