"""The year a results article reports on, read from the year it compares with."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from newskg.extract import extract
from newskg.extract.reporting import reporting_year
from newskg.model import Article


def test_the_year_compared_with_implies_the_reported_year() -> None:
    assert reporting_year("Sales were $2bn, up 8% from its 2011 performance.") == 2012
    assert reporting_year("Output rose 4% on 2015, the firm said.") == 2016
    assert reporting_year("Its Asian arm made £30m, a 12% jump on 1998 figures.") == 1999
    assert reporting_year("It was the last of the big insurers to report 2010 results.") == 2010


def test_no_year_when_cues_disagree_or_are_no_reporting() -> None:
    assert reporting_year("Sales rose 5% on 2011. Costs fell 2% from 2008 levels.") is None
    assert reporting_year("The group must restate 2009 and 2010 results.") is None
    assert reporting_year("Sales rose 5% in the quarter.") is None
    assert reporting_year("Exports rose 9% from 2010 to 2012.") is None


def _periods(text: str) -> dict[Decimal, tuple[date | None, date | None]]:
    extraction = extract(Article(text))
    return {o.value: (o.period_start, o.period_end) for o in extraction.observations}


def test_annual_figures_of_an_undated_results_article_take_the_reported_year() -> None:
    got = _periods(
        "Shipping group Nordline has reported a jump in annual profits. "
        "For the full year, Nordline made a profit of $730m, up 31% from its 2011 performance. "
        "Quarterly sales at its ferry arm fell 3%."
    )
    assert got[Decimal(730000000)] == (date(2012, 1, 1), date(2012, 12, 31))
    assert got[Decimal(31)] == (date(2012, 1, 1), date(2012, 12, 31))
    assert got[Decimal(3)] == (None, None)


def test_a_figure_compared_with_the_year_before_is_of_the_reported_year() -> None:
    got = _periods("Nordline Steel said it produced 4.2 million tonnes of steel, up 6% on 2011.")
    assert got[Decimal(4200000)] == (date(2012, 1, 1), date(2012, 12, 31))
