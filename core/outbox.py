"""The one way out to the chat: what the core says unprompted, and where it goes.

The core decides *what* to post (progress, a finished voice, the error that ended a job, a
request for a speaker's consent); each adapter implements `Outbox` once and decides *how*.
A result made while the user waits and one resumed after a restart take the same path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from core.domain import Progress, Voice, VoiceClip, Where
from core.errors import VoicebotError


@dataclass(frozen=True, slots=True)
class ReplyTarget:
    """Where a job's result goes, in terms every chat platform has. Stored with the job, so a
    restart can still deliver it."""

    chat_id: str  # the chat or channel to post in
    reply_to: str = ""  # the message the result answers (empty: none)
    user_id: str = ""  # who asked (named in a label when the request itself is gone)
    request: str = ""  # the platform's id of the request: one sent twice makes one job
    status_id: str = ""  # a status message shown for the job, cleared when it is delivered

    def stored(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_stored(cls, value: dict[str, Any]) -> ReplyTarget:
        return cls(**{key: str(value.get(key) or "") for key in cls.__dataclass_fields__})


class Outbox(Protocol):
    """What the core needs of a chat platform to reach its users. A failing call is the
    adapter's to explain: `ChatGone` when the chat no longer takes messages."""

    async def progress(self, where: Where, target: ReplyTarget, progress: Progress) -> None:
        """Show how far the job for `target` is (place in line, generating, encoding)."""

    async def post(self, where: Where, target: ReplyTarget, clip: VoiceClip) -> None:
        """Post the finished voice message(s) under the request."""

    async def fail(self, where: Where, target: ReplyTarget, error: VoicebotError) -> None:
        """Tell the requester, in their language, why there is no voice message."""

    async def ask_consent(self, where: Where, source: ReplyTarget, voice: Voice) -> bool:
        """Put the pending `voice` to its speaker: under the message it was made from
        (`source`), and privately where the platform allows, each tried whatever became of
        the other. Whether either reached them."""


@dataclass(frozen=True, slots=True)
class Reply:
    """Where a request is answered: through which outbox, to which target. A `durable`
    reply is stored with the job and still given after a restart; the console's is not (the
    result is wanted now or never). `on_open` is called once the request is written down as a
    job (not for one refused before): what came before it is settled, and the chat may go on
    to the requester's next message while the job runs."""

    outbox: Outbox
    target: ReplyTarget
    durable: bool = True
    on_open: Callable[[], None] | None = None


class ChatGone(Exception):
    """The chat will not take the bot's messages any more (blocked, removed, deleted):
    delivery ends quietly, since nobody is left to tell."""
