"""The speech service: the one entry point every adapter calls."""

from __future__ import annotations

import asyncio
import functools
import logging
import math
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from core import audio
from core.dialogue import Turn, cast, parse_script, speaker_of
from core.domain import (
    Forgotten,
    Person,
    Progress,
    ProgressCallback,
    Reference,
    Sampling,
    SpaceRules,
    Voice,
    VoiceClip,
    Where,
    clean_voice_name,
)
from core.engines import Engine, SpeechRequest
from core.errors import (
    AdminsOnly,
    AlreadyRequested,
    BadQuota,
    CloningRestricted,
    EmptyText,
    GroupsOnly,
    NoDescription,
    NoSpeech,
    NotTheSpeaker,
    NotYourVoice,
    NoVoiceGiven,
    QueueFull,
    QuotaExceeded,
    ReferenceUnreachable,
    RequestClosed,
    RoleNeeded,
    ScriptLineError,
    SpeakerUnknown,
    TakeGone,
    TextTooLong,
    TranscriptNeeded,
    UnknownSetting,
    UpstreamError,
    VoicebotError,
    VoiceGone,
    VoiceNameTaken,
    VoiceNotFound,
    error_from,
    stored,
)
from core.jobs import Handovers, JobLog, JobQueue, NotHeld, Target, where_of_job
from core.library import VoiceLibrary
from core.limits import RateLimit
from core.text import chunks, error_rate, spell_out
from core.upstream.higgs import OnTask
from core.upstream.hosting import ReferenceHost
from core.upstream.transcribe import Transcriber

log = logging.getLogger(__name__)

# How an adapter posts a resumed job's result (a clip, or the error that ended it) to the
# place its `Target` names.
Deliver = Callable[[Target, Where, "VoiceClip | VoicebotError"], Awaitable[None]]

Change = Literal["again", "steadier", "livelier"]  # what another take changes
# Who runs the jobs: this process ("here", the default); workers, while this process (a chat
# gateway) queues them and posts their results ("gateway"); or this process, for gateways
# ("worker").
Role = Literal["here", "gateway", "worker"]
MAX_DESCRIPTION = 500  # characters of a designed voice's description
TEMPERATURE_STEP = 0.3  # how far "steadier" / "livelier" move the temperature


@dataclass(frozen=True, slots=True)
class Limits:
    max_upload_bytes: int = 20 * 1024 * 1024
    max_text_chars: int = 2000
    chunk_chars: int = 300  # longer text is spoken in sentence-sized parts of at most this
    chunk_concurrency: int = 3  # parts of one request generated at once
    self_check: bool = False  # transcribe each output; regenerate once when it is far off
    self_check_max_error: float = 0.35
    max_voice_seconds: float = 1800.0  # longer output becomes several voice messages
    per_user_per_minute: int = 0  # requests one user may start in a minute (0: no limit)
    per_chat_per_minute: int = 0
    daily_chars: int = 0  # characters one user may have spoken per chat and day (0: no limit)
    consent_timeout_s: float = 24 * 3600  # an unanswered consent request is dropped after this
    worker_jobs: int = 4  # jobs one worker process runs at once
    max_waiting: int = 200  # jobs handed to workers and not yet taken, before refusing more


class SpeechService:
    """Registers voices from clips and speaks text in them, one persisted job per request."""

    def __init__(
        self,
        *,
        library: VoiceLibrary,
        jobs: JobLog,
        queue: JobQueue,
        engine: Engine,
        host: ReferenceHost | None,
        transcriber: Transcriber | None,
        limits: Limits,
        role: Role = "here",
    ) -> None:
        self.library = library
        self.jobs = jobs
        self.role = role
        self._worker: str | None = None  # this worker's name, while it works
        self._handovers = Handovers(jobs)
        self._queue = queue
        self.engine = engine
        self._host = host
        self._transcriber = transcriber
        self.limits = limits
        self._background: set[asyncio.Task[None]] = set()
        self._user_rate = RateLimit(limits.per_user_per_minute)
        self._chat_rate = RateLimit(limits.per_chat_per_minute)

    async def register_voice(
        self, where: Where, name: str, clip: bytes, *, transcript: str | None = None,
        speaker: Person | None = None, source: str = "",
    ) -> Voice:
        """Store `clip` as the voice `name` here: cleaned, transcribed and hosted if possible.

        `speaker` is whose speech the clip is (default: the requester's own). Someone else's
        voice is stored *pending*: it cannot speak until they approve (`approve`).
        """
        speaker = where.person if speaker is None else speaker
        if not speaker.id:
            raise SpeakerUnknown()
        name = clean_voice_name(name)
        await self.require_may_clone(where)
        await self._require_free(where, name)
        reference = await audio.prepare_reference(clip, max_bytes=self.limits.max_upload_bytes)
        words = (transcript or "").strip()
        if not words and self._transcriber is not None:
            try:
                words = await self._transcribe(reference.wav)
            except UpstreamError as exc:  # saved anyway; transcribed again before first use
                log.warning("transcription failed, voice saved without transcript: %r", exc)
        voice = await self.library.add(
            where, name, wav=reference.wav, seconds=reference.seconds, transcript=words,
            speaker=speaker, pending=speaker.id != where.user_id, source=source,
        )
        if self._host is not None and voice.transcript:
            try:
                voice = await self._hosted(voice)
            except UpstreamError as exc:  # hosted again before first use
                log.warning("reference upload failed for voice %s: %r", voice.id, exc)
        return voice

    async def say(
        self,
        where: Where,
        voice: Voice | str,
        text: str,
        *,
        sampling: Sampling | None = None,
        on_progress: ProgressCallback | None = None,
        target: Target | None = None,
    ) -> VoiceClip:
        """Speak `text` in a stored voice; reports queued → preparing → generating → encoding.
        With a `target` (where the adapter will post it), the job survives a restart."""
        text = self._checked_text(text)
        found = await self.voice(where, voice)
        settings = (sampling or Sampling()).over(found.sampling)
        return await self._job(where, text, settings, on_progress, voice=found, target=target)

    async def design(
        self,
        where: Where,
        description: str,
        text: str,
        *,
        sampling: Sampling | None = None,
        on_progress: ProgressCallback | None = None,
        target: Target | None = None,
    ) -> VoiceClip:
        """Speak `text` in a voice described in words; `keep` can store the result as a voice."""
        text, description = self._checked_text(text), description.strip()
        if not any(ch.isalnum() for ch in description):
            raise NoDescription()
        if len(description) > MAX_DESCRIPTION:
            raise TextTooLong(length=len(description), limit=MAX_DESCRIPTION)
        return await self._job(where, text, sampling or Sampling(), on_progress,
                               description=description, target=target)

    async def retake(
        self,
        where: Where,
        job_id: str,
        change: Change = "again",
        *,
        on_progress: ProgressCallback | None = None,
        target: Target | None = None,
    ) -> VoiceClip:
        """Another take of an earlier request; steadier/livelier lower/raise the temperature."""
        job = await self.jobs.get(where, job_id)
        sampling = Sampling(**job["params"])
        if change != "again":
            step = -TEMPERATURE_STEP if change == "steadier" else TEMPERATURE_STEP
            temperature = (1.0 if sampling.temperature is None else sampling.temperature) + step
            sampling = replace(sampling, temperature=round(min(1.5, max(0.1, temperature)), 2))
        return await self._again(where, job, sampling, on_progress, target=target)

    async def _again(
        self, where: Where, job: dict[str, Any], sampling: Sampling,
        on_progress: ProgressCallback | None, *, target: Target | None = None,
        resumed: str | None = None,
    ) -> VoiceClip:
        """Run a stored job's request again: as a new job, or (`resumed`) as the same one."""
        if job["kind"] == "dialogue":
            turns, voices = await self._casting(where, job["text"])
            return await self._job(where, job["text"], sampling, on_progress,
                                   dialogue=(turns, voices), target=target, resumed=resumed)
        if job["voice_id"] is None:
            if job["description"] is None:  # its voice was deleted (forgotten) since
                raise VoiceGone()
            return await self._job(where, job["text"], sampling, on_progress,
                                   description=job["description"], target=target,
                                   resumed=resumed)
        voice = await self.voice_by_id(where, job["voice_id"])
        return await self._job(where, job["text"], sampling, on_progress, voice=voice,
                               target=target, resumed=resumed)

    async def dialogue(
        self,
        where: Where,
        script: str,
        *,
        sampling: Sampling | None = None,
        on_progress: ProgressCallback | None = None,
        target: Target | None = None,
    ) -> VoiceClip:
        """A conversation, one turn per line (`name: text` or `"description": text`), spoken
        as one voice message. Errors name the line that is wrong."""
        script = self._checked_text(script)
        turns, voices = await self._casting(where, script)
        return await self._job(where, script, sampling or Sampling(), on_progress,
                               dialogue=(turns, voices), target=target)

    async def _casting(
        self, where: Where, script: str
    ) -> tuple[list[Turn], dict[tuple[str, bool], Voice]]:
        """A script's turns, and the stored voice of each speaker who is not described."""
        turns = parse_script(script)
        for turn in turns:
            if not any(ch.isalnum() for ch in turn.text):
                raise ScriptLineError(line=turn.line, inner=EmptyText())
        voices = {}
        for turn in cast(turns):
            if not turn.described:
                try:
                    voices[speaker_of(turn)] = await self.voice(where, turn.speaker)
                except VoiceNotFound as exc:
                    raise ScriptLineError(line=turn.line, inner=exc) from exc
        return turns, voices

    async def keep(self, where: Where, job_id: str, name: str) -> Voice:
        """Store a designed voice's output as a voice of its own. Its transcript is the text as
        spoken (numbers in words), unless the take is too long to keep whole: then the kept
        part is transcribed."""
        job = await self.jobs.get(where, job_id)
        if job["description"] is None or job["state"] != "done":
            raise TakeGone()
        whole = (job["seconds"] or 0) <= audio.MAX_REF_S
        voice = await self.register_voice(
            where, name, await self.library.take(job_id),
            transcript=spell_out(job["text"]) if whole else None,
        )
        await self.library.drop_take(job_id)
        return voice

    async def tune_voice(self, where: Where, voice: Voice | str, sampling: Sampling) -> Voice:
        """Set a voice's own sampling defaults (its owner, or an admin)."""
        return await self.library.set_sampling(await self.managed_voice(where, voice), sampling)

    # --- delivery, and resuming after a restart --------------------------------------------

    @asynccontextmanager
    async def delivering(self, job_id: str) -> AsyncIterator[None]:
        """Wrap the posting of a job's result. Once sending has begun the job is never sent
        again by a resume (it may have arrived): delivery is at most once."""
        if not await self.jobs.sending(job_id):  # a resume and a live handler, both at it
            raise AlreadyRequested()
        try:
            yield
        except Exception:
            await self.jobs.delivery_failed(job_id)
            raise
        await self.jobs.sent(job_id)

    async def note_target(self, job_id: str, **more: Any) -> None:
        """Add to where a job's result goes (a status message the adapter posted for it, to
        be cleared when a resumed job is delivered)."""
        await self.jobs.amend_target(job_id, more)

    async def resume(self, platform: str, deliver: Deliver) -> int:
        """Finish, in the background, this platform's jobs an earlier run left undelivered,
        and hand each result (or the error that ended it) to `deliver`. Tasks already started
        upstream are waited for, not made again. Returns how many jobs resume."""
        found = await self.jobs.unfinished(platform)
        for job in found:
            task = asyncio.create_task(self._resume(job, deliver), name=f"resume-{job['id']}")
            self._background.add(task)
            task.add_done_callback(self._background.discard)
        if found:
            log.info("%s: resuming %d unfinished job(s)", platform, len(found))
        return len(found)

    async def _resume(self, job: dict[str, Any], deliver: Deliver) -> None:
        where = where_of_job(job)
        outcome: VoiceClip | VoicebotError
        try:
            outcome = await self._again(where, job, Sampling(**job["params"]), None,
                                        resumed=job["id"])
        except AlreadyRequested:  # another gateway of this platform posted it
            return
        except VoicebotError as exc:
            await self.jobs.failed(job["id"], exc.key, stored(exc))
            outcome = exc
        except Exception:
            log.exception("job %s could not be resumed", job["id"])
            await self.jobs.failed(job["id"], "error_unexpected")
            outcome = VoicebotError()
        try:
            async with self.delivering(job["id"]):
                await deliver(job["target"], where, outcome)
        except Exception:
            log.exception("job %s: delivering its result failed", job["id"])

    async def aclose(self) -> None:
        """Stop the background work (resumed jobs stay resumable: their state is stored)."""
        for task in list(self._background):
            task.cancel()
        await asyncio.gather(*self._background, return_exceptions=True)
        await self._handovers.aclose()

    # --- consent ---------------------------------------------------------------------------

    async def approve(self, where: Where, voice_id: str) -> Voice:
        """The speaker agrees: the pending voice may speak from now on."""
        return await self.library.approve(await self._request(where, voice_id))

    async def decline(self, where: Where, voice_id: str) -> Voice:
        """The speaker says no: the pending voice and its clip are deleted."""
        voice = await self._request(where, voice_id)
        await self.library.delete(voice)
        return voice

    async def expire_requests(self, now: datetime | None = None) -> list[Voice]:
        """Delete the pending voices whose speaker did not answer in time (as of `now`)."""
        now = now or datetime.now(UTC)
        cutoff = now - timedelta(seconds=self.limits.consent_timeout_s)
        expired = await self.library.pending_since(cutoff)
        for voice in expired:
            await self.library.delete(voice)
        if expired:
            log.info("%d unanswered consent request(s) expired", len(expired))
        return expired

    async def my_voices(self, where: Where) -> list[Voice]:
        """Every voice made from this user's speech, anywhere on the platform, pending or not."""
        return await self.library.spoken_by(where.platform, where.user_id)

    async def revoke(self, where: Where, voice_id: str) -> Voice:
        """The speaker takes their voice back: deleted everywhere, with its clip."""
        voice = await self._asked_about(voice_id)
        if voice.platform != where.platform or voice.speaker is None \
                or voice.speaker.id != where.user_id:
            raise NotTheSpeaker(name=voice.speaker.name if voice.speaker else "")
        await self.library.delete(voice)
        return voice

    async def forget_me(self, where: Where) -> Forgotten:
        """Delete every voice this user made or speaks in, their clips, the user's requests
        (and designed takes) and settings, on this platform."""
        found = await self.library.made_by_or_from(where.platform, where.user_id)
        for voice in found:
            await self.library.delete(voice)
        job_ids = await self.jobs.forget(where.platform, where.user_id, [v.id for v in found])
        for job_id in job_ids:
            await self.library.drop_take(job_id)
        settings = await self.library.forget_space(where.personal_scope)
        log.info("forgot a user: %d voices, %d jobs", len(found), len(job_ids))
        return Forgotten(voices=len(found), clips=len(found), jobs=len(job_ids),
                         settings=settings, hosted=sum(1 for v in found if v.hosted_url))

    async def _request(self, where: Where, voice_id: str) -> Voice:
        """A consent request this user may answer: still open, and about their voice."""
        voice = await self._asked_about(voice_id)
        if not voice.pending or voice.platform != where.platform:
            raise RequestClosed()
        assert voice.speaker is not None
        if voice.speaker.id != where.user_id:
            raise NotTheSpeaker(name=voice.speaker.name)
        age = (datetime.now(UTC) - voice.created_at).total_seconds()
        if age >= self.limits.consent_timeout_s:  # the sweep has not come round yet
            await self.library.delete(voice)
            raise RequestClosed()
        return voice

    async def _asked_about(self, voice_id: str) -> Voice:
        """The voice a button or request names; gone, the request is closed."""
        try:
            return await self.library.find(voice_id)
        except VoiceGone:
            raise RequestClosed() from None

    # --- sharing and the space's rules ------------------------------------------------------

    async def share_voice(self, where: Where, voice: Voice | str, shared: bool) -> Voice:
        """Let everyone here use the voice, or only its owner."""
        found = voice if isinstance(voice, Voice) else await self.library.get(
            where, voice, everything=True)
        if found.owner_id != where.user_id:
            raise NotYourVoice(name=found.name)
        return await self.library.set_shared(found, shared)

    async def rules(self, where: Where) -> SpaceRules:
        """This group's or server's rules, the bot's default quota filled in."""
        if where.private:
            raise GroupsOnly()
        return await self._rules(where)

    async def _rules(self, where: Where) -> SpaceRules:
        """The rules that apply here (a private chat has none of its own)."""
        rules = SpaceRules() if where.private else await self.library.rules(where)
        if rules.daily_chars is None:
            rules = replace(rules, daily_chars=self.limits.daily_chars)
        return rules

    async def set_rules(self, where: Where, **changes: Any) -> SpaceRules:
        """Change this group's or server's rules (its admins only): `who_clones`,
        `clone_role`, `members_use_others`, `daily_chars`."""
        if where.private:
            raise GroupsOnly()
        if not where.admin:
            raise AdminsOnly()
        rules = replace(await self.library.rules(where), **changes)
        if rules.who_clones not in ("everyone", "admins", "role"):
            raise UnknownSetting(name=str(rules.who_clones)[:20])
        if rules.who_clones == "role" and not rules.clone_role:
            raise RoleNeeded()
        if rules.daily_chars is not None and rules.daily_chars < 0:
            raise BadQuota()
        await self.library.set_rules(where, rules)
        return await self.rules(where)

    async def require_may_clone(self, where: Where) -> None:
        """Refuse now if this chat does not let this user register voices (before asking
        them for a name)."""
        if where.private or where.admin:
            return
        rules = await self.library.rules(where)
        if rules.who_clones == "everyone" or (
                rules.who_clones == "role" and rules.clone_role in where.roles):
            return
        raise CloningRestricted()

    async def _require_quota(self, where: Where, chars: int) -> None:
        """Refuse a request that would take the user past today's characters here."""
        limit = (await self._rules(where)).daily_chars
        if not limit:
            return
        now = datetime.now(UTC)
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        used = await self.jobs.chars_since(where, midnight)
        if used + chars > limit:
            hours = math.ceil((midnight + timedelta(days=1) - now).total_seconds() / 3600)
            raise QuotaExceeded(used=used, limit=limit, hours=hours)

    # --- the work -----------------------------------------------------------------------------

    async def _job(
        self,
        where: Where,
        text: str,
        sampling: Sampling,
        on_progress: ProgressCallback | None,
        *,
        voice: Voice | None = None,
        description: str | None = None,
        dialogue: tuple[list[Turn], dict[tuple[str, bool], Voice]] | None = None,
        target: Target | None = None,
        resumed: str | None = None,
    ) -> VoiceClip:
        """One persisted request: queued → generating → encoding → done (or failed).
        `resumed` names a job an earlier run left unfinished: its tasks are waited for."""
        steps: dict[str, str] = {}
        if resumed is not None:
            job_id, steps = resumed, await self.jobs.tasks(resumed)
        else:
            await self._require_quota(where, len(text))
            self._user_rate.take(f"{where.platform}:{where.user_id}")
            self._chat_rate.take(f"{where.platform}:{where.space_id}")
            job_id = await self.jobs.open(
                where, kind="dialogue" if dialogue else self.engine.name, text=text,
                params=sampling.as_params(), voice_id=voice.id if voice else None,
                description=description, target=target, handoff=self.role == "gateway",
            )
        report = _Reporter(on_progress, job_id)
        speakers = ", ".join(_short(t.speaker) for t in cast(dialogue[0])) if dialogue else ""
        named = _Named(voice.name if voice else speakers, description)
        if self.role == "gateway":
            return await self._handed_over(job_id, report, named, resumed is not None)
        try:
            async with self._queue.slot(f"{where.platform}:{where.user_id}",
                                        on_position=report.position):
                await report(Progress("preparing"))
                work = _Work(job_id, report, asyncio.Semaphore(self.limits.chunk_concurrency),
                             steps=steps)
                if dialogue is not None:
                    speech = await self._dialogue_speech(*dialogue, sampling, work)
                else:
                    speech = await self._speak(voice, description, text, sampling, work)
                if work.errors:
                    await self.jobs.checked(job_id, sum(work.errors) / len(work.errors))
                await report(Progress("encoding"))
                encoded = await audio.encode_voices(speech,
                                                    max_seconds=self.limits.max_voice_seconds)
                if description is not None:  # a designed voice: the take may become a voice
                    await self.library.save_take(job_id, speech)
        except VoicebotError as exc:
            await self.jobs.failed(job_id, exc.key, stored(exc), held_by=self._worker)
            raise
        except Exception:
            await self.jobs.failed(job_id, "error_unexpected", held_by=self._worker)
            raise
        parts = [(part.ogg, part.seconds, part.waveform) for part in encoded]
        await self.jobs.done(job_id, sum(part.seconds for part in encoded),
                             results=parts if self._worker else None, held_by=self._worker)
        used = [voice] if voice else list(dialogue[1].values()) if dialogue else []
        if used:
            await self.library.count_uses(v.id for v in used)
        return named.clip(job_id, parts)

    async def _handed_over(self, job_id: str, report: _Reporter, named: _Named,
                           resumed: bool) -> VoiceClip:
        """Leave the job to the workers and wait for its end, passing on their progress."""
        if resumed:
            await self.jobs.hand_over(job_id)  # opened by a run that did its own jobs
        ahead = await self.jobs.waiting_before(job_id)
        if not resumed and ahead >= self.limits.max_waiting:
            await self.jobs.failed(job_id, QueueFull.key)
            raise QueueFull()
        await report(Progress("queued", ahead + 1))

        async def progress(seen: dict[str, Any]) -> None:
            await report(Progress(**seen))

        row = await self._handovers.until_ended(job_id, progress)
        if row["state"] == "failed":
            raise error_from(row["error"] or "error_unexpected", row["error_params"])
        parts = await self.jobs.results(job_id)
        if not parts:  # another gateway of this platform posted it already
            raise AlreadyRequested()
        return named.clip(job_id, parts)

    async def work(self, worker: str, *, lease_s: float, every_s: float = 0.5) -> None:
        """Run handed-over jobs, `Limits.worker_jobs` at once, until cancelled; each held on
        a lease renewed while it runs. Cancelled, the jobs in hand stop where they are and are
        released to other workers, which resume them (tasks started upstream are waited for,
        never made again); a worker that crashes lets its leases lapse instead."""
        self._worker = worker
        running: dict[str, asyncio.Task[None]] = {}
        renewing = asyncio.create_task(self._renew(worker, lease_s, running))
        try:
            while True:
                free = self.limits.worker_jobs - len(running)
                claimed = await self.jobs.claim(worker, lease_s=lease_s, most=free) if free else []
                for job in claimed:
                    task = asyncio.create_task(self._work_on(job), name=f"job-{job['id']}")
                    running[job["id"]] = task
                    task.add_done_callback(functools.partial(_forget, running, job["id"]))
                if not claimed:
                    await asyncio.sleep(every_s)
        finally:
            for task in (renewing, *running.values()):
                task.cancel()
            await asyncio.gather(renewing, *running.values(), return_exceptions=True)
            await self.jobs.release(worker)

    async def _renew(self, worker: str, lease_s: float,
                     running: dict[str, asyncio.Task[None]]) -> None:
        """Keep the leases of the jobs in hand; stop one whose lease went to another worker
        (this one was too slow to renew it: the other's result will be the one recorded)."""
        while True:
            await asyncio.sleep(lease_s / 3)
            try:
                held = await self.jobs.renew(worker, list(running), lease_s=lease_s)
            except Exception:  # the database may be briefly unavailable: next round
                log.exception("renewing job leases failed")
                continue
            for job_id, task in list(running.items()):
                if job_id not in held:
                    log.warning("job %s: its lease went to another worker; stopping", job_id)
                    task.cancel()

    async def _work_on(self, job: dict[str, Any]) -> None:
        """Run one claimed job; its end (result or error) is written to its row."""
        worker = self._worker
        assert worker is not None

        async def progress(step: Progress) -> None:
            await self.jobs.note_progress(job["id"], step, held_by=worker)

        try:
            await self._again(where_of_job(job), job, Sampling(**job["params"]), progress,
                              resumed=job["id"])
        except NotHeld:
            log.warning("job %s: another worker finished it", job["id"])
        except VoicebotError as exc:  # (raised before the job ran: its voice is gone…)
            await self.jobs.failed(job["id"], exc.key, stored(exc), held_by=worker)
        except Exception:
            log.exception("job %s failed", job["id"])
            await self.jobs.failed(job["id"], "error_unexpected", held_by=worker)

    async def parse_say(
        self, where: Where, words: str, *, replied_text: str | None = None
    ) -> tuple[Voice, str]:
        """Read `say [VOICE] [TEXT]`: a known voice name first, else this chat's default voice.

        Text may instead come from the message the command replies to.
        """
        first, rest = ([*words.split(maxsplit=1), "", ""])[:2]  # any whitespace, line breaks too
        if first:
            try:
                return await self.library.get(where, first), rest.strip() or (replied_text or "")
            except VoiceNotFound:
                if await self.library.default(where) is None:
                    raise
        return await self.resolve_voice(where, None), words.strip() or (replied_text or "")

    async def resolve_voice(self, where: Where, name: str | None) -> Voice:
        """The named voice, or this chat's default when no name is given."""
        if name:
            return await self.library.get(where, name)
        default = await self.library.default(where)
        if default is None:
            raise NoVoiceGiven()
        return default

    async def voice(self, where: Where, voice: Voice | str) -> Voice:
        """A voice usable here, by name (or passed through when already found)."""
        return voice if isinstance(voice, Voice) else await self.library.get(where, voice)

    async def voice_by_id(self, where: Where, voice_id: str) -> Voice:
        """The voice a button or link names, if it still exists and is usable here."""
        return await self.library.get_by_id(where, voice_id)

    async def voices(self, where: Where) -> list[Voice]:
        return await self.library.list(where)

    async def default_voice(self, where: Where) -> Voice | None:
        return await self.library.default(where)

    async def rename_voice(self, where: Where, voice: Voice | str, new: str) -> Voice:
        return await self.library.rename(await self.managed_voice(where, voice), new)

    async def delete_voice(self, where: Where, voice: Voice | str) -> Voice:
        found = await self.managed_voice(where, voice)
        await self.library.delete(found)
        return found

    async def managed_voice(self, where: Where, voice: Voice | str) -> Voice:
        """A voice this user may rename or delete: their own, or any in a chat they admin."""
        found = voice if isinstance(voice, Voice) else await self.library.get(
            where, voice, everything=True)
        if found.owner_id != where.user_id and not (where.admin and not found.personal):
            raise NotYourVoice(name=found.name)
        return found

    async def set_default_voice(self, where: Where, voice: Voice | str) -> Voice:
        found = await self.voice(where, voice)
        await self.library.set_default(where, found)
        return found

    async def sample(self, where: Where, voice: Voice | str) -> VoiceClip:
        """The voice's own reference clip, as a voice message."""
        found = await self.voice(where, voice)
        encoded = await audio.encode_voice(await self.library.read_reference(found))
        return VoiceClip(ogg=encoded.ogg, seconds=encoded.seconds, waveform=encoded.waveform,
                         voice_name=found.name)

    def _checked_text(self, text: str) -> str:
        text = text.strip()
        if not any(ch.isalnum() for ch in text):
            raise EmptyText()
        if len(text) > self.limits.max_text_chars:
            raise TextTooLong(length=len(text), limit=self.limits.max_text_chars)
        return text

    async def _require_free(self, where: Where, name: str) -> None:
        try:
            existing = await self.library.get(where, name, everything=True)
        except VoiceNotFound:
            return
        if existing.scope == where.space_scope:
            raise VoiceNameTaken(name=existing.name)

    async def _speak(
        self, voice: Voice | None, description: str | None, text: str, sampling: Sampling,
        work: _Work,
    ) -> bytes:
        """Generate `text` (in sentence-sized parts when long) as one audio file, in a stored
        voice or (with no voice) one described in words."""
        parts = chunks(spell_out(text), self.limits.chunk_chars)

        async def attempt(voice: Voice | None, work: _Work) -> list[bytes]:
            base = SpeechRequest(text="", sampling=sampling, description=description,
                                 references=(await self._reference(voice),) if voice else ())
            return await self._speak_parts(base, parts, work)

        try:
            pieces = await attempt(voice, work)
        except ReferenceUnreachable:
            assert voice is not None
            log.info("voice %s: the service could not fetch its reference; re-hosting", voice.id)
            pieces = await attempt(await self.library.set_hosted_url(voice, None),
                                   work.again())
        return pieces[0] if len(pieces) == 1 else await audio.join_speech(pieces)

    async def _dialogue_speech(
        self, turns: list[Turn], voices: dict[tuple[str, bool], Voice], sampling: Sampling,
        work: _Work,
    ) -> bytes:
        """Two speakers of one kind in one task, in the model's own multi-speaker format
        (reference i, or description i, is SPEAKERi); anything else turn by turn, joined."""
        people = cast(turns)
        native = (self.engine.multi_speaker and len(people) == 2
                  and people[0].described == people[1].described
                  and sum(len(t.text) for t in turns) <= 2 * self.limits.chunk_chars)
        if native:
            index = {speaker_of(p): i for i, p in enumerate(people)}
            lines = "\n".join(f"[SPEAKER{index[speaker_of(t)]}] {spell_out(t.text)}"
                              for t in turns)
            if people[0].described:
                base = SpeechRequest(text="", sampling=sampling, description="\n".join(
                    f"SPEAKER{i}: {p.speaker}" for i, p in enumerate(people)))
                return (await self._speak_parts(base, [lines], work))[0]
            cloned = [voices[speaker_of(p)] for p in people]
            for attempt in range(2):
                references = tuple([await self._reference(voice) for voice in cloned])
                base = SpeechRequest(text="", references=references, sampling=sampling)
                try:
                    return (await self._speak_parts(base, [lines],
                                                    work.again() if attempt else work))[0]
                except ReferenceUnreachable:
                    if attempt:
                        raise
                    log.info("dialogue: a reference could not be fetched; re-hosting both")
                    cloned = [await self.library.set_hosted_url(v, None) for v in cloned]
        done = 0
        await work.report(Progress("generating", parts=len(turns)))

        async def one(index: int, turn: Turn) -> bytes:
            nonlocal done
            quiet = replace(work, report=_Reporter(None),  # progress counts turns, not parts
                            prefix=f"{work.prefix}t{index}.")
            speech = await self._speak(voices.get(speaker_of(turn)),
                                       turn.speaker if turn.described else None,
                                       turn.text, sampling, quiet)
            done += 1
            await work.report(Progress("generating", done=done, parts=len(turns)))
            return speech

        return await audio.join_speech(await _all([one(i, turn) for i, turn in enumerate(turns)]))

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
            await self.jobs.started(work.job_id, step, task_id)
            await on_task(task_id)

        known = work.steps.pop(step, None)
        if known is not None:
            log.info("job %s: waiting again for task %s (step %s)", work.job_id, known, step)
            await on_task(known)
        try:
            return await self.engine.speak(request, on_task=started, task_id=known)
        except UpstreamError:
            await self.jobs.ended(work.job_id, step)
            raise

    async def _checked(
        self, request: SpeechRequest, result: bytes, step: str, work: _Work, on_task: OnTask
    ) -> bytes:
        """The self-check: hear what was generated; when it is far from the text (the model
        can hallucinate or stop short), make one more take and keep the closer one."""
        if not self.limits.self_check or self._transcriber is None:
            return result
        error = await self._error_of(request.text, result)
        if error is not None and error > self.limits.self_check_max_error:
            log.info("self-check: error rate %.2f, making another take", error)
            try:
                second = await self._generate(request, f"{step}c", work, on_task)
            except UpstreamError as exc:  # the first take stands
                log.warning("self-check: the second take failed: %r", exc)
            else:
                second_error = await self._error_of(request.text, second)
                if second_error is not None and second_error < error:
                    result, error = second, second_error
        if error is not None:
            work.errors.append(error)
        return result

    async def _error_of(self, text: str, speech: bytes) -> float | None:
        """The error rate of a take, or None when it could not be heard (the check is a
        bonus: it never fails a voice)."""
        assert self._transcriber is not None
        try:
            heard = await self._transcriber.transcribe(await audio.speech_wav(speech))
        except UpstreamError as exc:
            log.warning("self-check skipped: %r", exc)
            return None
        return error_rate(text, spell_out(heard))  # transcripts write digits; the text words

    async def _reference(self, voice: Voice) -> Reference:
        """The voice's clip, or (for an engine that fetches it by URL) its hosted URL and
        transcript: a thousand waiting jobs must not each hold a copy of a clip."""
        if not self.engine.hosts_references:
            wav = await self.library.read_reference(voice)
            return Reference(wav=wav, transcript=voice.transcript, url=voice.hosted_url)
        voice = await self.library.find(voice.id)  # revoked or deleted while the job waited?
        if voice.pending:
            raise VoiceGone()
        if not voice.transcript:
            clip = await self.library.read_reference(voice)
            voice = await self.library.set_transcript(voice, await self._transcribe(clip))
        voice = await self._hosted(voice)
        return Reference(wav=b"", transcript=voice.transcript, url=voice.hosted_url)

    async def _transcribe(self, wav: bytes) -> str:
        """The words in a clip; none at all means nobody speaks in it (music, noise)."""
        if self._transcriber is None:
            raise TranscriptNeeded()
        words = await self._transcriber.transcribe(wav)
        if not words:
            raise NoSpeech()
        return words

    async def _hosted(self, voice: Voice) -> Voice:
        if voice.hosted_url or self._host is None:
            return voice
        url = await self._host.publish(
            await self.library.read_reference(voice), filename=f"{voice.id}.wav"
        )
        return await self.library.set_hosted_url(voice, url)


@dataclass(frozen=True, slots=True)
class _Named:
    """What a job's voice messages are labelled with."""

    voice_name: str  # the stored voice, or a dialogue's speakers; empty for a designed voice
    description: str | None

    def clip(self, job_id: str, parts: list[tuple[bytes, float, bytes]]) -> VoiceClip:
        """The job's voice messages (ogg, seconds, waveform), as one clip and its sequels."""
        clips = [VoiceClip(ogg=ogg, seconds=seconds, waveform=waveform,
                           voice_name=self.voice_name, job_id=job_id,
                           description=self.description) for ogg, seconds, waveform in parts]
        return replace(clips[0], continued=tuple(clips[1:]))


@dataclass(frozen=True, slots=True)
class _Work:
    """What the parts of one job share: its id, its progress, its concurrency, its checks."""

    job_id: str
    report: _Reporter
    running: asyncio.Semaphore  # the job's upstream tasks at once, however they are split
    errors: list[float] = field(default_factory=list)  # the self-check's measured rates
    steps: dict[str, str] = field(default_factory=dict)  # tasks an earlier run started, by step
    prefix: str = ""  # of this part of the job's step names (a dialogue turn, a second try)

    def again(self) -> _Work:
        """The same work, tried again (after re-hosting a reference): new steps."""
        return replace(self, prefix=f"{self.prefix}r")


def _forget(running: dict[str, asyncio.Task[None]], job_id: str, _: object) -> None:
    running.pop(job_id, None)


def _short(words: str, limit: int = 30) -> str:
    return words if len(words) <= limit else words[: limit - 1] + "…"


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


class _Reporter:
    """Passes progress to the adapter; a failing callback (a chat edit) never stops the job."""

    def __init__(self, callback: ProgressCallback | None, job_id: str = "") -> None:
        self._callback = callback
        self._job_id = job_id

    async def __call__(self, progress: Progress) -> None:
        if self._callback is None:
            return
        try:
            await self._callback(replace(progress, job_id=self._job_id))
        except Exception:
            log.exception("progress callback failed")

    async def position(self, position: int) -> None:
        await self(Progress("queued", position))
