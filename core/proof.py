"""Proving a voice is your own: the bot shows a fresh phrase, the user reads it aloud in a voice
message within a time limit, and a reading heard close enough to the phrase becomes their
voice, ready at once. The phrase waiting for each user is kept in the database, so that every
replica checks a reading against the same one.

What it shows, and what not: the sender produced a live reading of a phrase nobody could have
recorded before; not that the voice is biologically theirs (README: "Limits of proving your
own voice"). That is why the reading itself, never an earlier upload, becomes the voice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.ext.asyncio import AsyncEngine

from core import phrases
from core.domain import Person, Voice, Where
from core.errors import (
    ChallengeExpired,
    LiveReadingNeeded,
    NoChallenge,
    ProofUnavailable,
    ReadingMismatch,
)
from core.jobs.log import aware
from core.locales import language
from core.reference_audio import prepare_reference
from core.references import References
from core.rules import Rules
from core.storage.db import upsert
from core.storage.tables import reading_challenges
from core.text import error_rate, spell_out
from core.voices import Voices

log = logging.getLogger(__name__)

KEPT_AFTER_S = 3600  # a phrase whose time ran out is remembered this long, to say so


@dataclass(frozen=True, slots=True)
class Challenge:
    """A phrase one user was asked to read aloud here, to prove the voice `name` is theirs."""

    name: str
    phrase: str
    language: str  # the interface language it was asked in, and the phrase's
    created_at: datetime
    expires_at: datetime

    @property
    def minutes(self) -> float:
        """How long it could be read for."""
        return round((self.expires_at - self.created_at).total_seconds() / 60, 1)


@dataclass(frozen=True, slots=True)
class Proven:
    """A reading that matched its phrase, and the voice it became."""

    voice: Voice
    replaced: Voice | None  # the user's own upload of that name, which the reading replaced
    error: float  # how far its transcript was from the phrase


class ReadingChallenges:
    """The phrases waiting to be read: one per user and chat, in the database."""

    def __init__(self, *, db: AsyncEngine) -> None:
        self._db = db

    async def put(self, where: Where, challenge: Challenge) -> Challenge:
        """Wait for this user to read `challenge` here, instead of any phrase before it."""
        row = {
            "scope": where.space_scope,
            "user_id": where.user_id,
            "name": challenge.name,
            "phrase": challenge.phrase,
            "language": challenge.language,
            "created_at": challenge.created_at,
            "expires_at": challenge.expires_at,
        }
        async with self._db.begin() as conn:
            statement = upsert(
                conn.dialect.name, reading_challenges, row, key=("scope", "user_id")
            )
            await conn.execute(statement)
        return challenge

    async def get(self, where: Where) -> Challenge | None:
        """The phrase this user was last asked to read here, in time or not; None: none."""
        query = select(reading_challenges).where(*self._of(where))
        async with self._db.connect() as conn:
            row = (await conn.execute(query)).first()
        if row is None:
            return None
        return Challenge(
            name=row.name,
            phrase=row.phrase,
            language=row.language,
            created_at=aware(row.created_at),
            expires_at=aware(row.expires_at),
        )

    async def drop(self, where: Where) -> None:
        async with self._db.begin() as conn:
            await conn.execute(delete(reading_challenges).where(*self._of(where)))

    async def forget(self, platform: str, user_id: str) -> int:
        """Drop every phrase waiting for this user on the platform (/forgetme)."""
        async with self._db.begin() as conn:
            result = await conn.execute(
                delete(reading_challenges).where(
                    reading_challenges.c.user_id == user_id,
                    reading_challenges.c.scope.like(f"{platform}:%"),
                )
            )
        return int(result.rowcount or 0)

    async def sweep(self, before: datetime) -> int:
        """Drop the phrases whose time ran out before `before`; returns how many."""
        async with self._db.begin() as conn:
            result = await conn.execute(
                delete(reading_challenges).where(reading_challenges.c.expires_at < before)
            )
        return int(result.rowcount or 0)

    @staticmethod
    def _of(where: Where) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
        return (
            reading_challenges.c.scope == where.space_scope,
            reading_challenges.c.user_id == where.user_id,
        )


class Proof:
    """Asks a user to read a fresh phrase aloud, and checks their reading against it."""

    def __init__(
        self,
        *,
        challenges: ReadingChallenges,
        voices: Voices,
        references: References,
        rules: Rules,
        timeout_s: float,
        max_error: float,
    ) -> None:
        self._challenges = challenges
        self._voices = voices
        self._references = references
        self._rules = rules
        self.timeout_s = timeout_s  # how long a phrase may be read
        self.max_error = max_error  # how far a reading's transcript may be from its phrase

    async def challenge(self, where: Where, name: str) -> Challenge:
        """A fresh phrase for this user to read aloud here in time; the reading is to become
        their voice `name` (checked now: a name taken here, or a chat where they may not
        register voices, is refused before anything is read)."""
        self._require_transcriber()
        name, _ = await self._voices.reading_name(where, name)
        return await self._ask(where, name, language(where.locale))

    async def renew(self, where: Where) -> Challenge:
        """Another phrase instead of the one waiting here (in time or not), for the same
        voice."""
        asked = await self.waiting(where)
        if asked is None:
            raise NoChallenge()
        return await self._ask(where, asked.name, asked.language)

    async def waiting(self, where: Where) -> Challenge | None:
        """The phrase this user was last asked to read here, if it is still remembered."""
        return await self._challenges.get(where)

    async def expect(self, where: Where, *, speaker: Person, recorded: bool) -> Challenge:
        """The phrase a reading from `speaker` here would answer: one is waiting, in time, and
        the reading is a voice message the user recorded themselves, not an uploaded file nor
        a forward, which could be anyone's (adapters ask before fetching it)."""
        asked = await self.waiting(where)
        if asked is None:
            raise NoChallenge()
        if datetime.now(UTC) >= asked.expires_at:
            raise ChallengeExpired(name=asked.name, minutes=round(self.timeout_s / 60, 1))
        if not recorded or speaker.id != where.user_id:
            raise LiveReadingNeeded()
        return asked

    async def answer(
        self, where: Where, clip: bytes, *, speaker: Person, recorded: bool, source: str = ""
    ) -> Proven:
        """Check a reading of the phrase waiting here: heard close enough, it becomes the voice
        (within the usual limits of registering); too far, a new phrase waits instead
        (`ReadingMismatch` says how close it was, and the new phrase)."""
        asked = await self.expect(where, speaker=speaker, recorded=recorded)
        self._require_transcriber()
        await self._rules.admit(where, 0)  # each reading is transcribed: a request like any
        reading = await prepare_reference(clip, max_bytes=self._voices.max_upload_bytes)
        heard = await self._references.transcribe(reading.wav, language=asked.language)
        # transcripts write digits; the phrase's language says how to compare (by character
        # in Chinese, Japanese and Korean) and settles a transcript too short to tell by
        said = spell_out(heard, hint=asked.language)
        error = error_rate(asked.phrase, said, language=asked.language)
        if error > self.max_error:
            again = await self._ask(where, asked.name, asked.language)
            log.info("a reading was refused: error rate %.2f", error)
            raise ReadingMismatch(
                name=asked.name,
                score=closeness(error),
                needed=closeness(self.max_error),
                phrase=again.phrase,
                minutes=again.minutes,
            )
        voice, replaced = await self._voices.register_reading(
            where, asked.name, reading, words=asked.phrase, source=source
        )
        await self._challenges.drop(where)
        log.info("voice %s proven by a live reading: error rate %.2f", voice.id, error)
        return Proven(voice=voice, replaced=replaced, error=error)

    async def sweep(self, now: datetime | None = None) -> int:
        """Forget the phrases whose time ran out a while ago (as of `now`)."""
        now = now or datetime.now(UTC)
        return await self._challenges.sweep(now - timedelta(seconds=KEPT_AFTER_S))

    async def _ask(self, where: Where, name: str, said_in: str) -> Challenge:
        now = datetime.now(UTC)
        challenge = Challenge(
            name=name,
            phrase=phrases.draw(said_in),
            language=said_in,
            created_at=now,
            expires_at=now + timedelta(seconds=self.timeout_s),
        )
        return await self._challenges.put(where, challenge)

    def _require_transcriber(self) -> None:
        if self._references.transcriber is None:
            raise ProofUnavailable()


def closeness(error: float) -> int:
    """An error rate as the share of the phrase heard right, in percent."""
    return max(0, round(100 * (1 - error)))
