"""Long text: spelled out, split at sentence ends, generated in parts, joined in order."""

from __future__ import annotations

import subprocess

import pytest
from pydub import AudioSegment

from core.app import Core, open_core
from core.audio import speech_spans
from core.domain import Progress, Where
from core.settings import Settings
from core.text import chunks, spell_out
from tests.conftest import Clips, Sleeps, watched
from tests.fakes.ai302 import Fake302, tone_wav

STORY = (
    "Once upon a time there was a small village by the sea. Every morning the fishermen went "
    "out before dawn! Did they ever come back empty-handed? Rarely, because the old captain "
    "knew where the fish were. One day a storm came, and the waves rose higher than the "
    "houses; the villagers waited on the shore. At last the boats returned, one by one, and "
    "everyone cheered. The captain smiled, tied up his boat, and went home for breakfast."
)
GUSHI = (
    "从前，海边有一个小村庄。每天早上，渔夫们在天亮前出海！他们会空手而归吗？"
    "很少，因为老船长知道鱼在哪里。有一天，暴风雨来了，海浪比房子还高；村民们在岸边等待。"
    "终于，船一艘接一艘地回来了，大家都欢呼起来。船长笑了，系好船，回家吃早饭。"
)


def pcm_of(ogg: bytes) -> bytes:
    return subprocess.run(
        ["ffmpeg", "-v", "error", "-i", "-", "-ac", "1", "-ar", "24000", "-f", "s16le", "-"],
        input=ogg,
        capture_output=True,
        check=True,
    ).stdout


def test_english_splits_at_sentence_ends_within_the_size() -> None:
    parts = chunks(STORY, 120)
    assert " ".join(parts) == STORY
    assert all(len(p) <= 120 for p in parts)
    assert all(p.endswith((".", "!", "?")) for p in parts)
    assert parts[0] == (
        "Once upon a time there was a small village by the sea. Every morning "
        "the fishermen went out before dawn!"
    )


def test_chinese_splits_at_chinese_punctuation_with_no_spaces() -> None:
    parts = chunks(GUSHI, 40)
    assert "".join(parts) == GUSHI
    assert all(len(p) <= 40 and p.endswith(("。", "！", "？", "；")) for p in parts)


def test_a_sentence_longer_than_a_part_is_split_at_clauses_then_words() -> None:
    sentence = ", ".join(f"clause number {i} goes on for a while" for i in range(12)) + "."
    parts = chunks(sentence, 100)
    assert all(len(p) <= 100 for p in parts) and len(parts) > 3
    assert " ".join(parts) == sentence
    assert chunks("a" * 250, 100) == ["a" * 100, "a" * 100, "a" * 50]


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("It costs $5.50.", "It costs five dollars, fifty cents."),
        ("Only 3 left, 50% off!", "Only three left, fifty percent off!"),
        (
            "Drive 120 km/h for 2 km.",
            "Drive one hundred and twenty kilometers per hour for two kilometers.",
        ),
        ("It's 25°C on the 21st.", "It's twenty-five degrees Celsius on the twenty-first."),
        (
            "Tom & Jerry: 1,234 episodes",
            "Tom and Jerry: one thousand, two hundred and thirty-four episodes",
        ),
        ("我有3个苹果，占比50%。", "我有三个苹果，占比百分之五十。"),
    ],
)
def test_numbers_units_and_symbols_are_spelled_out(written: str, spoken: str) -> None:
    assert spell_out(written) == spoken


async def test_long_text_is_spoken_in_parts_and_joined_in_order(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
    parts = chunks(spell_out(STORY), speech.generation.craft.chunk_chars)
    assert len(parts) == 2
    lengths = {words: 0.8 + 0.8 * i for i, words in enumerate(parts)}  # part i: a longer tone
    fake302.behaviour.tone_seconds = lengths.__getitem__
    shown: list[Progress] = []

    async def progress(p: Progress) -> None:
        shown.append(p)

    clip = await watched(
        lambda reply: speech.speaking.say(alice, "bob", STORY, reply=reply), progress
    )

    assert sorted(r.json["input_text"] for r in fake302.calls("clone_create")) == sorted(parts)
    pcm = pcm_of(clip.ogg)
    spans = speech_spans(pcm)
    heard = [round((end - start) / 1000, 1) for start, end in spans]
    assert heard == pytest.approx([0.8, 1.6], abs=0.15)  # part 1, then part 2
    assert len(AudioSegment(data=pcm, sample_width=2, frame_rate=24000, channels=1)) > 2400
    generating = [(p.done, p.parts) for p in shown if p.stage == "generating"]
    assert generating[-1] == (2, 2) and all(parts == 2 for _, parts in generating)


async def test_output_longer_than_a_message_may_be_comes_as_several_in_order(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    settings = higgs_settings.model_copy(update={"max_voice_seconds": 10})
    fake302.behaviour.audio = tone_wav(25.0)
    async with open_core(settings, sleep=sleeps) as speech:
        await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
        clip = await speech.speaking.say(alice, "bob", "A very long story.")
    lengths = [part.seconds for part in clip.messages]
    assert len(lengths) == 3 and all(7 <= s <= 10 for s in lengths)  # as even as pauses allow
    assert sum(lengths) == pytest.approx(25.0, abs=0.05)
    assert all(part.ogg[:4] == b"OggS" and len(part.waveform) == 256 for part in clip.messages)


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("It costs $5.", "It costs five dollars."),
        ("In 1990 and the 1990s.", "In nineteen ninety and the nineteen nineties."),
        ("Call 555-1234 or 007.", "Call five five five one two three four or zero zero seven."),
        ("At 10:30, 9:05 or 6:00.", "At ten thirty, nine oh five or six o'clock."),
        ("The 1,000th visitor", "The one thousandth visitor"),
        (
            "价格1,000元，10:30见，电话555-1234，$5。",
            "价格一千元，十点三十分见，电话五五五一二三四，五美元。",
        ),
    ],
)
def test_money_years_times_and_phone_numbers_read_naturally(written: str, spoken: str) -> None:
    assert spell_out(written) == spoken
