"""The interface in every language: each sentence written in each, asking for the same
placeholders; counts in each language's plural forms; and both adapters answering a person in
their own language (Telegram's `language_code`, Discord's locale), menus and commands too."""

from __future__ import annotations

import pytest
from discord import Locale, app_commands

from bots.discord.texts import DISCORD
from bots.discord.texts import text as dc_text
from bots.discord.translator import Translator, commands_in
from bots.telegram.app import register_commands
from bots.telegram.texts import TELEGRAM
from bots.telegram.texts import text as tg_text
from core.errors import VoiceNotFound
from core.locales import IN_TABLES, LANGUAGES, language, placeholders, render, translations
from core.messages import MESSAGES, error_text, text
from tests.discord_world import Discord
from tests.fakes.discord import APP_ID, FakeDiscord, Person
from tests.fakes.telegram import User
from tests.telegram_chat import GROUP, Telegram

FORM_WORDS = [  # a modal's title and its inputs' labels
    "dc_modal_title",
    "dc_modal_name",
    "dc_modal_transcript",
    "dc_dialogue_title",
    "dc_dialogue_label",
    "button_keep_voice",
]
TABLES = {
    "core": (MESSAGES, "core.locales"),
    "telegram": (TELEGRAM, "bots.telegram.locales"),
    "discord": (DISCORD, "bots.discord.locales"),
}
MORE = [lang for lang in LANGUAGES if lang not in IN_TABLES]  # each in modules of its own
# a Telegram language_code and a Discord locale each language is chosen by
TELEGRAM_CODES = {
    "es": "es",
    "ja": "ja",
    "ko": "ko",
    "de": "de",
    "fr": "fr",
    "pt": "pt-br",
    "ru": "ru",
}
DISCORD_LOCALES = {
    "es": "es-ES",
    "ja": "ja",
    "ko": "ko",
    "de": "de",
    "fr": "fr",
    "pt": "pt-BR",
    "ru": "ru",
}


@pytest.mark.parametrize("lang", MORE)
@pytest.mark.parametrize("table", TABLES)
def test_every_sentence_is_written_in_every_language_asking_for_the_same_placeholders(
    table: str, lang: str
) -> None:
    sentences, package = TABLES[table]
    translated = translations(package).get(lang, {})
    assert sorted(set(sentences) - set(translated)) == [], "not yet translated"
    assert sorted(set(translated) - set(sentences)) == [], "no longer said"
    for key, entry in sentences.items():
        assert placeholders(translated[key]) == placeholders(entry["en"]), key


@pytest.mark.parametrize("table", TABLES)
def test_chinese_is_written_beside_every_key_asking_for_the_same_placeholders(
    table: str,
) -> None:
    for key, entry in TABLES[table][0].items():
        assert placeholders(entry["zh"]) == placeholders(entry["en"]), key


@pytest.mark.parametrize("lang", LANGUAGES)
def test_discord_form_titles_and_labels_fit_discords_45_characters(lang: str) -> None:
    for key in FORM_WORDS:
        assert len(dc_text(key, lang)) <= 45, key


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("zh-hans", "zh"),
        ("zh_TW", "zh"),
        ("pt-br", "pt"),
        ("es-419", "es"),
        ("en-US", "en"),
        ("ja", "ja"),
        ("nl", "en"),  # a language the interface does not speak: English
        (None, "en"),
    ],
)
def test_a_platform_locale_picks_the_interface_language(locale: str | None, expected: str) -> None:
    assert language(locale) == expected


def test_counts_take_each_languages_plural_forms() -> None:
    voices = "{n, plural, one {# голос} few {# голоса} many {# голосов} other {# голоса}}"
    assert [render(voices, "ru", {"n": n}) for n in (1, 3, 5, 21, 1.5)] == [
        "1 голос",
        "3 голоса",
        "5 голосов",
        "21 голос",
        "1.5 голоса",
    ]
    assert text("forgotten", "en", voices=1, clips=2, jobs=1, settings=0) == (
        "Done. Deleted 1 voice, 2 audio clips, 1 request and 0 settings."
    )
    assert placeholders(voices + " in “{name}”") == {"n", "name"}


@pytest.mark.parametrize("lang", MORE)
async def test_a_telegram_user_is_answered_in_their_language(tg: Telegram, lang: str) -> None:
    person = User(700000555, "Pat", language_code=TELEGRAM_CODES[lang])
    await tg.send(tg.api.command(GROUP, person, "/start"))
    assert tg.last_text() == tg_text("tg_help", lang) != tg_text("tg_help", "en")
    await tg.send(tg.api.command(GROUP, person, "/say nobody Hello."))
    unknown = error_text(VoiceNotFound(name="nobody"), lang)
    assert tg.last_text() == unknown != error_text(VoiceNotFound(name="nobody"), "en")


@pytest.mark.parametrize("lang", MORE)
async def test_a_discord_user_is_answered_in_their_language(dc: Discord, lang: str) -> None:
    person = Person(500000000000000077, "pat", locale=DISCORD_LOCALES[lang])
    await dc.command(person, "help")
    assert dc.last() == dc_text("dc_help", lang) != dc_text("dc_help", "en")
    await dc.command(person, "say", voice="nobody", text="Hello.")
    unknown = error_text(VoiceNotFound(name="nobody"), lang)
    assert dc.last() == unknown != error_text(VoiceNotFound(name="nobody"), "en")


async def test_the_telegram_menu_is_set_in_every_language(tg: Telegram) -> None:
    await register_commands(tg.app)
    menus = {
        c.params.get("language_code"): c.params["commands"] for c in tg.api.of("setMyCommands")
    }
    assert set(menus) == {None, *(lang for lang in LANGUAGES if lang != "en")}
    for lang in MORE:
        assert (
            menus[lang][0]["description"] == tg_text("cmd_say", lang) != tg_text("cmd_say", "en")
        )


async def test_discord_commands_are_synced_with_their_words_in_each_language(
    dc: Discord, rest: FakeDiscord
) -> None:
    (synced,) = rest.of("PUT", f"/applications/{APP_ID}/commands")
    say = next(c for c in synced.json if c["name"] == "say")
    english = say["description"]
    for lang, locale in DISCORD_LOCALES.items():
        assert say["description_localizations"][locale] == commands_in(lang)[english]
    (words,) = [o for o in say["options"] if o["name"] == "text"]
    assert words["description_localizations"]["ja"] == commands_in("ja")[words["description"]]


async def test_the_translator_leaves_english_and_unknown_languages_alone() -> None:
    translator = Translator()
    say = app_commands.locale_str("Speak text in a stored voice, posted as a voice message.")
    context = app_commands.TranslationContext(
        app_commands.TranslationContextLocation.command_description, None
    )
    spanish = await translator.translate(say, Locale.spain_spanish, context)
    japanese = await translator.translate(say, Locale.japanese, context)
    assert spanish == commands_in("es")[say.message] and spanish != say.message
    assert japanese == commands_in("ja")[say.message] and japanese != spanish
    assert await translator.translate(say, Locale.american_english, context) is None
    assert await translator.translate(say, Locale.dutch, context) is None  # English, then
