"""The benchmark command still runs (its figures are printed and written, never asserted)."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

from bench.measure import children_of


async def test_the_benchmark_runs_prints_its_tables_and_writes_every_figure(
    tmp_path: Path,
) -> None:
    figures = tmp_path / "bench.json"
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench",
        "--runs",
        "1",
        "--reference-s",
        "10",
        "--encode-s",
        "5",
        "--generation-s",
        "0.2",
        "--generation-spread-s",
        "0",
        "--output-s",
        "1",
        "--concurrency",
        "1",
        "2",
        "--telegram-concurrency",
        "1",
        "--shipped",
        "2:0.2",
        "--cold-runs",
        "2",
        "--transcription-s",
        "0",
        "--doubtful-share",
        "0.5",
        "--json",
        str(figures),
        cwd=Path(__file__).parent.parent,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await proc.communicate()
    text = out.decode()
    assert proc.returncode == 0, text
    assert "Audio pipeline" in text and "say() against a fake upstream" in text
    assert "through the real PTB Application" in text and "Targets" in text
    assert text.index("As shipped") < text.index("Audio pipeline")  # printed first
    assert "Cold start" in text

    written = json.loads(figures.read_text())
    assert {"meta", "shipped", "audio", "say", "telegram", "targets"} <= set(written)
    as_shipped = written["shipped"]
    assert [(r["load"], r["self_check"]) for r in as_shipped["runs"]] == [
        ("2 users, tasks 0.2 s", "default"),
        ("2 users, tasks 0.2 s", "off"),
    ]
    for row in [*as_shipped["runs"], as_shipped["coldstart"]]:
        assert "error" not in row, row["error"]
        assert row["completed"] == row["requested"] == 2
    for row in as_shipped["runs"]:
        assert {"ratio_median", "ratio_p90", "transcriptions_per_job", "notice_median_s"} <= set(
            row
        )
    assert {"ready_to_seen_median_s", "ready_to_seen_p90_s"} <= set(as_shipped["coldstart"])
    assert "check_added" in as_shipped
    assert [row["concurrency"] for row in written["say"]] == [1, 2]
    for row in [*written["say"], written["telegram"]]:
        assert "error" not in row, row["error"]
        assert {
            "requested",
            "completed",
            "failed",
            "median_s",
            "overhead_median",
            "notice_median_s",
            "loop_lag_p99_ms",
            "peak_rss_mb",
            "upstream_requests_per_job",
            "poll_interval_s",
            "poll_interval_max_s",
        } <= set(row)


def test_the_memory_sampler_finds_the_processes_a_run_started() -> None:
    sleepers = [subprocess.Popen(["sleep", "30"]) for _ in range(2)]
    try:
        assert {sleeper.pid for sleeper in sleepers} <= set(children_of(os.getpid()))
    finally:
        for sleeper in sleepers:
            sleeper.kill()
            sleeper.wait()
