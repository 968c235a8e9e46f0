"""Speech engines: the real Higgs Audio v2 on 302.AI, and an offline stand-in for trying things."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from core import process
from core.domain import Reference, Sampling
from core.errors import BadUpstreamAudio
from core.text import is_chinese
from core.upstream.higgs import HiggsClient, OnTask, Task, Times


@dataclass(frozen=True, slots=True)
class SpeechRequest:
    text: str
    references: tuple[Reference, ...] = ()  # empty: a voice described in words
    sampling: Sampling = Sampling()
    description: str | None = None


class Engine(Protocol):
    """Turns a speech request into audio bytes in whatever format the engine makes."""

    name: str
    hosts_references: bool  # needs each reference hosted at a URL, with a transcript
    multi_speaker: bool  # reads "[SPEAKER0] …" lines as a conversation

    async def speak(
        self, request: SpeechRequest, *, on_task: OnTask, task_id: str | None = None
    ) -> bytes:
        """Generate; with `task_id`, wait for that earlier task instead of starting one."""
        ...


class HiggsEngine:
    """Higgs Audio v2: voice cloning from references, or smart generation from a description."""

    name = "higgs"
    hosts_references = True
    multi_speaker = True

    def __init__(self, *, client: HiggsClient) -> None:
        self._client = client

    def recall_from(self, times: Callable[[], Awaitable[Times]]) -> None:
        """Where to recall how long tasks took, while no pace is learnt (`HiggsClient`)."""
        self._client.recall_from(times)

    async def speak(
        self, request: SpeechRequest, *, on_task: OnTask, task_id: str | None = None
    ) -> bytes:
        task: Task = "clone" if request.references else "smart"
        if task_id is not None:
            return await self._client.wait(task, task_id)
        params: dict[str, Any] = {"input_text": request.text, **request.sampling.upstream()}
        if request.references:
            params["ref_audio_links"] = [ref.url for ref in request.references]
            params["ref_audio_text"] = [ref.transcript for ref in request.references]
        else:
            params["is_multi_speaker"] = "[SPEAKER1]" in request.text
            if request.description:
                params["system_prompt"] = scene_prompt(request.description)
        return await self._client.generate(task, params, on_task=on_task)


def scene_prompt(description: str) -> str:
    """A voice/scene description in the model's system-prompt format."""
    return (
        "Generate audio following instruction.\n<|scene_desc_start|>\n"
        f"{description.strip()}\n<|scene_desc_end|>"
    )


class OfflineEngine:
    """espeak-ng, clearly a stand-in: each voice gets its own pitch and pace, not a clone."""

    name = "offline"
    hosts_references = False
    multi_speaker = False

    async def speak(
        self, request: SpeechRequest, *, on_task: OnTask, task_id: str | None = None
    ) -> bytes:
        seed = hashlib.sha256(
            b"".join(ref.wav[:48_000] for ref in request.references)
            or (request.description or "").encode()
        ).digest()
        pitch, speed = 25 + seed[0] % 50, 145 + seed[1] % 40
        language = "cmn" if is_chinese(request.text) else "en"
        done = await process.run(
            [
                "espeak-ng",
                "-v",
                language,
                "-p",
                str(pitch),
                "-s",
                str(speed),
                "--stdin",
                "--stdout",
            ],
            stdin=request.text.encode(),
        )
        if done.code != 0 or not done.out:
            raise BadUpstreamAudio("espeak-ng produced no audio")
        return done.out
