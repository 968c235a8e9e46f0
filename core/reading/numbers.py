"""Numbers, money, dates, times, units and symbols read out in a language written in the Latin
or Cyrillic script: num2words for the numbers, the language's `Words` for the rest.

What cannot be read (a number too long for words, a month 13) stays as written, so a request
never fails for it, and no error carries the user's text."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from num2words import num2words

from core.reading.words import ENGLISH, Forms, Rewrites, Words

LONGEST_SPELLED = 40  # characters of a number read out; longer ones are read as written
# Phone numbers and codes (0-led, or dashed) are read digit by digit.
DIGIT_STRING = r"(?<![\d,.])(?:\d+(?:-\d+)+|0\d+)(?![\d,.]?\d)"
YEAR = r"\b(1[1-9]\d\d|20\d\d)"
ISO_DATE = r"(?<![\d.,/-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])"
NUMERIC_DATE = r"(?<![\d.,/])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d.,/]?\d)"
NOT_A_LETTER = r"(?![^\W\d_])"
CURRENCY_CODES = {"EUR": "€", "USD": "$", "GBP": "£", "RUB": "₽", "UAH": "₴", "PLN": "zł"}
EN_CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP"}
GERMAN_DATIVE = {"am", "vom", "zum", "bis", "dem", "seit", "ab", "beim"}  # … 25. → -sten


def spell(text: str, words: Words) -> str:
    """Numbers, units, currencies and symbols in `text` as words of `words`' language."""
    number = _number_pattern(words)
    text = spelled(ISO_DATE, lambda m: _date(int(m[3]), int(m[2]), m[1], words, m), text)
    text = spelled(NUMERIC_DATE, lambda m: _numeric_date(m, words), text)
    if words.code == "de":  # "am 3. Mai": the day an ordinal
        months = "|".join(words.months)
        text = spelled(
            rf"(?<![\d.,])(\d{{1,2}})\.\s?({months})\b",
            lambda m: f"{_date_day(int(m[1]), words, m)} {m[2]}",
            text,
        )
    text = spelled(_clock_pattern(words), lambda m: _clock(m, words), text)
    after_thousands = r"(?<!\d[ \u00a0\u202f])" if words.space_thousands else ""  # 25 000
    text = spelled(
        after_thousands + DIGIT_STRING,
        lambda m: " ".join(_cardinal(int(d), words) for d in m[0] if d.isdigit()),
        text,
    )
    known = EN_CURRENCIES if words is ENGLISH else words.currencies
    symbols = "|".join(re.escape(symbol) for symbol in known)
    codes = "|".join([symbols, *(code for code, s in CURRENCY_CODES.items() if s in known)])
    text = spelled(rf"({symbols})\s?({number})", lambda m: _money(m[2], m[1], words), text)
    text = spelled(
        rf"({number})\s?({codes}){NOT_A_LETTER}",
        lambda m: _money(m[1], CURRENCY_CODES.get(m[2], m[2]), words),
        text,
    )
    units = "|".join(re.escape(u) for u in sorted(words.units, key=len, reverse=True))
    text = spelled(
        rf"({number})\s?({units}){NOT_A_LETTER}",
        lambda m: _counted(_value(m[1], words), words.units[m[2]], words),
        text,
    )
    for marker, gender in words.ordinals.items():
        text = spelled(
            rf"(?<![\d.,])(\d{{1,3}}(?:[,.]\d{{3}})+|\d+){marker}",
            _ordinal_of(gender, words),
            text,
        )
    if words.years:
        if words is ENGLISH:  # the 1990s
            text = spelled(YEAR + r"s\b", lambda m: _plural(_year(int(m[1]), words)), text)
        text = spelled(YEAR + r"\b(?![.,]\d|%)", lambda m: _year(int(m[1]), words), text)
    text = spelled(number, lambda m: _number(m, words), text)
    for symbol, word in words.symbols.items():
        text = text.replace(symbol, word)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _number_pattern(words: Words) -> str:
    if not words.decimal_comma:
        return r"\d+(?:,\d{3})*(?:\.\d+)?"
    thousands = "[. \u00a0\u202f]" if words.space_thousands else "[.\u00a0\u202f]"
    return rf"\d{{1,3}}(?:{thousands}\d{{3}})+(?:,\d+)?(?!\d)|\d+(?:[,.]\d+)?"


def _value(written: str, words: Words) -> Decimal:
    if words.decimal_comma:
        whole, _, fraction = re.sub(r"[ .\u00a0\u202f](?=\d{3}(?!\d))", "", written).partition(",")
        if "." in whole:  # 3.5 typed the English way
            whole, _, fraction = whole.partition(".")
        written = f"{whole}.{fraction}" if fraction else whole
    try:
        return Decimal(written.replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(written) from exc


def _cardinal(value: Decimal | int, words: Words) -> str:
    if value == int(value):
        return str(num2words(int(value), lang=words.code))
    if not words.point:  # num2words reads the fraction its own way ("three point five")
        return str(num2words(float(value), lang=words.code))
    whole, _, fraction = f"{value:f}".partition(".")
    if words.digits_after_point or fraction.startswith("0"):
        said = " ".join(str(num2words(int(d), lang=words.code)) for d in fraction)
    else:
        said = str(num2words(int(fraction), lang=words.code))
    return f"{num2words(int(whole), lang=words.code)} {words.point} {said}"


def _counted(value: Decimal | int, forms: Forms, words: Words, *, feminine: bool = False) -> str:
    """A number and the noun it counts, agreeing: "veintiún euros", "пять километров"."""
    said = _cardinal(value, words)
    if value == int(value):
        said = _rewritten(said, words.feminine if feminine else words.before_noun)
    return f"{said} {_form(value, forms, words)}"


def _form(value: Decimal | int, forms: Forms, words: Words) -> str:
    if len(forms) == 1:
        return forms[0]
    if len(forms) == 2:
        one = -2 < value < 2 if words.one_below_two else value == 1  # 1,5 kilomètre
        return forms[0] if one else forms[1]
    if value != int(value):  # Slavic: a fraction takes the genitive singular
        return forms[3] if len(forms) > 3 else forms[1]
    n = abs(int(value))
    if n == 1 if words.code == "pl" else n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


def _number(match: re.Match[str], words: Words) -> str:
    value = _value(match[0], words)
    said = _cardinal(value, words)
    before_a_word = re.match(r"\s?[^\W\d_]", match.string[match.end() :])
    if before_a_word and value == int(value):  # "un gato", not "uno gato"
        said = _rewritten(said, words.before_noun)
    return said


def _ordinal_of(gender: str, words: Words) -> Callable[[re.Match[str]], str]:
    return lambda m: _ordinal(int(re.sub(r"\D", "", m[1])), gender, words)


def _ordinal(n: int, gender: str, words: Words) -> str:
    if words.code == "ru":
        return str(num2words(n, lang="ru", to="ordinal", gender=gender))
    said = str(num2words(n, lang=words.code, to="ordinal"))
    return _rewritten(said, words.feminine_ordinal) if gender == "f" else said


def _year(year: int, words: Words) -> str:
    return str(num2words(year, lang=words.code, to="year"))


def _numeric_date(match: re.Match[str], words: Words) -> str:
    first, second, year = int(match[1]), int(match[3]), match[4]
    if words is ENGLISH and match[2] == "/" and first <= 12:  # 12/25/2024: month first
        first, second = second, first
    return _date(first, second, year, words, match)


def _date(day: int, month: int, year: str, words: Words, match: re.Match[str]) -> str:
    if not (1 <= month <= 12 and 1 <= day <= 31) or not words.months:
        raise ValueError("not a date")
    if words.code == "ru":  # "… две тысячи двадцать четвёртого года"
        said_year = str(num2words(int(year), lang="ru", to="ordinal", case="g"))
    else:
        said_year = _year(int(year), words) if words.years else _cardinal(int(year), words)
    return words.date.format(
        day=_date_day(day, words, match), month=words.months[month - 1], year=said_year
    )


def _date_day(day: int, words: Words, match: re.Match[str]) -> str:
    if words.date_day == "cardinal" or (words.date_day == "first" and day != 1):
        return _cardinal(day, words)
    said = _ordinal(day, "n", words)
    if words.code == "de":  # "am fünfundzwanzigsten", "der fünfundzwanzigste", else "-ster"
        before = "".join(match.string[: match.start()].split()[-1:]).lower()
        if before in GERMAN_DATIVE:
            return said + "n"
        return said if before in ("der", "die", "das") else said + "r"
    return _rewritten(said, words.date_day_rewrites)


def _clock_pattern(words: Words) -> str:
    minutes = r"(?::(\d{2})" + (r"|h(\d{2})?" if words.clock_h else "") + ")"
    suffix = rf"(?:\s?{words.clock_suffix}\b)?" if words.clock_suffix else ""
    return rf"(?<![\d:.,])(\d{{1,2}}){minutes}(?![\d:]){NOT_A_LETTER}{suffix}"


def _clock(match: re.Match[str], words: Words) -> str:
    hour, minute = int(match[1]), int(next((g for g in match.groups()[1:] if g), 0))
    if hour > 24 or minute > 59:
        raise ValueError("not a time")
    if words.clock_hours:
        said = _counted(hour, words.clock_hours, words, feminine=words.clock_feminine)
    else:
        said = _cardinal(hour, words)
        said = _rewritten(said, words.feminine) if words.clock_feminine else said
    if minute == 0:
        return f"{said} {words.clock_whole}".strip()
    if words.clock_minutes:
        minutes = _counted(minute, words.clock_minutes, words, feminine=True)
    else:
        minutes = _cardinal(minute, words)
    oh = f"{words.clock_oh} " if words.clock_oh and minute < 10 else ""
    return f"{said}{words.clock_and}{oh}{minutes}"


def _money(written: str, symbol: str, words: Words) -> str:
    amount = _value(written, words)
    if words is ENGLISH:
        said = str(num2words(float(amount), to="currency", currency=EN_CURRENCIES[symbol]))
        return re.sub(r",? zero (cents|pence)$", "", said)
    currency = words.currencies[symbol]
    cents = int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)) % 100
    said = _counted(int(amount), currency.forms, words, feminine=currency.feminine)
    if cents:
        conjunction = f" {words.cents_and} " if words.cents_and else " "
        said += conjunction + _counted(
            cents, currency.cents, words, feminine=currency.cents_feminine
        )
    return said


def _plural(words: str) -> str:
    return words[:-1] + "ies" if words.endswith("y") else words + "s"


def _rewritten(said: str, rewrites: Rewrites) -> str:
    for pattern, replacement in rewrites:
        said = re.sub(pattern, replacement, said)
    return said


def spelled(pattern: str, spell: Callable[[re.Match[str]], str], text: str) -> str:
    """`re.sub` with `spell`: what it cannot read stays as written."""

    def safely(match: re.Match[str]) -> str:
        if len(match[0]) > LONGEST_SPELLED:
            return match[0]
        try:
            return spell(match)
        except Exception:
            return match[0]

    return re.sub(pattern, safely, text)
