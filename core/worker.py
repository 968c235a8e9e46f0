"""`voicebot worker`: runs the jobs that chat gateways (JOB_RUNNER=workers) hand over."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import uuid

from core.app import open_speech
from core.settings import Settings

log = logging.getLogger(__name__)


async def run(settings: Settings) -> None:
    """Claim and run handed-over jobs until SIGINT/SIGTERM; then stop, releasing the jobs in
    hand to the other workers."""
    main = asyncio.current_task()
    assert main is not None
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, main.cancel)
    name = f"{socket.gethostname()[:32]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    async with open_speech(settings, role="worker") as speech:
        log.info("worker %s: running up to %d jobs at once", name, speech.limits.worker_jobs)
        try:
            await speech.work(name, lease_s=settings.job_lease_s)
        except asyncio.CancelledError:
            log.info("worker %s: stopped", name)
