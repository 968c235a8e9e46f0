"""The Telegram bot's own settings: its token, its Bot API server, and webhook mode."""

from __future__ import annotations

import re

from pydantic import Field, SecretStr, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.settings import optional_url, read, real_secret

WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what setWebhook accepts


class TelegramSettings(BaseSettings):
    """Read beside the core's settings, from the same environment and `.env`."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_api_url: str | None = None
    telegram_webhook_url: str | None = None  # public https URL; unset: long polling
    # Telegram sends it back with every update; checked after the URL, which it depends on
    telegram_webhook_secret: SecretStr | None = Field(default=None, validate_default=True)
    telegram_webhook_listen: str = "0.0.0.0"
    telegram_webhook_port: int = Field(default=8443, ge=1, le=65535)

    @field_validator("telegram_api_url")
    @classmethod
    def _optional_url(cls, value: str | None) -> str | None:
        return optional_url(value)

    @field_validator("telegram_webhook_url")
    @classmethod
    def _https_url(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if not value.startswith("https://"):
            raise ValueError("must start with https:// (Telegram posts updates over HTTPS only)")
        return value

    @field_validator("telegram_bot_token")
    @classmethod
    def _no_placeholder_token(cls, value: SecretStr | None) -> SecretStr | None:
        return real_secret(value)

    @field_validator("telegram_webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        """Required with a webhook URL; a placeholder counts as unset."""
        value = real_secret(value)
        if value is None:
            if info.data.get("telegram_webhook_url") is not None:
                raise ValueError("must be set when TELEGRAM_WEBHOOK_URL is")
            return None
        if not WEBHOOK_SECRET.fullmatch(value.get_secret_value()):
            raise ValueError("must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -")
        return value


def load_telegram_settings(**overrides: object) -> TelegramSettings:
    """Read the Telegram settings; a bad one raises `ConfigError` naming it in one line."""
    return read(TelegramSettings, **overrides)
