"""Serving a fake on 127.0.0.1, on a free port (tests never reach past this machine)."""

from __future__ import annotations

import socket

from aiohttp import web


def free_port() -> int:
    """A port nothing listens on now (for a fake that starts later, or a port to hold)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def serve(app: web.Application, port: int = 0) -> tuple[web.AppRunner, str]:
    """Start `app` on 127.0.0.1 and `port` (a free one when 0); returns its runner and base
    URL."""
    runner = web.AppRunner(app, access_log=None)  # a fake's own log would only be noise
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}"
