"""How long a text takes to say, and whether a take's length fits it: the self-check's first,
free look at a take, before anything is sent to a transcriber.

A take that stops short is too short for its text, one that babbles on is too long; both show
in its length, which costs nothing to read. Words that are wrong at about the right length
(a swapped word, a mumble, another language) do not show in it: only hearing the take finds
those, and `Generation` hears a take only when its length is in doubt (see its `_checked`).

The expected length is counted in the text's own units (letters, or for Chinese and Japanese
characters, and Hangul syllables) at usual reading rates, plus the silence a take begins and
ends with; a voice whose reference clip shows its speaker faster or slower than usual scales
it, within reason (a transcript that does not match its clip says nothing of the pace).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from core.domain import Voice

# Usual reading rates, units a second (about 155 English words a minute; Mandarin about 270
# characters a minute). Other scripts count as letters.
LETTERS_PER_S = 12.0
HANZI_PER_S = 4.5  # Chinese characters, and kanji
KANA_PER_S = 7.0
HANGUL_PER_S = 6.0  # syllable blocks
EDGES_S = 0.4  # the silence before and after the speech in a take
CLIP_MARGINS_S = 0.3  # kept around a reference clip's speech (reference_audio.MARGIN_MS, twice)
# A text expected to take less than this is always heard: in a few words the pace and the
# silences outweigh the words, so a take's length says little about them.
SHORTEST_JUDGED_S = 2.5
# Of the expected length: a take outside this is in doubt. Losing or adding a third of the
# words moves a take's length as far (at a usual pace), and a third of the words is about what
# the self-check's error limit (0.35) lets through.
TOO_SHORT = 0.7
TOO_LONG = 1.4
VOICE_PACE = (0.7, 1.4)  # a speaker's pace against the usual one, believed within this

HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
TURN_TAG = re.compile(r"\[SPEAKER\d+\]")  # dialogue turn tags are not spoken

Verdict = Literal["plausible", "too short", "too long", "short text"]


@dataclass(frozen=True, slots=True)
class Judged:
    """What a take's length says of it: `plausible` is sent unheard; the rest are heard."""

    verdict: Verdict
    seconds: float  # the take's length
    expected_s: float  # the text's, at the voice's pace

    @property
    def plausible(self) -> bool:
        return self.verdict == "plausible"


@dataclass(frozen=True, slots=True)
class Pace:
    """A voice's speed against the usual reading rate of a script (1: usual, 1.2: faster)."""

    factor: float = 1.0

    @classmethod
    def of(cls, voice: Voice | None) -> Pace:
        """The pace of a voice's reference clip, when its transcript makes it believable;
        else (no voice, a designed one, a transcript that is not what the clip says) usual."""
        if voice is None or not voice.transcript:
            return cls()
        speaking_s = voice.seconds - CLIP_MARGINS_S
        if speaking_s <= 0:
            return cls()
        factor = spoken_s(voice.transcript) / speaking_s
        low, high = VOICE_PACE
        return cls(factor) if low <= factor <= high else cls()

    def expected_s(self, text: str) -> float:
        """How long a take of `text` should be, at this pace."""
        return EDGES_S + spoken_s(text) / self.factor

    def judge(self, text: str, seconds: float) -> Judged:
        """Whether a take `seconds` long is a believable reading of `text`."""
        expected = self.expected_s(text)
        verdict: Verdict = "plausible"
        if expected < SHORTEST_JUDGED_S:
            verdict = "short text"
        elif seconds < TOO_SHORT * expected:
            verdict = "too short"
        elif seconds > TOO_LONG * expected:
            verdict = "too long"
        return Judged(verdict, seconds, expected)


def spoken_s(text: str) -> float:
    """Seconds of speech in `text` at the usual rates, silences aside."""
    text = TURN_TAG.sub(" ", text)
    hanzi = len(HANZI.findall(text))
    kana = len(KANA.findall(text))
    hangul = len(HANGUL.findall(text))
    letters = sum(ch.isalnum() for ch in text) - hanzi - kana - hangul
    return (
        letters / LETTERS_PER_S + hanzi / HANZI_PER_S + kana / KANA_PER_S + hangul / HANGUL_PER_S
    )
