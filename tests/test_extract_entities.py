"""Agencies, people with titles, attribution and whole-article extraction on own sentences."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from newskg.extract import Extraction, extract
from newskg.model import Article, Status

ARTICLE = (
    "TEHRAN – The Trade Promotion Organization of Iran (TPO) plans to raise non-oil exports to "
    "$50 billion in the current Iranian calendar year, IRNA reported. "
    "TPO Deputy Head Mohammad-Reza Moqimi told IRNA that exports rose 12 percent year on year to "
    "$36 billion in the first nine months of the current year (March 21-December 21). "
    "According to the official, the organization also allocated 5 trillion rials "
    "(about $119 million) for building 40 export hubs. "
    "Deputy Economy Minister Ali Rahmani said the Economy Ministry could attract $2 billion of "
    "foreign investment. "
    "“There are currently 1,200 active exporters in the free zones,” Rahmani added."
)


def _extract() -> Extraction:
    return extract(Article(ARTICLE, date_published=date(2023, 1, 15)))


def test_agencies_acronyms_and_news_agencies() -> None:
    extraction = _extract()
    by_label = {a.label: a for a in extraction.agencies}
    assert by_label["Trade Promotion Organization of Iran"].acronym == "TPO"
    assert by_label["Islamic Republic News Agency"].news_agency is True
    assert "Economy Ministry" in by_label
    assert [extraction.agencies[int(r.split(":")[1])].acronym for r in extraction.reported_by] == [
        "IRNA"
    ]


def test_people_with_titles_and_agencies() -> None:
    extraction = _extract()
    agencies = {a.ref: a.label for a in extraction.agencies}
    roles = {
        p.name: [(agencies.get(r.agency or ""), r.title) for r in p.roles]
        for p in extraction.people
    }
    assert roles["Mohammad-Reza Moqimi"] == [
        ("Trade Promotion Organization of Iran", "deputy head")
    ]
    assert roles["Ali Rahmani"] == [("Economy Ministry", "deputy minister")]


def test_observations_status_period_and_attribution() -> None:
    extraction = _extract()
    people = {p.ref: p.name for p in extraction.people}
    got = {
        (o.value, o.status): (o.period_start, o.period_end, people.get(o.stated_by or ""))
        for o in extraction.observations
    }
    year = (date(2022, 3, 21), date(2023, 3, 20))
    assert got[(Decimal("50000000000"), Status.TARGET)] == (*year, None)
    assert got[(Decimal(12), Status.ACHIEVED)] == (
        date(2022, 3, 21),
        date(2022, 12, 21),
        "Mohammad-Reza Moqimi",
    )
    assert got[(Decimal("36000000000"), Status.ACHIEVED)][2] == "Mohammad-Reza Moqimi"
    assert got[(Decimal("5000000000000"), Status.ACHIEVED)][2] == "Mohammad-Reza Moqimi"
    assert got[(Decimal("2000000000"), Status.POTENTIAL)][2] == "Ali Rahmani"
    assert got[(Decimal(1200), Status.CURRENT)][2] == "Ali Rahmani"
    # the purpose of the allocation is no figure of its own; the conversion is an equivalent
    assert (Decimal(40), Status.ACHIEVED) not in got
    money = next(o for o in extraction.observations if o.value == Decimal("5000000000000"))
    assert [(e.value, e.approximate) for e in money.equivalents] == [(Decimal(119000000), True)]


def test_revision_is_a_second_target() -> None:
    text = (
        "The Ports and Maritime Organization initially planned to build 1,500 berths in 1402, "
        "but the target was later revised to 2,000 berths."
    )
    extraction = extract(Article(text.replace("berths", "projects")))
    first, second = extraction.observations
    assert (first.value, second.value) == (Decimal(1500), Decimal(2000))
    assert first.status is second.status is Status.TARGET
    assert second.revision_of == first.index


def test_seed_articles_end_to_end() -> None:
    root = Path(__file__).resolve().parents[1] / "examples" / "articles"
    extraction = extract(Article((root / "isipo-1400-target.txt").read_text(encoding="utf-8")))
    values = {(o.value, o.status) for o in extraction.observations}
    assert (Decimal(1400), Status.TARGET) in values
    assert (Decimal(1726), Status.ACHIEVED) in values
    assert (Decimal(2000), Status.ACHIEVED) not in values
    target = next(o for o in extraction.observations if o.value == 1000)
    assert (target.period_start, target.period_end) == (date(2018, 3, 21), date(2019, 3, 20))


def test_never_crashes_on_odd_text() -> None:
    for text in ["", "  ", "$", "(((", "1,,000 percent of", "“unclosed quote " * 50]:
        assert isinstance(extract(Article(text)), Extraction)


def _roles(text: str) -> dict[str, list[tuple[str | None, str, str | None]]]:
    extraction = extract(Article(text, date_published=date(2022, 5, 1)))
    agencies = {a.ref: a.label for a in extraction.agencies}
    return {
        p.name: [(agencies.get(r.agency or ""), r.title, r.detail) for r in p.roles]
        for p in extraction.people
    }


def test_post_with_affairs_detail_before_the_name() -> None:
    roles = _roles(
        "The Iranian Fisheries Organization (IFO) bred 20,000 tons of shrimp. "
        "IFO's deputy head for aquaculture affairs, Nasser Abbasi-Rad, said exports rose."
    )
    assert roles["Nasser Abbasi-Rad"] == [
        ("Iranian Fisheries Organization", "deputy head", "aquaculture affairs")
    ]


def test_capitalised_affairs_detail_is_not_part_of_the_name() -> None:
    roles = _roles(
        "The Ministry of Health vaccinated 2 million people, Deputy Health Minister for "
        "Public Health Affairs Kamran Yazdani announced."
    )
    assert roles == {
        "Kamran Yazdani": [("Ministry of Health", "deputy minister", "public health affairs")]
    }


def test_ministry_written_in_words_after_the_title() -> None:
    roles = _roles(
        "The Ministry of Roads and Urban Development built 9 bridges. Ahmad Nikpour, the "
        "deputy minister of roads and urban development for transport affairs, said so."
    )
    assert roles["Ahmad Nikpour"] == [
        ("Ministry of Roads and Urban Development", "deputy minister", "transport affairs")
    ]


def test_a_clause_before_a_title_is_no_portfolio() -> None:
    roles = _roles("On the sidelines of a meeting, CBI Governor Javad Fallahi said loans rose.")
    assert [title for _, title, _ in roles["Javad Fallahi"]] == ["governor"]


def test_ceo_is_the_managing_director() -> None:
    roles = _roles("NIGC CEO Kaveh Saberi said output rose 3 percent.")
    assert [title for _, title, _ in roles["Kaveh Saberi"]] == ["managing director"]


def _subjects(text: str) -> dict[Decimal, str]:
    extraction = extract(Article(text, date_published=date(2022, 5, 1)))
    labels = {a.ref: a.label for a in extraction.agencies} | {
        p.ref: p.label for p in extraction.places
    }
    return {o.value: labels.get(o.subject, o.subject) for o in extraction.observations}


def test_dateline_city_is_never_the_subject() -> None:
    subjects = _subjects(
        "ISFAHAN, May 1 (IRNA) – Tile output at domestic plants rose 9 percent, "
        "the Tile Producers Association said."
    )
    assert subjects.get(Decimal(9)) != "Isfahan"


def test_country_possessive_makes_the_country_the_subject() -> None:
    subjects = _subjects(
        "TEHRAN – Reza Amini told reporters that the country's installed wind capacity "
        "currently stands at 640 megawatts. Iran's Energy Ministry plans to add 300 megawatts."
    )
    assert subjects[Decimal(640)] == "Iran"
    assert subjects[Decimal(300)] == "Energy Ministry"


def test_person_in_apposition_is_not_part_of_an_agency_name() -> None:
    extraction = extract(
        Article(
            "The head of the Foundation of Rural Schools, Javad Moradi, said 40 schools opened."
        )
    )
    assert [a.label for a in extraction.agencies] == ["Foundation of Rural Schools"]


def _statuses(text: str) -> dict[Decimal, Status]:
    extraction = extract(Article(text, date_published=date(2022, 5, 1)))
    return {o.value: o.status for o in extraction.observations}


def test_a_perfect_tense_reports_a_result() -> None:
    statuses = _statuses(
        "The Iranian Fisheries Organization has bred 20,000 tons of shrimp so far this year."
    )
    assert statuses[Decimal(20000)] is Status.ACHIEVED


def test_aims_to_reach_a_total_is_a_target() -> None:
    statuses = _statuses("The Roads Ministry aims to build a total of 900 housing units this year.")
    assert statuses[Decimal(900)] is Status.TARGET


def _subjects(text: str) -> dict[Decimal, str]:
    extraction = extract(Article(text, date_published=date(2022, 5, 1)))
    labels = {a.ref: a.label for a in extraction.agencies}
    labels.update({p.ref: p.label for p in extraction.places})
    return {o.value: labels.get(o.subject, o.subject) for o in extraction.observations}


def test_a_national_statistic_belongs_to_the_country_not_the_body_reporting_it() -> None:
    subjects = _subjects(
        "Figures from the Statistical Centre of Iran show that the jobless rate in Iran "
        "stood at 8.7 percent in the spring."
    )
    assert subjects[Decimal("8.7")] == "Iran"


def test_an_operational_figure_stays_with_the_body() -> None:
    subjects = _subjects(
        "The Statistical Centre of Iran said Iran's National Gas Company "
        "created 1,300 jobs in the spring."
    )
    assert subjects[Decimal(1300)] != "Iran"


def test_a_body_that_only_speaks_does_not_own_the_country_s_figure() -> None:
    subjects = _subjects(
        "Iran's Energy Ministry spokesman said that the country's reservoirs are 37 percent full."
    )
    assert subjects[Decimal(37)] == "Iran"


def test_a_breakdown_by_province_belongs_to_the_total() -> None:
    text = (
        "The Government Trading Corporation bought 5.2 million tons of rice in the first six "
        "months of 2021. Gilan Province accounted for 2.1 million tons of the purchases, "
        "followed by Mazandaran with 1.4 million tons."
    )
    subjects = _subjects(text)
    whole = subjects[Decimal(5200000)]
    assert whole == "Government Trading Corporation"
    assert subjects[Decimal(2100000)] == whole
    assert subjects[Decimal(1400000)] == whole
    extraction = extract(Article(text, date_published=date(2021, 8, 1)))
    periods = {o.value: o.period_end for o in extraction.observations}
    assert periods[Decimal(1400000)] == periods[Decimal(5200000)] == date(2021, 6, 30)


def test_a_body_quoted_with_according_to_does_not_own_the_country_s_figure() -> None:
    subjects = _subjects(
        "According to the head of the Iran Wind Energy Organization, the country's wind "
        "capacity reached 900 MW in 2021."
    )
    assert subjects[Decimal(900)] == "Iran"


def _agency_names(text: str) -> dict[str, set[str]]:
    extraction = extract(Article(text))
    return {a.label: set(a.alt_labels) for a in extraction.agencies if not a.news_agency}


def test_a_short_name_of_a_body_in_the_same_article_is_the_same_body() -> None:
    names = _agency_names(
        "Arvand Free Zone attracted $40 million of investment, the managing director of Arvand "
        "Free Zone Organization said. The Housing Foundation of Islamic Revolution built 900 "
        "homes, and the Housing Foundation will build 500 more."
    )
    assert names == {
        "Arvand Free Zone Organization": {"Arvand Free Zone"},
        "Housing Foundation of Islamic Revolution": {"Housing Foundation"},
    }


def test_a_body_name_with_two_tails_and_a_listed_plural() -> None:
    names = _agency_names(
        "The Center for Exchange of Gold and Currency supplied $2 billion. The director general "
        "of Bushehr Ports and Maritime Department, Karim Nazari, said 12 ships docked."
    )
    assert set(names) == {
        "Center for Exchange of Gold and Currency",
        "Bushehr Ports and Maritime Department",
    }


def test_a_province_s_own_department_keeps_the_province_in_its_name() -> None:
    names = _agency_names(
        "Fars Province's Industry, Mining and Trade Department revived 41 idle units. "
        "Iran's Industry, Mining and Trade Ministry set a target of 2,000 units."
    )
    assert set(names) == {
        "Fars Province's Industry, Mining and Trade Department",
        "Industry, Mining and Trade Ministry",
    }


def test_a_name_running_from_one_organisation_word_to_the_next_keeps_its_tail() -> None:
    names = _agency_names("The Reserve Bank of Australia lifted interest rates to 5.5%.")
    assert set(names) == {"Reserve Bank of Australia"}


def test_a_person_before_a_post_in_apposition_is_no_body() -> None:
    extraction = extract(
        Article(
            'The Reserve Bank of New Zealand kept rates at 7%. "Inflation is limited," said '
            "Alan Bollard, Governor of the Reserve Bank."
        )
    )
    labels = {a.ref: a.label for a in extraction.agencies}
    assert set(labels.values()) == {"Reserve Bank of New Zealand"}
    assert [
        (p.name, [(labels[r.agency or ""], r.title) for r in p.roles]) for p in extraction.people
    ] == [("Alan Bollard", [("Reserve Bank of New Zealand", "governor")])]


def test_a_persian_acronym_after_a_known_body_is_that_body_s() -> None:
    extraction = extract(
        Article(
            "The head of the Islamic Republic of Iran Railways (RAI) said freight rose. "
            "The RAI's target for 1400 is 53 million tons."
        )
    )
    (railways,) = extraction.agencies
    assert (railways.label, railways.acronym) == ("Islamic Republic of Iran Railways", "RAI")
    assert [o.subject for o in extraction.observations] == [railways.ref]


def test_a_speaker_followed_by_said_the_organization_is_no_company() -> None:
    extraction = extract(
        Article(
            "Speaking to Tasnim, Gholamhossein Nikzad-Farahani said the organization had raised "
            "its target to 150 units."
        )
    )
    assert [a.label for a in extraction.agencies if not a.news_agency] == []
    assert [p.name for p in extraction.people] == ["Gholamhossein Nikzad-Farahani"]
