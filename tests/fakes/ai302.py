"""A fake 302.AI on 127.0.0.1: Higgs task endpoints, upload-file, transcription, chat
completions (a translator), file downloads.

Tests switch its behaviour through `Fake302.behaviour` and queue one-off faults per endpoint;
every request is recorded so tests can assert on exactly what the bot sent.
"""

from __future__ import annotations

import asyncio
import io
import json
import math
import re
import struct
import time
import uuid
import wave
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import web

from tests.fakes.serving import serve

API_KEY = "sk-test-0123456789abcdefghijklmnop"

Endpoint = Literal[
    "clone_create",
    "clone_query",
    "smart_create",
    "smart_query",
    "upload",
    "transcribe",
    "translate",
    "download",
]


@dataclass
class Fault:
    """One answer served instead of the normal one."""

    status: int = 500
    body: Any = None  # dict → JSON; str → sent as is (malformed JSON)
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0

    @classmethod
    def error(cls, status: int, err_code: int, message: str = "error", **headers: str) -> Fault:
        """A 302.AI error body; header names use `_` for `-` (retry_after=…)."""
        body = {"error": {"err_code": err_code, "message": message, "message_cn": message}}
        return cls(status, body, {k.replace("_", "-"): v for k, v in headers.items()})


@dataclass
class Behaviour:
    latency_s: float = 0.0  # added to every answer
    generation_s: float = 0.0  # a task reports RUNNING until this long after its create
    pending_polls: int = 0  # PENDING answers before the final state
    final_state: str = "SUCCESS"
    failure_message: str = "generation failed"
    shape: Literal["state", "status", "nested"] = "state"
    create_shape: Literal["flat", "nested"] = "flat"  # nested: a request id beside data.task_id
    transcript: str = "  hello from the fake transcriber  "
    heard: deque[str] = field(default_factory=deque)  # transcripts to answer first, in order
    transcription_s: float = 0.0  # how long a transcription takes (the benchmark's Whisper)
    audio: bytes | None = None  # what a finished task yields; a 2 s tone WAV by default
    tone_seconds: Callable[[str], float] | None = None  # or: a tone this long for input_text
    audio_per_task: Callable[[], bytes] | None = None  # or: this, called once per new task
    generation_per_task: Callable[[], float] | None = None  # or: each task's own generation_s
    # the URL a finished task names, from its id (a redirect, a huge or a trickling body);
    # by default its audio here
    result_url: Callable[[str], str] | None = None
    # what the chat model answers a translation with, from the text and the language its
    # instructions name ("Spanish"); by default the text, marked with that language
    translate: Callable[[str, str], str] = lambda text, language: f"[{language}] {text}"
    translate_s: float = 0.0  # how long the chat model takes to answer


@dataclass
class Recorded:
    endpoint: str
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any = None
    form: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)


def tone_wav(seconds: float = 2.0, rate: int = 24_000) -> bytes:
    """A mono 16-bit WAV of a soft 220 Hz tone, standing in for generated speech."""
    frames = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * 220 * n / rate)))
        for n in range(int(seconds * rate))
    )
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return buffer.getvalue()


class Fake302:
    def __init__(self) -> None:
        self.behaviour = Behaviour()
        self.faults: dict[str, deque[Fault]] = defaultdict(deque)
        self.requests: list[Recorded] = []
        self.files: dict[str, bytes] = {}
        self.tasks: dict[str, dict[str, Any]] = {}
        self.sent: dict[str, int] = defaultdict(int)  # bytes of a huge or trickling body, by task
        self.base_url = ""
        self.gate: asyncio.Event | None = None  # when set, status queries wait for it to open
        # when set, creates wait for it to open (before anything else: a queued fault too);
        # `creates_waiting` counts those waiting now, and `create_waits` is set as each begins
        self.create_gate: asyncio.Event | None = None
        self.creates_waiting = 0
        self.create_waits = asyncio.Event()
        self._tone = tone_wav()
        self._runner: web.AppRunner | None = None

    def fail(self, endpoint: Endpoint, *faults: Fault) -> None:
        self.faults[endpoint].extend(faults)

    def calls(self, endpoint: str) -> list[Recorded]:
        return [r for r in self.requests if r.endpoint == endpoint]

    async def start(self) -> None:
        app = web.Application(client_max_size=100 * 1024 * 1024)
        app.router.add_post("/302/higgs-audio-v2/{task}/task", self._create)
        app.router.add_get("/302/higgs-audio-v2/{task}/task", self._query)
        app.router.add_post("/302/upload-file", self._upload)
        app.router.add_get("/files/{name}", self._file)
        app.router.add_post("/v1/audio/transcriptions", self._transcribe)
        app.router.add_post("/v1/chat/completions", self._chat)
        app.router.add_get("/audio/{task_id}", self._audio)
        app.router.add_get("/redirect", self._redirect)
        app.router.add_get("/huge/{task_id}", self._huge)
        app.router.add_get("/trickle/{task_id}", self._trickle)
        self._runner, self.base_url = await serve(app)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # --- handlers ------------------------------------------------------------------------

    async def _create(self, request: web.Request) -> web.StreamResponse:
        task = request.match_info["task"]
        body = await request.json()
        if self.create_gate is not None and not self.create_gate.is_set():
            self.creates_waiting += 1
            self.create_waits.set()
            try:
                await self.create_gate.wait()
            finally:
                self.creates_waiting -= 1
        answer = await self._begin(f"{task}_create", request, json_body=body)
        if answer is not None:
            return answer
        task_id = uuid.uuid4().hex
        self.tasks[task_id] = {"task": task, "polls": 0, "body": body, "at": time.monotonic()}
        if self.behaviour.audio_per_task is not None:
            self.tasks[task_id]["audio"] = self.behaviour.audio_per_task()
        generation_s = self.behaviour.generation_s
        if self.behaviour.generation_per_task is not None:
            generation_s = self.tasks[task_id]["generation_s"] = (
                self.behaviour.generation_per_task()
            )
        # Wall-clock times, for the benchmark's notice latency (ready → the voice is sent).
        self.tasks[task_id]["created"] = created = time.time()
        self.tasks[task_id]["ready_at"] = created + generation_s
        if self.behaviour.create_shape == "nested":
            return web.json_response({"id": uuid.uuid4().hex, "data": {"task_id": task_id}})
        return web.json_response({"task_id": task_id, "status": "PENDING"})

    async def _query(self, request: web.Request) -> web.StreamResponse:
        task = request.match_info["task"]
        answer = await self._begin(f"{task}_query", request)
        if answer is not None:
            return answer
        record = self.tasks.get(request.query.get("task_id", ""))
        if record is None:
            return self._status("PENDING")  # like the real thing: unknown ids never finish
        if self.gate is not None:
            await self.gate.wait()
        record["polls"] += 1
        generation_s = record.get("generation_s", self.behaviour.generation_s)
        running = time.monotonic() - record["at"] < generation_s
        if running or record["polls"] <= self.behaviour.pending_polls:
            return self._status("PENDING" if record["polls"] == 1 else "RUNNING")
        if self.behaviour.final_state.upper() != "SUCCESS":
            return self._status(self.behaviour.final_state, message=self.behaviour.failure_message)
        record.setdefault("answered_at", time.time())  # the first poll told it is done
        task_id = request.query["task_id"]
        url = f"{self.base_url}/audio/{task_id}.wav"
        if self.behaviour.result_url is not None:
            url = self.behaviour.result_url(task_id)
        return self._status("SUCCESS", audio_url=url)

    async def _upload(self, request: web.Request) -> web.StreamResponse:
        form, files = await self._multipart(request)
        answer = await self._begin("upload", request, form=form, files=files)
        if answer is not None:
            return answer
        name = f"{uuid.uuid4().hex}.wav"
        self.files[name] = files["file"]
        return web.json_response({"code": 200, "data": f"{self.base_url}/files/{name}"})

    async def _file(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name not in self.files:
            return web.Response(status=404)
        return web.Response(body=self.files[name], content_type="audio/wav")

    async def _transcribe(self, request: web.Request) -> web.StreamResponse:
        form, files = await self._multipart(request)
        answer = await self._begin("transcribe", request, form=form, files=files)
        if answer is not None:
            return answer
        if self.behaviour.transcription_s:  # the service's pace, not a synchronisation
            await asyncio.sleep(self.behaviour.transcription_s)
        heard = self.behaviour.heard
        return web.json_response({"text": heard.popleft() if heard else self.behaviour.transcript})

    async def _chat(self, request: web.Request) -> web.StreamResponse:
        """OpenAI's chat completions, answered as a translator: the user's message, translated
        into the language the system message names (`Behaviour.translate`)."""
        body = await request.json()
        answer = await self._begin("translate", request, json_body=body)
        if answer is not None:
            return answer
        await asyncio.sleep(self.behaviour.translate_s)
        said = {m["role"]: m["content"] for m in body["messages"]}
        named = re.search(r"into (\w[\w ()]*?)\.", said["system"])
        content = self.behaviour.translate(said["user"], named.group(1) if named else "?")
        return web.json_response(
            {
                "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
                "object": "chat.completion",
                "model": body.get("model"),
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": content},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 60, "completion_tokens": 12, "total_tokens": 72},
            }
        )

    async def _audio(self, request: web.Request) -> web.StreamResponse:
        answer = await self._begin("download", request, authorised=False)
        if answer is not None:
            return answer
        audio = self.behaviour.audio if self.behaviour.audio is not None else self._tone
        task = self.tasks[request.match_info["task_id"].removesuffix(".wav")]
        task.setdefault("downloaded_at", time.time())  # wall clock, for the benchmark
        if "audio" in task:
            audio = task["audio"]
        elif self.behaviour.tone_seconds is not None:
            audio = tone_wav(self.behaviour.tone_seconds(task["body"]["input_text"]))
        return web.Response(body=audio, content_type="audio/wav")

    async def _redirect(self, request: web.Request) -> web.StreamResponse:
        """A 302 to `?to=` (a result that moved, or one pointing where it should not)."""
        answer = await self._begin("redirect", request, authorised=False)
        if answer is not None:
            return answer
        return web.Response(status=302, headers={"Location": request.query["to"]})

    async def _huge(self, request: web.Request) -> web.StreamResponse:
        """`?size=` bytes of a result, streamed from a generator (never held whole); with
        `?declare=1` its Content-Length says so up front, else it comes chunked."""
        answer = await self._begin("huge", request, authorised=False)
        if answer is not None:
            return answer
        size, task_id = int(request.query["size"]), request.match_info["task_id"]
        response = web.StreamResponse(headers={"Content-Type": "audio/wav"})
        if request.query.get("declare") == "1":
            response.content_length = size
        await response.prepare(request)
        try:
            for chunk in _zeros(size):
                await response.write(chunk)
                self.sent[task_id] += len(chunk)
        except ConnectionError:  # the bot hung up
            pass
        return response

    async def _trickle(self, request: web.Request) -> web.StreamResponse:
        """A result that never ends: a WAV header, then a byte now and then, as long as the
        bot listens (each byte well within any read timeout)."""
        answer = await self._begin("trickle", request, authorised=False)
        if answer is not None:
            return answer
        task_id = request.match_info["task_id"]
        response = web.StreamResponse(headers={"Content-Type": "audio/wav"})
        await response.prepare(request)
        try:
            await response.write(self._tone[:44])
            while True:
                await asyncio.sleep(0.05)  # the pace of the trickle, not a synchronisation
                await response.write(b"\0")
                self.sent[task_id] += 1
        except ConnectionError:  # the bot hung up
            pass
        return response

    # --- helpers -------------------------------------------------------------------------

    async def _begin(
        self,
        endpoint: str,
        request: web.Request,
        *,
        json_body: Any = None,
        form: dict[str, str] | None = None,
        files: dict[str, bytes] | None = None,
        authorised: bool = True,
    ) -> web.StreamResponse | None:
        """Record the request; answer it with a queued fault or an auth error, if any."""
        self.requests.append(
            Recorded(
                endpoint,
                request.method,
                request.path,
                dict(request.query),
                dict(request.headers),
                json_body,
                form or {},
                files or {},
            )
        )
        if self.behaviour.latency_s:
            await asyncio.sleep(self.behaviour.latency_s)
        if self.faults[endpoint]:
            fault = self.faults[endpoint].popleft()
            if fault.delay_s:
                await asyncio.sleep(fault.delay_s)
            text = fault.body if isinstance(fault.body, str) else json.dumps(fault.body or {})
            return web.Response(
                status=fault.status,
                text=text,
                headers=fault.headers,
                content_type="application/json",
            )
        if authorised and request.headers.get("Authorization") != f"Bearer {API_KEY}":
            return web.json_response(
                {"error": {"err_code": -10001, "message": "Invalid API key"}}, status=401
            )
        return None

    def _status(self, state: str, **extra: Any) -> web.Response:
        shape = self.behaviour.shape
        if shape == "nested":
            return web.json_response({"code": 200, "data": {"status": state.lower(), **extra}})
        return web.json_response({shape: state, **extra})

    @staticmethod
    async def _multipart(request: web.Request) -> tuple[dict[str, str], dict[str, bytes]]:
        form: dict[str, str] = {}
        files: dict[str, bytes] = {}
        reader = await request.multipart()
        async for part in reader:
            if part.filename is not None:  # type: ignore[union-attr]
                files[part.name or ""] = bytes(await part.read())  # type: ignore[union-attr]
            else:
                form[part.name or ""] = await part.text()  # type: ignore[union-attr]
        return form, files


def _zeros(size: int, chunk: int = 64 * 1024) -> Iterator[bytes]:
    """`size` zero bytes in chunks, made as they are asked for."""
    block = bytes(chunk)
    for start in range(0, size, chunk):
        yield block[: min(chunk, size - start)]
