"""Speaking: a request to say something (in a stored voice, a voice described in words, a
dialogue, another take) checked, written down as a job and handed to delivery."""

from __future__ import annotations

import logging
from collections.abc import Coroutine
from dataclasses import replace
from typing import Any, Literal

from core import hearing
from core.delivery import Delivery
from core.domain import Sampling, Voice, VoiceClip, Where
from core.errors import (
    EmptyText,
    ListeningUnavailable,
    NoDescription,
    NoSpeech,
    TextTooLong,
    VoicebotError,
    VoiceGone,
)
from core.jobs.log import Job, JobLog
from core.outbox import ChatGone, Reply
from core.references import References
from core.rules import Rules
from core.text import clean_text
from core.translation import Translation
from core.voices import Voices

log = logging.getLogger(__name__)

Change = Literal["again", "steadier", "livelier"]  # what another take changes
MAX_DESCRIPTION = 500  # characters of a designed voice's description
TEMPERATURE_STEP = 0.3  # how far "steadier" / "livelier" move the temperature


class Speaking:
    """Every request that makes speech. With a `reply`, its outcome (the voice message, or
    why there is none) goes through the reply's outbox and nothing is raised; without one,
    the clip is returned and any error raised."""

    def __init__(
        self,
        *,
        voices: Voices,
        rules: Rules,
        jobs: JobLog,
        delivery: Delivery,
        engine_name: str,
        max_text_chars: int,
        references: References | None = None,  # to hear the voice messages said again
        translation: Translation,
    ) -> None:
        self._voices = voices
        self._translation = translation
        self._references = references
        self._rules = rules
        self._jobs = jobs
        self._delivery = delivery
        self._engine_name = engine_name
        self.max_text_chars = max_text_chars

    async def say(
        self,
        where: Where,
        voice: Voice | str | None,
        text: str,
        *,
        sampling: Sampling | None = None,
        language: str | None = None,
        reply: Reply | None = None,
    ) -> VoiceClip | None:
        """Speak `text` in a stored voice (no name: the chat's default), its own sampling
        defaults under `sampling`; with a `language` (a code: "es"), translated into it first
        (`core.translation`: the job translates, in its turn)."""

        async def opening() -> Job:
            words = self._checked(text)
            into = self._translation.require(language)
            found = await self._speaking_voice(where, voice)
            return await self._open_in(where, reply, found, words, sampling, into)

        return await self._answer(where, reply, opening())

    def require_listening(self) -> None:
        """`ListeningUnavailable` where voice messages cannot be said again: nothing hears
        them (adapters ask before fetching a clip, or showing a form)."""
        if self._references is None or self._references.transcriber is None:
            raise ListeningUnavailable()

    async def revoice(
        self,
        where: Where,
        voice: Voice | str | None,
        clip: bytes,
        *,
        sampling: Sampling | None = None,
        language: str | None = None,
        reply: Reply | None = None,
    ) -> VoiceClip | None:
        """Say the words of a voice message (an audio file, a video note) again in a stored
        voice, as `say` would say them typed. Only the words are kept: the clip is heard in
        memory and transcribed, and its transcript is the job's text."""

        async def opening() -> Job:
            self.require_listening()
            into = self._translation.require(language)  # (`>es`: its words, in Spanish)
            assert self._references is not None
            found = await self._speaking_voice(where, voice)  # before anything is heard or billed
            wav = await hearing.heard_wav(clip, max_bytes=self._voices.max_upload_bytes)
            await self._rules.admit(where, 0)  # hearing it is a request of its own, as a proof
            try:
                words = self._checked(await self._references.transcribe(wav))
            except EmptyText as exc:  # nothing but a noise or a "…" heard
                raise NoSpeech() from exc
            return await self._open_in(where, reply, found, words, sampling, into)

        return await self._answer(where, reply, opening())

    async def design(
        self,
        where: Where,
        description: str,
        text: str,
        *,
        sampling: Sampling | None = None,
        reply: Reply | None = None,
    ) -> VoiceClip | None:
        """Speak `text` in a voice described in words; `Voices.keep` can store the result."""

        async def opening() -> Job:
            words, described = self._checked(text), clean_text(description).strip()
            if not any(ch.isalnum() for ch in described):
                raise NoDescription()
            if len(described) > MAX_DESCRIPTION:
                raise TextTooLong(length=len(described), limit=MAX_DESCRIPTION)
            return await self._open(
                where, reply, text=words, description=described, sampling=sampling or Sampling()
            )

        return await self._answer(where, reply, opening())

    async def dialogue(
        self,
        where: Where,
        script: str,
        *,
        sampling: Sampling | None = None,
        reply: Reply | None = None,
    ) -> VoiceClip | None:
        """A conversation, one turn per line (`name: text` or `"description": text`), spoken
        as one voice message. Errors name the line that is wrong."""

        async def opening() -> Job:
            words = self._checked(script)
            await self._voices.cast(where, words)  # every speaker known before anything runs
            return await self._open(
                where, reply, text=words, kind="dialogue", sampling=sampling or Sampling()
            )

        return await self._answer(where, reply, opening())

    async def retake(
        self, where: Where, job_id: str, change: Change = "again", *, reply: Reply | None = None
    ) -> VoiceClip | None:
        """Another take of an earlier request; steadier/livelier lower/raise the temperature."""

        async def opening() -> Job:
            old = await self._jobs.get(where, job_id)
            sampling = old.sampling
            if change != "again":
                step = -TEMPERATURE_STEP if change == "steadier" else TEMPERATURE_STEP
                base = 1.0 if sampling.temperature is None else sampling.temperature
                sampling = replace(sampling, temperature=round(min(1.5, max(0.1, base + step)), 2))
            if old.kind == "dialogue":
                await self._voices.cast(where, old.text)
                return await self._open(
                    where, reply, text=old.text, kind="dialogue", sampling=sampling
                )
            if old.voice_id is not None:
                voice = await self._voices.by_id(where, old.voice_id)
                await self._voices.unsuspended(where, voice)
                return await self._open(
                    where,
                    reply,
                    text=old.text,
                    voice_id=voice.id,
                    sampling=sampling,
                    language=old.language,  # the same words: translated once, for every take
                    translation=old.translation,
                )
            if old.description is None:  # its voice was deleted (forgotten) since
                raise VoiceGone()
            return await self._open(
                where, reply, text=old.text, description=old.description, sampling=sampling
            )

        return await self._answer(where, reply, opening())

    async def _speaking_voice(self, where: Where, voice: Voice | str | None) -> Voice:
        """The voice named (no name: the chat's default), if it may speak here: not while it
        is reported here (`VoiceSuspended`)."""
        found = voice if isinstance(voice, Voice) else await self._voices.resolve(where, voice)
        return await self._voices.unsuspended(where, found)

    async def _open_in(
        self,
        where: Where,
        reply: Reply | None,
        voice: Voice,
        words: str,
        sampling: Sampling | None,
        language: str | None,
    ) -> Job:
        """The job of saying `words` in a stored voice, its sampling under the voice's own."""
        return await self._open(
            where,
            reply,
            text=words,
            voice_id=voice.id,
            sampling=(sampling or Sampling()).over(voice.sampling),
            language=language,
        )

    async def _answer(
        self, where: Where, reply: Reply | None, opening: Coroutine[Any, Any, Job]
    ) -> VoiceClip | None:
        """Open the job and have it delivered; a request refused before it became a job is
        told like any other outcome."""
        try:
            job = await opening
        except VoicebotError as exc:
            if reply is None:
                raise
            try:
                await reply.outbox.fail(where, reply.target, exc)
            except ChatGone:
                log.info("a refusal found the chat gone")
            return None
        if reply is not None and reply.on_open is not None:
            reply.on_open()
        return await self._delivery.answer(job, reply)

    async def _open(
        self,
        where: Where,
        reply: Reply | None,
        *,
        text: str,
        sampling: Sampling,
        kind: str = "",
        voice_id: str | None = None,
        description: str | None = None,
        language: str | None = None,
        translation: str | None = None,
    ) -> Job:
        """Write the job down, once the chat's rules let it in."""
        await self._rules.admit(where, len(text))
        durable = reply is not None and reply.durable
        return await self._jobs.open(
            where,
            kind=kind or self._engine_name,
            text=text,
            sampling=sampling,
            voice_id=voice_id,
            description=description,
            target=reply.target if durable and reply is not None else None,
            handoff=self._delivery.runner.hands_over,
            language=language,
            translation=translation,
        )

    def _checked(self, text: str) -> str:
        text = clean_text(text).strip()
        if not any(ch.isalnum() for ch in text):
            raise EmptyText()
        if len(text) > self.max_text_chars:
            raise TextTooLong(length=len(text), limit=self.max_text_chars)
        return text
