"""Where sentences end, in each script, and long text cut into sentence-sized chunks (very
long inputs drift or hallucinate; ~200–400 characters is safe).

A full stop, `!`, `?` or `…` ends a sentence when a space, the end or a Spanish `¿`/`¡` follows
(so 3.5 and e.g. stay whole; the `¿¡` that open a sentence stay with it); closing quotes and
brackets stay with the sentence they close. Scripts with marks of their own end a sentence at
them, space or not: CJK `。！？；`, Arabic `؟` and `۔`, Devanagari `।` `॥`, Armenian `։`,
Ethiopic `።`, Myanmar `။`. Thai, which marks no sentence ends, is cut at spaces when too long."""

from __future__ import annotations

import re

from core.reading.words import GERMAN

CLOSERS = "\"'”’»)\\]）」』】〕〉》"
CJK = "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]"  # after which ASCII ! and ? end a sentence too
SENTENCE_END = re.compile(
    rf"[.!?…]+[{CLOSERS}]*(?:\s+|$|(?=[¿¡]))"
    rf"|(?:[。！？；؟۔।॥։።။]|(?<={CJK})[!?])[。！？；!?؟۔।॥։።။]*[{CLOSERS}]*\s*"
)
ORDINAL_MONTHS = re.compile("|".join(GERMAN.months) + r"\b")
CLAUSE_END = re.compile(r"(?<=[,;:，、；：،؛])\s*")
# Scripts written without spaces between words or sentences: pieces join with none
RUNS_ON = re.compile(
    r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
)


def pieces(text: str) -> list[str]:
    """The sentences of `text`, each with the space that follows it: they join back into it."""
    out, start = [], 0
    for end in SENTENCE_END.finditer(text):
        if end.end() > start:
            out.append(text[start : end.end()])
            start = end.end()
    if start < len(text):
        out.append(text[start:])
    merged: list[str] = []
    for piece in out:
        if merged and _goes_on(merged[-1], piece):
            merged[-1] += piece
        else:
            merged.append(piece)
    return merged


def _goes_on(before: str, after: str) -> bool:
    """A full stop that ends no sentence: an abbreviation before a lower-case word ("e.g.
    this", "z. B. das"), or a German ordinal before its month ("am 3. Mai")."""
    if not before.rstrip().endswith("."):
        return False
    return after[:1].islower() or bool(
        re.search(r"\b\d{1,2}\.\s*$", before) and ORDINAL_MONTHS.match(after)
    )


def chunks(text: str, size: int) -> list[str]:
    """Split at sentence ends into pieces of at most `size` characters; a sentence longer than
    that is split at clauses, then words."""
    split = [p for s in pieces(text) if s.strip() for p in _fit(s.strip(), size)]
    out: list[str] = []
    for piece in split:
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
    """Chinese and Japanese run on without spaces; everything else gets one."""
    runs_on = RUNS_ON.match(left[-1:]) or RUNS_ON.match(right[:1])
    return left + right if runs_on else f"{left} {right}"
