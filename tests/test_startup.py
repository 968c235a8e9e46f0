"""Start-up when the world is not ready: a chat platform out of reach is waited for (one line a
try, pauses doubling to a minute) and a metrics port another process holds is done without;
through the real bots, and the real `voicebot` program where it is the program's behaviour."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import re
import signal
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route
from pydantic import SecretStr

from bots.discord.app import build_client, start
from bots.discord.settings import load_discord_settings
from bots.telegram.app import serving
from bots.telegram.settings import load_telegram_settings
from core.app import open_core
from core.reaching import reach
from core.settings import Settings
from tests.conftest import VOICEBOT, Sleeps
from tests.fakes import discord as fake_discord
from tests.fakes import telegram as fake_telegram
from tests.fakes.discord import FakeDiscord
from tests.fakes.serving import free_port
from tests.fakes.telegram import FakeBotApi
from tests.telegram_chat import ALICE, GROUP

LOG_LINE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ [A-Z]+ [\w.]+: ")


class Pauses:
    """The start-up's sleep: records each pause, and brings the platform up at the third."""

    def __init__(self, comes_up: contextlib.AbstractAsyncContextManager[None] | None = None):
        self.asked: list[float] = []
        self._comes_up = comes_up

    async def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)
        if len(self.asked) == 3 and self._comes_up is not None:
            await self._comes_up.__aenter__()


def tries(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The lines start-up logged about a platform out of reach; none may carry a traceback."""
    found = [r for r in caplog.records if r.name == "core.reaching"]
    assert all(r.exc_info is None for r in found)
    return [r.getMessage() for r in found]


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


async def test_pauses_double_from_a_second_up_to_a_minute() -> None:
    pauses = Pauses()
    attempts = iter(range(10))

    async def attempt() -> int:
        n = next(attempts)
        if n < 9:
            raise ConnectionRefusedError("nobody there")
        return n

    assert await reach("Somewhere", attempt, away=lambda e: isinstance(e, OSError), sleep=pauses)
    assert pauses.asked == [1, 2, 4, 8, 16, 32, 60, 60, 60]


async def test_a_refusal_that_is_not_absence_ends_start_up_at_once() -> None:
    pauses = Pauses()

    async def attempt() -> None:
        raise ValueError("a wrong setting")

    with pytest.raises(ValueError):
        await reach("Somewhere", attempt, away=lambda e: isinstance(e, OSError), sleep=pauses)
    assert pauses.asked == []


@pytest.mark.fault(
    "telegram: Bot API unreachable at start-up", "one line a try; connects once it is back"
)
async def test_telegram_out_of_reach_at_start_up_is_waited_for(
    tg_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    port, api = free_port(), FakeBotApi()

    @contextlib.asynccontextmanager
    async def comes_up() -> AsyncIterator[None]:
        await api.start(port)
        yield

    own = load_telegram_settings(
        _env_file=None,
        telegram_bot_token=SecretStr(fake_telegram.TOKEN),
        telegram_api_url=f"http://127.0.0.1:{port}",
    )
    pauses = Pauses(comes_up())
    try:
        async with serving(tg_settings, own, sleep=pauses):
            help_ = api.command(GROUP, ALICE, "/help")
            api.push(api.update(help_))
            reply = await api.sent.get()
    finally:
        await api.stop()

    assert reply.params["reply_parameters"]["message_id"] == help_["message_id"]
    assert pauses.asked == [1, 2, 4]
    assert tries(caplog) == [
        f"Telegram cannot be reached (NetworkError); trying again in {s} s" for s in (1, 2, 4)
    ]
    assert errors(caplog) == []


@pytest.mark.fault(
    "discord: REST API unreachable at start-up", "one line a try; logs in once it is back"
)
async def test_discord_out_of_reach_at_start_up_is_waited_for(
    higgs_settings: Settings, sleeps: Sleeps, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    port, rest = free_port(), FakeDiscord()

    @contextlib.asynccontextmanager
    async def comes_up() -> AsyncIterator[None]:
        await rest.start(port)
        rest.open_gateway()
        yield

    own = load_discord_settings(
        _env_file=None,
        discord_bot_token=SecretStr(fake_discord.TOKEN),
        discord_api_url=f"http://127.0.0.1:{port}/api/v10",
    )
    pauses = Pauses(comes_up())
    base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    try:
        async with (
            open_core(higgs_settings, sleep=sleeps) as core,
            build_client(higgs_settings, own, core) as bot,
        ):
            connected = asyncio.ensure_future(bot.wait_for("shard_connect"))
            running = asyncio.create_task(start(bot, fake_discord.TOKEN, sleep=pauses))
            await asyncio.wait([connected, running], return_when=asyncio.FIRST_COMPLETED)
            if running.done():
                running.result()  # it ended before connecting: say why
            await bot.close()
            await running
    finally:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = base, gateway
        await rest.stop()

    assert pauses.asked == [1, 2, 4]
    assert [identify["token"] for identify in rest.identified] == [fake_discord.TOKEN]
    assert tries(caplog) == [
        f"Discord cannot be reached (ClientConnectorError); trying again in {s} s"
        for s in (1, 2, 4)
    ]
    assert errors(caplog) == []  # no session left unclosed by a failed try, either


class Running:
    """The `voicebot` program running in the background; its output read line by line."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[str] = []

    async def until(self, words: str) -> None:
        """Read what it prints until a line holds `words`."""
        assert self.process.stdout is not None
        while not any(words in line for line in self.lines):
            line = (await self.process.stdout.readline()).decode()
            assert line, f"it ended before saying {words!r}:\n" + "".join(self.lines)
            self.lines.append(line)

    async def stop(self) -> int:
        """SIGTERM, then everything else it prints; its exit code."""
        self.process.send_signal(signal.SIGTERM)
        rest, _ = await self.process.communicate()
        self.lines += rest.decode().splitlines(keepends=True)
        return self.process.returncode or 0


@contextlib.asynccontextmanager
async def running(tmp_path: Path, *args: str, **env: str) -> AsyncIterator[Running]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AI302_", "HIGGS_"))}
    process = await asyncio.create_subprocess_exec(
        VOICEBOT,
        *args,
        cwd=tmp_path,
        env={
            **clean,
            "DATA_DIR": str(tmp_path / "data"),
            "ENGINE": "offline",
            "METRICS_PORT": "0",
            "COLUMNS": "200",
            **env,
        },
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        yield Running(process)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


@pytest.mark.parametrize(
    ("platform", "env"),
    [
        ("telegram", {"TELEGRAM_BOT_TOKEN": fake_telegram.TOKEN, "TELEGRAM_API_URL": "{url}"}),
        ("discord", {"DISCORD_BOT_TOKEN": fake_discord.TOKEN, "DISCORD_API_URL": "{url}/api"}),
    ],
)
async def test_voicebot_says_an_unreachable_platform_in_one_line_and_stops_when_told(
    tmp_path: Path, platform: str, env: dict[str, str]
) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"
    settings = {key: value.format(url=nowhere) for key, value in env.items()}
    async with running(tmp_path, platform, **settings) as bot:
        await bot.until("cannot be reached")
        code = await bot.stop()
    out = "".join(bot.lines)
    assert code == 0, out
    assert all(LOG_LINE.match(line) for line in bot.lines), out  # log lines, no traceback
    (line,) = [line for line in bot.lines if "cannot be reached" in line]
    assert line.rstrip().endswith("trying again in 1 s")
    assert bot.lines[-1].rstrip().endswith(f"{platform.capitalize()}: stopped")
    assert fake_telegram.TOKEN not in out and fake_discord.TOKEN not in out


@pytest.mark.fault(
    "metrics: METRICS_PORT held by another process", "a warning; the bot serves without metrics"
)
async def test_a_bot_whose_metrics_port_is_taken_serves_all_the_same(
    tmp_path: Path, botapi: FakeBotApi
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]  # a bot beside it holds the port
        async with running(
            tmp_path,
            "telegram",
            TELEGRAM_BOT_TOKEN=fake_telegram.TOKEN,
            TELEGRAM_API_URL=botapi.base_url,
            METRICS_PORT=str(port),
        ) as bot:
            await bot.until("is in use")
            help_ = botapi.command(GROUP, ALICE, "/help")
            botapi.push(botapi.update(help_))
            reply = await botapi.sent.get()
            code = await bot.stop()
    out = "".join(bot.lines)
    assert code == 0, out
    assert reply.params["reply_parameters"]["message_id"] == help_["message_id"]
    (warning,) = [line for line in bot.lines if "is in use" in line]
    assert " WARNING core.observe: METRICS_PORT " in warning
    assert all(LOG_LINE.match(line) for line in bot.lines), out


async def test_what_start_up_made_is_kept_out_of_the_collectors_way_while_a_core_runs(
    higgs_settings: Settings,
) -> None:
    """Python's full garbage collections walked every object start-up made, each stopping the
    event loop a tenth of a second (mid-burst); frozen, those objects are passed over. The last
    core to close thaws them (a test process opens many)."""
    assert gc.get_freeze_count() == 0
    async with open_core(higgs_settings):
        frozen = gc.get_freeze_count()
        assert frozen > 10_000  # the modules' objects at least
        second = higgs_settings.model_copy(update={"data_dir": higgs_settings.data_dir / "b"})
        async with open_core(second):  # (a replica beside it, in one process)
            assert gc.get_freeze_count() >= frozen
        assert gc.get_freeze_count() >= frozen  # still frozen while the first runs
    assert gc.get_freeze_count() == 0
