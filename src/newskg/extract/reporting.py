"""The year a results article reports on, when it writes no date for its figures.

Company and national results articles often give no publication date and name the current year
only through the year they compare with: "profit of $3.36bn, up 27% from its 2003 performance"
reports 2004, and so does "an 82% jump on 2003 figures" or "the first of five banks to report 2004
results". This module reads that year, and only when every such cue in the article agrees.
"""

from __future__ import annotations

import re
from datetime import date

from newskg.extract.sentences import split_sentences

#: A change measured against a whole earlier year: "up 27% from its 2003 performance",
#: "up 10% on 2003", "an 82% jump on 2003 figures". The year must not start a range or a date.
_BASE_YEAR = re.compile(
    r"\b(?:up|down|rise|rose|fell|jump|jumped|increase|decrease|higher|lower|gain|drop|fall"
    r"|growth|decline|climbed|surged)\b[^.;]{0,40}?\b(?:on|from|over|than|compared\s+(?:with|to))"
    r"\s+(?:its\s+|the\s+|their\s+)?(?P<year>(?:19|20)\d\d)\b"
    r"(?!\s*[-–/]|\s+(?:to|and)\s+(?:19|20)\d\d)"
    r"(?:\s+(?:performance|figures?|levels?|results?|profits?|earnings|sales|revenues?))?"
)
#: The results of a year, being reported: "the first bank to report 2004 results". Results
#: that are restated or listed with other years ("restate 2000 and 2003 results") are not.
_RESULTS_YEAR = re.compile(
    r"\b(?:report(?:s|ed|ing)?|announc(?:e|es|ed|ing)|post(?:s|ed|ing)?|publish(?:es|ed|ing)?)"
    r"\s+(?:its\s+|their\s+)?(?P<year>(?:19|20)\d\d)\s+(?:annual\s+|full[- ]year\s+)?results\b"
)
#: What marks a figure as one of the whole year: "annual profits", "full-year", "for the year".
ANNUAL = re.compile(
    r"\b(?:annual|full[- ]year|for\s+the\s+(?:whole\s+|full\s+)?year|yearly)\b", re.IGNORECASE
)


#: The year a lead's figure is of: "hit an all-time high of $671.7bn in 2004".
_LEAD_YEAR = re.compile(r"\b(?:in|for|during|throughout)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-–/])")


def reporting_year(text: str, headline: str | None = None) -> int | None:
    """The year a results article reports on, or None when no cue names it or cues disagree."""
    years = {int(m.group("year")) + 1 for m in _BASE_YEAR.finditer(text)}
    years |= {int(m.group("year")) for m in _RESULTS_YEAR.finditer(text)}
    # the headline and the first two sentences: a one-sentence summary often comes first
    lead = "\n".join([headline or "", *(s.text for s in split_sentences(text)[:2])])
    years |= {
        int(m.group("year"))
        for m in _LEAD_YEAR.finditer(lead)
        if not _PLANNED.search(lead, 0, m.start())
    }
    return years.pop() if len(years) == 1 else None


#: Words that make a year in the lead a plan's ("predicted that it will outperform the market
#: in 2005", "are set to double in 2005", "faces a $1.3bn bill in 2005") or a background
#: event's ("the food group which went bust in 2003", "Despite a short-lived increase in 2003").
_PLANNED = re.compile(
    r"\b(?:will|would|could|may|expects?|expected|forecast\w*|predict\w*|plans?|aims?|targets?"
    r"|hopes?|set|faces?|likely|due|decision|which|who|despite)\b",
    re.IGNORECASE,
)


def compares_with_year_before(sentence: str, year: int) -> bool:
    """Whether ``sentence`` measures a change against the year before ``year`` ("up 10% on
    2003" in an article on 2004): its figures are of ``year``."""
    return any(int(m.group("year")) == year - 1 for m in _BASE_YEAR.finditer(sentence))


def year_span(year: int) -> tuple[date, date]:
    """The calendar year ``year``, first and last day."""
    return date(year, 1, 1), date(year, 12, 31)
