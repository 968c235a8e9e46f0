"""Settings, read from the environment and `.env` once, in the composition root."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.errors import ConfigError
from core.upstream.results import FILE_HOSTS, MAX_RESULT_BYTES, WAV_BYTES_PER_S

PLACEHOLDER_KEYS = {"", "sk-...", "sk-xxx", "changeme", "your-key-here"}
HOST_NAME = re.compile(r"\.?[a-z0-9-]+(\.[a-z0-9-]+)*")
S = TypeVar("S", bound=BaseSettings)


class Settings(BaseSettings):
    """Every knob of the core; `.env.example` documents each one (and those of the chat
    adapters, which read their own: `bots/<platform>/settings.py`)."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    ai302_api_key: SecretStr | None = None
    ai302_base_url: str = "https://api.302.ai"
    higgs_clone_create_url: str | None = None
    higgs_clone_query_url: str | None = None
    higgs_smart_create_url: str | None = None
    higgs_smart_query_url: str | None = None
    engine: Literal["auto", "higgs", "offline"] = "auto"
    # a task's audio is fetched only from the upstream's own hosts and these (comma-separated
    # names; ".example.com" takes its subdomains too), never from a private address
    result_hosts: str = ",".join(FILE_HOSTS)
    # the chat model a text is translated with before it is spoken (`/say NAME >es …`):
    # 302.AI's OpenAI-compatible chat completions, under the base URL, with the same key
    translate_model: str = Field(default="gpt-4o-mini", min_length=1, max_length=100)

    data_dir: Path = Path("./data")
    database_url: str | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["text", "json"] = "text"  # json: one object per line, for collectors
    # /healthz and /metrics; unset, the command decides (9108 for the bots, none for the
    # console); 0: none
    metrics_port: int | None = Field(default=None, ge=0, le=65535)
    metrics_host: str = "127.0.0.1"

    max_upload_mb: float = Field(default=20.0, gt=0, le=500)
    max_result_mb: float = Field(default=MAX_RESULT_BYTES / 1024 / 1024, gt=0, le=4000)
    max_text_chars: int = Field(default=2000, ge=10, le=100_000)
    chunk_chars: int = Field(default=300, ge=50, le=2000)
    chunk_concurrency: int = Field(default=3, ge=1, le=32)
    self_check: bool | None = None  # default: on when the real engine (and so Whisper) is used
    self_check_max_error: float = Field(default=0.35, gt=0, le=1)
    max_voice_seconds: float = Field(default=1800, ge=10)
    # jobs at once, per process that runs jobs: a limit that starts at the first, halves when
    # 302.AI says too many, grows back by one a task created, up to the second (AIMD) ...
    # (it starts at the ceiling: below it, a burst waited for the growth, one create at a time)
    upstream_concurrency_start: int = Field(default=64, ge=1, le=1000)
    upstream_concurrency_max: int = Field(default=64, ge=1, le=1000)
    # ... or, set, an operator's fixed cap instead of both: the limit starts there, never
    # goes past it (and still halves when 302.AI says too many)
    max_concurrent_jobs: int | None = Field(default=None, ge=1, le=1000)
    # who runs the jobs: each bot process its own ("here"), or `voicebot worker` processes
    # sharing the database ("workers"; the bots then only queue jobs and post the results)
    job_runner: Literal["here", "workers"] = "here"
    job_lease_s: float = Field(default=60.0, ge=2)  # a crashed worker's jobs resume after this
    max_jobs_per_user: int = Field(default=2, ge=1, le=1000)
    max_queue: int = Field(default=200, ge=1, le=100_000)
    user_requests_per_minute: int = Field(default=6, ge=0)
    chat_requests_per_minute: int = Field(default=20, ge=0)
    daily_chars_per_user: int = Field(default=0, ge=0)  # 0: no quota (admins may set one)
    clones_per_hour: int = Field(default=10, ge=0)  # voices one user may register an hour
    max_voices_per_user: int = Field(default=50, ge=0)  # on a platform; 0: no limit
    max_voices_per_chat: int = Field(default=200, ge=0)  # in one chat or server; 0: no limit
    consent_timeout_hours: float = Field(default=24.0, ge=0)
    # proving a voice is your own (/myvoice): how long a phrase may be read, and how far the
    # reading's transcript may be from it (word error rate; characters for Chinese)
    proof_timeout_minutes: float = Field(default=10.0, gt=0, le=24 * 60)
    proof_max_error: float = Field(default=0.35, gt=0, lt=1)
    generation_deadline_s: float = Field(default=180.0, gt=0)
    # a person waiting on a command: past this, a locked or slow database is "busy, try again"
    busy_wait_s: float = Field(default=5.0, gt=0, le=120)
    poll_interval_s: float = Field(default=0.5, gt=0)
    poll_interval_max_s: float = Field(default=2.0, gt=0)
    http_timeout_s: float = Field(default=30.0, gt=0)
    http_retries: int = Field(default=3, ge=0, le=10)

    @field_validator("ai302_base_url")
    @classmethod
    def _url_without_trailing_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @field_validator(
        "higgs_clone_create_url",
        "higgs_clone_query_url",
        "higgs_smart_create_url",
        "higgs_smart_query_url",
    )
    @classmethod
    def _optional_url(cls, value: str | None) -> str | None:
        return optional_url(value)

    @field_validator("result_hosts")
    @classmethod
    def _host_names(cls, value: str) -> str:
        names = [name.strip().lower() for name in value.split(",") if name.strip()]
        if not all(HOST_NAME.fullmatch(name) for name in names):
            raise ValueError("must be host names separated by commas, e.g. file.302.ai")
        return ",".join(names)

    @field_validator("self_check", "max_concurrent_jobs", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("ai302_api_key")
    @classmethod
    def _no_placeholder_key(cls, value: SecretStr | None) -> SecretStr | None:
        return real_secret(value)

    @property
    def jobs_at_once(self) -> tuple[int, int]:
        """Where the limit of jobs at once starts, and the most it may reach."""
        if self.max_concurrent_jobs is not None:
            return self.max_concurrent_jobs, self.max_concurrent_jobs
        most = self.upstream_concurrency_max
        return min(self.upstream_concurrency_start, most), most

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def max_result_bytes(self) -> int:
        return int(self.max_result_mb * 1024 * 1024)

    @property
    def longest_speech_s(self) -> float:
        """Generated audio is decoded no further than this: a full voice message, or all a
        full-size result holds as 24 kHz 16-bit mono WAV (what Higgs makes), the longer."""
        return max(self.max_voice_seconds, self.max_result_bytes / WAV_BYTES_PER_S)

    @property
    def result_host_names(self) -> list[str]:
        return [name for name in self.result_hosts.split(",") if name]

    @property
    def upstream_urls(self) -> list[str]:
        """The configured upstream: the base URL and the four Higgs task URLs."""
        return [
            self.ai302_base_url,
            self.higgs_url("clone", "create"),
            self.higgs_url("clone", "query"),
            self.higgs_url("smart", "create"),
            self.higgs_url("smart", "query"),
        ]

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite+aiosqlite:///{self.data_dir / 'voicebot.db'}"

    def higgs_url(self, task: Literal["clone", "smart"], call: Literal["create", "query"]) -> str:
        """The URL of one of the four Higgs task calls (a setting, else under the base URL)."""
        override: str | None = getattr(self, f"higgs_{task}_{call}_url")
        return override or f"{self.ai302_base_url}/302/higgs-audio-v2/{task}/task"

    @property
    def upload_url(self) -> str:
        return f"{self.ai302_base_url}/302/upload-file"

    @property
    def transcription_url(self) -> str:
        return f"{self.ai302_base_url}/v1/audio/transcriptions"

    @property
    def translation_url(self) -> str:
        return f"{self.ai302_base_url}/v1/chat/completions"

    @property
    def uses_higgs(self) -> bool:
        if self.engine == "auto":
            return self.ai302_api_key is not None
        return self.engine == "higgs"


def optional_url(value: str | None) -> str | None:
    """An http(s) URL, or None when unset or empty."""
    if value in (None, ""):
        return None
    assert value is not None
    if not value.startswith(("http://", "https://")):
        raise ValueError("must start with http:// or https://")
    return value


def real_secret(value: SecretStr | None) -> SecretStr | None:
    """A key or token, or None for the placeholders an example file holds."""
    if value is None or value.get_secret_value().strip() in PLACEHOLDER_KEYS:
        return None
    return value


def require(value: SecretStr | None, name: str) -> SecretStr:
    """A secret an adapter cannot start without, or `ConfigError` naming it."""
    if value is None:
        raise ConfigError(f"Setting {name.upper()} is missing: see .env.example")
    return value


def read(kind: type[S], **overrides: object) -> S:
    """Read one settings class from the environment and `.env`; a bad value raises
    `ConfigError` naming it in one line."""
    try:
        return kind(**overrides)  # type: ignore[arg-type]  # checked by the model
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise ConfigError(f"Setting {name} is not valid: {first['msg']}") from None


def load_settings(**overrides: object) -> Settings:
    """Read the core's settings; a bad one raises `ConfigError` naming it in one line."""
    settings = read(Settings, **overrides)
    if settings.engine == "higgs" and settings.ai302_api_key is None:
        raise ConfigError("Setting AI302_API_KEY is missing: ENGINE=higgs needs a 302.AI API key")
    return settings
