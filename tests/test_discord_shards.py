"""Sharding: the real client, built from the settings as `voicebot discord` builds it, connects
its shards to the fake gateway and identifies each as the settings say."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bots.discord.app import build_client
from bots.discord.settings import load_discord_settings
from core.app import open_core
from core.errors import ConfigError
from core.settings import Settings
from tests.conftest import Sleeps
from tests.discord_world import Setup, discord_settings, fake_discord
from tests.fakes.discord import TOKEN, FakeDiscord


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
