"""HTTP to 302.AI: the auth header, error bodies mapped to typed errors, the one retry policy."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx
from pydantic import SecretStr

from core.errors import (
    InsufficientBalance,
    ReferenceUnreachable,
    UpstreamAuth,
    UpstreamError,
    UpstreamRateLimited,
    UpstreamRejected,
    UpstreamTimeout,
    UpstreamUnavailable,
)
from core.upstream.results import ResultRules, fetch

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]
# told of every attempt: call kind, HTTP status class ("2xx"…, "none": no answer), seconds,
# and the typed error it stood for (None when it succeeded)
OnRequest = Callable[[str, str, float, UpstreamError | None], None]

BACKOFF_BASE_S = 0.5
BACKOFF_CAP_S = 8.0
RETRY_AFTER_CAP_S = 60.0
RATE_LIMIT_CODES = {-10006, -10007, -10018}
# Requests in flight at once, the rest waiting here: as many as the HTTP client keeps
# connections alive for (httpx's default 20). httpx looks over every connection and every
# waiting request each time one starts or ends: a thousand requests left to wait there (a
# thousand tasks created at once) cost the event loop about three times the CPU a request.
IN_FLIGHT = 20


class Ai302:
    """One client for every 302.AI call; requests that may repeat are retried here, only here.

    `billable=True` marks a call that costs money: it is retried only when the request surely
    never reached the server (a connect error), or when the server refused it for its rate
    or quota (nothing was made), so a task is never created twice.
    """

    def __init__(
        self,
        *,
        http: httpx.AsyncClient,
        api_key: SecretStr,
        retries: int = 3,
        sleep: Sleep = asyncio.sleep,
        on_request: OnRequest | None = None,
    ) -> None:
        self._http = http
        self._key = api_key
        self._retries = retries
        self._sleep = sleep
        self._on_request = on_request
        self._in_flight = asyncio.Semaphore(IN_FLIGHT)

    def __repr__(self) -> str:
        return f"Ai302(retries={self._retries})"

    async def post_json(self, url: str, body: dict[str, Any], *, billable: bool) -> Any:
        return await self._call("POST", url, billable=billable, json=body)

    async def post_form(
        self, url: str, *, files: dict[str, Any], data: dict[str, str], billable: bool
    ) -> Any:
        return await self._call("POST", url, billable=billable, files=files, data=data)

    async def get_json(self, url: str, params: dict[str, str]) -> Any:
        return await self._call("GET", url, billable=False, params=params)

    async def download(self, url: str, rules: ResultRules) -> bytes:
        """Fetch a result file as `rules` allow (`results.fetch`: allowed hosts and public
        addresses only, each redirect checked, the body capped). No API key is sent: result
        URLs are public, often elsewhere, so a refusal there says nothing about our key (an
        expired link, most likely)."""
        try:
            response = await self._retrying(
                "GET",
                url,
                billable=False,
                auth=False,
                as_json=False,
                send=lambda: fetch(self._http, url, rules),
            )
        except (UpstreamAuth, UpstreamRejected) as exc:
            raise UpstreamUnavailable(f"result file refused: {exc}") from exc
        return response.content

    async def _call(self, method: str, url: str, *, billable: bool, **kwargs: Any) -> Any:
        response = await self._retrying(method, url, billable=billable, auth=True, **kwargs)
        return response.json()

    async def _retrying(
        self,
        method: str,
        url: str,
        *,
        billable: bool,
        auth: bool,
        as_json: bool = True,
        send: Callable[[], Awaitable[httpx.Response]] | None = None,  # instead of a plain request
        **kwargs: Any,
    ) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self._key.get_secret_value()}"} if auth else {}
        call = _call_kind(method, url, auth)
        for attempt in range(self._retries + 1):
            await self._in_flight.acquire()  # (a retry's pause, below, waits outside)
            started, status = time.perf_counter(), "none"
            try:
                response = await (
                    send() if send else self._http.request(method, url, headers=headers, **kwargs)
                )
                status = f"{response.status_code // 100}xx"
                error = _check(response, as_json)
                may_retry = not billable or isinstance(error, UpstreamRateLimited)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                error, may_retry = UpstreamUnavailable(f"no connection: {exc!r}"), True
            except httpx.TimeoutException as exc:
                error, may_retry = UpstreamTimeout(repr(exc)), not billable
            except httpx.TransportError as exc:
                error, may_retry = UpstreamUnavailable(repr(exc)), not billable
            finally:
                self._in_flight.release()
            if self._on_request is not None:
                self._on_request(call, status, time.perf_counter() - started, error)
            if error is None:
                return response
            log.warning("302.AI %s %s: %s (attempt %d)", method, _path(url), error, attempt + 1)
            retryable = isinstance(
                error, (UpstreamUnavailable, UpstreamTimeout, UpstreamRateLimited)
            )
            if not (may_retry and retryable) or attempt == self._retries:
                raise error
            retry_after = error.retry_after if isinstance(error, UpstreamRateLimited) else None
            await self._sleep(_delay(attempt, retry_after))
        raise AssertionError("unreachable")


def _check(response: httpx.Response, as_json: bool) -> UpstreamError | None:
    """The typed error a response stands for, or None when it is a usable answer."""
    if response.is_success and not as_json:
        return None
    try:
        body: Any = response.json()
    except ValueError:
        if response.is_success:
            return UpstreamUnavailable("malformed JSON")
        body = None
    err = body.get("error") if isinstance(body, dict) else None
    code = err.get("err_code") if isinstance(err, dict) else None
    if response.is_success and code is None:
        return None
    return _classify(response, code if isinstance(code, int) else None)


def _classify(response: httpx.Response, code: int | None) -> UpstreamError:
    status = response.status_code
    detail = f"HTTP {status}, err_code {code}"
    if code == -10008:  # no channel available right now: busy, not wrong
        return UpstreamUnavailable(detail)
    if code == -10001 or status in (401, 403):
        return UpstreamAuth(detail)
    if code == -10004 or status == 402:
        return InsufficientBalance(detail)
    if code in RATE_LIMIT_CODES or status == 429:
        return UpstreamRateLimited(detail, retry_after=_retry_after(response))
    if code == -10600:
        return ReferenceUnreachable(detail)
    if code == -10504 or status == 504:
        return UpstreamTimeout(detail)
    if code in (-10003, -10017) or 400 <= status < 500:
        return UpstreamRejected(detail)
    return UpstreamUnavailable(detail)


def _retry_after(response: httpx.Response) -> float | None:
    """Retry-After in seconds, whether given as a number or as an HTTP date."""
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _delay(attempt: int, retry_after: float | None) -> float:
    """Retry-After when the server gave one, else jittered exponential backoff with a cap."""
    if retry_after is not None:
        return min(retry_after, RETRY_AFTER_CAP_S)
    return min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2.0**attempt) * random.uniform(0.5, 1.0)


def first_url(payload: Any, keys: tuple[str, ...], depth: int = 0) -> str | None:
    """The first http(s) URL under any of `keys`: a string, or inside a dict or a list."""
    if depth > 4:
        return None
    if isinstance(payload, str):
        return payload if payload.startswith(("http://", "https://")) else None
    if isinstance(payload, list):
        return next((u for item in payload if (u := first_url(item, keys, depth + 1))), None)
    if isinstance(payload, dict):
        for key in keys:
            if key in payload and (url := first_url(payload[key], keys, depth + 1)):
                return url
    return None


def _call_kind(method: str, url: str, auth: bool) -> str:
    """Which of the six calls a request is, for metrics (never the URL: it can carry ids)."""
    if not auth:
        return "download"
    path = urlsplit(url).path
    if path.endswith("/upload-file"):
        return "upload"
    if path.endswith("/audio/transcriptions"):
        return "transcribe"
    if path.endswith("/chat/completions"):
        return "translate"
    return "create" if method == "POST" else "query"  # the Higgs task calls


def _path(url: str) -> str:
    """A URL without its query string, for logs (query strings can carry signatures)."""
    return url.split("?", 1)[0]
