"""The rules that apply in a chat: who may register voices, whether members use each other's,
how many characters a member may have spoken a day, and how fast anyone may ask."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from core.domain import SpaceRules, Where
from core.errors import (
    AdminsOnly,
    BadQuota,
    CloningRestricted,
    GroupsOnly,
    QuotaExceeded,
    RoleNeeded,
    TooManyVoices,
    TooManyVoicesHere,
    UnknownSetting,
)
from core.jobs.log import JobLog
from core.library import VoiceLibrary
from core.limits import RateLimit, Rates


class Rules:
    """A group's or server's rules as its admins set them, and the bot's own limits."""

    def __init__(
        self,
        *,
        library: VoiceLibrary,
        jobs: JobLog,
        rates: Rates,
        daily_chars: int = 0,
        per_user_per_minute: int = 0,
        per_chat_per_minute: int = 0,
        clones_per_hour: int = 0,
        voices_per_user: int = 0,
        voices_per_chat: int = 0,
    ) -> None:
        self._library = library
        self._jobs = jobs
        self.daily_chars = daily_chars  # the bot-wide default quota (0: none)
        self._rates = rates  # counted in the database: the same on every replica
        self._user_rate = RateLimit(rates, "user", per_user_per_minute)
        self._chat_rate = RateLimit(rates, "chat", per_chat_per_minute)
        self._clone_rate = RateLimit(rates, "clone", clones_per_hour, period=3600)
        self._voices_per_user = voices_per_user  # (0: no limit)
        self._voices_per_chat = voices_per_chat

    async def of(self, where: Where) -> SpaceRules:
        """This group's or server's rules, the bot's default quota filled in."""
        if where.private:
            raise GroupsOnly()
        return await self._here(where)

    async def change(self, where: Where, **changes: Any) -> SpaceRules:
        """Change this group's or server's rules (its admins only): `who_clones`,
        `clone_role`, `members_use_others`, `daily_chars`."""
        if where.private:
            raise GroupsOnly()
        if not where.admin:
            raise AdminsOnly()
        rules = replace(await self._library.rules(where), **changes)
        if rules.who_clones not in ("everyone", "admins", "role"):
            raise UnknownSetting(name=str(rules.who_clones)[:20])
        if rules.who_clones == "role" and not rules.clone_role:
            raise RoleNeeded()
        if rules.daily_chars is not None and rules.daily_chars < 0:
            raise BadQuota()
        await self._library.set_rules(where, rules)
        return await self.of(where)

    async def require_may_clone(self, where: Where) -> None:
        """Refuse now if this chat does not let this user register voices (before asking
        them for a name)."""
        if where.private or where.admin:
            return
        rules = await self._library.rules(where)
        if rules.who_clones == "everyone" or (
            rules.who_clones == "role" and rules.clone_role in where.roles
        ):
            return
        raise CloningRestricted()

    async def admit_clone(self, where: Where) -> None:
        """Let a new voice in, or refuse it: this chat's rule on who clones, the user's pace
        of registering, and how many voices the user and the chat hold already."""
        await self.require_may_clone(where)
        await self._clone_rate.take(f"{where.platform}:{where.user_id}")
        mine, here = await self._library.counts(where)
        if self._voices_per_user and mine >= self._voices_per_user:
            raise TooManyVoices(limit=self._voices_per_user)
        if self._voices_per_chat and here >= self._voices_per_chat:
            raise TooManyVoicesHere(limit=self._voices_per_chat)

    async def admit(self, where: Where, chars: int) -> None:
        """Let a request of `chars` characters in, or refuse it: past today's quota here, or
        past the user's or the chat's rate."""
        await self._require_quota(where, chars)
        await self._rates.take(  # (refused by either: counted by neither)
            *self._user_rate.of(f"{where.platform}:{where.user_id}"),
            *self._chat_rate.of(f"{where.platform}:{where.space_id}"),
        )

    async def drop_spent_rates(self) -> int:
        """Forget the rate limits' keys that have their whole allowance again."""
        return await self._rates.drop_spent()

    async def _here(self, where: Where) -> SpaceRules:
        """The rules that apply here (a private chat has none of its own)."""
        rules = await self._library.rules(where)
        if rules.daily_chars is None:
            rules = replace(rules, daily_chars=self.daily_chars)
        return rules

    async def _require_quota(self, where: Where, chars: int) -> None:
        limit = (await self._here(where)).daily_chars
        if not limit:
            return
        now = datetime.now(UTC)
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        used = await self._jobs.chars_since(where, midnight)
        if used + chars > limit:
            hours = math.ceil((midnight + timedelta(days=1) - now).total_seconds() / 3600)
            raise QuotaExceeded(used=used, limit=limit, hours=hours)
