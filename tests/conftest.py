"""Shared fixtures: test audio made at run time, the fake 302.AI, and a wired speech service."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from core.app import Core, open_core
from core.domain import Progress, ProgressCallback, Voice, VoiceClip, Where
from core.errors import VoicebotError
from core.outbox import Reply, ReplyTarget
from core.settings import Settings, load_settings
from tests.fakes.ai302 import API_KEY, Fake302

pytest_plugins = [
    "tests.telegram_chat",  # a Telegram chat: the tg, botapi, tg_settings fixtures
    "tests.discord_world",  # a Discord server: the rest, dc fixtures
    "tests.postgres",  # the database: db_url (SQLite, or Postgres where a test asks for both)
]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Carry a fault case's description on its report (across xdist workers too)."""
    report = yield
    marker = item.get_closest_marker("fault")
    if marker is not None and report.when == "call":
        report.user_properties.append(("fault", marker.args))
    return report


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """The fault suite as a table: each case, what the bot does about it, and whether the
    tests saw it do so (a parametrized case counts its runs)."""
    runs = Counter(
        (*dict(report.user_properties)["fault"], report.outcome)
        for reports in terminalreporter.stats.values()
        for report in reports
        if "fault" in dict(getattr(report, "user_properties", ()))
    )
    if not runs:
        return
    terminalreporter.section("fault suite: case → outcome")
    width = max(len(case) for case, _, _ in runs)
    for (case, outcome, result), count in sorted(runs.items()):
        times = f" ×{count}" if count > 1 else ""
        terminalreporter.write_line(f"{case:<{width}}  →  {outcome}  [{result}{times}]")


SPOKEN = (
    "The quick brown fox jumps over the lazy dog. "
    "Pack my box with five dozen liquor jugs, and then rest a while."
)


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *args], check=True)


class Clips:
    """Audio files made once per test session with espeak-ng and ffmpeg."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.speech_wav = folder / "speech.wav"
        subprocess.run(
            ["espeak-ng", "-v", "en-us", "-w", str(self.speech_wav), SPOKEN], check=True
        )

    def make(self, name: str, *ffmpeg_args: str) -> Path:
        """`name` made from the speech clip with ffmpeg output arguments, cached."""
        path = self.folder / name
        if not path.exists():
            _ffmpeg("-i", str(self.speech_wav), *ffmpeg_args, str(path))
        return path

    def read(self, name: str, *ffmpeg_args: str) -> bytes:
        return self.make(name, *ffmpeg_args).read_bytes()

    @property
    def ogg(self) -> bytes:
        return self.read("speech.ogg", "-c:a", "libopus", "-ar", "48000")

    @property
    def mp3(self) -> bytes:
        return self.read("speech.mp3")

    @property
    def wav(self) -> bytes:
        return self.speech_wav.read_bytes()


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> Clips:
    return Clips(tmp_path_factory.mktemp("clips"))


@pytest.fixture
async def fake302() -> AsyncIterator[Fake302]:
    fake = Fake302()
    await fake.start()
    yield fake
    await fake.stop()


class Sleeps:
    """An injected sleep that records how long the code asked to wait, and waits no longer
    than a tick, so retry and backoff policy is observable without slowing the suite."""

    def __init__(self) -> None:
        self.asked: list[float] = []

    async def __call__(self, seconds: float) -> None:
        import asyncio

        self.asked.append(seconds)
        await asyncio.sleep(0)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


VOICEBOT = str(Path(sys.executable).with_name("voicebot"))


async def voicebot(cwd: Path, *args: str, **env: str) -> tuple[int, str]:
    """Run the installed `voicebot` command; returns its exit code and everything it printed."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AI302_", "HIGGS_"))}
    proc = await asyncio.create_subprocess_exec(
        VOICEBOT,
        *args,
        cwd=cwd,
        env={
            **clean,
            "DATA_DIR": str(cwd / "data"),
            "COLUMNS": "200",
            "METRICS_PORT": "0",
            **env,
        },  # tests run side by side
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await proc.communicate()
    return proc.returncode or 0, out.decode()


def ogg_stream(data: bytes) -> dict[str, Any]:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-"],
        input=data,
        capture_output=True,
        check=True,
    ).stdout
    info = json.loads(out)
    return {"format": info["format"]["format_name"], **info["streams"][0]}


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    """Settings for a test; rate limits off unless the test is about them."""
    limits_off = {
        "user_requests_per_minute": 0,
        "chat_requests_per_minute": 0,
        "clones_per_hour": 0,
    }
    return load_settings(_env_file=None, data_dir=data_dir, **{**limits_off, **overrides})


def traces_of(data_dir: Path, user_id: str) -> list[str]:
    """Everything left of a user: any database cell holding their id, and any file under
    DATA_DIR that no remaining row accounts for (a clip of a deleted voice, an orphan take)."""
    with sqlite3.connect(data_dir / "voicebot.db") as db:
        found = [
            f"{table}.{column}={value!r}"
            for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
            for row in db.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (our own names)
            for column, value in zip(
                [c[1] for c in db.execute(f'PRAGMA table_info("{table}")')], row, strict=True
            )
            if user_id in str(value)
        ]
        clips = {ref for (ref,) in db.execute("SELECT ref_file FROM voices")}
        job_ids = {job for (job,) in db.execute("SELECT id FROM jobs")}
    found += [str(path) for path in (data_dir / "voices").iterdir() if path.name not in clips]
    found += [str(path) for path in (data_dir / "takes").iterdir() if path.name not in job_ids]
    return found


@pytest.fixture
def higgs_settings(fake302: Fake302, tmp_path: Path, db_url: str) -> Settings:
    return make_settings(
        tmp_path / "data",
        database_url=db_url,
        ai302_api_key=API_KEY,
        ai302_base_url=fake302.base_url,
        generation_deadline_s=5,
        poll_interval_s=0.01,
        poll_interval_max_s=0.02,
        self_check=False,  # on in its own tests: it would change the count of tasks elsewhere
    )


@pytest.fixture
async def speech(higgs_settings: Settings, sleeps: Sleeps) -> AsyncIterator[Core]:
    """The real service wired to the fake 302.AI, real SQLite and real ffmpeg."""
    async with open_core(higgs_settings, sleep=sleeps) as service:
        yield service


@pytest.fixture
async def offline_speech(tmp_path: Path, db_url: str) -> AsyncIterator[Core]:
    settings = make_settings(tmp_path / "data", engine="offline", database_url=db_url)
    async with open_core(settings) as service:
        yield service


@pytest.fixture
def alice() -> Where:
    """Alice, in a group chat."""
    return Where("telegram", "group-1", "alice", locale="en-US")


@pytest.fixture
def alice_dm() -> Where:
    return Where("telegram", "alice", "alice", locale="en-US", private=True)


class Watch:
    """The chat side of the core's outbox, for tests of the core: progress is passed to a
    callback, and what the core posts, tells or asks is kept."""

    def __init__(self, on_progress: ProgressCallback | None = None) -> None:
        self._on_progress = on_progress
        self.posted: list[tuple[ReplyTarget, Where, VoiceClip]] = []
        self.failed: list[tuple[ReplyTarget, Where, VoicebotError]] = []
        self.asked: list[tuple[ReplyTarget, Voice]] = []

    def reply(self, target: ReplyTarget | None = None) -> Reply:
        """Answers here; with a `target`, durable (stored with the job, resumed)."""
        return Reply(self, target or ReplyTarget("test"), durable=target is not None)

    async def progress(self, where: Where, target: ReplyTarget, progress: Progress) -> None:
        if self._on_progress is not None:
            await self._on_progress(progress)

    async def post(self, where: Where, target: ReplyTarget, clip: VoiceClip) -> None:
        self.posted.append((target, where, clip))

    async def fail(self, where: Where, target: ReplyTarget, error: VoicebotError) -> None:
        self.failed.append((target, where, error))

    async def ask_consent(self, where: Where, source: ReplyTarget, voice: Voice) -> bool:
        self.asked.append((source, voice))
        return True


async def watched(
    request: Callable[[Reply], Awaitable[VoiceClip | None]],
    on_progress: ProgressCallback | None = None,
    target: ReplyTarget | None = None,
) -> VoiceClip:
    """Make a request through a `Watch`: the clip it posted, or the error it told, raised as
    the core raises it when there is no reply."""
    watch = Watch(on_progress)
    clip = await request(watch.reply(target))
    if watch.failed:
        raise watch.failed[0][2]
    assert clip is not None and watch.posted[0][2] == clip
    return clip


async def resumes_ended() -> None:
    """Wait for the jobs a (re)started bot resumed in the background to end."""
    await asyncio.gather(
        *[task for task in asyncio.all_tasks() if task.get_name().startswith("resume-")]
    )
