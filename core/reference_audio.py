"""Reference clips from uploads: probe what was sent, decode it, keep the best ≤30 s of speech.

FFmpeg reads everything (never trusting a name or MIME type: it probes the bytes): probing runs
in this process through PyAV, decoding in an ffmpeg subprocess; pydub shapes the decoded PCM in
a worker thread, off the event loop.
"""

from __future__ import annotations

import asyncio
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

import av
from pydub import AudioSegment

from core.audio import REF_RATE, decode_pcm, speech_spans
from core.errors import AudioTooShort, FileTooLarge, NoSpeech, NotAudio

MIN_REF_S = 3.0
MAX_REF_S = 30.0
MAX_DECODE_S = 180  # longer uploads are judged on their first three minutes

# Container format names we take: OGG/Opus, MP3, M4A/AAC/MP4, WAV, WebM/Matroska, FLAC.
ACCEPTED_FORMATS = {"ogg", "mp3", "mov", "mp4", "m4a", "aac", "wav", "matroska", "webm", "flac"}

MARGIN_MS = 150  # kept around speech so a clip never starts or ends mid-word
TARGET_DBFS = -20.0
PEAK_CEILING_DBFS = -1.0


@dataclass(frozen=True, slots=True)
class ReferenceAudio:
    """A cleaned reference clip: 24 kHz mono 16-bit WAV and its length."""

    wav: bytes
    seconds: float


async def prepare_reference(data: bytes, *, max_bytes: int) -> ReferenceAudio:
    """Turn an uploaded clip into a reference: check it, keep the best ≤30 s of speech."""
    if len(data) > max_bytes:
        raise FileTooLarge(limit_mb=round(max_bytes / 1024 / 1024, 1))
    if not data:
        raise NotAudio("empty file")
    with tempfile.TemporaryDirectory(prefix="voicebot-") as tmp:
        path = Path(tmp) / "input"
        await asyncio.to_thread(path.write_bytes, data)
        await _require_audio(path)
        pcm = await _decode(path, REF_RATE, limit_s=MAX_DECODE_S)
    if not pcm:
        raise NotAudio("no decodable audio")
    return await asyncio.to_thread(_shape_reference, pcm)


async def _require_audio(path: Path) -> None:
    """Refuse anything that is not a container we take with an audio stream in it (probed in
    this process: an ffprobe program per upload cost more than the decode)."""
    formats, has_audio = await asyncio.to_thread(_probe, path)
    if not formats & ACCEPTED_FORMATS or not has_audio:
        raise NotAudio(f"format {sorted(formats)} audio={has_audio}")


def _probe(path: Path) -> tuple[set[str], bool]:
    """The container's format names (as ffprobe gives them) and whether it holds audio."""
    try:
        with av.open(str(path), "r") as container:
            return set(container.format.name.split(",")), bool(container.streams.audio)
    except (av.error.FFmpegError, ValueError, UnicodeDecodeError) as exc:
        raise NotAudio("unreadable probe") from exc


async def _decode(path: Path, rate: int, *, limit_s: int) -> bytes:
    """The first audio stream as mono 16-bit PCM at `rate`.

    Any damage is an error: ffmpeg skips a corrupt OGG page with a message but exit code 0,
    which would quietly turn a broken upload into a shorter clip.
    """
    return await decode_pcm(path, rate, seconds=limit_s, strict=True)


def _shape_reference(pcm: bytes) -> ReferenceAudio:
    """Trim silence, keep the best 30 s of speech, even out loudness, write a WAV."""
    clip = AudioSegment(data=pcm, sample_width=2, frame_rate=REF_RATE, channels=1)
    spans = speech_spans(pcm)
    if not spans:
        raise NoSpeech()
    start, end = _best_window(spans, len(clip))
    clip = clip[start:end]
    seconds = len(clip) / 1000
    if seconds < MIN_REF_S:
        raise AudioTooShort(seconds=seconds, minimum=MIN_REF_S)
    gain = TARGET_DBFS - clip.dBFS
    gain = min(gain, PEAK_CEILING_DBFS - clip.max_dBFS)
    clip = clip.apply_gain(gain).fade_in(10).fade_out(10)
    buffer = io.BytesIO()
    clip.export(buffer, format="wav")
    return ReferenceAudio(wav=buffer.getvalue(), seconds=seconds)


def _best_window(spans: list[tuple[int, int]], length: int) -> tuple[int, int]:
    """The ≤30 s stretch, cut in pauses, that holds the most speech."""
    limit = int(MAX_REF_S * 1000)
    best, best_speech = (0, 0), -1
    for i, (first_start, _) in enumerate(spans):
        start = max(0, first_start - MARGIN_MS)
        speech, end = 0, None
        for span_start, span_end in spans[i:]:
            if min(length, span_end + MARGIN_MS) - start > limit:
                break
            speech += span_end - span_start
            end = min(length, span_end + MARGIN_MS)
        if end is None:  # one unbroken stretch longer than the limit: cut it
            speech, end = limit, start + limit
        if speech > best_speech:
            best, best_speech = (start, end), speech
    return best
