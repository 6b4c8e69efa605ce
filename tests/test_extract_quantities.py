"""Figures in running text: scale words, units, ranges, approximations and non-figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from newskg.extract.quantities import find_quantities


def _one(text: str) -> tuple[Decimal, Decimal | None, str | None, bool]:
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    return q.value, q.value_max, q.unit.notation if q.unit else None, q.approximate


@pytest.mark.parametrize(
    ("text", "value", "notation"),
    [
        ("the bank paid 7,000 billion rials to exporters", Decimal("7000000000000"), "IRR"),
        ("customs revenue hit $4.5bn last month", Decimal("4500000000"), "USD"),
        ("a loan of €790m was agreed", Decimal("790000000"), "EUR"),
        ("profits reached £75m", Decimal("75000000"), "GBP"),
        ("the fund paid 12 trillion tomans", Decimal("120000000000000"), "IRR"),
        ("exports rose 12 percent year on year", Decimal("12"), "PERCENT"),
        ("the rate rose by 0.3 percentage points", Decimal("0.3"), "PERCENTAGE-POINT"),
        ("the port handled 2,350 containers", Decimal("2350"), "TEU"),
        ("the zone created 4,200 job opportunities", Decimal("4200"), "JOB"),
        ("a dividend of 8.5 cents", Decimal("0.085"), "USD"),
        ("the firm lost six aircraft", Decimal("6"), "AIRCRAFT"),
    ],
)
def test_values_are_scaled_and_have_units(text: str, value: Decimal, notation: str) -> None:
    got_value, _, got_notation, _ = _one(text)
    assert (got_value, got_notation) == (value, notation)


def test_the_unit_noun_decides_that_a_year_like_number_is_a_count() -> None:
    assert _one("they plan to revive 1401 idle factories")[:3] == (Decimal(1401), None, "UNIT")


@pytest.mark.parametrize(
    "text",
    [
        "in 1401 the budget was approved",
        "the deal was signed on March 19, 2020",
        "a 45-year-old engineer",
        "she ranked 3rd in the contest",
        "call 021-88776655 for details",
        "one of the largest ports",
        "under the Creative Commons Attribution 4.0 International License",
        "the Airbus A321 jets",
    ],
)
def test_non_figures_are_dropped(text: str) -> None:
    assert [q for q in find_quantities(text) if q.unit is not None] == []


def test_ranges_and_approximations() -> None:
    assert _one("growth of between 5% and 7%") == (Decimal(5), Decimal(7), "PERCENT", False)
    assert _one("inflation of 3% to 3.5%")[:2] == (Decimal(3), Decimal("3.5"))
    assert _one("costs of $2-$3.8 trillion")[:2] == (
        Decimal("2000000000000"),
        Decimal("3800000000000"),
    )
    assert _one("nearly 900,000 jobs")[3] is True
    assert _one("at least 40 percent")[3] is True
    assert _one("more than 5,000 units")[3] is True


def test_a_change_from_one_level_to_another_is_two_figures() -> None:
    found = find_quantities("the rate rose from 5% to 7%")
    assert [(q.value, q.value_max) for q in found] == [(Decimal(5), None), (Decimal(7), None)]


@pytest.mark.parametrize(
    ("text", "value", "notation"),
    [
        (
            "Demand in the cold snap reached 410 mcm/d, the operator said.",
            "410000000",
            "M3-PER-DAY",
        ),
        ("Flows rose to 55 million cubic metres per day.", "55000000", "M3-PER-DAY"),
        ("The field will yield 9 bcm of gas a year.", "9000000000", "M3"),
        ("Reservoirs held 300 mcm at the end of May.", "300000000", "M3"),
    ],
)
def test_written_multiples_of_a_unit_are_stored_in_the_base_unit(
    text: str, value: str, notation: str
) -> None:
    (quantity,) = find_quantities(text)
    assert quantity.value == Decimal(value)
    assert quantity.unit is not None
    assert quantity.unit.notation == notation


@pytest.mark.parametrize(
    ("text", "notation"),
    [
        ("The clinic added 40 beds this spring.", "BED"),
        ("Each visitor ate 7 kilograms of rice.", "KiloGM"),
        ("The chamber sent 9 trade missions abroad.", "MISSION"),
        ("The city will host 3 exhibitions in June.", "EXHIBITION"),
        ("The valley has 250 dairy farms.", "FARM"),
    ],
)
def test_counted_nouns_of_agency_reports(text: str, notation: str) -> None:
    (quantity,) = find_quantities(text)
    assert quantity.unit is not None
    assert quantity.unit.notation == notation


@pytest.mark.parametrize(
    "text",
    [
        "the jobless rate among people aged 18 to 29 stood at 17.5 percent",
        "the jobless rate among people aged 18-29 stood at 17.5 percent",
        "women between the ages of 18 and 29 made up 17.5 percent",
    ],
)
def test_both_ends_of_an_age_band_are_no_figures(text: str) -> None:
    assert [q.value for q in find_quantities(text)] == [Decimal("17.5")]
