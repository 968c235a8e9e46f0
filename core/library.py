"""The voice library: rows in the database plus reference WAV files under DATA_DIR."""

from __future__ import annotations

import asyncio
import difflib
import time
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Row, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from core.domain import (
    Person,
    Sampling,
    SpaceRules,
    Voice,
    Where,
    clean_voice_name,
    name_key,
    printable,
)
from core.errors import (
    AwaitingAdmin,
    TakeGone,
    VoiceGone,
    VoiceNameTaken,
    VoiceNotFound,
    VoicePending,
)
from core.storage.db import glance, upsert
from core.storage.tables import spaces, voices


class VoiceLibrary:
    """Stores, finds, renames and deletes voices; the scope rules live in `Where`."""

    def __init__(self, *, db: AsyncEngine, data_dir: Path) -> None:
        self._db = db
        self._dir = data_dir / "voices"
        self._takes = data_dir / "takes"
        for folder in (self._dir, self._takes):
            folder.mkdir(parents=True, exist_ok=True)

    async def add(
        self,
        where: Where,
        name: str,
        *,
        wav: bytes,
        seconds: float,
        transcript: str,
        speaker: Person | None = None,
        pending: bool = False,
        source: str = "",
        statement: str = "",
        shared: bool = True,
    ) -> Voice:
        """Store a new voice in this space's scope; the name must be free there. A pending
        voice waits for its speaker's consent (or, uploaded, an admin's) before it can speak."""
        name = clean_voice_name(name)
        voice_id = uuid.uuid4().hex
        path = self._dir / f"{voice_id}.wav"
        await asyncio.to_thread(path.write_bytes, wav)
        row = {
            "id": voice_id,
            "name": name,
            "name_key": name_key(name),
            "owner_id": where.user_id,
            "scope": where.space_scope,
            "ref_file": path.name,
            "seconds": seconds,
            "transcript": transcript.strip(),
            "hosted_url": None,
            "created_at": datetime.now(UTC),
            "owner_name": where.user_name[:128],
            "speaker_id": speaker.id if speaker else None,
            "speaker_name": speaker.name[:128] if speaker else "",
            "status": "pending" if pending else "ready",
            "source": source[:255],
            "statement": statement,
            "shared": shared,
        }
        try:
            async with self._db.begin() as conn:
                await conn.execute(voices.insert().values(**row))
        except IntegrityError as exc:
            path.unlink(missing_ok=True)
            raise VoiceNameTaken(name=name) from exc
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return await self._by_id(voice_id)

    async def get(self, where: Where, name: str, *, everything: bool = False) -> Voice:
        """The voice called `name` usable here, or `VoiceNotFound` with close names."""
        async with glance(self._db).connect() as conn:
            present = await self._present(conn, where)
            rules = await _rules_in(conn, where)
        usable = [v for v in present if everything or v.usable_by(where.user_id, rules)]
        key = name_key(name.strip())
        found = {v.scope: v for v in usable if name_key(v.name) == key}
        for scope in where.scopes:
            if scope in found:
                return found[scope]
        waiting = [v for v in present if v.pending and name_key(v.name) == key]
        if waiting:
            error = AwaitingAdmin if waiting[0].awaits_admin else VoicePending
            raise error(name=printable(name.strip()))
        known = [v.name for v in usable]
        close = difflib.get_close_matches(name.strip(), known, n=3, cutoff=0.5)
        raise VoiceNotFound(name=printable(name.strip()), suggestions=close)

    async def get_by_id(self, where: Where, voice_id: str) -> Voice:
        """The voice with this id if it is usable here (a button may outlive its voice)."""
        async with glance(self._db).connect() as conn:
            row = (await conn.execute(select(voices).where(voices.c.id == voice_id))).first()
            if row is None or row.scope not in where.scopes:
                raise VoiceGone()
            rules = await _rules_in(conn, where)
        voice = self._voice(row)
        if not voice.usable_by(where.user_id, rules):
            raise VoiceGone()
        return voice

    async def find(self, voice_id: str) -> Voice:
        """The voice with this id, wherever it lives (for its speaker, who may be elsewhere)."""
        return await self._by_id(voice_id)

    async def spoken_by(self, platform: str, user_id: str) -> list[Voice]:
        """Every voice made from this person's speech, anywhere on the platform."""
        query = (
            select(voices)
            .where(voices.c.speaker_id == user_id, voices.c.scope.like(f"{platform}:%"))
            .order_by(voices.c.created_at)
        )
        async with self._db.connect() as conn:
            return [self._voice(row) for row in (await conn.execute(query)).all()]

    async def made_by_or_from(self, platform: str, user_id: str) -> list[Voice]:
        """Every voice this person made, or that was made from their speech."""
        query = select(voices).where(
            voices.c.scope.like(f"{platform}:%"),
            (voices.c.speaker_id == user_id) | (voices.c.owner_id == user_id),
        )
        async with self._db.connect() as conn:
            return [self._voice(row) for row in (await conn.execute(query)).all()]

    async def counts(self, where: Where) -> tuple[int, int]:
        """How many voices this user made on the platform, and how many this space holds."""
        mine = (
            select(func.count())
            .select_from(voices)
            .where(voices.c.owner_id == where.user_id, voices.c.scope.like(f"{where.platform}:%"))
        )
        here = select(func.count()).select_from(voices).where(voices.c.scope == where.space_scope)
        async with self._db.connect() as conn:
            return (
                int((await conn.execute(mine)).scalar_one()),
                int((await conn.execute(here)).scalar_one()),
            )

    async def pending_since(self, cutoff: datetime) -> list[Voice]:
        """Voices still waiting for consent that were asked for before `cutoff`."""
        query = select(voices).where(voices.c.status == "pending", voices.c.created_at < cutoff)
        async with self._db.connect() as conn:
            return [self._voice(row) for row in (await conn.execute(query)).all()]

    async def _present(self, conn: AsyncConnection, where: Where) -> list[Voice]:
        """Every voice stored in the scopes usable here, by name."""
        query = select(voices).where(voices.c.scope.in_(where.scopes)).order_by(voices.c.name_key)
        return [self._voice(row) for row in (await conn.execute(query)).all()]

    async def list(self, where: Where, *, everything: bool = False) -> list[Voice]:
        """Every voice this user may speak in here, by name; `everything`: pending ones and
        others' unshared ones too (what an admin may manage)."""
        async with self._db.connect() as conn:
            found = await self._present(conn, where)
            if everything:
                return found
            rules = await _rules_in(conn, where)
        return [voice for voice in found if voice.usable_by(where.user_id, rules)]

    async def approve(self, voice: Voice) -> Voice:
        return await self._set(voice, status="ready", approved_at=datetime.now(UTC))

    async def set_shared(self, voice: Voice, shared: bool) -> Voice:
        return await self._set(voice, shared=shared)

    async def count_uses(self, voice_ids: Iterable[str]) -> None:
        async with self._db.begin() as conn:
            await conn.execute(
                update(voices)
                .where(voices.c.id.in_(set(voice_ids)))
                .values(uses=voices.c.uses + 1)
            )

    async def rules(self, where: Where) -> SpaceRules:
        """What this space's admins decided (the defaults where they did not; a private
        chat's are the defaults)."""
        if where.private:  # (nothing to read: not even a connection to take)
            return SpaceRules()
        async with glance(self._db).connect() as conn:
            return await _rules_in(conn, where)

    async def set_rules(self, where: Where, rules: SpaceRules) -> SpaceRules:
        await self._set_space(
            where.space_scope,
            who_clones=rules.who_clones,
            clone_role=rules.clone_role,
            members_use_others=rules.members_use_others,
            daily_chars=rules.daily_chars,
        )
        return rules

    async def rename(self, voice: Voice, new: str) -> Voice:
        new = clean_voice_name(new)
        try:
            async with self._db.begin() as conn:
                await conn.execute(
                    update(voices)
                    .where(voices.c.id == voice.id)
                    .values(name=new, name_key=name_key(new))
                )
        except IntegrityError as exc:
            raise VoiceNameTaken(name=new) from exc
        return await self._by_id(voice.id)

    async def delete(self, voice: Voice) -> None:
        """The voice and its clip, gone (a space's rules stay, its default is unset)."""
        async with self._db.begin() as conn:
            await conn.execute(delete(voices).where(voices.c.id == voice.id))
            await conn.execute(
                update(spaces)
                .where(spaces.c.default_voice_id == voice.id)
                .values(default_voice_id=None)
            )
        await asyncio.to_thread(voice.ref_path.unlink, missing_ok=True)

    async def forget_space(self, scope: str) -> int:
        """A personal scope's settings row, gone; returns how many rows."""
        async with self._db.begin() as conn:
            result = await conn.execute(delete(spaces).where(spaces.c.scope == scope))
        return result.rowcount

    async def set_default(self, where: Where, voice: Voice) -> None:
        """Make `voice` what `say` without a voice name uses in this space."""
        await self._set_space(where.space_scope, default_voice_id=voice.id)

    async def default(self, where: Where) -> Voice | None:
        """The space's default voice, if this user may use it (a personal one is its owner's)."""
        query = (
            select(voices)
            .join(spaces, spaces.c.default_voice_id == voices.c.id)
            .where(spaces.c.scope == where.space_scope, voices.c.scope.in_(where.scopes))
        )
        async with self._db.connect() as conn:
            row = (await conn.execute(query)).first()
        if row is None:
            return None
        voice = self._voice(row)
        return voice if voice.usable_by(where.user_id, await self.rules(where)) else None

    async def _set_space(self, scope: str, **values: Any) -> None:
        """Update a space's row, creating it if need be (in one go: two admins may set up a
        new space at once)."""
        async with self._db.begin() as conn:
            await conn.execute(
                upsert(conn.dialect.name, spaces, {"scope": scope, **values}, key="scope")
            )

    async def set_sampling(self, voice: Voice, sampling: Sampling) -> Voice:
        return await self._set(voice, **sampling.as_columns())

    async def save_take(self, job_id: str, audio: bytes) -> None:
        """Keep a designed voice's output a while: the user may keep it as a voice."""
        await asyncio.to_thread((self._takes / job_id).write_bytes, audio)

    async def drop_take(self, job_id: str) -> None:
        await asyncio.to_thread((self._takes / job_id).unlink, missing_ok=True)

    async def drop_old_takes(self, older_than_s: float) -> int:
        """Forget designed takes nobody kept in time; returns how many."""

        def sweep() -> int:
            cutoff, dropped = time.time() - older_than_s, 0
            for take in self._takes.iterdir():
                if take.stat().st_mtime < cutoff:
                    take.unlink(missing_ok=True)
                    dropped += 1
            return dropped

        return await asyncio.to_thread(sweep)

    async def drop_orphan_clips(self, older_than_s: float) -> int:
        """Delete reference files no voice holds (a registration cut off between writing its
        clip and its row) once they are `older_than_s` old; returns how many."""
        async with self._db.connect() as conn:
            held = set((await conn.execute(select(voices.c.ref_file))).scalars())

        def sweep() -> int:
            cutoff, dropped = time.time() - older_than_s, 0
            for clip in self._dir.iterdir():
                if clip.name not in held and clip.stat().st_mtime < cutoff:
                    clip.unlink(missing_ok=True)
                    dropped += 1
            return dropped

        return await asyncio.to_thread(sweep)

    async def take(self, job_id: str) -> bytes:
        try:
            return await asyncio.to_thread((self._takes / job_id).read_bytes)
        except FileNotFoundError as exc:
            raise TakeGone() from exc

    async def set_transcript(self, voice: Voice, transcript: str) -> Voice:
        return await self._set(voice, transcript=transcript.strip())

    async def set_hosted_url(self, voice: Voice, url: str | None) -> Voice:
        return await self._set(voice, hosted_url=url)

    async def read_reference(self, voice: Voice) -> bytes:
        try:
            return await asyncio.to_thread(voice.ref_path.read_bytes)
        except FileNotFoundError as exc:  # deleted while a request was using it
            raise VoiceGone() from exc

    async def _set(self, voice: Voice, **values: Any) -> Voice:
        async with self._db.begin() as conn:
            await conn.execute(update(voices).where(voices.c.id == voice.id).values(**values))
        return await self._by_id(voice.id)

    async def _by_id(self, voice_id: str) -> Voice:
        async with glance(self._db).connect() as conn:
            row = (await conn.execute(select(voices).where(voices.c.id == voice_id))).first()
        if row is None:  # deleted while a request was using it
            raise VoiceGone()
        return self._voice(row)

    def _voice(self, row: Row[Any]) -> Voice:
        return Voice(
            id=row.id,
            name=row.name,
            owner_id=row.owner_id,
            scope=row.scope,
            ref_path=self._dir / row.ref_file,
            seconds=row.seconds,
            transcript=row.transcript,
            hosted_url=row.hosted_url,
            sampling=Sampling(
                temperature=row.temperature, top_k=row.top_k, top_p=row.top_p, speed=row.speed
            ),
            created_at=_aware(row.created_at),
            owner_name=row.owner_name,
            speaker=None if row.speaker_id is None else Person(row.speaker_id, row.speaker_name),
            pending=row.status == "pending",
            shared=row.shared,
            source=row.source,
            approved_at=None if row.approved_at is None else _aware(row.approved_at),
            uses=row.uses,
            statement=row.statement,
        )


async def _rules_in(conn: AsyncConnection, where: Where) -> SpaceRules:
    """`VoiceLibrary.rules`, read on a connection in hand."""
    if where.private:  # (nobody sets rules in a private chat)
        return SpaceRules()
    query = select(
        spaces.c.who_clones, spaces.c.clone_role, spaces.c.members_use_others, spaces.c.daily_chars
    ).where(spaces.c.scope == where.space_scope)
    row = (await conn.execute(query)).first()
    if row is None:
        return SpaceRules()
    return SpaceRules(
        who_clones=row.who_clones,
        clone_role=row.clone_role,
        members_use_others=row.members_use_others,
        daily_chars=row.daily_chars,
    )


def _aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back without their zone; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
