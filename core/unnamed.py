"""Clips waiting for their names: a chat's guided flow (send a clip, then what to call it)
keeps the clip here between the two messages, in the database, so whichever process receives
the name finds the clip."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from core.domain import Person, Voice, Where
from core.errors import BadVoiceName, TooFast, VoiceNameTaken
from core.storage.tables import unnamed_clips
from core.voices import Voices

WAIT_S = 600  # a clip waiting for its name is dropped after this (it may be megabytes)


@dataclass(frozen=True, slots=True)
class Unnamed:
    """A clip sent to become a voice, as it was downloaded, and whose speech it is."""

    audio: bytes
    speaker: Person
    source: str  # the message it came in, for the voice's audit trail


class UnnamedClips:
    """One clip a user, waiting for its name for `wait_s`; a newer clip replaces it."""

    def __init__(self, *, db: AsyncEngine, voices: Voices, wait_s: float = WAIT_S) -> None:
        self._db = db
        self._voices = voices
        self.wait_s = wait_s

    async def keep(self, where: Where, clip: Unnamed) -> None:
        """Keep `clip` until the user names it (in place of any clip waiting before)."""
        keys = ["platform", "user_id"]
        values = self._row(where, clip)
        statement = (
            self._insert()
            .values(values)
            .on_conflict_do_update(
                index_elements=keys, set_={k: v for k, v in values.items() if k not in keys}
            )
        )
        async with self._db.begin() as conn:
            await conn.execute(statement)

    async def waiting(self, where: Where) -> bool:
        """Whether a clip of this user waits for its name."""
        query = select(unnamed_clips.c.user_id).where(
            *self._mine(where), unnamed_clips.c.expires_at > datetime.now(UTC)
        )
        async with self._db.connect() as conn:
            return (await conn.execute(query)).first() is not None

    async def name(self, where: Where, name: str) -> Voice | None:
        """Register the user's waiting clip as the voice `name` (None: no clip waits). The clip
        is taken in one statement, so two processes given a name at once register it once. A
        refusal that another try can get past (a name that will not do, registering too fast)
        leaves the clip waiting, afresh; any other drops it; both are raised."""
        taken = (
            delete(unnamed_clips)
            .where(*self._mine(where), unnamed_clips.c.expires_at > datetime.now(UTC))
            .returning(
                unnamed_clips.c.audio,
                unnamed_clips.c.speaker_id,
                unnamed_clips.c.speaker_name,
                unnamed_clips.c.source,
            )
        )
        async with self._db.begin() as conn:
            row = (await conn.execute(taken)).first()
        if row is None:
            return None
        clip = Unnamed(bytes(row.audio), Person(row.speaker_id, row.speaker_name), row.source)
        try:
            return await self._voices.register(
                where, name, clip.audio, speaker=clip.speaker, source=clip.source
            )
        except (BadVoiceName, VoiceNameTaken, TooFast):
            await self._put_back(where, clip)
            raise

    async def drop(self, where: Where) -> bool:
        """Forget the user's waiting clip (/cancel, /forgetme); whether one waited."""
        async with self._db.begin() as conn:
            dropped = await conn.execute(delete(unnamed_clips).where(*self._mine(where)))
        return bool(dropped.rowcount)

    async def drop_expired(self) -> int:
        """Forget the clips whose names never came; how many."""
        async with self._db.begin() as conn:
            dropped = await conn.execute(
                delete(unnamed_clips).where(unnamed_clips.c.expires_at <= datetime.now(UTC))
            )
        return int(dropped.rowcount)

    async def _put_back(self, where: Where, clip: Unnamed) -> None:
        """Let the clip wait again, unless a newer one arrived meanwhile (which wins)."""
        statement = self._insert().values(self._row(where, clip)).on_conflict_do_nothing()
        async with self._db.begin() as conn:
            await conn.execute(statement)

    def _mine(self, where: Where) -> tuple[ColumnElement[bool], ...]:
        return (
            unnamed_clips.c.platform == where.platform,
            unnamed_clips.c.user_id == where.user_id,
        )

    def _row(self, where: Where, clip: Unnamed) -> dict[str, Any]:
        """The clip's row, waiting afresh from now."""
        return {
            "platform": where.platform,
            "user_id": where.user_id,
            "audio": clip.audio,
            "speaker_id": clip.speaker.id,
            "speaker_name": clip.speaker.name,
            "source": clip.source,
            "expires_at": datetime.now(UTC) + timedelta(seconds=self.wait_s),
        }

    def _insert(self) -> Any:
        """An insert that can say what to do when the user's row exists already."""
        dialect = postgresql if self._db.dialect.name == "postgresql" else sqlite
        return dialect.insert(unnamed_clips)
