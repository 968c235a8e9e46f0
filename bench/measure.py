"""What the benchmark measures inside the bot's process: event-loop lag, memory, CPU time."""

from __future__ import annotations

import asyncio
import os
import resource
import statistics
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

PAGE = os.sysconf("SC_PAGE_SIZE")
MB = 1024 * 1024

TICKS_PER_S = os.sysconf("SC_CLK_TCK")  # the unit of /proc/<pid>/stat's CPU times


def quantile(values: Iterable[float], q: float) -> float | None:
    """The q-quantile (nearest rank) of `values`, or None when there are none."""
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def median(values: Iterable[float]) -> float | None:
    listed = list(values)
    return statistics.median(listed) if listed else None


class LoopLag:
    """How late the event loop wakes a 10 ms sleeper: what every chat update would wait."""

    def __init__(self, tick: float = 0.01) -> None:
        self.tick = tick
        self.lags: list[float] = []
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._watch())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _watch(self) -> None:
        while True:
            start = time.perf_counter()
            await asyncio.sleep(self.tick)
            self.lags.append(max(0.0, time.perf_counter() - start - self.tick))


@dataclass
class Memory:
    """Peaks of a process's RSS and of its child processes' (ffmpeg, ffprobe) summed, seen by
    a sampling thread. Run it in another process than the one watched: a scan of /proc takes
    milliseconds, which a thread in the bot's process would take from its event loop (GIL)."""

    pid: int
    every_s: float = 0.05
    peak_rss: int = 0
    peak_children_rss: int = 0  # summed RSS: libraries shared between children count each time
    peak_children: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._sample, name="bench-memory", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak_rss = max(self.peak_rss, rss_of(str(self.pid)))
            children = children_of(self.pid)
            self.peak_children = max(self.peak_children, len(children))
            self.peak_children_rss = max(
                self.peak_children_rss, sum(rss_of(str(pid)) for pid in children)
            )
            self._stop.wait(self.every_s)


def rss_of(pid: str) -> int:
    """Resident bytes of a process now (0 if it is gone)."""
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def peak_rss_self() -> int:
    """The kernel's high-water mark of this process's RSS, in bytes: VmHWM, not `ru_maxrss`,
    which a process started by fork and exec inherits from its parent (the benchmark's own
    process, after the audio figures, is bigger than a small bot run)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def cpu_seconds() -> tuple[float, float]:
    """CPU time (user + system) of this process, and of its children that have ended."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


def cpu_of(pids: Iterable[int]) -> float:
    """CPU time (user + system) of these processes, those still running: a process that ended
    meanwhile takes its share with it."""
    seconds = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()  # the name may hold spaces
        except (OSError, IndexError):
            continue
        seconds += (int(fields[11]) + int(fields[12])) / TICKS_PER_S  # utime, stime
    return seconds


def named(name: str) -> list[int]:
    """The running processes of this name (as /proc/<pid>/comm has it): a Postgres server's."""
    found = []
    for pid in _pids():
        try:
            with open(f"/proc/{pid}/comm") as comm:
                if comm.read().strip() == name:
                    found.append(pid)
        except OSError:
            continue
    return found


def children_of(pid: int) -> list[int]:
    """The processes `pid` started that are running now, as each of its threads' `children`
    file lists them: a few reads, where a look at every process's parent was some 65 (1.4 ms
    of a core this sampler shared with the bot, 20 times a second). A kernel without those
    files (CONFIG_PROC_CHILDREN) gets the look at every process."""
    if not os.path.exists(f"/proc/{pid}/task/{pid}/children"):
        return [other for other in _pids() if _parent_of(other) == pid]
    children: list[int] = []
    for thread in _listed(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{thread}/children") as listed:
                children.extend(int(child) for child in listed.read().split())
        except (OSError, ValueError):
            continue  # (a thread that just ended)
    return children


def _listed(folder: str) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _pids() -> list[int]:
    return [int(name) for name in _listed("/proc") if name.isdigit()]


def _parent_of(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return int(stat.read().rsplit(")", 1)[1].split()[1])  # the name may hold spaces
    except (OSError, IndexError, ValueError):
        return -1
