"""The benchmark command still runs (its figures are printed, never asserted)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path


async def test_the_benchmark_runs_and_prints_its_tables() -> None:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bench", "--runs", "1", "--generation-s", "0.2",
        "--concurrency", "1", "2", cwd=Path(__file__).parent.parent,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await proc.communicate()
    text = out.decode()
    assert proc.returncode == 0, text
    assert "Audio pipeline" in text and "say() against a fake upstream" in text
