"""Generation: a stored job made into voice messages. Long text goes in sentence-sized parts,
a dialogue in the model's multi-speaker format or turn by turn, every output is checked (when
on: by its length, and by ear when that is in doubt), and each upstream task is recorded
before it is waited for, so a job resumed after a restart waits for its tasks instead of
paying for them again."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from dataclasses import dataclass, field, replace
from typing import Any

from core import audio
from core.audio import EncodedVoice
from core.dialogue import Turn, cast, speaker_of
from core.domain import Progress, ProgressCallback, Sampling, Voice, no_progress
from core.engines import Engine, SpeechRequest
from core.errors import ReferenceUnreachable, TakeGone, UpstreamError, VoiceGone
from core.jobs.log import Job, JobLog
from core.library import VoiceLibrary
from core.pace import Pace
from core.reading.detect import language_of
from core.references import References
from core.text import chunks, error_rate, spell_out
from core.translation import Translation
from core.upstream.higgs import OnTask
from core.voices import Casting, Voices

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Craft:
    """How outputs are made: in parts of `chunk_chars`, a few at a time; checked
    (`self_check`: by length, by ear when in doubt) against `self_check_max_error`; cut into
    voice messages of at most `max_voice_seconds`; generated audio longer than `longest_s` is
    refused, its decoding stopped just past it."""

    chunk_chars: int = 300
    chunk_concurrency: int = 3
    self_check: bool = False
    self_check_max_error: float = 0.35
    max_voice_seconds: float = 1800.0
    longest_s: float = audio.LONGEST_S


class Generation:
    """Turns a job into its voice messages; the job's row records each step."""

    def __init__(
        self,
        *,
        engine: Engine,
        jobs: JobLog,
        library: VoiceLibrary,
        voices: Voices,
        references: References,
        craft: Craft,
        translation: Translation,
    ) -> None:
        self.engine = engine
        self._jobs = jobs
        self._library = library
        self._voices = voices
        self._references = references
        self.craft = craft
        self._translation = translation

    async def make(
        self, job: Job, report: ProgressCallback, *, steps: dict[str, str] | None = None
    ) -> list[EncodedVoice]:
        """The job's voice messages: (translating →) preparing → generating → encoding.
        `steps` are the upstream tasks an earlier run started for it, waited for instead of
        made again."""
        words = await self._translation.words_of(job, report)  # (in its language: translated)
        await report(Progress("preparing"))
        work = _Work(
            job.id,
            report,
            asyncio.Semaphore(self.craft.chunk_concurrency),
            steps=dict(steps or {}),
            locale=job.language or job.where.locale,
            language=job.language or "",
        )
        used: list[Voice] = []
        if job.kind == "dialogue":
            casting = await self._voices.cast(job.where, job.text)
            speech = await self._dialogue(casting, job.sampling, work)
            used = list(casting.voices.values())
        elif job.voice_id is not None:
            # reported since the job was written: it may not speak
            used = [
                await self._voices.unsuspended(
                    job.where, await self._voices.by_id(job.where, job.voice_id)
                )
            ]
            speech = await self._speak(used[0], None, words, job.sampling, work)
        elif job.description is not None:
            speech = await self._speak(None, job.description, words, job.sampling, work)
        else:  # its voice was deleted (forgotten) since
            raise VoiceGone()
        if work.errors:
            await self._jobs.checked(job.id, sum(work.errors) / len(work.errors))
        await report(Progress("encoding"))
        encoded = await audio.encode_voices(
            speech,
            max_seconds=self.craft.max_voice_seconds,
            limit_s=self.craft.longest_s,
            disclosure=self._disclosure(job, used),
            speed=job.sampling.rate,  # the take was checked as made; the message is this fast
        )
        if job.description is not None:  # a designed voice: the take may become a voice
            await self._library.save_take(job.id, speech)
            if not await self._jobs.exists(job.id):  # forgotten (/forgetme) meanwhile
                await self._library.drop_take(job.id)
                raise TakeGone()
        if used:
            await self._library.count_uses(voice.id for voice in used)
        return encoded

    def _disclosure(self, job: Job, used: list[Voice]) -> str:
        """What made a voice message, for its tags: the model, and the voice(s) it speaks in."""
        model = "an offline stand-in" if self.engine.name == "offline" else "Higgs Audio v2"
        if job.kind == "dialogue":
            voices = ", ".join(voice.name for voice in used) or "described voices"
        elif used:
            voices = used[0].name
        else:
            voices = f"designed ({(job.description or '')[:60]})"
        return f"made by voicebot with {model}; voice: {voices}"

    async def _speak(
        self,
        voice: Voice | None,
        description: str | None,
        text: str,
        sampling: Sampling,
        work: _Work,
    ) -> bytes:
        """Generate `text` (in sentence-sized parts when long) as one audio file, in a stored
        voice or (with no voice) one described in words."""
        spelled = spell_out(text, hint=work.locale, language=work.language)
        parts = chunks(spelled, self.craft.chunk_chars)
        work = replace(work, pace=Pace.of(voice))  # how long its takes should be

        async def attempt(voice: Voice | None, work: _Work) -> list[bytes]:
            references = (await self._references.of(voice),) if voice else ()
            base = SpeechRequest(
                text="", sampling=sampling, description=description, references=references
            )
            return await self._speak_parts(base, parts, work)

        try:
            pieces = await attempt(voice, work)
        except ReferenceUnreachable:
            assert voice is not None
            log.info("voice %s: the service could not fetch its reference; re-hosting", voice.id)
            pieces = await attempt(await self._references.rehosted(voice), work.again())
        if len(pieces) == 1:
            return pieces[0]
        return await audio.join_speech(pieces, limit_s=self.craft.longest_s)

    async def _dialogue(self, casting: Casting, sampling: Sampling, work: _Work) -> bytes:
        """Two speakers of one kind in one task, in the model's own multi-speaker format
        (reference i, or description i, is SPEAKERi); anything else turn by turn, joined."""
        turns, voices = casting.turns, casting.voices
        people = cast(turns)
        native = (
            self.engine.multi_speaker
            and len(people) == 2
            and people[0].described == people[1].described
            and sum(len(t.text) for t in turns) <= 2 * self.craft.chunk_chars
        )
        if native:
            index = {speaker_of(p): i for i, p in enumerate(people)}
            lines = "\n".join(
                f"[SPEAKER{index[speaker_of(t)]}] {spell_out(t.text, hint=work.locale)}"
                for t in turns
            )
            if people[0].described:
                base = SpeechRequest(
                    text="",
                    sampling=sampling,
                    description="\n".join(
                        f"SPEAKER{i}: {p.speaker}" for i, p in enumerate(people)
                    ),
                )
                return (await self._speak_parts(base, [lines], work))[0]
            cloned = [voices[speaker_of(p)] for p in people]
            work = replace(work, pace=Pace(sum(Pace.of(v).factor for v in cloned) / 2))
            for attempt in range(2):
                references = tuple([await self._references.of(voice) for voice in cloned])
                base = SpeechRequest(text="", references=references, sampling=sampling)
                try:
                    return (
                        await self._speak_parts(base, [lines], work.again() if attempt else work)
                    )[0]
                except ReferenceUnreachable:
                    if attempt:
                        raise
                    log.info("dialogue: a reference could not be fetched; re-hosting both")
                    cloned = [await self._references.rehosted(v) for v in cloned]
        return await self._turn_by_turn(turns, voices, sampling, work)

    async def _turn_by_turn(
        self,
        turns: list[Turn],
        voices: dict[tuple[str, bool], Voice],
        sampling: Sampling,
        work: _Work,
    ) -> bytes:
        done = 0
        await work.report(Progress("generating", parts=len(turns)))

        async def one(index: int, turn: Turn) -> bytes:
            nonlocal done
            quiet = replace(
                work,
                report=no_progress,  # progress counts turns, not their parts
                prefix=f"{work.prefix}t{index}.",
            )
            speech = await self._speak(
                voices.get(speaker_of(turn)),
                turn.speaker if turn.described else None,
                turn.text,
                sampling,
                quiet,
            )
            done += 1
            await work.report(Progress("generating", done=done, parts=len(turns)))
            return speech

        speeches = await _all([one(i, turn) for i, turn in enumerate(turns)])
        return await audio.join_speech(speeches, limit_s=self.craft.longest_s)

    async def _speak_parts(
        self, base: SpeechRequest, parts: list[str], work: _Work
    ) -> list[bytes]:
        """Each part in order, a few of the job's at a time; the first failure stops the rest."""
        done = 0

        async def submitted(task_id: str) -> None:
            await work.report(Progress("generating", done=done, parts=len(parts)))

        async def one(index: int, words: str) -> bytes:
            nonlocal done
            request, step = replace(base, text=words), f"{work.prefix}{index}"
            async with work.running:
                result = await self._generate(request, step, work, submitted)
                result = await self._checked(request, result, step, work, submitted)
            done += 1
            if len(parts) > 1:
                await work.report(Progress("generating", done=done, parts=len(parts)))
            return result

        if not self.engine.hosts_references:  # no task ids to wait for
            await work.report(Progress("generating", parts=len(parts)))
        return await _all([one(i, words) for i, words in enumerate(parts)])

    async def _generate(
        self, request: SpeechRequest, step: str, work: _Work, on_task: OnTask
    ) -> bytes:
        """One step of a job: its task, recorded before it is waited for; or the task an
        earlier run started for this step, waited for again (never paid for twice)."""

        async def started(task_id: str) -> None:
            await self._jobs.started(work.job_id, step, task_id)
            await on_task(task_id)

        known = work.steps.pop(step, None)
        if known is not None:
            log.info("job %s: waiting again for task %s (step %s)", work.job_id, known, step)
            await on_task(known)
        try:
            return await self.engine.speak(request, on_task=started, task_id=known)
        except UpstreamError:
            await self._jobs.ended(work.job_id, step)
            raise

    async def _checked(
        self, request: SpeechRequest, result: bytes, step: str, work: _Work, on_task: OnTask
    ) -> bytes:
        """The self-check. A take whose length fits its text is kept unheard; a take in doubt
        (too short: the model stopped early; too long: it babbled on; or a text too short for
        its length to say much) is heard, and when what was heard is far from the text, one
        more take is made (and heard) and the closer one kept.

        Why length first: hearing a take is a round trip to the transcriber (about a second,
        and billed) that every voice message used to wait for, while the take's length is
        read in a few milliseconds; a truncated or runaway take shows in it, so those are
        still caught before anything is sent. What the length cannot show is wrong words at
        about the right length (a swapped word, a mumble, another language): in a text long
        enough to judge by its length (`core.pace.SHORTEST_JUDGED_S`), such a take is sent
        unchecked. Hearing it after sending would come too late to keep it from the chat."""
        if not self.craft.self_check or self._references.transcriber is None:
            return result
        try:
            judged = work.pace.judge(request.text, await audio.speech_seconds(result))
        except UpstreamError:  # not audio at all: encoding it says so
            return result
        if judged.plausible:
            return result
        log.info(
            "self-check: a take of %.1f s where %.1f s was expected (%s): hearing it",
            judged.seconds,
            judged.expected_s,
            judged.verdict,
        )
        language = work.language or language_of(request.text, hint=work.locale)
        error = await self._error_of(request.text, result, language)
        if error is not None and error > self.craft.self_check_max_error:
            log.info("self-check: error rate %.2f, making another take", error)
            try:
                second = await self._generate(request, f"{step}c", work, on_task)
            except UpstreamError as exc:  # the first take stands
                log.warning("self-check: the second take failed: %r", exc)
            else:
                second_error = await self._error_of(request.text, second, language)
                if second_error is not None and second_error < error:
                    result, error = second, second_error
        if error is not None:
            work.errors.append(error)
        return result

    async def _error_of(self, text: str, speech: bytes, language: str) -> float | None:
        """The error rate of a take, heard as the text's `language` ("": not known), or None
        when it could not be heard (the check is a bonus: it never fails a voice)."""
        transcriber = self._references.transcriber
        assert transcriber is not None
        try:
            wav = await audio.speech_wav(speech, limit_s=self.craft.longest_s)
            heard = await transcriber.transcribe(wav, language=language or None)
        except UpstreamError as exc:
            log.warning("self-check skipped: %r", exc)
            return None
        return error_rate(text, spell_out(heard))  # transcripts write digits; the text words


@dataclass(frozen=True, slots=True)
class _Work:
    """What the parts of one job share: its id, its progress, its concurrency, its checks."""

    job_id: str
    report: ProgressCallback
    running: asyncio.Semaphore  # the job's upstream tasks at once, however they are split
    errors: list[float] = field(default_factory=list)  # the self-check's measured rates
    steps: dict[str, str] = field(default_factory=dict)  # tasks an earlier run started, by step
    prefix: str = ""  # of this part of the job's step names (a dialogue turn, a second try)
    pace: Pace = field(default_factory=Pace)  # of the voice speaking this part of the job
    locale: str = ""  # the user's: settles the language of a sentence too short to tell by
    language: str = ""  # the text's own, when it is known (a translation): read in it throughout

    def again(self) -> _Work:
        """The same work, tried again (after re-hosting a reference): new steps."""
        return replace(self, prefix=f"{self.prefix}r")


async def _all(work: list[Coroutine[Any, Any, bytes]]) -> list[bytes]:
    """Run them all at once, results in order; the first failure cancels the rest."""
    tasks = [asyncio.create_task(coroutine) for coroutine in work]
    try:
        return await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
