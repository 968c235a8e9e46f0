"""The way back through an interaction, for the places the bot is no member of (a user-installed
command in a DM or group DM between users, or in a server that has not added the bot): the
channel refuses the bot there, and the interaction's own webhook is the only way out. It is
reached by the interaction's token, good for 15 minutes from the interaction, so a job resumed
after a restart within them can still go that way; past them it has nowhere to go."""

from __future__ import annotations

import contextlib
import io
import json
import logging
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import discord
from discord.http import Route

from bots.discord.voice_message import follow_up_voice_message
from core.domain import VoiceClip
from core.outbox import ChatGone

log = logging.getLogger(__name__)

LIFETIME = timedelta(minutes=15)  # an interaction token's
# Discord's cap on the followups to an interaction of an app installed only to its user
FOLLOWUPS = 5
NO_PINGS: dict[str, Any] = {"parse": []}


def expired(request: str) -> bool:
    """Whether the interaction whose id is `request` is past its token's lifetime."""
    created = discord.utils.snowflake_time(int(request))
    return discord.utils.utcnow() >= created + LIFETIME


class Followup:
    """An interaction's webhook, by its token (what a stored job keeps of the interaction)."""

    def __init__(self, client: discord.Client, token: str) -> None:
        assert client.application_id is not None  # (known from login on)
        self._http = client.http
        self._application_id = client.application_id
        self._token = token

    async def edit_original(self, content: str, view: discord.ui.View | None = None) -> None:
        """The interaction's response (its "thinking…", or progress) becomes `content`."""
        body = {
            "content": content,
            "components": view.to_components() if view is not None else [],
            "allowed_mentions": NO_PINGS,
        }
        await self._http.request(self._route("PATCH", "/messages/@original"), json=body)

    async def send(
        self,
        content: str,
        *,
        view: discord.ui.View | None = None,
        mentions: discord.AllowedMentions | None = None,
    ) -> None:
        """A message of its own, seen by everyone in the chat."""
        body: dict[str, Any] = {
            "content": content,
            "allowed_mentions": mentions.to_dict() if mentions is not None else NO_PINGS,
        }
        if view is not None:
            body["components"] = view.to_components()
        await self._http.request(self._route("POST"), json=body)

    async def voice(self, clip: VoiceClip) -> None:
        """`clip` as a native voice message."""
        await follow_up_voice_message(self._http, self._application_id, self._token, clip)

    async def file(self, ogg: bytes, filename: str) -> None:
        """The audio as a plain file, where a voice message is refused."""
        payload = {"attachments": [{"id": "0", "filename": filename}]}
        file = discord.File(io.BytesIO(ogg), filename=filename)
        form: list[dict[str, Any]] = [
            {"name": "payload_json", "value": json.dumps(payload)},
            {
                "name": "files[0]",
                "value": file.fp,
                "filename": filename,
                "content_type": "audio/ogg",
            },
        ]
        await self._http.request(self._route("POST"), files=[file], form=form)

    def _route(self, method: str, path: str = "") -> Route:
        return Route(
            method,
            "/webhooks/{webhook_id}/{webhook_token}" + path,
            webhook_id=self._application_id,
            webhook_token=self._token,
        )


@contextlib.contextmanager
def lapsed(request: str) -> Iterator[None]:
    """Discord's answer for a token past its 15 minutes (401 Invalid Webhook Token, 404
    Unknown Webhook) as `ChatGone`: nothing else leads where the bot is not, so what was to
    go there is dropped, with a line in the log and no words to anyone."""
    try:
        yield
    except discord.HTTPException as exc:
        if exc.status not in (401, 404):
            raise
        log.info("request %s: its interaction expired; what was left to send is dropped", request)
        raise ChatGone() from exc
