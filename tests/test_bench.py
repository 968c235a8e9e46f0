"""The benchmark command still runs (its figures are printed and written, never asserted)."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path


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

    written = json.loads(figures.read_text())
    assert {"meta", "audio", "say", "telegram", "targets"} <= set(written)
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
