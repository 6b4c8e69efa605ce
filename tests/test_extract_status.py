"""Status rules (``newskg.extract.status``), the only place that decides a figure's status."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from newskg.extract import extract
from newskg.model import Article, Status


def _statuses(text: str) -> dict[Decimal, Status]:
    extraction = extract(Article(text, date_published=date(2022, 5, 1)))
    return {o.value: o.status for o in extraction.observations}


def test_a_marker_of_the_future_scopes_over_the_verb_after_it() -> None:
    statuses = _statuses("The Acme Steel Company is to cut 1,200 jobs next year.")
    assert statuses[Decimal(1200)] is Status.TARGET


def test_a_modal_makes_a_possibility() -> None:
    statuses = _statuses("The Acme Steel Company could shed up to 3,400 jobs over five years.")
    assert statuses[Decimal(3400)] is Status.POTENTIAL


def test_the_level_a_planned_change_starts_from_is_current() -> None:
    statuses = _statuses(
        "The Tax Affairs Organization plans to lower the corporate tax rate from 25% to 22%."
    )
    assert statuses[Decimal(25)] is Status.CURRENT
    assert statuses[Decimal(22)] is Status.TARGET


def test_a_planning_noun_before_the_figure_makes_a_target() -> None:
    statuses = _statuses("Acme Foods reported sales of $410m, above forecasts of $395m.")
    assert statuses[Decimal(395000000)] is Status.TARGET
    assert statuses[Decimal(410000000)] is Status.ACHIEVED


def test_a_planning_noun_as_the_subject_makes_a_target() -> None:
    statuses = _statuses(
        "The Acme Cement Company's target for exports in 2022 is 14 million tons. The initial "
        "forecast for the whole year was $2 billion, the Acme Cement Company said."
    )
    assert statuses[Decimal(14000000)] is Status.TARGET
    assert statuses[Decimal(2000000000)] is Status.TARGET


def test_a_plan_raised_to_a_new_level_is_a_target() -> None:
    statuses = _statuses(
        "The Acme Port Company's goal had initially been set at 9 million tons, but it was "
        "raised to 11 million tons in May."
    )
    assert statuses[Decimal(9000000)] is Status.TARGET
    assert statuses[Decimal(11000000)] is Status.TARGET


def test_a_figure_after_a_target_named_in_passing_keeps_its_status() -> None:
    statuses = _statuses("Above the Acme Bank's 4% target, its inflation was 6.5% in April.")
    assert statuses[Decimal("6.5")] is Status.ACHIEVED


def test_a_total_after_a_verb_of_a_past_result_is_achieved() -> None:
    statuses = _statuses(
        "Last year, the Acme Development Bank lent a total of $4 billion to small firms. "
        "The Acme Port Company supplied a total of 12 million tons of fuel in 2021."
    )
    assert statuses[Decimal(4000000000)] is Status.ACHIEVED
    assert statuses[Decimal(12000000)] is Status.ACHIEVED


def test_a_total_that_is_a_stock_stays_current() -> None:
    statuses = _statuses("Some 21 percent of the country's total 9,800 idle units are in Tehran.")
    assert statuses[Decimal(9800)] is Status.CURRENT


def test_a_start_level_dated_now_is_current_and_the_level_to_reach_a_target() -> None:
    statuses = _statuses(
        "The Energy Ministry aims to raise the share of wind power from 2.5 percent now to "
        "12 percent by 2030."
    )
    assert statuses[Decimal("2.5")] is Status.CURRENT
    assert statuses[Decimal(12)] is Status.TARGET


def test_stocks_debts_and_standing_capacities_are_current() -> None:
    statuses = _statuses(
        "The head of the Social Security Organization put the number of its pensioners at "
        "4.3 million. The government owes the organization 3,100 trillion rials. The silos of "
        "the Government Trading Corporation can currently store 11 million tons of grain, and "
        "its online system has the capacity to serve 300,000 users."
    )
    assert statuses[Decimal(4300000)] is Status.CURRENT
    assert statuses[Decimal(3100000000000000)] is Status.CURRENT
    assert statuses[Decimal(11000000)] is Status.CURRENT
    assert statuses[Decimal(300000)] is Status.CURRENT
