"""Fetching a finished task's audio with care: the status naming it is the upstream's word, and
a word in a status is no reason to fetch anything from anywhere.

- http(s) only, from the upstream's own hosts and the file hosts allowed (`RESULT_HOSTS`);
- never from a private, loopback, link-local (or otherwise non-public) address, unless it is
  the configured upstream itself (a proxy on this machine, the tests' fake): every address a
  name resolves to is checked, and the connection goes to the one checked, so a second lookup
  cannot answer differently;
- redirects followed here, not by httpx, a few at most, each hop checked like the first;
- the body read as it streams, up to a cap (`MAX_RESULT_MB`).
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Iterable
from dataclasses import dataclass

import httpx

from core.errors import ResultRefused, ResultTooLarge

log = logging.getLogger(__name__)

# Where 302.AI serves task results: its file host, and the mirrors of it that 302.AI's own
# open-source apps fall back to.
FILE_HOSTS = ("file.302.ai", "file.302ai.cn", "file.302ai.com")
WAV_BYTES_PER_S = 24_000 * 2  # what Higgs makes: 24 kHz 16-bit mono, as WAV
# 1800 s (MAX_VOICE_SECONDS' default) of that is 86.4 MB; this leaves room for a little more.
MAX_RESULT_BYTES = 90 * 1024 * 1024
MAX_REDIRECTS = 3
ERROR_BODY_BYTES = 64 * 1024  # of a refusal: room for a JSON error, no more
DEFAULT_PORTS = {"http": 80, "https": 443}
# No compression: a compressed body could grow far past the cap between two checks of it.
HEADERS = {"Accept-Encoding": "identity"}


@dataclass(frozen=True, slots=True)
class ResultRules:
    """Where a result may come from, and how much of one is read."""

    hosts: frozenset[str]  # names (".example.com": and its subdomains) on public addresses
    upstream: frozenset[tuple[str, int]]  # the configured upstream's (host, port): anywhere
    max_bytes: int = MAX_RESULT_BYTES
    max_redirects: int = MAX_REDIRECTS

    @classmethod
    def of(
        cls,
        *,
        upstream: Iterable[str],
        hosts: Iterable[str] = FILE_HOSTS,
        max_bytes: int = MAX_RESULT_BYTES,
    ) -> ResultRules:
        """From the configured upstream URLs, and the file hosts allowed besides them."""
        origins = {_origin(httpx.URL(url)) for url in upstream}
        names = {name.strip().lower() for name in hosts if name.strip()}
        return cls(frozenset(names | {host for host, _ in origins}), frozenset(origins), max_bytes)

    def allows(self, host: str) -> bool:
        return any(
            host == name or (name.startswith(".") and host.endswith(name)) for name in self.hosts
        )


async def fetch(http: httpx.AsyncClient, url: str, rules: ResultRules) -> httpx.Response:
    """The response at `url` with its body read (up to the cap), redirects followed as the
    rules allow. Raises `ResultRefused` or `ResultTooLarge`; a transport failure is httpx's
    own error, for the caller's retries."""
    target = httpx.URL(url)
    for _ in range(rules.max_redirects + 1):
        request = await _request(http, target, rules)
        response = await http.send(request, stream=True, follow_redirects=False)
        try:
            if response.is_redirect:
                target = target.join(response.headers["location"])
                continue
            cap = rules.max_bytes if response.is_success else ERROR_BODY_BYTES
            body = await _body(response, cap)
        finally:
            await response.aclose()
        headers = [
            (name, value)
            for name, value in response.headers.multi_items()
            if name.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]
        return httpx.Response(response.status_code, headers=headers, content=body, request=request)
    raise _refused(f"more than {rules.max_redirects} redirects")


async def _request(http: httpx.AsyncClient, url: httpx.URL, rules: ResultRules) -> httpx.Request:
    """The request for one hop, once the URL passes the rules: to the configured upstream as
    it is; elsewhere to the public address checked, with the name as Host and for TLS."""
    if url.scheme not in DEFAULT_PORTS:
        raise _refused(f"scheme {url.scheme!r}")
    if url.userinfo:
        raise _refused("credentials in the URL")
    host, port = _origin(url)
    if (host, port) in rules.upstream:
        return http.build_request("GET", url, headers=HEADERS)
    if not rules.allows(host):
        raise _refused(f"host {host} is not one results come from (RESULT_HOSTS)")
    address = await _public_address(host, port)
    return http.build_request(
        "GET",
        url.copy_with(host=address),
        headers={**HEADERS, "Host": url.netloc.decode("ascii")},
        extensions={"sni_hostname": host},
    )


async def _public_address(host: str, port: int) -> str:
    """One address of `host`, once every address it resolves to proved public."""
    try:
        found = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:  # resolution failed: as httpx would say, a connect error
        raise httpx.ConnectError(f"{host} does not resolve") from exc
    addresses = [str(info[4][0]) for info in found]
    if not addresses:
        raise httpx.ConnectError(f"{host} does not resolve")
    for address in addresses:
        if not _public(ipaddress.ip_address(address)):
            raise _refused(f"host {host} resolves to a non-public address")
    return addresses[0]


def _public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Neither private, loopback, link-local, reserved, shared, nor multicast."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


async def _body(response: httpx.Response, cap: int) -> bytes:
    """The body, read as it comes; past `cap` a result is refused (an error body is cut)."""
    declared = response.headers.get("content-length", "")
    if response.is_success and declared.isdigit() and int(declared) > cap:
        raise ResultTooLarge(f"result declared as {int(declared)} bytes, over {cap}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size > cap:
            if not response.is_success:
                return b"".join(chunks)[:cap]
            log.warning("result download stopped past %d bytes", cap)
            raise ResultTooLarge(f"result over {cap} bytes")
    return b"".join(chunks)


def _origin(url: httpx.URL) -> tuple[str, int]:
    """(host, port) as compared: the ASCII (IDNA) name, lowercase; the port, default or not."""
    host = url.raw_host.decode("ascii").lower()
    return host, url.port or DEFAULT_PORTS.get(url.scheme, 0)


def _refused(reason: str) -> ResultRefused:
    """A refusal, logged by its reason (a host, never a path or query: those carry
    signatures)."""
    log.warning("result download refused: %s", reason)
    return ResultRefused(reason)
