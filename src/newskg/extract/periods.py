"""Periods: Gregorian dates, months, quarters and years, and the Iranian (Solar Hijri) calendar.

Solar Hijri periods are computed with ``jdatetime``, never by hand; the wording goes to the label.
Relative periods ("the current Iranian calendar year", "last year", "so far this year") are
resolved from the article's publication date, else from an explicit Gregorian date in the same
sentence ("(March 19, 2020)", "(ends in March 2021)"), else from the year an earlier sentence of
the article resolved. An explicit Gregorian range in the sentence ("(March 20-June 20)") wins over
a computed one.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import jdatetime

_MONTH_NAMES = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTH_NAMES["sept"] = 9
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"  # noqa: E501
IRANIAN_MONTHS = [
    "farvardin",
    "ordibehesht",
    "khordad",
    "tir",
    "mordad",
    "shahrivar",
    "mehr",
    "aban",
    "azar",
    "dey",
    "bahman",
    "esfand",
]
_IRANIAN_MONTH_SPELLINGS = {
    "amordad": 5, "shahrivar": 6, "shahrivar'": 6, "azar": 9, "day": 10, "esfand": 12,
    "ordibehesht": 2, "khordad": 3, "tir": 4, "mordad": 5, "mehr": 7, "aban": 8, "dey": 10,
    "bahman": 11, "farvardin": 1, "shahrivar ": 6,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "last": -1, "final": -1,
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
    rf"|(?:the\s+)?{_YEAR_WORDS}\s+(?:of\s+)?(?P<year1>{_IR_YEAR}|{_GREG_YEAR})"
    rf"|(?P<year3>{_IR_YEAR}|{_GREG_YEAR})\s+(?:Iranian\s+|Persian\s+)?(?:calendar|fiscal)\s+year"
    rf"|(?:(?<=\bin\s)|(?<=\bof\s)|(?<=\bat\s))(?P<year2>{_IR_YEAR}|{_GREG_YEAR})(?!\s*[-–]\s*\d)"
    rf"(?!\s+(?:idle\s+|production\s+|small\s+|new\s+)*(?:units?|jobs?|people|persons)\b)"
    rf"|(?:(?<=\bfor\s)|(?<=\bduring\s)|(?<=\bthroughout\s))(?P<year4>{_IR_YEAR}|{_GREG_YEAR})\b"
)
_PART = (
    rf"(?:the\s+)?(?:(?P<which>first|last|past|final|second)\s+(?P<count>{_NUM})\s+months"
    rf"|(?P<qord>first|second|third|fourth|last|final)\s+(?:quarter|three\s+months)"
    rf"|(?P<hord>first|second)\s+half"
    rf"|(?P<mord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|last)"
    rf"\s+month)\s+of\s+"
)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "the first six months of the current Iranian calendar year"
    ("part", re.compile(rf"{_PART}(?:{_YEAR_REF})", re.IGNORECASE)),
    # "the three months to December", "the three months to 31 December 2004"
    ("months_to", re.compile(
        rf"(?:the\s+)?(?P<count>{_NUM})\s+months\s+(?:to|ending|ended)\s+(?:the\s+end\s+of\s+)?"
        rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH})(?:\s+(?P<day2>\d{{1,2}})\b)?,?"
        rf"(?:\s+(?P<year>{_GREG_YEAR}))?", re.IGNORECASE)),
    # "the year to March 2005", "the 12 months to 30 September 2004"
    ("year_to", re.compile(
        rf"(?:the\s+)?(?:year|12\s+months|twelve\s+months)\s+(?:to|ending|ended)\s+"
        rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH})(?:\s+(?P<day2>\d{{1,2}})\b)?,?"
        rf"\s+(?P<year>{_GREG_YEAR})", re.IGNORECASE)),
    ("quarter", re.compile(
        rf"\b(?:Q(?P<qn>[1-4])|(?:the\s+)?(?P<qord>first|second|third|fourth|final|last)[- ]"
        rf"quarter)(?:\s+(?:of\s+)?(?P<year>{_GREG_YEAR}))?", re.IGNORECASE)),
    ("half", re.compile(
        rf"\b(?:H(?P<hn>[12])|(?:the\s+)?(?P<hord>first|second)\s+half)"
        rf"(?:\s+(?:of\s+)?(?P<year>{_GREG_YEAR}))?", re.IGNORECASE)),
    ("since", re.compile(
        rf"\b(?:since|from)\s+(?:the\s+(?:beginning|start)\s+of\s+)?(?:(?P<when>early|mid|late)[- ])?"  # noqa: E501
        rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH})?(?:\s+(?P<day2>\d{{1,2}})\b,?)?"
        rf"(?:\s*(?P<year>{_GREG_YEAR}))?\b", re.IGNORECASE)),
    ("by", re.compile(
        rf"\b(?:by|until|till|through)\s+(?:at\s+least\s+)?(?:the\s+end\s+of\s+)?"
        rf"(?P<year>{_GREG_YEAR})\b", re.IGNORECASE)),
    ("between", re.compile(
        rf"\b(?:between|from)\s+(?:the\s+years\s+)?(?P<y1>{_GREG_YEAR})\s+(?:and|to)\s+"
        rf"(?P<y2>{_GREG_YEAR})\b", re.IGNORECASE)),
    ("iranian_month", re.compile(
        r"\b(?:(?:in|during|since|until|of|through|the\s+month\s+of)\s+(?:the\s+)?"
        r"(?:(?:past|last|previous|current|this)\s+)?(?:Iranian\s+)?(?:calendar\s+)?"
        r"(?:month\s+of\s+)?)(?P<month>Farvardin|Ordibehesht|Khordad|Tir|Mordad|Amordad|Shahrivar"
        r"|Mehr|Aban|Azar|Dey|Day|Bahman|Esfand)(?!\s+News)(?:\s+(?P<year>1[34]\d\d))?\b")),
    ("month", re.compile(
        rf"\b(?:in|during|for|of|since)\s+(?:the\s+month\s+of\s+)?(?P<month>{_MONTH})"
        rf"(?:\s+(?P<year>{_GREG_YEAR}))?\b(?!\s+\d)")),
    ("so_far", re.compile(
        r"\b(?:so\s+far|to\s+date|thus\s+far|up\s+to\s+now|since\s+the\s+(?:beginning|start)"
        r"\s+of\s+(?:the\s+)?(?:current\s+|this\s+)?(?:Iranian\s+)?(?:calendar\s+|fiscal\s+)?year)"
        r"(?:\s+this\s+year)?", re.IGNORECASE)),
    ("year_end", re.compile(r"\b(?:by\s+)?(?:the\s+)?year[- ]?end\b", re.IGNORECASE)),
    ("year", re.compile(rf"\b(?:{_YEAR_REF})\b", re.IGNORECASE)),
]  # fmt: skip
_RANGE_GLOSS = re.compile(
    rf"\(\s*(?:from\s+)?(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:,?\s+(?P<y1>{_GREG_YEAR}))?\s*"
    rf"(?:-|–|to|until)\s*(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:,?\s+(?P<y2>{_GREG_YEAR}))?\s*\)",
    re.IGNORECASE,
)
_DATE = re.compile(
    rf"(?P<m>{_MONTH})\s+(?:(?P<d>\d{{1,2}}),?\s+)?(?P<y>{_GREG_YEAR})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>{_GREG_YEAR})",
    re.IGNORECASE,
)
_IRANIAN_CUES = re.compile(
    r"Iranian\s+(?:calendar|year|fiscal|month)|Persian\s+calendar|solar\s+(?:hijri\s+)?year"
    r"|\b(?:Farvardin|Ordibehesht|Khordad|Shahrivar|Esfand|Bahman|Aban|Azar)\b"
    r"|\b(?:year|in|since)\s+1[34]\d\d\b|\bTEHRAN\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Period:
    """A period found in a sentence; offsets are into the sentence."""

    start: int
    end: int
    first: date | None
    last: date | None
    label: str
    statement_time: bool = False
    """True for "back in August": when something was said, not what a figure covers."""


@dataclass
class CalendarContext:
    """What an article's relative periods are anchored on; updated sentence by sentence."""

    iranian: bool
    published: date | None
    iranian_year: int | None = None
    gregorian_year: int | None = None
    notes: list[str] = field(default_factory=list)

    @classmethod
    def for_article(cls, text: str, published: date | None) -> CalendarContext:
        """The context of an article: Iranian when it speaks of the Iranian calendar."""
        context = cls(iranian=bool(_IRANIAN_CUES.search(text)), published=published)
        if published is not None:
            context.iranian_year = jdatetime.date.fromgregorian(date=published).year
            context.gregorian_year = published.year
        return context


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


def find_periods(sentence: str, context: CalendarContext) -> list[Period]:
    """Every period in ``sentence``, resolved against ``context`` (which it may update)."""
    _anchor_from_gloss(sentence, context)
    found: list[Period] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            if match.end() == match.start():
                continue
            period = _resolve(kind, match, sentence, context)
            if period is not None:
                found.append(period)
                taken.append((match.start(), match.end()))
    gloss = _RANGE_GLOSS.search(sentence)
    if gloss:
        found = [_apply_range_gloss(p, gloss, sentence) for p in found]
    return sorted(found, key=lambda p: p.start)


def _anchor_from_gloss(sentence: str, context: CalendarContext) -> None:
    """Without a publication date, a dated gloss in the sentence fixes "the current year"."""
    if context.published is not None:
        return
    match = _DATE.search(sentence)
    if not match or not re.search(
        r"\b(?:current|this|present)\s+(?:\w+\s+){0,3}year", sentence, re.IGNORECASE
    ):
        return
    month = _MONTH_NAMES[(match.group("m") or match.group("m2")).lower().rstrip(".")]
    day_text = match.group("d") or match.group("d2")
    year = int(match.group("y") or match.group("y2"))
    day = date(year, month, int(day_text) if day_text else 15)
    if context.iranian:
        # Glosses of a year's end are often a day off ("March 19" and "March 20" for one year
        # end); ten days back is safely inside the year the gloss closes.
        nowruz = iranian_year(iranian_year_of(day))[0]
        near_new_year = abs((day - nowruz).days) <= 12
        ends = re.search(r"\b(?:end|ends|ended|ending|until|till|to)\b|\(\s*" + _MONTH, sentence)
        if near_new_year and ends:
            day = day - timedelta(days=10)
        context.iranian_year = iranian_year_of(day)
    context.gregorian_year = year


def _resolve(
    kind: str, match: re.Match[str], sentence: str, context: CalendarContext
) -> Period | None:
    text = match.group(0)
    groups = match.groupdict()
    span = (match.start(), match.end())
    year: int | None
    if kind == "part":
        year_span = _year_span(groups, context, months=True)
        if year_span is None:
            return None
        calendar_kind, year = year_span
        first_m, last_m = _part_months(groups)
        if calendar_kind == "ir":
            first, last = iranian_months(year, first_m, last_m)
            label = f"Iranian year {year}, months {first_m}-{last_m}"
        else:
            first = date(year, first_m, 1)
            last = date(year, last_m, calendar.monthrange(year, last_m)[1])
            label = f"{year}, months {first_m}-{last_m}"
        return Period(*span, first, last, label)
    if kind == "year":
        year_span = _year_span(groups, context, months=False)
        if year_span is None:
            return None
        calendar_kind, year = year_span
        if calendar_kind == "ir":
            first, last = iranian_year(year)
            return Period(*span, first, last, f"Iranian year {year}")
        return Period(*span, date(year, 1, 1), date(year, 12, 31), str(year))
    if kind == "year_end":
        if context.iranian and context.iranian_year:
            first, last = iranian_year(context.iranian_year)
            return Period(*span, first, last, f"Iranian year {context.iranian_year}")
        if context.gregorian_year and context.published:
            year = context.gregorian_year
            return Period(*span, date(year, 1, 1), date(year, 12, 31), str(year))
        return None
    if kind == "so_far":
        if context.iranian and context.iranian_year:
            first, _ = iranian_year(context.iranian_year)
            return Period(*span, first, None, f"Iranian year {context.iranian_year}, so far")
        if context.published:
            return Period(*span, date(context.published.year, 1, 1), None, "this year, so far")
        return None
    if kind in ("months_to", "year_to"):
        month = _MONTH_NAMES[groups["month"].lower().rstrip(".")]
        year_text = groups.get("year")
        year = int(year_text) if year_text else _latest_year_of_month(month, context)
        if year is None:
            return None
        count = 12 if kind == "year_to" else _count(groups["count"])
        last = date(year, month, calendar.monthrange(year, month)[1])
        first_month_index = year * 12 + month - count
        first = date(first_month_index // 12, first_month_index % 12 + 1, 1)
        return Period(*span, first, last, text)
    if kind == "quarter":
        number = int(groups["qn"]) if groups.get("qn") else _ORDINALS[groups["qord"].lower()]
        number = 4 if number == -1 else number
        year = _explicit_or_current_year(groups.get("year"), context)
        if year is None or number > 4:
            return None
        first = date(year, 3 * number - 2, 1)
        last_month = 3 * number
        return Period(
            *span, first, date(year, last_month, calendar.monthrange(year, last_month)[1]), text
        )
    if kind == "half":
        number = int(groups["hn"]) if groups.get("hn") else _ORDINALS[groups["hord"].lower()]
        year = _explicit_or_current_year(groups.get("year"), context)
        if year is None:
            return None
        if number == 1:
            return Period(*span, date(year, 1, 1), date(year, 6, 30), text)
        return Period(*span, date(year, 7, 1), date(year, 12, 31), text)
    if kind == "since":
        if not groups.get("month") and not groups.get("year"):
            return None
        if groups.get("month"):
            month = _MONTH_NAMES[groups["month"].lower().rstrip(".")]
            year = (
                int(groups["year"]) if groups.get("year") else _latest_year_of_month(month, context)
            )
            if year is None:
                return None
            day_text = groups.get("day") or groups.get("day2")
            day = (
                int(day_text)
                if day_text
                else {"early": 1, "mid": 15, "late": 21}.get((groups.get("when") or "").lower(), 1)
            )
            first = date(year, month, min(day, calendar.monthrange(year, month)[1]))
            if context.iranian and month == 3 and day >= 19 and not day_text:
                first = iranian_year(iranian_year_of(first + timedelta(days=5)))[0]
            return Period(*span, first, None, text)
        return Period(*span, date(int(groups["year"]), 1, 1), None, text)
    if kind == "by":
        year = int(groups["year"])
        return Period(*span, None, date(year, 12, 31), text)
    if kind == "between":
        y1, y2 = int(groups["y1"]), int(groups["y2"])
        if y2 < y1:
            return None
        return Period(*span, date(y1, 1, 1), date(y2, 12, 31), text)
    if kind == "iranian_month":
        month = _iranian_month_number(groups["month"])
        if groups["month"].lower() == "day" and not groups.get("year"):
            return None
        year = (
            int(groups["year"])
            if groups.get("year")
            else _latest_iranian_year_of_month(month, text, context)
        )
        if year is None:
            return None
        first, last = iranian_months(year, month, month)
        return Period(*span, first, last, f"{groups['month']} {year}")
    if kind == "month":
        month = _MONTH_NAMES[groups["month"].lower().rstrip(".")]
        year = int(groups["year"]) if groups.get("year") else _latest_year_of_month(month, context)
        statement = bool(
            re.search(
                r"(?:back|earlier|later)\s+(?:in\s+)?$|\b(?:in\s+)?(?:early|late|mid)[- ]?$",
                sentence[: match.start()],
                re.IGNORECASE,
            )
        ) or bool(re.match(r",\s", sentence[match.end() :]) and match.start() < 12)
        if year is None:
            return Period(*span, None, None, text, statement_time=True) if statement else None
        return Period(
            *span,
            date(year, month, 1),
            date(year, month, calendar.monthrange(year, month)[1]),
            text,
            statement_time=statement,
        )
    return None


def _year_span(
    groups: dict[str, str | None], context: CalendarContext, *, months: bool
) -> tuple[str, int] | None:
    explicit = (
        groups.get("year1") or groups.get("year2") or groups.get("year3") or groups.get("year4")
    )
    if explicit:
        year = int(explicit)
        return ("ir", year) if year < 1600 else ("greg", year)
    relative = (groups.get("rel") or "").lower()
    offset = {
        "past": -1,
        "last": -1,
        "previous": -1,
        "preceding": -1,
        "next": 1,
        "coming": 1,
        "upcoming": 1,
    }.get(relative, 0)
    if context.iranian:
        if context.iranian_year is None:
            return None
        return "ir", context.iranian_year + offset
    if context.gregorian_year is None or context.published is None:
        return None
    return "greg", context.gregorian_year + offset


def _part_months(groups: dict[str, str | None]) -> tuple[int, int]:
    if groups.get("count"):
        count = _count(groups["count"] or "1")
        if (groups.get("which") or "").lower() in ("last", "past", "final"):
            return 13 - count, 12
        if (groups.get("which") or "").lower() == "second":
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


def _count(text: str) -> int:
    return int(text) if text.isdigit() else _COUNTS[text.lower()]


def _explicit_or_current_year(year_text: str | None, context: CalendarContext) -> int | None:
    if year_text:
        return int(year_text)
    return context.published.year if context.published else None


def _latest_year_of_month(month: int, context: CalendarContext) -> int | None:
    """The year of the latest such month not after the anchor (publication date)."""
    if context.published is None:
        return None
    year = context.published.year
    return year if month <= context.published.month else year - 1


def _iranian_month_number(name: str) -> int:
    lowered = name.lower()
    if lowered in IRANIAN_MONTHS:
        return IRANIAN_MONTHS.index(lowered) + 1
    return _IRANIAN_MONTH_SPELLINGS[lowered]


def _latest_iranian_year_of_month(month: int, text: str, context: CalendarContext) -> int | None:
    """The Iranian year of a month named without a year: the current year, or the past one
    when the month has not begun yet (by the publication date) or the text says "past"."""
    if context.iranian_year is None:
        return None
    year = context.iranian_year
    if context.published is not None:
        today = jdatetime.date.fromgregorian(date=context.published)
        if month > today.month:
            year -= 1
    elif re.search(r"\b(?:past|last|previous)\b", text, re.IGNORECASE):
        year -= 0
    return year


def _apply_range_gloss(period: Period, gloss: re.Match[str], sentence: str) -> Period:
    """An explicit "(March 20-June 20)" in the sentence replaces the computed dates."""
    if period.first is None or period.statement_time:
        return period
    if not (period.end <= gloss.start() <= period.end + 3):
        return period
    m1 = _MONTH_NAMES[gloss.group("m1").lower().rstrip(".")]
    m2 = _MONTH_NAMES[gloss.group("m2").lower().rstrip(".")]
    y1 = int(gloss.group("y1")) if gloss.group("y1") else period.first.year
    y2 = int(gloss.group("y2")) if gloss.group("y2") else (y1 if m2 >= m1 else y1 + 1)
    try:
        first = date(y1, m1, int(gloss.group("d1")))
        last = date(y2, m2, int(gloss.group("d2")))
    except ValueError:
        return period
    if last < first:
        return period
    label = f"{period.label} ({sentence[gloss.start() + 1 : gloss.end() - 1].strip()})"
    return Period(period.start, gloss.end(), first, last, label)
