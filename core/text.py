"""Text as the model reads it best: numbers and symbols spelled out, and long text split into
sentence-sized chunks (very long inputs drift or hallucinate; ~200–400 characters is safe)."""

from __future__ import annotations

import re
import unicodedata
import warnings
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
    "km/h": "kilometers per hour",
    "mph": "miles per hour",
    "km": "kilometers",
    "kg": "kilograms",
    "cm": "centimeters",
    "mm": "millimeters",
    "ml": "milliliters",
    "°C": "degrees Celsius",
    "°F": "degrees Fahrenheit",
    "%": "percent",
}
CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP"}
ZH_CURRENCIES = {"$": "美元", "€": "欧元", "£": "英镑"}
ZH_DIGITS = "零一二三四五六七八九"
# Phone numbers and codes (0-led, or dashed) are read digit by digit.
DIGIT_STRING = r"(?<![\d,.])(?:0\d+|\d+(?:-\d+)+)(?![\d,.]?\d)"
YEAR = r"\b(1[1-9]\d\d|20\d\d)"
LONGEST_SPELLED = 40  # characters of a number read out; longer ones are read as written
SYMBOLS = {"&": " and ", "+": " plus ", "=": " equals ", "@": " at ", "#": " number "}


def is_chinese(text: str) -> bool:
    return CJK.search(text) is not None


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


def spell_out(text: str) -> str:
    """Numbers, units, currencies and symbols as words, in the text's language."""
    if is_chinese(text):
        return _spell_out_chinese(text)
    text = _spelled(r"\b(\d{1,2}):(\d{2})\b", _clock, text)
    text = _spelled(
        DIGIT_STRING, lambda m: " ".join(num2words(int(d)) for d in m[0] if d.isdigit()), text
    )
    text = _spelled(rf"([$€£])\s?({NUMBER})", _money, text)
    unit_names = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
    text = _spelled(
        rf"({NUMBER})\s?({unit_names})(?![A-Za-z])",
        lambda m: f"{_words(m[1])} {UNITS[m[2]]}",
        text,
    )
    text = _spelled(
        r"\b(\d{1,3}(?:,\d{3})+|\d+)(st|nd|rd|th)\b",
        lambda m: num2words(int(m[1].replace(",", "")), to="ordinal"),
        text,
    )
    text = _spelled(YEAR + r"s\b", lambda m: _plural(num2words(int(m[1]), to="year")), text)
    text = _spelled(YEAR + r"\b(?![.,]\d|%)", lambda m: num2words(int(m[1]), to="year"), text)
    text = _spelled(NUMBER, lambda m: _words(m[0]), text)
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


def _spell_out_chinese(text: str) -> str:
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 1,000 → 1000
    text = _spelled(r"(\d{1,2}):(\d{2})", lambda m: f"{int(m[1])}点{int(m[2])}分", text)
    text = _spelled(
        DIGIT_STRING, lambda m: "".join(ZH_DIGITS[int(d)] for d in m[0] if d.isdigit()), text
    )
    text = _spelled(rf"([$€£])\s?({NUMBER})", lambda m: f"{m[2]}{ZH_CURRENCIES[m[1]]}", text)
    with warnings.catch_warnings():  # past 16 digits it warns, and leaves them be
        warnings.simplefilter("ignore")
        try:
            return str(cn2an.transform(text, "an2cn"))
        except Exception:  # what it cannot read stays as written
            return text


def _spelled(pattern: str, spell: Callable[[re.Match[str]], str], text: str) -> str:
    """`re.sub` with `spell`: what it cannot read (a number too long for words, say) stays as
    written, so a request never fails for it, and no error carries the user's text."""

    def safely(match: re.Match[str]) -> str:
        if len(match[0]) > LONGEST_SPELLED:
            return match[0]
        try:
            return spell(match)
        except Exception:
            return match[0]

    return re.sub(pattern, safely, text)


def _clock(match: re.Match[str]) -> str:
    hour, minute = int(match[1]), int(match[2])
    if minute == 0:
        return f"{num2words(hour)} o'clock"
    return f"{num2words(hour)} {'oh ' if minute < 10 else ''}{num2words(minute)}"


def _money(match: re.Match[str]) -> str:
    amount = float(match[2].replace(",", ""))
    words = str(num2words(amount, to="currency", currency=CURRENCIES[match[1]]))
    return re.sub(r",? zero (cents|pence)$", "", words)


def _plural(words: str) -> str:
    return words[:-1] + "ies" if words.endswith("y") else words + "s"


def _words(number: str) -> str:
    value = number.replace(",", "")
    return str(num2words(float(value) if "." in value else int(value)))
