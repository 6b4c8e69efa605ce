"""Whose figure it is: bodies described rather than named, and groups that act."""

from __future__ import annotations

from decimal import Decimal

from newskg.extract import extract
from newskg.model import Article


def _subjects(text: str) -> dict[Decimal, str]:
    extraction = extract(Article(text))
    labels = {a.ref: a.label for a in extraction.agencies}
    labels |= {p.ref: p.label for p in extraction.places}
    labels |= {p.ref: p.label for p in extraction.populations}
    return {o.value: labels.get(o.subject or "", o.subject or "") for o in extraction.observations}


def test_a_body_described_after_a_country_possessive_is_the_article_s_body() -> None:
    got = _subjects(
        "Turkey's state-owned railway operator plans to complete 14 projects worth $2.1 billion "
        "by the end of next year, its head said. "
        "Mehmet Arslan, the head of Turkish State Railways (TCDD), said TCDD carried 19 million "
        "passengers in 2022."
    )
    assert got[Decimal(14)] == "Turkish State Railways"
    assert got[Decimal(2100000000)] == "Turkish State Railways"


def test_a_country_possessive_on_the_figure_itself_stays_with_the_country() -> None:
    got = _subjects(
        "The Ports Authority (TPA) reported the data. "
        "Turkey's container throughput rose to 12 million TEU, TPA said."
    )
    assert got[Decimal(12000000)] != "Ports Authority"


def test_a_group_that_acts_is_the_subject() -> None:
    got = _subjects(
        "ANKARA, May 3 (AA) – Turkish banks lent 900 billion lira to small firms in the first "
        "quarter. According to the official, exporters have so far paid 40 billion lira."
    )
    assert got[Decimal(900000000000)] == "banks"
    assert got[Decimal(40000000000)] == "exporters"


def test_a_province_in_a_ranking_owns_its_own_figure() -> None:
    got = _subjects(
        "TEHRAN – Iran's Statistical Centre published provincial inflation rates for 2021. "
        "Kerman Province had the highest rate at 48.2 percent, followed by Lorestan at "
        "46.1 percent, while Gilan registered the lowest rate at 39.4 percent."
    )
    assert got[Decimal("48.2")] == "Kerman Province"
    assert got[Decimal("46.1")] == "Lorestan Province"
    assert got[Decimal("39.4")] == "Gilan Province"


def test_a_country_in_a_ranked_list_is_a_partner_not_the_owner() -> None:
    got = _subjects(
        "TEHRAN – Iran exported 20 million tons of steel in 2021. China topped the list with "
        "5 million tons, followed by Iraq with 3 million tons."
    )
    assert got[Decimal(3000000)] == "Iran"


def test_a_split_and_the_figure_after_it_take_the_total_s_subject() -> None:
    got = _subjects(
        "TEHRAN – The Mazandaran Governorate completed 300 projects in 2021. Sari had the "
        "largest share with 120 projects, followed by Gorgan with 41 projects. "
        "The governorate plans to complete 500 projects next year."
    )
    assert got[Decimal(41)] == got[Decimal(300)]
    assert got[Decimal(500)] == got[Decimal(300)]


def test_a_trade_partner_is_not_the_subject_of_the_trade() -> None:
    got = _subjects(
        "ANKARA, May 3 (AA) – Turkey's exports grew 8 percent in 2022, the ministry said. "
        "Exports to the Gulf Cooperation Council (GCC) rose 15 percent to $6.2 billion, "
        "while imports from Germany fell to $2.3 billion."
    )
    assert got[Decimal(6200000000)] == "Turkey"
    assert got[Decimal(15)] == "Turkey"
    assert got[Decimal(2300000000)] == "Turkey"


def test_a_country_trading_with_a_group_owns_the_figure() -> None:
    got = _subjects(
        "ANKARA, May 3 (AA) – Turkey's trade with members of the Organization of Turkic States "
        "stood at $4.8 billion last year, Turkish officials said."
    )
    assert got[Decimal(4800000000)] == "Turkey"
