"""A fake Discord REST API on 127.0.0.1, for the real discord.py client (`Route.BASE` points here).

It answers login, command sync, interaction callbacks and webhooks (followups, the original
response), channel messages (JSON or multipart, as native voice messages are), opening a DM
(whose messages a user may refuse), the gateway discovery call, and serves attachment files as
Discord's CDN would. A channel the bot is no member of (a DM or group DM between users, a server
that has not added it) refuses it with 403 Missing Access, as Discord does; a user-installed
app is answered there only through its interactions. Every call is recorded. Its gateway,
once a test opens it, lets shards connect and records how each identified. Helpers build the
gateway payloads a test dispatches: interactions (also where only a user-installed app is),
messages, and the server with its roles.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import uuid
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakes.serving import serve

TOKEN = "fake-discord-token.not.real"
APP_ID = 900000000000000001
BOT_USER = {
    "id": str(APP_ID),
    "username": "voicebot",
    "discriminator": "0",
    "global_name": None,
    "avatar": None,
    "bot": True,
}
GUILD_ID = 700000000000000001
PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 15) | (1 << 16) | (1 << 31) | (1 << 46)  # a member's
MANAGE_GUILD = 1 << 5
CHANNEL_ID = 710000000000000001
DISCORD_EPOCH_MS = 1_420_070_400_000  # a snowflake's time counts from 2015
# where only a user-installed app reaches (the bot is no member): a DM between two users, a
# group DM, and a channel of a server that has not added the bot
DM_ID = 720000000000000001
GROUP_DM_ID = 720000000000000002
ELSEWHERE_GUILD_ID = 730000000000000001
ELSEWHERE_CHANNEL_ID = 731000000000000001
PLACES = {"dm": DM_ID, "group": GROUP_DM_ID, "server": ELSEWHERE_CHANNEL_ID}
# what an app may do in (G)DMs with other users: Attach Files, Embed Links, Mention Everyone
APP_ELSEWHERE = (1 << 15) | (1 << 14) | (1 << 17)


@dataclass
class Call:
    method: str
    path: str
    json: Any = None
    form: dict[str, Any] = field(default_factory=dict)
    files: dict[str, tuple[str, str, bytes]] = field(default_factory=dict)  # name, type, bytes
    returned: Any = None  # the message the fake answered with

    @property
    def payload(self) -> Any:
        """The JSON body, whether sent plain or as `payload_json` beside files."""
        return self.json if self.json is not None else self.form.get("payload_json")


@dataclass
class Person:
    id: int
    name: str
    locale: str = "en-US"
    admin: bool = False  # has Manage Server
    roles: tuple[int, ...] = ()  # role ids in the server
    bot: bool = False

    def user(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.name,
            "discriminator": "0",
            "global_name": self.name,
            "avatar": None,
            "bot": self.bot,
        }


@dataclass(frozen=True)
class Role:
    id: int
    name: str

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "name": self.name,
            "color": 0,
            "hoist": False,
            "position": 1,
            "permissions": "0",
            "managed": False,
            "mentionable": True,
            "flags": 0,
        }


class FakeDiscord:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.arrived = asyncio.Queue[Call]()  # every call, as it comes
        self.files: dict[str, bytes] = {}
        self.faults: dict[str, deque[tuple[int, int, str]]] = defaultdict(deque)
        self.base_url = ""
        self._ids = itertools.count(800000000000000001)
        self._originals: dict[str, str] = {}  # interaction token -> its response message id
        self._pressed: dict[str, Any] = {}  # component interaction id -> the message pressed
        self.dm_channels: dict[str, str] = {}  # user id -> their DM channel's id
        self.closed_dms: set[str] = set()  # users who accept no DMs from the bot
        # channels the bot is no member of: every call on them is refused (403 Missing Access)
        self.absent: set[str] = {str(channel) for channel in PLACES.values()}
        self._channels: dict[str, str] = {}  # interaction token -> the channel it came from
        self.gateway_url = "ws://127.0.0.1:9/gateway"  # nowhere, until a test opens the gateway
        self.recommended_shards = 1  # what the gateway discovery call advises
        self.identified: list[dict[str, Any]] = []  # each IDENTIFY's data, in order
        self._runner: web.AppRunner | None = None

    async def start(self, port: int = 0) -> None:
        """Serve on `port` (a free one when 0)."""
        app = web.Application(client_max_size=100 * 1024 * 1024)
        app.router.add_route("*", "/api/v10/{path:.*}", self._api)
        app.router.add_get("/attachments/{name}", self._cdn)
        app.router.add_get("/gateway", self._gateway)
        self._runner, self.base_url = await serve(app, port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/v10"

    # --- what tests use ----------------------------------------------------------------------

    def open_gateway(self) -> None:
        """Point the gateway discovery call at this fake's own gateway."""
        self.gateway_url = "ws" + self.base_url.removeprefix("http") + "/gateway"

    def fail(self, method: str, path_start: str, status: int, code: int, message: str) -> None:
        """Answer the next `method` call whose path starts with `path_start` with an error."""
        self.faults[f"{method} {path_start}"].append((status, code, message))

    def of(self, method: str, path_start: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and c.path.startswith(path_start)]

    def new_id(self) -> str:
        return str(next(self._ids))

    def snowflake(self, at: datetime | None = None) -> str:
        """An id as Discord makes them, telling when (`at`, else now): an interaction's says
        how long its token lasts."""
        ms = int((at or datetime.now(UTC)).timestamp() * 1000) - DISCORD_EPOCH_MS
        return str(ms << 22 | next(self._ids) % (1 << 22))

    def attachment(
        self,
        data: bytes,
        filename: str = "voice-message.ogg",
        content_type: str = "audio/ogg",
        size: int | None = None,
        voice: bool = True,
    ) -> dict[str, Any]:
        attachment_id = self.new_id()
        self.files[f"{attachment_id}-{filename}"] = data
        url = f"{self.base_url}/attachments/{attachment_id}-{filename}"
        extra = {"duration_secs": 5.0, "waveform": "AAAA"} if voice else {}
        return {
            "id": attachment_id,
            "filename": filename,
            "size": size or len(data),
            "url": url,
            "proxy_url": url,
            "content_type": content_type,
            **extra,
        }

    def message(
        self,
        author: Person,
        content: str = "",
        *,
        attachments: list[Any] = (),  # type: ignore[assignment]
        guild: bool = True,
        **extra: Any,
    ) -> dict[str, Any]:
        data = {
            "id": self.new_id(),
            "channel_id": str(CHANNEL_ID),
            "author": author.user(),
            "content": content,
            "timestamp": datetime.now(UTC).isoformat(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": list(attachments),
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": 8192 if attachments and "waveform" in attachments[0] else 0,
            **extra,
        }
        if guild:
            data["guild_id"] = str(GUILD_ID)
        return data

    def interaction(
        self,
        person: Person,
        kind: int,
        data: dict[str, Any],
        *,
        guild: bool = True,
        place: str = "",
        **extra: Any,
    ) -> dict[str, Any]:
        """An interaction as the gateway sends it: in the server or a DM with the bot (the app
        installed there), or (`place`) where only the app installed to `person`'s account
        reaches: "dm" (with another user), "group" (a group DM), "server" (one without the
        bot)."""
        installer: Person = extra.pop("installer", person)  # whose account the app is in
        guild = place == "server" if place else guild
        channel_id = extra["message"]["channel_id"] if "message" in extra else str(CHANNEL_ID)
        payload: dict[str, Any] = {
            "id": self.snowflake(),
            "application_id": str(APP_ID),
            "type": kind,
            "data": data,
            "token": f"itoken-{self.new_id()}",
            "version": 1,
            "locale": person.locale,
            "attachment_size_limit": 25 * 1024 * 1024,
            "app_permissions": "0",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID) if guild else "0"},
            "context": 0 if guild else 1,
            "channel_id": channel_id,
            "channel": {
                "id": channel_id,
                "type": 0 if guild else 1,
                "name": "general",
                "guild_id": str(GUILD_ID),
                "position": 0,
                "permission_overwrites": [],
                "nsfw": False,
                "parent_id": None,
                "recipients": [person.user()],
            },
            **extra,
        }
        if guild:
            payload["guild_id"] = str(GUILD_ID)
            payload["member"] = {
                "user": person.user(),
                "roles": [str(r) for r in person.roles],
                "joined_at": datetime.now(UTC).isoformat(),
                "deaf": False,
                "mute": False,
                "permissions": str(PERMISSIONS | (MANAGE_GUILD if person.admin else 0)),
                "flags": 0,
            }
        else:
            payload["user"] = person.user()
        if "message" in extra:
            self._pressed[payload["id"]] = extra["message"]
        self._channels[payload["token"]] = channel_id
        if place:
            self._elsewhere(payload, place, installer)
        return payload

    def _elsewhere(self, payload: dict[str, Any], place: str, installer: Person) -> None:
        """Move an interaction to where only the app installed to `installer`'s account
        reaches (its permissions there, no guild install)."""
        channel_id = str(PLACES[place])
        payload.update(
            channel_id=channel_id,
            context=2,
            app_permissions=str(APP_ELSEWHERE),
            authorizing_integration_owners={"1": str(installer.id)},
        )
        if place == "server":
            guild = str(ELSEWHERE_GUILD_ID)
            payload.update(context=0, guild_id=guild, guild={"id": guild, "features": []})
            payload["channel"].update(id=channel_id, guild_id=guild, name="elsewhere")
        else:
            person = payload["user"]
            payload["channel"] = {"id": channel_id, "type": 1, "recipients": [person]}
            if place == "group":
                payload["channel"].update(type=3, name="friends", icon=None, owner_id=person["id"])
        self._channels[payload["token"]] = channel_id

    def guild(self, roles: list[Role]) -> dict[str, Any]:
        """The server as the gateway announces it when the bot connects (GUILD_CREATE)."""
        everyone = {**Role(GUILD_ID, "@everyone").payload(), "position": 0}
        return {
            "id": str(GUILD_ID),
            "name": "server",
            "icon": None,
            "owner_id": "1",
            "roles": [everyone, *(r.payload() for r in roles)],
            "channels": [],
            "threads": [],
            "members": [],
            "emojis": [],
            "stickers": [],
            "features": [],
            "member_count": 4,
            "preferred_locale": "en-US",
            "unavailable": False,
            "large": False,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "premium_tier": 0,
            "system_channel_flags": 0,
            "nsfw_level": 0,
            "afk_timeout": 300,
            "joined_at": datetime.now(UTC).isoformat(),
        }

    def dm_messages(self, person: Person) -> list[Call]:
        """What the bot sent (or tried to send) to a person by DM."""
        channel = self.dm_channels.get(str(person.id))
        return [] if channel is None else self.of("POST", f"/channels/{channel}/messages")

    def sent_messages(self) -> list[Call]:
        return [c for c in self.calls if c.method == "POST" and c.path.endswith("/messages")]

    # --- the API -----------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["path"]
        call = await _record(request, path)
        self.calls.append(call)
        self.arrived.put_nowait(call)
        if request.headers.get("Authorization") not in (f"Bot {TOKEN}", None):
            return _json({"code": 0, "message": "401: Unauthorized"}, 401)
        for key, faults in self.faults.items():
            method, start = key.split(" ", 1)
            if faults and method == request.method and path.startswith(start):
                status, code, message = faults.popleft()
                return _json({"code": code, "message": message}, status)
        if path == "/users/@me":
            return _json(BOT_USER)
        if path == "/oauth2/applications/@me":
            return _json(
                {
                    "id": str(APP_ID),
                    "name": "voicebot",
                    "icon": None,
                    "description": "",
                    "rpc_origins": [],
                    "bot_public": True,
                    "bot_require_code_grant": False,
                    "owner": BOT_USER,
                    "verify_key": "0" * 64,
                    "flags": 0,
                    "summary": "",
                }
            )
        if path == "/gateway/bot":
            return _json(
                {
                    "url": self.gateway_url,
                    "shards": self.recommended_shards,
                    "session_start_limit": {
                        "total": 1000,
                        "remaining": 1000,
                        "reset_after": 0,
                        "max_concurrency": 1,
                    },
                }
            )
        if path.endswith("/commands") and request.method == "PUT":
            return _json(
                [
                    {
                        "description": "",
                        **command,
                        "id": self.new_id(),
                        "application_id": str(APP_ID),
                        "version": "1",
                        "default_member_permissions": None,
                    }
                    for command in call.json
                ]
            )
        if path.endswith("/callback"):
            return _json(self._callback_answer(path, call))
        if path == "/users/@me/channels" and request.method == "POST":
            recipient = str(call.json["recipient_id"])
            channel = self.dm_channels.setdefault(recipient, self.new_id())
            return _json(
                {
                    "id": channel,
                    "type": 1,
                    "last_message_id": None,
                    "recipients": [
                        {
                            "id": recipient,
                            "username": "someone",
                            "discriminator": "0",
                            "avatar": None,
                        }
                    ],
                }
            )
        parts = path.split("/")
        if parts[1] == "channels" and len(parts) > 2 and parts[2] in self.absent:
            return _json({"code": 50001, "message": "Missing Access"}, 403)
        if request.method == "POST" and any(
            path == f"/channels/{self.dm_channels.get(user)}/messages" for user in self.closed_dms
        ):
            return _json({"code": 50007, "message": "Cannot send messages to this user"}, 403)
        if request.method == "DELETE":
            return web.Response(status=204)
        if (
            request.method in ("POST", "PATCH", "GET")
            and "/messages" in path
            or (path.startswith("/webhooks/") and request.method == "POST")
        ):
            call.returned = self._message_for(call)
            return _json(call.returned)
        return _json({"code": 0, "message": f"404: {request.method} {path} not faked"}, 404)

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        """One shard's connection: HELLO, heartbeat ACKs, READY for its IDENTIFY. Frames go as
        text, which discord.py reads whatever compression it asked for."""
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 45_000}})
        async for frame in ws:
            if frame.type is not WSMsgType.TEXT:
                continue
            message = json.loads(frame.data)
            if message["op"] == 1:
                await ws.send_json({"op": 11})
            elif message["op"] == 2:
                self.identified.append(message["d"])
                await ws.send_json(
                    {
                        "op": 0,
                        "t": "READY",
                        "s": 1,
                        "d": {
                            "v": 10,
                            "user": BOT_USER,
                            "guilds": [],
                            "session_id": uuid.uuid4().hex,
                            "resume_gateway_url": self.gateway_url,
                            "shard": message["d"].get("shard"),
                            "application": {"id": str(APP_ID), "flags": 0},
                        },
                    }
                )
        return ws

    async def _cdn(self, request: web.Request) -> web.Response:
        data = self.files.get(request.match_info["name"])
        return web.Response(status=404) if data is None else web.Response(body=data)

    def _callback_answer(self, path: str, call: Call) -> dict[str, Any]:
        """What `?with_response=true` returns: the interaction, and the message it made."""
        body = call.payload if isinstance(call.payload, dict) else {}
        data = body.get("data") or {}
        answer: dict[str, Any] = {
            "interaction": {
                "id": path.split("/")[2],
                "type": 2,
                "response_message_loading": body.get("type") == 5,
                "response_message_ephemeral": bool((data.get("flags") or 0) & 64),
            }
        }
        if body.get("type") in (4, 5, 7):
            pressed = self._pressed.get(path.split("/")[2], {}) if body["type"] == 7 else {}
            message = self._message_for(Call("POST", f"{path}/{pressed.get('id', '')}", json=data))
            if pressed:  # an update keeps the message what it was: its id, whether ephemeral
                message["flags"] = pressed["flags"]
            call.returned = message
            self._originals[path.split("/")[3]] = message["id"]
            answer["interaction"]["response_message_id"] = message["id"]
            answer["resource"] = {"type": body["type"], "message": message}
        return answer

    def _message_for(self, call: Call) -> dict[str, Any]:
        body = call.payload if isinstance(call.payload, dict) else {}
        message_id = call.path.rsplit("/", 1)[-1]
        if message_id == "@original":
            message_id = self._originals.get(call.path.split("/")[3], "")
        if not message_id.isdigit():
            message_id = self.new_id()
        parts = call.path.split("/")
        # a webhook's or an interaction's message is in the channel its interaction came from
        token_channel = self._channels.get(parts[3], "") if len(parts) > 3 else ""
        channel_id = parts[2] if parts[1] == "channels" else token_channel or str(CHANNEL_ID)
        return {
            "id": message_id,
            "channel_id": channel_id,
            "author": BOT_USER,
            "content": body.get("content") or "",
            "timestamp": datetime.now(UTC).isoformat(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": body.get("flags") or 0,
            "components": body.get("components") or [],
        }


async def _record(request: web.Request, path: str) -> Call:
    call = Call(request.method, path)
    if request.content_type.startswith("multipart/"):
        reader = await request.multipart()
        async for part in reader:
            if part.filename is not None:  # type: ignore[union-attr]
                call.files[part.name or ""] = (
                    part.filename,  # type: ignore[union-attr]
                    part.headers.get("Content-Type", ""),
                    bytes(await part.read()),
                )  # type: ignore[union-attr]
            else:
                value = await part.text()  # type: ignore[union-attr]
                call.form[part.name or ""] = (
                    json.loads(value) if part.name == "payload_json" else value
                )
    elif request.can_read_body:
        text = await request.text()
        call.json = json.loads(text) if text else None
    return call


def _json(body: Any, status: int = 200) -> web.Response:
    # discord.py parses JSON only when the type is exactly application/json (no charset)
    return web.Response(
        body=json.dumps(body).encode(), status=status, headers={"Content-Type": "application/json"}
    )
