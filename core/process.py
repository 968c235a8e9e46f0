"""Running the helper programs (ffmpeg, ffprobe, espeak-ng) without blocking the event loop."""

from __future__ import annotations

import asyncio
import os
import weakref
from dataclasses import dataclass

# Each of these programs keeps a core busy: more at once than there are cores only adds memory
# and starves the event loop (chat updates, polling) of CPU.
AT_ONCE = os.cpu_count() or 2
_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary())


@dataclass(frozen=True, slots=True)
class Finished:
    code: int
    out: bytes
    err: bytes


async def run(argv: list[str], stdin: bytes | None = None) -> Finished:
    """Run a program to its end, a few at a time; it is killed if the caller is cancelled."""
    async with cpu_slot():
        return await _run(argv, stdin)


def cpu_slot() -> asyncio.Semaphore:
    """One of the few turns at heavy audio work (a program, or an encode in a thread)."""
    return _slots.setdefault(asyncio.get_running_loop(), asyncio.Semaphore(AT_ONCE))


async def _run(argv: list[str], stdin: bytes | None) -> Finished:
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
