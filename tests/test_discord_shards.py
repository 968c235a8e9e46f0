"""Sharding: the real client, built from the settings as `voicebot discord` builds it, connects
its shards to the fake gateway and identifies each as the settings say; processes holding
different shards of one bot, on one database, each resume their own servers' jobs."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bots.discord.app import build_client
from bots.discord.settings import load_discord_settings
from core.app import open_core
from core.domain import Sampling, Where
from core.errors import ConfigError
from core.outbox import ReplyTarget
from core.settings import Settings
from tests.conftest import Clips, Sleeps, resumes_ended
from tests.discord_world import ALICE, Setup, discord_settings, fake_discord
from tests.fakes.ai302 import Fake302
from tests.fakes.discord import CHANNEL_ID, GUILD_ID, TOKEN, FakeDiscord

NEXT_GUILD_ID = GUILD_ID + (1 << 22)  # a server made just after it: on the other of 2 shards
NEXT_CHANNEL_ID = 750000000000000001
DM_CHANNEL_ID = 740000000000000001  # the bot's DM with Alice
VOICE_MESSAGE = 1 << 13  # the flag of a native voice message


@pytest.fixture
async def rest() -> AsyncIterator[FakeDiscord]:
    async with fake_discord() as fake:
        fake.open_gateway()
        yield fake


async def connect(setup: Setup, sleeps: Sleeps, shards: list[int]) -> list[int]:
    """Start the bot until each of `shards` is connected (READY); the shards it opened."""
    async with (
        open_core(setup.core, sleep=sleeps) as core,
        build_client(setup.core, setup.discord, core) as bot,
    ):
        connected = [
            bot.wait_for("shard_connect", check=lambda s, shard=shard: s == shard)
            for shard in shards
        ]
        running = asyncio.create_task(bot.start(TOKEN))
        await asyncio.gather(*connected)  # the last one's READY: no shard launches after it
        opened = sorted(bot.shards)
        await bot.close()
        await running
    return opened


@contextlib.asynccontextmanager
async def shard_process(setup: Setup, sleeps: Sleeps, shards: list[int]) -> AsyncIterator[None]:
    """One `voicebot discord` process holding `shards`, logged in (it resumed what it would
    resume) with each of them connected, until it stops on leaving."""
    async with (
        open_core(setup.core, sleep=sleeps) as core,
        build_client(setup.core, setup.discord, core) as bot,
    ):
        connected = [
            bot.wait_for("shard_connect", check=lambda s, shard=shard: s == shard)
            for shard in shards
        ]
        running = asyncio.create_task(bot.start(TOKEN))
        await asyncio.gather(*connected)
        try:
            yield
        finally:
            await bot.close()
            await running


def shards(identified: list[dict[str, Any]]) -> list[list[int]]:
    return [identify["shard"] for identify in identified]


async def test_a_process_given_shard_1_of_2_identifies_as_that_shard_alone(
    higgs_settings: Settings, rest: FakeDiscord, sleeps: Sleeps
) -> None:
    settings = discord_settings(higgs_settings, rest, discord_shard_count=2, discord_shard_ids="1")

    assert await connect(settings, sleeps, [1]) == [1]

    assert shards(rest.identified) == [[1, 2]]
    assert rest.identified[0]["token"] == TOKEN


async def test_a_process_given_shards_0_and_1_of_2_opens_both(
    higgs_settings: Settings, rest: FakeDiscord, sleeps: Sleeps
) -> None:
    settings = discord_settings(
        higgs_settings, rest, discord_shard_count=2, discord_shard_ids="0,1"
    )

    assert await connect(settings, sleeps, [0, 1]) == [0, 1]  # discord.py spaces them by 5 s

    assert shards(rest.identified) == [[0, 2], [1, 2]]


async def test_without_shard_settings_the_bot_runs_as_many_as_discord_advises(
    higgs_settings: Settings, rest: FakeDiscord, sleeps: Sleeps
) -> None:
    rest.recommended_shards = 2

    assert await connect(discord_settings(higgs_settings, rest), sleeps, [0, 1]) == [0, 1]

    assert shards(rest.identified) == [[0, 2], [1, 2]]


async def test_shard_processes_on_one_database_each_resume_their_own_servers_jobs(
    higgs_settings: Settings, rest: FakeDiscord, sleeps: Sleeps, clips: Clips, fake302: Fake302
) -> None:
    # jobs a process stopped before running, in a server of each shard of 2 and in a DM
    assert ((GUILD_ID >> 22) % 2, (NEXT_GUILD_ID >> 22) % 2) == (1, 0)  # Discord's rule
    places = {
        "shard one's server": (Where("discord", str(GUILD_ID), str(ALICE.id)), CHANNEL_ID),
        "shard zero's server": (
            Where("discord", str(NEXT_GUILD_ID), str(ALICE.id)),
            NEXT_CHANNEL_ID,
        ),
        "a DM, which is shard zero's": (
            Where("discord", str(ALICE.id), str(ALICE.id), private=True),
            DM_CHANNEL_ID,
        ),
    }
    async with open_core(higgs_settings, sleep=sleeps) as core:
        for place, (where, channel) in places.items():
            voice = await core.voices.register(where, "alice", clips.ogg, transcript="Hi there.")
            await core.jobs.open(
                where,
                kind=core.generation.engine.name,
                text=f"Hello from {place}.",
                sampling=Sampling(),
                voice_id=voice.id,
                target=ReplyTarget(chat_id=str(channel), user_id=str(ALICE.id), request=place),
            )
    zero = discord_settings(higgs_settings, rest, discord_shard_count=2, discord_shard_ids="0")
    one = discord_settings(higgs_settings, rest, discord_shard_count=2, discord_shard_ids="1")

    fake302.create_gate = asyncio.Event()  # no task made until both processes are up
    async with shard_process(zero, sleeps, [0]), shard_process(one, sleeps, [1]):
        fake302.create_gate.set()
        await resumes_ended()

    made = sorted(call.json["input_text"] for call in fake302.calls("clone_create"))
    assert made == sorted(f"Hello from {place}." for place in places)  # each once, not twice
    for _, channel in places.values():
        posted = [c.payload or {} for c in rest.of("POST", f"/channels/{channel}/messages")]
        assert [p["flags"] for p in posted if p.get("flags")] == [VOICE_MESSAGE]


@pytest.mark.parametrize(
    ("values", "says"),
    [
        ({"discord_shard_ids": "1"}, "needs DISCORD_SHARD_COUNT"),
        (
            {"discord_shard_count": "2", "discord_shard_ids": "0,2"},
            "with DISCORD_SHARD_COUNT=2 a shard id is 0 to 1",
        ),
        ({"discord_shard_count": "2", "discord_shard_ids": "1,1"}, "names a shard twice"),
        ({"discord_shard_count": "2", "discord_shard_ids": "first"}, "shard numbers"),
        ({"discord_shard_count": "0"}, "greater than or equal to 1"),
    ],
)
def test_shard_settings_that_cannot_work_stop_the_bot_at_load(
    values: dict[str, str], says: str
) -> None:
    with pytest.raises(ConfigError) as refused:
        load_discord_settings(_env_file=None, **values)
    message = str(refused.value)
    assert message.startswith("Setting DISCORD_SHARD_") and says in message
    assert "\n" not in message
