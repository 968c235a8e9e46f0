"""Reference clips as the engine needs them: transcribed, and hosted at a URL where the
engine fetches them itself."""

from __future__ import annotations

from core.domain import Reference, Voice
from core.engines import Engine
from core.errors import NoSpeech, TranscriptNeeded, VoiceGone
from core.library import VoiceLibrary
from core.upstream.hosting import ReferenceHost
from core.upstream.transcribe import Transcriber


class References:
    """Transcribes and hosts voices' clips, once each; the library keeps what it learnt."""

    def __init__(
        self,
        *,
        library: VoiceLibrary,
        engine: Engine,
        host: ReferenceHost | None,
        transcriber: Transcriber | None,
    ) -> None:
        self._library = library
        self._engine = engine
        self._host = host
        self.transcriber = transcriber

    async def of(self, voice: Voice) -> Reference:
        """The voice's clip, or (for an engine that fetches it by URL) its hosted URL and
        transcript: a thousand waiting jobs must not each hold a copy of a clip."""
        if not self._engine.hosts_references:
            wav = await self._library.read_reference(voice)
            return Reference(wav=wav, transcript=voice.transcript, url=voice.hosted_url)
        # (read again by its job as it began, after any wait in line: revoked or deleted
        # meanwhile, it is gone by then; reading it once more here cost every job a query)
        if voice.pending:
            raise VoiceGone()
        if not voice.transcript:
            clip = await self._library.read_reference(voice)
            voice = await self._library.set_transcript(voice, await self.transcribe(clip))
        voice = await self.hosted(voice)
        return Reference(wav=b"", transcript=voice.transcript, url=voice.hosted_url)

    async def transcribe(self, wav: bytes, *, language: str | None = None) -> str:
        """The words in a clip (in `language`, when it is known); none at all means nobody
        speaks in it (music, noise)."""
        if self.transcriber is None:
            raise TranscriptNeeded()
        words = await self.transcriber.transcribe(wav, language=language)
        if not words:
            raise NoSpeech()
        return words

    async def hosted(self, voice: Voice) -> Voice:
        """The voice with its clip at a URL the engine can fetch (uploaded if need be)."""
        if voice.hosted_url or self._host is None:
            return voice
        url = await self._host.publish(
            await self._library.read_reference(voice), filename=f"{voice.id}.wav"
        )
        return await self._library.set_hosted_url(voice, url)

    async def rehosted(self, voice: Voice) -> Voice:
        """The service could not fetch the clip: forget its URL, so it is uploaded again."""
        return await self._library.set_hosted_url(voice, None)
