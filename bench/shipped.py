"""The benchmark's first figures: the bot as shipped (its default settings, a key set so the
self-check is on, no warm-up job) through the real PTB stack, what the self-check adds to it,
and how late a bot just started on an empty database notices its first finished task.

The fake transcriber answers after `--transcription-s` (a Whisper round trip) and hears every
take as the text it was asked for; a share of the takes (`--doubtful-share`) comes out at half
length, as a take cut short, which the self-check doubts and hears. So the figure is what
checking costs, not what the retakes of bad takes cost (those are the check doing its job).
"""

from __future__ import annotations

import argparse
import math
import statistics
from typing import Any, NamedTuple

from rich.table import Table

from bench.measure import quantile

RUNS = ("20:5", "100:10:2")  # users at once : task s [: ± s]
TRANSCRIPTION_S = 1.0
DOUBTFUL_SHARE = 0.1
COLD_RUNS = 20
TIMEOUT_S = 110.0  # each as-shipped run's limit: past it, a request counts as "beyond"
CHECK_TARGET = 0.05  # the self-check's share of the median end to end, at the first load


class Load(NamedTuple):  # (a tuple: it goes into the JSON with the arguments)
    users: int
    task_s: float
    spread_s: float = 0.0

    def __str__(self) -> str:
        spread = f" ± {self.spread_s:g}" if self.spread_s else ""
        return f"{self.users} users, tasks {self.task_s:g}{spread} s"


def load_spec(text: str) -> Load:
    """`USERS:TASK_S[:SPREAD_S]`, e.g. 100:10:2 (100 users at once, tasks of 10 ± 2 s)."""
    try:
        users, task_s, *spread = text.split(":")
        load = Load(int(users), float(task_s), float(spread[0]) if spread else 0.0)
    except (ValueError, IndexError):
        raise argparse.ArgumentTypeError(f"not USERS:TASK_S[:SPREAD_S]: {text!r}") from None
    if load.users < 1 or load.task_s <= 0 or len(spread) > 1 or load.spread_s < 0:
        raise argparse.ArgumentTypeError(f"not USERS:TASK_S[:SPREAD_S]: {text!r}")
    return load


def summarised(row: dict[str, Any]) -> dict[str, Any]:
    """The run's median and p90 of end to end ÷ task time over every request made: one not
    done by the time limit counts as beyond it (None, with `beyond` saying so)."""
    if "error" in row:
        return row
    missing = row["requested"] - len(row["overheads"])
    padded = [*row["overheads"], *[math.inf] * missing]
    figures = {"median": statistics.median(padded), "p90": quantile(padded, 0.9)}
    transcribed = row["upstream_requests"].get("transcribe", 0)
    return {
        **row,
        "ratio_median": None if figures["median"] == math.inf else figures["median"],
        "ratio_p90": None if figures["p90"] == math.inf else figures["p90"],
        "beyond": [name for name, value in figures.items() if value == math.inf],
        "transcriptions_per_job": transcribed / row["requested"],
    }


def check_added(on: dict[str, Any], off: dict[str, Any]) -> float | None:
    """What the self-check adds to the median end to end (0.05: 5 %), when both runs ended."""
    if "error" in on or "error" in off:
        return None
    if on["completed"] < on["requested"] or off["completed"] < off["requested"]:
        return None
    return float(on["median_s"] / off["median_s"] - 1)


def shipped_table(results: dict[str, Any], timeout_s: float) -> Table:
    table = Table(
        title="As shipped: default settings, a key set (self-check on), no warm-up job; "
        "/say through the real PTB Application, each user in a private chat"
    )
    for column in (
        "load",
        "self-check",
        "done",
        "÷ task median",
        "÷ task p90",
        "median s",
        "notice median s",
        "heard/job",
        "upstream req/job",
    ):
        table.add_column(column)
    for r in results["runs"]:
        check = "off" if r.get("self_check") == "off" else "on"
        if "error" in r:
            table.add_row(r["load"], check, "error: " + r["error"][-200:])
            continue
        table.add_row(
            r["load"],
            check,
            f"{r['completed']}/{r['requested']}",
            _ratio(r["ratio_median"], timeout_s),
            _ratio(r["ratio_p90"], timeout_s),
            _f(r["median_s"]),
            _f(r["notice_median_s"]),
            _f(r["transcriptions_per_job"]),
            _f(r["upstream_requests_per_job"], 1),
        )
    added = results.get("check_added")
    hearing = results["hearing"]
    table.caption = (
        f"self-check adds {_pct(added)} to the median end to end at the first load "
        f"(target ≤ {CHECK_TARGET:.0%}); the fake transcriber takes "
        f"{hearing['transcription_s']:g} s, {hearing['doubtful_share']:.0%} of takes come "
        f"out cut short (doubted, so heard); runs stop at {timeout_s:g} s"
    )
    return table


def stages_table(results: dict[str, Any]) -> Table:
    """Each as-shipped run's timeline, stage by stage, from what the fakes recorded (each
    stage's own median and p90: they do not add up to the end to end's)."""
    rows = [r for r in results["runs"] if "error" not in r]
    spans = list(dict.fromkeys(k for r in rows for k in r.get("stages_median_s", {})))
    table = Table(
        title="As shipped: where a /say's time goes, from the fakes' records "
        "(median s, p90 in brackets)"
    )
    for column in ("load", "self-check", *spans):
        table.add_column(column)
    for r in rows:
        table.add_row(
            r["load"],
            "off" if r.get("self_check") == "off" else "on",
            *(
                f"{_f(r['stages_median_s'].get(span))} ({_f(r['stages_p90_s'].get(span))})"
                for span in spans
            ),
        )
    table.caption = (
        "update→bot: the bot's long poll; status: its status message arrives; task created: "
        "the create reaches 302.AI; ready→seen: the first poll that hears it done; download: "
        "the result asked for; encoding shown: the status edited to say so; voice: sendVoice "
        "arrives"
    )
    return table


def cold_table(r: dict[str, Any]) -> Table:
    table = Table(
        title=f"Cold start: {r['concurrency']} bots just started, each on an empty database, "
        "each asked once (as shipped): how late its finished task is noticed"
    )
    for column in ("done", "task median s", "seen late median s", "p90 s", "voice done median s"):
        table.add_column(column)
    if "error" in r:
        table.add_row("error: " + r["error"][-200:])
        return table
    table.add_row(
        f"{r['completed']}/{r['requested']}",
        _f(r["task_s_median"]),
        _f(r["ready_to_seen_median_s"]),
        _f(r["ready_to_seen_p90_s"]),
        _f(r["notice_median_s"]),
    )
    table.caption = "seen late: task ready upstream → the poll that saw it; voice done: → encoded"
    return table


def _ratio(value: float | None, timeout_s: float) -> str:
    return f"beyond the {timeout_s:g} s limit" if value is None else f"{value:.2f}"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:+.1%}"


def _f(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"
