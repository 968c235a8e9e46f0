"""Where reference clips live so the speech service can fetch them by URL."""

from __future__ import annotations

from typing import Any, Protocol

from core.errors import UpstreamUnavailable
from core.upstream.api import Ai302


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
        url = _url_in(payload)
        if url is None:
            raise UpstreamUnavailable("upload answered without a URL")
        return url


def _url_in(payload: Any) -> str | None:
    data = payload.get("data") if isinstance(payload, dict) else None
    for candidate in (data, data.get("url") if isinstance(data, dict) else None,
                      payload.get("url") if isinstance(payload, dict) else None):
        if isinstance(candidate, str) and candidate.startswith(("http://", "https://")):
            return candidate
    return None
