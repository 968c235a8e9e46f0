"""Transcripts of reference clips, from 302.AI's OpenAI-compatible transcription endpoint."""

from __future__ import annotations

from typing import Protocol

from core.errors import UpstreamUnavailable
from core.upstream.api import Ai302


class Transcriber(Protocol):
    async def transcribe(self, wav: bytes, *, language: str | None = None) -> str:
        """The words heard; `language` (ISO 639-1: "en"), when known, is a hint."""
        ...


class Ai302Whisper:
    """`POST /v1/audio/transcriptions` with `model=whisper-1` → `{"text": "…"}`."""

    def __init__(self, *, api: Ai302, url: str, model: str = "whisper-1") -> None:
        self._api = api
        self._url = url
        self._model = model

    async def transcribe(self, wav: bytes, *, language: str | None = None) -> str:
        data = {"model": self._model}
        if language:  # heard as that language: a short phrase is no longer taken for another
            data["language"] = language
        payload = await self._api.post_form(
            self._url,
            files={"file": ("reference.wav", wav, "audio/wav")},
            data=data,
            billable=True,
        )
        text = payload.get("text") if isinstance(payload, dict) else None
        if not isinstance(text, str):
            raise UpstreamUnavailable("transcription answered without text")
        return text.strip()
