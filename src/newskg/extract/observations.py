"""Assembling figures into observations: status, metric, subject, period, attribution,
equivalents ("15 trillion rials (about $357 million)"), parts ("of which 1400 units are SMEs"),
revisions ("revised to 2,000") and progress toward a target of the same article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import cache

from newskg.extract import vocab
from newskg.extract.attribution import Attribution
from newskg.extract.lexicon import COMPANY_NOUNS, SPEECH, words_pattern
from newskg.extract.names import head_word
from newskg.extract.periods import (
    Period,
    Role,
    iranian_year,
    iranian_year_of,
    shifted,
    with_year,
)
from newskg.extract.places import place_entry, population
from newskg.extract.quantities import Quantity, unknown_count_noun
from newskg.extract.records import AmountMention, ObservationMention, Sentence
from newskg.extract.reporting import reporting_year, year_span
from newskg.extract.status import (
    APPOSITION,
    LEAD_DATELINE,
    WITH_OPENER,
    from_level,
    status_of,
)
from newskg.extract.table import EntityTable, Occurrence
from newskg.extract.vocab import COUNT, MONEY, PERCENT, POINT, Unit
from newskg.model import Status

_BOUNDARY = re.compile(
    r"[;:(“”\"]|,(?=\s)|\s(?:and|but|while|whereas|which|of\s+which|including)\s"
)
_MARKET = re.compile(
    r"\b(?:shares?\s+(?:price|prices|rose|fell|were|closed|jumped|dropped|gained|lost|slipped|"
    r"climbed|ended|traded|up|down)|share\s+price|stock\s+(?:price|market)|index|Dow|Nasdaq|FTSE"
    r"|Nikkei|exchange\s+rate|against\s+the\s+(?:dollar|euro|pound|yen)|a\s+barrel|per\s+barrel"
    # the closing \b: without it "Dow" matched "down" and "index" matched "indexed", and every
    # figure near "down 9.5 percent" was taken for a market quote and dropped
    r"|an\s+ounce|per\s+ounce|a\s+share\s+price|pence|bond\s+yields?|trading\s+at)\b",
    re.IGNORECASE,
)
_PURPOSE = re.compile(
    r"\b(?:for|to)\s+(?:reviving|creating|building|revive|create|build|buy"
    r"|buying|purchase|purchasing|fund|funding|finance|financing)\s+$"
)
_PART_OF = re.compile(r"(?:of\s+which|including|among\s+them|,\s+mostly)\s+(?:so\s+far\s+)?$")
#: The part written before "of which": "another 5,600 MW ..., 3,800 MW of which is solar".
_PART_OF_AFTER = re.compile(r"\s+of\s+(?:which|whom)\b")
_REVISION = re.compile(
    r"\b(?:revised|raised|increased|lowered|reduced|cut|upped|changed|"
    r"upgraded|downgraded)\b(?:\s+\w+){0,4}\s+to\s*$",
    re.IGNORECASE,
)
_BARE_OK = re.compile(
    r"\b(?:reach|reached|to|at|total|totaled|totalled|hit|exceed|exceeded|"
    r"surpass|number|(?:up|down)\s+from|(?:target|goal)\s+of)\s+(?:about\s+|nearly\s+|over\s+)?$"
)
_ANAPHORIC = re.compile(
    r"\b(?:the\s+(?:mentioned|said|same|aforementioned)|these|those|(?:this|the)"
    r"\s+(?:figure|number|amount)|(?:the|this|that)\s+(?:[\w-]+-month\s+)?period"
    r"|the\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months"
    r"(?!\s+(?:of|to|ending|ended|since|before|after)\b)"
    r"|in\s+the\s+year(?!\s+(?:to|ending|ended|that|before|after|\d))"
    r"|(?:for|in|during)\s+the\s+quarter(?!\s+(?:to|ending|ended)))\b",
    re.IGNORECASE,
)
_CHANGE_VERB = re.compile(
    r"\b(?:rose|rise|rises|risen|fell|fall|falls|fallen|grew|grow|growth|"
    r"increase[ds]?|decrease[ds]?|declined?|jumped|climbed|surged|dropped|up"
    r"|down|higher|lower|gain(?:ed)?|drop|slipped|plunged|soared|cut|boost"
    r"|boosted|raised|lift(?:ed)?)\b(?:\s+\w+){0,3}\s+(?:by\s+)?$"
)


@dataclass(frozen=True)
class SentenceContext:
    """What one sentence contributes to its figures."""

    sentence: Sentence
    quantities: list[Quantity]
    periods: list[Period]
    attribution: Attribution


def build_observations(
    text: str, contexts: list[SentenceContext], table: EntityTable, headline: str | None = None
) -> list[ObservationMention]:
    """The observations of an article, in text order."""
    found: list[ObservationMention] = []
    previous_sentence_obs: list[ObservationMention] = []
    year = reporting_year(text, headline)
    for context in contexts:
        sentence_obs = _sentence_observations(
            text, context, table, found, previous_sentence_obs, year
        )
        found.extend(sentence_obs)
        if sentence_obs:
            previous_sentence_obs = sentence_obs
    found = _drop_repeats(found)
    return _link_progress(found)


def _sentence_observations(
    text: str,
    context: SentenceContext,
    table: EntityTable,
    earlier: list[ObservationMention],
    previous: list[ObservationMention],
    year: int | None = None,
) -> list[ObservationMention]:
    """The figures of one sentence; ``year`` is the year the article reports on, when it names
    no date for its figures (``reporting.reporting_year``)."""
    sentence = context.sentence
    s_text = sentence.text
    if re.search(r"All\s+Content\s+by|licensed\s+under", s_text):
        return []
    result: list[ObservationMention] = []
    quantities = context.quantities
    skip: set[int] = set()
    equivalents: dict[int, list[AmountMention]] = {}
    for i, quantity in enumerate(quantities):
        if i in skip:
            continue
        # A bracketed conversion right after a money figure is that figure's equivalent.
        j = i + 1
        while (
            j < len(quantities)
            and quantity.kind == MONEY
            and quantities[j].kind == MONEY
            and re.fullmatch(
                r"\s*[(;,]?\s*(?:or\s+|and\s+)?",
                s_text[quantities[j - 1].end : quantities[j].start]
                .replace("about", "")
                .replace("around", "")
                .replace("nearly", "")
                .replace("some", "")
                .replace("roughly", "")
                .replace("approximately", ""),
            )
            and "(" in s_text[quantity.end : quantities[j].start + 1]
        ):
            eq = quantities[j]
            equivalents.setdefault(i, []).append(
                AmountMention(
                    eq.value, eq.unit.iri if eq.unit else "", eq.approximate or bool(eq.approx_word)
                )
            )
            skip.add(j)
            j += 1
    last_unit_quantity: Quantity | None = None
    bare_part = -2  # index of the latest bare number read as a part ("of which 45 are")
    # a bracketed conversion is the same figure: it does not stand between a figure and its
    # period ("$3.65bn (£1.97bn) for the final three months of 2004")
    figures = [q for k, q in enumerate(quantities) if k not in skip]
    for i, quantity in enumerate(quantities):
        if i in skip:
            continue
        before = s_text[: quantity.start]
        after = s_text[quantity.end :]
        window = s_text[max(0, quantity.start - 60) : quantity.end + 25]
        counted = _counted_unit(before) if quantity.unit is None else None
        if counted is not None and quantity.value >= 2:
            # "the number of people out of work rose 32,000 to 1.41 million": people
            quantity = replace(quantity, unit=counted, noun=None)
        if quantity.unit is None:
            if quantity.value < 2:
                continue
            part = _bare_part(before, after) or (
                bare_part == i - 1 and _BARE_AND.search(before[-20:]) is not None
            )
            noun = unknown_count_noun(s_text, quantity.end)
            listed = _listed_unit(s_text, quantities, i)
            if listed is not None:
                # "sold 1.3 million, 980,000 and 760,000 tons": the list's last figure writes
                # the unit of all of them
                quantity = replace(
                    quantity,
                    value=quantity.value * (1 if quantity.scaled else _scale_of(s_text, listed)),
                    unit=listed.unit,
                    noun=listed.noun,
                )
                last_unit_quantity = quantity
            elif part:
                bare_part = i
                unit = _part_unit(before, last_unit_quantity, [*earlier, *result])
            elif noun is not None:
                # "sell 12 million policies", "loans to 21,400 artisans": a count of things the
                # vocabulary has no unit for, never a unit borrowed from the figure before
                unit = vocab.unit_by_notation("ITEM")
            elif _ANOTHER_BEFORE.search(before[-12:]) or _MORE_AFTER.match(after):
                # "another 40 are scheduled to resume", "three more by the end of the year": more
                # of what the figure before counted, no part of it
                unit = _unit_before(last_unit_quantity, [*earlier, *result], shares=False)
            elif _PERCENT_CHANGE_TO.search(before[-50:]):
                # "landings rose 9 percent to 148,000": the level of what changed, counted in
                # nothing the sentence names, never in percent
                unit = vocab.unit_by_notation("ITEM")
            elif ok := _BARE_OK.search(before[-30:]):
                # "up from 38m" compares with a figure of its own sentence only
                borrowed = [] if ok.group(0).rstrip().endswith("from") else previous
                unit = _unit_before(last_unit_quantity, borrowed, shares=True)
            else:
                unit = None
            if listed is None:
                if unit is None:
                    continue
                quantity = replace(quantity, unit=unit, noun=noun)
                if noun is not None:
                    last_unit_quantity = quantity
        else:
            last_unit_quantity = quantity
        if _MARKET.search(window):
            continue
        if (
            quantity.kind in (COUNT,)
            and _PURPOSE.search(before[-40:])
            and any(q.kind == MONEY for q in quantities[:i])
        ):
            continue
        parent = None
        if (_PART_OF.search(before[-30:]) or _PART_OF_AFTER.match(after)) and result:
            parent = result[-1]
        elif (
            _BREAKDOWN.search(before[-60:])
            or _BREAKDOWN_LIST.search(before[-40:])
            or bare_part == i
        ):
            parent = _whole_of(quantity, [*earlier, *result])
        if parent is None and _share_of_total(s_text, quantity):
            parent = _total_before(quantity, [*earlier, *result])
        # "Raja carried 9.8 million of the passengers": a part of a total told before, with
        # an owner of its own
        whole = (
            _named_whole(s_text[: quantity.end], after, quantity, [*earlier, *result])
            if parent is None
            else None
        )
        status = _status(s_text, quantity, result)
        subject = _subject(
            text,
            sentence,
            quantity,
            table,
            result,
            previous,
            parent,
            status,
            earlier,
            speaker=context.attribution.speaker,
            counted_spans=[(q.start, q.end) for q in figures if q is not quantity and q.noun],
        )
        subject = _respective_agency(text, sentence, figures, quantity, table) or subject
        if subject is None:
            continue
        before_it = [*earlier, *result]  # the article's figures so far, for its period
        reference = _reference_period(before_it)
        # the year the article reports on: the year of "the full year" and of annual results,
        # and the base of a shift when no figure before has a period
        fallback = year_span(year) if year is not None else None
        period_tuple: tuple[date | None, date | None, str | None]
        period = _period(context.periods, quantity, figures, s_text)
        shift = _shift_after(context.periods, quantity, figures, s_text)
        if (
            shift is not None
            and _CHANGE_VERB.search(before[-60:].lower())
            # "up from $2.89bn a year earlier": the figure after "from" is the earlier level
            and not re.search(r"\b(?:from|against|than)\s+(?:an?\s+|the\s+)?$", before)
        ):
            shift = None
        if shift is not None:
            # "£75m compared with £125m a year earlier": the sentence's period, moved back
            base = period if period is not None and period.resolved else None
            start, end = (base.first, base.last) if base else reference or fallback or (None, None)
            start, end = shifted(start, end, shift.shift or "year")
            period_tuple = (start, end, shift.label) if end else (None, None, None)
        elif period is not None and not period.resolved:
            gregorian = period.pending is not None and not period.pending.iranian
            # a figure before may be a shifted one ("from $639m a year earlier"): the
            # article's own year is the surer anchor
            anchor = fallback if gregorian and fallback is not None else reference
            if status is Status.TARGET and period.annual:
                # "The target for the whole year is 3.6 million units" after "up from 45
                # percent in 1397": a plan is for the latest year told, not the last one named
                anchor = _latest_period(before_it) or anchor
            period_tuple = _in_reference_year(period, anchor)
        elif period is None and (parent or whole) is not None:
            told = parent or whole
            assert told is not None
            period_tuple = (told.period_start, told.period_end, told.period_label)
        elif (
            period is None
            and reference is not None
            and (_ANAPHORIC.search(s_text) or _MADE_UNITS.search(s_text))
        ):
            # "in the same period", "the nine-month period": the period of the figures before,
            # the latest one of that length when the length is written
            reference = _reference_of_length(s_text, before_it) or reference
            period_tuple = (reference[0], reference[1], None)
        elif period is not None and period.deadline and status is Status.ACHIEVED:
            assert period.last is not None
            # "640 hectares had been allocated by the end of Shahrivar": since the year began
            period_tuple = (
                iranian_year(iranian_year_of(period.last))[0],
                period.last,
                period.label,
            )
        elif period is not None:
            period_tuple = (period.first, period.last, period.label)
        elif fallback is not None and _of_the_year(s_text, status):
            period_tuple = (fallback[0], fallback[1], None)
        elif (carried := _carried_period(context, previous, status)) is not None:
            period_tuple = carried
        else:
            period_tuple = (None, None, None)
        if status is Status.ACHIEVED and shift is None and not _ALLOTTED.search(before[-60:]):
            period_tuple = _so_far_in_year(period_tuple, before_it)
        if parent is not None and not _own_status_cue(s_text, quantity):
            status = parent.status
        if status is Status.CURRENT:
            # a level in force at the time of writing has no reference period; a period in its
            # sentence belongs to the figures around it ("11 percent now, 30 percent by 1407")
            period_tuple = (None, None, None)
        metric = _metric(s_text, quantity, status)
        if (
            parent is not None
            and metric == _fallback_metric(quantity)
            and quantity.unit is not None
            and parent.unit == quantity.unit.iri
        ):
            metric = parent.metric
        revised = _revised_by(status, before, quantity, result)
        if revised is not None:
            # "... $29 billion, after the ministry lowered its earlier target of $32 billion":
            # the same target as first set; the figure before revises it
            subject, metric = revised.subject, revised.metric
            at = result.index(revised)
            result[at] = replace(revised, revision_of=len(earlier) + len(result))
        revision_of = None
        if status is Status.TARGET and _REVISION.search(before[-60:]):
            prior = [
                o
                for o in [*earlier, *result]
                if o.status is Status.TARGET and o.metric == metric and o.subject == subject
            ]
            if prior:
                revision_of = prior[-1].index
        # a part shares its whole's status, or plans part of a stock or result ("2,900
        # projects identified, 450 of which would be completed")
        part_of = (
            parent.index
            if parent is not None and (status, parent.status) != (Status.ACHIEVED, Status.TARGET)
            else whole.index
            if whole is not None and whole.status is status
            else None
        )
        progress = (
            parent.index
            if parent is not None
            and part_of is None
            and (parent.status is Status.TARGET and status is Status.ACHIEVED)
            else None
        )
        assert quantity.unit is not None
        result.append(
            ObservationMention(
                index=len(earlier) + len(result),
                value=quantity.value,
                unit=quantity.unit.iri,
                status=status,
                metric=metric,
                subject=subject,
                sentence=sentence.index,
                evidence=s_text,
                start=sentence.start + quantity.start,
                metric_label=quantity.noun,
                approximate=quantity.approximate,
                value_max=quantity.value_max,
                period_start=period_tuple[0],
                period_end=period_tuple[1],
                period_label=period_tuple[2],
                shifted=shift is not None,
                stated_by=context.attribution.speaker,
                reported_by=context.attribution.reporter,
                part_of=part_of,
                revision_of=revision_of,
                progress_toward=progress,
                equivalents=tuple(equivalents.get(i, ())),
            )
        )
        _ = after
    return result


#: A share of a total by place or partner: "Khuzestan accounted for 1.8 million tons of the
#: purchases", "China was the top buyer with $7.4 billion, followed by Iraq with $6.9 billion".
_BREAKDOWN = re.compile(
    r"\b(?:accounted\s+for|made\s+up|with)\s+(?:about\s+|nearly\s+|over\s+|some\s+)?$"
)
_BREAKDOWN_LIST = re.compile(r"\bfollowed\s+by\s+[\w\s]{1,40}?\s+with\s+$")


#: A part of a total stated before: "Of that amount, 620,000 tons came from", "$12.3 billion of
#: the total was provided for".
_OF_TOTAL_BEFORE = re.compile(
    r"(?:^\W*|\bthat\s+|,\s+)(?:[Oo]f|[Oo]ut\s+of)\s+(?:that|this|the)\s+"
    r"(?:total|amount|sum|figure)\b"
)
_OF_TOTAL_AFTER = re.compile(r"^\s+of\s+(?:that|this|the)\s+(?:total|amount|sum)\b")


def _share_of_total(sentence: str, quantity: Quantity) -> bool:
    """Whether ``quantity`` is said to be part of a total named before it: "Of that amount" /
    "Of the total" opens the sentence (after a quote mark), a reported clause ("said that of the
    total,") or a comma clause before the figure, or "of the total" follows it."""
    opener = _OF_TOTAL_BEFORE.search(sentence, 0, quantity.start)
    if opener is not None:
        return True
    return _OF_TOTAL_AFTER.match(sentence[quantity.end :]) is not None


def _total_before(quantity: Quantity, found: list[ObservationMention]) -> ObservationMention | None:
    """The total a figure stated as "of the total" belongs to: the latest earlier figure of the
    same kind (any currency for money, any count for bare "units", the same unit otherwise)
    that is larger and has a period."""
    if quantity.unit is None or quantity.kind in (PERCENT, POINT):
        return None
    by_iri = vocab.units_by_iri()
    for obs in reversed(found):
        if obs.part_of is not None:
            continue  # "Of the total, $4.1 billion ... and $6.3 billion": a sibling, not the whole
        unit = by_iri.get(obs.unit)
        same = obs.unit == quantity.unit.iri or (
            unit is not None
            and unit.kind == quantity.kind
            # "Passenger cars accounted for 890,000 units of the total": bare units are of
            # whatever the total counts
            and (quantity.kind == MONEY or quantity.unit.notation == "UNIT")
        )
        if same:
            larger = obs.unit != quantity.unit.iri or obs.value > quantity.value
            return obs if obs.period_end is not None and larger else None
    return None


def _whole_of(quantity: Quantity, found: list[ObservationMention]) -> ObservationMention | None:
    """The total a breakdown figure is part of: the latest earlier figure in the same unit that
    is no part itself, when that is a level with a period (a breakdown of nothing stated is not
    taken as one)."""
    if quantity.unit is None or quantity.kind in (PERCENT, POINT):
        return None
    for obs in reversed(found):
        if obs.part_of is not None:
            continue  # an earlier entry of the same list is a sibling, not the whole
        if obs.unit == quantity.unit.iri:
            return obs if obs.period_end is not None and obs.value > quantity.value else None
    return None


_OF_THE_COUNTED = re.compile(r"\s+of\s+the\s+(?P<noun>[a-z-]+)\b")
_OF_THE_COUNTED_END = re.compile(r"\s+of\s+the\s+(?P<noun>[a-z-]+)$")


def _named_whole(
    upto: str, after: str, quantity: Quantity, found: list[ObservationMention]
) -> ObservationMention | None:
    """The total a figure written "N of the <things>" is part of, when <things> is what the
    figure's unit counts ("9.8 million of the passengers" after "24.6 million passengers");
    ``upto`` is the sentence up to the figure's end, which may have read the noun already."""
    match = _OF_THE_COUNTED_END.search(upto) or _OF_THE_COUNTED.match(after)
    if match is None or quantity.unit is None or match.group("noun") not in quantity.unit.labels:
        return None
    return _whole_of(quantity, found)


#: "the number of people (out of work) rose by 32,000 to": the noun counted, then a change or
#: level verb right before the bare figure.
_NUMBER_OF = re.compile(r"\b[Nn]umber\s+of\s+(?P<noun>(?:[A-Za-z][\w-]*\s+){0,3}[A-Za-z][\w-]*)")
_COUNT_VERB = re.compile(
    r"\b(?:rose|fell|increased|decreased|grew|dropped|declined|climbed|jumped|reached|hit|stood"
    r"\s+at|totall?ed|to|at)\s+(?:by\s+)?(?:about\s+|nearly\s+|some\s+|over\s+|almost\s+"
    r"|between\s+)?$"
)
#: Words that end the noun a clause counts ("the number of SSO pensioners at").
_NOUN_END = frozenset(
    """at to in on from by of for rose fell increased decreased grew dropped declined climbed
    jumped reached hit stood totaled totalled was were is are
    has have had will""".split()  # noqa: SIM905
)
#: "Of the trainees, 410,000 were women": the noun a list of parts divides.
_PARTS_OF = re.compile(
    r"\b[Oo]f\s+(?:the|these|those)\s+(?P<noun>(?:[\w-]+\s+){0,3}?[\w-]+),\s+[^,]*$"
)


#: A bare number that is a part of a figure before it, and so counts what that figure counts:
#: "of which 610,000 are", "Of the trainees, 410,000 were", "followed by Bank Sepah with 151,000".
_BARE_PART_BEFORE = re.compile(
    r"(?:\b(?:of\s+which|of\s+whom|among\s+them|including)"
    # "1,050 parks in the country, of which ISIPO runs 873"
    r"|\bof\s+which\s+(?:[A-Z][\w-]*\s+){1,3}(?:runs|has|owns|operates|manages|holds)"
    # "Of the trainees, 410,000": opening a clause ("at the beginning of the year, below 4,000"
    # is no part)
    r"|(?:^\W*|[,;:]\s+|\b(?:and|but|that|said)\s+)[Oo]f\s+(?:the|these|those|them|this|that)\b"
    r"[\w\s-]{0,30},"
    r"|\bfollowed\s+by\s+[\w\s'’-]{1,40}?\s+with)"
    r"\s+(?:about\s+|nearly\s+|some\s+|over\s+|more\s+than\s+|only\s+|just\s+|almost\s+)?$"
)
#: "we have registered 512,000 of them", "2,900 projects, 450 of which would be".
_BARE_PART_AFTER = re.compile(r"\s+of\s+(?:them|these|those|which|whom)\b")
#: The next part of a list of parts: "410,000 were women and about 260,000 were graduates".
_BARE_AND = re.compile(r"\band\s+(?:about\s+|nearly\s+|some\s+|over\s+|only\s+)?$")


_ANOTHER_BEFORE = re.compile(r"\banother\s+$")
_MORE_AFTER = re.compile(r"\s+more\b(?!\s+than\b)")


#: A change in percent leading to a bare level: "rose 9 percent to".
_PERCENT_CHANGE_TO = re.compile(
    r"\b(?:rose|fell|grew|increased|decreased|declined|dropped|jumped|climbed|up|down)\s+"
    r"(?:by\s+)?(?:about\s+|nearly\s+|some\s+)?[\d.,]+\s*(?:percent|per\s+cent|%)\s+to\s+$"
)
#: What joins the figures of one list: "1.3 million, 980,000 and 760,000 tons".
_LIST_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _listed_unit(text: str, quantities: list[Quantity], i: int) -> Quantity | None:
    """The figure that closes the list the bare figure ``i`` opens or continues, when that one
    has a unit (and only bare figures stand between them)."""
    for j in range(i + 1, len(quantities)):
        if _LIST_JOIN.fullmatch(text, quantities[j - 1].end, quantities[j].start) is None:
            return None
        if quantities[j].unit is not None:
            return quantities[j]
    return None


#: What joins the names of one list: "Iran Khodro Company (IKCO) and SAIPA".
_NAME_JOIN = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)")


def _respective_agency(
    text: str, sentence: Sentence, figures: list[Quantity], quantity: Quantity, table: EntityTable
) -> str | None:
    """The body that a list of figures given "respectively" pairs with ``quantity``: "IKCO and
    SAIPA accounted for 486,000 and 402,000 vehicles, respectively"."""
    if "respectively" not in sentence.text:
        return None
    at = next(k for k, figure in enumerate(figures) if figure.start == quantity.start)
    first = at
    while first > 0 and _LIST_JOIN.fullmatch(
        sentence.text, figures[first - 1].end, figures[first].start
    ):
        first -= 1
    last = at
    while last + 1 < len(figures) and _LIST_JOIN.fullmatch(
        sentence.text, figures[last].end, figures[last + 1].start
    ):
        last += 1
    names = [
        o
        for o in table.in_sentence(sentence.index, "agency")
        if o.end <= sentence.start + figures[first].start and not table.is_news(o.ref)
    ]
    run: list[Occurrence] = []
    for occurrence in names:
        if run and run[-1].ref == occurrence.ref:
            continue  # "Iran Khodro Company (IKCO)": one name written twice
        joined = run and _NAME_JOIN.fullmatch(text, run[-1].end, occurrence.start)
        run = [*run, occurrence] if joined else [occurrence]
    if last == first or len(run) != last - first + 1:
        return None
    return run[at - first].ref


#: A figure of a span of its own, left unnamed: "quarterly sales" (a "monthly report" is none).
_OWN_SPAN = re.compile(
    r"\b(?:[Qq]uarterly|[Mm]onthly|[Ww]eekly)\s+(?!(?:reports?|bulletins?|data|statistics)\b)"
)
#: A plan told in the past, for the period just reported: "had aimed to", "the target was".
_PAST_PLAN = re.compile(
    r"\bhad\s+(?:aimed|planned|targeted|hoped|expected|intended|set)\b"
    r"|\b(?:target|goal|plan)\s+(?:was|had\s+been)\b"
)


def _carried_period(
    context: SentenceContext, previous: list[ObservationMention], status: Status
) -> tuple[date | None, date | None, str | None] | None:
    """The one period of the sentence before, for a result or plan told next in a sentence with
    no date at all ("Iran's exports reached $57.9 billion in 1403 ... He said exports weighed
    146 million tons"): one story, one period. Current levels never get here."""
    if (
        status not in (Status.ACHIEVED, Status.TARGET)
        or context.periods
        or not previous
        # "quarterly sales fell 3%" after a year's results: a span of its own, unnamed
        or _OWN_SPAN.search(context.sentence.text)
    ):
        return None
    # a plan takes the period of plans, or of the results it is measured against ("had aimed to
    # finance 6,000 units"), not of a year's results before it ("expects to hire 300 people")
    looking_back = _PAST_PLAN.search(context.sentence.text) is not None
    told = [o for o in previous if status is Status.ACHIEVED or looking_back or o.status is status]
    periods = {(o.period_start, o.period_end) for o in told if not o.shifted}
    if len(periods) != 1:
        return None
    start, end = periods.pop()
    return (start, end, told[-1].period_label) if end is not None else None


_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _scale_of(text: str, quantity: Quantity) -> Decimal:
    """What the written number of ``quantity`` was multiplied by ("3,700 billion rials"):
    the scale word and any currency conversion, which a list's bare figures share."""
    written = _WRITTEN_NUMBER.match(text, quantity.number_start)
    if written is None:
        return Decimal(1)
    number = Decimal(written.group(0).replace(",", ""))
    return quantity.value / number if number else Decimal(1)


def _bare_part(before: str, after: str) -> bool:
    """Whether a number without a unit is a part of a figure named before it, whose unit it
    takes: "of which 45 will be", "Of the trainees, 410,000 were", "512,000 of them"."""
    return bool(_BARE_PART_BEFORE.search(before[-80:]) or _BARE_PART_AFTER.match(after))


def _counted_unit(before: str) -> Unit | None:
    """The unit of a bare figure whose clause counts a noun ("the number of people in work
    increased by 296,000", "put the number of pensioners at 4.3 million"), when a verb of change
    or level leads to it; items when the vocabulary does not know the noun."""
    if _COUNT_VERB.search(before) is None:
        return None
    nouns = [m.group("noun") for m in _NUMBER_OF.finditer(before[-90:])]
    if not nouns:
        return None
    return _unit_of_noun(nouns[-1]) or vocab.unit_by_notation("ITEM")


def _unit_of_noun(phrase: str) -> Unit | None:
    """The count unit of the noun ``phrase`` names (up to a verb or preposition), read from its
    last word back, so the head noun counts first ("SSO pensioners" -> persons)."""
    words: list[str] = []
    for word in phrase.split():
        if word.lower() in _NOUN_END:
            break
        words.append(word.lower())
    for word in reversed(words):
        unit = next((u for u in vocab.units() if u.kind == COUNT and word in u.labels), None)
        if unit is not None:
            return unit
    return None


def _part_unit(
    before: str, sentence_source: Quantity | None, previous: list[ObservationMention]
) -> Unit | None:
    """The unit of a bare part: the noun its list divides ("Of the trainees, 410,000"), else
    the unit of the latest whole before it that is no share."""
    divided = _PARTS_OF.search(before[-80:])
    if divided is not None and (unit := _unit_of_noun(divided.group("noun"))) is not None:
        return unit
    return _unit_before(sentence_source, previous, shares=False)


def _unit_before(
    sentence_source: Quantity | None, previous: list[ObservationMention], *, shares: bool
) -> Unit | None:
    """The unit of the latest figure before a bare number: the sentence's, else that of the
    figures in ``previous``; a percentage or point counts only when ``shares`` is true."""
    if sentence_source is not None and (shares or sentence_source.kind not in (PERCENT, POINT)):
        return sentence_source.unit
    units = vocab.units_by_iri()
    for mention in reversed(previous):
        unit = units.get(mention.unit)
        if unit is not None and (shares or unit.kind not in (PERCENT, POINT)):
            return unit
    return None


#: A plan named as the one set before: "its earlier target of", "the initial forecast of".
_EARLIER_PLAN = re.compile(
    r"\b(?:its|the|an|their)\s+(?:earlier|initial|original|previous|old)\s+"
    r"(?:target|forecast|goal|plan|projection|estimate)\s+(?:of|at)\s+"
    r"(?:(?:about|around|some|nearly)\s+)?$",
    re.IGNORECASE,
)


def _revised_by(
    status: Status, before: str, quantity: Quantity, result: list[ObservationMention]
) -> ObservationMention | None:
    """The target of the same sentence that revises this one, when this one is written as the
    plan set before ("its earlier target of $32 billion")."""
    if status is not Status.TARGET or not _EARLIER_PLAN.search(before[-60:]):
        return None
    unit = quantity.unit.iri if quantity.unit is not None else None
    return next(
        (
            o
            for o in reversed(result)
            if o.status is Status.TARGET and o.unit == unit and o.revision_of is None
        ),
        None,
    )


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause text left and right of a figure."""
    left_cut = 0
    for match in _BOUNDARY.finditer(text, 0, start):
        left_cut = match.end()
    right = _BOUNDARY.search(text, end)
    right_cut = right.start() if right else len(text)
    return text[left_cut:start], text[end:right_cut]


def _status(text: str, quantity: Quantity, so_far: list[ObservationMention]) -> Status:
    found = status_of(text, quantity, [o.status for o in so_far])
    return from_level(text, quantity, found)


def _own_status_cue(text: str, quantity: Quantity) -> bool:
    left, right = _clause(text, quantity.start, quantity.end)
    part = re.match(r"\s+of\s+(?:which|whom)\s+[^,;.]*", text[quantity.end :])
    restated = APPOSITION.match(text, quantity.end)
    after_restatement = _clause(text, restated.end(), restated.end())[1] if restated else ""
    own = left + right + (part.group(0) if part else "") + after_restatement
    return bool(
        re.search(
            r"\b(?:so\s+far|have\s+been|has\s+been|had\s+been|have\s+resumed|revived|were|will|would"
            r"|could|can|may|might)\b",
            own,
        )
    )


def _subject(
    text: str,
    sentence: Sentence,
    quantity: Quantity,
    table: EntityTable,
    so_far: list[ObservationMention],
    previous: list[ObservationMention],
    parent: ObservationMention | None,
    status: Status,
    earlier: list[ObservationMention] | None = None,
    *,
    speaker: str | None = None,
    counted_spans: list[tuple[int, int]] | None = None,
) -> str | None:
    if parent is not None:
        # a split of a total keeps the total's owner, unless it names its own source ("of
        # which 8.7 trillion rials came from the resources of the NDFI")
        return _source_of_part(text, sentence, quantity, table) or parent.subject
    listed = _listed_place(text, sentence, quantity, table)
    if listed is not None:
        return listed
    subject = _reported_subject(
        text,
        sentence,
        quantity,
        table,
        so_far,
        previous,
        earlier or previous,
        _speaker_body(table, speaker),
        counted_spans or [],
        speaker_named=any(o.ref == speaker for o in table.in_sentence(sentence.index, "person")),
    )
    if status is Status.TARGET and re.search(r"\binflation\b", sentence.text, re.I):
        # a central bank's own inflation target is the bank's ("We plan to bring inflation
        # down to 30 percent", said by its governor), not the country's statistic
        bank = _central_bank(sentence, table)
        if bank is not None:
            return bank
    if (
        subject is not None
        and _is_agency(table, subject)
        and _is_central_bank(table, subject)
        and _POLICY_RATE.search(sentence.text)
    ):
        return subject  # "the Fed has raised its key rate to 2%": the bank's own instrument
    if status is Status.CURRENT:
        # "there are 8,630 active mines in the country", "the province is home to 5,600 units"
        holder = _stock_holder(text, sentence, quantity, table)
        if holder is not None:
            return holder
    if (
        subject is not None
        and _is_agency(table, subject)
        and _national_indicator(sentence, quantity)
        and not _indicator_of(text, sentence, table, subject)
    ) or (
        subject is not None
        and _carried_group(table, sentence, subject)
        and _OF_GDP.match(sentence.text, quantity.end)
    ):
        # a statistics office, central bank or ministry only reports a national statistic; nor
        # does a group named in an earlier sentence own a share of GDP ("penetration stands at
        # 2.4 percent of GDP" after the insurers' premiums)
        return _country_in(sentence, table) or table.country or subject
    if subject is not None and (
        (
            status is not Status.TARGET
            and _data_office(table, subject)
            and not _acts_itself(text, sentence, quantity, table, subject)
        )
        # "the industry has", "the sector's exports": the body's own industry, taken up
        or (_trade_body(table, subject) and not _INDUSTRY_TAKEN_UP.search(sentence.text))
    ):
        # a statistics office or customs administration reports what the country did, and an
        # industry's association what the industry did or will do
        return _country_in(sentence, table) or table.country or subject
    return _network_operator(table, subject) if subject is not None else None


_OF_GDP = re.compile(r"\s+of\s+(?:the\s+country['’]s\s+)?(?:GDP|gross\s+domestic\s+product)\b")


def _carried_group(table: EntityTable, sentence: Sentence, subject: str) -> bool:
    """Whether ``subject`` is a group that the figure's sentence does not name."""
    return subject in table.populations and all(
        o.ref != subject for o in table.in_sentence(sentence.index, "population")
    )


_SOURCE = re.compile(
    r"[^,;.]{0,40}?\b(?:came|come|comes|was\s+provided|were\s+provided)\s+(?:from|through)\s+"
    # "came through the joint credit line of the NDFI": the lender of that line
    r"(?:the\s+)?(?:(?:[\w-]+\s+)?(?:resources|funds|budget|credit\s+line|line\s+of\s+credit)"
    r"\s+of\s+(?:the\s+)?)?$"
)


def _source_of_part(
    text: str, sentence: Sentence, quantity: Quantity, table: EntityTable
) -> str | None:
    """The body a part of a total came from, named in the part's own clause."""
    q_end = sentence.start + quantity.end
    for occurrence in table.occurrences:
        if (
            occurrence.kind == "agency"
            and occurrence.sentence == sentence.index
            and occurrence.start > q_end
            and _SOURCE.fullmatch(text, q_end, occurrence.start)
        ):
            return occurrence.ref
    return None


#: Networks that one state body runs, by the plural the body's name also has ("Ports and
#: Maritime Organization", "Railways of the Islamic Republic of Iran", "Airports Company").
_NETWORKS = ("ports", "railways", "airports")


def _network_operator(table: EntityTable, subject: str) -> str:
    """The body that runs a country's network when the figure's owner is that network ("Iran's
    ports handled 4 million tons" with the Ports and Maritime Organization named), else
    ``subject``."""
    group = table.populations.get(subject)
    if group is None:
        return subject
    head = group.label.split()[-1].lower()
    if head not in _NETWORKS:
        return subject
    runs = [
        a
        for a in table.agencies
        if not a.news and any(head in name.lower().split() for name in a.names)
    ]
    if len(runs) > 1:
        # the PMO and its Hormozgan department: the country's network is the national body's
        runs = [a for a in runs if a.parent is None and not _local_name(a.label)]
    return runs[0].ref if len(runs) == 1 else subject


def _local_name(label: str) -> bool:
    """Whether a body's name opens with a province or city ("Hormozgan Ports and Maritime
    Department"): a local office, not the national body."""
    first = label.split()[0] if label.split() else ""
    entry = place_entry(first)
    return entry is not None and entry.kind in ("province", "city")


#: A central bank's own instrument: its policy rate or the money it issues.
_POLICY_RATE = re.compile(
    r"\b(?:(?:key|benchmark|base|policy|repo|discount|funds|lending|deposit|interest)\s+rates?"
    r"|monetary\s+base)\b",
    re.IGNORECASE,
)


#: What may stand between a list entry's place and its figure: "Khuzestan with", "Bushehr
#: Province topped the list with", "Ardabil registered the lowest rate at".
_LIST_ENTRY = re.compile(
    r"^(?:\s+[\w-]+){0,8}?\s+(?:with|at)\s+(?:(?:about|nearly|over|some|around)\s+)?$"
)
_LIST_OPENER = re.compile(r"^\s*(?:(?:and|while|then|followed\s+by|ahead\s+of)\s+)*$", re.I)


def _listed_place(
    text: str, sentence: Sentence, quantity: Quantity, table: EntityTable
) -> str | None:
    """The place within a country whose own figure a ranking gives: the place opens the figure's
    clause and "with" or "at" leads to the figure ("followed by Khuzestan at 11.2 percent",
    "while Ardabil registered the lowest rate at 3.9 percent"). Called only for figures that
    split no total (a split keeps the total's owner). A country in such a list is a partner
    ("China with $7.4 billion"), not the figure's owner, so it is left out."""
    base = sentence.start
    q_start = base + quantity.start
    found = None
    for occurrence in table.occurrences:
        if (
            occurrence.sentence != sentence.index
            or occurrence.kind != "place"
            or occurrence.end > q_start
            or table.places[occurrence.ref].kind in (None, "country")
        ):
            continue
        own_left, _ = _clause(sentence.text, occurrence.start - base, occurrence.end - base)
        opener = text[occurrence.start - len(own_left) : occurrence.start]
        if _LIST_OPENER.match(opener) and _LIST_ENTRY.match(text[occurrence.end : q_start]):
            found = occurrence.ref
    return found


def _central_bank(sentence: Sentence, table: EntityTable) -> str | None:
    """The central bank named in the sentence, else the article's main body when that is a
    central bank (its name has "central bank", "reserve bank" or "Federal Reserve")."""
    named = [
        o.ref
        for o in table.occurrences
        if o.sentence == sentence.index and o.kind == "agency" and _is_central_bank(table, o.ref)
    ]
    if named:
        return named[0]
    main = _main_agency(table)
    return main if main is not None and _is_central_bank(table, main) else None


def _is_central_bank(table: EntityTable, ref: str) -> bool:
    return any(
        re.search(r"\b(?:central|reserve)\s+bank\b|\bfederal\s+reserve\b", name, re.I)
        for name in table.agency_by_ref(ref).names
    )


def _data_office(table: EntityTable, ref: str) -> bool:
    """Whether the agency ``ref`` collects a country's data (its name has a word such as
    "statistics" or "customs"): the figures it reports are the country's, not its own."""
    return _named_with(table, ref, vocab.data_office_words())


#: What follows a body that does something itself ("IRICA collected", "the administration has
#: so far connected"), not a verb by which it reports what others did ("customs registered").
_OWN_ACT = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:(?:so\s+far|also|already)\s+)?"
    r"(?!(?:reported|registered|recorded|announced|estimated|said|showed|put|listed)\b)[a-z]+ed\b"
    r"[^,;]*$"
)


def _acts_itself(
    text: str, sentence: Sentence, quantity: Quantity, table: EntityTable, ref: str
) -> bool:
    """Whether the body ``ref`` is named right before the figure's verb as the one who acted:
    a customs administration's own collections are its own, not the country's."""
    q_start = sentence.start + quantity.start
    return any(
        o.ref == ref
        and o.sentence == sentence.index
        and o.end <= q_start
        and _OWN_ACT.match(text, o.end, q_start) is not None
        for o in table.occurrences
    )


_INDUSTRY_TAKEN_UP = re.compile(r"\b[Tt]he\s+(?:industry|sector)\b")


def _trade_body(table: EntityTable, ref: str) -> bool:
    """Whether the agency ``ref`` is an industry's trade body ("Iranian Steel Producers
    Association"), which speaks for the whole industry."""
    return _named_with(table, ref, vocab.trade_body_words())


def _named_with(table: EntityTable, ref: str, words: frozenset[str]) -> bool:
    agency = next((a for a in table.agencies if a.ref == ref), None)
    if agency is None:
        return False
    # the names as written too: a body kept under its acronym ("IBGE") was defined by its name
    written = [o.text for o in table.occurrences if o.ref == ref]
    found = {w for name in [*agency.names, *written] for w in re.findall(r"[a-z]+", name.lower())}
    return not found.isdisjoint(words)


def _ministry(table: EntityTable, ref: str) -> bool:
    """Whether the agency ``ref`` is a ministry."""
    return _is_agency(table, ref) and head_word(table.agency_by_ref(ref).label) == "ministry"


def _is_agency(table: EntityTable, ref: str) -> bool:
    return any(a.ref == ref for a in table.agencies)


def _national_indicator(sentence: Sentence, quantity: Quantity) -> bool:
    """Whether the figure's sentence names a statistic of a whole country ("the unemployment
    rate stood at 9.2 percent"). The whole sentence counts, because such figures are often
    listed after the statistic ("... said it fell to 9.6% in December from 10.6%"); a later
    clause does not ("..., and that exporters returned $27 billion to the country's economy")."""
    cut = _CLAUSE_BREAK.search(sentence.text, quantity.end)
    scope = f"{sentence.text[: cut.start() if cut else None]} {quantity.noun or ''}".lower()
    return _indicators()[0].search(scope) is not None


@cache
def _indicators() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The national statistics (reference data) as a word; followed by "from", "of", "by",
    "into" or "in" and a noun for a body ("exports from the zone"); and followed by one of those
    words at the end of the text searched, where a body's name begins."""
    stat = rf"\b(?:{vocab.alternation(vocab.national_indicators())})"
    owned = rf"{stat}\s+(?:from|of|by|into|in)\s+"
    return (
        re.compile(rf"{stat}\b"),
        re.compile(rf"{owned}(?:the|its)\s+(?:zone|company|organization|park|parks)\b", re.I),
        re.compile(rf"{owned}$", re.I),
    )


def _indicator_of(text: str, sentence: Sentence, table: EntityTable, ref: str) -> bool:
    """Whether the sentence's statistic is the body's own: "non-oil exports from the zone",
    "imports into the zone", "the exports of NICICO"."""
    _, taken_up, before_name = _indicators()
    # "exports from the zone": the body taken up by a noun, whether or not it was resolved
    if taken_up.search(sentence.text):
        return True
    return any(
        o.ref == ref
        and o.sentence == sentence.index
        and before_name.search(text[sentence.start : o.start]) is not None
        for o in table.occurrences
    )


#: A whole country's output, demand or sector as the subject of the figure's clause: "domestic
#: wheat production is expected to reach", "domestic car output reached", "peak demand hit".
_NATIONAL_TOTAL = re.compile(
    # "domestic producers currently make 45 percent": the country's producers as a whole
    r"\b(?:(?:[Dd]omestic|[Nn]ational)\s+(?:[a-z-]+\s+){0,2}(?:production|output|producers"
    r"|manufacturers)"
    # "investment in the industry and mining sector reached": a whole sector's
    r"|[Ii]nvestment\s+in\s+the\s+(?:[a-z-]+\s+){1,4}?sectors?"
    r"|[Pp]eak\s+(?:electricity\s+|power\s+)?demand)\s+(?:[a-z]+\s+){0,4}?"
    r"(?:is|was|are|were|has|had|reached|rose|fell|hit|stood|will|grew|increased|registered"
    r"|make|makes|made|covered|covers|met|meets|supplied|supplies|could|may|might|to)\b"
    r"[^,;]*$"
)


#: A product's output opening a clause, with no owner: "home appliance production had fallen".
_PRODUCT_OUTPUT = re.compile(
    r"\s*(?!(?i:its|their|his|her|our|the|this|that|total|annual|monthly)\b)"
    r"(?:[A-Za-z-][a-z-]*\s+(?:[a-z-]+\s+)?(?:production|output)|(?:[A-Za-z-][a-z-]*\s+)?"
    # "exports could fall by $4 billion": a nation's trade needs no product named
    r"(?:exports|imports))\s+"
    r"(?:[a-z]+\s+){0,4}?(?:is|was|are|were|has|had|reached|rose|fell|hit|stood|will|grew"
    r"|increased|registered|could|may|might)\b"
    r"[^,;]*$"
)
_CLAUSE_OPENING = re.compile(r"(?:[,;:–—]\s*|\b(?:that|said|says)\s+)$")


@cache
def _national_trade() -> re.Pattern[str]:
    """ "exports of Iranian medicines are expected to reach": a trade flow of a nation's goods."""
    demonyms = vocab.alternation(vocab.demonyms())
    return re.compile(
        rf"\b(?:[Ee]xports|[Ii]mports)\s+of\s+(?:{demonyms})\s+(?:[a-z-]+\s+){{0,3}}?"
        r"(?:is|was|are|were|has|have|had|reached|rose|fell|hit|stood|will|grew|totaled)\b[^,;]*$"
    )


def _national_total(text: str, base: int, q_start: int, in_sentence: list[Occurrence]) -> bool:
    """Whether the figure's clause has a national total as its subject ("domestic car output
    reached 1.06 million vehicles", "home appliance production had fallen", "exports of Iranian
    medicines") with no body named between them."""
    match = _NATIONAL_TOTAL.search(text, base, q_start) or _national_trade().search(
        text, base, q_start
    )
    if match is None:
        clause_start = _clause_start(text, base, q_start)
        match = _PRODUCT_OUTPUT.match(text, clause_start, q_start)
        if (
            match is not None
            and clause_start > base
            and not _CLAUSE_OPENING.search(text, base, clause_start)
        ):
            match = None
    return (
        match is not None
        and not any(
            (o.kind in ("agency", "population") and match.start() <= o.start < q_start)
            # "Hormozgan's peak electricity demand": the province's, not the country's
            or re.fullmatch(r"['’]s\s+", text[o.end : match.start()]) is not None
            for o in in_sentence
        )
    )


#: A stock counted over the whole country or the article's province: "8,630 active mines in the
#: country", "idle units across the country", "sports venues nationwide", "14 industrial clusters
#: in the province".
_NATIONWIDE = re.compile(
    r"\s*(?:[\w-]+\s+){0,4}?(?:(?:in|across)\s+(?:the\s+(?P<where>country|nation|province)\b"
    r"|(?P<place>[A-Z]))|nationwide\b)"
)
#: The holder of a stock written as the clause's subject: "the province is home to some 5,600".
_HOME_TO = re.compile(
    r"\b[Tt]he\s+(?P<where>country|nation|province)\s+(?:is|was)\s+(?:also\s+)?home\s+to\s+"
    r"(?:(?:some|about|nearly|over|around|more\s+than)\s+)?$"
)


def _stock_holder(
    text: str, sentence: Sentence, quantity: Quantity, table: EntityTable
) -> str | None:
    """The country or province whose stock a figure counts, by "in the country" (or the
    country's name) or "in the province" right after it, or "the province is home to" before
    it, when no body acts on it."""
    home = _HOME_TO.search(sentence.text, 0, quantity.start)
    match = home or _NATIONWIDE.match(sentence.text, quantity.end)
    if match is None:
        return None
    in_sentence = [o for o in table.occurrences if o.sentence == sentence.index]
    if home is None and _acting_body_before(
        text, sentence.start, sentence.start + quantity.start, in_sentence
    ):
        return None  # "the foundation supports 2.1 million households across the country"
    if match.group("where") == "province":
        return _only_province(table)
    if home is not None or match.group("place") is None:
        return table.country
    at = sentence.start + match.start("place")
    found = any(o.start == at and o.ref == table.country for o in table.occurrences)
    return table.country if found else None


def _country_in(sentence: Sentence, table: EntityTable) -> str | None:
    """The only country named in the sentence, if exactly one is."""
    countries = {
        o.ref
        for o in table.occurrences
        if o.sentence == sentence.index
        and o.kind == "place"
        and table.places[o.ref].kind == "country"
    }
    return countries.pop() if len(countries) == 1 else None


def _reported_subject(
    text: str,
    sentence: Sentence,
    quantity: Quantity,
    table: EntityTable,
    so_far: list[ObservationMention],
    previous: list[ObservationMention],
    earlier: list[ObservationMention],
    speaker_body: str | None = None,
    counted_spans: list[tuple[int, int]] | None = None,
    *,
    speaker_named: bool = False,
) -> str | None:
    """Whose figure it is by the names around it: a possessive, "we" in the words of a body's
    official, "by X", "N percent of X", the nearest body named before it, or the subject of the
    figure before."""
    base = sentence.start
    q_start, q_end = base + quantity.start, base + quantity.end
    in_sentence = [
        o
        for o in table.occurrences
        if o.sentence == sentence.index
        and o.kind in ("agency", "place", "population")
        and not (o.kind == "agency" and table.agency_by_ref(o.ref).news)
        and not (q_start <= o.start < q_end)
        # "the head of TVTO, which is affiliated with the ministry, said", "the official, who
        # spoke at a fair in Qazvin, said": not the ministry's, nor Qazvin's
        and not (o.kind in ("agency", "place") and _in_aside(text, o.start, o.end, q_start, base))
        # "IMIDRO and its affiliated companies have invested": the body's own group
        and not (
            o.kind == "population" and _OWN_GROUP.search(text, max(base, o.start - 20), o.start)
        )
        and not (o.kind == "population" and _OUTPUT_GROUP.fullmatch(table.populations[o.ref].label))
        # what another figure counts ("revived 1,062 idle production units, bringing back
        # 14,300 jobs") is that figure's object, not an owner of the figures around it
        and not (
            o.kind == "population"
            and (
                any(
                    base + a <= o.start < base + b
                    or _COUNTED_AND.fullmatch(text, base + b, o.start)
                    for a, b in counted_spans or ()
                )
                or (
                    _OBJECT_GROUP.search(text, max(base, o.start - 60), o.start) is not None
                    # "earmarked for SMEs, which currently receive 12 percent": the group is
                    # the subject of the clause that gives the figure
                    and not _RELATIVE_AFTER.match(text, o.end, q_start)
                )
            )
        )
    ]
    # the dateline ("TEHRAN, Feb. 5 (IRNA) –") says where the article was filed, not what about
    dateline = _DATELINE.match(text)
    if dateline is not None:
        in_sentence = [o for o in in_sentence if o.start >= dateline.end()]
    occasion = _OCCASION.match(sentence.text)
    if occasion is not None:
        # "Speaking at a press conference in Tehran, X said": where it was said, not whose
        in_sentence = [
            o for o in in_sentence if not (o.kind == "place" and o.start < base + occasion.end())
        ]
    after = text[q_end : base + len(sentence.text)]
    if table.country and re.search(r"(?:country|nation)['’]s\s+(?:total\s+)?$", text[base:q_start]):
        return table.country
    if table.country is not None and (
        _country_acts(text, base, q_start, in_sentence)
        or _national_total(text, base, q_start, in_sentence)
    ):
        return table.country
    partners = [o for o in in_sentence if o.ref != table.country and _trade_partner(text, base, o)]
    if partners and table.country is not None:
        nearest = max(
            (o for o in in_sentence if o.end <= q_start), key=lambda o: o.start, default=None
        )
        share = quantity.kind in (PERCENT, POINT) and re.match(r"\s+of\s+", after)
        if nearest is not None and nearest in partners and not share:
            # "exports to Iraq rose 12 percent to $9 billion": the country that exports, or the
            # exporter of the figures before ("exports from the province rose ..., while
            # exports to Iraq reached"); but "Iraq and Turkey bought 58 percent of the SMEs'
            # exports" is a share of the group's
            return so_far[-1].subject if so_far else table.country
        in_sentence = [o for o in in_sentence if o not in partners]
    if _program_figure(text, base, q_start, q_end, len(sentence.text)):
        runner = speaker_body or _main_agency(table)
        if runner is not None:
            return runner
    described = _described_body(text, base, q_start, in_sentence)
    if described and _main_agency(table) is not None:
        return _main_agency(table)
    owner = _possessive_owner(text, base, q_start, in_sentence, table)
    if owner is not None:
        return owner
    if _division_of_main(text, base, q_start, q_end, in_sentence):
        main = _main_agency(table)
        if main is not None:
            return main
    we = max(_FIRST_PERSON.finditer(text, base, q_start), key=lambda m: m.start(), default=None)
    if (
        we is not None
        and speaker_body is not None
        # a ministry's target ("We have set a target of $500 million" for handicraft exports)
        # is set for the whole country, not for the ministry
        and not (we.group(0).endswith(("target", "goal")) and _ministry(table, speaker_body))
        and not any(
            o.kind in ("agency", "population") and we.start() <= o.start < q_start
            for o in in_sentence
        )
    ):
        # "We plan to pay 300,000 loans", said by a bank's CEO: the bank's figure
        return speaker_body
    opener = WITH_OPENER.match(sentence.text)
    if opener is not None and quantity.end <= opener.end():
        # "With 68 types of minerals ..., Iran is among the world's top 15": the clause's subject
        for occurrence in in_sentence:
            if occurrence.start == base + opener.end():
                return occurrence.ref
    if quantity.kind == MONEY and _BANK_LOANS.match(text, q_end):
        # "received 73 trillion rials in bank loans", "1,650 billion rials of working capital
        # loans from banks in the province": what the banks lent
        return population(table, "banks")
    for occurrence in in_sentence:
        if (
            occurrence.kind == "agency"
            and occurrence.start >= q_end
            and _THROUGH.fullmatch(text, q_end, occurrence.start)
        ):
            # "SMEs received 486 trillion rials in loans through ISIPO": the channel's program
            return occurrence.ref
    for occurrence in in_sentence:
        if (
            occurrence.start >= q_end
            and re.search(r"\bby\s+(?:the\s+)?$", text[q_end : occurrence.start])
            and ", " not in text[q_end : occurrence.start]
        ):
            return occurrence.ref
    share_of = re.match(r"\s*(?:of|in)\s+(?:the\s+)?", after)
    if share_of and _SHARE_VERB.search(text, base, q_start):
        # "Acme accounted for 30 percent of Iran's output": the share is the actor's
        share_of = None
    if share_of and quantity.kind in (PERCENT, POINT):
        for occurrence in in_sentence:
            if occurrence.start == q_end + share_of.end() or (
                0 <= occurrence.start - (q_end + share_of.end()) <= 16
                and occurrence.kind == "population"
            ):
                return occurrence.ref
    left = [o for o in in_sentence if o.end <= q_start]
    acting = _acting_place(text, table, left, base, q_start)
    if acting is not None:
        return acting
    agencies = [o for o in left if o.kind in ("agency", "population")]
    if agencies:
        nearest = max(agencies, key=lambda o: o.start)
        # A figure listed after another one with no new name between them shares its subject.
        if so_far and nearest.start < so_far[-1].start:
            return so_far[-1].subject
        return nearest.ref
    if so_far:
        return so_far[-1].subject
    if table.country is not None and _COUNTRY_AS_OBJECT.search(sentence.text):
        # "Inbound tourism earned the country $4.1 billion": what the whole country gained
        return table.country
    places = [o for o in left if o.kind == "place"]
    if places:
        return max(places, key=lambda o: o.start).ref
    right = [o for o in in_sentence if o.start >= q_end and o.kind == "agency"]
    if right and previous and re.match(r"\W*(?:It|They)\s", sentence.text):
        # "It has offered to pay $300m, in a deal under review by the SEC": the pronoun is the
        # body of the figures before, not the one named after the figure
        return _carried_subject(previous, earlier)
    if right:
        return min(right, key=lambda o: o.start).ref
    carried = _carried_subject(previous, earlier) if previous else None
    if (
        carried is not None
        and speaker_named
        and speaker_body is not None
        and _is_agency(table, carried)
        # "the center's turnover": a body named before, taken up again
        and not _BODY_TAKEN_UP.search(text, base, q_start)
    ):
        # "Ostovari said the budget bill envisages 300 trillion rials": a body named in an
        # earlier sentence does not own what another body's official says
        return speaker_body
    if carried is not None:
        return carried
    # "386 projects were inaugurated ..., a deputy industry minister said": the body of the
    # official who gives the figure, before the body the article names most
    return speaker_body or _main_agency(table) or table.country


#: A place as the subject of the figure's verb: "Iran has 18,400 kilometers", "Iran exported".
_PLACE_ACTS = re.compile(
    r"\s+(?:(?:has|have|had|is|was|will)\s+(?:(?:also|now|already|so\s+far)\s+)?)?"
    r"(?!(?:and|or|to|in|of|for|with|from|on|at|as|by|that|which|said|says|told)\b)[a-z]+\b"
    r"[^,;:]*$"
)


#: What opens the clause a place is the subject of: "says Iran has", "..., and Iran exported".
_PLACE_OPENS = re.compile(r"(?:[,;:–—“\"]\s*|\b(?:that|says|said|and|while|but|whereas)\s+)$")


def _acting_place(
    text: str, table: EntityTable, left: list[Occurrence], base: int, q_start: int
) -> str | None:
    """The article's country named last before the figure when it opens the clause and is the
    subject of the figure's verb ("the RMTO says Iran has 18,400 kilometers of freeways"):
    the place's own figure, though a body was named before it ("companies in Iran have" and
    "a zone in northwestern Iran attracted" name where, not who)."""
    nearest = max(left, key=lambda o: o.start, default=None)
    if (
        nearest is None
        or nearest.kind != "place"
        or nearest.ref != table.country
        or (
            text[base : nearest.start].strip()
            and not _PLACE_OPENS.search(text, base, nearest.start)
        )
    ):
        return None
    return nearest.ref if _PLACE_ACTS.match(text, nearest.end, q_start) else None


#: A sentence opened by the occasion of a statement ("Addressing a meeting ... in Tehran,").
_OCCASION = re.compile(
    rf"{LEAD_DATELINE}(?:Speaking|Addressing|Talking|Writing|Visiting)\b[^,;]{{0,120}},\s+"
)
#: Money that banks lent, said after the figure: "in bank loans", "of loans from banks".
_BANK_LOANS = re.compile(
    r"(?:\s*\([^)]*\))?\s+(?:of|in)\s+(?:[\w-]+\s+){0,5}?(?:bank\s+(?:loans|facilities|credit)"
    r"|(?:loans|facilities|credit)\s+from\s+(?:the\s+)?(?:agent\s+|commercial\s+)?banks)\b"
)
_THROUGH = re.compile(r"[^,;]{0,40}?\bthrough\s+(?:the\s+)?")
#: A verb that gives its subject's share of a whole ("accounted for about", "made up").
_SHARE_VERB = re.compile(
    r"\b(?:accounted\s+for|accounts?\s+for|made\s+up|makes?\s+up|represented|constituted)"
    r"\s+(?:(?:about|nearly|some|around|over|more\s+than|almost|roughly|only|just)\s+)?$"
)


#: The country as what a figure was earned for or cost: "earned the country $4.1 billion".
_COUNTRY_AS_OBJECT = re.compile(
    r"\b(?:earned|earns|cost|costs|saved|saves)\s+the\s+(?:country|nation)\b"
)


#: A body of an earlier sentence taken up by a definite possessive: "the center's turnover".
_BODY_TAKEN_UP = re.compile(r"\b[Tt]he\s+[a-z]+['’]s\s")


#: The speaker's body doing its own work in a quote: "we plan to pay", "we have revived". A
#: national figure the body only steers ("our target is 1.5 million tons of fish", "we expect
#: exports to reach") is no first-person act, so the verbs are the body's own deeds.
_FIRST_PERSON = re.compile(
    r"(?:\b[Ww]e\s+"
    r"|\b[Oo]ur\s+(?:target|goal|plan|aim|program|programme)\b[^,.;]{0,40}?\bis\s+to\s+)"
    r"(?:(?:have|had|will|would|can|could|also|already|so\s+far|initially|originally|plan\s+to"
    r"|planned\s+to|aim\s+to"
    r"|intend\s+to|expect\s+to|want\s+to|hope\s+to|are\s+going\s+to|managed\s+to"
    r"|have\s+the\s+potential\s+to|are\s+able\s+to)\s+)*"
    r"(?:pa(?:y|id)|bu(?:y|ought)|purchased?|bring|brought|grant(?:ed)?|lend|lent|issued?"
    r"|revived?|buil[dt]|construct(?:ed)?"
    r"|complet(?:e|ed)|deliver(?:ed)?|hand(?:ed)?\s+over|allocated?|invest(?:ed)?"
    r"|disbursed?|connect(?:ed)?|install(?:ed)?|train(?:ed)?|insured?|register(?:ed)?"
    r"|award(?:ed)?|open(?:ed)?|launch(?:ed)?|provided?|suppl(?:y|ied)|hired?|employ(?:ed)?"
    # "We have set a target of reviving 120 units": the speaker's body plans it
    r"|add(?:ed)?|create[ds]?|set\s+(?:a|the|our)\s+(?:target|goal))\b"
)


#: What stands before a group that a clause acts on or for: "its target for reviving idle and
#: semi-active units", "paid to the revived units", "loans for rural cooperatives".
_OBJECT_GROUP = re.compile(
    r"\b(?:to|for|into|among|with|from|(?!during|according)[a-z]+ing)\s+"
    r"(?:(?:the|its|their|all|some|many|most|these|those)\s+)?"
    # "paid to the revived units by banks": the group after "by" is the agent
    r"(?:(?!(?:that|which|who|said|says|by)\b)[\w-]+\s+(?:and\s+)?){0,3}$"
)
#: A body's own group: "IMIDRO and its affiliated companies", "its companies imported".
_OWN_GROUP = re.compile(r"\b(?:and\s+)?(?:its|their)\s+$")
#: "410,000 homes and businesses": a second noun joined to what a figure counts is counted too.
_COUNTED_AND = re.compile(r"\s+and\s+")
#: What a program does to units: "the revived units", "the licensed units", "the new units".
_MADE = r"(?:revived|reactivated|reopened|new|licensed|referred|financed|supported)"
#: The units an earlier figure counted ("the revived units had restored 21,700 jobs"): its period.
_MADE_UNITS = re.compile(rf"\b[Tt]he\s+{_MADE}\s+units\b")
#: Units that a program made, or units with no kind at all: what they did is the program's
#: result, reported for its runner.
_OUTPUT_GROUP = re.compile(rf"(?:{_MADE}\s+)?units")
_RELATIVE_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:which|who|that)\b")


def _speaker_body(table: EntityTable, speaker: str | None) -> str | None:
    """The body a sentence's speaker speaks for: the agency itself, or the person's body in
    their latest post named before; None for a news agency or a person without a body."""
    if speaker is None:
        return None
    if speaker.startswith("agency:"):
        return None if table.is_news(speaker) else speaker
    if not speaker.startswith("person:"):
        return None
    bodies = [r.agency for r in table.person_by_ref(speaker).roles if r.agency is not None]
    bodies = [b for b in bodies if not table.is_news(b)]
    return bodies[-1] if bodies else None


def _carried_subject(previous: list[ObservationMention], earlier: list[ObservationMention]) -> str:
    """The subject a figure takes from the figures before it: the latest one's, or, when that
    one is an entry of a breakdown ("followed by Sabzevar with 36"), its total's."""
    last = previous[-1]
    seen = {last.index}
    while last.part_of is not None:
        whole = next((o for o in earlier if o.index == last.part_of), None)
        if whole is None or whole.index in seen:
            break
        last = whole
        seen.add(last.index)
    return last.subject


#: "the government has so far bought", "the country imported": the country as the clause's
#: actor, a verb after it (not "the country's", not "the country in which").
_COUNTRY_ACTS = re.compile(
    r"\b(?:the|The)\s+(?:government|country|nation)\s+(?:(?:has|have|had|will|is|was)\s+)?"
    r"(?:(?:so\s+far|also|already|now|then)\s+)?(?!(?:of|in|to|and|for|with|that|which|as)\b)"
    r"[a-z]+\b"
)


def _clause_start(text: str, base: int, q_start: int) -> int:
    """Where the clause of the figure at ``q_start`` begins, in the sentence starting at
    ``base``: after the last clause boundary before the figure."""
    left = base
    for match in _BOUNDARY.finditer(text, base, q_start):
        left = match.end()
    return left


#: A figure of a program the article is about: "the program had so far drawn", "are registered
#: on the program's website", "1.6 million units are under construction under the program".
_PROGRAM_BEFORE = re.compile(
    # "the Groundwater Restoration and Balancing Plan had received": a program named in full
    # (a national development plan is the country's, not a body's)
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:[A-Z][\w-]*,?\s+(?:and\s+)?){1,6}"
    r"(?<!Development\s)(?:Plan|Program|Programme|Scheme)"
    r"|program|programme|scheme)(?:['’]s\s+[a-z]+)?\s+"
    r"(?:[a-z]+\s+){0,4}?(?:(?:about|nearly|some|over|more\s+than)\s+)?$"
)
_PROGRAM_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,8}?(?:under|on|through|by|in)\s+the\s+(?:program|programme|scheme"
    # "under the National Housing Action Plan" (a national development plan is the country's)
    r"|(?:[A-Z][\w-]*\s+){1,5}(?<!Development\s)(?:Plan|Program|Programme|Scheme))\b"
    r"(?:['’]s)?"
)


def _program_figure(text: str, base: int, q_start: int, q_end: int, length: int) -> bool:
    """Whether the figure's clause counts what "the program" did or has; its owner is the body
    that runs it, not a group it serves."""
    if _PROGRAM_BEFORE.search(text, _clause_start(text, base, q_start), q_start):
        return True
    after = _PROGRAM_AFTER.match(text, q_end, base + length)
    return after is not None and not re.search(r"[,;]", after.group(0))


def _country_acts(text: str, base: int, q_start: int, in_sentence: list[Occurrence]) -> bool:
    """Whether the figure's clause has the country as its actor ("Last year, the country bought
    8.3 million tons", "the government has so far paid") with no body named between them: the
    figure is the country's, whichever agency reports it."""
    left_start = _clause_start(text, base, q_start)
    acts = max(
        _COUNTRY_ACTS.finditer(text, left_start, q_start), key=lambda m: m.start(), default=None
    )
    if acts is None:
        return False
    return not any(
        o.kind in ("agency", "population") and acts.end() <= o.start < q_start for o in in_sentence
    )


#: What leads to a trade partner: "exports to", "imports from the", "trade with members of the
#: Developing-8 (D-8)". The partner buys or sells; the figure is the trading country's. "Exports
#: from East Azarbaijan" name where the goods come from, the figure's owner, so no partner.
_PARTNER_BEFORE = re.compile(
    r"\b(?:(?:exports?|exported|exporting|shipments?|shipped|re-exports?|sales?|sold)\s+to"
    r"|(?:imports?|imported|importing|purchases?|bought)\s+from"
    r"|(?:trade|trading|deficit|surplus|gap)\s+with"
    # "transit of goods through Iran to and from the EAEU countries"
    r"|to\s+and\s+from)"
    r"\s+(?:the\s+)?(?:[\w()-]+\s+){0,5}?\(?$",
    re.IGNORECASE,
)


def _trade_partner(text: str, base: int, occurrence: Occurrence) -> bool:
    """Whether a place or body in the sentence starting at ``base`` is named as a trade partner
    ("exports to the Eurasian Economic Union", "imports from the EU")."""
    before = text[max(base, occurrence.start - 80) : occurrence.start]
    match = _PARTNER_BEFORE.search(before)
    if match is not None and not re.search(r"[,;:]", match.group(0)):
        return True
    # "China, Iraq and Turkey were the main buyers of Iranian goods", "Spain and China bought
    # 31 and 19 tons": a list of buyers
    return occurrence.kind == "place" and _BUYERS_AFTER.match(text, occurrence.end) is not None


#: What names the places before it as buyers or suppliers of another country's goods.
_BUYERS_AFTER = re.compile(
    r"(?:(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*"
    r"\s+(?:(?:were|are|was|is|remained|remain)\s+(?:the|its|their)\s+(?:[a-z]+\s+){0,2}"
    r"(?:buyers|customers|importers|destinations|markets|suppliers|sellers|partners)"
    r"|bought|imported|purchased)\b"
)


#: A dateline: the city in capitals, an optional date and news agency, then a dash.
_DATELINE = re.compile(r"\s*[A-Z]{3,}(?:\s+[A-Z]{3,})*\b[^–—\n]{0,40}?\s[–—-]\s")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\b[^,;]*$")
#: A body that only speaks before the figure: "the ministry said (that) there are".
_SPOKE = re.compile(rf"\b(?:{SPEECH})\b")
_COUNTRY_POSSESSIVE = re.compile(
    # "the government's target is to add 4,000 MW": the country's government as a whole
    r"\b(?:the\s+)?(?:country|nation|Islamic\s+Republic|[Gg]overnment)['’]s\s"
)


def _possessive_owner(
    text: str, base: int, q_start: int, in_sentence: list[Occurrence], table: EntityTable
) -> str | None:
    """The country or place whose figure it is by a possessive in the figure's clause ("the
    country's installed capacity stands at", "Iran's steel exports stood at"), when no agency
    is named before the figure."""
    left_start = max(_clause_start(text, base, q_start), q_start - 90)
    candidates: list[tuple[int, str]] = []
    for match in _COUNTRY_POSSESSIVE.finditer(text, left_start, q_start):
        if table.country is not None:
            candidates.append((match.end(), table.country))
    province = _only_province(table)
    for match in _PROVINCE_POSSESSIVE.finditer(text, left_start, q_start):
        if province is not None:
            # "the province's non-oil exports reached": the one province the article names
            candidates.append((match.end(), province))
    for occurrence in in_sentence:
        possessive = text[occurrence.end : occurrence.end + 2] in ("'s", "’s")
        if occurrence.kind == "place" and left_start <= occurrence.start < q_start and possessive:
            candidates.append((occurrence.end + 2, occurrence.ref))
    if not candidates:
        return None
    end, ref = max(candidates)
    if _OWNED_FIGURE.fullmatch(text, end, q_start):
        return ref  # "Iran's crude steel output of 29 million tons": the figure names its owner
    # "NIOC plans to raise the country's capacity to": the body named first is the subject; a
    # body that only speaks ("the ministry's deputy said that the country's dams are") is not
    return None if _acting_body_before(text, base, q_start, in_sentence) else ref


#: The province as a figure's owner: "the province's exports", or the subject of its verb ("the
#: province hosted 212,000 visitors").
_PROVINCE_POSSESSIVE = re.compile(
    r"\b[Tt]he\s+province(?:['’]s\s+|\s+(?:(?:has|had|also)\s+)*(?:[a-z]+ed|received|sold)\s+)"
)


def _only_province(table: EntityTable) -> str | None:
    """The ``ref`` of the one province the article names, if it names exactly one."""
    found = {ref for ref, p in table.places.items() if p.kind == "province"}
    return found.pop() if len(found) == 1 else None


def _acting_body_before(text: str, base: int, q_start: int, in_sentence: list[Occurrence]) -> bool:
    """Whether a body or group named before the figure acts in its clause, rather than only
    speaking ("the ministry's deputy said that", "according to the ministry")."""
    return any(
        o.kind in ("agency", "population")
        and o.start < q_start
        and not _SPOKE.search(text, o.end, q_start)
        and not _ACCORDING.search(text, base, o.start)
        for o in in_sentence
    )


#: Between a possessive and the figure of its own noun: "Iran's crude steel output of".
_OWNED_FIGURE = re.compile(r"\s*(?:[\w-]+\s+){0,4}of\s+(?:about\s+|nearly\s+|some\s+)?")

#: A sentence whose subject is a body described, not named, after a possessive ("Iran's
#: state-run mining conglomerate plans", "The country's largest carmaker has").
_DESCRIBED_BODY = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?[\w-]+['’]s\s+(?:[a-z][\w-]*\s+){0,3}"
    rf"(?:{words_pattern(COMPANY_NOUNS)})"
    r"\s+(?:has|have|had|is|was|will|would|could|plans|planned|aims|expects|[a-z]+ed)\b"
)


#: A part of the article's body named through "its": "its film division", "Its Global
#: Investors wing", "in its UK retail division". The gold (and the graph) give a division's
#: figures to the body that owns it, which the division has no name of its own to stand for.
_DIVISION = re.compile(
    r"\b[Ii]ts\s+(?:[\w-]+\s+){0,3}?(?:division|arm|wing|unit|subsidiary|business|operations)\b"
)


def _division_of_main(
    text: str, base: int, q_start: int, q_end: int, in_sentence: list[Occurrence]
) -> bool:
    """Whether the figure is of a division of the article's body ("its film division saw
    profits slump 27%", "a 1% fall in profits in its UK retail division"), with no body named
    between that phrase and the figure."""
    before = max(_DIVISION.finditer(text, base, q_start), key=lambda m: m.start(), default=None)
    if before is not None and not any(
        o.kind == "agency" and before.end() <= o.start < q_start for o in in_sentence
    ):
        return True
    after = _DIVISION.search(text, q_end, q_end + 40)
    return after is not None and (
        re.match(r"\s*(?:[a-z]+\s+){0,3}(?:in|at|of)\s+$", text[q_end : after.start()]) is not None
    )


def _described_body(text: str, base: int, q_start: int, in_sentence: list[Occurrence]) -> bool:
    """Whether the sentence's subject is a body described after a possessive and no body is
    named before the figure: the figure is that body's (the article's main body), not the
    place's, however long the sentence runs on."""
    if _DESCRIBED_BODY.match(text, base) is None:
        return False
    return not any(o.kind == "agency" and o.start < q_start for o in in_sentence)


def _main_agency(table: EntityTable) -> str | None:
    """The body the article names most, other than news agencies and commentators' firms."""
    counts: dict[str, int] = {}
    commentators = _commentator_firms(table)
    for occurrence in table.occurrences:
        if occurrence.kind != "agency" or occurrence.ref in commentators:
            continue
        if not table.agency_by_ref(occurrence.ref).news:
            counts[occurrence.ref] = counts.get(occurrence.ref, 0) + 1
    return max(counts, key=lambda r: counts[r]) if counts else None


def _commentator_firms(table: EntityTable) -> set[str]:
    """Bodies named only as the employer of someone who comments ("said Paul Smith, economist
    at Acme Bank"): an economist's or analyst's firm is not what the article reports on."""
    sentences: dict[str, set[int]] = {}
    for person in table.people:
        for role in person.roles:
            if role.agency is not None and _professional(role.title):
                sentences.setdefault(role.agency, set()).add(role.sentence)
    return {
        ref
        for ref, where in sentences.items()
        if all(o.sentence in where for o in table.occurrences if o.ref == ref)
    }


def _professional(title: str) -> bool:
    """Whether ``title`` is a profession with no post in a body ("economist", "analyst"), as
    ``titles.ttl`` marks them."""
    last = title.lower().split()[-1:]  # "chief economist" is an economist
    return any(
        entry.office == "professional" and any(form.split()[-1:] == last for form in entry.forms)
        for entry in vocab.titles()
    )


def _of_the_year(text: str, status: Status) -> bool:
    """Whether a result without a period is one of the year the article reports on. The
    article is a results article (``reporting_year`` found the year it reports), and what it
    reports as done with no date of its own is that year's result ("Profits at its card arm
    rose by 5% to £801m"), not only what its sentence calls annual. Measured on BBC and dev,
    this dates more results right than wrong; targets and forecasts keep no period, and so
    does a sentence about a shorter span ("Quarterly sales fell 3%")."""
    return status is Status.ACHIEVED and _SHORTER_SPAN.search(text) is None


#: Words of a span shorter than a year: its figure is not the year's.
_SHORTER_SPAN = re.compile(r"\b(?:quarter(?:ly)?|month(?:ly|s)?|half|weeks?|weekly|days?)\b", re.I)


_MONTH_COUNTS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
)  # fmt: skip


#: "the nine-month period", "this six-month period": a period named by its length.
_LENGTH_PERIOD = re.compile(
    rf"\b(?:the|this|that)\s+(?:(?P<count>\d{{1,2}}|{'|'.join(_MONTH_COUNTS)})(?:-month\s+period"
    r"|\s+months)"
    r"|(?P<quarter>quarter))\b",
    re.I,
)


def _reference_of_length(
    text: str, found: list[ObservationMention]
) -> tuple[date | None, date] | None:
    """The period of the latest figure whose period is as long as the one ``text`` names
    ("the nine-month period", "the quarter"): a whole year named in between (a full-year
    target) is not it."""
    match = _LENGTH_PERIOD.search(text)
    if match is None:
        return None
    count = (match.group("count") or "3").lower()  # "the quarter": three months
    months = int(count) if count.isdigit() else _MONTH_COUNTS.index(count) + 1
    for obs in reversed(found):
        if obs.period_start is None or obs.period_end is None or obs.shifted:
            continue  # "£125m a year earlier" is no period the article speaks of
        # months of 28 to 31 days: the length in months, rounded
        if round((obs.period_end - obs.period_start).days / 30.44) == months:
            return obs.period_start, obs.period_end
    return None


def _reference_period(found: list[ObservationMention]) -> tuple[date | None, date] | None:
    """The period of the latest figure that has one: what "the same period", "a year earlier"
    or "the fourth quarter" with no year refer to."""
    for obs in reversed(found):
        # a figure of the year before ("$375m a year before") does not set the article's
        # period, nor does a deadline ("before the end of Dey")
        if obs.period_end is not None and obs.period_start is not None and not obs.shifted:
            return obs.period_start, obs.period_end
    return None


def _latest_period(found: list[ObservationMention]) -> tuple[date | None, date] | None:
    """The period that ends last among the figures before (none shifted back)."""
    ends = [
        (o.period_start, o.period_end)
        for o in found
        if o.period_end is not None and o.period_start is not None and not o.shifted
    ]
    return max(ends, key=lambda span: span[1], default=None)


#: Money set aside for a year is the whole year's budget, however early it was set aside.
_ALLOTTED = re.compile(r"\b(?:allocated|allotted|set\s+aside|earmarked|budgeted)\b")


def _so_far_in_year(
    period: tuple[date | None, date | None, str | None], found: list[ObservationMention]
) -> tuple[date | None, date | None, str | None]:
    """What was done "this year" when the article has already reported the year to date ("in the
    first three months ..."; later "the units revived this year"): done within that span, since
    the rest of the year had not come yet."""
    start, end, label = period
    if start is None or end is None or not 360 <= (end - start).days <= 370:
        return period
    for obs in reversed(found):
        if (
            obs.status is Status.ACHIEVED
            and not obs.shifted
            and obs.period_start == start
            and obs.period_end is not None
            and obs.period_end < end
        ):
            return start, obs.period_end, label
    return period


def _in_reference_year(
    period: Period, reference: tuple[date | None, date] | None
) -> tuple[date | None, date | None, str | None]:
    """A period written without its year ("for the full year", "the fourth quarter") in the year
    of the figures before it; no period when there are none."""
    if reference is None or period.pending is None:
        return None, None, None
    end = reference[1]
    year = iranian_year_of(end) if period.pending.iranian else end.year
    resolved = with_year(period, year)
    return resolved.first, resolved.last, resolved.label


def _shift_after(
    periods: list[Period], quantity: Quantity, quantities: list[Quantity], text: str
) -> Period | None:
    """A shift ("a year earlier", "the previous quarter") right after a level, with no other
    figure between them. A change ("up 47 percent from a year earlier") is of the current period:
    the shift is its comparison base."""
    if quantity.kind in (PERCENT, POINT):
        return None
    for period in periods:
        if period.role is not Role.SHIFT or period.start < quantity.end:
            continue
        if period.start - quantity.end > 40:
            continue
        if any(quantity.end <= q.start < period.start for q in quantities):
            continue
        if _COMPARED.search(text[quantity.end : period.start]):
            # "95 million tons, compared with the same period of last year": the shift is the
            # base of a comparison the figure itself is not part of
            continue
        return period
    return None


#: A comparison whose base follows at once, with no figure of its own.
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|versus|than|over|on)\s+$", re.I)


#: What opens a clause of cause, whose period dates the cause: ", as power cuts last summer".
_CAUSE_BREAK = re.compile(
    r",\s+(?:as|because)\s+(?!(?:well|much|many|part|of|high|low|long|far|little|few|soon)\b)"
)
#: What opens a new clause with a period of its own.
_CLAUSE_BREAK = re.compile(r",\s+(?:which|and|but)\b|\bwhile\b|\bwhereas\b|;")


def _period(
    periods: list[Period], quantity: Quantity, quantities: list[Quantity], text: str
) -> Period | None:
    usable = [
        p
        for p in periods
        if p.role is Role.OWN
        and (p.first or p.last or p.pending)
        and not _in_aside(text, p.start, p.end, quantity.start)
    ]
    if not usable:
        return None
    if any(not p.annual and _whole_year(p) and p.end <= quantity.start for p in usable):
        # "Last year we attracted 71 trillion rials in the whole year": the year named before
        # says which whole year
        usable = [
            p for p in usable if not (p.annual and re.search(r"whole|full|entire", p.label or ""))
        ]

    restated = APPOSITION.match(text, quantity.end)

    def blocked(period: Period) -> bool:
        # a restatement (", or 19 percent of the target,") stands for the figure, not between
        low, high = sorted((period.start, quantity.start))
        return any(
            low < q.start < high
            and q is not quantity
            and not (restated and restated.start() <= q.start < restated.end())
            for q in quantities
        )

    after = [p for p in usable if p.start >= quantity.end and not blocked(p)]
    before = [p for p in usable if p.end <= quantity.start and not blocked(p)]
    if after and before and _CLAUSE_BREAK.search(text, quantity.end, min(p.start for p in after)):
        # "In the first two months we created 9,640 jobs, and the pace will rise after the
        # summer": the period of the figure's own clause
        after = []
    if after and _CAUSE_BREAK.search(text, quantity.end, min(p.start for p in after)):
        # "12 percent less than the year before, as the outbreak in the last month of the year
        # shut fairs": a clause of cause dates the cause, not the figure
        after = []
    if after:
        return min(after, key=lambda p: p.start)
    if before:
        return max(before, key=lambda p: p.end)
    # "rose 12 percent to $36 billion in the first nine months": a change and the level it
    # reaches share the period written after both; a later clause's period ("margins were
    # 14.1%, which it said could reach 14.8% by 2006") is not shared
    after = [
        p
        for p in usable
        if p.start >= quantity.end
        and not _CLAUSE_BREAK.search(text, quantity.end, p.start)
        and not _CAUSE_BREAK.search(text, quantity.end, p.start)
    ]
    if after:
        return min(after, key=lambda p: p.start)
    before = [p for p in usable if p.end <= quantity.start]
    if before:
        return max(before, key=lambda p: p.end)
    return None


def _in_aside(text: str, start: int, end: int, figure: int, sentence_start: int = 0) -> bool:
    """Whether ``text[start:end]`` lies in a ", which ...,", ", a subsidiary of ...," or ", one
    of ...," aside that closes before ``figure``: what it names describes the clause's subject
    and is not the figure's ("Isfahan, which was named a World Craft City in 2015, accounts for
    28 percent")."""
    return (
        end <= figure
        and _ASIDE_OPEN.search(text, sentence_start, start) is not None
        and "," in text[end:figure]
    )


_ASIDE_OPEN = re.compile(
    r",\s+(?:which|who)\b[^,]*$"
    # "Yazd Industrial Parks Company, a subsidiary of ISIPO, runs 38 parks": the parent
    r"|,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:subsidiary|affiliate|arm|branch|part|member)"
    r"\s+of\s+[^,]*$"
    # "the company, one of NIGC's provincial distribution companies, supplied": a description
    r"|,\s+one\s+of\s+[^,]*$"
)


def _whole_year(period: Period) -> bool:
    return (
        period.first is not None
        and period.last is not None
        and 360 <= (period.last - period.first).days <= 370
    )


def _fallback_metric(quantity: Quantity) -> str:
    if quantity.kind == MONEY:
        return vocab.metric_iri("amount-of-money")
    if quantity.kind in (PERCENT, POINT):
        return vocab.metric_iri("share")
    return vocab.metric_iri("count")


def _metric(text: str, quantity: Quantity, status: Status) -> str:
    family = _fallback_metric(quantity)
    left, right = _clause(text, quantity.start, quantity.end)
    scope = (left + " " + (quantity.noun or "") + " " + right).lower()
    wide = text.lower()
    if quantity.kind in (PERCENT, POINT) and _CHANGE_VERB.search(left.lower()):
        family = vocab.metric_iri("change")
    best: tuple[int, str] | None = None
    for metric in vocab.metrics():
        if metric.top != family and not (
            family == vocab.metric_iri("share") and metric.top == vocab.metric_iri("change")
        ):
            continue
        score = 0
        for trigger in metric.triggers:
            if re.search(rf"\b{re.escape(trigger)}\b", left.lower()):
                score += 4  # the verb governing the figure ("revive 1400 idle units")
            elif re.search(rf"\b{re.escape(trigger)}\b", scope):
                score += 3
            elif re.search(rf"\b{re.escape(trigger)}\b", wide):
                score += 1
        if quantity.unit is not None and quantity.unit.notation == "JOB" and "job" in metric.iri:
            score += 2
        if score and (best is None or score > best[0]):
            best = (score, metric.iri)
    return best[1] if best else family


def _drop_repeats(found: list[ObservationMention]) -> list[ObservationMention]:
    """A figure repeated later (lead and body, "the number is planned to reach 1400") is kept once."""  # noqa: E501
    kept: list[ObservationMention] = []
    for obs in found:
        if any(
            k.value == obs.value
            and k.unit == obs.unit
            and k.subject == obs.subject
            and k.status == obs.status
            and k.period_end == obs.period_end
            for k in kept
        ):
            continue
        kept.append(obs)
    renumber = {obs.index: n for n, obs in enumerate(kept)}
    return [
        replace(
            obs,
            index=renumber[obs.index],
            part_of=renumber.get(obs.part_of) if obs.part_of is not None else None,
            revision_of=renumber.get(obs.revision_of) if obs.revision_of is not None else None,
            progress_toward=renumber.get(obs.progress_toward)
            if obs.progress_toward is not None
            else None,
        )
        for obs in kept
    ]


def _link_progress(found: list[ObservationMention]) -> list[ObservationMention]:
    """An achieved figure with the subject, metric and period of a target measures progress."""
    result = []
    for obs in found:
        if obs.status is Status.ACHIEVED and obs.progress_toward is None:
            targets = [
                t
                for t in found
                if t.status is Status.TARGET
                and t.subject == obs.subject
                and t.metric == obs.metric
                and t.unit == obs.unit
                and t.period_start == obs.period_start
                and t.period_start is not None
            ]
            if targets:
                obs = replace(obs, progress_toward=targets[-1].index)
        result.append(obs)
    return result


_ = Decimal
