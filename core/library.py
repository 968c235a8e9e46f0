"""The voice library: rows in the database plus reference WAV files under DATA_DIR."""

from __future__ import annotations

import asyncio
import difflib
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Row, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from core.domain import Sampling, Voice, Where, clean_voice_name, name_key, printable
from core.errors import TakeGone, VoiceGone, VoiceNameTaken, VoiceNotFound
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
        self, where: Where, name: str, *, wav: bytes, seconds: float, transcript: str
    ) -> Voice:
        """Store a new voice in this space's scope; the name must be free there."""
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

    async def get(self, where: Where, name: str) -> Voice:
        """The voice called `name` usable here, or `VoiceNotFound` with close names."""
        usable = await self.list(where)
        key = name_key(name.strip())
        found = {v.scope: v for v in usable if name_key(v.name) == key}
        for scope in where.scopes:
            if scope in found:
                return found[scope]
        known = [v.name for v in usable]
        close = difflib.get_close_matches(name.strip(), known, n=3, cutoff=0.5)
        raise VoiceNotFound(name=printable(name.strip()), suggestions=close)

    async def get_by_id(self, where: Where, voice_id: str) -> Voice:
        """The voice with this id if it is usable here (a button may outlive its voice)."""
        async with self._db.connect() as conn:
            row = (await conn.execute(select(voices).where(voices.c.id == voice_id))).first()
        if row is None or row.scope not in where.scopes:
            raise VoiceGone()
        return self._voice(row)

    async def list(self, where: Where) -> list[Voice]:
        """Every voice usable here, by name."""
        query = select(voices).where(voices.c.scope.in_(where.scopes)).order_by(voices.c.name_key)
        async with self._db.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [self._voice(row) for row in rows]

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
        async with self._db.begin() as conn:
            await conn.execute(delete(voices).where(voices.c.id == voice.id))
            await conn.execute(delete(spaces).where(spaces.c.default_voice_id == voice.id))
        voice.ref_path.unlink(missing_ok=True)

    async def set_default(self, where: Where, voice: Voice) -> None:
        """Make `voice` what `say` without a voice name uses in this space."""
        async with self._db.begin() as conn:
            await conn.execute(delete(spaces).where(spaces.c.scope == where.space_scope))
            await conn.execute(
                spaces.insert().values(scope=where.space_scope, default_voice_id=voice.id)
            )

    async def default(self, where: Where) -> Voice | None:
        """The space's default voice, if this user may use it (a personal one is its owner's)."""
        query = select(voices).join(spaces, spaces.c.default_voice_id == voices.c.id).where(
            spaces.c.scope == where.space_scope, voices.c.scope.in_(where.scopes)
        )
        async with self._db.connect() as conn:
            row = (await conn.execute(query)).first()
        return None if row is None else self._voice(row)

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
        async with self._db.connect() as conn:
            row = (await conn.execute(select(voices).where(voices.c.id == voice_id))).first()
        if row is None:  # deleted while a request was using it
            raise VoiceGone()
        return self._voice(row)

    def _voice(self, row: Row[Any]) -> Voice:
        created = row.created_at
        return Voice(
            id=row.id,
            name=row.name,
            owner_id=row.owner_id,
            scope=row.scope,
            ref_path=self._dir / row.ref_file,
            seconds=row.seconds,
            transcript=row.transcript,
            hosted_url=row.hosted_url,
            sampling=Sampling(temperature=row.temperature, top_k=row.top_k, top_p=row.top_p),
            created_at=created if created.tzinfo else created.replace(tzinfo=UTC),
        )
