"""The database: migrations build exactly the schema the code uses, and upgrades keep voices."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection

from core.app import open_speech
from core.domain import Where
from core.storage.db import open_database
from core.storage.tables import metadata
from tests.conftest import Clips, make_settings


def _drift(connection: Connection) -> list[object]:
    return list(compare_metadata(MigrationContext.configure(connection), metadata))


async def test_migrations_build_the_schema_the_code_declares(tmp_path: Path) -> None:
    db = await open_database(f"sqlite+aiosqlite:///{tmp_path}/fresh.db")
    async with db.connect() as conn:
        assert await conn.run_sync(_drift) == []
    await db.dispose()


async def test_restarting_keeps_voices_and_their_clips(tmp_path: Path, clips: Clips) -> None:
    settings = make_settings(tmp_path / "data", engine="offline")
    me = Where("console", "local", "me", private=True)
    async with open_speech(settings) as speech:
        await speech.register_voice(me, "keeper", clips.wav, transcript="words")
    async with open_speech(settings) as speech:  # migrations run again: nothing to do
        voice, = await speech.voices(me)
        assert (voice.name, voice.transcript) == ("keeper", "words")
        assert voice.ref_path.read_bytes()[:4] == b"RIFF"
        clip = await speech.say(me, "keeper", "Still here.")
    assert clip.seconds > 0.3
