"""The voice library through the speech service: names, scopes, renames, deletes, bad requests."""

from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from core.app import Core
from core.domain import Sampling, SpaceRules, Voice, Where
from core.errors import (
    AudioTooShort,
    BadSampling,
    BadVoiceName,
    EmptyText,
    TextTooLong,
    VoiceNameTaken,
    VoiceNotFound,
)
from core.messages import error_text
from tests.postgres import on_both_databases, query

if TYPE_CHECKING:
    from tests.conftest import Clips

pytestmark = on_both_databases

BOB = Where("telegram", "group-1", "bob", locale="en-US")
ALICE_ELSEWHERE = Where("telegram", "group-2", "alice", locale="en-US")
BOB_DM = Where("telegram", "bob", "bob", private=True)


@pytest.fixture
def voices_dir(tmp_path: Path) -> Path:
    """Where the reference WAVs live (conftest puts the data dir under tmp_path/data)."""
    return tmp_path / "data" / "voices"


JobCount = Callable[[], Awaitable[int]]


@pytest.fixture
def job_count(db_url: str) -> JobCount:
    """Counts job rows straight from the database, as an outside observer."""

    async def count() -> int:
        ((rows,),) = await query(db_url, "SELECT count(*) FROM jobs")
        return int(rows)

    return count


async def register(speech: Core, where: Where, name: str, clips: Clips) -> Voice:
    return await speech.voices.register(where, name, clips.wav, transcript="the quick brown fox")


async def names(speech: Core, where: Where) -> set[str]:
    return {voice.name for voice in await speech.voices.usable(where)}


def files(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def has_hidden_characters(message: str) -> bool:
    """Control or format characters (escapes, NUL, zero-width joiners, direction marks)."""
    return any(unicodedata.category(ch) in ("Cc", "Cf") for ch in message)


# --- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["爷爷", "جدي", "дедушка", "दादा", "ปู่", "grandpa_joe-2", "1984", "a" * 32, "\ufdfa" * 32],
    ids=[
        "chinese",
        "arabic",
        "cyrillic",
        "hindi",
        "thai",
        "latin-digits-dash-underscore",
        "digits",
        "32-chars",
        "32-ligatures-of-18-letters-each",
    ],
)
async def test_names_in_any_script_with_digits_dash_and_underscore_are_accepted(
    offline_speech: Core, alice: Where, clips: Clips, voices_dir: Path, name: str
) -> None:
    voice = await register(offline_speech, alice, name, clips)

    assert voice.name == name
    assert await names(offline_speech, alice) == {name}
    assert files(voices_dir) == {voice.ref_path.name}
    assert (await offline_speech.library.get(alice, name)).id == voice.id


BAD_NAMES = {
    "space": "bob smith",
    "emoji": "bob😀",
    "zero-width-joiner": "bo\u200db",
    "rtl-mark": "bob\u200f",
    "escape-sequence": "bo\x1b[31mb",
    "nul": "bo\x00b",
    "bell": "\x07bob",
    "empty": "",
    "blank": "   ",
    "33-chars": "a" * 33,
    "path": "../../x",
    "sql": "bob'; DROP TABLE voices;--",
}


@pytest.mark.parametrize("name", BAD_NAMES.values(), ids=BAD_NAMES.keys())
async def test_bad_names_are_refused_and_change_nothing(
    offline_speech: Core, alice: Where, clips: Clips, voices_dir: Path, name: str
) -> None:
    await register(offline_speech, alice, "bob", clips)
    before_rows, before_files = await offline_speech.voices.usable(alice), files(voices_dir)

    with pytest.raises(BadVoiceName) as caught:
        await register(offline_speech, alice, name, clips)

    assert await offline_speech.voices.usable(alice) == before_rows
    assert files(voices_dir) == before_files
    for locale in ("en", "zh-CN"):
        assert not has_hidden_characters(error_text(caught.value, locale))


async def test_names_are_unique_in_a_chat_whatever_their_case(
    offline_speech: Core, alice: Where, clips: Clips, voices_dir: Path
) -> None:
    first = await register(offline_speech, alice, "Bob", clips)

    with pytest.raises(VoiceNameTaken) as caught:
        await register(offline_speech, BOB, "bob", clips)

    assert await offline_speech.voices.usable(alice) == [first]
    assert files(voices_dir) == {first.ref_path.name}
    assert "“Bob”" in error_text(caught.value, "en")  # the name as it stands


async def test_the_same_name_is_free_in_another_group_and_in_a_private_chat(
    offline_speech: Core, alice: Where, alice_dm: Where, clips: Clips
) -> None:
    in_group = await register(offline_speech, alice, "grandpa", clips)
    in_other_group = await register(offline_speech, ALICE_ELSEWHERE, "Grandpa", clips)
    personal = await register(offline_speech, alice_dm, "GRANDPA", clips)

    assert len({in_group.id, in_other_group.id, personal.id}) == 3
    assert personal.personal and not in_group.personal
    # in the group its own voice wins over Alice's personal one of the same name
    assert (await offline_speech.library.get(alice, "grandpa")).id == in_group.id
    assert (await offline_speech.library.get(alice_dm, "grandpa")).id == personal.id


# --- who sees what --------------------------------------------------------------------------


async def test_group_member_sees_group_and_personal_voices(
    offline_speech: Core, alice: Where, alice_dm: Where, clips: Clips
) -> None:
    await register(offline_speech, alice, "grandpa", clips)
    await register(offline_speech, alice_dm, "mum", clips)
    await register(offline_speech, BOB_DM, "bobs_own", clips)
    await register(offline_speech, ALICE_ELSEWHERE, "other_group", clips)

    assert await names(offline_speech, alice) == {"grandpa", "mum"}
    assert await names(offline_speech, BOB) == {"grandpa", "bobs_own"}
    assert await names(offline_speech, alice_dm) == {"mum"}
    with pytest.raises(VoiceNotFound):
        await offline_speech.library.get(BOB, "mum")


# --- what any database keeps -----------------------------------------------------------------


async def test_a_nul_character_in_what_someone_typed_is_dropped(
    offline_speech: Core, clips: Clips
) -> None:
    typed = Where("telegram", "group-1", "alice", user_name="Al\x00ice")

    voice = await offline_speech.voices.register(
        typed, "bob", clips.wav, transcript="the quick\x00 brown fox"
    )
    clip = await offline_speech.speaking.say(typed, "bob", "Hello\x00 there.")

    assert (voice.owner_name, voice.transcript) == ("Alice", "the quick brown fox")
    assert clip.seconds > 0.3


async def test_a_new_chat_set_up_from_several_places_at_once_keeps_every_setting(
    offline_speech: Core, alice: Where, clips: Clips
) -> None:
    voice = await register(offline_speech, alice, "bob", clips)
    rules = SpaceRules(who_clones="admins", daily_chars=100)

    await asyncio.gather(
        offline_speech.library.set_rules(alice, rules),
        *(offline_speech.voices.set_default(alice, "bob") for _ in range(4)),
    )

    assert await offline_speech.library.rules(alice) == rules
    assert await offline_speech.voices.default(alice) == voice


# --- rename and delete ----------------------------------------------------------------------


async def test_rename_keeps_the_voice_under_its_new_name(
    offline_speech: Core, alice: Where, clips: Clips
) -> None:
    voice = await register(offline_speech, alice, "bob", clips)

    renamed = await offline_speech.voices.rename(alice, "BOB", "robert")

    assert (renamed.id, renamed.name, renamed.ref_path) == (voice.id, "robert", voice.ref_path)
    assert await names(offline_speech, alice) == {"robert"}
    with pytest.raises(VoiceNotFound):
        await offline_speech.library.get(alice, "bob")


@pytest.mark.parametrize(
    ("new_name", "error"), [("Grandpa", VoiceNameTaken), ("bad name", BadVoiceName)]
)
async def test_rename_to_a_taken_or_bad_name_is_refused_and_changes_nothing(
    offline_speech: Core,
    alice: Where,
    clips: Clips,
    new_name: str,
    error: type[Exception],
) -> None:
    await register(offline_speech, alice, "grandpa", clips)
    await register(offline_speech, alice, "bob", clips)
    before = await offline_speech.voices.usable(alice)

    with pytest.raises(error):
        await offline_speech.voices.rename(alice, "bob", new_name)

    assert await offline_speech.voices.usable(alice) == before


async def test_delete_removes_the_voice_and_its_reference_file(
    offline_speech: Core, alice: Where, clips: Clips, voices_dir: Path
) -> None:
    kept = await register(offline_speech, alice, "grandpa", clips)
    doomed = await register(offline_speech, alice, "bob", clips)
    assert doomed.ref_path.parent == voices_dir and doomed.ref_path.exists()

    deleted = await offline_speech.voices.delete(alice, "Bob")

    assert deleted.id == doomed.id
    assert await offline_speech.voices.usable(alice) == [kept]
    assert files(voices_dir) == {kept.ref_path.name}
    with pytest.raises(VoiceNotFound):
        await offline_speech.voices.delete(alice, "bob")


async def test_unknown_voice_suggests_close_names_in_english_and_chinese(
    offline_speech: Core, alice: Where, clips: Clips
) -> None:
    await register(offline_speech, alice, "bob", clips)
    await register(offline_speech, alice, "爷爷", clips)

    with pytest.raises(VoiceNotFound) as caught:
        await offline_speech.speaking.say(alice, "bobb", "Hello there")

    assert caught.value.params == {"name": "bobb", "suggestions": ["bob"]}
    assert error_text(caught.value, "en") == (
        "I don't know a voice called “bobb” here. Did you mean: bob?"
    )
    assert error_text(caught.value, "zh-CN") == "这里没有名为“bobb”的声音。你是不是想找：bob？"
    with pytest.raises(VoiceNotFound) as caught:  # nothing close: no "did you mean"
        await offline_speech.voices.delete(alice, "zzzzzz")
    assert error_text(caught.value, "zh-CN") == "这里没有名为“zzzzzz”的声音。"


async def test_an_unknown_name_is_echoed_without_hidden_characters(
    offline_speech: Core, alice: Where
) -> None:
    with pytest.raises(VoiceNotFound) as caught:
        await offline_speech.speaking.say(alice, "bo\x1b[31mb\u200f\u202e", "hello")
    for locale in ("en", "zh-CN"):
        shown = error_text(caught.value, locale)
        assert not has_hidden_characters(shown) and "bo�[31mb" in shown


# --- say refuses bad requests before writing a job -------------------------------------------


@pytest.mark.parametrize(
    "text", ["", "   \n ", "?!… ...", "🙂🙂"], ids=["empty", "blank", "punctuation", "emoji"]
)
async def test_say_without_words_is_refused_and_writes_no_job(
    offline_speech: Core,
    alice: Where,
    clips: Clips,
    job_count: JobCount,
    text: str,
) -> None:
    await register(offline_speech, alice, "bob", clips)

    with pytest.raises(EmptyText):
        await offline_speech.speaking.say(alice, "bob", text)

    assert await job_count() == 0


async def test_say_over_the_text_limit_is_refused_and_writes_no_job(
    offline_speech: Core, alice: Where, clips: Clips, job_count: JobCount
) -> None:
    await register(offline_speech, alice, "bob", clips)
    limit = offline_speech.speaking.max_text_chars

    with pytest.raises(TextTooLong) as caught:
        await offline_speech.speaking.say(alice, "bob", "a" * (limit + 1))

    assert caught.value.params == {"length": limit + 1, "limit": limit}
    assert await job_count() == 0


async def test_say_at_the_text_limit_speaks_and_writes_one_job(
    offline_speech: Core, alice: Where, clips: Clips, job_count: JobCount
) -> None:
    await register(offline_speech, alice, "bob", clips)
    limit = offline_speech.speaking.max_text_chars
    text = ("hello there " * limit)[: limit - 1] + "."

    clip = await offline_speech.speaking.say(alice, "BOB", f"  {text}  ")

    assert clip.voice_name == "bob" and clip.seconds > 1
    assert await job_count() == 1


@pytest.mark.parametrize(
    ("settings", "field"),
    [({"temperature": 2.0}, "temperature"), ({"top_k": 101}, "top_k"), ({"top_p": 0.0}, "top_p")],
)
async def test_say_with_out_of_range_sampling_is_refused_and_writes_no_job(
    offline_speech: Core,
    alice: Where,
    clips: Clips,
    job_count: JobCount,
    settings: dict[str, Any],
    field: str,
) -> None:
    await register(offline_speech, alice, "bob", clips)

    with pytest.raises(BadSampling) as caught:
        await offline_speech.speaking.say(
            alice, "bob", "Hello there", sampling=Sampling(**settings)
        )

    assert caught.value.params["field"] == field
    assert error_text(caught.value, "en").startswith(f"{field} must be between")
    assert await job_count() == 0


# --- failed registrations leave nothing behind -----------------------------------------------


async def test_failed_registrations_leave_no_file_behind(
    offline_speech: Core, alice: Where, clips: Clips, voices_dir: Path
) -> None:
    kept = await register(offline_speech, alice, "bob", clips)

    one_second = clips.read("library-one-second.wav", "-t", "1")

    with pytest.raises(AudioTooShort):
        await offline_speech.voices.register(alice, "shorty", one_second)
    with pytest.raises(VoiceNameTaken):
        await register(offline_speech, alice, "BOB", clips)
    with pytest.raises(VoiceNameTaken):  # two registrations racing past the service's check
        await offline_speech.library.add(alice, "Bob", wav=clips.wav, seconds=6.5, transcript="")

    assert files(voices_dir) == {kept.ref_path.name}
    assert await offline_speech.voices.usable(alice) == [kept]
