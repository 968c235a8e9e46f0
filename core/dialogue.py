"""Dialogue scripts: one turn per line, `name: text` (a stored voice) or `"description": text`
(a voice described in words)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.domain import name_key
from core.errors import EmptyText, ScriptLineError

LINE = re.compile(
    r'^\s*(?:"(?P<described>[^"]+)"|“(?P<quoted>[^”]+)”|(?P<name>[^:：\s]+))\s*[:：]'
    r"\s*(?P<text>.*\S)\s*$"
)
MAX_TURNS = 50


@dataclass(frozen=True, slots=True)
class Turn:
    line: int  # 1-based, as the user counts
    speaker: str  # a voice name, or a description
    described: bool
    text: str


def parse_script(script: str) -> list[Turn]:
    """The turns of a script, in order; a line that is not a turn is named in the error."""
    turns = []
    for number, line in enumerate(script.splitlines(), start=1):
        if not line.strip():
            continue
        match = LINE.match(line)
        if match is None:
            raise ScriptLineError(line=number, problem="error_script_syntax")
        description = match["described"] or match["quoted"]
        speaker = (description or match["name"]).strip()
        turns.append(Turn(number, speaker, description is not None, match["text"].strip()))
    if not turns:
        raise EmptyText()
    if len(turns) > MAX_TURNS:
        raise ScriptLineError(line=MAX_TURNS + 1, problem="error_script_too_long")
    return turns


def speaker_of(turn: Turn) -> tuple[str, bool]:
    """Who speaks a turn: names match whatever their case, descriptions as written."""
    return (turn.speaker if turn.described else name_key(turn.speaker), turn.described)


def cast(turns: list[Turn]) -> list[Turn]:
    """Each speaker's first turn, in order of appearance: SPEAKER0, SPEAKER1, …"""
    first: dict[tuple[str, bool], Turn] = {}
    for turn in turns:
        first.setdefault(speaker_of(turn), turn)
    return list(first.values())
