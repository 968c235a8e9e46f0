"""The Higgs Audio v2 task APIs on 302.AI: create a task, poll it to a deadline, fetch the audio.

Responses are parsed tolerantly: the published contract leaves their shape open (UPSTREAM.md).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal

from core import process
from core.errors import ReferenceUnreachable, TaskFailed, UpstreamTimeout, UpstreamUnavailable
from core.upstream.api import Ai302, Sleep, first_url
from core.upstream.poller import Poller
from core.upstream.results import ResultRules

log = logging.getLogger(__name__)

Task = Literal["clone", "smart"]
OnTask = Callable[[str], Awaitable[None]]

DONE_STATES = {"SUCCESS", "SUCCEEDED", "SUCCEED", "COMPLETED", "COMPLETE", "DONE", "FINISHED"}
PENDING_STATES = {
    "PENDING",
    "QUEUED",
    "QUEUING",
    "WAITING",
    "SUBMITTED",
    "CREATED",
    "STARTED",
    "PROCESSING",
    "RUNNING",
    "IN_PROGRESS",
    "GENERATING",
}
FAILED_STATES = {"FAILURE", "FAILED", "ERROR", "CANCELLED", "CANCELED", "TIMEOUT", "REVOKED"}
AUDIO_KEYS = ("audio_url", "url", "output", "audio", "file_url", "result", "data")
# Words with which a failed task says it could not fetch or read a reference clip.
REFERENCE_WORDS = ("ref_audio", "ref audio", "reference")
LEARNING = 0.2  # weight of the latest task in the expected time per character
# A text shorter than this takes about as long as one this long: its time is mostly the
# task's own fixed cost. So it counts as this long, for the pace it tells and the time it is
# expected to take (short requests, the most common, were otherwise never expected at all,
# and each was seen up to an interval late).
SHORTEST_CHARS = 40
EXPECT_AT_MOST_S = 60.0
# A prior, for a task of unknown pace (a bot that has seen none end yet, or a task resumed
# after a restart): most end within 20 s, so one is looked at often for 1.5 times that, and
# the first request after start-up is seen an interval after its end, not a long backoff.
UNKNOWN_STEADY_S = 30.0
# While no pace is learnt, what earlier runs and the other processes saw is recalled at most
# this often (a new bot has nothing to recall until its first tasks end, or another's do).
RECALL_EVERY_S = 5.0

Times = list[tuple[float, int]]  # tasks' lengths: seconds, and the characters they spoke


@dataclass(frozen=True, slots=True)
class TaskStatus:
    state: Literal["pending", "done", "failed"]
    audio_url: str | None = None
    message: str = ""


@dataclass(frozen=True, slots=True)
class HiggsUrls:
    clone_create: str
    clone_query: str
    smart_create: str
    smart_query: str

    def create(self, task: Task) -> str:
        return self.clone_create if task == "clone" else self.smart_create

    def query(self, task: Task) -> str:
        return self.clone_query if task == "clone" else self.smart_query

    def all(self) -> list[str]:
        return [self.clone_create, self.clone_query, self.smart_create, self.smart_query]


class HiggsClient:
    """Create, poll and fetch Higgs tasks; `generate` does all three."""

    def __init__(
        self,
        *,
        api: Ai302,
        urls: HiggsUrls,
        deadline_s: float = 180.0,
        poll_interval_s: float = 0.5,
        poll_interval_max_s: float = 2.0,
        results: ResultRules | None = None,
        sleep: Sleep,
    ) -> None:
        self._api = api
        self._urls = urls
        self._deadline_s = deadline_s
        # where results may come from: by default the task URLs' hosts and 302.AI's file hosts
        self._results = results or ResultRules.of(upstream=urls.all())
        self._seconds_per_char: float | None = None  # learnt from finished tasks
        self._recall_from: Callable[[], Awaitable[Times]] | None = None
        self._recalling: asyncio.Future[Times] | None = None
        self._recalled_at = float("-inf")  # (monotonic)
        self._guessed: dict[tuple[Task, str], int] = {}  # polled, nothing expected: their chars
        self._running_at: dict[tuple[Task, str], float | None] = {}  # polled: last seen running
        self._poller: Poller[tuple[Task, str], TaskStatus] = Poller(
            self._look,
            lambda status: status.state != "pending",
            interval=poll_interval_s,
            interval_max=poll_interval_max_s,
            sleep=sleep,
            unknown_steady_s=UNKNOWN_STEADY_S,
        )

    async def create(self, task: Task, body: dict[str, Any]) -> str:
        """Start a billable task; returns its id."""
        payload = await self._api.post_json(self._urls.create(task), body, billable=True)
        task_id = _find(payload, ("task_id",))
        if task_id is None:
            task_id = _find(payload, ("id",))
        if not isinstance(task_id, (str, int)) or task_id == "":
            raise UpstreamUnavailable("create answered without a task id")
        return str(task_id)

    async def query(self, task: Task, task_id: str) -> TaskStatus:
        return parse_status(await self._api.get_json(self._urls.query(task), {"task_id": task_id}))

    async def _look(self, key: tuple[Task, str]) -> TaskStatus:
        """The poller's look at a task, noting when it was last seen running."""
        status = await self.query(*key)
        if status.state == "pending" and key in self._running_at:
            self._running_at[key] = time.monotonic()
        return status

    async def wait(
        self, task: Task, task_id: str, *, chars: int | None = None, made_at: float = 0.0
    ) -> bytes:
        """Poll until the task ends and fetch its audio, both within the one deadline (a body
        that trickles in ends there too). For a task just created (at `made_at`, monotonic)
        for `chars` characters, looks start near when it should end."""
        ends_at = asyncio.get_running_loop().time() + self._deadline_s
        try:
            async with asyncio.timeout_at(ends_at):
                url = await self._poll(task, task_id, chars, made_at)
        except TimeoutError:
            raise UpstreamTimeout(f"task {task_id} unfinished at the deadline") from None
        left = ends_at - asyncio.get_running_loop().time()
        async with process.fetching():  # a finished task's audio waits upstream, not here
            try:  # (so the time spent waiting for room here is not counted)
                async with asyncio.timeout(left):
                    return await self._api.download(url, self._results)
            except TimeoutError:
                log.warning("Higgs task %s: its audio still downloading at the deadline", task_id)
                raise UpstreamTimeout(f"task {task_id}: audio unfetched at the deadline") from None

    async def _poll(self, task: Task, task_id: str, chars: int | None, made_at: float) -> str:
        """The audio URL of the task once it succeeded. A task's time counts from its
        creation (`made_at`), not from the writes that followed it."""
        if chars is not None and self._seconds_per_char is None:
            await self._recall()
        key = (task, task_id)
        started = made_at or time.monotonic()
        expect_s = None if chars is None else self._expect_s(chars)
        if chars is not None and expect_s is None:  # told what to expect once a task ends
            self._guessed[key] = chars
        self._running_at[key] = None
        try:
            status = await self._poller.until_settled(
                key,
                expect_s=expect_s,
                look_now=chars is None,  # (None: waited again)
                made_s_ago=time.monotonic() - started,
            )
        finally:
            self._guessed.pop(key, None)
            running_at = self._running_at.pop(key)
        if chars is not None and status.state == "done":
            self.learn(_took(started, running_at, time.monotonic()), chars)
        if status.state == "failed":
            log.warning("Higgs task %s failed: %s", task_id, status.message[:200])
            lowered = status.message.lower()
            if task == "clone" and any(word in lowered for word in REFERENCE_WORDS):
                raise ReferenceUnreachable("task could not use a reference clip")
            raise TaskFailed("task failed")
        if not status.audio_url:
            raise TaskFailed("task succeeded without an audio URL")
        return status.audio_url

    async def generate(self, task: Task, body: dict[str, Any], *, on_task: OnTask) -> bytes:
        """Create a task, report its id (so it can be resumed), wait, return the audio."""
        task_id = await self.create(task, body)
        made_at = time.monotonic()
        await on_task(task_id)
        chars = max(1, len(str(body.get("input_text", ""))))
        return await self.wait(task, task_id, chars=chars, made_at=made_at)

    def recall_from(self, times: Callable[[], Awaitable[Times]]) -> None:
        """Where to recall how long tasks took (the job log: an earlier run's, another
        process's), while this client has learnt no pace of its own."""
        self._recall_from = times

    async def _recall(self) -> None:
        """Start from the median pace of the tasks recalled (so that one odd task does not
        set it). Tasks made together share one recall; a failed one is tried again later."""
        if self._recall_from is None:
            return
        if self._recalling is None or (
            self._recalling.done() and time.monotonic() - self._recalled_at >= RECALL_EVERY_S
        ):
            self._recalled_at = time.monotonic()
            self._recalling = asyncio.ensure_future(self._recall_from())
        try:
            times = await asyncio.shield(self._recalling)
        except Exception as exc:  # (polling goes on as for a bot with nothing to recall)
            log.warning("recalling the upstream's pace failed: %s", type(exc).__name__)
            return
        paces = sorted(seconds / _counted(chars) for seconds, chars in times if seconds > 0)
        if paces and self._seconds_per_char is None:
            self._known(paces[len(paces) // 2])

    def learn(self, seconds: float, chars: int) -> None:
        """How long tasks take per character of text, lately (a moving average), as the tasks
        it waits for tell."""
        sample = seconds / _counted(chars)
        known = self._seconds_per_char
        self._known(sample if known is None else (1 - LEARNING) * known + (LEARNING * sample))

    def _known(self, seconds_per_char: float) -> None:
        """The pace from now on. The first known tells the poller what to expect of the
        tasks in flight meanwhile."""
        known, self._seconds_per_char = self._seconds_per_char, seconds_per_char
        if known is None and self._guessed:
            expected = {key: self._expect_s(n) for key, n in self._guessed.items()}
            self._poller.expect({key: s for key, s in expected.items() if s is not None})
            self._guessed.clear()

    def _expect_s(self, chars: int) -> float | None:
        """How long a task of `chars` characters should take, once a pace is known; never so
        long that a wrong guess costs much (or outlasts the deadline)."""
        if self._seconds_per_char is None:
            return None
        return min(
            self._seconds_per_char * _counted(chars), EXPECT_AT_MOST_S, self._deadline_s / 3
        )


def _took(started: float, running_at: float | None, seen_at: float) -> float:
    """How long a task took, as its looks tell: it ended between the last look that saw it
    running and the one that saw it done, so in the middle on average (counting to the
    latter, every pace learnt was up to a poll interval long, and every task expected that
    much late). Seen done at its first look, it took that long at most."""
    if running_at is None:
        return seen_at - started
    return (running_at + seen_at) / 2 - started


def _counted(chars: int) -> int:
    """The characters a text counts as, for its task's time (`SHORTEST_CHARS`)."""
    return max(chars, SHORTEST_CHARS)


def parse_status(payload: Any) -> TaskStatus:
    """Read a query answer whatever its shape: `state` or `status`, flat or nested."""
    raw_state = _find(payload, ("state", "status", "task_status"), want=str)
    state = str(raw_state or "").strip().upper()
    url = first_url(payload, AUDIO_KEYS)
    message = _find(payload, ("message", "error", "err_msg", "reason", "detail"), want=str)
    if state in FAILED_STATES:
        return TaskStatus("failed", message=str(message or ""))
    if state in DONE_STATES or (url and state not in PENDING_STATES):
        return TaskStatus("done", audio_url=url)
    return TaskStatus("pending")


def _find(payload: Any, keys: tuple[str, ...], want: type | None = None) -> Any:
    """The first value under one of `keys`, looking into nested dicts breadth-first."""
    queue = [payload]
    while queue:
        node = queue.pop(0)
        if not isinstance(node, dict):
            continue
        for key in keys:
            value = node.get(key)
            if value is not None and (want is None or isinstance(value, want)):
                return value
        queue.extend(v for v in node.values() if isinstance(v, dict))
    return None
