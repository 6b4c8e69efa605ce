"""Numbers in running text: values, scale words, units, ranges and approximation words.

A number becomes a ``Quantity`` only with what makes it a figure: a currency, a percent sign, or a
counted noun after it ("1400 idle production units": the noun decides, not the digits). Numbers
that are dates, years, ages, ordinals, times, phone numbers or parts of names are dropped here, and
bare numbers are kept only as ``bare`` candidates for "the number is planned to reach 1400".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache

from newskg.extract import vocab
from newskg.extract.vocab import COUNT, MONEY, PERCENT, POINT, Unit

_SCALES = {
    "hundred": Decimal(100),
    "thousand": Decimal(1000),
    "k": Decimal(1000),
    "million": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "m": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12,
    "quadrillion": Decimal(10) ** 15,
}
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a": 1, "half a": 0.5, "a quarter": 0.25, "a quarter of a": 0.25,
    "half of a": 0.5,
}  # fmt: skip
_APPROX = (
    r"about|around|nearly|almost|some|roughly|approximately|approx\.|close to|more than|over"
    r"|at least|up to|as many as|as much as|as high as|just under|just over|less than|fewer than"
    r"|upwards of|in excess of|an estimated|estimated|circa|well over|above|below|under"
)
_CURRENCY_SYMBOLS = {
    "$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "C$": "CAD", "A$": "AUD",
    "R$": "BRL",
}  # fmt: skip
#: Words between a number and its counted noun that are not adjectives of that noun.
_NOT_MODIFIERS = frozenset(
    [
        "of",
        "the",
        "to",
        "in",
        "for",
        "and",
        "or",
        "by",
        "from",
        "with",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "have",
        "has",
        "had",
        "will",
        "would",
        "a",
        "an",
        "at",
        "on",
        "as",
        "than",
        "that",
        "which",
        "who",
        "per",
        "each",
        "this",
        "these",
        "those",
        "their",
        "its",
        "his",
        "her",
        "our",
        "it",
        "they",
        "we",
        "year",
        "years",
        "month",
        "months",
        "day",
        "days",
        "week",
        "weeks",
        "percent",
        "per",
        "cent",
        "said",
        "says",
    ]
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_WORDNUM = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five"
    r"|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|half (?:of )?a"
    r"|a quarter(?: of a)?|a"
)
_SCALE = r"quadrillion|trillion|billion|million|thousand|hundred|bn|bln|mn|mln|tn|trn|m|k"
_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)


@dataclass(frozen=True)
class Quantity:
    """A figure found in text; offsets are into the text that was scanned."""

    start: int
    """Start of the figure, including an approximation word or currency symbol."""
    end: int
    """End of the figure including its unit (and counted noun)."""
    number_start: int
    value: Decimal
    unit: Unit | None
    """None for a bare number (no currency, percent or counted noun)."""
    approximate: bool = False
    value_max: Decimal | None = None
    noun: str | None = None
    """The counted noun phrase as written ("idle production units")."""
    scaled: bool = False
    """True when a scale word was written ("5.2 million")."""
    approx_word: str | None = None

    @property
    def kind(self) -> str | None:
        """The unit's kind (money, percent, point, count, measure), None when bare."""
        return self.unit.kind if self.unit else None


@cache
def _unit_forms() -> dict[str, Unit]:
    """Surface form (lower case unless it is a code or symbol) -> unit."""
    forms: dict[str, Unit] = {}
    for unit in vocab.units():
        for label in unit.labels:
            # codes and symbols keep their case ("MW", "US$"); words are matched in lower case
            forms.setdefault(label if label.isupper() else label.lower(), unit)
    return forms


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    forms = _unit_forms()
    words = [f for f in forms if re.fullmatch(r"[\w' /-]+", f) and not f.isupper()]
    codes = [f for f in forms if f.isupper() and f.isalpha()]
    symbols = sorted(_CURRENCY_SYMBOLS, key=len, reverse=True)
    number = (
        rf"(?P<approx>(?:{_APPROX})\s+)?"
        rf"(?P<pre>{vocab.alternation(symbols)}|(?:{vocab.alternation(codes)})\s?)?"
        rf"(?P<num>{_DIGITS}|\b(?:{_WORDNUM})\b)"
        rf"(?:(?P<sep>\s?-?\s?)(?P<scale>(?:{_SCALE})(?:\s(?:{_SCALE}))?)\b)?"
        rf"(?P<range>\s?(?:-|–|to|and)\s?(?:{vocab.alternation(symbols)})?"
        rf"(?P<num2>{_DIGITS})(?:\s?-?\s?(?P<scale2>(?:{_SCALE}))\b)?)?"
        rf"(?P<post>\s?(?:%|percentage points?|basis points?|percent|per\s?cent|pct"
        rf"|(?:{vocab.alternation(codes)})\b|cents?\b|pence\b))?"
    )
    # Modifiers are lower case or acronyms ("idle production", "IT"): a capitalised word after a
    # number starts a name ("4.0 International License"), not a counted noun.
    noun = re.compile(
        # "386 industrial, mining and trade projects": a list of kinds, commas and all
        rf"(?P<mods>(?:(?:[a-z][\w’'-]*,?|[A-Z]{{2,}}s?)\s+){{0,4}}?)"
        # an acronym's plural is a counted noun too ("2,460 SMEs")
        rf"(?P<noun>{vocab.alternation(words)}|(?:{vocab.alternation(codes)})s?)\b"
    )
    return re.compile(number), noun


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text`` (one sentence), in order; non-figures are dropped."""
    number_re, noun_re = _patterns()
    found: list[Quantity] = []
    position = 0
    while (match := number_re.search(text, position)) is not None:
        quantity = _read(text, match, noun_re)
        if quantity is not None:
            found.append(quantity)
        if match.group("num2") and (quantity is None or quantity.value_max is None):
            # a dropped "range" may be a year and a figure ("in March 2019 to $3.2 billion"),
            # or a change and its level ("rose 32,000 to 1.41 million"): read the second again
            position = max(match.start("range"), position + 1)
        else:
            position = max(match.end(), position + 1)
    return _merge_ranges(text, found)


def _merge_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """Join "3% to 3.5%" and "between 5% and 7%" (each end with its own unit) into one range."""
    merged: list[Quantity] = []
    for quantity in found:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.value_max is None
            and last.unit is not None
            and quantity.unit == last.unit
            and not quantity.approx_word
        ):
            joiner = text[last.end : quantity.start].strip().lower()
            before = text[max(0, last.start - 12) : last.start].lower()
            if (joiner in ("to", "-", "–") and "from" not in before) or (
                joiner == "and" and "between" in before
            ):
                merged[-1] = replace(last, end=quantity.end, value_max=quantity.value)
                continue
        merged.append(quantity)
    return merged


def _read(text: str, match: re.Match[str], noun_re: re.Pattern[str]) -> Quantity | None:
    raw = match.group("num")
    num_start = match.start("num")
    word_number = raw[0].isalpha()
    scale_text = (match.group("scale") or "").lower()
    if scale_text in ("m", "k") and match.group("sep"):
        scale_text = ""  # "5 m" is metres more often than millions; "$5m" is millions
    if word_number and raw.lower() == "a" and not scale_text:
        return None
    if _is_not_a_figure(text, match, word_number):
        return None
    value = _number(raw)
    if value is None:
        return None
    scale = _scale(scale_text)
    end = match.end("scale") if scale_text else match.end("num")
    value_max = None
    if match.group("num2") and _range_ok(text, match):
        value_max = _number(match.group("num2"))
        scale2 = _scale((match.group("scale2") or "").lower())
        if value_max is not None:
            scaled = scale2 if scale2 != 1 and scale == 1 else scale
            value_max *= scale2 if scale2 != 1 else scale
            if value * scaled <= value_max:
                scale = scaled
                end = match.end("range")
            else:
                # "rose 32,000 to 1.41 million": a change and the level it led to, no range
                value_max = None
    value *= scale
    pre = (match.group("pre") or "").strip()
    post = (match.group("post") or "").strip().lower()
    unit: Unit | None = None
    noun = None
    if pre:
        unit = (
            vocab.unit_by_notation(_CURRENCY_SYMBOLS[pre])
            if pre in _CURRENCY_SYMBOLS
            else _unit_forms().get(pre)
        )
    if post:
        end = match.end("post")
        if post.startswith("percentage"):
            unit = vocab.unit_by_notation("PERCENTAGE-POINT")
        elif post in ("%", "pct") or post.startswith("per"):
            unit = vocab.unit_by_notation("PERCENT")
        elif post.startswith("basis"):
            unit = vocab.unit_by_notation("PERCENTAGE-POINT")
            value /= 100
            value_max = value_max / 100 if value_max is not None else None
        elif post.startswith(("cent", "pence")):
            unit = unit or vocab.unit_by_notation("GBP" if post == "pence" else "USD")
            value /= 100
            value_max = value_max / 100 if value_max is not None else None
        else:
            unit = _unit_forms().get(match.group("post").strip())
    if unit is None:
        noun_start = end + (1 if text[end : end + 1] == " " else 0)
        partitive = _PARTITIVE.match(text, end)
        if partitive is not None and not word_number:
            # "388 of the revived units": the units the whole is counted in
            noun_start = partitive.end()
        noun_match = noun_re.match(text, noun_start)
        if noun_match and _modifiers_ok(noun_match.group("mods")):
            unit = _unit_forms().get(noun_match.group("noun").lower()) or _unit_forms().get(
                noun_match.group("noun")
            )
            if unit is not None:
                noun = noun_match.group(0)
                end = noun_match.end()
    elif unit.kind == MONEY:
        # "15 trillion rials": the currency word after the number
        pass
    if unit is not None and unit.rial_factor:
        value *= unit.rial_factor
        value_max = value_max * unit.rial_factor if value_max is not None else None
        unit = vocab.unit_by_notation("IRR")
    if unit is not None and unit.base and unit.factor:
        # "600 mcm/d" is 600 million cubic metres per day: stored in the base unit
        value *= unit.factor
        value_max = value_max * unit.factor if value_max is not None else None
        unit = vocab.units_by_iri()[unit.base]
    if (
        word_number
        and unit is None
        and not _MORE_OF_THE_SAME.search(text, max(0, num_start - 8), end + 6)
    ):
        return None  # "one", "two" in prose; but "another nine", "three more" count
    if unit is not None and unit.kind in (PERCENT, POINT) and noun is None and value > 1000:
        return None
    approx_word = (match.group("approx") or "").strip().lower() or None
    start = match.start("approx") if approx_word else match.start("pre") if pre else num_start
    return Quantity(
        start=start,
        end=end,
        number_start=num_start,
        value=tidy(value),
        unit=unit,
        approximate=approx_word is not None and approx_word not in ("estimated", "an estimated"),
        value_max=tidy(value_max) if value_max is not None else None,
        noun=noun,
        scaled=bool(scale_text),
        approx_word=approx_word,
    )


def currency_word_unit(text: str, end: int) -> tuple[Unit, int] | None:
    """A currency word right after ``end`` ("rials", "dollars"), with the offset after it."""
    match = re.match(r"\s?([A-Za-z$£€]+(?:\s[a-z]+)?)", text[end:])
    if not match:
        return None
    for candidate in (match.group(1), match.group(1).split(" ")[0]):
        unit = _unit_forms().get(candidate.lower()) or _unit_forms().get(candidate)
        if unit is not None and unit.kind == MONEY:
            return unit, end + match.start(1) + len(candidate)
    return None


#: A count of part of a group: "388 of the revived units", "40 of these projects".
_PARTITIVE = re.compile(r"\s+of\s+(?:the|these|those)\s+")


#: A plural noun right after a bare number, with up to two modifiers: "12 million policies".
_PLURAL_NOUN = re.compile(r" (?P<noun>(?:[a-z][a-z-]+ ){0,4}?[a-z][a-z-]+(?:[^s\W]s|[a-z]men))\b")
#: Words that end no counted noun: function words, and plurals that measure time or repeat.
_NOT_COUNTED = _NOT_MODIFIERS | frozenset(
    ["times", "hours", "minutes", "seconds", "decades", "centuries"]
)


def unknown_count_noun(text: str, end: int) -> str | None:
    """The plural noun a bare number at ``end`` counts when the vocabulary has no unit for it
    ("21,400 artisans", "12 million policies"); None when no such noun follows."""
    match = _PLURAL_NOUN.match(text, end)
    if match is None:
        return None
    words = match.group("noun").split()
    if not _modifiers_ok(" ".join(words[:-1])) or words[-1] in _NOT_COUNTED:
        return None
    return match.group("noun")


#: Modifiers that list kinds: "industrial, mining and trade", "oil, gas, and petrochemical".
_KIND_LIST = re.compile(r"(?:[a-z][\w-]*,\s+){1,2}(?:[a-z][\w-]*,?\s+)?(?:and|or)\s+[a-z][\w-]*")


def _modifiers_ok(mods: str) -> bool:
    if "," in mods:
        # only a list of kinds that "and" or "or" closes: "industrial, mining and trade"
        return _KIND_LIST.fullmatch(mods.strip()) is not None
    words = mods.split()
    if len(words) >= 3 and words[1] in ("and", "or"):
        # "1,062 idle and semi-active production units": two modifiers joined
        words = [words[0], *words[2:]]
    return (
        len(words) <= 3
        and all(w.strip("’'") not in _NOT_MODIFIERS for w in words)
        and not any(re.search(r"\d", w) for w in words)
    )


def _range_ok(text: str, match: re.Match[str]) -> bool:
    """A range, not "from X to Y" (a change) nor two figures joined by "and"."""
    joiner = match.group("range").strip().split(" ")[0] if match.group("range") else ""
    before = text[max(0, match.start() - 12) : match.start("num")].lower()
    if joiner.startswith("to"):
        # "rose 12,000 to 95,000": a change, then the level it led to
        changed = re.search(
            r"\b(?:rose|fell|grew|increased|decreased|dropped|declined|climbed|jumped|by)\s+$",
            before,
        )
        return "from" not in before and changed is None
    if joiner.startswith("and"):
        return "between" in before
    return True


#: A word number that counts more of what was counted before: "another nine", "three more".
_MORE_OF_THE_SAME = re.compile(r"\banother\s+[a-z]+\b|\b[a-z]+\s+more\b(?!\s+than)")


def _is_not_a_figure(text: str, match: re.Match[str], word_number: bool) -> bool:
    start, end = match.start("num"), match.end("num")
    raw = match.group("num")
    before = text[max(0, start - 25) : start]
    after = text[end : end + 25]
    if re.search(r"[A-Za-z]$", before) or (
        re.match(r"[A-Za-z]", after) and not re.match(rf"(?:{_SCALE})\b|%", after, re.IGNORECASE)
    ):
        return True  # part of a word or a name: "A321", "4G", "1st", "G20"
    if re.match(r"(?:st|nd|rd|th)\b", after) or re.search(r"(?:No\.|#)\s?$", before):
        return True
    if re.match(r"[:/]\d|\.\d+\.\d", after) or re.search(r"\d[:/.]$", before):
        return True  # times, dates written with slashes, version numbers
    if re.search(r"[+(]\d*$|\d-$", before) and re.match(r"[-\s]?\d{3,}", after):
        return True  # phone numbers
    if re.search(rf"\b(?:{_MONTHS})\.?\s$", before) or (
        re.match(rf",?\s(?:{_MONTHS})\b", after) and not match.group("post")
    ):
        return True  # "March 19", "19 March"
    if re.match(r"[- ](?:year|month|week|day)s?[- ]old", after) or re.search(
        # "aged 15 to 24", "between the ages of 18 and 35": both ends of an age band
        r"\b(?:aged|age of|ages of|ages)\s(?:\d{1,2}\s?(?:to|and|-|–)\s?)?$",
        before,
    ):
        return True
    if word_number and raw.lower() == "one" and re.match(r"\s+of\b", after):
        return True
    if (
        not word_number
        and not match.group("pre")
        and not match.group("post")
        and re.fullmatch(r"(?:1[3-4]|19|20)\d\d", raw)
        and not match.group("scale")
    ):
        return _looks_like_year(before, after)
    return False


def _looks_like_year(before: str, after: str) -> bool:
    """A four-digit number in year range is a year unless a counted noun follows it; after an
    article or "its" it is a year that qualifies a noun ("a 2003 bond deal")."""
    if re.match(
        r"\s*(?:[-–]\s?\d{2,4}\b|\)|,|\.|;|$|\s(?:and|to|fiscal|Iranian|calendar|year"
        r"|figures|results|levels?|budget|period|performance|forecasts?|plan|target))",
        after,
    ):
        return True
    return bool(
        re.search(
            r"(?:in|since|until|till|by|of|from|during|year|before|after|early"
            r"|late|mid|end|throughout|for|’s|'s|\ba|\ban|\bthe|\bits|\btheir)\s?$",
            before,
            re.IGNORECASE,
        )
    )


def tidy(value: Decimal) -> Decimal:
    """``value`` without exponent or trailing zeros ("1.4E+3" -> "1400", "8.50" -> "8.5")."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _number(raw: str) -> Decimal | None:
    lowered = raw.lower()
    if lowered[0].isalpha():
        if "-" in lowered:
            tens, unit = lowered.split("-", 1)
            return Decimal(_WORD_NUMBERS[tens] + _WORD_NUMBERS[unit])
        return Decimal(str(_WORD_NUMBERS[lowered]))
    try:
        return Decimal(raw.replace(",", ""))
    except InvalidOperation:
        return None


def _scale(scale_text: str) -> Decimal:
    result = Decimal(1)
    for word in scale_text.split():
        result *= _SCALES.get(word, Decimal(1))
    return result


__all__ = [
    "COUNT",
    "MONEY",
    "PERCENT",
    "POINT",
    "Quantity",
    "currency_word_unit",
    "find_quantities",
]
