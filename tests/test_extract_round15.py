"""Round 15 of extraction: current levels without a period, the Government Week and one-month
glosses, counted nouns after a list of kinds, the speaker's body as an owner, plans written as
"on the agenda", "has been earmarked" or "the units it had targeted", provincial bodies, groups
after "He said", months still to come, levels at the end of a Solar Hijri year, and posts written
with a detail, a field or a portfolio in words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from extracted import figures, posts
from newskg.extract import extract
from newskg.model import Article, Status

_DAY = date(2023, 9, 4)  # 13 Shahrivar 1402
_YEAR = (date(2023, 3, 21), date(2024, 3, 19))
_MINISTRY = "Ministry of Industry, Mine and Trade"


def test_a_current_level_has_no_period() -> None:
    got = figures(
        "TEHRAN (IRNA) – The share of rail in freight transport currently stands at about 12 "
        "percent, the head of the Islamic Republic of Iran Railways said, adding that the "
        "Seventh Development Plan envisages raising it to 25 percent by the end of the plan.",
        _DAY,
    )
    assert got[Decimal(12)][1:] == (Status.CURRENT, None, None)


def test_the_government_week_and_a_one_month_gloss_date_a_figure() -> None:
    got = figures(
        "TEHRAN (ILNA) – The Ministry of Industry, Mine and Trade opened 240 projects during the "
        "Government Week (August 24-30), an official said. The ministry had opened 190 projects "
        "in the Government Week of the past year.",
        _DAY,
    )
    assert got[Decimal(240)][2:] == (date(2023, 8, 24), date(2023, 8, 30))
    assert got[Decimal(190)][2:] == (date(2022, 8, 24), date(2022, 8, 30))


def test_a_list_of_kinds_before_a_counted_noun() -> None:
    got = figures(
        "TEHRAN (ILNA) – The Ministry of Industry, Mine and Trade opened 77 industrial, mining and "
        "trade projects in 1402, an official said.",
        _DAY,
    )
    assert got[Decimal(77)] == (_MINISTRY, Status.ACHIEVED, *_YEAR)


def test_a_lead_figure_with_no_body_named_is_the_speaker_s_body() -> None:
    got = figures(
        "TEHRAN (ILNA) – Some 310 projects were inaugurated across Iran in 1402, a deputy "
        "industry minister said. Reza Kamali, the deputy minister of industry, mine and trade for "
        "planning, said 40 of the projects were in the parks of Iran Small Industries and "
        "Industrial Parks Organization (ISIPO), which inaugurated another 25 of its own.",
        _DAY,
    )
    assert got[Decimal(310)][0] == _MINISTRY


def test_what_a_named_official_says_is_his_body_s_not_the_body_named_before() -> None:
    got = figures(
        "TEHRAN (IRNA) – Iran Small Industries and Industrial Parks Organization (ISIPO) revived "
        "700 units in 1402, its head said. The organization paid 40 trillion rials in loans to "
        "the units. Meanwhile, Reza Kamali, the deputy industry minister for planning affairs, "
        "said the budget bill envisages 90 trillion rials for the program next year.",
        _DAY,
    )
    assert got[Decimal(90_000_000_000_000)][0] == _MINISTRY


def test_plans_written_as_an_agenda_an_earmark_or_a_target_in_a_relative_clause() -> None:
    got = figures(
        "TEHRAN (IRNA) – Bank of Industry and Mine (BIM) said 45 trillion rials has been "
        "earmarked for small firms this year. Another 12 branches are on the agenda for 1403, it "
        "said, compared with the 30 branches it had targeted last year.",
        _DAY,
    )
    assert got[Decimal(45_000_000_000_000)][1] is Status.TARGET
    assert got[Decimal(12)][1] is Status.TARGET
    assert got[Decimal(30)][1] is Status.TARGET


def test_installed_capacity_brought_to_a_level_is_no_potential() -> None:
    got = figures(
        "TEHRAN (IRNA) – Tavanir said 1,200 MW of new plants were put into operation in 1402, "
        "bringing the country's installed capacity to 91,000 MW.",
        _DAY,
    )
    assert got[Decimal(91_000)][1] is not Status.POTENTIAL


def test_a_provincial_body_is_named_after_the_article_s_province() -> None:
    extraction = extract(
        Article(
            "SARI (Tasnim) – A total of 52 idle units in the northern province of Mazandaran "
            "resumed work in 1402, according to the provincial Industry, Mining and Trade "
            "Organization.",
            date_published=_DAY,
        )
    )
    labels = {a.label for a in extraction.agencies}
    assert "Industry, Mining and Trade Organization of Mazandaran Province" in labels


def test_banks_after_he_said_are_the_actor_and_investors_never_own_a_figure() -> None:
    got = figures(
        "TEHRAN (Tasnim) – The Industry, Mining and Trade Organization of Gilan Province revived "
        "48 units in 1402. He said banks in the province have paid 3,100 billion rials to "
        "industrial units. Private investors have pledged to invest 9 trillion rials in the "
        "parks, the organization said.",
        _DAY,
    )
    assert got[Decimal(3_100_000_000_000)][0] == "banks"
    assert got[Decimal(9_000_000_000_000)][0] != "investors"


def test_a_month_still_to_come_is_the_next_one() -> None:
    got = figures(
        "TEHRAN – Tavanir said peak electricity demand is expected to reach 78,000 MW in "
        "Mordad (July 23-August 22).",
        date(2025, 6, 9),
    )
    assert got[Decimal(78_000)][2:] == (date(2025, 7, 23), date(2025, 8, 22))


def test_a_level_at_the_end_of_a_solar_hijri_year_is_that_day() -> None:
    got = figures(
        "TEHRAN (IRNA) – Bank of Industry and Mine (BIM) said its non-performing loans now stand "
        "at 8.1 percent, down from 11.7 percent at the end of 1401.",
        _DAY,
    )
    assert got[Decimal("11.7")][2:] == (date(2023, 3, 20), date(2023, 3, 20))


def test_a_target_raised_in_a_month_keeps_no_month() -> None:
    got = figures(
        "TEHRAN (IRNA) – The Ministry of Industry, Mine and Trade had aimed to revive 2,000 units "
        "in 1402, but raised the target to 2,600 units in July.",
        _DAY,
    )
    assert got[Decimal(2_600)][2:] != (date(2023, 7, 1), date(2023, 7, 31))


def test_posts_with_a_detail_a_field_or_a_portfolio_in_words() -> None:
    extraction = extract(
        Article(
            "TEHRAN (ILNA) – Some 210 technology units were set up in industrial parks in 1402, "
            "the director general for technology affairs at Iran Small Industries and Industrial "
            "Parks Organization (ISIPO) said. Speaking to ILNA on Tuesday, Mahsa Rouhbakhsh put "
            "the number of firms in the parks at 2,900. Meanwhile, the deputy head of the "
            "Innovation and Prosperity Fund (IPF) for financing, Kaveh Dorostkar, told IRNA the "
            "fund had paid 4 trillion rials in loans. Separately, 900 villages were connected to "
            "fiber in 1402, a deputy minister of communications and information technology said. "
            "The deputy minister, Arash Mehrparvar, told ISNA that 400 more will follow.",
            date_published=_DAY,
        )
    )
    got = posts(extraction)
    assert got["Mahsa Rouhbakhsh"] == {
        ("Iran Small Industries and Industrial Parks Organization", "director general")
    }
    assert got["Kaveh Dorostkar"] == {("Innovation and Prosperity Fund", "deputy head")}
    assert got["Arash Mehrparvar"] == {
        ("Ministry of Communications and Information Technology", "deputy minister")
    }


def test_a_division_s_director_general_is_not_the_head_named_in_the_lead() -> None:
    extraction = extract(
        Article(
            "Drug makers produced medicines worth 190 trillion rials in 1401, the head of the "
            "Iran Food and Drug Administration (IFDA) said. Parisa Kheradmand told ILNA that "
            "output rose 8 percent. IFDA Director General for Drug Affairs Siavash Nikbakht said "
            "exports reached $90 million.",
            date_published=_DAY,
        )
    )
    got = posts(extraction)
    assert got["Parisa Kheradmand"] == {("Iran Food and Drug Administration", "head")}


def test_a_deputy_oil_minister_belongs_to_the_ministry_of_petroleum() -> None:
    extraction = extract(
        Article(
            "TEHRAN (Shana) – Petrochemical output reached 66 million tons in 1401, the managing "
            "director of the National Petrochemical Company (NPC) said. Bahram Sadeghpour, who is "
            "also a deputy oil minister, told Shana that exports earned $12 billion.",
            date_published=_DAY,
        )
    )
    assert ("Ministry of Petroleum", "deputy minister") in posts(extraction)["Bahram Sadeghpour"]


def test_a_publisher_field_that_names_a_known_outlet_is_that_outlet() -> None:
    extraction = extract(
        Article(
            "TEHRAN, May 16 (IRNA) – Bank of Industry and Mine (BIM) paid 300 trillion rials in "
            "loans in 1401, its managing director told IRNA.",
            date_published=_DAY,
            publisher="IRNA English",
        )
    )
    by_ref = {a.ref: a for a in extraction.agencies}
    assert extraction.publisher is not None
    assert by_ref[extraction.publisher].acronym == "IRNA"


def test_an_editor_s_code_is_no_outlet() -> None:
    extraction = extract(
        Article(
            "TEHRAN, Jun. 18 (MNA) – Bank Maskan paid 90 trillion rials in housing loans in 1401. "
            "FT/6130947",
            date_published=_DAY,
        )
    )
    assert all(a.label != "Financial Times" for a in extraction.agencies)
