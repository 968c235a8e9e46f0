"""Text as the model reads it best: numbers and symbols spelled out in each sentence's own
language, and long text split into sentence-sized chunks (very long inputs drift or
hallucinate; ~200–400 characters is safe). The parts are in `core.reading`."""

from __future__ import annotations

import re
import unicodedata

import jiwer

from core.reading import cjk, numbers
from core.reading.detect import HAN, KANA, language_of, languages_of, primary
from core.reading.sentences import chunks, pieces
from core.reading.words import LATIN_AND_CYRILLIC

__all__ = ["chunks", "clean_text", "error_rate", "is_chinese", "spell_in", "spell_out"]

SPELLERS = {"zh": cjk.spell_chinese, "ja": cjk.spell_japanese, "ko": cjk.spell_korean} | {
    code: lambda text, words=words: numbers.spell(text, words)
    for code, words in LATIN_AND_CYRILLIC.items()
}
READ = frozenset(SPELLERS)  # the languages whose numbers the bot reads; others keep digits
BY_CHARACTER = frozenset({"zh", "ja", "ko"})  # compared by character: no spaces between words
WIDE_DIGITS = str.maketrans("０１２３４５６７８９％＄￥", "0123456789%$¥")


def is_chinese(text: str) -> bool:
    """Whether `text` has Chinese characters or kana (the offline voice reads them as
    Mandarin)."""
    return HAN.search(text) is not None or KANA.search(text) is not None


def clean_text(text: str) -> str:
    """Typed text as it may go to the model: control, bidi and zero-width characters removed
    (they are invisible, say nothing, and can steer what a reader sees); tabs become spaces,
    and every kind of line break a plain one (a dialogue is read line by line)."""
    text = text.replace("\r\n", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return "".join(
        " " if ch == "\t" else ch
        for ch in text
        if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf")
    )


def spell_out(text: str, *, hint: str = "", language: str = "") -> str:
    """Numbers, money, dates, times, units and symbols as words, each sentence in its own
    language; `hint` (the user's locale) settles a sentence too short to tell by. A sentence
    in a language the bot cannot read keeps its digits: never English words in it. A text
    whose `language` is known (a translation into it) is read in it throughout."""
    sentences = pieces(text)
    languages = (
        [language] * len(sentences)
        if language
        else languages_of([s.strip() for s in sentences], hint=hint)
    )
    fallback = primary(hint) or "en"  # nothing to tell a language by ("42"): the user's
    spelled = "".join(
        _spelled_with_space(sentence, language or fallback)
        for sentence, language in zip(sentences, languages, strict=True)
    )
    return re.sub(r"[ \t]{2,}", " ", spelled).strip()


def spell_in(language: str, text: str) -> str:
    """`text` spelled out as `language` reads it (unchanged in one the bot cannot read)."""
    speller = SPELLERS.get(language)
    return speller(text.translate(WIDE_DIGITS)) if speller else text


def error_rate(expected: str, heard: str, *, language: str = "") -> float:
    """How far a transcript is from the text asked for, both read the same way (numbers
    spelled out in the text's language, case, punctuation and speaker tags left out): the
    character error rate in Chinese, Japanese and Korean (words there are not, or not
    reliably, spaced), the word error rate otherwise."""
    language = primary(language) or language_of(_untagged(expected)) or "en"
    expected, heard = (_plain(spell_in(language, _untagged(t))) for t in (expected, heard))
    if not expected:
        return 0.0
    if not heard:
        return 1.0
    if language in BY_CHARACTER:
        return float(jiwer.cer(expected.replace(" ", ""), heard.replace(" ", "")))
    return float(jiwer.wer(expected, heard))


def _spelled_with_space(sentence: str, language: str) -> str:
    body = sentence.rstrip()
    return spell_in(language, body) + sentence[len(body) :] if body else sentence


def _untagged(text: str) -> str:
    return re.sub(r"\[SPEAKER\d+\]", " ", text)  # dialogue turn tags are not spoken


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())
