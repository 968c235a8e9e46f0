"""Benchmarks: print figures for the audio pipeline and for `say` against a fake upstream.

Run with `./run.sh bench`. Everything stays on this machine: the fake 302.AI listens on
127.0.0.1 and each run is bounded in requests and time.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import subprocess
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

from rich.console import Console
from rich.table import Table

from core import audio, process
from core.app import open_speech
from core.domain import Where
from core.settings import load_settings
from core.speech import SpeechService
from tests.fakes.ai302 import API_KEY, Fake302, tone_wav

SCRIPT = (
    "This is a benchmark speaker reading a long passage so that the clip is of a realistic "
    "length for a voice message, with pauses between the sentences. "
)

out = Console()


async def timed(work: Callable[[], Awaitable[object]], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        await work()
        times.append(time.perf_counter() - start)
    return times


def speech_clip(folder: Path, seconds: int) -> bytes:
    """An OGG/Opus voice note of about `seconds` of espeak-ng speech."""
    wav, ogg = folder / "speech.wav", folder / f"speech-{seconds}.ogg"
    subprocess.run(["espeak-ng", "-w", str(wav), SCRIPT * 3], check=True)
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-stream_loop", "-1", "-i", str(wav), "-t", str(seconds),
         "-c:a", "libopus", "-ar", "48000", str(ogg)], check=True,
    )
    return ogg.read_bytes()


async def audio_figures(runs: int) -> Table:
    """Our steps, and each ÷ a bare ffmpeg command doing the decode or encode alone."""
    table = Table(title="Audio pipeline (median of runs)")
    for column in ("step", "input", "median ms", "min ms", "÷ bare ffmpeg"):
        table.add_column(column)
    with tempfile.TemporaryDirectory() as tmp:
        for seconds in (10, 30, 600):
            clip = speech_clip(Path(tmp), seconds)
            ours = await timed(
                lambda clip=clip: audio.prepare_reference(clip, max_bytes=1 << 30), runs
            )
            bare = await timed(lambda clip=clip: _bare_ffmpeg(
                clip, ["-t", "180", "-ac", "1", "-ar", "24000", "-f", "s16le"]), runs)
            table.add_row("prepare_reference", f"{seconds} s OGG voice note", *_ms(ours),
                          _ratio(ours, bare))
    for seconds in (5, 30):
        wav = tone_wav(seconds)
        ours = await timed(lambda wav=wav: audio.encode_voice(wav), runs)
        bare = await timed(lambda wav=wav: _bare_ffmpeg(
            wav, ["-ac", "1", "-ar", "48000", "-c:a", "libopus", "-b:a", "48k", "-f", "ogg"]),
            runs)
        table.add_row("encode_voice", f"{seconds} s 24 kHz WAV", *_ms(ours), _ratio(ours, bare))
    return table


async def _bare_ffmpeg(data: bytes, output: list[str]) -> bytes:
    done = await process.run(["ffmpeg", "-v", "error", "-i", "pipe:0", *output, "pipe:1"],
                             stdin=data)
    return done.out


def _ratio(ours: list[float], bare: list[float]) -> str:
    return f"{statistics.median(ours) / statistics.median(bare):.2f}"


async def say_figures(generation_s: float, concurrency: list[int]) -> Table:
    """End-to-end `say` time over the upstream's own generation time, at several loads."""
    table = Table(title=f"say() against a fake upstream taking {generation_s:g} s per task")
    for column in ("concurrent", "median s", "p95 s", "overhead ×", "jobs/s", "loop lag p99 ms",
                   "upstream requests/job", "peak RSS MB"):
        table.add_column(column)
    fake = Fake302()
    fake.behaviour.generation_s = generation_s
    await fake.start()
    try:
        for n in concurrency:
            with tempfile.TemporaryDirectory() as tmp:
                settings = load_settings(  # n people, one request each; no limits in the way
                    _env_file=None, data_dir=Path(tmp), ai302_api_key=API_KEY,
                    ai302_base_url=fake.base_url, max_concurrent_jobs=n, self_check=False,
                    user_requests_per_minute=0, chat_requests_per_minute=0,
                )
                async with open_speech(settings) as speech:
                    where = Where("bench", "space", "user-0")
                    await speech.register_voice(where, "bench", speech_clip(Path(tmp), 12),
                                                transcript=SCRIPT)
                    people = [replace(where, user_id=f"user-{i}") for i in range(n)]
                    requests_before = len(fake.requests)
                    lags: list[float] = []
                    watcher = asyncio.create_task(watch_loop(lags))
                    start = time.perf_counter()
                    times = await asyncio.gather(*(one_say(speech, who) for who in people))
                    wall = time.perf_counter() - start
                    watcher.cancel()
                    per_job = (len(fake.requests) - requests_before) / n
            times, lags = sorted(times), sorted(lags)
            median, p95 = statistics.median(times), times[int(0.95 * (len(times) - 1))]
            lag_p99 = lags[int(0.99 * (len(lags) - 1))] * 1000 if lags else 0.0
            rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            table.add_row(str(n), f"{median:.2f}", f"{p95:.2f}",
                          f"{median / generation_s:.2f}", f"{n / wall:.1f}", f"{lag_p99:.0f}",
                          f"{per_job:.1f}", f"{rss_mb:.0f}")
    finally:
        await fake.stop()
    return table


async def watch_loop(lags: list[float], tick: float = 0.01) -> None:
    """How late the event loop wakes a 10 ms sleeper: what every chat update would wait."""
    while True:
        start = time.perf_counter()
        await asyncio.sleep(tick)
        lags.append(max(0.0, time.perf_counter() - start - tick))


async def one_say(speech: SpeechService, where: Where) -> float:
    start = time.perf_counter()
    await speech.say(where, "bench", "Hello from the benchmark.")
    return time.perf_counter() - start


def _ms(times: list[float]) -> tuple[str, str]:
    return f"{statistics.median(times) * 1000:.0f}", f"{min(times) * 1000:.0f}"


async def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="repeats per audio figure")
    parser.add_argument("--generation-s", type=float, default=2.0,
                        help="the fake upstream's time per task")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 10, 100])
    args = parser.parse_args()
    out.print(await audio_figures(args.runs))
    out.print(await say_figures(args.generation_s, args.concurrency))


if __name__ == "__main__":
    asyncio.run(main())
