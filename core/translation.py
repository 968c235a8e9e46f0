"""Translate and speak: the languages a text can be said in once translated, the `>xx` marker
that asks for one (`/say grandpa >es Happy birthday`), and the step of a job that translates
its text.

Why inside the job, not before it: a translation is a paid call to 302.AI like the speech
itself, so it waits its turn in the line, counts against the same limits, is cancelled with
the job, and runs wherever the job runs (here, or on a worker). The job stores the language
asked for; the translation, once made, is stored with it before any speech is, so a job
resumed after a restart, and another take of it, speak the same words (the tasks it already
started among them) and it is never paid for twice. What is spoken and spelled out is the
translation, read as its language reads (`core.text.spell_out`)."""

from __future__ import annotations

import logging
import re
from typing import NamedTuple

from core.domain import Progress, ProgressCallback, printable
from core.errors import (
    TranslationTooLong,
    TranslationUnavailable,
    UnknownLanguage,
    UpstreamError,
)
from core.jobs.log import Job, JobLog
from core.reading.detect import primary
from core.text import clean_text
from core.upstream.translate import Translator

log = logging.getLogger(__name__)


class Language(NamedTuple):
    english: str  # how the translator is told it (and Discord shows it, in the user's words)
    own: str  # its own name for itself, as a refusal lists it


# The languages whose numbers, dates and units the bot reads (`core.text.READ`): a translation
# into one is read as well as any text typed in it.
TARGETS: dict[str, Language] = {
    "en": Language("English", "English"),
    "zh": Language("Chinese", "中文"),
    "es": Language("Spanish", "Español"),
    "fr": Language("French", "Français"),
    "de": Language("German", "Deutsch"),
    "it": Language("Italian", "Italiano"),
    "pt": Language("Portuguese", "Português"),
    "nl": Language("Dutch", "Nederlands"),
    "pl": Language("Polish", "Polski"),
    "ru": Language("Russian", "Русский"),
    "uk": Language("Ukrainian", "Українська"),
    "ja": Language("Japanese", "日本語"),
    "ko": Language("Korean", "한국어"),
}
# `>es`, `>pt-BR` (a language code after ">", on its own: ">_<" and ">>" are none), first or
# after the voice's name
MARKED = re.compile(
    r"\s*(?P<name>[^\s>]\S*\s+)?>(?P<code>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)(?:\s+|$)"
)


def split_target(words: str) -> tuple[str | None, str]:
    """A `>xx` marker before the text, first or after the voice's name (`grandpa >es Good
    morning`: say it in Spanish), as the code typed, and the words without it (line breaks
    kept); without one, None and the words."""
    found = MARKED.match(words)
    if found is None:
        return None, words.strip()
    return found.group("code"), ((found.group("name") or "") + words[found.end() :]).strip()


def target(code: str) -> str:
    """The language a code names ("es", "ES", "pt-BR" → "pt"), or `UnknownLanguage` naming the
    ones there are."""
    language = primary(code)
    if language not in TARGETS:
        raise UnknownLanguage(code=printable(code.strip(), 16), languages=listed())
    return language


def listed() -> str:
    """Every target, as a refusal lists them: "en (English), zh (中文), …"."""
    return ", ".join(f"{code} ({language.own})" for code, language in TARGETS.items())


class Translation:
    """The step of a job asked in another language: its text translated, once, before any
    speech is made, and checked like typed text (it must fit the same limit)."""

    def __init__(
        self, *, translator: Translator | None, jobs: JobLog, max_text_chars: int
    ) -> None:
        self._translator = translator
        self._jobs = jobs
        self._max_text_chars = max_text_chars

    def require(self, code: str | None) -> str | None:
        """The language a request asks for (None: as written), once it is known that it can
        be translated into: `UnknownLanguage`, or `TranslationUnavailable` without the
        speech service."""
        if code is None or not code.strip():
            return None
        language = target(code)
        if self._translator is None:
            raise TranslationUnavailable()
        return language

    async def words_of(self, job: Job, report: ProgressCallback) -> str:
        """What the job says: its text, or (in another language) its translation, made now
        unless an earlier run of the job made it."""
        if job.language is None:
            return job.text
        if job.translation is not None:
            return job.translation
        if self._translator is None:  # (a worker run without the speech service)
            raise TranslationUnavailable()
        await report(Progress("translating"))
        into = TARGETS[job.language].english
        said = clean_text(await self._translator.translate(job.text, into=into)).strip()
        if not any(ch.isalnum() for ch in said):
            raise UpstreamError("the translation came back empty")
        if len(said) > self._max_text_chars:
            raise TranslationTooLong(length=len(said), limit=self._max_text_chars)
        log.info("job %s: translated into %s (%d characters)", job.id, job.language, len(said))
        return await self._jobs.translated(job.id, said)
