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
