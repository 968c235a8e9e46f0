"""A fake Telegram Bot API on 127.0.0.1, enough for the real python-telegram-bot `Application`.

It answers the methods the bot calls, serves files for `getFile` downloads, hands out queued
updates through `getUpdates` (or accepts a webhook: a test then posts the updates itself), and
records every call. Helpers build the updates a user's client would cause: a voice note, a
command (optionally replying to a message), a forward, a button press, a message sent on behalf
of a chat (an anonymous admin, a channel identity), a channel post. Like Telegram, it refuses
to write first to a user who never opened a chat with the bot.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
import uuid
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakes.serving import serve

TOKEN = "7654321:TEST-token-not-real"  # deliberately not shaped like a real token
BOT = {
    "id": 7654321,
    "is_bot": True,
    "first_name": "Voice Bot",
    "username": "voice_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
# Who Telegram names as the sender of a message sent on behalf of a chat (`sender_chat`): one
# stand-in user for every anonymous admin of every group, one for every channel identity, one
# for a channel's posts automatically forwarded to its discussion group.
GROUP_ANONYMOUS_BOT = {"id": 1087968824, "is_bot": True, "first_name": "Group"}
CHANNEL_BOT = {"id": 136817688, "is_bot": True, "first_name": "Channel"}
TELEGRAM_SERVICE = {"id": 777000, "is_bot": False, "first_name": "Telegram"}


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    at: float = field(default_factory=time.time)  # wall clock, when it arrived whole


@dataclass
class Chat:
    id: int
    type: str  # "private" | "supergroup" | "channel"
    title: str = ""

    def as_dict(self) -> dict[str, Any]:
        if self.type == "private":
            return {"id": self.id, "type": "private", "first_name": "User"}
        return {"id": self.id, "type": self.type, "title": self.title}


@dataclass
class User:
    id: int
    first_name: str
    language_code: str = "en"
    is_bot: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "is_bot": self.is_bot,
            "first_name": self.first_name,
            "language_code": self.language_code,
        }


class FakeBotApi:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, bytes)
        self.faults: dict[str, deque[tuple[int, str, dict[str, Any]]]] = defaultdict(deque)
        self.updates: list[dict[str, Any]] = []
        self.handed_out: dict[int, float] = {}  # update id -> when getUpdates first gave it
        self.admins: set[int] = set()  # user ids getChatMember reports as administrators
        self.started: set[int] = set()  # users who opened a private chat with the bot
        self.base_url = ""
        self._ids = itertools.count(1000)
        self._update_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.sent = asyncio.Queue[Call]()  # every sendVoice/sendAudio/sendMessage, as it comes
        self.edited = asyncio.Queue[Call]()  # every editMessageText, as it comes
        self.file_gate: asyncio.Event | None = None  # when set, file downloads wait for it
        self.file_waiting = asyncio.Event()  # a download is waiting at the gate

    async def start(self, port: int = 0) -> None:
        """Serve on `port` (a free one when 0)."""
        app = web.Application(client_max_size=100 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._method)
        app.router.add_get("/file/bot{token}/{path:.*}", self._file)
        self._runner, self.base_url = await serve(app, port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # --- what tests use ----------------------------------------------------------------------

    def fail(self, method: str, status: int, description: str = "", **parameters: Any) -> None:
        """Answer the next call of `method` with an error (e.g. 429 with retry_after=1)."""
        default = "Too Many Requests: retry later" if status == 429 else "Bad Request"
        self.faults[method].append((status, description or default, parameters))

    def of(self, *methods: str) -> list[Call]:
        return [c for c in self.calls if c.method in methods]

    def message(self, chat: Chat, user: User, **content: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": chat.as_dict(),
            "from": user.as_dict(),
            **content,
        }

    def voice_note(
        self,
        chat: Chat,
        user: User,
        ogg: bytes,
        *,
        kind: str = "voice",
        size: int | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        """A message carrying a file the bot can download (`voice`, `audio`, `document`…)."""
        file_id = f"file-{uuid.uuid4().hex}"
        self.files[file_id] = (f"voice/{file_id}.oga", ogg)
        media = {
            "file_id": file_id,
            "file_unique_id": file_id[-12:],
            "file_size": size if size is not None else len(ogg),
            **extra,
        }
        if kind in ("voice", "audio", "video_note"):
            media["duration"] = 5
        if kind == "video_note":
            media["length"] = 240
        return self.message(chat, user, **{kind: media})

    def command(
        self, chat: Chat, user: User, text: str, reply_to: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        command = text.split()[0]
        extra: dict[str, Any] = {"reply_to_message": reply_to} if reply_to else {}
        return self.message(
            chat,
            user,
            text=text,
            **extra,
            entities=[{"type": "bot_command", "offset": 0, "length": len(command)}],
        )

    def text(self, chat: Chat, user: User, text: str) -> dict[str, Any]:
        return self.message(chat, user, text=text)

    def on_behalf_of(
        self, message: dict[str, Any], chat: Chat, *, automatic: bool = False
    ) -> dict[str, Any]:
        """`message` as Telegram delivers it when sent on behalf of `chat`: by an anonymous
        admin (`chat` is the group itself), by someone posting as a channel, or (`automatic`)
        a channel's post forwarded to its discussion group. The sender is then a stand-in."""
        if automatic:
            return {
                **message,
                "from": TELEGRAM_SERVICE,
                "sender_chat": chat.as_dict(),
                "is_automatic_forward": True,
            }
        sender = GROUP_ANONYMOUS_BOT if chat.id == message["chat"]["id"] else CHANNEL_BOT
        return {**message, "from": sender, "sender_chat": chat.as_dict()}

    def channel_post(self, channel: Chat, text: str, *, edited: bool = False) -> dict[str, Any]:
        """The update a post in a channel the bot is in makes (a command too): no sender but
        the channel itself."""
        post: dict[str, Any] = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": channel.as_dict(),
            "sender_chat": channel.as_dict(),
            "text": text,
        }
        if text.startswith("/"):
            post["entities"] = [
                {"type": "bot_command", "offset": 0, "length": len(text.split()[0])}
            ]
        if edited:
            post["edit_date"] = post["date"]
        kind = "edited_channel_post" if edited else "channel_post"
        return {"update_id": next(self._update_ids), kind: post}

    def forwarded(self, message: dict[str, Any], origin: User | Chat | str) -> dict[str, Any]:
        """`message` as forwarded from where it first appeared: a user who lets forwards name
        them, a channel, or (a name only) a user who hides."""
        date = message["date"]
        if isinstance(origin, User):
            source = {"type": "user", "date": date, "sender_user": origin.as_dict()}
        elif isinstance(origin, Chat):
            source = {
                "type": "channel",
                "date": date,
                "chat": origin.as_dict(),
                "message_id": next(self._ids),
            }
        else:
            source = {"type": "hidden_user", "date": date, "sender_user_name": origin}
        return {**message, "forward_origin": source}

    def press(self, user: User, message: dict[str, Any], data: str) -> dict[str, Any]:
        """The update a button press makes, on a message the bot sent."""
        return {
            "update_id": next(self._update_ids),
            "callback_query": {
                "id": uuid.uuid4().hex,
                "from": user.as_dict(),
                "chat_instance": "ci",
                "message": message,
                "data": data,
            },
        }

    def update(self, message: dict[str, Any]) -> dict[str, Any]:
        if message["chat"]["type"] == "private":
            self.started.add(message["from"]["id"])
        return {"update_id": next(self._update_ids), "message": message}

    def push(self, update: dict[str, Any]) -> None:
        """Queue an update for the bot's next `getUpdates`."""
        self.updates.append(update)
        self._new_update.set()

    def sent_message(self, call: Call) -> dict[str, Any]:
        """The message dict the fake returned for a send call (for button presses)."""
        return call.params["_returned"]  # type: ignore[no-any-return]

    # --- the Bot API -------------------------------------------------------------------------

    async def _method(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params, files = await _params(request)
        call = Call(method, params, files)
        self.calls.append(call)
        if self.faults[method]:
            status, description, parameters = self.faults[method].popleft()
            return _error(status, description, parameters)
        if (
            method.startswith("send")
            and int(params.get("chat_id") or 0) > 0
            and int(params["chat_id"]) not in self.started
        ):
            return _error(403, "Forbidden: bot can't initiate conversation with a user")
        handler = getattr(self, f"_{method}", None)
        if handler is None:
            return _error(404, "Not Found: method not found")
        result = await handler(call)
        if method.startswith("send") and method != "sendChatAction":
            params["_returned"] = result
            await self.sent.put(call)
        elif method == "editMessageText":
            await self.edited.put(call)
        return web.json_response({"ok": True, "result": result})

    async def _file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return web.Response(status=401)
        if self.file_gate is not None and not self.file_gate.is_set():
            self.file_waiting.set()
            await self.file_gate.wait()
        for path, data in self.files.values():
            if path == request.match_info["path"]:
                return web.Response(body=data)
        return web.Response(status=404)

    async def _getMe(self, call: Call) -> Any:
        return BOT

    async def _getUpdates(self, call: Call) -> Any:
        offset = int(call.params.get("offset") or 0)
        self.updates = [u for u in self.updates if u["update_id"] >= offset]
        if not self.updates:
            self._new_update.clear()
            timeout = min(float(call.params.get("timeout") or 0), 1.0)
            try:
                await asyncio.wait_for(self._new_update.wait(), timeout)
            except TimeoutError:
                return []
        now = time.time()
        for update in self.updates:
            self.handed_out.setdefault(update["update_id"], now)
        return self.updates

    async def _deleteWebhook(self, call: Call) -> Any:
        return True

    async def _setWebhook(self, call: Call) -> Any:
        return True

    async def _setMyCommands(self, call: Call) -> Any:
        return True

    async def _sendChatAction(self, call: Call) -> Any:
        return True

    async def _answerCallbackQuery(self, call: Call) -> Any:
        return True

    async def _deleteMessage(self, call: Call) -> Any:
        return True

    async def _sendMessage(self, call: Call) -> Any:
        return self._sent(call, text=call.params["text"])

    async def _editMessageText(self, call: Call) -> Any:
        return self._sent(
            call, message_id=int(call.params["message_id"]), text=call.params["text"]
        )

    async def _editMessageReplyMarkup(self, call: Call) -> Any:
        return self._sent(call, message_id=int(call.params["message_id"]))

    async def _sendVoice(self, call: Call) -> Any:
        return self._sent(
            call,
            voice={
                "file_id": "out",
                "file_unique_id": "out",
                "duration": int(call.params.get("duration") or 0),
            },
        )

    async def _sendAudio(self, call: Call) -> Any:
        return self._sent(
            call,
            audio={
                "file_id": "out",
                "file_unique_id": "out",
                "duration": int(call.params.get("duration") or 0),
            },
        )

    async def _getChatMember(self, call: Call) -> Any:
        user_id = int(call.params["user_id"])
        status = "administrator" if user_id in self.admins else "member"
        user = {"id": user_id, "is_bot": False, "first_name": "User"}
        if status == "administrator":
            return {
                "status": status,
                "user": user,
                "can_be_edited": False,
                "is_anonymous": False,
                "can_manage_chat": True,
                "can_delete_messages": True,
                "can_manage_video_chats": True,
                "can_restrict_members": True,
                "can_promote_members": False,
                "can_change_info": True,
                "can_invite_users": True,
                "can_post_stories": False,
                "can_edit_stories": False,
                "can_delete_stories": False,
            }
        return {"status": status, "user": user}

    async def _getFile(self, call: Call) -> Any:
        file_id = call.params["file_id"]
        path, data = self.files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": file_id[-12:],
            "file_size": len(data),
            "file_path": path,
        }

    def _sent(self, call: Call, **content: Any) -> dict[str, Any]:
        chat_id = int(call.params["chat_id"])
        chat = {
            "id": chat_id,
            "type": "private" if chat_id > 0 else "supergroup",
            "first_name": "User",
            "title": "Group",
        }
        message = {
            "message_id": content.pop("message_id", next(self._ids)),
            "date": int(time.time()),
            "chat": chat,
            "from": BOT,
            **content,
        }
        if "reply_markup" in call.params:
            message["reply_markup"] = call.params["reply_markup"]
        return message


async def _params(request: web.Request) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Parameters as PTB sends them: form fields (nested objects as JSON) or multipart."""
    params: dict[str, Any] = {}
    files: dict[str, bytes] = {}
    if request.content_type.startswith("multipart/"):
        reader = await request.multipart()
        async for part in reader:
            if part.filename is not None:  # type: ignore[union-attr]
                files[part.name or ""] = bytes(await part.read())  # type: ignore[union-attr]
            else:
                params[part.name or ""] = await part.text()  # type: ignore[union-attr]
    elif request.content_type == "application/json":
        params = await request.json()
    else:
        params = dict(await request.post())  # type: ignore[arg-type]
    for key, value in params.items():
        if isinstance(value, str) and value[:1] in "[{":
            with contextlib.suppress(ValueError):
                params[key] = json.loads(value)
    return params, files


def _error(
    status: int, description: str, parameters: dict[str, Any] | None = None
) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=status)
