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
