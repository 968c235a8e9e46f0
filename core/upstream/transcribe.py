"""Transcripts of reference clips, from 302.AI's OpenAI-compatible transcription endpoint."""

from __future__ import annotations

from typing import Protocol

from core.errors import UpstreamUnavailable
from core.upstream.api import Ai302


class Transcriber(Protocol):
    async def transcribe(self, wav: bytes) -> str: ...


class Ai302Whisper:
    """`POST /v1/audio/transcriptions` with `model=whisper-1` → `{"text": "…"}`."""

    def __init__(self, *, api: Ai302, url: str, model: str = "whisper-1") -> None:
        self._api = api
        self._url = url
        self._model = model

    async def transcribe(self, wav: bytes) -> str:
        payload = await self._api.post_form(
            self._url,
            files={"file": ("reference.wav", wav, "audio/wav")},
            data={"model": self._model},
            billable=True,
        )
        text = payload.get("text") if isinstance(payload, dict) else None
        if not isinstance(text, str):
            raise UpstreamUnavailable("transcription answered without text")
        return text.strip()
