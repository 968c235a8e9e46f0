"""Benchmarks: first the bot as shipped (bench/shipped.py), then the audio pipeline against
bare ffmpeg, and `say` under load against a fake 302.AI with a configurable generation time,
through the real core (and once through the real python-telegram-bot stack against a fake Bot
API). Prints tables; writes every figure as JSON.

Run with `./run.sh bench`. Everything stays on this machine: the fakes listen on 127.0.0.1 in a
process of their own, each load run is a fresh bot process, and each run stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bench import shipped
from bench.audio import audio_figures, speech_clip
from bench.control import HEARD, Urls
from bench.measure import MB, Memory
from bench.world import Hearing, open_world
from core.settings import Settings
from tests.fakes.ai302 import API_KEY
from tests.fakes.telegram import TOKEN
from tests.postgres import Unavailable, private_cluster

PARTS = ("shipped", "audio", "say", "telegram", "workers")
REFERENCE_S = 12  # the voice every load run clones
ROOT = Path(__file__).resolve().parent.parent  # where `python -m bench.load` is found
WORKER_LATENCY = "20:5"  # the workers on Postgres: users at once : task s

# The targets.
OVERHEAD_TARGET = 1.05  # end-to-end ÷ upstream task time, at 100 concurrent
NOTICE_TARGET_S = 0.5  # median, task ready upstream → voice done
RSS_TARGET_MB = 300.0  # peak, at 1,000 concurrent
LAG_TARGET_MS = 50.0  # event-loop lag p99, at 1,000 concurrent
AUDIO_TARGET = 1.2  # our decode / encode of a 30 s clip ÷ bare ffmpeg

out = Console(width=None if sys.stdout.isatty() else 200)


def schedule(text: str) -> tuple[float, float]:
    """`INTERVAL:MAX` seconds, as POLL_INTERVAL_S and POLL_INTERVAL_MAX_S: after the look made
    at once, the first poll waits INTERVAL, each next one 1.5 times longer, up to MAX. (With
    MAX below INTERVAL: wait INTERVAL, then poll every MAX.)"""
    first, _, cap = text.partition(":")
    try:
        interval, interval_max = float(first), float(cap or first)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not INTERVAL:MAX seconds: {text!r}") from None
    if interval <= 0 or interval_max <= 0:
        raise argparse.ArgumentTypeError("need INTERVAL > 0 and MAX > 0")
    return interval, interval_max


def default_schedule() -> tuple[float, float]:
    fields = Settings.model_fields
    return fields["poll_interval_s"].default, fields["poll_interval_max_s"].default


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--shipped",
        type=shipped.load_spec,
        nargs="+",
        default=[shipped.load_spec(spec) for spec in shipped.RUNS],
        metavar="USERS:TASK_S[:SPREAD_S]",
        help="the as-shipped runs, printed first (default 20:5 100:10:2; the first is also "
        "run with the self-check off, to see what it adds)",
    )
    parser.add_argument(
        "--shipped-timeout-s",
        type=float,
        default=shipped.TIMEOUT_S,
        help=f"each as-shipped run's limit (default {shipped.TIMEOUT_S:g})",
    )
    parser.add_argument(
        "--cold-runs",
        type=int,
        default=shipped.COLD_RUNS,
        help="bots started on an empty database for the cold-start figure, in the last "
        f"as-shipped run's world (default {shipped.COLD_RUNS}; 0: skip)",
    )
    parser.add_argument(
        "--transcription-s",
        type=float,
        default=shipped.TRANSCRIPTION_S,
        help=f"the fake transcriber's time per take, as shipped (default "
        f"{shipped.TRANSCRIPTION_S:g})",
    )
    parser.add_argument(
        "--doubtful-share",
        type=float,
        default=shipped.DOUBTFUL_SHARE,
        help="share of takes made at half length, as shipped: the self-check hears them "
        f"(default {shipped.DOUBTFUL_SHARE:g})",
    )
    parser.add_argument("--runs", type=int, default=5, help="repeats per audio figure")
    parser.add_argument(
        "--reference-s",
        type=int,
        nargs="+",
        default=[10, 30, 600],
        help="voice-note lengths to prepare as references (default 10 30 600)",
    )
    parser.add_argument(
        "--encode-s",
        type=int,
        nargs="+",
        default=[5, 30],
        help="speech lengths to encode as voice messages (default 5 30)",
    )
    parser.add_argument(
        "--generation-s",
        type=float,
        default=10.0,
        help="the fake upstream's mean time per task (default 10)",
    )
    parser.add_argument(
        "--generation-spread-s",
        type=float,
        default=2.0,
        help="each task takes generation-s ± up to this, uniformly (default 2)",
    )
    parser.add_argument(
        "--output-s",
        type=float,
        default=5.0,
        help="length of the speech each task yields (default 5)",
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        nargs="+",
        default=[1, 100, 1000],
        help="`say` requests at once, one run each (default 1 100 1000)",
    )
    parser.add_argument(
        "--poll",
        type=schedule,
        action="append",
        metavar="INTERVAL:MAX",
        help="a polling schedule to run the `say` figures with, as "
        "POLL_INTERVAL_S:POLL_INTERVAL_MAX_S (repeatable; default: the "
        "settings' defaults; 8:0.5 waits 8 s, then polls every 0.5 s)",
    )
    parser.add_argument(
        "--telegram-concurrency",
        type=int,
        default=10,
        help="/say updates at once through the real PTB stack (0: skip)",
    )
    parser.add_argument(
        "--telegram-chat",
        choices=["private", "group"],
        default="private",
        help="each user in a private chat with the bot (default), or all in "
        "one group (where Telegram allows 20 messages a minute)",
    )
    parser.add_argument(
        "--timeout-s",
        type=float,
        default=600.0,
        help="each load run's time limit; jobs unfinished by then count as lost",
    )
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[1, 2, 4],
        help="worker processes to measure throughput with (default 1 2 4)",
    )
    parser.add_argument(
        "--worker-requests",
        type=int,
        default=300,
        help="requests at once in each worker run (default 300; 0: skip those runs)",
    )
    parser.add_argument(
        "--worker-jobs",
        type=int,
        default=50,
        help="jobs each worker runs at once (MAX_CONCURRENT_JOBS; default 50)",
    )
    parser.add_argument(
        "--worker-generation-s",
        type=float,
        default=1.0,
        help="the fake upstream's time per task in the worker runs (default 1, "
        "± a fifth): short, so that the workers' own work is what limits them",
    )
    parser.add_argument(
        "--worker-latency",
        type=shipped.load_spec,
        default=shipped.load_spec(WORKER_LATENCY),
        metavar="USERS:TASK_S[:SPREAD_S]",
        help="the workers' time end to end on Postgres: this many users at once, tasks this "
        f"long (default {WORKER_LATENCY})",
    )
    parser.add_argument(
        "--worker-latency-workers",
        type=int,
        default=2,
        help="worker processes in that run (default 2; 0: skip it)",
    )
    parser.add_argument(
        "--parts",
        nargs="+",
        choices=PARTS,
        default=list(PARTS),
        help="what to measure (default: all)",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=Path("bench-results.json"),
        help="where to write every figure (default ./bench-results.json)",
    )
    parser.add_argument(
        "--profile", type=Path, metavar="DIR", help="write each load run's cProfile stats into DIR"
    )
    args = parser.parse_args()
    args.poll = args.poll or [default_schedule()]
    return args


async def main() -> None:
    args = parse_args()
    results: dict[str, Any] = {
        "meta": {
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "loadavg_1m": os.getloadavg()[0],
            "generation_s": args.generation_s,
            "generation_spread_s": args.generation_spread_s,
            "output_s": args.output_s,
            "self_check": False,
            "args": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        }
    }
    with tempfile.TemporaryDirectory(prefix="voicebot-bench-") as tmp:
        folder = Path(tmp)
        if "shipped" in args.parts:
            results["shipped"] = await shipped_runs(args, folder)
            out.print(shipped.shipped_table(results["shipped"], args.shipped_timeout_s))
            out.print(shipped.stages_table(results["shipped"]))
            if failed := failures(results["shipped"]["runs"]):
                out.print(failed, markup=False, highlight=False)
            if "coldstart" in results["shipped"]:
                out.print(shipped.cold_table(results["shipped"]["coldstart"]))
        if "audio" in args.parts:
            results["audio"] = await audio_figures(
                folder, args.runs, args.reference_s, args.encode_s
            )
            out.print(audio_table(results["audio"]))
        if {"say", "telegram"} & set(args.parts):
            reference = folder / "reference.ogg"
            reference.write_bytes(speech_clip(folder, REFERENCE_S))
            async with open_world(
                args.generation_s, args.generation_spread_s, args.output_s
            ) as world:
                if "say" in args.parts:
                    results["say"] = await say_runs(args, world, reference)
                    out.print(say_table(results["say"], args))
                    if failed := failures(results["say"]):
                        out.print(failed, markup=False, highlight=False)
                    out.print(stages_table(results["say"]))
                    out.print(load_table(results["say"]))
                if "telegram" in args.parts and args.telegram_concurrency > 0:
                    results["telegram"] = await load_run(
                        "telegram", args.telegram_concurrency, args.poll[0], args, world, reference
                    )
                    out.print(telegram_table(results["telegram"], args))
                    if failed := failures([results["telegram"]]):
                        out.print(failed, markup=False, highlight=False)
        if "workers" in args.parts:
            reference = folder / "reference.ogg"
            if not reference.exists():
                reference.write_bytes(speech_clip(folder, REFERENCE_S))
            if args.worker_requests > 0:
                async with open_world(
                    args.worker_generation_s, args.worker_generation_s / 5, args.output_s
                ) as world:
                    results["workers"] = await worker_runs(args, world, reference)
                out.print(workers_table(results["workers"], args))
            if args.worker_latency_workers > 0:
                load = args.worker_latency
                async with open_world(load.task_s, load.spread_s, args.output_s) as world:
                    results["workers_latency"] = await worker_latency_run(args, world, reference)
                out.print(worker_latency_table(results["workers_latency"], args))
    results["targets"] = targets(results)
    if results["targets"]:
        out.print(targets_table(results["targets"]))
    args.json.write_text(json.dumps(results, indent=2) + "\n")
    out.print(f"Every figure: {args.json}")


async def shipped_runs(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    """The as-shipped runs, each in a world of its own load; the first also with the
    self-check off; then the cold start, in the last one's world."""
    reference = folder / "reference.ogg"
    reference.write_bytes(speech_clip(folder, REFERENCE_S))
    hearing = Hearing(HEARD, args.transcription_s, args.doubtful_share)
    poll, limit = default_schedule(), args.shipped_timeout_s
    found: dict[str, Any] = {
        "runs": [],
        "hearing": {
            "transcription_s": hearing.transcription_s,
            "doubtful_share": hearing.doubtful_share,
        },
    }
    for index, load in enumerate(args.shipped):
        async with open_world(load.task_s, load.spread_s, args.output_s, hearing=hearing) as world:
            for check in ["default", "off"] if index == 0 else ["default"]:
                row = await load_run(
                    "telegram",
                    load.users,
                    poll,
                    args,
                    world,
                    reference,
                    ["--shipped", "--self-check", check, "--chat", "private"],
                    timeout_s=limit,
                )
                found["runs"].append(
                    {**shipped.summarised(row), "load": str(load), "self_check": check}
                )
            if index == len(args.shipped) - 1 and args.cold_runs > 0:
                found["coldstart"] = await load_run(
                    "coldstart", args.cold_runs, poll, args, world, reference, timeout_s=limit
                )
    found["check_added"] = shipped.check_added(*found["runs"][:2])  # the first load, on, off
    return found


async def say_runs(args: argparse.Namespace, world: Urls, reference: Path) -> list[dict[str, Any]]:
    rows = []
    for poll in args.poll:
        for n in args.concurrency:
            rows.append(await load_run("say", n, poll, args, world, reference))
    return rows


async def worker_runs(
    args: argparse.Namespace, world: Urls, reference: Path
) -> list[dict[str, Any]]:
    """Throughput with 1, 2, 4… worker processes, each run on a fresh database; the scaling
    is each run's jobs/s ÷ the one-worker run's."""
    rows = []
    for count in args.workers:
        rows.append(
            await load_run(
                "workers",
                args.worker_requests,
                args.poll[0],
                args,
                world,
                reference,
                ["--workers", str(count), "--worker-jobs", str(args.worker_jobs)],
            )
        )
    base = next(
        (r["jobs_per_s"] for r in rows if r.get("workers") == 1 and "error" not in r), None
    )
    for r in rows:
        if base and "error" not in r:
            r["scaling"] = r["jobs_per_s"] / base
    return rows


async def worker_latency_run(
    args: argparse.Namespace, world: Urls, reference: Path
) -> dict[str, Any]:
    """Users at once through a bot that hands their jobs to `voicebot worker` processes, all
    on a private Postgres cluster: each request's time end to end ÷ its task's."""
    load = args.worker_latency
    count = args.worker_latency_workers
    more = ["--workers", str(count), "--worker-jobs", str(args.worker_jobs)]
    try:
        with private_cluster() as cluster:
            await cluster.admin('CREATE DATABASE "bench"')
            more += ["--database-url", cluster.url("bench")]
            row = await load_run("workers", load.users, args.poll[0], args, world, reference, more)
    except Unavailable as exc:
        return {"concurrency": load.users, "workers": count, "error": f"no Postgres: {exc}"}
    if "error" in row:
        return row
    return {**row, "load": str(load), **shipped.summarised(row)}


async def load_run(
    what: str,
    n: int,
    poll: tuple[float, float],
    args: argparse.Namespace,
    world: Urls,
    reference: Path,
    more: list[str] | None = None,
    *,
    timeout_s: float | None = None,
) -> dict[str, Any]:
    """One load run in a fresh bot process; its figures, or the error that stopped it."""
    timeout_s = args.timeout_s if timeout_s is None else timeout_s
    row: dict[str, Any] = {
        "concurrency": n,
        "poll_interval_s": poll[0],
        "poll_interval_max_s": poll[1],
        "loadavg_1m": os.getloadavg()[0],
    }
    argv = [
        sys.executable,
        "-m",
        "bench.load",
        what,
        "--n",
        str(n),
        "--ai302",
        world.ai302,
        "--api-key",
        API_KEY,
        "--botapi",
        world.botapi,
        "--bot-token",
        TOKEN,  # fakes'
        "--control",
        world.control,
        "--reference",
        str(reference),
        "--poll-interval-s",
        str(poll[0]),
        "--poll-interval-max-s",
        str(poll[1]),
        "--timeout-s",
        str(timeout_s),
    ]
    if what == "telegram":
        argv += ["--chat", args.telegram_chat]
    argv += more or []
    if args.profile is not None:
        args.profile.mkdir(parents=True, exist_ok=True)
        argv += ["--profile", str(args.profile / f"{what}-{n}-{poll[0]:g}-{poll[1]:g}.pstats")]
    out.print(f"[dim]{what}: {n} at once, polling every {poll[0]:g}…{poll[1]:g} s[/dim]")
    proc = await asyncio.create_subprocess_exec(
        *argv, cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    memory = Memory(proc.pid)  # watched from here: sampling in the bot would slow its loop
    memory.start()
    try:  # the run stops itself at --timeout-s; this is for a run that hangs anyway
        stdout, stderr = await asyncio.wait_for(proc.communicate(), timeout_s + 180)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        return {**row, "error": "the bot process did not finish in time and was killed"}
    finally:
        memory.stop()
    row.update(
        peak_children=memory.peak_children, peak_children_rss_mb=memory.peak_children_rss / MB
    )
    if proc.returncode != 0 or not stdout.strip():
        tail = stderr.decode(errors="replace").strip().splitlines()[-12:]
        return {**row, "error": "\n".join(tail) or f"exit code {proc.returncode}"}
    return {**row, **json.loads(stdout.decode().strip().splitlines()[-1])}


# --- tables -----------------------------------------------------------------------------


def audio_table(rows: list[dict[str, Any]]) -> Table:
    table = _table(
        "Audio pipeline (median of runs)", "step", "input", "median ms", "min ms", "÷ bare ffmpeg"
    )
    for r in rows:
        table.add_row(
            r["step"],
            r["input"],
            f"{r['median_ms']:.0f}",
            f"{r['min_ms']:.0f}",
            f"{r['ratio']:.2f}",
        )
    return table


def say_table(rows: list[dict[str, Any]], args: argparse.Namespace) -> Table:
    spread = f" ± {args.generation_spread_s:g}" if args.generation_spread_s else ""
    table = _table(
        f"say() against a fake upstream taking {args.generation_s:g}{spread} s per task "
        f"({args.output_s:g} s of speech)",
        "poll s",
        "concurrent",
        "done",
        "failed",
        "median s",
        "p95 s",
        "overhead ×",
        "overhead p95",
        "notice median s",
        "notice p95 s",
        "ready→seen s",
        "seen→done s",
    )
    for r in rows:
        if "error" in r:
            table.add_row(_poll(r), str(r["concurrency"]), "error: " + r["error"][-200:])
            continue
        table.add_row(
            _poll(r),
            str(r["concurrency"]),
            f"{r['completed']}/{r['requested']}",
            str(sum(r["failed"].values())),
            _f(r["median_s"]),
            _f(r["p95_s"]),
            _f(r["overhead_median"]),
            _f(r["overhead_p95"]),
            _f(r["notice_median_s"]),
            _f(r["notice_p95_s"]),
            _f(r["ready_to_seen_median_s"]),
            _f(r["seen_to_sent_median_s"]),
        )
    return table


def load_table(rows: list[dict[str, Any]]) -> Table:
    table = _table(
        "say(): the bot process under that load",
        "poll s",
        "concurrent",
        "jobs/s",
        "loop lag p99 ms",
        "lag max ms",
        "RSS before MB",
        "peak RSS MB",
        "ffmpeg at once",
        "ffmpeg RSS MB",
        "upstream req/job",
        "polls/task",
        "CPU ms/job bot",
        "ffmpeg",
        "fakes",
        "load avg",
    )
    for r in rows:
        if "error" in r:
            continue
        cpu = r["cpu_ms_per_job"]
        table.add_row(
            _poll(r),
            str(r["concurrency"]),
            f"{r['jobs_per_s']:.1f}",
            _f(r["loop_lag_p99_ms"], 0),
            _f(r["loop_lag_max_ms"], 0),
            _f(r["rss_before_mb"], 0),
            _f(r["peak_rss_mb"], 0),
            str(r["peak_children"]),
            _f(r["peak_children_rss_mb"], 0),
            _f(r["upstream_requests_per_job"], 1),
            _f(r["polls_per_task"], 1),
            _f(cpu["bot"], 0),
            _f(cpu["ffmpeg"], 0),
            _f(cpu["fakes"], 0),
            _f(r["loadavg_1m"], 1),
        )
    return table


def stages_table(rows: list[dict[str, Any]]) -> Table:
    spans = list(dict.fromkeys(k for r in rows for k in r.get("stages_median_s", {})))
    table = _table("say(): where a job's time goes (median s)", "poll s", "concurrent", *spans)
    for r in rows:
        if "error" not in r:
            table.add_row(
                _poll(r),
                str(r["concurrency"]),
                *(_f(r["stages_median_s"].get(span)) for span in spans),
            )
    return table


def telegram_table(r: dict[str, Any], args: argparse.Namespace) -> Table:
    table = _table(
        f"/say through the real PTB Application ({r['concurrency']} users at once, "
        f"{'one group' if args.telegram_chat == 'group' else 'each in a private chat'}): "
        "update pushed → voice posted to the fake Bot API",
        "poll s",
        "done",
        "failed",
        "median s",
        "p95 s",
        "÷ task time",
        "notice median s",
        "loop lag p99 ms",
        "peak RSS MB",
        "upstream req/job",
    )
    if "error" in r:
        table.add_row(_poll(r), "error: " + r["error"][-300:])
        return table
    table.add_row(
        _poll(r),
        f"{r['completed']}/{r['requested']}",
        str(sum(r["failed"].values())),
        _f(r["median_s"]),
        _f(r["p95_s"]),
        _f(r["overhead_median"]),
        _f(r["notice_median_s"]),
        _f(r["loop_lag_p99_ms"], 0),
        _f(r["peak_rss_mb"], 0),
        _f(r["upstream_requests_per_job"], 1),
    )
    calls = ", ".join(f"{k} {v:.1f}" for k, v in sorted(r["bot_api_calls_per_job"].items()))
    table.caption = f"Bot API calls per /say: {calls}"
    return table


def workers_table(rows: list[dict[str, Any]], args: argparse.Namespace) -> Table:
    table = _table(
        f"Workers: {args.worker_requests} requests at once through a bot that hands them to "
        f"`voicebot worker` processes ({args.worker_jobs} jobs each at once; tasks "
        f"{args.worker_generation_s:g} s)",
        "workers",
        "database",
        "done",
        "failed",
        "wall s",
        "jobs/s",
        "scaling ×",
    )
    for r in rows:
        if "error" in r:
            table.add_row(str(r.get("workers", "?")), "error: " + r["error"][-200:])
            continue
        table.add_row(
            str(r["workers"]),
            r["database"],
            f"{r['completed']}/{r['requested']}",
            str(sum(r["failed"].values())),
            _f(r["wall_s"]),
            _f(r["jobs_per_s"]),
            _f(r.get("scaling")),
        )
    return table


def worker_latency_table(r: dict[str, Any], args: argparse.Namespace) -> Table:
    table = _table(
        f"Workers on Postgres: {args.worker_latency}, at once through a bot that hands them "
        f"to {args.worker_latency_workers} `voicebot worker` processes: end to end ÷ task time",
        "done",
        "failed",
        "÷ task time median",
        "p90",
        "median s",
        "notice median s",
        "claim wait median s",
        "load avg",
    )
    if "error" in r:
        table.add_row("error: " + r["error"][-300:])
        return table
    table.add_row(
        f"{r['completed']}/{r['requested']}",
        str(sum(r["failed"].values())),
        _f(r["ratio_median"]),
        _f(r["ratio_p90"]),
        _f(r["median_s"]),
        _f(r["notice_median_s"]),
        _f(r.get("claim_wait_median_s")),
        _f(r["loadavg_1m"], 1),
    )
    return table


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of the issue beside the figure it is read from (at the load it names, or
    the nearest load that was run)."""
    found: list[dict[str, Any]] = []

    def check(what: str, value: float | None, limit: float, below: bool = False) -> None:
        met = None if value is None else (value < limit if below else value <= limit)
        found.append(
            {
                "figure": what,
                "value": value,
                "target": f"{'<' if below else '≤'} {limit:g}",
                "met": met,
            }
        )

    if (added := results.get("shipped", {}).get("check_added")) is not None:
        check(
            "as shipped: self-check's share of the median end to end", added, shipped.CHECK_TARGET
        )
    rows = [r for r in results.get("say", []) if "error" not in r]
    for poll in dict.fromkeys((r["poll_interval_s"], r["poll_interval_max_s"]) for r in rows):
        mine = [r for r in rows if (r["poll_interval_s"], r["poll_interval_max_s"]) == poll]
        usual = min(mine, key=lambda r: abs(r["concurrency"] - 100))
        heavy = max(mine, key=lambda r: r["concurrency"])
        label = f"poll {poll[0]:g}…{poll[1]:g} s"
        check(
            f"overhead × at {usual['concurrency']} ({label})",
            usual["overhead_median"],
            OVERHEAD_TARGET,
        )
        # the polling schedule's own delay, on a bot with cores to spare (under load, the
        # encoding queue adds to it: the tables show it at every load)
        calm = min(mine, key=lambda r: r["concurrency"])
        check(
            f"notice latency median s at {calm['concurrency']} ({label})",
            calm["notice_median_s"],
            NOTICE_TARGET_S,
        )
        check(
            f"jobs lost at {heavy['concurrency']} ({label})",
            heavy["requested"] - heavy["completed"],
            0,
        )
        check(
            f"peak RSS MB at {heavy['concurrency']} ({label})",
            heavy["peak_rss_mb"],
            RSS_TARGET_MB,
            below=True,
        )
        check(
            f"loop lag p99 ms at {heavy['concurrency']} ({label})",
            heavy["loop_lag_p99_ms"],
            LAG_TARGET_MS,
            below=True,
        )
    for row in results.get("audio", []):
        if row["seconds"] == 30:
            check(f"{row['step']} 30 s ÷ bare ffmpeg", row["ratio"], AUDIO_TARGET)
    return found


def targets_table(rows: list[dict[str, Any]]) -> Table:
    table = _table("Targets", "figure", "measured", "target", "met")
    for r in rows:
        met = {True: "[green]yes[/green]", False: "[red]no[/red]", None: "–"}[r["met"]]
        table.add_row(r["figure"], _f(r["value"]), r["target"], met)
    return table


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    return table


def _poll(row: dict[str, Any]) -> str:
    return f"{row['poll_interval_s']:g}…{row['poll_interval_max_s']:g}"


def failures(rows: list[dict[str, Any]]) -> str:
    """What ended the jobs that failed, run by run, with one example message of each kind."""
    lines = []
    for r in rows:
        for kind, count in r.get("failed", {}).items():
            example = r.get("failure_examples", {}).get(kind, "")
            lines.append(
                f"  {r['concurrency']} at once, poll {_poll(r)}: {count} × {kind}"
                + (f" — {example[:160]}" if example else "")
            )
    return "Failed jobs:\n" + "\n".join(lines) if lines else ""


def _f(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


if __name__ == "__main__":
    asyncio.run(main())
