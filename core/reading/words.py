"""The words each language reads numbers with, besides num2words' own: units, currencies,
months, the clock. A table a language: adding one is adding a `Words` here (and checking what
num2words says in it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

Forms = tuple[str, ...]
"""A noun's forms after a number: one form for any count; (one, other); or, for the Slavic
languages, (one, few, many, fraction): 1 kilometr, 2 kilometry, 5 kilometrów, 2,5 kilometra."""

Rewrites = tuple[tuple[str, str], ...]  # (regex, replacement), applied in turn


class Currency(NamedTuple):
    forms: Forms
    cents: Forms
    feminine: bool = False
    cents_feminine: bool = False


@dataclass(frozen=True, slots=True)
class Words:
    code: str  # num2words' language
    decimal_comma: bool = True  # 3,5 and 1.000 (not 3.5 and 1,000)
    space_thousands: bool = False  # 25 000 (French)
    point: str = ""  # the word for the decimal mark; "" lets num2words read the fraction
    digits_after_point: bool = False  # 3,25: "drei Komma zwei fünf", not "… fünfundzwanzig"
    one_below_two: bool = False  # 1,5 kilomètre: the singular below two (French)
    units: dict[str, Forms] = field(default_factory=dict)  # "%" among them
    currencies: dict[str, Currency] = field(default_factory=dict)  # by symbol
    cents_and: str = ""
    symbols: dict[str, str] = field(default_factory=dict)
    months: tuple[str, ...] = ()  # as a date says them
    date: str = "{day} {month} {year}"
    date_day: str = "cardinal"  # or "ordinal", or "first" (an ordinal for the 1st only)
    date_day_rewrites: Rewrites = ()  # the ordinal as a date says it (its case, its gender)
    clock_hours: Forms = ()  # said after the hour: "Uhr", "heures"
    clock_and: str = " "  # between hours and minutes
    clock_minutes: Forms = ()  # said after the minutes (feminine in every language here)
    clock_feminine: bool = False  # hours counted in the feminine: "la una", "duas"
    clock_whole: str = ""  # said for :00 ("o'clock")
    clock_oh: str = ""  # said before minutes under ten ("nine oh five")
    clock_suffix: str = ""  # already written after the time, and said once: "10:30 Uhr"
    clock_h: bool = False  # 10h30
    before_noun: Rewrites = ()  # the number's words before a noun: "uno" → "un"
    feminine: Rewrites = ()  # before a feminine noun
    ordinals: dict[str, str] = field(default_factory=dict)  # marker regex → gender m/f/n
    feminine_ordinal: Rewrites = ()
    years: bool = False  # 1990 read as a year ("neunzehnhundertneunzig")


def _names(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


SPANISH = Words(
    code="es",
    point="coma",
    units={
        "km/h": ("kilómetro por hora", "kilómetros por hora"),
        "mph": ("milla por hora", "millas por hora"),
        "km": ("kilómetro", "kilómetros"),
        "kg": ("kilogramo", "kilogramos"),
        "cm": ("centímetro", "centímetros"),
        "mm": ("milímetro", "milímetros"),
        "ml": ("mililitro", "mililitros"),
        "°C": ("grado Celsius", "grados Celsius"),
        "°F": ("grado Fahrenheit", "grados Fahrenheit"),
        "%": ("por ciento",),
    },
    currencies={
        "€": Currency(("euro", "euros"), ("céntimo", "céntimos")),
        "$": Currency(("dólar", "dólares"), ("centavo", "centavos")),
        "£": Currency(("libra", "libras"), ("penique", "peniques"), True),
    },
    cents_and="con",
    symbols={"&": " y ", "+": " más ", "=": " igual a ", "@": " arroba "},
    months=_names(
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    ),
    date="{day} de {month} de {year}",
    clock_and=" y ",
    clock_feminine=True,
    clock_h=True,
    before_noun=((r"\buno$", "un"), (r"iuno$", "iún")),
    feminine=((r"\bun(o)?$", "una"), (r"iún$", "iuna"), (r"iuno$", "iuna")),
    ordinals={r"\.?º": "m", r"\.?ª": "f"},
    feminine_ordinal=((r"o\b", "a"),),
)

FRENCH = Words(
    code="fr",
    space_thousands=True,
    point="virgule",
    one_below_two=True,
    units={
        "km/h": ("kilomètre par heure", "kilomètres par heure"),
        "mph": ("mile par heure", "miles par heure"),
        "km": ("kilomètre", "kilomètres"),
        "kg": ("kilogramme", "kilogrammes"),
        "cm": ("centimètre", "centimètres"),
        "mm": ("millimètre", "millimètres"),
        "ml": ("millilitre", "millilitres"),
        "°C": ("degré Celsius", "degrés Celsius"),
        "°F": ("degré Fahrenheit", "degrés Fahrenheit"),
        "%": ("pour cent",),
    },
    currencies={
        "€": Currency(("euro", "euros"), ("centime", "centimes")),
        "$": Currency(("dollar", "dollars"), ("cent", "cents")),
        "£": Currency(("livre", "livres"), ("penny", "pence"), True),
    },
    cents_and="et",
    symbols={"&": " et ", "+": " plus ", "=": " égale ", "@": " arobase "},
    months=_names(
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    ),
    date_day="first",
    clock_hours=("heure", "heures"),
    clock_feminine=True,
    clock_h=True,
    feminine=((r"\bun$", "une"),),
    ordinals={r"(?:er|e|ème|eme|è)\b": "m", r"(?:re|ère)\b": "f"},
    feminine_ordinal=((r"premier$", "première"),),
)

GERMAN = Words(
    code="de",
    point="Komma",
    digits_after_point=True,
    units={
        "km/h": ("Kilometer pro Stunde",),
        "mph": ("Meile pro Stunde", "Meilen pro Stunde"),
        "km": ("Kilometer",),
        "kg": ("Kilogramm",),
        "cm": ("Zentimeter",),
        "mm": ("Millimeter",),
        "ml": ("Milliliter",),
        "°C": ("Grad Celsius",),
        "°F": ("Grad Fahrenheit",),
        "%": ("Prozent",),
    },
    currencies={
        "€": Currency(("Euro",), ("Cent",)),
        "$": Currency(("Dollar",), ("Cent",)),
        "£": Currency(("Pfund",), ("Pence",)),
    },
    cents_and="und",
    symbols={"&": " und ", "+": " plus ", "=": " gleich ", "@": " at "},
    months=_names(
        "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
    ),
    date="{day} {month} {year}",
    date_day="ordinal",
    clock_hours=("Uhr",),
    clock_suffix="Uhr",
    before_noun=((r"eins$", "ein"),),
    feminine=((r"eins$", "eine"),),
    years=True,
)

ITALIAN = Words(
    code="it",
    point="virgola",
    units={
        "km/h": ("chilometro orario", "chilometri orari"),
        "mph": ("miglio orario", "miglia orarie"),
        "km": ("chilometro", "chilometri"),
        "kg": ("chilogrammo", "chilogrammi"),
        "cm": ("centimetro", "centimetri"),
        "mm": ("millimetro", "millimetri"),
        "ml": ("millilitro", "millilitri"),
        "°C": ("grado Celsius", "gradi Celsius"),
        "°F": ("grado Fahrenheit", "gradi Fahrenheit"),
        "%": ("per cento",),
    },
    currencies={
        "€": Currency(("euro",), ("centesimo", "centesimi")),
        "$": Currency(("dollaro", "dollari"), ("centesimo", "centesimi")),
        "£": Currency(("sterlina", "sterline"), ("penny", "pence"), True),
    },
    cents_and="e",
    symbols={"&": " e ", "+": " più ", "=": " uguale ", "@": " chiocciola "},
    months=_names(
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
        "novembre dicembre"
    ),
    date_day="first",
    clock_and=" e ",
    clock_feminine=True,
    before_noun=((r"uno$", "un"),),
    feminine=((r"\buno$", "una"),),
    ordinals={r"º": "m", r"ª": "f"},
    feminine_ordinal=((r"o\b", "a"),),
)

PORTUGUESE = Words(
    code="pt",
    point="vírgula",
    units={
        "km/h": ("quilômetro por hora", "quilômetros por hora"),
        "mph": ("milha por hora", "milhas por hora"),
        "km": ("quilômetro", "quilômetros"),
        "kg": ("quilograma", "quilogramas"),
        "cm": ("centímetro", "centímetros"),
        "mm": ("milímetro", "milímetros"),
        "ml": ("mililitro", "mililitros"),
        "°C": ("grau Celsius", "graus Celsius"),
        "°F": ("grau Fahrenheit", "graus Fahrenheit"),
        "%": ("por cento",),
    },
    currencies={
        "€": Currency(("euro", "euros"), ("cêntimo", "cêntimos")),
        "$": Currency(("dólar", "dólares"), ("centavo", "centavos")),
        "£": Currency(("libra", "libras"), ("pêni", "pence"), True),
    },
    cents_and="e",
    symbols={"&": " e ", "+": " mais ", "=": " igual a ", "@": " arroba "},
    months=_names(
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"
    ),
    date="{day} de {month} de {year}",
    date_day="first",
    clock_and=" e ",
    clock_feminine=True,
    clock_h=True,
    feminine=((r"\bum$", "uma"), (r"\bdois$", "duas")),
    ordinals={r"\.?º": "m", r"\.?ª": "f"},
    feminine_ordinal=((r"o\b", "a"),),
)

DUTCH = Words(
    code="nl",
    point="komma",
    units={
        "km/h": ("kilometer per uur",),
        "mph": ("mijl per uur",),
        "km": ("kilometer",),
        "kg": ("kilogram",),
        "cm": ("centimeter",),
        "mm": ("millimeter",),
        "ml": ("milliliter",),
        "°C": ("graad Celsius", "graden Celsius"),
        "°F": ("graad Fahrenheit", "graden Fahrenheit"),
        "%": ("procent",),
    },
    currencies={
        "€": Currency(("euro",), ("cent",)),
        "$": Currency(("dollar",), ("cent",)),
        "£": Currency(("pond",), ("penny", "pence")),
    },
    cents_and="en",
    symbols={"&": " en ", "+": " plus ", "=": " is ", "@": " apenstaartje "},
    months=_names(
        "januari februari maart april mei juni juli augustus september oktober november december"
    ),
    clock_hours=("uur",),
    clock_suffix="uur",
    ordinals={r"(?:e|ste|de)\b": "m"},
    years=True,
)

RUSSIAN = Words(
    code="ru",
    units={
        "км/ч": ("километр в час", "километра в час", "километров в час", "километра в час"),
        "km/h": ("километр в час", "километра в час", "километров в час", "километра в час"),
        "км": ("километр", "километра", "километров", "километра"),
        "km": ("километр", "километра", "километров", "километра"),
        "кг": ("килограмм", "килограмма", "килограммов", "килограмма"),
        "kg": ("килограмм", "килограмма", "килограммов", "килограмма"),
        "см": ("сантиметр", "сантиметра", "сантиметров", "сантиметра"),
        "cm": ("сантиметр", "сантиметра", "сантиметров", "сантиметра"),
        "мм": ("миллиметр", "миллиметра", "миллиметров", "миллиметра"),
        "мл": ("миллилитр", "миллилитра", "миллилитров", "миллилитра"),
        "°C": ("градус Цельсия", "градуса Цельсия", "градусов Цельсия", "градуса Цельсия"),
        "%": ("процент", "процента", "процентов", "процента"),
    },
    currencies={
        "₽": Currency(
            ("рубль", "рубля", "рублей", "рубля"), ("копейка", "копейки", "копеек"), False, True
        ),
        "€": Currency(("евро",), ("цент", "цента", "центов", "цента")),
        "$": Currency(("доллар", "доллара", "долларов", "доллара"), ("цент", "цента", "центов")),
        "£": Currency(("фунт", "фунта", "фунтов", "фунта"), ("пенс", "пенса", "пенсов")),
    },
    symbols={"&": " и ", "+": " плюс ", "=": " равно "},
    months=_names(
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
    ),
    date="{day} {month} {year} года",
    date_day="ordinal",
    clock_hours=("час", "часа", "часов", "часа"),
    clock_minutes=("минута", "минуты", "минут", "минуты"),
    feminine=((r"один$", "одна"), (r"два$", "две")),
    ordinals={r"-(?:й|ый|ий|ой)\b": "m", r"-(?:я|ая)\b": "f", r"-(?:е|ое)\b": "n"},
)

UKRAINIAN = Words(
    code="uk",
    point="кома",
    units={
        "км/год": ("кілометр на годину", "кілометри на годину", "кілометрів на годину"),
        "км": ("кілометр", "кілометри", "кілометрів", "кілометра"),
        "кг": ("кілограм", "кілограми", "кілограмів", "кілограма"),
        "см": ("сантиметр", "сантиметри", "сантиметрів", "сантиметра"),
        "мм": ("міліметр", "міліметри", "міліметрів", "міліметра"),
        "мл": ("мілілітр", "мілілітри", "мілілітрів", "мілілітра"),
        "°C": ("градус Цельсія", "градуси Цельсія", "градусів Цельсія", "градуса Цельсія"),
        "%": ("відсоток", "відсотки", "відсотків", "відсотка"),
    },
    currencies={
        "₴": Currency(
            ("гривня", "гривні", "гривень", "гривні"),
            ("копійка", "копійки", "копійок"),
            True,
            True,
        ),
        "€": Currency(("євро",), ("цент", "центи", "центів", "цента")),
        "$": Currency(("долар", "долари", "доларів", "долара"), ("цент", "центи", "центів")),
    },
    symbols={"&": " і ", "+": " плюс ", "=": " дорівнює "},
    months=_names(
        "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"
    ),
    date="{day} {month} {year} року",
    date_day="ordinal",
    date_day_rewrites=((r"ий$", "е"), (r"ій$", "є")),  # neuter: двадцять п'яте
    clock_hours=("година", "години", "годин", "години"),
    clock_minutes=("хвилина", "хвилини", "хвилин", "хвилини"),
    clock_feminine=True,
    feminine=((r"один$", "одна"), (r"два$", "дві")),
)

POLISH = Words(
    code="pl",
    space_thousands=True,
    units={
        "km/h": ("kilometr na godzinę", "kilometry na godzinę", "kilometrów na godzinę"),
        "km": ("kilometr", "kilometry", "kilometrów", "kilometra"),
        "kg": ("kilogram", "kilogramy", "kilogramów", "kilograma"),
        "cm": ("centymetr", "centymetry", "centymetrów", "centymetra"),
        "mm": ("milimetr", "milimetry", "milimetrów", "milimetra"),
        "ml": ("mililitr", "mililitry", "mililitrów", "mililitra"),
        "°C": ("stopień Celsjusza", "stopnie Celsjusza", "stopni Celsjusza", "stopnia Celsjusza"),
        "%": ("procent",),
    },
    currencies={
        "zł": Currency(("złoty", "złote", "złotych", "złotego"), ("grosz", "grosze", "groszy")),
        "€": Currency(("euro",), ("cent", "centy", "centów", "centa")),
        "$": Currency(("dolar", "dolary", "dolarów", "dolara"), ("cent", "centy", "centów")),
    },
    symbols={"&": " i ", "+": " plus ", "=": " równa się "},
    months=_names(
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
        "listopada grudnia"
    ),
    date_day="ordinal",
    date_day_rewrites=((r"y\b", "ego"), (r"i\b", "iego")),  # genitive: dwudziestego piątego
    clock_hours=("godzina", "godziny", "godzin", "godziny"),
    clock_minutes=("minuta", "minuty", "minut", "minuty"),
    clock_feminine=True,
    feminine=((r"jeden$", "jedna"), (r"dwa$", "dwie")),
)

ENGLISH = Words(
    code="en",
    decimal_comma=False,
    units={
        "km/h": ("kilometer per hour", "kilometers per hour"),
        "mph": ("mile per hour", "miles per hour"),
        "km": ("kilometer", "kilometers"),
        "kg": ("kilogram", "kilograms"),
        "cm": ("centimeter", "centimeters"),
        "mm": ("millimeter", "millimeters"),
        "ml": ("milliliter", "milliliters"),
        "°C": ("degree Celsius", "degrees Celsius"),
        "°F": ("degree Fahrenheit", "degrees Fahrenheit"),
        "%": ("percent",),
    },
    symbols={"&": " and ", "+": " plus ", "=": " equals ", "@": " at ", "#": " number "},
    months=_names(
        "January February March April May June July August September October November December"
    ),
    date="{month} {day}, {year}",
    date_day="ordinal",
    clock_whole="o'clock",
    clock_oh="oh",
    ordinals={r"(?:st|nd|rd|th)\b": "m"},
    years=True,
)

LATIN_AND_CYRILLIC = {
    words.code: words
    for words in (
        ENGLISH,
        SPANISH,
        FRENCH,
        GERMAN,
        ITALIAN,
        PORTUGUESE,
        DUTCH,
        RUSSIAN,
        UKRAINIAN,
        POLISH,
    )
}
