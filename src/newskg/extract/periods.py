"""Periods: Gregorian dates, months, quarters, fiscal and calendar years, and the Iranian (Solar
Hijri) calendar.

Solar Hijri periods are computed with ``jdatetime``, never by hand; the wording goes to the label.
Relative periods ("the current Iranian calendar year", "last year", "so far this year") are
resolved from the article's publication date, else from an explicit Gregorian date in the same
sentence ("(March 19, 2020)", "(ends in March 2021)"), else from the year an earlier sentence of
the article resolved. An explicit Gregorian range in the sentence ("(March 20-June 20)") wins over
a computed one.

A period plays one of four roles for the figures of its sentence (``Role``): what they cover;
a comparison base ("up 27% from its 2003 performance": the figures are of the year after); a
shift ("£125m a year earlier": that figure is a period before the sentence's); or the time of a
statement ("back in August"). A period whose year is not written ("the fourth quarter", "the
three months to December") is ``pending``: ``timeframes`` gives it the year of a comparison or
of the article's results.
"""

from __future__ import annotations

import calendar
import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

import jdatetime

_MONTH_NAMES = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTH_NAMES["sept"] = 9
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
IRANIAN_MONTHS = [
    "farvardin", "ordibehesht", "khordad", "tir", "mordad", "shahrivar", "mehr", "aban", "azar",
    "dey", "bahman", "esfand",
]  # fmt: skip
_IRANIAN_SPELLINGS = {"amordad": 5, "day": 10, "shahrivar": 6}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "last": -1, "final": -1,
}  # fmt: skip
_COUNTS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_NUM = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_IR_YEAR = r"1[34]\d\d"
_GREG_YEAR = r"(?:19|20)\d\d"
_YEAR_WORDS = r"(?:Iranian\s+|Persian\s+|solar\s+)?(?:calendar\s+|fiscal\s+|financial\s+)?year"
_RELATIVE = r"current|this|present|ongoing|past|last|previous|preceding|next|coming|upcoming"
_YEAR_REF = (
    rf"(?:the\s+)?(?P<rel>{_RELATIVE})\s+{_YEAR_WORDS}"
    # "the previous Iranian calendar year 1399", "the previous year, 1402": the number wins
    rf"(?:(?:\s+|,\s+)(?:of\s+)?(?P<year6>{_IR_YEAR})\b)?"
    rf"|(?:the\s+)?{_YEAR_WORDS}\s+(?:of\s+)?(?P<year1>{_IR_YEAR}|{_GREG_YEAR})"
    rf"|(?P<year3>{_IR_YEAR})\s+(?:Iranian\s+|Persian\s+)?(?:calendar|fiscal)\s+year"
    rf"|(?:(?<=\bin\s)|(?<=\bof\s)|(?<=\bat\s))(?P<year2>{_IR_YEAR}|{_GREG_YEAR})(?!\s*[-–]\s*\d)"
    rf"(?!\s+(?:idle\s+|production\s+|small\s+|new\s+)*(?:units?|jobs?|people|persons)\b)"
    rf"|(?:(?<=\bfor\s)|(?<=\bduring\s)|(?<=\bthroughout\s)|(?<=\bfor\sall\sof\s)|(?<=\bfor\smuch\sof\s)"
    rf"|(?<=\bthe\swhole\sof\s))(?P<year4>{_IR_YEAR}|{_GREG_YEAR})\b"
    rf"|(?P<year5>{_GREG_YEAR})(?=['’]s\s)"
)
_PART = (
    rf"(?:the\s+)?(?:(?P<which>first|last|past|final|second)\s+(?P<count>{_NUM})\s+months"
    rf"|(?P<qord>first|second|third|fourth|last|final)\s+(?:quarter|three\s+months)"
    rf"|(?P<hord>first|second)\s+half"
    rf"|(?P<mord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
    rf"|twelfth|last)\s+month)\s+of\s+"
)
_COMPARE = r"(?:from|on|over|than|against|versus|vs\.?|compared\s+(?:with|to))"
_IRANIAN_CUES = re.compile(
    r"Iranian\s+(?:calendar|year|fiscal|month)|Persian\s+calendar|solar\s+(?:hijri\s+)?year"
    r"|\b(?:Farvardin|Ordibehesht|Khordad|Shahrivar|Esfand|Bahman|Aban|Azar)\b"
    r"|\b(?:year|in|since)\s+1[34]\d\d\b|\bTEHRAN\b",
    re.IGNORECASE,
)
_RANGE_GLOSS = re.compile(
    rf"\(\s*(?:from\s+)?(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:,?\s+(?P<y1>{_GREG_YEAR}))?\s*"
    # "(August 23-29)": a span within one month writes the month once
    rf"(?:-|–|to|until)\s*(?:(?P<m2>{_MONTH})\s+)?(?P<d2>\d{{1,2}})(?:,?\s+(?P<y2>{_GREG_YEAR}))?\s*\)",
    re.IGNORECASE,
)
_DATE = re.compile(
    rf"(?P<m>{_MONTH})\s+(?:(?P<d>\d{{1,2}}),?\s+)?(?P<y>{_GREG_YEAR})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>{_GREG_YEAR})",
    re.IGNORECASE,
)
_FISCAL_END = re.compile(
    rf"(?:12|twelve)\s+months\s+(?:to|ending|ended)\s+(?:\d{{1,2}}\s+)?(?P<m>{_MONTH})"
    rf"|fiscal\s+year\s+(?:that\s+)?(?:ends|ending|ended|runs\s+to)\s+(?:on\s+)?(?:\d{{1,2}}\s+)?"
    rf"(?P<m2>{_MONTH})",
    re.IGNORECASE,
)


class Role(StrEnum):
    """What a period is to the figures of its sentence."""

    OWN = "own"
    """The period the figures cover."""
    BASE = "base"
    """A comparison base: the figures are of the next period ("up 10% on 2003")."""
    SHIFT = "shift"
    """The figure before it is one period before the sentence's ("a year earlier")."""
    STATEMENT = "statement"
    """When something was said ("back in August"), no period of a figure."""


@dataclass(frozen=True)
class Pending:
    """Months of a year that the text does not write: they end with month ``last_month`` of the
    year and span ``months`` months; ``iranian`` counts them in the Solar Hijri calendar."""

    last_month: int
    months: int
    iranian: bool = False


@dataclass(frozen=True)
class Period:
    """A period found in a sentence; offsets are into the sentence."""

    start: int
    end: int
    first: date | None
    last: date | None
    label: str
    role: Role = Role.OWN
    pending: Pending | None = None
    """The months when only the year is missing ("the fourth quarter")."""
    shift: str | None = None
    """For ``Role.SHIFT``: ``year``, ``quarter`` or ``month``; for "the same period of 2003"
    (``Role.OWN``): ``same``, with the year in ``label``."""
    annual: bool = False
    """Written as a whole year without saying which ("full-year", "annual", "for the year")."""
    deadline: bool = False
    """Written as the end of a month ("by the end of Shahrivar"): what is planned by then has no
    start; what was done by then counts from the start of the Iranian year."""

    @property
    def resolved(self) -> bool:
        """True when the period has a date."""
        return self.first is not None or self.last is not None


@dataclass
class CalendarContext:
    """What an article's relative periods are anchored on; updated sentence by sentence."""

    iranian: bool
    published: date | None
    iranian_year: int | None = None
    gregorian_year: int | None = None
    fiscal_end_month: int | None = None
    """The month the article's fiscal years end in ("the 12 months to 30 September")."""
    plan: int | None = None
    """The first year of the development plan the article named last ("the end of the plan")."""
    latest_named: date | None = None
    """Without a publication date, the latest full date the text names: it was written after."""

    @classmethod
    def for_article(
        cls, text: str, published: date | None, sentences: Sequence[str] = ()
    ) -> CalendarContext:
        """The context of an article: Iranian when it speaks of the Iranian calendar; an undated
        one takes its current year from the first of its ``sentences`` that dates it."""
        context = cls(iranian=bool(_IRANIAN_CUES.search(text)), published=published)
        if published is not None:
            context.iranian_year = iranian_year_of(published)
            context.gregorian_year = published.year
        else:
            # an undated article's first gloss ("the past Iranian year 1401 (ended March 20,
            # 2023)") fixes "the current year" for the sentences before it too
            for sentence in sentences:
                _anchor_from_gloss(sentence, context)
                if context.iranian_year is not None:
                    break
            context.latest_named = _latest_full_date(text)
        fiscal = _FISCAL_END.search(text) if re.search(r"\bfiscal\b", text, re.I) else None
        if fiscal is not None:
            context.fiscal_end_month = _month(fiscal.group("m") or fiscal.group("m2"))
        return context


def iranian_article(text: str) -> bool:
    """True for an article that speaks of the Iranian calendar or is filed from Tehran: the
    kind of article Iranian outlets write."""
    return _IRANIAN_CUES.search(text) is not None


# ----------------------------------------------------------------------------- calendars


def iranian_year(year: int) -> tuple[date, date]:
    """First and last Gregorian day of Solar Hijri ``year``."""
    return iranian_months(year, 1, 12)


def iranian_months(year: int, first: int, last: int) -> tuple[date, date]:
    """First day of month ``first`` and last day of month ``last`` of Solar Hijri ``year``."""
    start = jdatetime.date(year, first, 1).togregorian()
    after = jdatetime.date(year + 1, 1, 1) if last == 12 else jdatetime.date(year, last + 1, 1)
    return start, after.togregorian() - timedelta(days=1)


def iranian_year_of(day: date) -> int:
    """The Solar Hijri year that contains ``day``."""
    return int(jdatetime.date.fromgregorian(date=day).year)


def gregorian_months(year: int, last_month: int, months: int) -> tuple[date, date]:
    """The ``months`` Gregorian months that end with month ``last_month`` of ``year``."""
    index = year * 12 + last_month - months
    first = date(index // 12, index % 12 + 1, 1)
    return first, date(year, last_month, calendar.monthrange(year, last_month)[1])


def with_year(period: Period, year: int) -> Period:
    """A pending ``period`` resolved in (Gregorian or Solar Hijri) ``year``."""
    pending = period.pending
    if pending is None:
        return period
    if pending.iranian:
        first, last = iranian_months(year, pending.last_month - pending.months + 1,
                                     pending.last_month)  # fmt: skip
        label = f"Iranian year {year}, months {pending.last_month - pending.months + 1}-" + str(
            pending.last_month
        )
    else:
        first, last = gregorian_months(year, pending.last_month, pending.months)
        label = f"{period.label} {year}" if str(year) not in period.label else period.label
    return replace(period, first=first, last=last, label=label, pending=None)


def shifted(
    first: date | None, last: date | None, unit: str, count: int = -1
) -> tuple[date | None, date | None]:
    """``first``..``last`` moved by ``count`` years, quarters or months (month ends kept)."""
    months = {"year": 12, "quarter": 3, "month": 1}[unit] * count
    return _move(first, months), _move(last, months)


def _move(day: date | None, months: int) -> date | None:
    if day is None:
        return None
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    length = calendar.monthrange(year, month)[1]
    month_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return date(year, month, length if month_end else min(day.day, length))


def fiscal_year(year: int, end_month: int | None) -> tuple[date, date]:
    """The fiscal year ``year`` that ends with month ``end_month`` (December when unknown)."""
    return gregorian_months(year, end_month or 12, 12)


def _month(name: str) -> int:
    return _MONTH_NAMES[name.lower().rstrip(".")]


def _count(text: str) -> int:
    return int(text) if text.isdigit() else _COUNTS[text.lower()]


# ------------------------------------------------------------------------------ patterns

#: The weeks the Iranian calendar names, as (month, first day, last day) of the Solar Hijri year:
#: Government Week is Shahrivar 2-8.
_NAMED_WEEKS = {"Government": (6, 2, 8)}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "the first six months of the current Iranian calendar year"
    # "the first eight months of the year": a part of a bare year is of the current one
    ("part", re.compile(rf"{_PART}(?:{_YEAR_REF}|(?:the\s+)?(?P<cur>{_YEAR_WORDS})\b)", re.I)),
    # "the spring of the Iranian year 1403", "the coming winter", "in the autumn"
    ("season", re.compile(
        rf"\b(?:the\s+)?(?:(?P<srel>{_RELATIVE})\s+)?(?P<season>spring|summer|autumn|winter)"
        rf"(?!['’]s)\b(?:\s+(?:of\s+)?(?:{_YEAR_REF}|(?P<sy>{_IR_YEAR})\b))?", re.I)),
    # "during the Government Week (August 23-29)", "in the Government Week of the past year"
    ("named_week", re.compile(
        rf"\b(?:the\s+)?(?P<week>{'|'.join(_NAMED_WEEKS)})\s+Week\b"
        rf"(?:\s+of\s+(?:{_YEAR_REF}|(?P<wy>{_IR_YEAR})\b))?", re.I)),
    # "the 2005 fiscal year", "fiscal 2005", "FY2005"
    ("fiscal", re.compile(
        rf"\b(?:the\s+)?(?P<year>{_GREG_YEAR})\s+fiscal\s+year|\bfiscal\s+(?:year\s+)?"
        rf"(?P<year2>{_GREG_YEAR})\b|\bFY\s?(?P<year3>{_GREG_YEAR})\b", re.I)),
    # "the three months to December", "the three months to 31 December 2004"
    ("months_to", re.compile(
        rf"(?:the\s+)?(?P<count>{_NUM})\s+months\s+(?:to|ending|ended)\s+(?:the\s+end\s+of\s+)?"
        rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH})(?:\s+(?P<day2>\d{{1,2}})\b)?,?"
        rf"(?:\s+(?P<year>{_GREG_YEAR}))?", re.I)),
    # "the year to March 2005", "the year to 31 December"
    ("year_to", re.compile(
        rf"(?:the\s+)?(?:(?:full\s+)?year|12\s+months|twelve\s+months)(?:\s+results)?\s+(?:to"
        rf"|ending|ended)\s+(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH})"
        rf"(?:\s+(?P<day2>\d{{1,2}})\b)?,?(?:\s+(?P<year>{_GREG_YEAR}))?", re.I)),
    # "the October-to-December quarter"
    ("month_range", re.compile(
        rf"\b(?P<m1>{_MONTH})[-–](?:to-)?(?P<m2>{_MONTH})\s+(?:quarter|period)"
        rf"|\bbetween\s+(?P<m3>{_MONTH})\s+and\s+(?P<m4>{_MONTH})(?!\s+\d)", re.I)),
    ("quarter", re.compile(
        rf"(?<!\ba\s)\b(?:Q(?P<qn>[1-4])|(?:the\s+|its\s+|this\s+)?(?P<qord>first|second|third"
        rf"|fourth|final|last)[- ]quarter)(?:\s+(?:of\s+)?(?P<year>{_GREG_YEAR}))?", re.I)),
    ("half", re.compile(
        rf"\b(?:H(?P<hn>[12])|(?:the\s+)?(?P<hord>first|second)\s+half)"
        rf"(?:\s+(?:of\s+)?(?P<year>{_GREG_YEAR}))?", re.I)),
    ("between", re.compile(
        rf"\b(?:between|from)\s+(?:the\s+years\s+)?(?P<y1>{_GREG_YEAR})\s+(?:and|to)\s+"
        rf"(?P<y2>{_GREG_YEAR})\b|\bthe\s+years\s+from\s+(?P<y3>{_GREG_YEAR})\s+to\s+"
        rf"(?P<y4>{_GREG_YEAR})\b", re.I)),
    # "since the scheme was launched in 2022", "since the program began in 1394": open end
    ("since_event", re.compile(
        r"\bsince\s+(?:the|its|this)\s+(?:[a-z-]+\s+){1,3}(?:was|were|had\s+been)?\s*"
        r"(?:launched|introduced|implemented|set\s+up|began|started|opened|created)\s+in\s+"
        rf"(?:the\s+(?:Iranian\s+)?(?:calendar\s+)?year\s+)?(?P<year>{_GREG_YEAR}|{_IR_YEAR})\b",
        re.I)),
    # "since April 2004 when it reached a peak": the month itself
    ("since_when", re.compile(
        rf"\bsince\s+(?P<month>{_MONTH})\s+(?P<year>{_GREG_YEAR})(?=,?\s+when\b)", re.I)),
    ("since", re.compile(
        rf"\b(?:since|from\s+the\s+(?:beginning|start)\s+of)\s+"
        # "since the purchasing season opened on April 12": the day the event is dated
        rf"(?:(?:the|its|this)\s+(?:[a-z-]+\s+){{1,3}}(?:was\s+|were\s+)?(?:launched|began|started"
        rf"|opened|kicked\s+off)\s+on\s+(?={_MONTH}\s+\d))?"
        # "since the 11 September 2001 attacks": the date of an event
        rf"(?:the\s+(?=\d{{1,2}}\s+{_MONTH}\s+{_GREG_YEAR}))?(?:(?P<when>early|mid|late)[- ])?"
        rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH})?(?:\s+(?P<day2>\d{{1,2}})\b,?)?"
        rf"(?:\s*(?P<year>{_GREG_YEAR}))?\b", re.I)),
    # "as of May 10": the day a count was made
    ("as_of", re.compile(
        # "as of Monday (May 13)": the weekday glossed with its date
        rf"\bas\s+(?:of|at)\s+(?:[A-Z][a-z]+day\s+\()?(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})"
        rf"|(?P<month2>{_MONTH})\s+(?P<day2>\d{{1,2}}))\b(?:,?\s+(?P<year>{_GREG_YEAR}))?\)?",
        re.I)),
    ("end_of", re.compile(
        rf"\b(?:by|at)\s+the\s+end\s+of\s+(?:(?P<year>{_GREG_YEAR})|(?P<rel>last|this)\s+year)\b"
        # "at the end of 1400", "at the end of the past Iranian year 1401": a level on that day
        rf"|\bat\s+the\s+end\s+of\s+(?:the\s+(?:past|last|previous)\s+(?:Iranian\s+)?"
        rf"(?:calendar\s+)?year\s+)?(?P<iyear>{_IR_YEAR})\b",
        re.I)),
    ("by", re.compile(
        rf"\b(?:by|until|till|through)\s+(?:at\s+least\s+)?(?:the\s+end\s+of\s+)?"
        # "a target of exporting 20 million tons a year by 1404": to the end of that Iranian year
        rf"(?P<year>{_GREG_YEAR})\b|\b(?:by|until|till)\s+(?P<iyear>{_IR_YEAR})\b", re.I)),
    ("iranian_month", re.compile(
        r"\b(?:(?:in|during|since|until|of|through|the\s+month\s+of|end\s+of)\s+(?:the\s+)?"
        r"(?:(?:past|last|previous|current|this)\s+)?(?:Iranian\s+)?(?:calendar\s+)?"
        r"(?:month\s+of\s+)?)(?P<month>Farvardin|Ordibehesht|Khordad|Tir|Mordad|Amordad|Shahrivar"
        r"|Mehr|Aban|Azar|Dey|Day|Bahman|Esfand)(?!\s+News)(?:\s+(?P<year>1[34]\d\d))?\b")),
    ("same_period", re.compile(
        # "of last year", "in the previous year": the year before, as "last year" alone is
        rf"\b(?:the\s+)?same\s+(?:period|quarter|month|season|time|point)\s+(?:(?:of|in)\s+(?:the\s+)?"
        rf"(?:(?:last|previous|preceding|prior)\s+)?|last\s+)(?P<year>{_GREG_YEAR}|year)\b", re.I)),
    ("shift", re.compile(
        r"\b(?:a\s+)?year[- ]earlier\b|\ba\s+year\s+(?:ago|before|earlier)\b"
        r"|\b(?<=in\s)the\s+year\s+before\b(?!\s+last)"
        r"|\b(?:the\s+)?(?:previous|preceding|prior)\s+(?:fiscal\s+|financial\s+|calendar\s+)?"
        r"(?P<unit>year|quarter|month)\b", re.I)),
    ("month", re.compile(
        rf"\b(?P<prep>in|during|for|of|since|from|on|than|against|to|at\s+the\s+end\s+of)\s+"
        rf"(?:the\s+month\s+of\s+)?(?P<month>{_MONTH})(?:\s+(?P<year>{_GREG_YEAR}))?\b(?!\s+\d)")),
    # "up from 5,930 at the start of the year": the level on the year's first day
    ("year_start", re.compile(
        r"\b(?:at|on)\s+the\s+(?:start|beginning)\s+of\s+the\s+(?:current\s+)?(?:Iranian\s+)?"
        r"(?:calendar\s+|fiscal\s+)?year\b(?!\s*\d)", re.I)),
    ("so_far", re.compile(
        r"\b(?:so\s+far|to\s+date|thus\s+far|up\s+to\s+now|since\s+the\s+(?:beginning|start)"
        r"\s+of\s+(?:the\s+)?(?:current\s+|this\s+)?(?:Iranian\s+)?(?:calendar\s+|fiscal\s+)?year)"
        r"(?:\s+this\s+year)?", re.I)),
    ("year_end", re.compile(r"\b(?:by\s+)?(?:the\s+)?year[- ]?end\b", re.I)),
    # "by the end of the year": the current year, as "by yearend"
    ("year_end", re.compile(
        r"\b(?:by|until|till|before|at)\s+the\s+end\s+of\s+the\s+(?:Iranian\s+)?"
        r"(?:calendar\s+|fiscal\s+)?year\b(?!\s*\d)", re.I)),
    # "by the end of the Seventh Development Plan", "under the Sixth Plan"; "by the end of the
    # plan": the one named before
    ("plan", re.compile(
        r"\b(?P<by>(?:by|until|till|before|at)\s+the\s+end\s+of\s+)?(?:the\s+)?"
        r"(?:(?P<ordinal>Fifth|Sixth|Seventh|Eighth)\s+(?:Five-Year\s+)?(?:National\s+)?"
        r"(?:Economic,?\s+(?:Social\s+and\s+Cultural\s+)?)?(?:Development\s+)?Plan\b"
        r"|(?<=the\send\sof\sthe\s)(?:development\s+)?plan\b"
        # "The Seventh Development Plan wants us to reach 55 million tons by its end"
        r"|(?P<its_end>(?<=\bby\s)its\s+end\b))", re.I)),
    ("base", re.compile(
        rf"\b{_COMPARE}\s+(?:its\s+|the\s+|their\s+)?(?P<year>{_GREG_YEAR})(?:['’]s)?"
        rf"(?:\s+(?:performance|figures?|results|levels?|total|period|numbers))?\b(?!\s+(?:and|to)\s+\d)",
        re.I)),
    ("year", re.compile(rf"\b(?:{_YEAR_REF})\b", re.I)),
    ("annual", re.compile(
        r"\b(?:full[- ]year|annual|for\s+the\s+year|(?:for|in|over)\s+the\s+(?:whole|full|entire)"
        r"\s+year|the\s+year['’]s|yearly)\b", re.I)),
]  # fmt: skip


def find_periods(sentence: str, context: CalendarContext) -> list[Period]:
    """Every period in ``sentence``, resolved against ``context`` (which it may update)."""
    # an editor's square-bracketed gloss ("[ended March 19, 2024]") reads like a bracketed one;
    # one character for another keeps every offset
    sentence = sentence.translate(_SQUARE)
    _anchor_from_gloss(sentence, context)
    found: list[Period] = []
    count_days: list[Period] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            if match.end() == match.start() or any(
                match.start() < e and s < match.end() for s, e in taken
            ):
                continue
            period = _resolve(kind, match, sentence, context)
            if period is not None:
                found.append(_with_role(period, sentence))
                taken.append((match.start(), match.end()))
                if kind == "as_of":
                    count_days.append(found[-1])
    gloss = _RANGE_GLOSS.search(sentence)
    if gloss:
        found = [_apply_range_gloss(p, gloss, sentence) for p in found]
        if not any(p.start <= gloss.start() < p.end for p in found):
            # "in the summer (June 22-September 22)": the written range is the period
            alone = _gloss_period(gloss, context)
            found += [alone] if alone is not None else []
    found = _closed_by_count_day(found, count_days)
    found = [p for p in found if not _year_named_before(p, found, sentence)]
    found = _years_from_comparison(found)
    return sorted(_open_years_so_far(found, sentence), key=lambda p: p.start)


def _closed_by_count_day(found: list[Period], days: list[Period]) -> list[Period]:
    """ "as of May 10, ... since the start of the year": the open period ends on that day
    (``days``: the "as of" periods among ``found``)."""
    opened = [p for p in found if p.first is not None and p.last is None]
    if len(days) != 1 or len(opened) != 1:
        return found
    closed = replace(opened[0], last=days[0].last)
    return [closed if p is opened[0] else p for p in found if p is not days[0]]


def _years_from_comparison(found: list[Period]) -> list[Period]:
    """Gregorian periods without a year in a sentence that compares with a dated one of the
    year before: "77m euros in the fourth quarter, up from 38m in the same period of 2003" is
    of 2004, and its "same period of 2003" is the fourth quarter of 2003; so is "9.6% in
    December, from 10.6% in November and 10.9% in December 2003"."""
    pending = [p.pending for p in found if p.pending is not None and not p.pending.iranian]
    if not pending:
        return found
    years = {int(p.label) for p in found if p.shift == "same" and p.label.isdigit()}
    years |= {
        p.last.year
        for p in found
        if p.first is not None
        and p.last is not None
        and (p.last.month, _months(p.first, p.last)) in {(q.last_month, q.months) for q in pending}
    }
    if len(years) != 1:
        return found
    base_year = years.pop()
    anchor = max(pending, key=lambda q: q.last_month)
    resolved = []
    for period in found:
        if period.shift == "same":
            # the figure written with it is of the same months in the year named
            dated = with_year(replace(period, pending=anchor), base_year)
            period = replace(dated, shift=None, label=period.label)
        elif period.pending is not None and not period.pending.iranian:
            # a month after the latest pending one is of the year before that one
            later = period.pending.last_month > anchor.last_month
            period = with_year(period, base_year + (0 if later else 1))
        resolved.append(period)
    return resolved


def _months(first: date, last: date) -> int:
    """How many calendar months ``first``..``last`` spans."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _year_named_before(period: Period, found: list[Period], sentence: str) -> bool:
    """Whether ``period`` is a bare "annual" that a year right before it already names ("the
    previous year's annual rate", "2004 annual profit"): that year is the period."""
    return period.annual and any(
        p.resolved
        and p.end <= period.start
        and re.fullmatch(r"(?:['’]s)?\s*", sentence[p.end : period.start]) is not None
        for p in found
    )


def _open_years_so_far(found: list[Period], sentence: str) -> list[Period]:
    """ "has so far bought ... this year": the year is the one "so far" runs in, up to now.

    A whole year that starts where a "so far" period starts, in the same clause (no comma,
    semicolon, bracket, "and", "but" or "which" between them), is left open (no end), as "so far
    this year" written together is. "plans 12 in the current year, adding that seven have been
    held so far" keeps the year whole for the plan.
    """
    so_far = [p for p in found if p.last is None and p.label.endswith("so far")]
    if not so_far:
        return found

    def same_clause(a: Period, b: Period) -> bool:
        between = sentence[min(a.end, b.end) : max(a.start, b.start)]
        return not re.search(
            r"(?<!\d),(?!\d)|[;:()]|\b(?:and|but|while|whereas|which|that)\b", between
        )

    return [
        replace(p, last=None, label=f"{p.label}, so far")
        if p.last is not None
        and not p.label.endswith("so far")
        and not p.annual
        and p.first is not None
        and (p.last - p.first).days >= 360
        and any(f.first == p.first and same_clause(f, p) for f in so_far)
        else p
        for p in found
    ]


def _gloss_period(gloss: re.Match[str], context: CalendarContext) -> Period | None:
    """A period from a bracketed range alone, in the latest year it ends by publication."""
    m1 = _month(gloss.group("m1"))
    m2 = _month(gloss.group("m2") or gloss.group("m1"))
    d1, d2 = int(gloss.group("d1")), int(gloss.group("d2"))
    if gloss.group("y2"):
        y2 = int(gloss.group("y2"))
    elif context.published is not None:
        y2 = context.published.year
        if (m2, d2) > (context.published.month, context.published.day):
            y2 -= 1
    elif context.gregorian_year is not None:
        y2 = context.gregorian_year
    else:
        return None
    y1 = int(gloss.group("y1")) if gloss.group("y1") else (y2 if (m1, d1) <= (m2, d2) else y2 - 1)
    try:
        first, last = date(y1, m1, d1), date(y2, m2, d2)
    except ValueError:
        return None
    label = gloss.group(0).strip("() ")
    return Period(gloss.start(), gloss.end(), first, last, label) if first <= last else None


def _with_role(period: Period, sentence: str) -> Period:
    """Mark a period written as a comparison base or as the time of a statement."""
    before = sentence[: period.start]
    if period.role is not Role.OWN:
        return period
    # "from December 2003" after a figure compares; "from" opening a clause does not
    # the comparison word may be part of the period's own text ("from November")
    compares = re.search(
        # "up 55 percent from the same five months of last year"
        rf"\b{_COMPARE}\s+(?:in\s+)?(?:the\s+same\s+(?:[\w-]+\s+){{0,2}}?(?:months|weeks|days)"
        r"\s+(?:of|in)\s+)?(?:its\s+|the\s+|their\s+)?$",
        before,
    )
    # the figure compared stands before the comparison word, not before "the same five months"
    figure_before = (
        before[: compares.start() + len(compares.group(0).split()[0])] if compares else before
    )
    compares = compares or re.match(rf"{_COMPARE}\s", sentence[period.start : period.end], re.I)
    if compares and re.search(r"[\d%]\s*(?:\w+\s+){0,4}\S*$", figure_before[-40:].rstrip()):
        return replace(period, role=Role.BASE)
    if _OTHER_AMOUNT.search(before):
        # "more than twice what was added in the past year": the period of the amount compared
        return replace(period, role=Role.BASE)
    if _CHANGED_PLAN.search(before + sentence[period.start : period.start + 3]):
        # "raised the target to 4,200 units in October": when the plan changed
        return replace(period, role=Role.STATEMENT)
    opening = before + ("since " if re.match(r"since\b", sentence[period.start :], re.I) else "")
    if _RECORD_SINCE.search(opening):
        # "the highest figure since records began in 1971": what the figure is compared with
        return replace(period, role=Role.BASE)
    if re.search(r"(?:back|earlier|later)\s+(?:in\s+)?$|\b(?:early|late|mid)[- ]?$", before, re.I):
        # "Back in January, the firm said it expected": when the statement was made; but "Back
        # in 1399, ISIPO revived 1,540 units" dates the figure, no saying before it
        up_to_figure = re.split(r"\d", sentence[period.end :], maxsplit=1)[0]
        if re.search(_STATEMENT_VERBS, up_to_figure, re.I) or not re.search(
            r"\d", sentence[period.end :]
        ):
            return replace(period, role=Role.STATEMENT)
    return period


#: An amount a figure is compared with, in a clause of its own: "twice what was added in".
_OTHER_AMOUNT = re.compile(
    r"\b(?:than|twice|times|as\s+much\s+as)\s+(?:what|those|that)\s+(?:was|were|had\s+been)\s+"
    r"[a-z]+\s+(?:in|during|over)\s+$",
    re.I,
)
#: A plan changed, with its new level: the month after it is when ("raised the target to 4,200
#: units in October").
_CHANGED_PLAN = re.compile(
    r"\b(?:raised|revised|lowered|cut|increased|reduced|set)\s+(?:the|its|their)\s+"
    r"(?:target|goal|forecast|plan)\s+to\s+(?:[^,;.]|[,.](?=\d)){1,30}?\s+(?:in|on)\s+$",
    re.I,
)


#: A record measured since a time: "the highest figure since records began in", "the lowest
#: level since".
_RECORD_SINCE = re.compile(
    # a record is "the/its highest": "the three lowest income deciles since" is no record
    r"\b(?:the|its|their|an?)\s+(?:highest|lowest|biggest|largest|smallest|best|worst|strongest"
    r"|weakest|fastest|slowest)\b[^.;]{0,30}?\bsince\s+(?:records\s+began\s+)?(?:in\s+)?$",
    re.I,
)


#: Verbs that make a date the time of a statement rather than of a figure.
_STATEMENT_VERBS = (
    r"\b(?:said|says|announced|told|warned|predicted|forecast|expected|reported|stated|noted"
    r"|estimated|projected|promised|pledged|unveiled|revealed|agreed|decided)\b"
)


_SQUARE = str.maketrans("[]", "()")
_CURRENT_IRANIAN_YEAR = re.compile(
    r"\b(?:current|this|present)\s+Iranian\s+(?:calendar\s+)?year\s+(1[34]\d\d)\b", re.I
)

#: A Solar Hijri year told as over: "the Iranian calendar year 1401, which ended on March 20",
#: "the past Iranian year 1398 (March 2019-March 2020)".
_ENDED_IRANIAN_YEAR = re.compile(
    r"\bIranian\s+(?:calendar\s+)?year\s+(1[34]\d\d)\b,?\s+(?:which\s+)?(?:ended|closed)\b"
    r"|\b(?:past|last|previous)\s+Iranian\s+(?:calendar\s+)?year\s+(1[34]\d\d)\b",
    re.I,
)


#: A Solar Hijri year written with a Gregorian gloss: "the Iranian year 1403 (March 20-June 20,
#: 2024)", "the Iranian calendar year 1402 (ended March 19, 2024)".
_GLOSSED_IRANIAN_YEAR = re.compile(
    r"\bIranian\s+(?:calendar\s+|fiscal\s+)?year\s+(1[34]\d\d)\s*\(([^)]{0,60})\)", re.I
)


def glossed_current_year(sentence: str) -> int | None:
    """The current Solar Hijri year that a glossed written year implies: the year itself, or the
    one after it when the gloss says the year has ended ("1402 (ended March 19, 2024)")."""
    match = _GLOSSED_IRANIAN_YEAR.search(sentence)
    if match is None:
        return None
    year = int(match.group(1))
    ended = re.search(r"\b(?:ended|ending|which\s+ended)\b", match.group(2), re.I)
    return year + 1 if ended else year


def _latest_full_date(text: str) -> date | None:
    """The latest date written with day, month and year ("March 20, 2025", "(March 20-July 21,
    2024)"), None when there is none."""
    found: list[date] = []
    glosses = list(_RANGE_GLOSS.finditer(text))
    # a whole year glossed ("(March 21, 2021-March 20, 2022)") may end after the writing
    spans = [g.span() for g in glosses if g.group("y1")]
    for match in _DATE.finditer(text):
        day = match.group("d") or match.group("d2")
        if day is not None and not any(a <= match.start() < b for a, b in spans):
            month = _month(match.group("m") or match.group("m2"))
            year = int(match.group("y") or match.group("y2"))
            with contextlib.suppress(ValueError):
                found.append(date(year, month, int(day)))
    for gloss in glosses:
        if gloss.group("y2") and not gloss.group("y1"):
            with contextlib.suppress(ValueError):
                found.append(
                    date(
                        int(gloss.group("y2")),
                        _month(gloss.group("m2") or gloss.group("m1")),
                        int(gloss.group("d2")),
                    )
                )
    return max(found, default=None)


def _anchor_from_gloss(sentence: str, context: CalendarContext) -> None:
    """Without a publication date, a dated gloss in the sentence fixes "the current year"."""
    if context.published is not None:
        return
    written = _CURRENT_IRANIAN_YEAR.search(sentence)
    if written is not None:
        # "the current Iranian calendar year 1402 (March 21, 2023)": the year is written
        context.iranian_year = int(written.group(1))
        return
    ended = _ENDED_IRANIAN_YEAR.search(sentence)
    if ended is not None:
        # a year that has ended is the one before the article's
        context.iranian_year = int(ended.group(1) or ended.group(2)) + 1
        context.gregorian_year = iranian_year(context.iranian_year)[0].year
        return
    glossed = glossed_current_year(sentence)
    if glossed is not None:
        if context.iranian_year is None:
            context.iranian_year = glossed
            context.gregorian_year = iranian_year(glossed)[0].year
        return
    match = _DATE.search(sentence)
    which = re.search(
        r"\b(?:(current|this|present)|past|last|previous)\s+(?:\w+\s+){0,3}year",
        sentence,
        re.IGNORECASE,
    )
    if not match or not which:
        return
    # "the past Iranian year (ended March 19, 2024)": the current year is the one after
    offset = 0 if which.group(1) else 1
    month = _month(match.group("m") or match.group("m2"))
    day_text = match.group("d") or match.group("d2")
    year = int(match.group("y") or match.group("y2"))
    day = date(year, month, int(day_text) if day_text else 15)
    if context.iranian:
        # Glosses of a year's end are often a day off ("March 19" and "March 20" for one year
        # end); ten days back is safely inside the year the gloss closes.
        nowruz = iranian_year(iranian_year_of(day))[0]
        near_new_year = abs((day - nowruz).days) <= 12
        ends = re.search(r"\b(?:end|ends|ended|ending|until|till|to)\b|\(\s*" + _MONTH, sentence)
        starts = re.search(
            r"\b(?:beginning|start|since|from)\b[^.]{0,60}$", sentence[: match.start()], re.I
        ) or re.match(r"\s*[-–]", sentence[match.end() :])
        if starts and iranian_year_of(day + timedelta(days=10)) != iranian_year_of(day):
            # "since the beginning of the year (March 21, 2023)", "(March 2024-March 2025)":
            # the gloss opens the year
            day = day + timedelta(days=10)
        elif near_new_year and ends:
            day = day - timedelta(days=10)
        context.iranian_year = iranian_year_of(day) + offset
    context.gregorian_year = year + offset


# ----------------------------------------------------------------------------- resolution


def _resolve(
    kind: str, match: re.Match[str], sentence: str, context: CalendarContext
) -> Period | None:
    """The period a pattern ``match`` of ``kind`` writes, None when it names none."""
    resolver = _RESOLVERS[kind]
    return resolver(match, context, sentence)


def _span(match: re.Match[str]) -> tuple[int, int]:
    return match.start(), match.end()


def _part(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "the first six months of the current Iranian calendar year"."""
    groups = match.groupdict()
    first_m, last_m = _part_months(groups)
    year_span = _year_span(groups, context)
    if year_span is None:
        return None  # "the first half of last year" with nothing to anchor "last year" on
    iranian, year = year_span
    if iranian:
        first, last = iranian_months(year, first_m, last_m)
        return Period(*_span(match), first, last, f"Iranian year {year}, months {first_m}-{last_m}")
    first, last = gregorian_months(year, last_m, last_m - first_m + 1)
    return Period(*_span(match), first, last, f"{year}, months {first_m}-{last_m}")


#: The Solar Hijri months of each season: spring is Farvardin to Khordad, winter Dey to Esfand.
_SEASONS = {"spring": 1, "summer": 4, "autumn": 7, "winter": 10}


def _season(match: re.Match[str], context: CalendarContext, sentence: str) -> Period | None:
    """ "the spring of the current Iranian year", "this winter", "the coming winter", "in the
    autumn": three months of the Solar Hijri year. A season with no year is the latest one begun
    by publication; "coming" or "next" is the first one still to begin, "last" or "past" the
    latest one ended. Only in Iranian articles, where the seasons are the calendar's quarters."""
    if not context.iranian:
        return None
    groups = match.groupdict()
    first_m = _SEASONS[(groups.get("season") or "").lower()]
    last_m = first_m + 2
    written, year = _written_iranian_year(groups, "sy", context)
    if not written:
        relative = (groups.get("srel") or "").lower()
        if not relative and _FUTURE.search(sentence[: match.start()]):
            relative = "coming"  # "we plan to distribute ... for the autumn planting"
        year = _season_year(first_m, relative, context)
    if year is None:
        return None
    first, last = iranian_months(year, first_m, last_m)
    return Period(*_span(match), first, last, f"Iranian year {year}, months {first_m}-{last_m}")


def _named_week(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "the Government Week of 1402", "of the past year", or with no year the latest one begun
    by publication: its days in the Solar Hijri year."""
    groups = match.groupdict()
    month, first_day, last_day = _NAMED_WEEKS[(groups.get("week") or "").capitalize()]
    written, year = _written_iranian_year(groups, "wy", context)
    if not written:
        year = _latest_iranian_year_of_month(month, context)
    if year is None:
        return None
    first = jdatetime.date(year, month, first_day).togregorian()
    last = jdatetime.date(year, month, last_day).togregorian()
    return Period(*_span(match), first, last, f"{match.group('week')} Week {year}")


def _written_iranian_year(
    groups: dict[str, str | None], own: str, context: CalendarContext
) -> tuple[bool, int | None]:
    """Whether a season or named week writes its year (a bare number in group ``own``, or a
    year reference: "of the past year"), and that Solar Hijri year (None when it is not one)."""
    if groups.get(own):
        return True, int(groups[own] or 0)
    if any(groups.get(k) for k in ("rel", "year1", "year2", "year3", "year4", "year5", "year6")):
        span = _year_span(groups, context)
        return True, span[1] if span is not None and span[0] else None
    return False, None


def _season_year(first_month: int, relative: str, context: CalendarContext) -> int | None:
    """The Solar Hijri year of a season named with no year, from the publication date (of an
    undated article, the latest date it names)."""
    if context.iranian_year is None:
        return None
    known = context.published or context.latest_named
    if known is None:
        return context.iranian_year
    today = jdatetime.date.fromgregorian(date=known)
    year = iranian_year_of(known)
    if relative in ("coming", "next", "upcoming"):
        return year if first_month > today.month else year + 1
    if relative in ("last", "past", "previous", "preceding"):
        return year if first_month + 2 < today.month else year - 1
    if relative in ("this", "current", "present", "ongoing"):
        return year
    return year if first_month <= today.month else year - 1


def _year(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "the Iranian calendar year 1401", "in 2004", "last year", "2003's"."""
    year_span = _year_span(match.groupdict(), context)
    if year_span is None:
        return None
    iranian, year = year_span
    if iranian:
        first, last = iranian_year(year)
        return Period(*_span(match), first, last, f"Iranian year {year}")
    if re.search(r"\bfiscal\b", match.group(0), re.I) and context.fiscal_end_month:
        first, last = fiscal_year(year, context.fiscal_end_month)
        return Period(*_span(match), first, last, f"fiscal year {year}")
    return Period(*_span(match), date(year, 1, 1), date(year, 12, 31), str(year))


def _fiscal(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "the 2005 fiscal year": the fiscal year the article's fiscal years end with."""
    year = int(match.group("year") or match.group("year2") or match.group("year3"))
    first, last = fiscal_year(year, context.fiscal_end_month)
    return Period(*_span(match), first, last, f"fiscal year {year}")


def _year_end(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "by yearend": the whole current year."""
    if context.iranian and context.iranian_year:
        first, last = iranian_year(context.iranian_year)
        return Period(*_span(match), first, last, f"Iranian year {context.iranian_year}")
    if context.gregorian_year and context.published:
        year = context.gregorian_year
        return Period(*_span(match), date(year, 1, 1), date(year, 12, 31), str(year))
    return None


#: The first Solar Hijri year of Iran's five-year development plans (each runs five years).
_DEVELOPMENT_PLANS = {"fifth": 1390, "sixth": 1396, "seventh": 1403, "eighth": 1408}


def _plan(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "under the Seventh Development Plan": its five Solar Hijri years (1403-1407); "by the end
    of" it: only its last day. Only in Iranian articles, where the plans are Iran's."""
    if not context.iranian:
        return None
    ordinal = match.group("ordinal")
    start = _DEVELOPMENT_PLANS[ordinal.lower()] if ordinal else context.plan
    if start is None:
        return None
    context.plan = start
    first, last = iranian_year(start)[0], iranian_year(start + 4)[1]
    label = f"Iranian years {start}-{start + 4}"
    if match.group("by") or match.group("its_end"):
        return Period(*_span(match), None, last, f"by the end of {label}")
    return Period(*_span(match), first, last, label)


def _so_far(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "so far this year": from the start of the current year, open-ended."""
    if context.iranian and context.iranian_year:
        first, _last = iranian_year(context.iranian_year)
        return Period(*_span(match), first, None, f"Iranian year {context.iranian_year}, so far")
    if context.published:
        return Period(*_span(match), date(context.published.year, 1, 1), None, "this year, so far")
    return None


def _months_to(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "the three months to 31 December 2004", "the year to March 2005"."""
    month = _month(match.group("month"))
    count = _count(match.groupdict().get("count") or "12")
    annual = count == 12
    year_text = match.group("year")
    if year_text is None:
        year = _latest_year_of_month(month, context)
        if year is None:
            pending = Pending(month, count)
            return Period(*_span(match), None, None, match.group(0), pending=pending, annual=annual)
    else:
        year = int(year_text)
    first, last = gregorian_months(year, month, count)
    return Period(*_span(match), first, last, match.group(0), annual=annual)


def _month_range(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "the October-to-December quarter", "between October and December"."""
    m1 = _month(match.group("m1") or match.group("m3"))
    m2 = _month(match.group("m2") or match.group("m4"))
    count = (m2 - m1) % 12 + 1
    year = _latest_year_of_month(m2, context)
    if year is None:
        return Period(*_span(match), None, None, match.group(0), pending=Pending(m2, count))
    first, last = gregorian_months(year, m2, count)
    return Period(*_span(match), first, last, match.group(0))


def _quarter(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "the fourth quarter of 2004", "Q3", "the last quarter"."""
    groups = match.groupdict()
    number = int(groups["qn"]) if groups.get("qn") else _ORDINALS[groups["qord"].lower()]
    number = 4 if number == -1 else number
    return _part_of_year(match, context, 3 * number, 3)


def _half(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "the first half of 2004", "H2"."""
    groups = match.groupdict()
    number = int(groups["hn"]) if groups.get("hn") else _ORDINALS[groups["hord"].lower()]
    return _part_of_year(match, context, 6 * number, 6)


def _part_of_year(
    match: re.Match[str], context: CalendarContext, last_month: int, months: int
) -> Period:
    """Months ``last_month - months + 1``..``last_month`` of the written year, else pending
    (in the Iranian calendar for an Iranian article)."""
    year_text = match.groupdict().get("year")
    if year_text:
        first, last = gregorian_months(int(year_text), last_month, months)
        return Period(*_span(match), first, last, match.group(0))
    pending = Pending(last_month, months, iranian=context.iranian)
    return Period(*_span(match), None, None, match.group(0), pending=pending)


def _between(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "between 2006 and 2015", "the years from 2006 to 2015"."""
    y1 = int(match.group("y1") or match.group("y3"))
    y2 = int(match.group("y2") or match.group("y4"))
    if y2 < y1:
        return None
    return Period(*_span(match), date(y1, 1, 1), date(y2, 12, 31), match.group(0))


def _since_when(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "since April 2004 when it reached ...": April 2004 itself."""
    year, month = int(match.group("year")), _month(match.group("month"))
    first, last = gregorian_months(year, month, 1)
    return Period(*_span(match), first, last, f"{match.group('month')} {year}")


def _year_start(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "at the start of the year": the first day of the current (Iranian) year."""
    if context.iranian and context.iranian_year is not None:
        first = iranian_year(context.iranian_year)[0]
    elif context.gregorian_year is not None:
        first = date(context.gregorian_year, 1, 1)
    else:
        return None
    return Period(*_span(match), first, first, match.group(0))


def _since_event(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "since the program began in 1394": from the first day of that year, open-ended."""
    year = int(match.group("year"))
    first = iranian_year(year)[0] if year < 1600 else date(year, 1, 1)
    return Period(*_span(match), first, None, match.group(0))


def _since(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "since 2000", "since 11 September 2001", "since early March": open-ended."""
    groups = match.groupdict()
    if not groups.get("month") and not groups.get("year"):
        return None
    if not groups.get("month"):
        return Period(*_span(match), date(int(groups["year"]), 1, 1), None, match.group(0))
    month = _month(groups["month"])
    year = int(groups["year"]) if groups.get("year") else _latest_year_of_month(month, context)
    if year is None:
        return None
    day_text = groups.get("day") or groups.get("day2")
    when = (groups.get("when") or "").lower()
    day = int(day_text) if day_text else {"early": 1, "mid": 15, "late": 21}.get(when, 1)
    first = date(year, month, min(day, calendar.monthrange(year, month)[1]))
    if context.iranian and month == 3 and day >= 19 and not day_text:
        first = iranian_year(iranian_year_of(first + timedelta(days=5)))[0]
    return Period(*_span(match), first, None, match.group(0))


def _as_of(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "as of May 10": a level on that day (the latest such day, without a year); with "since
    the start of the year" in the sentence, the end of that open period."""
    month = _month(match.group("month") or match.group("month2"))
    day = int(match.group("day") or match.group("day2"))
    year = int(match.group("year")) if match.group("year") else None
    year = year or _latest_year_of_month(month, context)
    if year is None or day > calendar.monthrange(year, month)[1]:
        return None
    return Period(*_span(match), date(year, month, day), date(year, month, day), match.group(0))


def _end_of(match: re.Match[str], context: CalendarContext, sentence: str) -> Period | None:
    """ "by the end of 2004": that day. "By the end of last year" with no publication date is
    the one other year the sentence names, when it names one."""
    year_text = match.group("year") or match.group("iyear")
    if year_text is None:
        year = _relative_gregorian(match.group("rel"), context)
        if year is None:
            years = set(re.findall(rf"\b({_GREG_YEAR})\b", sentence))
            year = int(years.pop()) if len(years) == 1 else None
    else:
        year = int(year_text)
    if year is None:
        return None
    if context.iranian and year < 1600:
        _, last = iranian_year(year)
    else:
        last = date(year, 12, 31)
    return Period(*_span(match), last, last, match.group(0))


def _by(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "by 2010", "until at least 2008", "by 1404": open start."""
    if match.group("iyear"):
        last = iranian_year(int(match.group("iyear")))[1]
        return Period(*_span(match), None, last, match.group(0))
    return Period(*_span(match), None, date(int(match.group("year")), 12, 31), match.group(0))


def _iranian_month(match: re.Match[str], context: CalendarContext, sentence: str) -> Period | None:
    """ "in Esfand 1401", "the month of Mehr" (of the current or the past Iranian year); "by the
    end of Shahrivar" is a deadline: the end of this year's Shahrivar, with no start."""
    name = match.group("month")
    if name.lower() == "day" and not match.group("year"):
        return None  # "day" is a word before it is a month
    month = _iranian_month_number(name)
    if month == 12 and not match.group("year") and re.search(r"\bend\s+of\b", match.group(0)):
        # "by the end of Esfand", the year's last month, is "by the end of the year"
        return _year_end(match, context, sentence)
    deadline = re.match(r"end\s+of\b", match.group(0)) and _DEADLINE.search(
        sentence[: match.start()]
    )
    if deadline and not match.group("year") and context.iranian_year is not None:
        last_day = iranian_months(context.iranian_year, month, month)[1]
        return Period(*_span(match), None, last_day, match.group(0), deadline=True)
    if match.group("year"):
        year: int | None = int(match.group("year"))
    elif _FUTURE.search(sentence[: match.start()]):
        # "is expected to reach 79,000 MW in Mordad": the next Mordad, not the past one
        year = _next_iranian_year_of_month(month, context)
    else:
        year = _latest_iranian_year_of_month(month, context)
    if year is None:
        pending = Pending(month, 1, iranian=True)
        return Period(*_span(match), None, None, match.group(0), pending=pending)
    first, last = iranian_months(year, month, month)
    return Period(*_span(match), first, last, f"{name} {year}")


def _same_period(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "the same period of 2003": the sentence's period, in 2003 (filled by timeframes)."""
    year = match.group("year")
    if not year.isdigit():
        return Period(*_span(match), None, None, match.group(0), role=Role.SHIFT, shift="year")
    return Period(*_span(match), None, None, year, shift="same")


def _shift(match: re.Match[str], context: CalendarContext, sentence: str) -> Period | None:
    """ "a year earlier", "the previous quarter"; "in the previous year (1401)" is a year."""
    unit = (match.groupdict().get("unit") or "year").lower()
    explicit = re.match(
        rf"(?:\s+|,\s+|\s+\()(?:of\s+)?({_IR_YEAR}|{_GREG_YEAR})\b", sentence[match.end() :]
    )
    if unit == "year" and explicit:
        year = int(explicit.group(1))
        end = match.end() + explicit.end()
        if year < 1600:
            first, last = iranian_year(year)
            return Period(match.start(), end, first, last, f"Iranian year {year}")
        return Period(match.start(), end, date(year, 1, 1), date(year, 12, 31), str(year))
    opens = re.search(r"\b(?:in|during|over|for|throughout)\s+$", sentence[: match.start()], re.I)
    if unit == "year" and opens and re.search(r"previous|preceding|prior", match.group(0), re.I):
        # "In the previous year, X delivered ...": the year before the current one
        return _year_of_offset(match, context, -1)
    if unit == "year" and re.match(r"['’]s\b", sentence[match.end() :]):
        # "the previous year's unemployment rate", as "last year's": the year before the
        # current one, when the article's current year is known
        previous = _year_of_offset(match, context, -1)
        if previous is not None:
            return previous
    return Period(*_span(match), None, None, match.group(0), role=Role.SHIFT, shift=unit)


def _year_of_offset(match: re.Match[str], context: CalendarContext, offset: int) -> Period | None:
    """The (Iranian or Gregorian) year ``offset`` years from the article's current year."""
    if context.iranian and context.iranian_year is not None:
        year = context.iranian_year + offset
        first, last = iranian_year(year)
        return Period(*_span(match), first, last, f"Iranian year {year}")
    if context.gregorian_year is not None:
        year = context.gregorian_year + offset
        return Period(*_span(match), date(year, 1, 1), date(year, 12, 31), str(year))
    return None


#: A verb of saying right before "in <month>": the month dates the statement.
_STATED_IN = re.compile(
    r"\b(?:said|says|told\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}|announced|added|stated|noted"
    r"|reported)\s+$"
)


def _gregorian_month(
    match: re.Match[str], context: CalendarContext, sentence: str
) -> Period | None:
    """ "in December 2004", "in December" (pending without a publication date); "told the
    Tehran Times in June" dates the statement, not the figure."""
    month = _month(match.group("month"))
    year_text = match.group("year")
    if year_text is None and _STATED_IN.search(sentence[: match.start()]):
        return None
    year = int(year_text) if year_text else _latest_year_of_month(month, context)
    if year is None:
        return Period(*_span(match), None, None, match.group(0), pending=Pending(month, 1))
    first, last = gregorian_months(year, month, 1)
    return Period(*_span(match), first, last, match.group(0))


def _base(match: re.Match[str], context: CalendarContext, _: str) -> Period | None:
    """ "up 27% from its 2003 performance": the figures are of the year after 2003."""
    year = int(match.group("year"))
    return Period(*_span(match), date(year, 1, 1), date(year, 12, 31), str(year), role=Role.BASE)


def _annual(match: re.Match[str], context: CalendarContext, sentence: str) -> Period | None:
    """ "full-year", "annual", "for the year": a whole year, which one the article says; none
    in a sentence about a development plan ("annual growth of 8 percent" over its years)."""
    if context.iranian and _PLAN_NAMED.search(sentence):
        return None
    pending = Pending(12, 12, iranian=context.iranian)
    return Period(*_span(match), None, None, match.group(0), pending=pending, annual=True)


_PLAN_NAMED = re.compile(r"\b(?:Fifth|Sixth|Seventh|Eighth)\s+(?:[\w-]+\s+){0,5}?Plan\b", re.I)

_RESOLVERS = {
    "part": _part,
    "season": _season,
    "named_week": _named_week,
    "fiscal": _fiscal,
    "months_to": _months_to,
    "year_to": _months_to,
    "month_range": _month_range,
    "quarter": _quarter,
    "half": _half,
    "between": _between,
    "since_when": _since_when,
    "since": _since,
    "as_of": _as_of,
    "end_of": _end_of,
    "by": _by,
    "iranian_month": _iranian_month,
    "since_event": _since_event,
    "year_start": _year_start,
    "same_period": _same_period,
    "shift": _shift,
    "month": _gregorian_month,
    "so_far": _so_far,
    "year_end": _year_end,
    "plan": _plan,
    "base": _base,
    "year": _year,
    "annual": _annual,
}


def _year_span(groups: dict[str, str | None], context: CalendarContext) -> tuple[bool, int] | None:
    """(Iranian?, year) of a year reference: explicit, or relative to the context."""
    explicit = next(
        (
            groups.get(k)
            for k in ("year1", "year2", "year3", "year4", "year5", "year6")
            if groups.get(k)
        ),
        None,
    )
    if explicit:
        year = int(explicit)
        return year < 1600, year
    relative = (groups.get("rel") or ("current" if groups.get("cur") else "")).lower()
    if not relative:
        return None
    offset = {"past": -1, "last": -1, "previous": -1, "preceding": -1, "next": 1, "coming": 1,
              "upcoming": 1}.get(relative, 0)  # fmt: skip
    if context.iranian:
        current = context.iranian_year
        return (True, current + offset) if current is not None else None
    gregorian = _relative_gregorian(relative, context)
    return (False, gregorian) if gregorian is not None else None


def _relative_gregorian(relative: str | None, context: CalendarContext) -> int | None:
    """The Gregorian year "this/last/next year" names, None without a publication date."""
    if context.gregorian_year is None or context.published is None:
        return None
    offset = {"past": -1, "last": -1, "previous": -1, "preceding": -1, "next": 1, "coming": 1,
              "upcoming": 1}.get((relative or "").lower(), 0)  # fmt: skip
    return context.gregorian_year + offset


def _part_months(groups: dict[str, str | None]) -> tuple[int, int]:
    """First and last month of "the first six months", "the third quarter", "the last month"."""
    if groups.get("count"):
        count = _count(groups["count"] or "1")
        which = (groups.get("which") or "").lower()
        if which in ("last", "past", "final"):
            return 13 - count, 12
        if which == "second":
            return count + 1, min(12, 2 * count)
        return 1, count
    if groups.get("qord"):
        number = _ORDINALS[(groups["qord"] or "").lower()]
        number = 4 if number == -1 else number
        return 3 * number - 2, 3 * number
    if groups.get("hord"):
        return (1, 6) if (groups["hord"] or "").lower() == "first" else (7, 12)
    number = _ORDINALS[(groups.get("mord") or "first").lower()]
    number = 12 if number == -1 else number
    return number, number


def _latest_year_of_month(month: int, context: CalendarContext) -> int | None:
    """The year of the latest such month not after the publication date."""
    if context.published is None:
        return None
    year = context.published.year
    return year if month <= context.published.month else year - 1


def _iranian_month_number(name: str) -> int:
    lowered = name.lower()
    if lowered in IRANIAN_MONTHS:
        return IRANIAN_MONTHS.index(lowered) + 1
    return _IRANIAN_SPELLINGS[lowered]


#: "by the end of", "before the end of", right before a month: a deadline.
_DEADLINE = re.compile(r"\b(?:by|until|till|before)\s+the\s+$", re.I)


def _latest_iranian_year_of_month(month: int, context: CalendarContext) -> int | None:
    """The Iranian year of a month named without a year: the current year, or the past one
    when the month has not begun yet by the publication date."""
    if context.iranian_year is None:
        return None
    if context.published is None:
        return context.iranian_year
    today = jdatetime.date.fromgregorian(date=context.published)
    return context.iranian_year - 1 if month > today.month else context.iranian_year


#: A verb group of the future or a plan before a month or season named without a year.
_FUTURE = re.compile(
    r"\b(?:will|plans?\s+to|aims?\s+to|intends?\s+to"
    r"|(?:is|are)\s+(?:expected|slated|scheduled|set|due|projected|forecast)\s+to)\b"
    # "plan to distribute 1.6 million tons ... for the autumn": a decimal point ends no clause
    r"(?:[^.;]|\.(?=\d)){0,80}$"
)


def _next_iranian_year_of_month(month: int, context: CalendarContext) -> int | None:
    """The Iranian year of a month still to come, named without a year: the current year, or
    the next one when the month has passed by the publication date."""
    if context.iranian_year is None or context.published is None:
        return context.iranian_year
    today = jdatetime.date.fromgregorian(date=context.published)
    return context.iranian_year + 1 if month < today.month else context.iranian_year


def _apply_range_gloss(period: Period, gloss: re.Match[str], sentence: str) -> Period:
    """An explicit "(March 20-June 20)" right after a period replaces its computed dates."""
    if not period.resolved or period.role is not Role.OWN:
        return period
    if not (period.end <= gloss.start() <= period.end + 3):
        return period
    m1 = _month(gloss.group("m1"))
    m2 = _month(gloss.group("m2") or gloss.group("m1"))
    assert period.first is not None or period.last is not None
    base_year = (period.first or period.last or date.min).year
    y1 = int(gloss.group("y1")) if gloss.group("y1") else base_year
    y2 = int(gloss.group("y2")) if gloss.group("y2") else (y1 if m2 >= m1 else y1 + 1)
    try:
        first = date(y1, m1, int(gloss.group("d1")))
        last = date(y2, m2, int(gloss.group("d2")))
    except ValueError:
        return period
    if last < first:
        return period
    label = f"{period.label} ({sentence[gloss.start() + 1 : gloss.end() - 1].strip()})"
    return replace(period, end=gloss.end(), first=first, last=last, label=label)
