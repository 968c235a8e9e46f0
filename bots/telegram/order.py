"""Each person's updates in the order they sent them, different people's at once.

Why an update processor, and not `block=False` on the slow handlers: the order of one user's
updates matters (a clip, then its name; `/default x`, then `/say`; `/clone x`, then `/say x`),
and `block=False` gives it up for exactly the handlers that take long, while `concurrent_updates`
off would make everyone wait for anyone's download. So `InTurn` keys updates by their user (the
chat when there is none) and starts one only once the update before it from the same user has
finished, or *let go of its turn*: a request that makes speech lets go as soon as its job is
written down (`Reply.on_open`), so a user's `/cancel` or `/voices` is not stuck behind their own
`/say` for the minute it may take, and still comes after it (there is a job to cancel). Updates
without a user or chat run at once.

Two bounds: at most `running` updates run their turn at once (PTB's `max_concurrent_updates`,
256), and a user's updates waiting for their turn hold none of it, so one person's backlog does
not hold up everybody else; nor does a job that let go of its turn (the job line bounds those).
Updates a test hands to `Application.process_update` directly do not pass through here; their
handlers run to the end, as before.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from contextvars import ContextVar
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

RUNNING = 256  # updates running their turn at once (PTB's default bound)
IN_HAND = 65_536  # updates taken from Telegram and not finished: waiting, running or let go


class Turn:
    """One update's place in its user's order: the next waits until this one lets go."""

    def __init__(self, *, after: Turn | None) -> None:
        self._after = after
        self._gone: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._slot: asyncio.Semaphore | None = None

    async def wait(self, slots: asyncio.Semaphore) -> None:
        """Until the update before this one (of the same user) lets go of its turn, then
        until one of the `slots` for running is free; it is held until this one lets go."""
        if self._after is not None:
            await asyncio.shield(self._after._gone)  # (a cancelled waiter leaves it be)
            self._after = None
        await slots.acquire()
        self._slot = slots

    def let_go(self) -> None:
        """The rest of this update may overlap the user's next one."""
        if self._slot is not None:
            self._slot.release()
            self._slot = None
        if not self._gone.done():
            self._gone.set_result(None)

    def give_up(self) -> None:
        """Stopped before its turn: let go once the update before it has, so the user's next
        one still comes after that."""
        if self._after is None:
            self.let_go()
        else:
            self._after._gone.add_done_callback(lambda _: self.let_go())


_turn: ContextVar[Turn | None] = ContextVar("telegram_turn", default=None)


def let_go() -> None:
    """The update being handled has settled what its user's next update may depend on: let
    that one start while this one goes on (nothing when no `InTurn` runs it)."""
    turn = _turn.get()
    if turn is not None:
        turn.let_go()


class InTurn(BaseUpdateProcessor):
    """One user's updates one after another, different users' at once (see the module)."""

    def __init__(self, running: int = RUNNING) -> None:
        super().__init__(max_concurrent_updates=IN_HAND)
        self._slots = asyncio.Semaphore(running)
        self._last: dict[str, Turn] = {}  # each user's latest turn

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run the update in its user's turn (one without a user or chat at once)."""
        key = _key(update)
        if key is None:
            async with self._slots:
                await coroutine
            return
        turn = Turn(after=self._last.get(key))
        self._last[key] = turn
        token = _turn.set(turn)  # for `let_go`, called from the handler
        try:
            try:
                await turn.wait(self._slots)
            except asyncio.CancelledError:
                turn.give_up()
                raise
            try:
                await coroutine
            finally:
                turn.let_go()
        finally:
            _turn.reset(token)
            if self._last.get(key) is turn:
                del self._last[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free: `Application.stop` waited for the updates in hand."""


def _key(update: object) -> str | None:
    """Whose order an update keeps: its user's, else its chat's."""
    if not isinstance(update, Update):
        return None
    if update.effective_user is not None:
        return f"user:{update.effective_user.id}"
    if update.effective_chat is not None:
        return f"chat:{update.effective_chat.id}"
    return None
