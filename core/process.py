"""Running the helper programs (ffmpeg, ffprobe, espeak-ng) without blocking the event loop."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Finished:
    code: int
    out: bytes
    err: bytes


async def run(argv: list[str], stdin: bytes | None = None) -> Finished:
    """Run a program to its end; it is killed if the caller is cancelled."""
    proc = await asyncio.create_subprocess_exec(
        *argv,
        stdin=asyncio.subprocess.PIPE if stdin is not None else asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await proc.communicate(stdin)
    except asyncio.CancelledError:
        proc.kill()
        await proc.wait()
        raise
    return Finished(proc.returncode or 0, out, err)
