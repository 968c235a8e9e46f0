"""Audio out: finished speech as voice messages (encoded, cut, joined, measured), and the
helpers reference clips share with it (finding speech in PCM, decoding with ffmpeg).

The voice-message encode runs in this process through FFmpeg's libraries (PyAV), decoding
generated audio in an ffmpeg subprocess; pydub shapes the decoded PCM in a worker thread, off
the event loop. Reference clips from uploads are made in `core.reference_audio`.
"""

from __future__ import annotations

import asyncio
import io
import logging
import math
import warnings
import wave
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
from pydub import AudioSegment

from core import process
from core.errors import BadUpstreamAudio, NotAudio, ResultTooLarge

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import audioop  # C speed for frame energies; pydub relies on it too (audioop-lts on 3.13+)

log = logging.getLogger(__name__)

REF_RATE = 24_000  # what Higgs Audio v2 takes and makes
VOICE_RATE = 48_000  # what voice messages on Telegram and Discord play at
HEARD_RATE = 16_000  # what the transcriber (Whisper) listens at
# Generated audio is decoded after barely a look at its header: probing it (decoding a part to
# learn what the header did not say) cost 7-10 ms a voice here, and every frame decoded says
# its own rate and layout anyway.
SHORT_PROBE = {"probesize": "32", "analyzeduration": "0"}
# Generated audio longer than this is refused, its decoding stopped just past it (a small
# compressed file can expand into hours of PCM); callers pass Settings.longest_speech_s.
LONGEST_S = 2000.0
WAVEFORM_POINTS = 256
# WAV codecs whose every frame is `block_align` bytes: integer and float PCM, A-law, µ-law
# (an extensible header names one as its subformat).
FRAMED_CODECS = {0x0001, 0x0003, 0x0006, 0x0007}
WAVE_EXTENSIBLE = 0xFFFE

FRAME_MS = 20
GAP_MS = 250  # silence this long separates two stretches of speech


@dataclass(frozen=True, slots=True)
class EncodedVoice:
    ogg: bytes
    seconds: float
    waveform: bytes


async def encode_voice(
    data: bytes, *, limit_s: float = LONGEST_S, disclosure: str = "", speed: float = 1.0
) -> EncodedVoice:
    """Make a voice message (mono OGG/Opus at 48 kHz, length, waveform) from upstream audio of
    at most `limit_s` seconds (longer is `ResultTooLarge`), spoken `speed` times as fast (its
    pitch kept; its length is the message's). A `disclosure` (what made it) travels in the
    file's tags, wherever the file goes.

    Encoded by FFmpeg's libraries through PyAV, one per core at a time, in a helper process
    (`process.offload`): an ffmpeg program started per voice cost more CPU than the encode.
    """
    if not data:
        raise BadUpstreamAudio("empty audio")
    async with process.cpu_slot():
        try:
            return await process.offload(_encoded, data, limit_s, disclosure, speed)
        except (av.error.FFmpegError, ValueError, ChildProcessError) as exc:
            raise BadUpstreamAudio("upstream audio does not decode") from exc


def _encoded(data: bytes, limit_s: float, disclosure: str, speed: float) -> EncodedVoice:
    """The voice message, its length and waveform (made where the PCM is: only they leave)."""
    ogg, pcm, rate = _encode_opus(data, limit_s, disclosure, speed)
    if len(pcm) < 2 * rate // 10:  # under 0.1 s is no speech at all
        raise BadUpstreamAudio("upstream audio is empty")
    return EncodedVoice(ogg=ogg, seconds=len(pcm) / 2 / rate, waveform=waveform(pcm))


def _encode_opus(
    data: bytes, limit_s: float, disclosure: str, speed: float = 1.0
) -> tuple[bytes, bytes, int]:
    """Decode any audio, change its tempo (`speed`), make it mono 48 kHz, and encode it as
    OGG/Opus (48 kb/s, tuned for speech); also returns the 16-bit PCM it encoded and its rate,
    for the length and waveform. Every voice message says 48 kHz in its header, however it
    was made (Higgs makes 24 kHz: upsampling adds no sound, and costs little beside the
    encoding). The tempo changes in the same pass, before the upsampling: at the upstream's
    rate it has half the samples to stretch."""
    out, pcm, rate = io.BytesIO(), bytearray(), VOICE_RATE
    with (
        av.open(io.BytesIO(data), "r", options=SHORT_PROBE) as source,
        av.open(out, "w", format="ogg") as sink,
    ):
        stream = sink.add_stream(
            "libopus", rate=rate, layout="mono", options={"application": "voip"}
        )
        stream.metadata.update(_tags(disclosure))
        stream.bit_rate = 48_000
        for frame in _speech_frames(source, rate, limit_s, speed):
            pcm.extend(bytes(frame.planes[0])[: frame.samples * 2])
            frame.pts = None  # counted from the samples: a source's own may step back
            sink.mux(stream.encode(frame))
        sink.mux(stream.encode(None))
    return out.getvalue(), bytes(pcm), rate


def _pcm(data: bytes, rate: int, limit_s: float, speed: float) -> bytes:
    """Any audio as mono 16-bit PCM at `rate`, `speed` times as fast (see `_speech_frames`)."""
    pcm = bytearray()
    with av.open(io.BytesIO(data), "r", options=SHORT_PROBE) as source:
        for frame in _speech_frames(source, rate, limit_s, speed):
            pcm.extend(bytes(frame.planes[0])[: frame.samples * 2])
    return bytes(pcm)


def _speech_frames(
    source: av.container.InputContainer, rate: int, limit_s: float, speed: float
) -> Iterator[av.AudioFrame]:
    """The source's first audio stream, its tempo changed (`speed`), as mono 16-bit frames at
    `rate`; past `limit_s` of the source's it is `ResultTooLarge`, decoded no further."""
    if not source.streams.audio:
        raise ValueError("no audio stream")
    resampler = av.AudioResampler(format="s16", layout="mono", rate=rate)
    tempo = _Tempo(speed)

    def stretched() -> Iterator[av.AudioFrame | None]:
        for frame in source.decode(source.streams.audio[0]):
            yield from tempo(frame)
        yield from tempo(None)  # what the tempo filter held back
        yield None  # what the resampler holds back

    samples, limit = 0, int(limit_s / speed * rate)  # the source's `limit_s`, at this speed
    for frame in stretched():
        for out in resampler.resample(frame):
            samples += out.samples
            if samples > limit:
                raise ResultTooLarge(f"audio longer than {limit_s:g} s")
            yield out


class _Tempo:
    """FFmpeg's `atempo` filter in this process: frames `speed` times as fast, their pitch
    kept (one filter takes 0.5–2). At speed 1 frames pass through untouched. The graph is
    built from the first frame, as decoded (a stream's header may not say its layout)."""

    def __init__(self, speed: float) -> None:
        self.speed = speed
        self._graph: av.filter.Graph | None = None

    def __call__(self, frame: av.AudioFrame | None) -> list[av.AudioFrame]:
        """The frames ready after `frame` (None: the end, the rest flushed)."""
        if self.speed == 1.0:
            return [] if frame is None else [frame]
        if self._graph is None:
            if frame is None:
                return []
            self._graph = _tempo_graph(frame, self.speed)
        self._graph.push(frame)
        ready: list[av.AudioFrame] = []
        while True:
            try:
                pulled = self._graph.pull()
            except (av.error.BlockingIOError, av.error.EOFError):
                return ready
            assert isinstance(pulled, av.AudioFrame)
            ready.append(pulled)


def _tempo_graph(first: av.AudioFrame, speed: float) -> av.filter.Graph:
    graph = av.filter.Graph()
    source = graph.add_abuffer(
        format=first.format.name,
        layout=first.layout.name,
        sample_rate=first.sample_rate,
        time_base=first.time_base,
    )
    graph.link_nodes(source, graph.add("atempo", f"{speed:.4f}"), graph.add("abuffersink"))
    graph.configure()
    return graph


async def encode_voices(
    data: bytes,
    *,
    max_seconds: float,
    limit_s: float = LONGEST_S,
    disclosure: str = "",
    speed: float = 1.0,
) -> list[EncodedVoice]:
    """Like `encode_voice`, but longer than `max_seconds` (as spoken, at `speed`) it is cut,
    in its quietest moments, into several voice messages in order (chat platforms cap a
    message's size)."""
    whole = await encode_voice(data, limit_s=limit_s, disclosure=disclosure, speed=speed)
    if whole.seconds <= max_seconds:
        return [whole]
    pcm = await _upstream_pcm(data, VOICE_RATE, limit_s, speed=speed)
    pieces = [pcm[start:end] for start, end in _cuts(pcm, max_seconds)]
    return list(await asyncio.gather(*(_encode_pcm(piece, disclosure) for piece in pieces)))


def _tags(disclosure: str) -> dict[str, str]:
    """The Vorbis comments that say a voice message is synthetic, and what made it."""
    if not disclosure:
        return {}
    return {"SYNTHETIC_SPEECH": disclosure, "comment": f"synthetic speech: {disclosure}"}


def _cuts(pcm: bytes, max_seconds: float) -> list[tuple[int, int]]:
    """Byte ranges of at most `max_seconds`, as few as can be and of even length, each cut at
    the quietest 20 ms near its share of the whole (a pause between sentences, as a rule)."""
    frame = VOICE_RATE * 2 // 50  # 20 ms of 16-bit samples: cuts stay on sample boundaries
    limit = int(max_seconds * VOICE_RATE) // (frame // 2) * frame
    total, pieces = len(pcm), math.ceil(len(pcm) / limit)
    cuts = [0]
    for k in range(1, pieces):
        target = total * k // pieces // frame * frame
        slack = limit // 20 // frame * frame  # look 5 % of a message either side
        low = max(cuts[-1] + frame, target - slack, total - (pieces - k) * limit)
        high = min(cuts[-1] + limit, target + slack)
        low = -(-low // frame) * frame
        quiet = min(
            range(low, max(low + 1, high), frame), key=lambda i: audioop.rms(pcm[i : i + frame], 2)
        )
        cuts.append(quiet)
    return list(zip(cuts, [*cuts[1:], total], strict=True))


async def _encode_pcm(pcm: bytes, disclosure: str) -> EncodedVoice:
    tags = [
        arg
        for key, value in _tags(disclosure).items()
        for arg in ("-metadata:s:a:0", f"{key}={value}")
    ]
    done = await process.run(
        [
            "ffmpeg",
            "-nostdin",
            "-v",
            "error",
            "-f",
            "s16le",
            "-ar",
            str(VOICE_RATE),
            "-ac",
            "1",
            "-i",
            "pipe:0",
            "-c:a",
            "libopus",
            "-b:a",
            "48k",
            "-application",
            "voip",
            *tags,
            "-f",
            "ogg",
            "pipe:1",
        ],
        stdin=pcm,
    )
    if done.code != 0:
        raise BadUpstreamAudio("encoding failed")
    return EncodedVoice(ogg=done.out, seconds=len(pcm) / 2 / VOICE_RATE, waveform=waveform(pcm))


async def join_speech(
    parts: list[bytes], *, pause_ms: int = 350, limit_s: float = LONGEST_S
) -> bytes:
    """One WAV from pieces generated separately, in order: each trimmed of its own silence at
    the ends, then joined with a short pause and crossfade, as between two sentences."""
    pcms = await asyncio.gather(*(_upstream_pcm(part, REF_RATE, limit_s) for part in parts))
    return await asyncio.to_thread(_join_pcm, pcms, pause_ms)


async def speech_wav(data: bytes, *, limit_s: float = LONGEST_S) -> bytes:
    """Generated audio as a small 16 kHz mono WAV, for the transcriber to check."""
    pcm = await _upstream_pcm(data, HEARD_RATE, limit_s)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(HEARD_RATE)
        out.writeframes(pcm)
    return buffer.getvalue()


async def speech_seconds(data: bytes) -> float:
    """How long generated audio is, from what it holds (not from what its header claims),
    without decoding it: a PCM WAV from the length of its samples, in microseconds; any other
    from its packets, in a few milliseconds."""
    seconds = _pcm_wav_seconds(data)
    if seconds is not None:
        return seconds
    try:
        return await asyncio.to_thread(_packet_seconds, data)
    except (av.error.FFmpegError, ValueError) as exc:
        raise BadUpstreamAudio("upstream audio does not decode") from exc


def _pcm_wav_seconds(data: bytes) -> float | None:
    """The length of a WAV of whole frames (PCM and the like) from the bytes of its `data`
    chunk that are there (a streamed WAV's header may claim any size): None when `data` is
    something else, for the demuxer to measure."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        return None
    block_align = rate = 0
    at = 12
    while at + 8 <= len(data):
        chunk, size = data[at : at + 4], int.from_bytes(data[at + 4 : at + 8], "little")
        body = at + 8
        if chunk == b"fmt " and size >= 16:
            codec = int.from_bytes(data[body : body + 2], "little")
            if codec == WAVE_EXTENSIBLE and size >= 26:  # the subformat's, in its GUID
                codec = int.from_bytes(data[body + 24 : body + 26], "little")
            rate = int.from_bytes(data[body + 4 : body + 8], "little")
            block_align = int.from_bytes(data[body + 12 : body + 14], "little")
            if codec not in FRAMED_CODECS:
                return None
        elif chunk == b"data":
            if not rate or not block_align:
                return None
            held = len(data) - body
            if 0 < size < held:  # (chunks may follow it)
                held = size
            return held // block_align / rate
        at = body + size + (size & 1)  # chunks are padded to an even length
    return None


def _packet_seconds(data: bytes) -> float:
    """From the last packet's end, counted from 0 (a codec's priming packets come before),
    where the packets are timed: Vorbis' packets' own durations add up 3 % short. Else from
    their durations; else decoded."""
    with av.open(io.BytesIO(data), "r") as source:
        if not source.streams.audio:
            raise ValueError("no audio stream")
        stream = source.streams.audio[0]
        packets = [packet for packet in source.demux(stream) if packet.size]
        if packets and stream.time_base is not None:
            first, last = packets[0], packets[-1]
            if first.pts is not None and last.pts is not None:
                end = last.pts + (last.duration or 0) - max(first.pts, 0)
                return float(end * stream.time_base)
            ticks = sum(packet.duration or 0 for packet in packets)
            if ticks:
                return float(ticks * stream.time_base)
    with av.open(io.BytesIO(data), "r") as source:  # packets without durations: decode
        stream = source.streams.audio[0]
        return sum(frame.samples for frame in source.decode(stream)) / (stream.rate or 1)


def waveform(pcm: bytes, points: int = WAVEFORM_POINTS) -> bytes:
    """Loudness of 16-bit mono PCM in `points` buckets, 0–255, as chat clients draw it."""
    step = max(2, (len(pcm) // 2 // points) * 2)
    levels = [audioop.rms(pcm[i : i + step], 2) for i in range(0, step * points, step)]
    loudest = max(levels) or 1
    return bytes(min(255, round(255 * level / loudest)) for level in levels)


async def _upstream_pcm(data: bytes, rate: int, limit_s: float, *, speed: float = 1.0) -> bytes:
    """Generated audio as mono 16-bit PCM at `rate`, spoken `speed` times as fast (pitch
    kept); past `limit_s` of the upstream's it is `ResultTooLarge`. Decoded as an encode is,
    in a helper process: an ffmpeg program started for it cost 65 ms of CPU where this costs
    3, and the self-check hears its takes in doubt at the end of a burst, when the cores are
    busiest (each decode held one of the two turns that twenty encodes waited for)."""
    if not data:
        raise BadUpstreamAudio("empty audio")
    async with process.cpu_slot():
        try:
            pcm = await process.offload(_pcm, data, rate, limit_s, speed)
        except (av.error.FFmpegError, ValueError, ChildProcessError) as exc:
            raise BadUpstreamAudio("upstream audio does not decode") from exc
    if not pcm:
        raise BadUpstreamAudio("upstream audio is empty")
    return pcm


def _join_pcm(pcms: list[bytes], pause_ms: int) -> bytes:
    joined: AudioSegment | None = None
    pause = AudioSegment.silent(duration=pause_ms, frame_rate=REF_RATE)
    for pcm in pcms:
        piece = AudioSegment(data=pcm, sample_width=2, frame_rate=REF_RATE, channels=1)
        spans = speech_spans(pcm)
        if spans:
            piece = piece[max(0, spans[0][0] - 60) : spans[-1][1] + 60]
        joined = (
            piece
            if joined is None
            else joined.append(pause, crossfade=20).append(piece, crossfade=20)
        )
    assert joined is not None
    buffer = io.BytesIO()
    joined.export(buffer, format="wav")
    return buffer.getvalue()


async def decode_pcm(
    path: Path,
    rate: int,
    *,
    seconds: float,
    filters: list[str] | None = None,
    strict: bool = False,
) -> bytes:
    """The first `seconds` of a file's first audio stream as mono 16-bit PCM at `rate`, through
    ffmpeg's `filters` (output options, e.g. `-af …`); `NotAudio` if ffmpeg fails (or, if
    `strict`, complains)."""
    argv = ["ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-i", str(path)]
    argv += ["-t", str(seconds), "-map", "0:a:0", "-vn", *(filters or [])]
    argv += ["-ac", "1", "-ar", str(rate), "-f", "s16le", "pipe:1"]
    done = await process.run(argv)
    if done.code != 0 or (strict and done.err.strip()):
        log.info("%s exited %s: %s", argv[0], done.code, done.err[-300:].decode(errors="replace"))
        raise NotAudio(f"{argv[0]} failed")
    return done.out


def speech_spans(pcm: bytes) -> list[tuple[int, int]]:
    """Stretches of speech, in ms, found by frame energy against the clip's own loud level."""
    frame = REF_RATE * FRAME_MS // 1000 * 2
    levels = [audioop.rms(pcm[i : i + frame], 2) for i in range(0, len(pcm) - frame + 1, frame)]
    if not levels:
        return []
    loud = sorted(levels)[int(len(levels) * 0.95)]
    if loud < 100:  # about -50 dBFS: nothing but silence or hiss
        return []
    threshold = max(loud / 30, 60)  # ~30 dB under the loud level
    spans: list[tuple[int, int]] = []
    for index, level in enumerate(levels):
        if level < threshold:
            continue
        start, end = index * FRAME_MS, (index + 1) * FRAME_MS
        if spans and start - spans[-1][1] < GAP_MS:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    spoken = [s for s in spans if s[1] - s[0] >= 60]  # a lone click is not speech
    return spoken
