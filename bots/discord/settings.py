"""The Discord bot's own settings: its token, its REST base, development servers, shards."""

from __future__ import annotations

from pydantic import Field, SecretStr, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.settings import optional_url, read, real_secret


class DiscordSettings(BaseSettings):
    """Read beside the core's settings, from the same environment and `.env`."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    discord_bot_token: SecretStr | None = None
    discord_guild_ids: str = ""  # comma-separated server ids: sync commands there instantly
    discord_api_url: str | None = None
    discord_shard_count: int | None = Field(default=None, ge=1)  # unset: Discord's advice
    discord_shard_ids: str = ""  # comma-separated: the shards this process runs (all: empty)

    @field_validator("discord_api_url")
    @classmethod
    def _optional_url(cls, value: str | None) -> str | None:
        return optional_url(value)

    @field_validator("discord_shard_count", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("discord_bot_token")
    @classmethod
    def _no_placeholder_token(cls, value: SecretStr | None) -> SecretStr | None:
        return real_secret(value)

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

    @property
    def guild_ids(self) -> list[int]:
        return [int(part) for part in self.discord_guild_ids.split(",") if part.strip()]

    @property
    def shard_ids(self) -> list[int] | None:
        """The shards this process runs; None: all of them."""
        return [int(part) for part in self.discord_shard_ids.split(",") if part.strip()] or None


def load_discord_settings(**overrides: object) -> DiscordSettings:
    """Read the Discord settings; a bad one raises `ConfigError` naming it in one line."""
    return read(DiscordSettings, **overrides)
