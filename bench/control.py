"""The benchmark's side of the fakes' control server (no aiohttp here: this module is loaded
into the bot's process, whose memory is measured)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import httpx

TAG = re.compile(r"request (\w+)")  # each benchmark request names itself in its text
# As shipped, the self-check reads each take's length: this text is about the 5 s of speech
# the fake makes, and what the fake transcriber hears of every take is it without its tag.
SHIPPED_TEXT = "Hello from the benchmark, request {tag}. The tea is warm and the night is quiet."
HEARD = "Hello from the benchmark, request. The tea is warm and the night is quiet."


def tag_of(index: int) -> str:
    """A name for request `index` in letters only (digits would be spelled out as words)."""
    letters = ""
    while True:
        index, rest = divmod(index, 26)
        letters = chr(ord("a") + rest) + letters
        if not index:
            return "x" + letters


@dataclass(frozen=True, slots=True)
class Urls:
    ai302: str
    botapi: str
    control: str


class WorldClient:
    """The bot process's side of the control server."""

    def __init__(self, http: httpx.AsyncClient, control: str) -> None:
        self._http = http
        self._url = control

    async def stats(self, since: float = 0.0) -> dict[str, Any]:
        response = await self._http.get(f"{self._url}/ai302/stats", params={"since": str(since)})
        response.raise_for_status()
        return response.json()  # type: ignore[no-any-return]

    async def clone(self, chat: int, user: int, ogg: bytes, command: str) -> None:
        response = await self._http.post(
            f"{self._url}/telegram/clone",
            content=ogg,
            params={"chat": str(chat), "user": str(user), "command": command},
        )
        response.raise_for_status()

    async def say(
        self, chats: list[int], users: list[int], texts: list[str]
    ) -> list[dict[str, Any]]:
        """Each user sends their text in their chat, all at once."""
        response = await self._http.post(
            f"{self._url}/telegram/say", json={"chats": chats, "users": users, "texts": texts}
        )
        response.raise_for_status()
        return response.json()  # type: ignore[no-any-return]

    async def voices(self, count: int, since: float, within_s: float) -> dict[str, Any]:
        """The voices sent since `since`, once there are `count` (or `within_s` passed)."""
        response = await self._http.get(
            f"{self._url}/telegram/voices",
            params={"count": str(count), "since": str(since), "timeout": str(within_s)},
            timeout=within_s + 30,
        )
        response.raise_for_status()
        return response.json()  # type: ignore[no-any-return]
