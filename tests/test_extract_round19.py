"""Round 19 of extraction: a plan for "the whole year" after a comparison year, "we aim for", a
group a body calls its own, a body described as "one of" another's companies, "peaked", and the
bodies and posts of holdout14's people errors (a syndicate, an "Organization for ..." spelled by
its acronym, a post "for supply and distribution at" a company)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from extracted import figures, posts
from newskg.extract import extract
from newskg.model import Article, Status

_DAY = date(2022, 12, 11)  # 20 Azar 1401
_YEAR = (date(2022, 3, 21), date(2023, 3, 20))


def test_a_plan_for_the_whole_year_is_for_the_latest_year_told() -> None:
    got = figures(
        "TEHRAN (Tasnim) – Iranian manufacturers turned out 2.1 million refrigerators and washing "
        "machines in the first eight months of the current Iranian year (March 21-November 21), "
        "an Industry Ministry official said. She said domestic brands now hold 80 percent of the "
        "market, up from 40 percent in 1397. “The target for the whole year is 3.2 million "
        "units,” she said.",
        _DAY,
    )
    assert got[Decimal(3200000)][1:] == (Status.TARGET, *_YEAR)


def test_we_aim_for_a_figure() -> None:
    got = figures(
        "TEHRAN (Press TV) – “Our exports reached $4.1 billion last year, and we aim for $4.9 "
        "billion this year,” the secretary of the Iranian Food Industry Association said.",
        _DAY,
    )
    assert got[Decimal(4900000000)][1] is Status.TARGET


def test_a_group_a_body_calls_its_own_owns_no_figure() -> None:
    got = figures(
        "BANDAR ABBAS (ISNA) – The Persian Gulf Special Economic Zone exported goods worth $1.1 "
        "billion in the first six months of the current Iranian year, its managing director said. "
        "He said its companies imported $390 million of raw materials in the period.",
        _DAY,
    )
    assert got[Decimal(390000000)][0] == "Persian Gulf Special Economic Zone"


def test_a_body_described_as_one_of_another_s_companies_keeps_its_figures() -> None:
    got = figures(
        "TEHRAN (Shana) – The National Iranian Gas Company (NIGC) connected 1,600 villages to the "
        "gas network in the first eight months of the current Iranian year, an official said. "
        "Meanwhile, the managing director of Mazandaran Province Gas Company said the company, "
        "one of NIGC’s provincial distribution companies, supplied 3.8 billion cubic meters of "
        "gas in the period.",
        _DAY,
    )
    assert got[Decimal(3800000000)][0] == "Mazandaran Province Gas Company"


def test_a_level_that_peaked_was_reached() -> None:
    got = figures(
        "TEHRAN (Shana) – Residential gas consumption peaked at 690 million cubic meters per day "
        "last week, and could exceed 720 million cubic meters if temperatures fall further, the "
        "National Iranian Gas Company said.",
        _DAY,
    )
    assert got[Decimal(690000000)][1] is Status.ACHIEVED
    assert got[Decimal(720000000)][1] is Status.POTENTIAL


def test_bodies_and_posts_of_holdout14_s_people_errors() -> None:
    extraction = extract(
        Article(
            "TEHRAN (IRNA) – Iranian drugmakers exported $70 million of medicines in the first "
            "five months, the secretary of the Syndicate of Iranian Pharmaceutical Industries "
            "told IRNA on Tuesday. Parsa Nikbakht said exports would reach $180 million. "
            "Iran’s Organization for Development, Renovation and Equipping of Schools (DRES) "
            "handed over 2,900 classrooms in the ten months. Meanwhile, the director for supply "
            "and distribution at the National Iranian Oil Products Distribution Company (NIOPDC) "
            "said gasoline consumption averaged 104 million liters a day. Mahtab Zarringol said "
            "consumption peaked at 120 million liters.",
            date_published=_DAY,
        )
    )
    labels = {a.label for a in extraction.agencies}
    assert "Syndicate of Iranian Pharmaceutical Industries" in labels
    assert "Organization for Development, Renovation and Equipping of Schools" in labels
    got = posts(extraction)
    assert got["Parsa Nikbakht"] == {
        ("Syndicate of Iranian Pharmaceutical Industries", "secretary")
    }
    assert got["Mahtab Zarringol"] == {
        ("National Iranian Oil Products Distribution Company", "director")
    }
