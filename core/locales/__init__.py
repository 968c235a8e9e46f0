"""The interface's languages: which one a platform's locale means, where each table's
translations live, and a sentence rendered in a language with its plural forms chosen by
CLDR's rules (through Babel).

English and Chinese sit beside each key in the tables themselves (`core.messages`, each
adapter's `texts`); every other language has a module per table package, `<package>.<lang>`,
holding `TEXTS: dict[key, template]`. A key a language lacks is said in English.

A template is a `str.format` string; a count's words are chosen ICU-style:
`{voices, plural, one {# voice} other {# voices}}` (`#` is the number; the categories are
CLDR's: zero, one, two, few, many, other; `other` is required)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from babel import Locale

LANGUAGES = ("en", "zh", "es", "ja", "ko", "de", "fr", "pt", "ru")
IN_TABLES = ("en", "zh")  # the languages written beside each key; the rest have modules
FALLBACK = "en"

_BODY = r"(?:[^{}]|\{[^{}]*\})*"  # a case's words, with placeholders of their own inside
PLURAL = re.compile(r"\{(\w+), plural,((?:\s*\w+ \{" + _BODY + r"\})+)\s*\}")
CASE = re.compile(r"(\w+) \{(" + _BODY + r")\}")
PLURAL_NAME = re.compile(r"\{(\w+), plural,")
FIELD = re.compile(r"\{(\w+)(?:[:!][^{}]*)?\}")

Translations = Mapping[str, Mapping[str, str]]  # language → key → template


def language(locale: str | None) -> str:
    """A platform's locale ("zh-CN", "zh_TW", "pt-BR", "es-419", "en-US", None) as one of
    `LANGUAGES`; English for any other."""
    code = (locale or "").replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else FALLBACK


def translations(package: str) -> dict[str, dict[str, str]]:
    """The `TEXTS` of each language module in `package` (those written so far)."""
    found: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        if lang in IN_TABLES:
            continue
        try:
            module = importlib.import_module(f"{package}.{lang}")
        except ModuleNotFoundError:
            continue
        found[lang] = module.TEXTS
    return found


def render(template: str, lang: str, params: Mapping[str, Any]) -> str:
    """The template in `lang`, its plural choices made for the counts in `params`."""

    def choose(match: re.Match[str]) -> str:
        name = match.group(1)
        cases: dict[str, str] = dict(CASE.findall(match.group(2)))
        words = cases.get(plural_category(lang, params[name])) or cases["other"]
        return words.replace("#", "{" + name + "}")

    return PLURAL.sub(choose, template).format(**params)


def placeholders(template: str) -> set[str]:
    """The parameters a template uses (a plural's count among them), for checking that every
    language asks for the same ones."""
    names = set(PLURAL_NAME.findall(template))
    flat = PLURAL.sub(lambda m: " ".join(body for _, body in CASE.findall(m.group(2))), template)
    return names | set(FIELD.findall(flat))


@cache
def _rule(lang: str) -> Callable[[float], str]:
    rule: Callable[[float], str] = Locale.parse(lang).plural_form
    return rule


def plural_category(lang: str, count: float) -> str:
    """CLDR's plural category of `count` in `lang`: "one", "few", "many", "other"…"""
    return _rule(lang)(abs(count))
