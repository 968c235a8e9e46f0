"""Text as the model reads it best: numbers and symbols spelled out, and long text split into
sentence-sized chunks (very long inputs drift or hallucinate; ~200–400 characters is safe)."""

from __future__ import annotations

import re
from collections.abc import Callable

import cn2an
import jiwer
from num2words import num2words

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
RUNS_ON = re.compile(r"[\u3000-\u303f\uff00-\uffef]|" + CJK.pattern)  # with punctuation
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|(?<=[。！？；])\s*")
CLAUSE_END = re.compile(r"(?<=[,;:，、；：])\s*")
NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"

UNITS = {
    "km/h": "kilometers per hour", "mph": "miles per hour", "km": "kilometers",
    "kg": "kilograms", "cm": "centimeters", "mm": "millimeters", "ml": "milliliters",
    "°C": "degrees Celsius", "°F": "degrees Fahrenheit", "%": "percent",
}
CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP"}
SYMBOLS = {"&": " and ", "+": " plus ", "=": " equals ", "@": " at ", "#": " number "}


def is_chinese(text: str) -> bool:
    return CJK.search(text) is not None


def spell_out(text: str) -> str:
    """Numbers, units, currencies and symbols as words, in the text's language."""
    if is_chinese(text):
        return str(cn2an.transform(text, "an2cn"))
    text = _sub(rf"([$€£])\s?({NUMBER})", lambda m: str(num2words(
        float(m[2].replace(",", "")), to="currency", currency=CURRENCIES[m[1]])), text)
    unit_names = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
    text = _sub(rf"({NUMBER})\s?({unit_names})(?![A-Za-z])",
                lambda m: f"{_words(m[1])} {UNITS[m[2]]}", text)
    text = _sub(r"\b(\d+)(st|nd|rd|th)\b", lambda m: num2words(int(m[1]), to="ordinal"), text)
    text = _sub(NUMBER, lambda m: _words(m[0]), text)
    for symbol, word in SYMBOLS.items():
        text = text.replace(symbol, word)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def error_rate(expected: str, heard: str) -> float:
    """How far a transcript is from the text asked for: word error rate, or character error
    rate for Chinese (no spaces between words); punctuation and case do not count."""
    expected, heard = _plain(expected), _plain(heard)
    if not expected:
        return 0.0
    if not heard:
        return 1.0
    if is_chinese(expected):
        return float(jiwer.cer(expected.replace(" ", ""), heard.replace(" ", "")))
    return float(jiwer.wer(expected, heard))


def _plain(text: str) -> str:
    text = re.sub(r"\[SPEAKER\d+\]", " ", text)  # dialogue turn tags are not spoken
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def chunks(text: str, size: int) -> list[str]:
    """Split at sentence ends (English and Chinese punctuation) into pieces of at most `size`
    characters; a sentence longer than that is split at clauses, then words."""
    pieces = [p for s in SENTENCE_END.split(text) if s.strip() for p in _fit(s.strip(), size)]
    out: list[str] = []
    for piece in pieces:
        if out and len(out[-1]) + 1 + len(piece) <= size:
            out[-1] = _join(out[-1], piece)
        else:
            out.append(piece)
    return out


def _fit(sentence: str, size: int) -> list[str]:
    if len(sentence) <= size:
        return [sentence]
    for separator in (CLAUSE_END, re.compile(r"\s+")):
        parts = [p for p in separator.split(sentence) if p]
        if len(parts) > 1:
            packed: list[str] = []
            for part in (q for p in parts for q in _fit(p, size)):
                if packed and len(packed[-1]) + 1 + len(part) <= size:
                    packed[-1] = _join(packed[-1], part)
                else:
                    packed.append(part)
            return packed
    return [sentence[i : i + size] for i in range(0, len(sentence), size)]


def _join(left: str, right: str) -> str:
    """Chinese runs on without spaces; everything else gets one."""
    runs_on = RUNS_ON.match(left[-1:]) or RUNS_ON.match(right[:1])
    return left + right if runs_on else f"{left} {right}"


def _words(number: str) -> str:
    value = number.replace(",", "")
    return str(num2words(float(value) if "." in value else int(value)))


def _sub(pattern: str, replace: Callable[[re.Match[str]], str], text: str) -> str:
    return re.sub(pattern, replace, text)
