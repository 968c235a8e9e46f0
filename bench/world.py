"""The outside world, in a process of its own: the fake 302.AI, the fake Telegram Bot API, and a
control server through which the benchmark asks them what they saw.

Kept out of the bot's process so that the bot's event-loop lag, memory and CPU time are its own.
`python -m bench.world` prints one JSON line with the three base URLs (all on 127.0.0.1) and
serves until its standard input closes (the benchmark ending, however it ends) or SIGTERM.
`open_world()` is the benchmark's side of it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import signal
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import web

from bench.control import TAG, Urls
from bench.measure import cpu_seconds
from tests.fakes.ai302 import Fake302, tone_wav
from tests.fakes.serving import serve
from tests.fakes.telegram import Call, Chat, FakeBotApi, User

STARTUP_S = 30.0
ROOT = Path(__file__).resolve().parent.parent  # where `python -m bench.world` is found


class Control:
    """What the benchmark may ask of the fakes: their records, and Telegram users' actions."""

    def __init__(self, fake: Fake302, botapi: FakeBotApi) -> None:
        self.fake = fake
        self.botapi = botapi
        self.sends: list[tuple[float, Call]] = []  # every message the bot sent, as it came
        self._arrived = asyncio.Condition()
        self._calls_before_say = 0
        self._commands: dict[int, int] = {}  # the last say's commands: message id -> update id

    def app(self) -> web.Application:
        app = web.Application(client_max_size=100 * 1024 * 1024)
        app.router.add_get("/ai302/stats", self._stats)
        app.router.add_post("/telegram/clone", self._clone)
        app.router.add_post("/telegram/say", self._say)
        app.router.add_get("/telegram/voices", self._voices)
        return app

    async def record_sends(self) -> None:
        while True:
            call = await self.botapi.sent.get()
            self.sends.append((time.time(), call))
            async with self._arrived:
                self._arrived.notify_all()

    async def _stats(self, request: web.Request) -> web.Response:
        """Requests so far by endpoint; the tasks made since `since` (wall clock), with when
        each became ready and when a poll first answered that it was."""
        since = float(request.query.get("since", 0))
        tasks = [
            {
                "id": task_id,
                "tag": _tag(record["body"].get("input_text", "")),
                "created": record["created"],
                "ready_at": record["ready_at"],
                "answered_at": record.get("answered_at"),
                "downloaded_at": record.get("downloaded_at"),
                "polls": record["polls"],
            }
            for task_id, record in self.fake.tasks.items()
            if record["created"] >= since
        ]
        own, children = cpu_seconds()
        return web.json_response(
            {
                "requests": Counter(r.endpoint for r in self.fake.requests),
                "tasks": tasks,
                "cpu_s": own + children,
            }
        )

    async def _clone(self, request: web.Request) -> web.Response:
        """A user posts a voice note in a chat and replies to it with `/clone NAME | words`."""
        chat, user = _chat(request.query["chat"]), User(int(request.query["user"]), "Bench")
        note = self.botapi.voice_note(chat, user, await request.read())
        self.botapi.push(self.botapi.update(note))
        command = self.botapi.command(chat, user, request.query["command"], reply_to=note)
        self.botapi.push(self.botapi.update(command))
        return web.json_response({"message_id": command["message_id"]})

    async def _say(self, request: web.Request) -> web.Response:
        """Many users each send a command in a chat, all at once."""
        body, pushed = await request.json(), []
        self._calls_before_say = len(self.botapi.calls)
        self._commands = {}
        for chat, user_id, words in zip(body["chats"], body["users"], body["texts"], strict=True):
            command = self.botapi.command(_chat(str(chat)), User(int(user_id), "Bench"), words)
            update = self.botapi.update(command)
            self.botapi.push(update)
            self._commands[command["message_id"]] = update["update_id"]
            pushed.append(
                {"message_id": command["message_id"], "tag": _tag(words), "pushed_at": time.time()}
            )
        return web.json_response(pushed)

    async def _voices(self, request: web.Request) -> web.Response:
        """Wait (at most `timeout` s) until `count` voices were sent since `since`; then every
        voice since, with the command it answered, the texts sent meanwhile, the Bot API
        calls made since the last `/telegram/say` by method, and each of its commands'
        timeline."""
        count, since = int(request.query["count"]), float(request.query.get("since", 0))
        timeout = float(request.query["timeout"])

        def voices() -> list[tuple[float, Call]]:
            return [(at, c) for at, c in self.sends if at >= since and c.method == "sendVoice"]

        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout), self._arrived:
                await self._arrived.wait_for(lambda: len(voices()) >= count)
        texts = [
            c.params.get("text", "")
            for at, c in self.sends
            if at >= since and c.method == "sendMessage"
        ]
        calls = Counter(
            c.method
            for c in self.botapi.calls[self._calls_before_say :]
            if c.method != "getUpdates"
        )
        return web.json_response(
            {
                "voices": [{"at": at, "reply_to": _replied_to(c)} for at, c in voices()],
                "texts": texts[-20:],
                "calls": calls,
                "timeline": self._timeline(),
            }
        )

    def _timeline(self) -> dict[int, dict[str, Any]]:
        """For each command of the last `/telegram/say` (by message id): when a getUpdates
        handed it to the bot, when its status message arrived, and that message's edits (when
        each arrived, what it said). Wall clock, as the fakes' other records."""
        found: dict[int, dict[str, Any]] = {
            message: {"received_at": self.botapi.handed_out.get(update), "edits": []}
            for message, update in self._commands.items()
        }
        status_of: dict[int, int] = {}  # status message id -> the command it answers
        for call in self.botapi.calls[self._calls_before_say :]:
            if call.method == "sendMessage":
                asked = _replied_to(call)
                if asked in found and "status_at" not in found[asked]:
                    found[asked]["status_at"] = call.at
                    status_of[call.params.get("_returned", {}).get("message_id")] = asked
            elif call.method == "editMessageText":
                asked = status_of.get(int(call.params.get("message_id") or 0))
                if asked is not None:
                    found[asked]["edits"].append([call.at, call.params.get("text", "")])
        return found


def _chat(chat_id: str) -> Chat:
    return Chat(int(chat_id), "private" if int(chat_id) > 0 else "supergroup", "Bench")


def _tag(words: str) -> str | None:
    found = TAG.search(words)
    return found[1] if found else None


def _replied_to(call: Call) -> int | None:
    reply = call.params.get("reply_parameters")
    if isinstance(reply, dict) and "message_id" in reply:
        return int(reply["message_id"])
    legacy = call.params.get("reply_to_message_id")
    return int(legacy) if legacy else None


async def serve_world(
    generation_s: float,
    spread_s: float,
    output_s: float,
    seed: int,
    hearing: Hearing | None = None,
) -> None:
    fake = Fake302()
    fake.behaviour.audio = tone_wav(output_s)
    fake.behaviour.generation_s = generation_s
    if spread_s:
        rng = random.Random(seed)
        low, high = max(0.0, generation_s - spread_s), generation_s + spread_s
        fake.behaviour.generation_per_task = lambda: rng.uniform(low, high)
    if hearing is not None:
        fake.behaviour.transcript = hearing.transcript
        fake.behaviour.transcription_s = hearing.transcription_s
        if hearing.doubtful_share:
            whole, cut = fake.behaviour.audio, tone_wav(output_s / 2)
            pick = random.Random(seed + 1)
            fake.behaviour.audio_per_task = lambda: (
                cut if pick.random() < hearing.doubtful_share else whole
            )
    botapi = FakeBotApi()
    control = Control(fake, botapi)
    await fake.start()
    await botapi.start()
    runner, control_url = await serve(control.app())
    recorder = asyncio.create_task(control.record_sends())
    print(
        json.dumps({"ai302": fake.base_url, "botapi": botapi.base_url, "control": control_url}),
        flush=True,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    stdin = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stdin), sys.stdin)
    waits = [asyncio.create_task(stdin.read()), asyncio.create_task(stop.wait())]
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in [*waits, recorder]:
            task.cancel()
        await runner.cleanup()
        await botapi.stop()
        await fake.stop()


@dataclass(frozen=True, slots=True)
class Hearing:
    """What the fake transcriber hears of every take, and how long it takes to; a share of
    the takes comes out at half length (a take cut short), for the self-check to doubt."""

    transcript: str
    transcription_s: float = 0.0
    doubtful_share: float = 0.0


@contextlib.asynccontextmanager
async def open_world(
    generation_s: float,
    spread_s: float,
    output_s: float,
    seed: int = 1,
    hearing: Hearing | None = None,
) -> AsyncIterator[Urls]:
    """Start the world process; stop it on leaving (it also stops if we die: stdin closes)."""
    heard: list[str] = []
    if hearing is not None:
        heard = [
            "--transcript",
            hearing.transcript,
            "--transcription-s",
            str(hearing.transcription_s),
            "--doubtful-share",
            str(hearing.doubtful_share),
        ]
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.world",
        "--generation-s",
        str(generation_s),
        "--spread-s",
        str(spread_s),
        "--output-s",
        str(output_s),
        "--seed",
        str(seed),
        *heard,
        cwd=ROOT,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        line = await asyncio.wait_for(proc.stdout.readline(), STARTUP_S)
        if not line:
            raise RuntimeError("the fake services' process ended before it started serving")
        yield Urls(**json.loads(line))
    finally:
        assert proc.stdin is not None
        proc.stdin.close()  # its cue to stop
        try:
            await asyncio.wait_for(proc.wait(), 10)
        except TimeoutError:
            proc.kill()
            await proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.world", description=__doc__)
    parser.add_argument("--generation-s", type=float, required=True)
    parser.add_argument("--spread-s", type=float, default=0.0)
    parser.add_argument("--output-s", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--transcript", help="what the fake transcriber hears of every take")
    parser.add_argument("--transcription-s", type=float, default=0.0)
    parser.add_argument("--doubtful-share", type=float, default=0.0)
    args = parser.parse_args()
    hearing = None
    if args.transcript is not None:
        hearing = Hearing(args.transcript, args.transcription_s, args.doubtful_share)
    asyncio.run(serve_world(args.generation_s, args.spread_s, args.output_s, args.seed, hearing))


if __name__ == "__main__":
    main()
