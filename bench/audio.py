"""The audio figures: our reference decode and output encode, each ÷ a bare ffmpeg command
doing the same decode or encode alone."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Any

from core import audio, process, reference_audio
from tests.fakes.ai302 import tone_wav

SCRIPT = (
    "This is a benchmark speaker reading a long passage so that the clip is of a realistic "
    "length for a voice message, with pauses between the sentences. "
)


def speech_clip(folder: Path, seconds: int) -> bytes:
    """An OGG/Opus voice note of about `seconds` of espeak-ng speech."""
    wav, ogg = folder / "speech.wav", folder / f"speech-{seconds}.ogg"
    if not wav.exists():
        subprocess.run(["espeak-ng", "-w", str(wav), SCRIPT * 3], check=True)
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-stream_loop",
            "-1",
            "-i",
            str(wav),
            "-t",
            str(seconds),
            "-c:a",
            "libopus",
            "-ar",
            "48000",
            str(ogg),
        ],
        check=True,
    )
    return ogg.read_bytes()


async def timed(work: Callable[[], Awaitable[object]], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        await work()
        times.append(time.perf_counter() - start)
    return times


async def audio_figures(
    folder: Path, runs: int, reference_s: list[int], encode_s: list[int]
) -> list[dict[str, Any]]:
    """One row per step and input length: our median and minimum, and the ratio of medians."""
    rows = []
    for seconds in reference_s:
        clip = speech_clip(folder, seconds)
        ours = await timed(
            partial(reference_audio.prepare_reference, clip, max_bytes=1 << 30), runs
        )
        bare = await timed(
            partial(_bare_ffmpeg, clip, ["-t", "180", "-ac", "1", "-ar", "24000", "-f", "s16le"]),
            runs,
        )
        rows.append(_row("prepare_reference", f"{seconds} s OGG voice note", seconds, ours, bare))
    for seconds in encode_s:
        wav = tone_wav(seconds)
        ours = await timed(partial(audio.encode_voice, wav), runs)
        bare = await timed(
            partial(
                _bare_ffmpeg,
                wav,
                ["-ac", "1", "-ar", "48000", "-c:a", "libopus", "-b:a", "48k", "-f", "ogg"],
            ),
            runs,
        )
        rows.append(_row("encode_voice", f"{seconds} s 24 kHz WAV", seconds, ours, bare))
    return rows


def _row(
    step: str, what: str, seconds: int, ours: list[float], bare: list[float]
) -> dict[str, Any]:
    return {
        "step": step,
        "input": what,
        "seconds": seconds,
        "median_ms": statistics.median(ours) * 1000,
        "min_ms": min(ours) * 1000,
        "bare_ffmpeg_median_ms": statistics.median(bare) * 1000,
        "ratio": statistics.median(ours) / statistics.median(bare),
    }


async def _bare_ffmpeg(data: bytes, output: list[str]) -> bytes:
    done = await process.run(
        ["ffmpeg", "-v", "error", "-i", "pipe:0", *output, "pipe:1"], stdin=data
    )
    return done.out
