"""Settings, read from the environment and `.env` once, in the composition root."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.errors import ConfigError

PLACEHOLDER_KEYS = {"", "sk-...", "sk-xxx", "changeme", "your-key-here"}
WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what setWebhook accepts


class Settings(BaseSettings):
    """Every knob the bot has; `.env.example` documents each one."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    ai302_api_key: SecretStr | None = None
    ai302_base_url: str = "https://api.302.ai"
    higgs_clone_create_url: str | None = None
    higgs_clone_query_url: str | None = None
    higgs_smart_create_url: str | None = None
    higgs_smart_query_url: str | None = None
    engine: Literal["auto", "higgs", "offline"] = "auto"

    telegram_bot_token: SecretStr | None = None
    telegram_api_url: str | None = None
    telegram_webhook_url: str | None = None  # public https URL; unset: long polling
    # Telegram sends it back with every update; checked after the URL, which it depends on
    telegram_webhook_secret: SecretStr | None = Field(default=None, validate_default=True)
    telegram_webhook_listen: str = "0.0.0.0"
    telegram_webhook_port: int = Field(default=8443, ge=1, le=65535)
    discord_bot_token: SecretStr | None = None
    discord_guild_ids: str = ""  # comma-separated server ids: sync commands there instantly
    discord_api_url: str | None = None
    discord_shard_count: int | None = Field(default=None, ge=1)  # unset: Discord's advice
    discord_shard_ids: str = ""  # comma-separated: the shards this process runs (all: empty)

    data_dir: Path = Path("./data")
    database_url: str | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["text", "json"] = "text"  # json: one object per line, for collectors
    # /healthz and /metrics; unset, the command decides (9108 for the bots, none for the
    # console); 0: none
    metrics_port: int | None = Field(default=None, ge=0, le=65535)
    metrics_host: str = "127.0.0.1"

    max_upload_mb: float = Field(default=20.0, gt=0, le=500)
    max_text_chars: int = Field(default=2000, ge=10, le=100_000)
    chunk_chars: int = Field(default=300, ge=50, le=2000)
    chunk_concurrency: int = Field(default=3, ge=1, le=32)
    self_check: bool | None = None  # default: on when the real engine (and so Whisper) is used
    self_check_max_error: float = Field(default=0.35, gt=0, le=1)
    max_voice_seconds: float = Field(default=1800, ge=10)
    max_concurrent_jobs: int = Field(default=4, ge=1, le=1000)  # per process that runs jobs
    # who runs the jobs: each bot process its own ("here"), or `voicebot worker` processes
    # sharing the database ("workers"; the bots then only queue jobs and post the results)
    job_runner: Literal["here", "workers"] = "here"
    job_lease_s: float = Field(default=60.0, ge=2)  # a crashed worker's jobs resume after this
    max_jobs_per_user: int = Field(default=2, ge=1, le=1000)
    max_queue: int = Field(default=200, ge=1, le=100_000)
    user_requests_per_minute: int = Field(default=6, ge=0)
    chat_requests_per_minute: int = Field(default=20, ge=0)
    daily_chars_per_user: int = Field(default=0, ge=0)  # 0: no quota (admins may set one)
    consent_timeout_hours: float = Field(default=24.0, ge=0)
    generation_deadline_s: float = Field(default=180.0, gt=0)
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
        "telegram_api_url",
        "discord_api_url",
        "higgs_clone_create_url",
        "higgs_clone_query_url",
        "higgs_smart_create_url",
        "higgs_smart_query_url",
    )
    @classmethod
    def _optional_url(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("telegram_webhook_url")
    @classmethod
    def _https_url(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if not value.startswith("https://"):
            raise ValueError("must start with https:// (Telegram posts updates over HTTPS only)")
        return value

    @field_validator("self_check", "discord_shard_count", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("discord_guild_ids")
    @classmethod
    def _ids(cls, value: str) -> str:
        if any(not part.strip().isdigit() for part in value.split(",") if part.strip()):
            raise ValueError("must be server ids separated by commas")
        return value

    @field_validator("discord_shard_ids")
    @classmethod
    def _shard_ids(cls, value: str, info: ValidationInfo) -> str:
        parts = [part.strip() for part in value.split(",") if part.strip()]
        if any(not part.isdigit() for part in parts):
            raise ValueError("must be shard numbers separated by commas, e.g. 0,1")
        if not parts:
            return value
        count = info.data.get("discord_shard_count")
        if count is None:
            raise ValueError("needs DISCORD_SHARD_COUNT, the total number of shards")
        ids = [int(part) for part in parts]
        if max(ids) >= count:
            raise ValueError(f"with DISCORD_SHARD_COUNT={count} a shard id is 0 to {count - 1}")
        if len(set(ids)) < len(ids):
            raise ValueError("names a shard twice")
        return value

    @field_validator(
        "ai302_api_key", "telegram_bot_token", "telegram_webhook_secret", "discord_bot_token"
    )
    @classmethod
    def _no_placeholder_key(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or value.get_secret_value().strip() in PLACEHOLDER_KEYS:
            return None
        return value

    @field_validator("telegram_webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        """Required with a webhook URL (after the placeholder check above has run)."""
        if value is None:
            if info.data.get("telegram_webhook_url") is not None:
                raise ValueError("must be set when TELEGRAM_WEBHOOK_URL is")
            return None
        if not WEBHOOK_SECRET.fullmatch(value.get_secret_value()):
            raise ValueError("must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

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

    def require(self, name: str) -> SecretStr:
        """A secret an adapter cannot start without, or `ConfigError` naming it."""
        value: SecretStr | None = getattr(self, name)
        if value is None:
            raise ConfigError(f"Setting {name.upper()} is missing: see .env.example")
        return value

    @property
    def guild_ids(self) -> list[int]:
        return [int(part) for part in self.discord_guild_ids.split(",") if part.strip()]

    @property
    def shard_ids(self) -> list[int] | None:
        """The Discord shards this process runs; None: all of them."""
        return [int(part) for part in self.discord_shard_ids.split(",") if part.strip()] or None

    @property
    def uses_higgs(self) -> bool:
        if self.engine == "auto":
            return self.ai302_api_key is not None
        return self.engine == "higgs"


def load_settings(**overrides: object) -> Settings:
    """Read settings; a bad one raises `ConfigError` naming it in one line."""
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise ConfigError(f"Setting {name} is not valid: {first['msg']}") from None
    if settings.engine == "higgs" and settings.ai302_api_key is None:
        raise ConfigError("Setting AI302_API_KEY is missing: ENGINE=higgs needs a 302.AI API key")
    return settings
