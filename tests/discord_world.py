"""The Discord world the bot's tests act in: people, the real client logged in against the fake
REST API, and `Discord`, through which people act (gateway payloads, real dispatch).
`tests/conftest.py` loads it as a plugin: its fixtures `rest` (the fake API) and `dc` (the bot
logged in there, with the Higgs settings) serve every test that asks for them."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any, NamedTuple

import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route
from pydantic import SecretStr

from bots.discord.app import build_client
from bots.discord.bot import VoiceBot
from bots.discord.settings import DiscordSettings, load_discord_settings
from core.app import open_core
from core.domain import Where
from core.settings import Settings
from tests.conftest import Sleeps
from tests.fakes.discord import CHANNEL_ID, GUILD_ID, TOKEN, Call, FakeDiscord, Person, Role

ALICE = Person(500000000000000001, "alice")
BOB = Person(500000000000000002, "bob")
WANG = Person(500000000000000003, "wang", locale="zh-CN")
LIN = Person(500000000000000004, "lin", locale="zh-TW")
CAROL = Person(500000000000000005, "carol")
ADMIN = Person(500000000000000006, "dana", admin=True)  # has Manage Server
HOOK = Person(900000000000000099, "some-bot", bot=True)
IN_GUILD = Where("discord", str(GUILD_ID), str(ALICE.id))
EPHEMERAL = 1 << 6
DISPATCHED = (
    "CommandTree",
    "discord-ui-view-dispatch",
    "discord-ui-modal-dispatch",
    "discord-ui-dynamic-item",
    "discord.py: ",
)


class Discord:
    """Users act through gateway payloads; the real client answers through the fake REST API."""

    def __init__(self, bot: VoiceBot, rest: FakeDiscord) -> None:
        self.bot = bot
        self.rest = rest

    async def settle(self) -> None:
        """Wait for every handler discord.py dispatched (and those they dispatched) to finish."""
        while pending := [
            t for t in asyncio.all_tasks() if not t.done() and t.get_name().startswith(DISPATCHED)
        ]:
            await asyncio.gather(*pending, return_exceptions=True)

    async def interact(self, payload: dict[str, Any]) -> dict[str, Any]:
        self.bot._connection.parse_interaction_create(payload)  # type: ignore[arg-type]
        await self.settle()
        return payload

    async def post(self, message: dict[str, Any]) -> None:
        """Someone posts a message in the channel (the bot sees those that mention it)."""
        self.bot._connection.parse_message_create(message)  # type: ignore[arg-type]
        await self.settle()

    def server(self, roles: list[Role]) -> None:
        """The gateway announces the server and its roles, as it does when the bot connects."""
        self.bot._connection.parse_guild_create(self.rest.guild(roles))  # type: ignore[arg-type]

    async def command(
        self,
        person: Person,
        command: str,
        /,
        *,
        guild: bool = True,
        place: str = "",
        attachments: dict[str, Any] | None = None,
        **options: Any,
    ) -> None:
        """`place`: where only the app installed to `person`'s account reaches (see
        `FakeDiscord.interaction`)."""
        resolved: dict[str, Any] = {"attachments": attachments} if attachments else {}
        opts = []
        for name, value in options.items():
            kind = _option_type(name, value)
            if isinstance(value, Role):  # sent by id, the role itself among the resolved data
                resolved.setdefault("roles", {})[str(value.id)] = value.payload()
                value = str(value.id)
            opts.append({"name": name, "type": kind, "value": value})
        data: dict[str, Any] = {"id": "1", "name": command, "type": 1, "options": opts}
        if resolved:
            data["resolved"] = resolved
        await self.interact(self.rest.interaction(person, 2, data, guild=guild, place=place))

    async def clone(
        self,
        person: Person,
        name: str,
        audio: bytes,
        /,
        *,
        guild: bool = True,
        voice: bool = True,
        statement: str = "own",
        **options: Any,
    ) -> None:
        """`/clone` with a voice message's attachment, or (`voice=False`) an uploaded file."""
        attachment = self.rest.attachment(audio, voice=voice)
        await self.command(
            person,
            "clone",
            guild=guild,
            name=name,
            audio=attachment["id"],
            statement=statement,
            attachments={attachment["id"]: attachment},
            **options,
        )

    async def clone_message(
        self,
        person: Person,
        message: dict[str, Any],
        name: str,
        transcript: str = "",
        *,
        place: str = "",
    ) -> None:
        """ "Clone this voice" on a message; the form that opens is filled in and sent."""
        await self.interact(
            self.rest.interaction(
                person,
                2,
                {
                    "id": "2",
                    "name": "Clone this voice",
                    "type": 3,
                    "target_id": message["id"],
                    "resolved": {"messages": {message["id"]: message}},
                },
                place=place,
            )
        )
        modal = self.rest.of("POST", "/interactions/")[-1].json
        if modal["type"] != 9:  # refused at once: no form
            return
        inputs = [i for row in modal["data"]["components"] for i in modal_inputs(row)]
        values = iter([name, transcript])
        submitted = [
            {
                "type": 1,
                "components": [{"type": 4, "custom_id": i["custom_id"], "value": next(values)}],
            }
            for i in inputs
        ]
        await self.interact(
            self.rest.interaction(
                person,
                5,
                {"custom_id": modal["data"]["custom_id"], "components": submitted},
                place=place,
            )
        )

    async def press(
        self,
        person: Person,
        custom_id: str,
        *,
        values: list[str] | None = None,
        guild: bool = True,
        place: str = "",
        **where: Any,
    ) -> None:
        """Press a button (or pick from a menu) on the latest message the bot showed it on
        (`place`, `where`: as `FakeDiscord.interaction` takes them)."""
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": 3 if values else 2}
        if values:
            data["values"] = values
        message = {**self.shown_with(custom_id)}
        if guild and not place:
            message["guild_id"] = str(GUILD_ID)
        await self.interact(
            self.rest.interaction(
                person, 3, data, guild=guild, message=message, place=place, **where
            )
        )

    def shown_with(self, custom_id: str) -> dict[str, Any]:
        """The latest message the bot showed holding `custom_id`, as Discord sends it back with
        a press."""
        for call in reversed(self.rest.calls):
            body = call.payload if isinstance(call.payload, dict) else {}
            rows = (body.get("data") or body).get("components") or []
            if custom_id in json.dumps(rows) and call.returned is not None:
                return call.returned  # type: ignore[no-any-return]
        raise AssertionError(f"the bot never showed {custom_id}")

    def buttons(self, custom_id_start: str = "") -> list[str]:
        """The custom ids of the buttons on the latest message the bot showed or changed."""
        for call in reversed(self.rest.calls):
            body = call.payload if isinstance(call.payload, dict) else {}
            body = body.get("data") or body
            if "components" in body:
                return [
                    b["custom_id"]
                    for row in body["components"]
                    for b in row["components"]
                    if b["custom_id"].startswith(custom_id_start)
                ]
        return []

    def words(self) -> list[tuple[str, bool]]:
        """Every text the bot showed, in order, with whether it was ephemeral."""
        shown = []
        for call in self.rest.calls:
            body = call.payload
            if call.path.endswith("/callback") and isinstance(body, dict):
                body = body.get("data")
            if isinstance(body, dict) and body.get("content"):
                shown.append((body["content"], bool((body.get("flags") or 0) & EPHEMERAL)))
        return shown

    def last(self) -> str:
        return self.words()[-1][0]

    def voice_messages(self) -> list[Call]:
        return [
            c
            for c in self.rest.of("POST", f"/channels/{CHANNEL_ID}/messages")
            if (c.payload or {}).get("flags") == 8192
        ]

    def channel_messages(self) -> list[dict[str, Any]]:
        """What the bot posted in the channel itself (not as interaction responses)."""
        return [
            c.payload
            for c in self.rest.of("POST", f"/channels/{CHANNEL_ID}/messages")
            if (c.payload or {}).get("flags") != 8192
        ]


def _option_type(name: str, value: Any) -> int:
    """The application command option type Discord would send the value as."""
    if name == "audio":
        return 11  # an attachment
    if isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return 4
    if isinstance(value, float):
        return 10
    return 8 if isinstance(value, Role) else 3


def modal_inputs(component: dict[str, Any]) -> list[dict[str, Any]]:
    """Text inputs inside a modal row (or label, as newer payloads nest them)."""
    if component.get("type") == 4:
        return [component]
    children = component.get("components") or [component.get("component") or {}]
    return [i for child in children for i in modal_inputs(child)]


@contextlib.asynccontextmanager
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """The fake REST API; the client's class-wide URLs are put back afterwards."""
    fake = FakeDiscord()
    await fake.start()
    base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    try:
        yield fake
    finally:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = base, gateway
        await fake.stop()


class Setup(NamedTuple):
    """The settings the bot starts with: the core's and the Discord bot's own."""

    core: Settings
    discord: DiscordSettings


def discord_settings(settings: Settings, rest: FakeDiscord, **overrides: Any) -> Setup:
    """`settings` for the fake REST API; `overrides` go to whichever settings name them."""
    own = {k: v for k, v in overrides.items() if k in DiscordSettings.model_fields}
    rest_of = {k: v for k, v in overrides.items() if k not in own}
    return Setup(
        settings.model_copy(update=rest_of),
        load_discord_settings(
            _env_file=None, discord_bot_token=SecretStr(TOKEN), discord_api_url=rest.api_url, **own
        ),
    )


@contextlib.asynccontextmanager
async def logged_in(setup: Setup, rest: FakeDiscord, sleeps: Sleeps) -> AsyncIterator[Discord]:
    """The bot as `voicebot discord` builds it, logged in (commands synced) against `rest`."""
    async with (
        open_core(setup.core, sleep=sleeps) as core,
        build_client(setup.core, setup.discord, core) as bot,
    ):
        await bot.login(TOKEN)
        yield Discord(bot, rest)


async def dies_mid_generation(saying: asyncio.Task[None]) -> None:
    """The process dies while `saying` waits for its voice: the command and every component
    the client was dispatching stop dead, as a killed process's would."""
    for task in asyncio.all_tasks():
        if task.get_name().startswith(DISPATCHED) or task is saying:
            task.cancel()
    await asyncio.gather(saying, return_exceptions=True)


@pytest.fixture
async def rest() -> AsyncIterator[FakeDiscord]:
    async with fake_discord() as fake:
        yield fake


@pytest.fixture
async def dc(
    higgs_settings: Settings, rest: FakeDiscord, sleeps: Sleeps
) -> AsyncIterator[Discord]:
    async with logged_in(discord_settings(higgs_settings, rest), rest, sleeps) as world:
        yield world
