"""Who said each figure, on sentences written for these tests."""

from __future__ import annotations

from decimal import Decimal

from newskg.extract import extract
from newskg.model import Article


def _speakers(text: str) -> dict[Decimal, str | None]:
    extraction = extract(Article(text))
    names = {p.ref: p.name for p in extraction.people}
    names |= {a.ref: a.label for a in extraction.agencies}
    return {o.value: names.get(o.stated_by or "") for o in extraction.observations}


def test_a_relative_clause_between_the_speaker_and_the_verb() -> None:
    speakers = _speakers(
        "TEHRAN – Javad Owji, the head of the National Iranian Drilling Company (NIDC), is "
        "upbeat. Owji, who was speaking at a meeting with the managers of the company's "
        "offshore subsidiaries in Kish, said the firm drilled 64 wells last year."
    )
    assert speakers[Decimal(64)] == "Javad Owji"


def test_quoted_as_saying_and_a_post_before_the_name() -> None:
    speakers = _speakers(
        "Shana quoted the managing director of the National Iranian Gas Company (NIGC), Saeed "
        "Tavakoli, as saying that 1,200 villages were connected. According to the deputy "
        "minister for employment affairs, Reza Ahmadi, 95,000 jobs were created."
    )
    assert speakers[Decimal(1200)] == "Saeed Tavakoli"
    assert speakers[Decimal(95000)] == "Reza Ahmadi"


def test_reported_speech_belongs_to_the_reported_speaker() -> None:
    speakers = _speakers(
        "The deputy labor minister, Hamid Karimi, spoke on Sunday. Karimi also noted that ISIPO's "
        "deputy head, Ali Sadri, said last week that 980 idle units had been revived."
    )
    assert speakers[Decimal(980)] == "Ali Sadri"


def test_a_body_whose_released_data_the_sentence_reports() -> None:
    speakers = _speakers(
        "The latest data released by the Statistical Centre of Iran (SCI) show that the "
        "unemployment rate stood at 9.2 percent in the spring."
    )
    assert speakers[Decimal("9.2")] == "Statistical Centre of Iran"


def test_the_body_s_chief_is_whoever_runs_it() -> None:
    speakers = _speakers(
        "TEHRAN – Mohsen Khojasteh, the managing director of the National Iranian Oil Company "
        "(NIOC), visited Abadan. The NIOC chief further said that the company aims to drill "
        "120 new wells in 1400."
    )
    assert speakers[Decimal(120)] == "Mohsen Khojasteh"


def test_an_official_never_named_speaks_for_the_body() -> None:
    speakers = _speakers(
        "Meanwhile, the Energy Ministry's deputy for water and wastewater affairs said that the "
        "country's dams are 48 percent full."
    )
    assert speakers[Decimal(48)] == "Energy Ministry"
