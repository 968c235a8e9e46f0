"""Voices: register a clip as a named voice, keep a designed one, and find, tune, rename,
share, sample and delete them, within the rules of the chat."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from core import audio, reference_audio
from core.dialogue import Turn, cast, parse_script, speaker_of
from core.domain import (
    VERIFIED,
    Person,
    Sampling,
    Voice,
    VoiceClip,
    Where,
    clean_voice_name,
    skeleton,
)
from core.errors import (
    EmptyText,
    NotYourTake,
    NotYourVoice,
    NoVoiceGiven,
    ScriptLineError,
    SpeakerUnknown,
    StatementNeeded,
    TakeGone,
    UploadNotShareable,
    UpstreamError,
    VoiceNameTaken,
    VoiceNotFound,
    VoiceSuspended,
)
from core.jobs.log import JobLog
from core.library import VoiceLibrary
from core.references import References
from core.reports import Suspensions
from core.rules import Rules
from core.text import clean_text, spell_out

log = logging.getLogger(__name__)

STATEMENTS = ("own", "permission")  # whose an uploaded file is: the uploader's, or permitted


@dataclass(frozen=True, slots=True)
class Casting:
    """A dialogue script's turns, and the stored voice of each speaker not described."""

    turns: list[Turn]
    voices: dict[tuple[str, bool], Voice]


class Voices:
    """The voices a user may use, make and manage here."""

    def __init__(
        self,
        *,
        library: VoiceLibrary,
        jobs: JobLog,
        references: References,
        rules: Rules,
        suspensions: Suspensions,
        max_upload_bytes: int,
    ) -> None:
        self._library = library
        self._jobs = jobs
        self._references = references
        self._rules = rules
        self._suspensions = suspensions
        self.max_upload_bytes = max_upload_bytes

    async def register(
        self,
        where: Where,
        name: str,
        clip: bytes,
        *,
        transcript: str | None = None,
        speaker: Person | None = None,
        source: str = "",
        uploaded: bool = False,
        statement: str | None = None,
    ) -> Voice:
        """Store `clip` as the voice `name` here: cleaned, transcribed and hosted if possible.

        `speaker` is whose speech the clip is (default: the requester's own). Someone else's
        voice is stored *pending*: it cannot speak until they approve (`Consent.ask` puts the
        request to them). An `uploaded` file may be anyone's: its uploader says whose
        (`statement`, "own" or "permission"). In a group it waits for an admin of the chat;
        in a private chat it is its uploader's alone, and cannot be shared.
        """
        if uploaded:
            said = require_statement(statement)
            whose: Person | None = None
            pending = not where.private
        else:
            said, whose = "", where.person if speaker is None else speaker
            if not whose.id:
                raise SpeakerUnknown()
            pending = whose.id != where.user_id
        name = clean_voice_name(name)
        await self._rules.admit_clone(where)
        await self._require_free(where, name)
        reference = await reference_audio.prepare_reference(clip, max_bytes=self.max_upload_bytes)
        words = clean_text(transcript or "").strip()
        # nothing of someone else's voice leaves the bot before they agree: transcribed and
        # uploaded before its first use once they approve (`References.of`)
        if not words and not pending and self._references.transcriber is not None:
            try:
                words = await self._references.transcribe(reference.wav)
            except UpstreamError as exc:  # saved anyway; transcribed again before first use
                log.warning("transcription failed, voice saved without transcript: %r", exc)
        voice = await self._library.add(
            where,
            name,
            wav=reference.wav,
            seconds=reference.seconds,
            transcript=words,
            speaker=whose,
            pending=pending,
            source=source,
            statement=said,
            shared=not (uploaded and where.private),
        )
        if voice.transcript and not pending:
            try:
                voice = await self._references.hosted(voice)
            except UpstreamError as exc:  # hosted again before first use
                log.warning("reference upload failed for voice %s: %r", voice.id, exc)
        return voice

    async def reading_name(self, where: Where, name: str) -> tuple[str, Voice | None]:
        """The name a proven reading (`core.proof`) may take here, and the voice it is to
        replace: the name is free, or held by this user's own upload, said to be their own
        voice, that no admin approved (`Voice.provable`). Refused, like any registration,
        where this chat does not let the user register voices."""
        name = clean_voice_name(name)
        await self._rules.require_may_clone(where)
        existing = await self._holder(where, name)
        if existing is None:
            return name, None
        if existing.owner_id == where.user_id and existing.provable:
            return name, existing
        raise VoiceNameTaken(name=existing.name)

    async def register_reading(
        self,
        where: Where,
        name: str,
        reading: reference_audio.ReferenceAudio,
        *,
        words: str,
        source: str = "",
    ) -> tuple[Voice, Voice | None]:
        """Store a reading the user proved live (`core.proof`: a fresh phrase, `words`, read
        aloud in time) as their own voice `name` here: ready at once and shareable, statement
        VERIFIED, within the usual limits of registering. Their own upload of that name is
        deleted: the reading, not the file, is the voice. Returns it, and the upload replaced."""
        name, replaced = await self.reading_name(where, name)
        await self._rules.admit_clone(where)
        if replaced is not None:
            await self._library.delete(replaced)
        voice = await self._library.add(
            where,
            name,
            wav=reading.wav,
            seconds=reading.seconds,
            transcript=words,
            speaker=where.person,
            source=source,
            statement=VERIFIED,
        )
        try:
            voice = await self._references.hosted(voice)
        except UpstreamError as exc:  # hosted again before first use
            log.warning("reference upload failed for voice %s: %r", voice.id, exc)
        return voice, replaced

    async def keep(self, where: Where, job_id: str, name: str) -> Voice:
        """Store a designed voice's output as a voice of its own. Its transcript is the text as
        spoken (numbers in words), unless the take is too long to keep whole: then the kept
        part is transcribed."""
        job = await self._jobs.get(where, job_id)
        if job.description is None or job.state != "done":
            raise TakeGone()
        if job.where.user_id != where.user_id:
            raise NotYourTake()
        # the take is kept as made: its voice message was `speed` times as fast
        whole = (job.seconds or 0) * job.sampling.rate <= reference_audio.MAX_REF_S
        voice = await self.register(
            where,
            name,
            await self._library.take(job_id),
            transcript=spell_out(job.text, hint=job.where.locale) if whole else None,
        )
        await self._library.drop_take(job_id)
        return voice

    # --- finding voices ----------------------------------------------------------------------

    async def get(self, where: Where, voice: Voice | str) -> Voice:
        """A voice usable here, by name (or passed through when already found)."""
        return voice if isinstance(voice, Voice) else await self._library.get(where, voice)

    async def by_id(self, where: Where, voice_id: str) -> Voice:
        """The voice a button or link names, if it still exists and is usable here."""
        return await self._library.get_by_id(where, voice_id)

    async def unsuspended(self, where: Where, voice: Voice) -> Voice:
        """The voice, if it may speak here: `VoiceSuspended` while it is reported here."""
        return await self._suspensions.require_unsuspended(where, voice)

    async def usable(self, where: Where) -> list[Voice]:
        return await self._library.list(where)

    async def default(self, where: Where) -> Voice | None:
        return await self._library.default(where)

    async def resolve(self, where: Where, name: str | None) -> Voice:
        """The named voice, or this chat's default when no name is given."""
        if name:
            return await self._library.get(where, name)
        default = await self._library.default(where)
        if default is None:
            raise NoVoiceGiven()
        return default

    async def parse_say(
        self, where: Where, words: str, *, replied_text: str | None = None
    ) -> tuple[Voice, str]:
        """Read `say [VOICE] [TEXT]`: a known voice name first, else this chat's default voice.

        Text may instead come from the message the command replies to.
        """
        first, rest = ([*words.split(maxsplit=1), "", ""])[:2]  # any whitespace, line breaks too
        if first:
            try:
                return await self._library.get(where, first), rest.strip() or (replied_text or "")
            except VoiceNotFound:
                if await self._library.default(where) is None:
                    raise
        return await self.resolve(where, None), words.strip() or (replied_text or "")

    async def cast(self, where: Where, script: str) -> Casting:
        """A script's turns, and the stored voice of each speaker who is not described;
        an error names the line that is wrong."""
        turns = parse_script(script)
        for turn in turns:
            if not any(ch.isalnum() for ch in turn.text):
                raise ScriptLineError(line=turn.line, inner=EmptyText())
        voices = {}
        for turn in cast(turns):
            if not turn.described:
                try:
                    found = await self.unsuspended(where, await self.get(where, turn.speaker))
                except (VoiceNotFound, VoiceSuspended) as exc:
                    raise ScriptLineError(line=turn.line, inner=exc) from exc
                voices[speaker_of(turn)] = found
        return Casting(turns, voices)

    # --- managing them -----------------------------------------------------------------------

    async def managed(self, where: Where, voice: Voice | str) -> Voice:
        """A voice this user may rename or delete: their own, or any in a chat they admin."""
        found = (
            voice
            if isinstance(voice, Voice)
            else await self._library.get(where, voice, everything=True)
        )
        if found.owner_id != where.user_id and not (where.admin and not found.personal):
            raise NotYourVoice(name=found.name)
        return found

    async def tune(self, where: Where, voice: Voice | str, sampling: Sampling) -> Voice:
        """Set a voice's own sampling defaults (its owner, or an admin)."""
        return await self._library.set_sampling(await self.managed(where, voice), sampling)

    async def rename(self, where: Where, voice: Voice | str, new: str) -> Voice:
        return await self._library.rename(await self.managed(where, voice), new)

    async def delete(self, where: Where, voice: Voice | str) -> Voice:
        found = await self.managed(where, voice)
        await self._library.delete(found)
        return found

    async def set_default(self, where: Where, voice: Voice | str) -> Voice:
        found = await self.get(where, voice)
        await self._library.set_default(where, found)
        return found

    async def share(self, where: Where, voice: Voice | str, shared: bool) -> Voice:
        """Let everyone here use the voice, or only its owner."""
        found = (
            voice
            if isinstance(voice, Voice)
            else await self._library.get(where, voice, everything=True)
        )
        if found.owner_id != where.user_id:
            raise NotYourVoice(name=found.name)
        if shared and found.unvouched:
            raise UploadNotShareable(name=found.name)
        return await self._library.set_shared(found, shared)

    async def sample(self, where: Where, voice: Voice | str) -> VoiceClip:
        """The voice's own reference clip, as a voice message."""
        found = await self.unsuspended(where, await self.get(where, voice))
        encoded = await audio.encode_voice(await self._library.read_reference(found))
        return VoiceClip(
            ogg=encoded.ogg,
            seconds=encoded.seconds,
            waveform=encoded.waveform,
            voice_name=found.name,
        )

    async def _require_free(self, where: Where, name: str) -> None:
        """The name is free here: no voice of this scope has it, or one that looks the same."""
        existing = await self._holder(where, name)
        if existing is not None:
            raise VoiceNameTaken(name=existing.name)

    async def _holder(self, where: Where, name: str) -> Voice | None:
        """The voice of this scope called `name`, or by a name that looks the same."""
        looks = skeleton(name)
        for existing in await self._library.list(where, everything=True):
            if existing.scope == where.space_scope and skeleton(existing.name) == looks:
                return existing
        return None


def require_statement(statement: str | None) -> str:
    """What an uploader said of their file's speaker, as stored; `StatementNeeded` when they
    said nothing that is one of `STATEMENTS` (adapters may ask before fetching the file)."""
    said = (statement or "").strip().lower()
    if said not in STATEMENTS:
        raise StatementNeeded()
    return said
