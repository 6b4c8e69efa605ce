"""Round 11 of extraction: posts written after a body's possessive or in a relative clause, the
bodies a place's officials head, regional subsidiaries, earmarked money, count days, development
plans, national totals, revised targets, program figures and groups named again."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from extracted import figures, posts
from newskg.extract import extract
from newskg.extract.records import Extraction
from newskg.model import Article, Status

_DAY = date(2022, 11, 2)


def _extract(text: str, published: date | None = _DAY) -> Extraction:
    return extract(Article(text, date_published=published))


def test_a_post_for_a_field_after_the_company_s_goes_to_the_group_named_before() -> None:
    got = _extract(
        "TEHRAN – Saipa Group (SAIPA) assembled 41,000 cars in October, the company’s deputy CEO "
        "for production, Kaveh Nasiri-Bonab, said."
    )
    assert posts(got)["Kaveh Nasiri-Bonab"] == {("Saipa Group", "deputy managing director")}
    assert "company" not in {a.label for a in got.agencies}  # never a body called "company"


def test_its_post_is_the_body_the_sentence_named_not_the_article_s_main_one() -> None:
    got = _extract(
        "TEHRAN – The Agriculture Ministry plans to raise wheat purchases, the ministry said. "
        "The Agriculture Ministry has also set a price for barley.\n\n"
        "Bank Keshavarzi, the main lender to farmers, has paid 90 trillion rials in loans this "
        "year, its managing director, Reza Amini-Tabar, said."
    )
    assert posts(got)["Reza Amini-Tabar"] == {("Bank Keshavarzi", "managing director")}


def test_a_vice_presidency_and_a_technology_park_are_bodies_with_officials() -> None:
    got = _extract(
        "TEHRAN – The Vice-Presidency for Science, Technology and Knowledge-Based Economy has "
        "backed 300 start-ups this year. Mina Sadri-Kashani, the vice-presidency’s deputy for "
        "innovation, said the head of Shiraz Technology Park, Omid Haqiqat-Nia, had opened 12 "
        "new labs."
    )
    labels = {a.label for a in got.agencies}
    assert "Vice-Presidency for Science, Technology and Knowledge-Based Economy" in labels
    assert "Shiraz Technology Park" in labels
    held = posts(got)
    assert held["Mina Sadri-Kashani"] == {
        ("Vice-Presidency for Science, Technology and Knowledge-Based Economy", "deputy")
    }


def test_a_regional_subsidiary_is_not_its_parent() -> None:
    got = _extract(
        "TEHRAN – National Iranian South Oil Company (NISOC) raised output by 40,000 bpd. NIOC’s "
        "deputy CEO for planning, Farzaneh Roshan-Zamir, said total output rose to 3.3 million bpd."
    )
    labels = {a.label for a in got.agencies}
    assert {"National Iranian South Oil Company", "National Iranian Oil Company"} <= labels
    assert posts(got)["Farzaneh Roshan-Zamir"] == {
        ("National Iranian Oil Company", "deputy managing director")
    }


def test_a_relative_clause_adds_a_second_post() -> None:
    got = _extract(
        "TEHRAN – Javad Khalili-Mehr, the head of the Technical and Vocational Training "
        "Organization (TVTO), said 200,000 people were trained.\n\nKhalili-Mehr, who is also a "
        "deputy minister of cooperatives, labor and social welfare, said more centers will open. "
        "Saber Latifi-Zand, a deputy roads minister who also heads the Iran Roads Maintenance "
        "Company, said 40 bridges were repaired."
    )
    held = posts(got)
    assert held["Javad Khalili-Mehr"] == {
        ("Technical and Vocational Training Organization", "head"),
        ("Ministry of Cooperatives, Labor and Social Welfare", "deputy minister"),
    }
    assert ("Iran Roads Maintenance Company", "head") in held["Saber Latifi-Zand"]


def test_a_mayor_heads_the_city_s_municipality_in_an_iranian_article() -> None:
    got = _extract(
        "TEHRAN – Mashhad’s deputy mayor for urban services, Hamid Pakravan-Tousi, said 30 new "
        "parks opened in the current Iranian calendar year."
    )
    assert posts(got)["Hamid Pakravan-Tousi"] == {("Mashhad Municipality", "deputy mayor")}


def test_a_chief_executive_is_a_managing_director_only_in_iranian_articles() -> None:
    iranian = _extract(
        "TEHRAN – Iran Khodro sold 20,000 cars in Mehr, its chief executive Reza Nouri-Sadat said."
    )
    other = _extract("LONDON – Tesco sold more food in May, its chief executive Tom Ward said.")
    assert {t for _, t in posts(iranian)["Reza Nouri-Sadat"]} == {"managing director"}
    assert {t for _, t in posts(other)["Tom Ward"]} == {"chief executive"}


def test_money_earmarked_for_a_program_is_a_target_but_allocated_money_is_achieved() -> None:
    got = figures(
        "TEHRAN – The Labor Ministry has earmarked 50 trillion rials for rural jobs in the current "
        "Iranian calendar year. It has allocated 8 trillion rials to nomads so far.",
        _DAY,
    )
    assert got[Decimal(50_000_000_000_000)][1] is Status.TARGET
    assert got[Decimal(8_000_000_000_000)][1] is Status.ACHIEVED


def test_as_of_a_day_ends_the_period_since_the_start_of_the_year() -> None:
    got = figures(
        "TEHRAN – As of October 30, 2,450 exporters had registered with the TPO since the start "
        "of the current Iranian calendar year.",
        _DAY,
    )
    _, _, first, last = got[Decimal(2450)]
    assert (first, last) == (date(2022, 3, 21), date(2022, 10, 30))


def test_a_development_plan_gives_the_period_of_its_rates_and_its_end() -> None:
    got = figures(
        "TEHRAN – The Seventh Development Plan envisages average annual growth of 6 percent in "
        "mining value added and iron ore output of 90 million tons by the end of the plan, a "
        "deputy industry minister said.",
        date(2024, 6, 1),
    )
    assert got[Decimal(6)][2:] == (date(2024, 3, 20), date(2029, 3, 19))
    assert got[Decimal(90_000_000)][2:] == (None, date(2029, 3, 19))


def test_a_parent_named_in_a_subsidiary_aside_is_not_the_owner() -> None:
    got = figures(
        "TEHRAN – Kerman Industrial Parks Company, a subsidiary of Iran Small Industries and "
        "Industrial Parks Organization (ISIPO), runs 27 industrial parks, an official said.",
        _DAY,
    )
    assert got[Decimal(27)][0] == "Kerman Industrial Parks Company"


def test_a_body_and_its_affiliated_companies_act_as_the_body() -> None:
    got = figures(
        "TEHRAN – IDRO and its affiliated companies have invested 30 trillion rials in 14 "
        "projects this year, an official said.",
        _DAY,
    )
    assert "Industrial Development" in got[Decimal(30_000_000_000_000)][0]


def test_domestic_output_and_peak_demand_are_the_country_s() -> None:
    got = figures(
        "TEHRAN – Domestic sugar production is expected to reach 2.1 million tons in the current "
        "Iranian calendar year, the Agriculture Ministry said. Peak demand reached 71,000 MW in "
        "the summer, the Energy Ministry said.",
        _DAY,
    )
    assert got[Decimal(2_100_000)][0] == "Iran"
    assert got[Decimal(71_000)][0] == "Iran"


def test_an_earlier_target_is_revised_by_the_target_before_it_and_shares_its_owner() -> None:
    got = _extract(
        "TEHRAN – Iran’s carpet exports are projected to reach $400 million in the current Iranian "
        "calendar year, an official said, after the ministry lowered its earlier target of $500 "
        "million."
    )
    revised, earlier = (o for o in got.observations if o.value in (400_000_000, 500_000_000))
    assert revised.revision_of == earlier.index
    assert revised.subject == earlier.subject


def test_figures_of_the_program_belong_to_the_body_that_runs_it() -> None:
    got = figures(
        "TEHRAN – The Roads Ministry launched a national housing program in 2021, the ministry "
        "said.\n\nSome 600,000 households are registered on the program’s website, an official "
        "of the Roads Ministry said, and 210,000 units are under construction under the program.",
        _DAY,
    )
    assert got[Decimal(600_000)][0] == "Roads Ministry"
    assert got[Decimal(210_000)][0] == "Roads Ministry"


def test_the_bare_group_refers_back_to_the_fuller_one() -> None:
    got = figures(
        "TEHRAN – The number of knowledge-based companies has reached 9,100, an official said. "
        "He said the companies’ exports are projected to reach $1.5 billion this year.",
        _DAY,
    )
    assert got[Decimal(1_500_000_000)][0] == "knowledge-based companies"
