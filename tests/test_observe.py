"""Observability: /healthz and /metrics served by a running bot, and JSON log lines."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import signal
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.ext.asyncio import create_async_engine

from bots.cli import JsonLines
from core.app import open_core
from core.domain import Where
from core.errors import ConfigError, TaskFailed
from core.jobs.queue import InProcessQueue, QueuePolicy
from core.observe import Metrics, serving
from core.settings import Settings
from tests.conftest import VOICEBOT, Clips, Sleeps, make_settings, voicebot
from tests.fakes.ai302 import API_KEY, Fake302, Fault
from tests.fakes.telegram import TOKEN, FakeBotApi


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def metric(exposition: str, name: str, **labels: str) -> float:
    """The value of one sample of a scrape, by name and labels."""
    for family in text_string_to_metric_families(exposition):
        for sample in family.samples:
            if sample.name == name and sample.labels == labels:
                return sample.value
    raise AssertionError(f"no sample {name}{labels} in:\n{exposition}")


async def scrape(port: int) -> tuple[httpx.Response, httpx.Response]:
    """GET /healthz and /metrics, as a probe and Prometheus would."""
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
        return await client.get("/healthz"), await client.get("/metrics")


async def test_a_running_bot_is_healthy_and_counts_its_jobs(
    tmp_path: Path, alice: Where, clips: Clips
) -> None:
    port = free_port()
    settings = make_settings(tmp_path / "data", engine="offline", metrics_port=port)
    async with open_core(settings) as speech:
        await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
        await speech.speaking.say(alice, "bob", "Hello there.")
        await speech.speaking.say(alice, "bob", "And once more.")
        health, metrics = await scrape(port)

    assert (health.status_code, health.text) == (200, "ok")
    assert metrics.status_code == 200
    assert metrics.headers["content-type"].startswith("text/plain")
    text = metrics.text
    assert metric(text, "voicebot_jobs", state="done") == 2
    assert [metric(text, "voicebot_jobs", state=s) for s in ("queued", "submitted", "failed")] == [
        0,
        0,
        0,
    ]
    assert metric(text, "voicebot_queue_running") == 0
    assert metric(text, "voicebot_queue_waiting") == 0
    assert metric(text, "process_resident_memory_bytes") > 0
    assert "alice" not in text and "Hello" not in text  # no user, no text
    with pytest.raises(httpx.ConnectError):  # closed with the service
        await scrape(port)


async def test_upstream_calls_are_timed_by_kind_and_failures_counted_without_secrets(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    port = free_port()
    settings = higgs_settings.model_copy(update={"metrics_port": port})
    fake302.fail("clone_query", Fault.error(429, -10006, "slow down", retry_after="0"))
    async with open_core(settings, sleep=sleeps) as speech:
        await speech.voices.register(alice, "bob", clips.ogg)  # transcribed, then uploaded
        await speech.speaking.say(alice, "bob", "Hello there.")
        fake302.behaviour.final_state = "FAILED"
        with pytest.raises(TaskFailed):
            await speech.speaking.say(alice, "bob", "This one fails.")
        _, metrics = await scrape(port)

    text = metrics.text
    seconds = "voicebot_upstream_request_seconds_count"
    for call in ("transcribe", "upload", "create", "query", "download"):
        assert metric(text, seconds, call=call, status="2xx") >= 1, call
    assert metric(text, seconds, call="query", status="4xx") == 1
    assert (
        metric(text, "voicebot_upstream_errors_total", call="query", error="UpstreamRateLimited")
        == 1
    )
    assert metric(text, "voicebot_jobs", state="done") == 1
    assert metric(text, "voicebot_jobs", state="failed") == 1
    assert metric(text, "voicebot_jobs_failed", error="error_task_failed") == 1
    halved = settings.jobs_at_once[0] // 2  # the limit it starts at, halved by the 429
    assert metric(text, "voicebot_upstream_concurrency_limit") == halved
    assert API_KEY not in text and fake302.base_url not in text and "task_id" not in text


async def test_healthz_says_503_when_the_database_does_not_answer(tmp_path: Path) -> None:
    nowhere = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'no-such-dir' / 'db'}")
    port = free_port()
    try:
        metrics = Metrics(db=nowhere, queue=InProcessQueue(QueuePolicy(slots=1)))
        async with serving(metrics, host="127.0.0.1", port=port):
            health, _ = await scrape(port)
    finally:
        await nowhere.dispose()
    assert health.status_code == 503


async def test_a_second_bot_on_the_same_port_goes_on_without_metrics_saying_so(
    tmp_path: Path, alice: Where, clips: Clips, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        settings = make_settings(tmp_path / "data", engine="offline", metrics_port=port)
        async with open_core(settings) as speech:
            await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
    (warning,) = [r for r in caplog.records if r.name == "core.observe"]
    assert (warning.levelname, warning.getMessage()) == (
        "WARNING",
        f"METRICS_PORT {port} on 127.0.0.1 is in use: going on without /healthz and /metrics "
        "(set another port, or 0 for none)",
    )
    assert warning.exc_info is None


async def test_a_metrics_address_that_cannot_be_had_at_all_is_one_clear_line(
    tmp_path: Path,
) -> None:
    settings = make_settings(
        tmp_path / "data", engine="offline", metrics_host="192.0.2.1", metrics_port=free_port()
    )  # an address of no interface here (TEST-NET-1): nothing is sent anywhere
    with pytest.raises(ConfigError, match="METRICS_PORT: cannot listen on 192.0.2.1"):
        async with open_core(settings):
            pass


async def test_console_logs_json_lines_that_never_carry_the_key(
    tmp_path: Path, clips: Clips, fake302: Fake302
) -> None:
    fake302.fail("clone_query", Fault.error(429, -10006, "slow down", retry_after="0"))
    env = {
        "AI302_API_KEY": API_KEY,
        "AI302_BASE_URL": fake302.base_url,
        "SELF_CHECK": "false",
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "DEBUG",
    }
    clip = str(clips.make("speech.ogg", "-c:a", "libopus"))
    code, out = await voicebot(tmp_path, "console", "clone", "bob", clip, "--text", "words", **env)
    assert code == 0, out
    code, said = await voicebot(tmp_path, "console", "say", "bob", "Hello", **env)
    assert code == 0, said
    out += said

    logged = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert all({"time", "level", "logger", "message"} <= entry.keys() for entry in logged)
    retry = [e for e in logged if e["logger"] == "core.upstream.api"]
    assert retry and retry[0]["level"] == "WARNING" and "/higgs-audio-v2/" in retry[0]["message"]
    assert API_KEY not in out


async def test_the_console_serves_no_metrics_even_with_a_port_set(tmp_path: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:  # a bot already holds the port
        port = str(taken.getsockname()[1])
        code, out = await voicebot(tmp_path, "console", "voices", METRICS_PORT=port)
    assert code == 0 and "No voices here yet" in out, out


async def test_the_telegram_bot_serves_health_and_metrics_and_logs_json(
    tmp_path: Path, botapi: FakeBotApi
) -> None:
    port = free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AI302_", "HIGGS_"))}
    bot = await asyncio.create_subprocess_exec(
        VOICEBOT,
        "telegram",
        cwd=tmp_path,
        env={
            **clean,
            "DATA_DIR": str(tmp_path / "data"),
            "ENGINE": "offline",
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": botapi.base_url,
            "METRICS_PORT": str(port),
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "DEBUG",
        },
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    assert bot.stdout is not None
    lines: list[str] = []
    while not any("/metrics on" in line for line in lines):  # it says when it listens
        line = (await bot.stdout.readline()).decode()
        assert line, "the bot stopped before serving:\n" + "".join(lines)
        lines.append(line)
    health, metrics = await scrape(port)
    bot.send_signal(signal.SIGTERM)
    rest, _ = await bot.communicate()
    lines += rest.decode().splitlines(keepends=True)

    assert bot.returncode == 0, "".join(lines)
    assert (health.status_code, health.text) == (200, "ok")
    assert metric(metrics.text, "voicebot_jobs", state="done") == 0
    logged = [json.loads(line) for line in lines]  # every line is one JSON object
    assert any(
        e["message"] == f"serving /healthz and /metrics on 127.0.0.1:{port}" for e in logged
    )
    assert TOKEN not in "".join(lines)


@contextmanager
def json_log(name: str) -> Iterator[io.StringIO]:
    """What logger `name` writes through the JSON formatter, while the block runs."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(JsonLines())
    logger = logging.getLogger(name)
    logger.addHandler(handler)
    try:
        yield out
    finally:
        logger.removeHandler(handler)


def test_a_json_log_line_carries_the_traceback() -> None:
    with json_log("voicebot.test") as out:
        try:
            raise KeyError("missing")
        except KeyError:
            logging.getLogger("voicebot.test").exception("lookup %s failed", "of a key")
    [line] = out.getvalue().splitlines()
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["logger"] == "voicebot.test"
    assert entry["message"] == "lookup of a key failed"
    assert entry["exc_info"].startswith("Traceback") and "KeyError: 'missing'" in entry["exc_info"]
    assert datetime.fromisoformat(entry["time"]).tzinfo is not None
