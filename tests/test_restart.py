"""A killed bot loses nothing: the real `voicebot telegram` process, SIGKILLed with one job
generating upstream and one waiting in line, is started again and delivers both, once each,
without creating any upstream task twice."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.app import open_core
from core.domain import Where
from core.settings import Settings
from tests.conftest import VOICEBOT, Clips, Sleeps, make_settings, resumes_ended
from tests.discord_world import ALICE as ALICE_DC
from tests.discord_world import dies_mid_generation, discord_settings, fake_discord, logged_in
from tests.fakes.ai302 import API_KEY, Fake302
from tests.fakes.discord import CHANNEL_ID
from tests.fakes.telegram import TOKEN, Call, FakeBotApi
from tests.telegram_chat import ALICE, BOB, GROUP

HANG_GUARD_S = 120  # only so that a broken build fails instead of hanging CI


class Turnstile(asyncio.Event):
    """Holds the fake upstream's status queries until opened, and tells when one waits: a
    task was created and its job is polling it."""

    def __init__(self) -> None:
        super().__init__()
        self.reached = asyncio.Event()

    async def wait(self) -> bool:  # type: ignore[override]  # Event.wait returns Literal[True]
        self.reached.set()
        return await super().wait()


@contextlib.asynccontextmanager
async def bot_process(
    data_dir: Path, botapi: FakeBotApi, fake302: Fake302, log: Path
) -> AsyncIterator[asyncio.subprocess.Process]:
    """`voicebot telegram` as an operator runs it, against the fakes on 127.0.0.1."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AI302_", "HIGGS_"))}
    env = {
        **clean,
        "DATA_DIR": str(data_dir),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": botapi.base_url,
        "AI302_API_KEY": API_KEY,
        "AI302_BASE_URL": fake302.base_url,
        "SELF_CHECK": "false",
        "MAX_CONCURRENT_JOBS": "1",
        "POLL_INTERVAL_S": "0.05",
        "POLL_INTERVAL_MAX_S": "0.1",
        "USER_REQUESTS_PER_MINUTE": "0",
        "CHAT_REQUESTS_PER_MINUTE": "0",
        "METRICS_PORT": "0",
    }
    with log.open("ab") as out:
        process = await asyncio.create_subprocess_exec(
            VOICEBOT, "telegram", env=env, stdout=out, stderr=out
        )
    try:
        yield process
    finally:
        if process.returncode is None:
            process.terminate()
            await process.wait()


def jobs_in(data_dir: Path) -> int:
    with contextlib.closing(sqlite3.connect(data_dir / "voicebot.db")) as db:
        return int(db.execute("SELECT count(*) FROM jobs").fetchone()[0])


async def next_sent(botapi: FakeBotApi, method: str, containing: str = "") -> Call:
    while True:
        call = await botapi.sent.get()
        if call.method == method and containing in str(call.params.get("text", "")):
            return call


@pytest.mark.fault(
    "process: SIGKILL, one job generating, one queued", "both delivered once; no task made twice"
)
async def test_a_killed_bot_delivers_every_job_once_after_a_restart(
    tmp_path: Path, botapi: FakeBotApi, fake302: Fake302, clips: Clips
) -> None:
    data_dir, log = tmp_path / "data", tmp_path / "bot.log"
    settings = make_settings(data_dir, ai302_api_key=API_KEY, ai302_base_url=fake302.base_url)
    async with open_core(settings) as speech:
        await speech.voices.register(
            Where("telegram", str(GROUP.id), str(ALICE.id)),
            "grandpa",
            clips.wav,
            transcript="words",
        )
    fake302.gate = turnstile = Turnstile()
    first = botapi.command(GROUP, ALICE, "/say grandpa First words.")
    second = botapi.command(GROUP, BOB, "/say grandpa Second words.")

    async with asyncio.timeout(HANG_GUARD_S):
        async with bot_process(data_dir, botapi, fake302, log) as bot:
            botapi.push(botapi.update(first))
            status = botapi.sent_message(await next_sent(botapi, "sendMessage", "Preparing"))
            await turnstile.reached.wait()  # the first is generating upstream
            botapi.push(botapi.update(second))
            await next_sent(botapi, "sendMessage", "Preparing")  # the second's, at once
            while await asyncio.to_thread(jobs_in, data_dir) < 2:  # noqa: ASYNC110 (another
                await asyncio.sleep(0.02)  # process's doing) until it waits in line as a job
            bot.kill()  # SIGKILL: no clean-up of any kind
            await bot.wait()
        assert [c.json["input_text"] for c in fake302.calls("clone_create")] == ["First words."]

        turnstile.set()
        async with bot_process(data_dir, botapi, fake302, log):
            voices = [await next_sent(botapi, "sendVoice") for _ in range(2)]

    created = sorted(c.json["input_text"] for c in fake302.calls("clone_create"))
    assert created == ["First words.", "Second words."], log.read_text()  # none twice
    replied_to = sorted(int(v.params["reply_parameters"]["message_id"]) for v in voices)
    assert replied_to == sorted([first["message_id"], second["message_id"]])
    assert all("synthetic voice: grandpa" in v.params["caption"] for v in voices)
    assert len(botapi.of("sendVoice")) == 2  # once each
    # the first's status message gives way to its voice (the second's had only just been
    # posted when the process died: whether it was noted before is down to the instant)
    deleted = [int(c.params["message_id"]) for c in botapi.of("deleteMessage")]
    assert status["message_id"] in deleted
    with contextlib.closing(sqlite3.connect(data_dir / "voicebot.db")) as db:
        states = db.execute("SELECT state, delivery FROM jobs").fetchall()
    assert states == [("done", "sent"), ("done", "sent")]


@pytest.mark.fault(
    "process: Discord bot restarted mid-generation", "posted in its channel; no task made twice"
)
async def test_discord_posts_a_job_cut_off_by_a_restart_in_its_channel(
    higgs_settings: Settings, fake302: Fake302, sleeps: Sleeps, clips: Clips
) -> None:
    fake302.gate = turnstile = Turnstile()
    async with fake_discord() as rest:
        settings = discord_settings(higgs_settings, rest)
        async with logged_in(settings, rest, sleeps) as dc:
            await dc.clone(ALICE_DC, "alice", clips.ogg)
            saying = asyncio.create_task(
                dc.command(ALICE_DC, "say", voice="alice", text="Hello after a restart.")
            )
            await turnstile.reached.wait()
            await dies_mid_generation(saying)
        turnstile.set()
        async with logged_in(settings, rest, sleeps) as dc:  # setup_hook resumes the job
            await resumes_ended()
            (label,) = [
                c
                for c in rest.of("POST", f"/channels/{CHANNEL_ID}/messages")
                if "synthetic voice" in (c.payload or {}).get("content", "")
            ]
            (voice,) = dc.voice_messages()

    assert label.payload["content"] == f"🔊 synthetic voice: alice · for <@{ALICE_DC.id}>"
    assert voice.payload["message_reference"]["message_id"] == label.returned["id"]
    assert len(fake302.calls("clone_create")) == 1
