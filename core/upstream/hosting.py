"""Where reference clips live so the speech service can fetch them by URL."""

from __future__ import annotations

from typing import Protocol

from core.errors import UpstreamUnavailable
from core.upstream.api import Ai302, first_url


class ReferenceHost(Protocol):
    """Publishes a reference WAV at a URL the speech service can fetch."""

    async def publish(self, wav: bytes, *, filename: str) -> str: ...


class Ai302Upload:
    """302.AI's upload-file endpoint: multipart `file` → `{"code": 200, "data": "<url>"}`."""

    def __init__(self, *, api: Ai302, url: str) -> None:
        self._api = api
        self._url = url

    async def publish(self, wav: bytes, *, filename: str) -> str:
        payload = await self._api.post_form(
            self._url, files={"file": (filename, wav, "audio/wav")}, data={}, billable=False
        )
        url = first_url(payload, ("data", "url"))
        if url is None:
            raise UpstreamUnavailable("upload answered without a URL")
        return url
