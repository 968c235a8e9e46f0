"""Heavy audio work in turns, about one per core (helper programs such as ffmpeg and espeak-ng,
encodes in helper processes), off the event loop; and no more audio fetched than the cores can
take.

`python -m core.process` is a helper process: it answers the calls `offload` sends it, one at
a time, until its input closes.
"""

from __future__ import annotations

import asyncio
import os
import pickle
import signal
import struct
import sys
import weakref
from collections import deque
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

# Each of these programs keeps a core busy: more at once than there are cores only adds memory
# and starves the event loop (chat updates, polling) of CPU.
AT_ONCE = os.cpu_count() or 2
# Audio being fetched or waiting for a core, at most (about: audio between the two, being
# joined or checked, is not counted): enough to keep the cores busy
# while a fetch takes a while, few enough that a thousand results at once are not all held.
BACKLOG = 8 * AT_ONCE
HELPER = [sys.executable, "-m", "core.process"]
HOME = Path(__file__).resolve().parent.parent  # where `core` is found: the helpers' own code
SIZE = struct.Struct("!Q")  # each call and each answer: its length, then its pickle
STOP_WAIT_S = 5.0  # for a helper to end once its input is closed


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
        self.waiting: deque[asyncio.Future[None]] = deque()  # fetches waiting for room, in turn
        self.helpers: _Helpers | None = None  # while `helpers()` is open
        self.opened = 0  # how many `helpers()` blocks are open (cores sharing a loop)

    def leave(self) -> None:
        """One out of the backlog: the next fetches waiting come in while there is room (one
        at a time: a thousand waiters all woken to look, each time, cost the loop seconds)."""
        self.backlog -= 1
        while self.waiting and self.backlog < BACKLOG:
            waiter = self.waiting.popleft()
            if not waiter.done():  # (one cancelled while it waited is passed over)
                self.backlog += 1  # counted for it as it comes in
                waiter.set_result(None)


_turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Turns] = weakref.WeakKeyDictionary()


def _here() -> _Turns:
    return _turns.setdefault(asyncio.get_running_loop(), _Turns())


async def run(argv: list[str], stdin: bytes | None = None) -> Finished:
    """Run a program to its end, a few at a time; it is killed if the caller is cancelled."""
    async with cpu_slot():
        return await _run(argv, stdin)


@asynccontextmanager
async def cpu_slot() -> AsyncIterator[None]:
    """One of the few turns at heavy audio work (a program, an encode in a helper process)."""
    turns = _here()
    turns.backlog += 1
    try:
        async with turns.cores:
            yield
    finally:
        turns.leave()


@asynccontextmanager
async def fetching() -> AsyncIterator[None]:
    """Room to fetch audio that heavy work will follow: while the backlog is long, fetching
    more waits (what it would fetch could only wait in memory for a core)."""
    turns = _here()
    if turns.backlog < BACKLOG and not turns.waiting:
        turns.backlog += 1
    else:
        waiter = asyncio.get_running_loop().create_future()
        turns.waiting.append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():  # let in as it was cancelled
                turns.leave()  # (its room goes to the next)
            raise
    try:
        yield
    finally:
        turns.leave()


@asynccontextmanager
async def helpers() -> AsyncIterator[None]:
    """Within, `offload` runs its calls in helper processes, started as needed and stopped on
    leaving (the outermost block, when several cores share an event loop)."""
    turns = _here()
    if turns.helpers is None:
        turns.helpers = _Helpers()
    turns.opened += 1
    try:
        yield
    finally:
        turns.opened -= 1
        if not turns.opened and turns.helpers is not None:
            done, turns.helpers = turns.helpers, None
            await done.aclose()


async def offload(fn: Callable[..., T], *args: Any) -> T:
    """`fn(*args)` off the event loop: in a helper process while `helpers()` is open, else in
    a thread. In a thread the work shares the interpreter's lock with the event loop, and a
    busy loop makes it wait for the lock at each step into FFmpeg and back: under load an
    encode of 40 ms took 200. `fn` is a module's function; what it is given, returns and
    raises crosses by pickle. A helper that ends mid-call is `ChildProcessError`."""
    found = _here().helpers
    if found is None:
        return await asyncio.to_thread(fn, *args)
    return await found.call(fn, args)  # type: ignore[no-any-return]


class _Helper:
    """One helper process, answering one call at a time."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc

    @classmethod
    async def start(cls) -> _Helper:
        proc = await asyncio.create_subprocess_exec(
            *HELPER,
            cwd=HOME,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        return cls(proc)

    async def call(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> tuple[bool, Any]:
        """Whether `fn` returned, and what it returned or raised."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        payload = pickle.dumps((fn, args), pickle.HIGHEST_PROTOCOL)
        try:
            self.proc.stdin.writelines([SIZE.pack(len(payload)), payload])
            await self.proc.stdin.drain()
            (size,) = SIZE.unpack(await self.proc.stdout.readexactly(SIZE.size))
            answer = await self.proc.stdout.readexactly(size)
        except (ConnectionError, asyncio.IncompleteReadError) as exc:
            await self.kill()
            code = self.proc.returncode
            raise ChildProcessError(f"a helper process ended (exit code {code})") from exc
        found: tuple[bool, Any] = pickle.loads(answer)  # (from our own child)
        return found

    async def stop(self) -> None:
        """Close its input (its cue to end), and wait for it to end; past a while, kill it."""
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        try:
            await asyncio.wait_for(self.proc.wait(), STOP_WAIT_S)
        except TimeoutError:
            await self.kill()

    async def kill(self) -> None:
        with suppress(ProcessLookupError):
            self.proc.kill()
        await self.proc.wait()


class _Helpers:
    """The helper processes of one event loop: as many kept idle as there are cores."""

    def __init__(self) -> None:
        self._idle: list[_Helper] = []
        self._busy: set[_Helper] = set()

    async def call(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        helper = self._idle.pop() if self._idle else await _Helper.start()
        self._busy.add(helper)
        try:
            returned, value = await helper.call(fn, args)
        except BaseException:  # it ended, or its caller was cancelled mid-call: not reused
            self._busy.discard(helper)
            await helper.kill()
            raise
        self._busy.discard(helper)
        if len(self._idle) < AT_ONCE:
            self._idle.append(helper)
        else:
            await helper.stop()
        if returned:
            return value
        raise value

    async def aclose(self) -> None:
        idle, self._idle = self._idle, []
        busy, self._busy = list(self._busy), set()
        await asyncio.gather(*(h.stop() for h in idle), *(h.kill() for h in busy))


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


def _serve() -> None:
    """A helper process: answer each call read from standard input, in turn, on standard
    output, until the input closes (the parent stopping, however it stops)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C in the terminal is the parent's
    calls, answers = sys.stdin.buffer, os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever a library prints goes to standard error, never into an answer
    while header := calls.read(SIZE.size):
        (size,) = SIZE.unpack(header)
        fn, args = pickle.loads(calls.read(size))
        try:
            answer = pickle.dumps((True, fn(*args)), pickle.HIGHEST_PROTOCOL)
        except Exception as exc:
            try:
                answer = pickle.dumps((False, exc), pickle.HIGHEST_PROTOCOL)
            except Exception:  # (an error that does not pickle: its description does)
                answer = pickle.dumps((False, RuntimeError(repr(exc))))
        answers.write(SIZE.pack(len(answer)) + answer)
        answers.flush()


if __name__ == "__main__":
    _serve()
