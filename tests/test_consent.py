"""Consent, sharing and privacy in the core: nobody's voice speaks without them."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from core.app import Core, open_core
from core.domain import NOBODY, Person, Where
from core.errors import (
    AdminsOnly,
    BadQuota,
    CloningRestricted,
    GroupsOnly,
    NotTheSpeaker,
    NotYourVoice,
    QuotaExceeded,
    RequestClosed,
    RoleNeeded,
    SpeakerUnknown,
    VoiceGone,
    VoiceNotFound,
    VoicePending,
)
from core.messages import error_text, forgotten_text, my_voices_text, rules_text
from core.storage.db import MIGRATIONS
from tests.conftest import Clips, make_settings, traces_of

ALICE = Where("telegram", "-100", "700000001", user_name="Alice")
BOB = Where("telegram", "-100", "700000002", user_name="Bob")
CAROL = Where("telegram", "-100", "700000003", user_name="Carol")
BOB_DM = Where("telegram", "700000002", "700000002", user_name="Bob", private=True)
BOB_PERSON = Person(BOB.user_id, "Bob")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
async def speech(data_dir: Path) -> AsyncIterator[Core]:
    async with open_core(make_settings(data_dir, engine="offline")) as service:
        yield service


async def test_your_own_voice_is_ready_at_once(speech: Core, clips: Clips) -> None:
    voice = await speech.voices.register(ALICE, "me", clips.wav, transcript="words")
    assert not voice.pending and voice.speaker == ALICE.person
    assert (await speech.speaking.say(ALICE, "me", "Hello.")).seconds > 0


async def test_someone_elses_voice_waits_for_them_then_speaks(speech: Core, clips: Clips) -> None:
    voice = await speech.voices.register(
        ALICE, "bob", clips.wav, transcript="words", speaker=BOB_PERSON, source="telegram:-100:42"
    )
    assert voice.pending
    assert await speech.voices.usable(ALICE) == []  # it cannot speak, nor be picked
    with pytest.raises(VoicePending) as waiting:
        await speech.speaking.say(ALICE, "bob", "Hello.")
    assert "waiting for its speaker" in error_text(waiting.value)
    with pytest.raises(NotTheSpeaker) as refused:
        await speech.consent.approve(CAROL, voice.id)
    assert "Bob" in error_text(refused.value)
    with pytest.raises(NotTheSpeaker):
        await speech.consent.approve(ALICE, voice.id)  # not even the one who asked

    approved = await speech.consent.approve(BOB_DM, voice.id)  # from a private chat with the bot
    assert not approved.pending and approved.approved_at is not None
    await speech.speaking.say(ALICE, "bob", "Hello.")
    await speech.speaking.say(BOB, "bob", "Hello again.")

    (mine,) = await speech.consent.mine(BOB_DM)
    assert (mine.name, mine.owner_name, mine.speaker, mine.source, mine.uses) == (
        "bob",
        "Alice",
        BOB_PERSON,
        "telegram:-100:42",
        2,
    )
    assert "made by Alice" in my_voices_text([mine]) and "used 2 times" in my_voices_text([mine])
    with pytest.raises(RequestClosed):
        await speech.consent.approve(BOB, voice.id)  # answered already


async def test_declining_deletes_the_voice_and_its_clip(
    speech: Core, clips: Clips, data_dir: Path
) -> None:
    voice = await speech.voices.register(
        ALICE, "bob", clips.wav, transcript="w", speaker=BOB_PERSON
    )
    assert voice.ref_path.exists()
    await speech.consent.decline(BOB, voice.id)
    assert not voice.ref_path.exists() and await speech.consent.mine(BOB) == []
    with pytest.raises(RequestClosed):
        await speech.consent.approve(BOB, voice.id)
    assert traces_of(data_dir, BOB.user_id) == []


async def test_a_voice_whose_speaker_cannot_be_told_is_refused(
    speech: Core, clips: Clips, data_dir: Path
) -> None:
    with pytest.raises(SpeakerUnknown):
        await speech.voices.register(ALICE, "someone", clips.wav, speaker=NOBODY)
    assert list((data_dir / "voices").iterdir()) == []


async def test_unanswered_requests_expire(speech: Core, clips: Clips) -> None:
    asked = await speech.voices.register(
        ALICE, "bob", clips.wav, transcript="w", speaker=BOB_PERSON
    )
    assert await speech.consent.expire(now=datetime.now(UTC) + timedelta(hours=23)) == []
    (expired,) = await speech.consent.expire(now=datetime.now(UTC) + timedelta(hours=25))
    assert expired.id == asked.id
    assert await speech.consent.mine(BOB) == [] and not asked.ref_path.exists()
    with pytest.raises(RequestClosed):
        await speech.consent.approve(BOB, asked.id)


async def test_an_answer_after_the_timeout_is_refused_even_before_the_sweep(
    clips: Clips, data_dir: Path
) -> None:
    settings = make_settings(data_dir, engine="offline", consent_timeout_hours=0)
    async with open_core(settings) as speech:
        with contextlib.suppress(VoiceGone):  # the sweep may take it while it is being saved
            asked = await speech.voices.register(
                ALICE, "bob", clips.wav, transcript="w", speaker=BOB_PERSON
            )
            with pytest.raises(RequestClosed):
                await speech.consent.approve(BOB, asked.id)
        assert await speech.consent.mine(BOB) == []


async def test_the_speaker_can_revoke_any_voice_made_from_them(speech: Core, clips: Clips) -> None:
    voice = await speech.voices.register(
        ALICE, "bob", clips.wav, transcript="w", speaker=BOB_PERSON
    )
    await speech.consent.approve(BOB, voice.id)
    await speech.voices.set_default(ALICE, "bob")
    with pytest.raises(NotTheSpeaker):
        await speech.consent.revoke(ALICE, voice.id)  # the maker deletes with /delete, not revoke
    await speech.consent.revoke(BOB_DM, voice.id)
    assert await speech.voices.usable(ALICE) == [] and await speech.voices.default(ALICE) is None
    with pytest.raises(RequestClosed):
        await speech.consent.revoke(BOB, voice.id)


async def test_forget_me_leaves_nothing_of_the_user(
    speech: Core, clips: Clips, data_dir: Path
) -> None:
    alices = await speech.voices.register(ALICE, "alice", clips.wav, transcript="w")
    from_bob = await speech.voices.register(
        ALICE, "bob", clips.wav, transcript="w", speaker=BOB_PERSON
    )
    await speech.consent.approve(BOB, from_bob.id)
    await speech.voices.register(BOB, "bobs", clips.wav, transcript="w")
    await speech.voices.register(BOB_DM, "private", clips.wav, transcript="w")
    await speech.voices.set_default(BOB_DM, "private")
    await speech.voices.register(
        BOB, "alice2", clips.wav, transcript="w", speaker=ALICE.person
    )  # Bob made it: it goes, Alice is asked
    await speech.speaking.say(BOB, "alice", "Bob speaks as Alice.")
    await speech.speaking.say(ALICE, "bob", "Alice speaks as Bob.")
    designed = await speech.speaking.design(BOB, "a calm voice", "A take to keep.")

    forgotten = await speech.consent.forget_me(BOB)

    assert (forgotten.voices, forgotten.clips, forgotten.jobs, forgotten.settings) == (4, 4, 2, 1)
    assert "Deleted 4 voices" in forgotten_text(forgotten)
    assert traces_of(data_dir, BOB.user_id) == []
    assert not (data_dir / "takes" / designed.job_id).exists()
    assert [v.id for v in await speech.voices.usable(ALICE)] == [alices.id]
    await speech.speaking.say(ALICE, "alice", "Still mine.")


async def test_admins_decide_who_may_clone(speech: Core, clips: Clips) -> None:
    admin = replace(ALICE, admin=True)
    with pytest.raises(AdminsOnly):
        await speech.rules.change(BOB, who_clones="admins")
    with pytest.raises(GroupsOnly):
        await speech.rules.change(replace(BOB_DM, admin=True), who_clones="admins")
    await speech.rules.change(admin, who_clones="admins")
    with pytest.raises(CloningRestricted):
        await speech.voices.register(BOB, "bob", clips.wav, transcript="w")
    await speech.voices.register(admin, "alice", clips.wav, transcript="w")
    await speech.voices.register(BOB_DM, "mine", clips.wav, transcript="w")  # private: his own

    with pytest.raises(RoleNeeded):
        await speech.rules.change(admin, who_clones="role")
    with pytest.raises(BadQuota):
        await speech.rules.change(admin, daily_chars=-1)
    await speech.rules.change(admin, who_clones="role", clone_role="555")
    with pytest.raises(CloningRestricted):
        await speech.voices.register(BOB, "bob", clips.wav, transcript="w")
    await speech.voices.register(replace(BOB, roles=("555",)), "bob", clips.wav, transcript="w")
    rules = await speech.rules.of(BOB)
    assert "admins and @voices" in rules_text(rules, role="@voices")


async def test_members_use_each_others_voices_only_if_allowed(speech: Core, clips: Clips) -> None:
    await speech.voices.register(ALICE, "alice", clips.wav, transcript="w")
    await speech.rules.change(replace(CAROL, admin=True), members_use_others=False)
    with pytest.raises(VoiceNotFound):
        await speech.speaking.say(BOB, "alice", "Not mine.")
    await speech.speaking.say(ALICE, "alice", "Mine.")
    await speech.rules.change(replace(CAROL, admin=True), members_use_others=True)
    await speech.speaking.say(BOB, "alice", "Allowed again.")

    with pytest.raises(NotYourVoice):
        await speech.voices.share(BOB, "alice", False)
    await speech.voices.share(ALICE, "alice", False)
    assert await speech.voices.usable(BOB) == []
    await speech.speaking.say(ALICE, "alice", "Only me now.")
    admin = replace(CAROL, admin=True)  # an admin may still remove it
    await speech.voices.delete(admin, "alice")
    assert await speech.voices.usable(ALICE) == []


async def test_the_daily_quota_counts_what_was_spoken(clips: Clips, data_dir: Path) -> None:
    settings = make_settings(data_dir, engine="offline", daily_chars_per_user=30)
    async with open_core(settings) as speech:
        await speech.voices.register(ALICE, "alice", clips.wav, transcript="w")
        await speech.speaking.say(ALICE, "alice", "Twenty characters!!")
        with pytest.raises(QuotaExceeded) as refused:
            await speech.speaking.say(ALICE, "alice", "Twelve more!")
        assert "used 19 of your 30 characters" in error_text(refused.value)
        assert "今天" in error_text(refused.value, "zh")
        await speech.speaking.say(BOB, "alice", "Bob has his own.")  # per user
        admin = replace(CAROL, admin=True)
        await speech.rules.change(admin, daily_chars=0)  # this chat: no limit
        await speech.speaking.say(ALICE, "alice", "Now it is fine to speak at length.")
        assert (await speech.rules.of(ALICE)).daily_chars == 0


def _database_before_consent(data_dir: Path, wav: bytes) -> None:
    """A database at revision 0003 holding a voice, its clip and a chat default."""
    data_dir.mkdir(parents=True)
    engine = create_engine(f"sqlite:///{data_dir / 'voicebot.db'}")
    with engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    engine.dispose()
    (data_dir / "voices").mkdir()
    (data_dir / "voices" / "v1.wav").write_bytes(wav)
    with closing(sqlite3.connect(data_dir / "voicebot.db")) as db, db:
        db.execute(
            "INSERT INTO voices (id, name, name_key, owner_id, scope, ref_file, seconds,"
            " transcript, created_at) VALUES ('v1', 'grandpa', 'grandpa', '700000001',"
            " 'telegram:space:-100', 'v1.wav', 5.0, 'words', '2026-01-01 10:00:00')"
        )
        db.execute(
            "INSERT INTO spaces (scope, default_voice_id) VALUES ('telegram:space:-100', 'v1')"
        )


async def test_upgrading_a_database_from_before_consent_keeps_its_voices(
    clips: Clips, data_dir: Path
) -> None:
    await asyncio.to_thread(_database_before_consent, data_dir, clips.wav)
    async with open_core(make_settings(data_dir, engine="offline")) as speech:
        (voice,) = await speech.voices.usable(ALICE)
        assert (voice.name, voice.pending, voice.shared, voice.uses) == ("grandpa", False, True, 0)
        assert voice.speaker == Person("700000001", "")
        assert (await speech.voices.default(BOB)) == voice  # shared, as before
        await speech.speaking.say(BOB, "grandpa", "Still speaking.")
        assert (await speech.rules.of(BOB)).who_clones == "everyone"
