"""A voice message to be said again, heard: checked like an upload, decoded whole and handed to
the transcriber as a small WAV. It is read in memory (FFmpeg's libraries through PyAV, in a
worker thread, one per core at a time) and written nowhere, not even to a temporary file:
what a job keeps of it is its transcript alone."""

from __future__ import annotations

import asyncio
import io
import itertools
import warnings
import wave

import av

from core import process
from core.errors import ClipTooLong, FileTooLarge, NoSpeech, NotAudio
from core.reference_audio import ACCEPTED_FORMATS

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import audioop  # as core.audio does (audioop-lts on 3.13+)

RATE = 16_000  # what Whisper listens at
MAX_HEARD_S = 180  # longer is refused, not cut short: half a message said again misleads
FRAME = RATE // 50 * 2  # 20 ms of 16-bit PCM
SILENT = 100  # a clip whose loud frames stay under this (about -50 dBFS) holds no speech


async def heard_wav(data: bytes, *, max_bytes: int, limit_s: int = MAX_HEARD_S) -> bytes:
    """The clip as the transcriber takes it: 16 kHz mono WAV. `NotAudio` unless it is a
    container the bot takes with audio in it, `ClipTooLong` past `limit_s`, `NoSpeech` when
    nothing in it is louder than hiss (nobody is asked to transcribe silence)."""
    if len(data) > max_bytes:
        raise FileTooLarge(limit_mb=round(max_bytes / 1024 / 1024, 1))
    if not data:
        raise NotAudio("empty file")
    async with process.cpu_slot():
        try:
            pcm = await asyncio.to_thread(_decoded, data, limit_s)
        except (av.error.FFmpegError, ValueError, UnicodeDecodeError) as exc:
            raise NotAudio("does not decode") from exc
    if len(pcm) < FRAME:
        raise NotAudio("no decodable audio")
    levels = sorted(
        audioop.rms(pcm[i : i + FRAME], 2) for i in range(0, len(pcm) - FRAME + 1, FRAME)
    )
    if levels[int(len(levels) * 0.95)] < SILENT:
        raise NoSpeech()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm)
    return buffer.getvalue()


def _decoded(data: bytes, limit_s: int) -> bytes:
    """The first audio stream as mono 16-bit PCM at `RATE`, stopped as soon as it runs past
    `limit_s` (a small compressed file can expand into hours)."""
    pcm, limit = bytearray(), limit_s * RATE * 2
    with av.open(io.BytesIO(data), "r") as source:
        if not set(source.format.name.split(",")) & ACCEPTED_FORMATS or not source.streams.audio:
            raise NotAudio(f"format {source.format.name}")
        resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
        for frame in itertools.chain(source.decode(source.streams.audio[0]), [None]):
            for out in resampler.resample(frame):
                pcm.extend(bytes(out.planes[0])[: out.samples * 2])
            if len(pcm) > limit:
                raise ClipTooLong(limit=limit_s)
    return bytes(pcm)
