"""Periods a figure takes from its neighbours: shifts, "the same period", years not written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from newskg.extract import extract
from newskg.model import Article


def _periods(text: str, published: date | None = None) -> dict[Decimal, tuple[date | None, ...]]:
    extraction = extract(Article(text, date_published=published))
    return {o.value: (o.period_start, o.period_end) for o in extraction.observations}


def test_a_level_a_year_earlier_is_the_sentence_period_moved_back() -> None:
    periods = _periods(
        "Acme Foods made a profit of $80m in the three months to 30 June 2011, "
        "compared with $65m a year earlier."
    )
    assert periods[Decimal(80000000)] == (date(2011, 4, 1), date(2011, 6, 30))
    assert periods[Decimal(65000000)] == (date(2010, 4, 1), date(2010, 6, 30))


def test_a_change_from_a_year_earlier_is_of_the_current_period() -> None:
    periods = _periods(
        "Acme Foods sold goods worth $300m in the first half of 2012, up 12% from a year earlier."
    )
    assert periods[Decimal(12)] == (date(2012, 1, 1), date(2012, 6, 30))


def test_the_same_period_takes_the_period_of_the_figures_before() -> None:
    periods = _periods(
        "The Iranian Fisheries Organization exported 90,000 tons of fish in the first four "
        "months of the current Iranian year (March 21-July 22). Shrimp accounted for 30,000 "
        "tons in the same period.",
        date(2019, 8, 1),
    )
    assert periods[Decimal(30000)] == periods[Decimal(90000)]
    assert periods[Decimal(90000)][1] == date(2019, 7, 22)


def test_a_year_not_written_is_the_year_of_the_figures_before() -> None:
    periods = _periods(
        "Acme Foods made a profit of $80m in the three months to 31 December 2009. "
        "For the full year, its profit was $250m."
    )
    assert periods[Decimal(250000000)] == (date(2009, 1, 1), date(2009, 12, 31))
