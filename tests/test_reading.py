"""Reading text in its own language: each sentence's numbers, money, dates and times are read
in the language of that sentence, a language the bot cannot read keeps its digits, sentences
end at each script's own marks, and the self-check compares like with like."""

from __future__ import annotations

import pytest

from core.app import Core
from core.domain import Where
from core.reading.detect import language_of, languages_of
from core.text import chunks, error_rate, spell_out
from tests.conftest import Clips
from tests.fakes.ai302 import Fake302

# What was typed, and what the model is sent (issue #16's examples first)
READ_IN_ITS_OWN_LANGUAGE = [
    ("Tengo 25 años y 3 gatos.", "Tengo veinticinco años y tres gatos."),
    ("Ich habe 25 Katzen und 3 Hunde.", "Ich habe fünfundzwanzig Katzen und drei Hunde."),
    ("J'ai 25 ans et 3 chats.", "J'ai vingt-cinq ans et trois chats."),
    ("나는 25살이고 고양이가 3마리 있어.", "나는 스물다섯 살이고 고양이가 세 마리 있어."),
    ("今日は3時に100円の本を買いました。", "今日は三時に百円の本を買いました。"),
    # English and Chinese as before
    ("Only 3 left, 50% off!", "Only three left, fifty percent off!"),
    ("我有3个苹果，占比50%。", "我有三个苹果，占比百分之五十。"),
]


@pytest.mark.parametrize(("written", "spoken"), READ_IN_ITS_OWN_LANGUAGE)
def test_numbers_are_read_in_the_language_of_their_sentence(written: str, spoken: str) -> None:
    assert spell_out(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        (
            "Cuesta 5,50 € y empieza a las 10:30 del 25/12/2024.",
            "Cuesta cinco euros con cincuenta céntimos y empieza a las diez y treinta del "
            "veinticinco de diciembre de dos mil veinticuatro.",
        ),
        ("Tengo 1 gato y 21 perros.", "Tengo un gato y veintiún perros."),
        (
            "Am 3. Mai um 10:30 Uhr kostet es 1.000 € (50 %).",
            "Am dritten Mai um zehn Uhr dreißig kostet es eintausend Euro (fünfzig Prozent).",
        ),
        (
            "Le 1er janvier à 10h30, 25 000 personnes ont payé 2,50 €.",
            "Le premier janvier à dix heures trente, vingt-cinq mille personnes ont payé "
            "deux euros et cinquante centimes.",
        ),
        (
            "Встреча в 10:30, скидка 50 %, 21 ₽.",
            "Встреча в десять часов тридцать минут, скидка пятьдесят процентов, "
            "двадцать один рубль.",
        ),
        (
            "会議は2024-12-25の10:30から、参加費は$5です。",
            "会議は二千二十四年十二月二十五日の十時三十分から、参加費は五ドルです。",
        ),
        ("3시 30분에 사과 1개와 1000원.", "세 시 삼십분에 사과 한 개와 천원."),
        ("Ik heb 25 katten.", "Ik heb vijfentwintig katten."),
    ],
)
def test_money_dates_times_and_units_are_read_as_the_language_says_them(
    written: str, spoken: str
) -> None:
    assert spell_out(written) == spoken


def test_an_english_sentence_then_a_german_one_are_each_read_in_their_own() -> None:
    text = "I have 2 cats. Ich habe 3 Hunde."
    assert languages_of(["I have 2 cats.", "Ich habe 3 Hunde."]) == ["en", "de"]
    assert spell_out(text) == "I have two cats. Ich habe drei Hunde."


def test_a_short_sentence_follows_the_text_around_it() -> None:
    assert spell_out("Tengo 2 perros. Sí, 3.") == "Tengo dos perros. Sí, tres."


def test_the_users_locale_settles_a_sentence_too_short_to_tell() -> None:
    assert language_of("Custa 5 euros.") == ""  # the model cannot tell
    assert spell_out("Custa 5 euros.", hint="pt-BR") == "Custa cinco euros."


@pytest.mark.parametrize(
    "written",
    [
        "ฉันมีแมว 25 ตัว",  # Thai
        "יש לי 25 חתולים.",  # Hebrew
        "मेरे पास 25 बिल्लियाँ हैं।",  # Hindi
    ],
)
def test_a_language_the_bot_cannot_read_keeps_its_digits(written: str) -> None:
    assert spell_out(written) == written


def test_japanese_sentences_end_at_japanese_marks_and_run_on_without_spaces() -> None:
    text = "今日は晴れです。明日は雨が降るでしょう！本当ですか？はい。"
    parts = chunks(text, 20)
    assert parts == ["今日は晴れです。", "明日は雨が降るでしょう！本当ですか？", "はい。"]
    assert "".join(parts) == text


def test_spanish_opening_marks_stay_with_their_sentence() -> None:
    text = "¿Dónde está la estación? ¡Muchas gracias! Hasta luego, amigo."
    assert chunks(text, 30) == [
        "¿Dónde está la estación?",
        "¡Muchas gracias!",
        "Hasta luego, amigo.",
    ]
    assert chunks("¿Vienes?¡Claro!", 10) == ["¿Vienes?", "¡Claro!"]


def test_arabic_and_hindi_sentences_end_at_their_own_marks() -> None:
    assert chunks("مرحبا؟ كيف حالك؟", 10) == ["مرحبا؟", "كيف حالك؟"]
    assert chunks("नमस्ते। आप कैसे हैं?", 12) == ["नमस्ते।", "आप कैसे हैं?"]


def test_the_self_check_compares_japanese_by_character_both_sides_read_alike() -> None:
    asked = spell_out("本を3冊買いました。")
    assert asked == "本を三冊買いました。"
    assert error_rate(asked, "本を3冊買いました") == 0.0  # the transcript's digits read alike
    # "いました" heard as "った": 3 of 9 characters wrong (by words: the one word, all wrong)
    assert error_rate(asked, "本を三冊買った") == pytest.approx(3 / 9)


def test_the_self_check_compares_other_languages_by_word_in_their_own_numbers() -> None:
    assert error_rate("Tengo veinticinco años.", "tengo 25 años") == 0.0
    assert error_rate("Tengo veinticinco años.", "tengo veinte años") == pytest.approx(1 / 3)
    assert error_rate("나는 스물다섯 살이야.", "나는 25살이야") == 0.0


@pytest.mark.parametrize(
    ("locale", "written", "sent"),
    [
        ("es-ES", "Tengo 25 años y 3 gatos.", "Tengo veinticinco años y tres gatos."),
        ("ja", "今日は3時に100円の本を買いました。", "今日は三時に百円の本を買いました。"),
        ("pt-BR", "Custa 5 euros.", "Custa cinco euros."),  # the locale settles it
    ],
)
async def test_the_model_is_sent_the_text_read_in_its_language(
    speech: Core, clips: Clips, fake302: Fake302, locale: str, written: str, sent: str
) -> None:
    where = Where("telegram", "group-1", "alice", locale=locale)
    await speech.voices.register(where, "bob", clips.ogg, transcript="words")
    await speech.speaking.say(where, "bob", written)
    assert [c.json["input_text"] for c in fake302.calls("clone_create")] == [sent]
