"""The small value types shared by the core and every adapter."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from confusable_homoglyphs import confusables as unicode_confusables

from core.errors import BadSampling, BadVoiceName, UnknownSetting

NAME_MAX = 32
SAMPLING_NAMES = {
    "temperature": "temperature",
    "temp": "temperature",
    "t": "temperature",
    "top_k": "top_k",
    "k": "top_k",
    "top_p": "top_p",
    "p": "top_p",
    "speed": "speed",
}
UPSTREAM_SAMPLING = ("temperature", "top_k", "top_p")  # what Higgs takes; speed is ours
# a command's settings before its text: `speed=1.25 t=0.7`, after a first word that is not one
# (the voice's name, which cannot hold "=")
_SETTING = "|".join(sorted(SAMPLING_NAMES, key=len, reverse=True))
LEADING_SETTINGS = re.compile(
    rf"\s*(?P<name>[^\s=]+\s+)?(?P<settings>(?:(?:{_SETTING})=\S*(?:\s+|$))+)", re.IGNORECASE
)
PERSONAL = ":user:"  # marks a personal scope: "<platform>:user:<user id>"
# the statement of a voice its speaker proved is theirs, reading a fresh phrase aloud
# (`core.proof`): ready at once and shareable, like a voice message they recorded
VERIFIED = "own_verified"


@dataclass(frozen=True, slots=True)
class Where:
    """All the core knows of where a request came from."""

    platform: str  # "telegram" | "discord" | "console"
    space_id: str  # chat or server id
    user_id: str
    locale: str = "en"
    private: bool = False  # a DM/private chat: voices made here are personal
    admin: bool = False  # the user administers this chat/server (may manage others' voices)
    user_name: str = ""  # as the chat shows the user, for the voices' audit trail
    roles: tuple[str, ...] = ()  # the user's role ids in this server (Discord)

    @property
    def person(self) -> Person:
        return Person(self.user_id, self.user_name)

    @property
    def personal_scope(self) -> str:
        return f"{self.platform}{PERSONAL}{self.user_id}"

    @property
    def space_scope(self) -> str:
        return self.personal_scope if self.private else f"{self.platform}:space:{self.space_id}"

    @property
    def scopes(self) -> tuple[str, ...]:
        """Voice-library scopes usable here, most specific to this space first."""
        if self.private:
            return (self.personal_scope,)
        return (self.space_scope, self.personal_scope)


@dataclass(frozen=True, slots=True)
class Person:
    """Someone on the platform: a voice's maker or its speaker."""

    id: str
    name: str = ""


NOBODY = Person("")  # a speaker the platform does not reveal (a hidden forward, a bot)


@dataclass(frozen=True, slots=True)
class Forgotten:
    """What `/forgetme` removed, counted for the reply."""

    voices: int = 0
    clips: int = 0  # reference audio files
    jobs: int = 0
    settings: int = 0
    hosted: int = 0  # copies on the reference host, which offers no way to delete them


@dataclass(frozen=True, slots=True)
class SpaceRules:
    """What a group's or server's admins decided; `None` quota: the bot's default."""

    who_clones: Literal["everyone", "admins", "role"] = "everyone"
    clone_role: str | None = None  # with "role": the role (Discord) whose members may clone
    members_use_others: bool = True  # False: members use only voices they made or speak in
    daily_chars: int | None = None  # characters one member may have spoken per day (0: no limit)


@dataclass(frozen=True, slots=True)
class Sampling:
    """How a voice speaks: Higgs sampling settings, and the speaking rate (`speed`, 1: as
    generated; the pitch is kept) applied as the voice message is encoded. `None` leaves the
    default (the upstream's; for speed, 1)."""

    temperature: float | None = None
    top_k: int | None = None
    top_p: float | None = None
    speed: float | None = None

    RANGES = {
        "temperature": (0.0, 1.5),
        "top_k": (-1, 100),
        "top_p": (0.1, 1.0),
        "speed": (0.5, 2.0),  # what one ffmpeg atempo filter takes
    }

    def __post_init__(self) -> None:
        for name, (low, high) in self.RANGES.items():
            value = getattr(self, name)
            if value is not None and not low <= value <= high:
                raise BadSampling(field=name, low=low, high=high)

    @property
    def rate(self) -> float:
        """The speaking rate: 1 when unset."""
        return 1.0 if self.speed is None else self.speed

    @classmethod
    def parse(cls, words: list[str]) -> Sampling:
        """`temperature=0.7 top_k=40 top_p=0.9 speed=1.25` (or t=, k=, p=) as typed in a chat
        command."""
        values: dict[str, float | int] = {}
        for word in words:
            key, _, value = word.partition("=")
            name = SAMPLING_NAMES.get(key.strip().lower())
            if name is None:
                raise UnknownSetting(name=key[:20])
            try:
                values[name] = int(value) if name == "top_k" else float(value)
            except ValueError:
                low, high = cls.RANGES[name]
                raise BadSampling(field=name, low=low, high=high) from None
        return cls(**values)  # type: ignore[arg-type]

    @classmethod
    def leading(cls, words: str) -> tuple[Sampling, str]:
        """Settings typed before a command's text, after the voice's name if one is given
        (`grandpa speed=1.25 Happy birthday`), read off it: the settings, and the words
        without them (the text as typed, line breaks and all)."""
        found = LEADING_SETTINGS.match(words)
        if found is None:
            return cls(), words
        settings = cls.parse(found.group("settings").split())
        return settings, (found.group("name") or "") + words[found.end() :]

    def over(self, base: Sampling) -> Sampling:
        """These settings, falling back to `base` where unset."""
        return Sampling(
            temperature=base.temperature if self.temperature is None else self.temperature,
            top_k=base.top_k if self.top_k is None else self.top_k,
            top_p=base.top_p if self.top_p is None else self.top_p,
            speed=base.speed if self.speed is None else self.speed,
        )

    def as_params(self) -> dict[str, float | int]:
        """Every setting given (as a job stores them, and as they are shown)."""
        return {k: v for k in self.RANGES if (v := getattr(self, k)) is not None}

    def upstream(self) -> dict[str, float | int]:
        """The settings Higgs itself takes (the speed is applied here, not there)."""
        return {k: v for k in UPSTREAM_SAMPLING if (v := getattr(self, k)) is not None}

    def as_columns(self) -> dict[str, float | int | None]:
        """Every field, unset ones included (to clear a stored default)."""
        return {k: getattr(self, k) for k in self.RANGES}


@dataclass(frozen=True, slots=True)
class Voice:
    """A stored reference voice."""

    id: str
    name: str
    owner_id: str
    scope: str
    ref_path: Path
    seconds: float
    transcript: str
    hosted_url: str | None
    sampling: Sampling
    created_at: datetime
    owner_name: str = ""
    speaker: Person | None = None  # whose speech the clip is (None: a designed voice)
    pending: bool = False  # waiting for the speaker's consent: cannot speak yet
    shared: bool = True  # False: only its owner may use it
    source: str = ""  # the message it was made from, as the platform names it
    approved_at: datetime | None = None
    uses: int = 0  # requests spoken in it
    # an uploaded file's speaker is unknown: what its uploader said it is ("own" |
    # "permission"); empty for a voice recorded by its speaker, or designed; VERIFIED for
    # a reading its speaker proved was theirs
    statement: str = ""

    @property
    def awaits_admin(self) -> bool:
        """An uploaded voice in a group, waiting for an admin of the chat to approve it."""
        return self.pending and self.speaker is None

    @property
    def unvouched(self) -> bool:
        """An uploaded voice no chat admin approved: its uploader's alone, never shared."""
        return self.statement not in ("", VERIFIED) and self.approved_at is None

    @property
    def provable(self) -> bool:
        """An upload its uploader said is their own voice, no admin approved yet: a reading
        they prove (`core.proof`) may take its place."""
        return self.statement == "own" and self.approved_at is None

    @property
    def personal(self) -> bool:
        return PERSONAL in self.scope

    @property
    def platform(self) -> str:
        return self.scope.partition(":")[0]

    def usable_by(self, user_id: str, rules: SpaceRules) -> bool:
        """May this user speak in it here? Its owner and speaker always may; others when it is
        shared and the chat lets members use each other's voices."""
        if self.pending:
            return False
        if user_id == self.owner_id or (self.speaker is not None and user_id == self.speaker.id):
            return True
        return self.shared and rules.members_use_others


@dataclass(frozen=True, slots=True)
class Report:
    """A voice flagged in a chat (suspended there until an admin settles it), and who is to
    hear of it."""

    id: str
    voice: Voice
    reporter: Person
    reason: str
    created_at: datetime

    @property
    def told(self) -> list[Person]:
        """Whose voice it is: its owner, and its speaker when someone else."""
        owner = Person(self.voice.owner_id, self.voice.owner_name)
        speaker = self.voice.speaker
        if speaker is None or not speaker.id or speaker.id == owner.id:
            return [owner]
        return [owner, speaker]


Outcome = Literal["restored", "deleted", "barred"]


@dataclass(frozen=True, slots=True)
class Settled:
    """How an admin settled a voice's report: restored; deleted; or, a member's personal voice
    (which is not the chat's to delete), barred from speaking in this chat for good."""

    voice: Voice
    outcome: Outcome


@dataclass(frozen=True, slots=True)
class Reference:
    """One reference clip as the engine needs it."""

    wav: bytes  # empty for an engine that fetches the clip by `url`
    transcript: str
    url: str | None


@dataclass(frozen=True, slots=True)
class VoiceClip:
    """A finished voice message: OGG/Opus 48 kHz mono, its length and a 256-point waveform."""

    ogg: bytes
    seconds: float
    waveform: bytes = field(repr=False)
    voice_name: str = ""  # empty for a designed voice
    job_id: str = ""
    description: str | None = None  # a designed voice's description
    continued: tuple[VoiceClip, ...] = ()  # the next voice messages, when it ran too long

    @property
    def messages(self) -> tuple[VoiceClip, ...]:
        """This clip and its continuations, in the order they are to be posted."""
        return (self, *self.continued)


Stage = Literal["queued", "translating", "preparing", "generating", "encoding"]


@dataclass(frozen=True, slots=True)
class Progress:
    stage: Stage
    position: int = 0  # place in line while queued, 1 = next
    done: int = 0  # parts of a long text generated so far
    parts: int = 1
    job_id: str = ""  # the job it is about (an adapter may note its status message there)


ProgressCallback = Callable[[Progress], Awaitable[None]]


async def no_progress(progress: Progress) -> None:
    """Progress nobody is shown."""


def clean_voice_name(raw: str) -> str:
    """Normalise and check a voice name: 1–32 letters/digits/-/_ in any script, nothing
    invisible in it (two names that look the same are the same name)."""
    name = unicodedata.normalize("NFC", raw.strip())
    if (
        not 1 <= len(name) <= NAME_MAX
        or any(invisible(ch) for ch in name)
        or not all(
            ch.isalnum() or ch in "-_" or (i > 0 and _is_mark(ch) and name[i - 1] not in "-_")
            for i, ch in enumerate(name)
        )
    ):
        raise BadVoiceName(name=printable(name))
    return name


# Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt): shown as nothing,
# so a name holding one looks like a name without it.
IGNORABLE = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)


def invisible(ch: str) -> bool:
    """A character shown as nothing at all (a variation selector, a filler, a joiner…)."""
    point = ord(ch)
    return any(low <= point <= high for low, high in IGNORABLE)


def _is_mark(ch: str) -> bool:
    """Vowel signs and tone marks (Hindi दादा, Thai ปู่): part of a letter, not a symbol."""
    return unicodedata.category(ch) in ("Mn", "Mc")


def name_key(name: str) -> str:
    """The case-insensitive form a name is unique by."""
    return unicodedata.normalize("NFKC", name).casefold()


def skeleton(name: str) -> str:
    """What a name looks like, whatever its script: each character as the least of the
    characters Unicode lists as confusable with it (Cyrillic "а" and Latin "a" alike, "l" and
    "1"), after case and compatibility forms are folded. Two names of one skeleton are
    confusable (after UTS #39's skeletons, from its confusables data)."""
    return "".join(_look(ch) for ch in name_key(name))


@functools.cache
def _looks() -> dict[str, str]:
    table: dict[str, str] = {}
    data: dict[str, list[dict[str, str]]] = unicode_confusables.confusables_data
    for char, alikes in data.items():
        forms = [char, *(alike["c"].strip("\u200e\u200f") for alike in alikes)]
        table[char] = min((form for form in forms if len(form) == 1), default=char)
    return table


def _look(ch: str) -> str:
    return _looks().get(ch, ch)


def printable(name: str, limit: int = 40) -> str:
    """The name as it may be echoed back: no control or invisible characters, bounded length."""
    shown = "".join(
        ch if unicodedata.category(ch)[0] not in "CZ" or ch == " " else "�" for ch in name
    )
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
