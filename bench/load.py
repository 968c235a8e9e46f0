"""The bot's side of a load run, in a fresh process per run so that its peak RSS, CPU time and
event-loop lag belong to that run alone.

`python -m bench.load say …` calls the real core's `say` N times at once; `python -m bench.load
telegram …` has N users send `/say` to the real python-telegram-bot `Application` (built by
`build_application`, polling the fake Bot API). Either prints one JSON object of figures.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import logging
import os
import signal
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from bench.control import SHIPPED_TEXT, WorldClient, tag_of
from bench.measure import (
    MB,
    LoopLag,
    cpu_of,
    cpu_seconds,
    median,
    named,
    peak_rss_self,
    quantile,
    rss_of,
)
from core.app import Core, open_core
from core.domain import Progress, Voice, VoiceClip, Where
from core.errors import VoicebotError
from core.jobs.log import aware
from core.messages import progress_text
from core.outbox import Reply, ReplyTarget
from core.settings import Settings, load_settings
from core.storage.tables import jobs

VOICE = "bench"
TEXT = "Hello from the benchmark, request {tag}."
TRANSCRIPT = "This is a benchmark speaker reading a long passage."
GROUP_ID = -1009000  # a Telegram supergroup: voices cloned there are usable by all its members
FIRST_USER = 800000000
# When a request started and ended, and when each stage of its progress began (wall clock).
Ended = tuple[float, float, dict[str, float]]


def settings_for(args: argparse.Namespace, data_dir: Path, **more: Any) -> Settings:
    """N people, one request each, no limits in the way (the bot's are per user and chat)."""
    return load_settings(
        _env_file=None,
        data_dir=data_dir,
        ai302_api_key=args.api_key,
        ai302_base_url=args.ai302,
        max_concurrent_jobs=min(1000, max(1, args.n)),
        max_queue=max(200, args.n),
        self_check=False,  # the fake transcriber hears other words: each job would retake
        user_requests_per_minute=0,
        chat_requests_per_minute=0,
        poll_interval_s=args.poll_interval_s,
        poll_interval_max_s=args.poll_interval_max_s,
        **more,
    )


def shipped_settings(args: argparse.Namespace, data_dir: Path) -> Settings:
    """The settings a deployment starts with: its own data, and a key for the (fake) service,
    so the self-check is on (`--self-check off` turns it off, to see what it costs)."""
    off = {"self_check": False} if args.self_check == "off" else {}
    return load_settings(
        _env_file=None,
        data_dir=data_dir,
        ai302_api_key=args.api_key,
        ai302_base_url=args.ai302,
        **off,
    )


class Run:
    """What one load run measures around the work it is given."""

    def __init__(
        self, world: WorldClient, n: int, others: Callable[[], dict[str, float]] | None = None
    ) -> None:
        self.world = world
        self.n = n
        self.lag = LoopLag()
        self._others = others or dict  # CPU seconds of other processes, by what they are

    async def measure(self, work: Callable[[], Awaitable[dict[str, Any]]]) -> dict[str, Any]:
        before = await self.world.stats()
        rss_before = rss_of("self")
        cpu_before, others_before = cpu_seconds(), self._others()
        self.lag.start()
        started = time.time()
        try:
            jobs = await work()
        finally:
            wall = time.time() - started
            await self.lag.stop()
        cpu_after, others_after = cpu_seconds(), self._others()
        after = await self.world.stats(since=started)
        requests = Counter(after["requests"])
        requests.subtract(before["requests"])
        lags = self.lag.lags
        return {
            "requested": self.n,
            **jobs,
            "wall_s": wall,
            "jobs_per_s": self.n / wall,
            "loop_lag_p99_ms": _ms(quantile(lags, 0.99)),
            "loop_lag_max_ms": _ms(max(lags or [0])),
            "rss_before_mb": rss_before / MB,
            "peak_rss_mb": peak_rss_self() / MB,
            "upstream_requests_per_job": sum(requests.values()) / self.n,
            "upstream_requests": {k: v for k, v in requests.items() if v},
            "cpu_ms_per_job": {
                "bot": 1000 * (cpu_after[0] - cpu_before[0]) / self.n,
                "ffmpeg": 1000 * (cpu_after[1] - cpu_before[1]) / self.n,
                "fakes": 1000 * (after["cpu_s"] - before["cpu_s"]) / self.n,
                **{
                    what: 1000 * (others_after[what] - seconds) / self.n
                    for what, seconds in others_before.items()
                },
            },
            "_tasks": after["tasks"],
        }


async def say_run(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """N different users each ask the core to `say` one sentence, all at once."""
    async with AsyncExitStack() as stack:
        http = await stack.enter_async_context(httpx.AsyncClient(timeout=60))
        settings = settings_for(args, tmp / "data")
        speech = await stack.enter_async_context(open_core(settings))
        where = Where("bench", "space", "user-0")
        await speech.voices.register(where, VOICE, args.reference_ogg, transcript=TRANSCRIPT)
        await warm_up(speech, where)
        people = [replace(where, user_id=f"user-{i}") for i in range(args.n)]
        run = Run(WorldClient(http, args.control), args.n)

        async def work() -> dict[str, Any]:
            tasks = {
                tag_of(i): asyncio.create_task(_one(speech, who, tag_of(i)))
                for i, who in enumerate(people)
            }
            _, unfinished = await asyncio.wait(tasks.values(), timeout=args.timeout_s)
            for task in unfinished:
                task.cancel()
            await asyncio.gather(*unfinished, return_exceptions=True)
            return _outcomes(tasks)

        figures = await run.measure(work)
    figures["jobs_in_db"] = _job_states(tmp / "data" / "voicebot.db")
    return _with_latencies(figures)


async def workers_run(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """N requests at once through a bot that hands its jobs to `--workers` `voicebot worker`
    processes sharing its database: how many jobs a second they finish together, and each
    request's time end to end ÷ its task's."""
    data = tmp / "data"
    url = args.database_url or f"sqlite+aiosqlite:///{data / 'voicebot.db'}"
    settings = settings_for(args, data, job_runner="workers", database_url=url)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DATA_DIR": str(data),
        "JOB_RUNNER": "workers",
        "AI302_API_KEY": args.api_key,
        "AI302_BASE_URL": args.ai302,
        "SELF_CHECK": "false",
        "MAX_CONCURRENT_JOBS": str(args.worker_jobs),
        "METRICS_PORT": "0",
        "POLL_INTERVAL_S": str(args.poll_interval_s),
        "POLL_INTERVAL_MAX_S": str(args.poll_interval_max_s),
        "LOG_LEVEL": "INFO",
    }
    voicebot = Path(sys.executable).with_name("voicebot")
    async with httpx.AsyncClient(timeout=60) as http, open_core(settings) as speech:
        where = Where("bench", "space", "user-0")
        await speech.voices.register(where, VOICE, args.reference_ogg, transcript=TRANSCRIPT)
        workers = [
            await asyncio.create_subprocess_exec(
                voicebot,
                "worker",
                cwd=tmp,
                env=env,
                stdin=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.PIPE,
            )
            for _ in range(args.workers)
        ]
        running = [asyncio.Event() for _ in workers]
        logs = [
            asyncio.create_task(_read_log(worker, up))
            for worker, up in zip(workers, running, strict=True)
        ]
        try:
            await asyncio.wait_for(asyncio.gather(*(up.wait() for up in running)), 120)
            await warm_up(speech, where)
            people = [replace(where, user_id=f"user-{i}") for i in range(args.n)]
            run = Run(
                WorldClient(http, args.control),
                args.n,
                lambda: {
                    "workers": cpu_of(worker.pid for worker in workers),
                    "database": cpu_of(named("postgres")) if args.database_url else 0.0,
                },
            )

            async def work() -> dict[str, Any]:
                tasks = {
                    tag_of(i): asyncio.create_task(_one(speech, who, tag_of(i)))
                    for i, who in enumerate(people)
                }
                _, unfinished = await asyncio.wait(tasks.values(), timeout=args.timeout_s)
                for task in unfinished:
                    task.cancel()
                await asyncio.gather(*unfinished, return_exceptions=True)
                return _outcomes(tasks)

            figures = _with_latencies(await run.measure(work))
            figures["claim_wait_median_s"], figures["claim_wait_p90_s"] = await _claim_waits(url)
        finally:
            for worker in workers:
                worker.send_signal(signal.SIGTERM)
            await asyncio.gather(*(worker.wait() for worker in workers))
            await asyncio.gather(*logs, return_exceptions=True)
    return {
        **figures,
        # the worker processes' whole lives (start-up and the warm-up job too), per job
        "workers_cpu_ms_per_job": 1000 * cpu_seconds()[1] / args.n,
        "workers": args.workers,
        "worker_jobs": args.worker_jobs,
        "jobs_per_s": figures["completed"] / figures["wall_s"],
        "database": "postgres" if url.startswith("postgresql") else "sqlite",
    }


async def _claim_waits(url: str) -> tuple[float | None, float | None]:
    """How long the run's jobs waited, once written, for a worker to claim them (median,
    p90): the workers' wake-up, in the time end to end."""
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                select(jobs.c.created_at, jobs.c.started_at).where(
                    jobs.c.started_at.is_not(None), jobs.c.text.not_like("%warmup%")
                )
            )
            waits = [(aware(claimed) - aware(made)).total_seconds() for made, claimed in rows]
    finally:
        await engine.dispose()
    return median(waits), quantile(waits, 0.9)


async def _read_log(worker: asyncio.subprocess.Process, running: asyncio.Event) -> None:
    """Read what a worker logs (a full pipe would block it); note when it says it runs."""
    assert worker.stderr is not None
    async for line in worker.stderr:
        if b"running up to" in line:
            running.set()


class Stages:
    """An outbox that notes when each stage of a job's progress began, and its error."""

    def __init__(self, began: dict[str, float]) -> None:
        self.began = began
        self.error: VoicebotError | None = None

    async def progress(self, where: Where, target: ReplyTarget, progress: Progress) -> None:
        self.began.setdefault(progress.stage, time.time())

    async def post(self, where: Where, target: ReplyTarget, clip: VoiceClip) -> None:
        pass

    async def fail(self, where: Where, target: ReplyTarget, error: VoicebotError) -> None:
        self.error = error

    async def ask_consent(self, where: Where, source: ReplyTarget, voice: Voice) -> bool:
        return True


async def _one(speech: Core, where: Where, tag: str, text: str = TEXT) -> Ended:
    """One request; when it started and ended, and when each stage of its progress began."""
    stages: dict[str, float] = {}
    start = time.time()
    outbox = Stages(stages)
    await speech.speaking.say(
        where,
        VOICE,
        text.format(tag=tag),
        reply=Reply(outbox, ReplyTarget("bench"), durable=False),
    )
    if outbox.error is not None:
        raise outbox.error
    return start, time.time(), stages


async def telegram_run(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """N users each send `/say` to the real PTB Application, all at once, each in a private
    chat with the bot (or all in one group: Telegram's 20-messages-a-minute limit per group,
    which the bot's rate limiter keeps, then shows). A job ends when its voice reaches the
    fake Bot API. With `--shipped`: the settings a deployment starts with, no warm-up job,
    and `SHIPPED_TEXT`."""
    from telegram import Update

    from bots.telegram.app import build_application
    from bots.telegram.settings import load_telegram_settings

    async with AsyncExitStack() as stack:
        http = await stack.enter_async_context(httpx.AsyncClient(timeout=60))
        world = WorldClient(http, args.control)
        data = tmp / "data"
        settings = shipped_settings(args, data) if args.shipped else settings_for(args, data)
        telegram = load_telegram_settings(
            _env_file=None,
            telegram_bot_token=SecretStr(args.bot_token),
            telegram_api_url=args.botapi,
        )
        speech = await stack.enter_async_context(open_core(settings))
        app = build_application(settings, telegram, speech)
        await stack.enter_async_context(app)
        await app.start()
        stack.push_async_callback(app.stop)
        assert app.updater is not None
        await app.updater.start_polling(allowed_updates=Update.ALL_TYPES)
        stack.push_async_callback(app.updater.stop)

        users = [FIRST_USER + i for i in range(args.n)]
        chats = [GROUP_ID] * args.n if args.chat == "group" else users
        cloners = users[:1] if args.chat == "group" else users  # a private voice is personal
        for user, chat in zip(cloners, chats, strict=False):
            await world.clone(chat, user, args.reference_ogg, f"/clone {VOICE} | {TRANSCRIPT}")
        for user, chat in zip(cloners, chats, strict=False):
            await _until_voice_exists(
                speech, Where("telegram", str(chat), str(user), private=chat > 0)
            )
        if not args.shipped:
            await warm_up(
                speech, Where("telegram", str(chats[0]), str(cloners[0]), private=chats[0] > 0)
            )
        text = SHIPPED_TEXT if args.shipped else TEXT
        texts = [f"/say {VOICE} {text.format(tag=tag_of(i))}" for i in range(args.n)]
        run = Run(world, args.n)

        async def work() -> dict[str, Any]:
            since = time.time()
            pushed = await world.say(chats, users, texts)
            seen = await world.voices(args.n, since, args.timeout_s)
            sent = {voice["reply_to"]: voice["at"] for voice in seen["voices"]}
            ended: dict[str, Ended] = {
                p["tag"]: (
                    p["pushed_at"],
                    sent[p["message_id"]],
                    _moments(seen["timeline"].get(str(p["message_id"]), {})),
                )
                for p in pushed
                if p["message_id"] in sent
            }
            failed = Counter("no voice" for p in pushed if p["message_id"] not in sent)
            return {
                "completed": len(ended),
                "failed": dict(failed),
                "_ended": ended,
                "chat": args.chat,
                "bot_api_calls_per_job": {
                    method: count / args.n for method, count in seen["calls"].items()
                },
                "replies_seen": seen["texts"] if failed else [],
            }

        figures = await run.measure(work)
    return _with_latencies(figures, TELEGRAM_SPANS)


def _moments(line: dict[str, Any]) -> dict[str, float]:
    """What the fake Bot API saw of one `/say` before its voice: when the bot took the update,
    when its status message came, when it was edited to say the voice is being encoded."""
    encoding = progress_text(Progress("encoding"), "en")
    found = {"received": line.get("received_at"), "status": line.get("status_at")}
    found["encoding"] = next((at for at, said in line.get("edits", []) if said == encoding), None)
    return {name: at for name, at in found.items() if at is not None}


async def coldstart_run(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """N bots just started, each on an empty database (as shipped), each asked once, all at
    once: how late each one's first finished task is seen, with no pace learnt yet."""
    async with AsyncExitStack() as stack:
        http = await stack.enter_async_context(httpx.AsyncClient(timeout=60))
        bots = []
        for i in range(args.n):
            speech = await stack.enter_async_context(
                open_core(shipped_settings(args, tmp / f"bot-{i}"))
            )
            where = Where("bench", f"space-{i}", f"user-{i}")
            await speech.voices.register(where, VOICE, args.reference_ogg, transcript=TRANSCRIPT)
            bots.append((speech, where))
        run = Run(WorldClient(http, args.control), args.n)

        async def work() -> dict[str, Any]:
            tasks = {
                tag_of(i): asyncio.create_task(_one(speech, where, tag_of(i), SHIPPED_TEXT))
                for i, (speech, where) in enumerate(bots)
            }
            _, unfinished = await asyncio.wait(tasks.values(), timeout=args.timeout_s)
            for task in unfinished:
                task.cancel()
            await asyncio.gather(*unfinished, return_exceptions=True)
            return _outcomes(tasks)

        figures = await run.measure(work)
    return _with_latencies(figures)


async def warm_up(speech: Core, where: Where) -> None:
    """One job before the run, as a bot that has served before has had (or recalls from its
    database after a restart): the poller then knows how long tasks take."""
    await speech.speaking.say(where, VOICE, TEXT.format(tag="warmup"))


async def _until_voice_exists(speech: Core, where: Where) -> None:
    """Wait (a minute at most) for the `/clone` sent through Telegram to store the voice."""
    for _ in range(1200):
        if await speech.voices.usable(where):
            return
        await asyncio.sleep(0.05)
    raise RuntimeError("the voice cloned through Telegram never appeared")


def _outcomes(tasks: dict[str, asyncio.Task[Ended]]) -> dict[str, Any]:
    """Completed jobs' times by tag; the others counted by what ended them."""
    ended: dict[str, Ended] = {}
    failed, examples = Counter[str](), dict[str, str]()
    for tag, task in tasks.items():
        if task.cancelled():
            failed["unfinished at the time limit"] += 1
        elif (error := task.exception()) is not None:
            kind = type(error).__name__
            failed[kind] += 1
            examples.setdefault(kind, _described(error))
        else:
            ended[tag] = task.result()
    return {
        "completed": len(ended),
        "failed": dict(failed),
        "failure_examples": examples,
        "_ended": ended,
    }


def _described(error: BaseException) -> str:
    """An error and what caused it, in a line (our texts are fixed: no user data in them)."""
    chain: list[str] = []
    cause: BaseException | None = error
    while cause is not None and len(chain) < 4:
        chain.append(f"{type(cause).__module__}.{type(cause).__name__}: {str(cause)[:200]}")
        cause = cause.__cause__ or cause.__context__
    return " ← ".join(chain)


# Where a job's time goes, between moments the bench sees: the job's own progress reports
# (on_progress) and what the fake upstream recorded of its task.
SPANS = {
    "start→slot": ("start", "preparing"),  # quota, the job row, a queue slot
    "slot→task created": ("preparing", "created"),  # the reference, the create request
    "task ready→seen": ("ready_at", "answered_at"),  # the polling schedule
    "seen→download": ("answered_at", "downloaded_at"),  # asked for the result
    "download→encoding": ("downloaded_at", "encoding"),  # fetched, the self-check
    "encoding→done": ("encoding", "end"),  # encoding, the job's last writes
}
# The same through Telegram, from what the fakes recorded: the Bot API's calls and the
# upstream's task, each as it arrived (wall clock), from the update pushed to the voice posted.
TELEGRAM_SPANS = {
    "update→bot": ("start", "received"),  # the bot's getUpdates long poll
    "bot→status shown": ("received", "status"),  # PTB, the status message (rate limiter)
    "status→task created": ("status", "created"),  # rules, job row, slot, reference, create
    "task ready→seen": ("ready_at", "answered_at"),  # the polling schedule
    "seen→download": ("answered_at", "downloaded_at"),  # asked for the result
    "download→encoding shown": ("downloaded_at", "encoding"),  # self-check, the edit
    "encoding shown→voice": ("encoding", "end"),  # encode, job rows, sendVoice (limiter)
}


def _with_latencies(
    figures: dict[str, Any], spans_seen: dict[str, tuple[str, str]] = SPANS
) -> dict[str, Any]:
    """Per job: its time end to end ÷ its own task's generation time; and the notice latency,
    from the task becoming ready upstream to the voice being done (split at the first poll
    that saw it ready)."""
    tasks = {t["tag"]: t for t in figures.pop("_tasks") if t["tag"]}
    ended: dict[str, Ended] = figures.pop("_ended")
    e2e, ratio, notice, poll_delay, after_poll = [], [], [], [], []
    spans: dict[str, list[float]] = {name: [] for name in spans_seen}
    for tag, (start, end, stages) in ended.items():
        e2e.append(end - start)
        task = tasks.get(tag)
        if task is None:
            continue
        ratio.append((end - start) / max(1e-6, task["ready_at"] - task["created"]))
        notice.append(end - task["ready_at"])
        if task["answered_at"] is not None:
            poll_delay.append(task["answered_at"] - task["ready_at"])
            after_poll.append(end - task["answered_at"])
        moments = {"start": start, "end": end, **stages, **task}
        for name, (first, then) in spans_seen.items():
            if moments.get(first) is not None and moments.get(then) is not None:
                spans[name].append(moments[then] - moments[first])
    figures.update(
        {
            "median_s": median(e2e),
            "p95_s": quantile(e2e, 0.95),
            "overhead_median": median(ratio),
            "overhead_p95": quantile(ratio, 0.95),
            "overhead_p90": quantile(ratio, 0.9),
            "overheads": sorted(ratio),  # each job's, for quantiles over unfinished ones too
            "notice_median_s": median(notice),
            "notice_p95_s": quantile(notice, 0.95),
            "ready_to_seen_median_s": median(poll_delay),
            "ready_to_seen_p90_s": quantile(poll_delay, 0.9),
            "seen_to_sent_median_s": median(after_poll),
            "polls_per_task": (
                sum(t["polls"] for t in tasks.values()) / len(tasks) if tasks else None
            ),
            "task_s_median": median(t["ready_at"] - t["created"] for t in tasks.values()),
            "stages_median_s": {name: median(values) for name, values in spans.items() if values},
            "stages_p90_s": {
                name: quantile(values, 0.9) for name, values in spans.items() if values
            },
        }
    )
    return figures


def _job_states(db: Path) -> dict[str, int]:
    """The jobs as stored: a cross-check that none was lost on the way."""
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT state, count(*) FROM jobs GROUP BY state").fetchall())


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else seconds * 1000


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("what", choices=["say", "telegram", "workers", "coldstart"])
    parser.add_argument("--n", type=int, required=True, help="requests, all at once")
    parser.add_argument("--ai302", required=True)
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--botapi", default="")
    parser.add_argument("--bot-token", default="")
    parser.add_argument("--control", required=True)
    parser.add_argument("--reference", required=True, help="a voice note to clone")
    parser.add_argument("--poll-interval-s", type=float, required=True)
    parser.add_argument("--poll-interval-max-s", type=float, required=True)
    parser.add_argument("--chat", choices=["private", "group"], default="private")
    parser.add_argument("--timeout-s", type=float, default=600)
    parser.add_argument("--profile", help="write cProfile stats of the run here")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (workers)")
    parser.add_argument("--worker-jobs", type=int, default=50, help="jobs each runs at once")
    parser.add_argument(
        "--database-url", default="", help="the workers' database (default: SQLite)"
    )
    parser.add_argument(
        "--shipped", action="store_true", help="shipped settings, no warm-up (telegram)"
    )
    parser.add_argument(
        "--self-check", choices=["default", "off"], default="default", help="(as shipped)"
    )
    args = parser.parse_args()
    args.reference_ogg = Path(args.reference).read_bytes()
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    run = {
        "say": say_run,
        "telegram": telegram_run,
        "workers": workers_run,
        "coldstart": coldstart_run,
    }[args.what]
    profile = cProfile.Profile() if args.profile else None
    with tempfile.TemporaryDirectory(prefix="voicebot-bench-") as tmp:
        if profile is not None:
            profile.enable()
        figures = asyncio.run(run(args, Path(tmp)))
        if profile is not None:
            profile.disable()
            profile.dump_stats(args.profile)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
