"""Round 18 of extraction: a zone's exports taken up by a noun, deadlines in Iranian years, causes
that date no figure, buyers that "bought" a list of figures, a body's own stock on the way to its
verb, the current year of an undated article that names its past year, bodies set up and the
levels they led to, a level "that was planned", a place in an aside, a level after a percent
change, and a body's other name in brackets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from extracted import figures, posts
from newskg.extract import extract
from newskg.model import Article, Status

_DAY = date(2023, 2, 13)  # 24 Bahman 1401
_TEN_MONTHS = (date(2022, 3, 21), date(2023, 1, 20))


def test_a_zone_s_exports_taken_up_by_a_noun_are_the_zone_s() -> None:
    got = figures(
        "KHORRAMSHAHR (ISNA) – Arvand Free Zone Organization attracted $90 million of foreign "
        "investment in the ten months to January 20, its managing director, Behrang Zarif, said. "
        "“Non-oil exports from the zone amounted to $610 million in the period,” he told ISNA.",
        _DAY,
    )
    assert got[Decimal(610000000)][0] == "Arvand Free Zone Organization"


def test_by_an_iranian_year_is_a_deadline_at_its_end() -> None:
    got = figures(
        "TEHRAN – The Vision Plan set a target of exporting 25 million tons of steel a year by "
        "1404, an official said.",
        _DAY,
    )
    assert got[Decimal(25000000)][1:] == (Status.TARGET, None, date(2026, 3, 20))


def test_a_clause_of_cause_dates_no_figure_before_it() -> None:
    got = figures(
        "TEHRAN – Tile exports fell 11 percent to 8.1 million tons in the first ten months of "
        "the current Iranian year (March 21, 2022-January 20, 2023), an official said. He said "
        "clinker exports fell 6 percent to 2.2 million tons in the period, earning about $95 "
        "million, as gas cuts last winter forced plants to close.",
        _DAY,
    )
    assert got[Decimal(2200000)][2:] == _TEN_MONTHS


def test_countries_that_bought_a_list_of_figures_are_partners() -> None:
    got = figures(
        "TEHRAN (IBENA) – Iran exported 132 tons of saffron in the first ten months of the "
        "current Iranian year (March 21, 2022-January 20, 2023), the head of the Iran National "
        "Saffron Council said. He said Spain, the United Arab Emirates and China bought 28, 24 "
        "and 17 tons, respectively.",
        _DAY,
    )
    assert got[Decimal(24)][0] == "Iran"


def test_a_body_s_own_stock_on_the_way_to_its_verb_is_current() -> None:
    got = figures(
        "TEHRAN (Financial Tribune) – The head of the Industrial Development and Renovation "
        "Organization of Iran (IDRO) said the organization’s 41 affiliated companies posted "
        "sales of 900 trillion rials in 1400. “Iran Khodro Diesel is one of our largest "
        "companies, with 5,200 staff,” he said.",
        _DAY,
    )
    assert got[Decimal(41)][1:] == (Status.CURRENT, None, None)
    assert got[Decimal(5200)][1] is Status.CURRENT


def test_an_undated_article_s_past_year_makes_the_next_one_current() -> None:
    got = figures(
        "Iran’s carpet exports amounted to $71 million in the past Iranian year 1398 (March "
        "2019-March 2020), a deputy minister said. “Our target for the current year was $90 "
        "million,” she said."
    )
    assert got[Decimal(90000000)][1:] == (Status.TARGET, date(2020, 3, 20), date(2021, 3, 20))


def test_bodies_set_up_and_the_levels_they_led_to_are_done() -> None:
    got = figures(
        "TEHRAN (MNA) – The Iran Small Industries and Industrial Parks Organization (ISIPO) set up "
        "38 new industrial clusters in the ten months, raising the number of active clusters to "
        "470, and plans to launch another 60 by the end of the year, an official said.",
        _DAY,
    )
    assert got[Decimal(38)][1] is Status.ACHIEVED
    assert got[Decimal(470)][1] is Status.ACHIEVED
    assert got[Decimal(60)][1] is Status.TARGET


def test_a_level_that_was_planned_is_a_plan() -> None:
    got = figures(
        "TEHRAN – “For the whole year we expect output of 58 million tons, well short of the 66 "
        "million tons that was planned,” an official of the Iran Cement Industry Employers "
        "Association said.",
        _DAY,
    )
    assert got[Decimal(66000000)][1] is Status.TARGET


def test_a_place_in_an_aside_and_a_level_after_a_percent_change() -> None:
    got = figures(
        "TEHRAN (IRNA) – The official, who spoke at an investment fair in Qazvin, said the parks "
        "were home to 39,000 small units. He said landings and take-offs rose 7 percent to "
        "131,000 in the ten months.",
        _DAY,
    )
    assert got[Decimal(39000)][0] != "Qazvin"
    extraction = extract(
        Article(
            "TEHRAN (FNA) – Iran Airports Company (IAC) handled 21 million passengers in the ten "
            "months, its chief executive said. He said landings and take-offs rose 7 percent to "
            "131,000 in the period.",
            date_published=_DAY,
        )
    )
    level = next(o for o in extraction.observations if o.value == Decimal(131000))
    assert not level.unit.endswith("PERCENT")


def test_a_body_s_other_name_in_brackets_and_its_post_named_next() -> None:
    extraction = extract(
        Article(
            "Meanwhile, the deputy managing director of Bank Keshavarzi (Agricultural Bank of "
            "Iran) for credit affairs said the bank paid 2,900 billion tomans in loans to growers. "
            "Roshanak Azarpeyvand said the bank has earmarked 4,000 billion tomans for the sector.",
            date_published=_DAY,
        )
    )
    (bank,) = extraction.agencies
    assert {bank.label, *bank.alt_labels} == {"Bank Keshavarzi", "Agricultural Bank of Iran"}
    assert posts(extraction)["Roshanak Azarpeyvand"] == {(bank.label, "deputy managing director")}
