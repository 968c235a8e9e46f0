"""Heavy audio work in turns, about one per core (helper programs such as ffmpeg and espeak-ng,
encodes in threads), off the event loop; and no more audio fetched than the cores can take."""

from __future__ import annotations

import asyncio
import os
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

# Each of these programs keeps a core busy: more at once than there are cores only adds memory
# and starves the event loop (chat updates, polling) of CPU.
AT_ONCE = os.cpu_count() or 2
# Audio being fetched or waiting for a core, at most (about: audio between the two, being
# joined or checked, is not counted): enough to keep the cores busy
# while a fetch takes a while, few enough that a thousand results at once are not all held.
BACKLOG = 8 * AT_ONCE


@dataclass(frozen=True, slots=True)
class Finished:
    code: int
    out: bytes
    err: bytes


class _Turns:
    """The cores' turns at heavy audio work, and the audio lined up for them."""

    def __init__(self) -> None:
        self.cores = asyncio.Semaphore(AT_ONCE)
        self.backlog = 0  # fetching, waiting for a core, or on one
        self.room = asyncio.Condition()

    async def leave(self) -> None:
        self.backlog -= 1
        async with self.room:
            self.room.notify_all()  # (one told alone may be a waiter being cancelled)


_turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Turns] = weakref.WeakKeyDictionary()


def _here() -> _Turns:
    return _turns.setdefault(asyncio.get_running_loop(), _Turns())


async def run(argv: list[str], stdin: bytes | None = None) -> Finished:
    """Run a program to its end, a few at a time; it is killed if the caller is cancelled."""
    async with cpu_slot():
        return await _run(argv, stdin)


@asynccontextmanager
async def cpu_slot() -> AsyncIterator[None]:
    """One of the few turns at heavy audio work (a program, or an encode in a thread)."""
    turns = _here()
    turns.backlog += 1
    try:
        async with turns.cores:
            yield
    finally:
        await turns.leave()


@asynccontextmanager
async def fetching() -> AsyncIterator[None]:
    """Room to fetch audio that heavy work will follow: while the backlog is long, fetching
    more waits (what it would fetch could only wait in memory for a core)."""
    turns = _here()
    async with turns.room:
        await turns.room.wait_for(lambda: turns.backlog < BACKLOG)
        turns.backlog += 1
    try:
        yield
    finally:
        await turns.leave()


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
