"""Settings: defaults, overrides, and one clear line for a bad value."""

from __future__ import annotations

from pathlib import Path

import pytest

from bots.discord.settings import DiscordSettings
from bots.telegram.settings import TelegramSettings
from core.errors import ConfigError
from core.settings import Settings, load_settings


def settings(**values: object) -> Settings:
    return load_settings(_env_file=None, **values)


def test_base_url_moves_every_302_call() -> None:
    s = settings(ai302_base_url="https://proxy.example/")
    assert s.higgs_url("clone", "create") == "https://proxy.example/302/higgs-audio-v2/clone/task"
    assert s.higgs_url("smart", "query") == "https://proxy.example/302/higgs-audio-v2/smart/task"
    assert s.upload_url == "https://proxy.example/302/upload-file"
    assert s.transcription_url == "https://proxy.example/v1/audio/transcriptions"


def test_each_higgs_url_can_be_set_on_its_own() -> None:
    s = settings(higgs_smart_query_url="https://other.example/query")
    assert s.higgs_url("smart", "query") == "https://other.example/query"
    assert s.higgs_url("smart", "create") == "https://api.302.ai/302/higgs-audio-v2/smart/task"


def test_database_defaults_to_sqlite_under_data_dir(tmp_path: Path) -> None:
    assert settings(data_dir=tmp_path).db_url == f"sqlite+aiosqlite:///{tmp_path}/voicebot.db"


def test_engine_follows_the_key() -> None:
    assert not settings().uses_higgs
    assert not settings(ai302_api_key="sk-...").uses_higgs  # the example placeholder
    assert settings(ai302_api_key="sk-real-key-123").uses_higgs
    assert not settings(ai302_api_key="sk-real-key-123", engine="offline").uses_higgs


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAX_TEXT_CHARS", "1234")
    monkeypatch.setenv("AI302_API_KEY", "sk-from-env-456")
    s = settings()
    assert s.max_text_chars == 1234
    assert s.ai302_api_key is not None and "sk-from-env" not in repr(s)


@pytest.mark.parametrize(
    ("values", "named"),
    [
        ({"max_text_chars": "lots"}, "MAX_TEXT_CHARS"),
        ({"ai302_base_url": "api.302.ai"}, "AI302_BASE_URL"),
        ({"engine": "gpt"}, "ENGINE"),
        ({"higgs_clone_create_url": "ftp://x"}, "HIGGS_CLONE_CREATE_URL"),
        ({"engine": "higgs"}, "AI302_API_KEY"),
    ],
)
def test_a_bad_setting_is_named_in_one_line(values: dict[str, object], named: str) -> None:
    with pytest.raises(ConfigError) as caught:
        settings(**values)
    message = str(caught.value)
    assert named in message and "\n" not in message


def test_the_example_env_file_loads_as_it_is() -> None:
    example = Path(__file__).parent.parent / ".env.example"
    s = load_settings(_env_file=example)
    assert s.ai302_api_key is None and not s.uses_higgs
    assert (s.max_text_chars, s.chunk_chars, s.self_check) == (2000, 300, None)


def test_the_example_env_file_documents_every_setting() -> None:
    example = (Path(__file__).parent.parent / ".env.example").read_text()
    fields = [
        *Settings.model_fields,
        *TelegramSettings.model_fields,
        *DiscordSettings.model_fields,
    ]  # the core's, and each chat adapter's own
    missing = [
        name
        for name in fields
        if f"\n{name.upper()}=" not in example and f"# {name.upper()}=" not in example
    ]
    assert missing == []
