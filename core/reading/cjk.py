"""Numbers read out in Chinese, Japanese and Korean.

Chinese: cn2an (its own rules for units, percentages, dates). Japanese: num2words' kanji
numerals, as a Japanese text writes them (百円, not Chinese 一百円; 三時 reads さんじ in a
Japanese sentence). Korean: Sino-Korean numerals (num2words), except native Korean ones before
the counters that take them (스물다섯 살, 세 마리, 세 시); a native number past 99 is Sino-Korean
again (백 살)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable

import cn2an
from num2words import num2words

from core.reading.numbers import DIGIT_STRING, ISO_DATE, spelled

NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
SLASHED_DATE = r"(?<![\d./])(\d{4})/(\d{1,2})/(\d{1,2})(?![\d/])"
CLOCK = r"(?<![\d:.,])(\d{1,2}):(\d{2})(?![\d:])"
SYMBOL_FIRST = r"([$€£¥₩])\s?(" + NUMBER + ")"

ZH_CURRENCIES = {"$": "美元", "€": "欧元", "£": "英镑"}
ZH_DIGITS = "零一二三四五六七八九"

JA_CURRENCIES = {"$": ("ドル", "セント"), "€": ("ユーロ", "セント"), "£": ("ポンド", "ペンス")}
JA_CURRENCIES |= {"¥": ("円", "銭")}
JA_UNITS = {
    "km/h": "キロメートル",  # after 時速: 時速百二十キロメートル
    "km": "キロメートル",
    "kg": "キログラム",
    "cm": "センチメートル",
    "mm": "ミリメートル",
    "ml": "ミリリットル",
    "°C": "度",
    "%": "パーセント",
}
JA_SYMBOLS = {"&": "アンド", "+": "プラス", "=": "イコール"}

KO_CURRENCIES = {"$": ("달러", "센트"), "€": ("유로", "센트"), "£": ("파운드", "펜스")}
KO_CURRENCIES |= {"₩": ("원", "전")}
KO_UNITS = {
    "km/h": "킬로미터",  # after 시속
    "km": "킬로미터",
    "kg": "킬로그램",
    "cm": "센티미터",
    "mm": "밀리미터",
    "ml": "밀리리터",
    "°C": "도",
    "%": "퍼센트",
}
KO_SYMBOLS = {"&": " 앤드 ", "+": " 더하기 ", "=": " 는 "}
KO_DIGITS = "공일이삼사오육칠팔구"  # a phone number's 0 is 공
KO_NATIVE_ONES = ("", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉")
KO_NATIVE_TENS = ("", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔")
# Counters counted in native Korean numbers (개월, 시즌 and 달러 are not among them)
KO_NATIVE_COUNTERS = (
    r"살|마리|개(?!월)|명|시간|시(?!즌)|잔|병|권|장|그루|송이|켤레|벌|사람|가지|군데|곳"
    r"|달(?!러)|알|통|번째"
)
KO_MONTHS = {6: "유", 10: "시"}  # 유월, 시월


def spell_chinese(text: str) -> str:
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 1,000 → 1000
    text = spelled(CLOCK, lambda m: f"{int(m[1])}点{int(m[2])}分", text)
    text = spelled(
        DIGIT_STRING, lambda m: "".join(ZH_DIGITS[int(d)] for d in m[0] if d.isdigit()), text
    )
    text = spelled(r"([$€£])\s?(" + NUMBER + ")", lambda m: f"{m[2]}{ZH_CURRENCIES[m[1]]}", text)
    with warnings.catch_warnings():  # past 16 digits it warns, and leaves them be
        warnings.simplefilter("ignore")
        try:
            return str(cn2an.transform(text, "an2cn"))
        except Exception:  # what it cannot read stays as written
            return text


def spell_japanese(text: str) -> str:
    def date(m: re.Match[str]) -> str:
        return f"{_ja(m[1])}年{_ja(m[2])}月{_ja(m[3])}日"

    text = spelled(ISO_DATE, date, text)
    text = spelled(SLASHED_DATE, date, text)
    text = spelled(
        CLOCK, lambda m: _ja(m[1]) + "時" + (_ja(m[2]) + "分" if int(m[2]) else ""), text
    )
    text = spelled(
        DIGIT_STRING,  # 090-1234: ゼロ九ゼロの一二三四
        lambda m: "の".join("".join(map(_ja_digit, group)) for group in m[0].split("-")),
        text,
    )
    text = spelled(SYMBOL_FIRST, lambda m: _money(m[2], JA_CURRENCIES[m[1]], _ja, ""), text)
    text = spelled(
        rf"({NUMBER})\s?({_alternatives(JA_UNITS)})(?![A-Za-z])",
        lambda m: ("時速" if m[2] == "km/h" else "") + _ja(m[1]) + JA_UNITS[m[2]],
        text,
    )
    text = spelled(NUMBER, lambda m: _ja(m[0]), text)
    for symbol, word in JA_SYMBOLS.items():
        text = text.replace(symbol, word)
    return text.strip()


def spell_korean(text: str) -> str:
    def date(m: re.Match[str]) -> str:
        month = KO_MONTHS.get(int(m[2])) or _ko(m[2])
        return f"{_ko(m[1])}년 {month}월 {_ko(m[3])}일"

    text = spelled(ISO_DATE, date, text)
    text = spelled(SLASHED_DATE, date, text)
    text = spelled(
        CLOCK,
        lambda m: f"{_native(int(m[1]))} 시" + (f" {_ko(m[2])} 분" if int(m[2]) else ""),
        text,
    )
    text = spelled(
        DIGIT_STRING,  # 010-1234: 공일공 일이삼사
        lambda m: " ".join("".join(KO_DIGITS[int(d)] for d in group) for group in m[0].split("-")),
        text,
    )
    text = spelled(SYMBOL_FIRST, lambda m: _money(m[2], KO_CURRENCIES[m[1]], _ko, " "), text)
    text = spelled(
        rf"({NUMBER})\s?({_alternatives(KO_UNITS)})(?![A-Za-z])",
        lambda m: ("시속 " if m[2] == "km/h" else "") + f"{_ko(m[1])} {KO_UNITS[m[2]]}",
        text,
    )
    text = spelled(rf"(?<![\d.,])(\d{{1,2}})\s?(?=(?:{KO_NATIVE_COUNTERS}))", _counted, text)
    text = spelled(
        r"(?<![\d.,])(\d{1,2})(?=월)", lambda m: KO_MONTHS.get(int(m[1])) or _ko(m[1]), text
    )
    text = spelled(NUMBER, lambda m: _ko(m[0]), text)
    for symbol, word in KO_SYMBOLS.items():
        text = text.replace(symbol, word)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _counted(match: re.Match[str]) -> str:
    """A native number before its counter: 세 마리, 스물다섯 살, 첫 번째."""
    n = int(match[1])
    if not 1 <= n <= 99:
        return _ko(match[1]) + " "
    after = match.string[match.end() :]
    if n == 1 and after.startswith("번째"):
        return "첫 "
    return _native(n) + " "


def _native(n: int) -> str:
    if not 1 <= n <= 99:
        return _ko(str(n))
    if n == 20:
        return "스무"
    return KO_NATIVE_TENS[n // 10] + KO_NATIVE_ONES[n % 10]


def _money(written: str, names: tuple[str, str], said: Callable[[str], str], gap: str) -> str:
    whole, _, cents = written.replace(",", "").partition(".")
    text = f"{said(whole)}{gap}{names[0]}"
    cents = (cents + "00")[:2]
    if int(cents):
        text += f"{gap}{said(cents)}{gap}{names[1]}"
    return text


def _ja(number: str) -> str:
    value = number.replace(",", "")
    return str(num2words(float(value) if "." in value else int(value), lang="ja"))


def _ja_digit(digit: str) -> str:
    return "ゼロ" if digit == "0" else _ja(digit)


def _ko(number: str) -> str:
    value = number.replace(",", "")
    return str(num2words(float(value) if "." in value else int(value), lang="ko"))


def _alternatives(names: dict[str, str]) -> str:
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
