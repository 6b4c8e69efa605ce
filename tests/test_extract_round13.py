"""Round 13 of extraction: subsidiaries' parents, undated articles, what was done by a deadline,
channels and named programs, occasions, restatements, verbs of the work, targets beaten, more of
the same, acronym plurals and the posts a bare "deputy" holds."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from extracted import figures, posts
from newskg.extract import extract
from newskg.model import Article, Status

_DAY = date(2021, 11, 10)  # 19 Aban 1400


def test_the_company_is_the_subsidiary_not_the_parent_in_its_aside() -> None:
    got = figures(
        "TEHRAN (Shana) – Pars Oil and Gas Company (POGC), a subsidiary of the National Iranian "
        "Oil Company (NIOC), drilled 14 wells this year.\n\nThe company had initially aimed to "
        "drill 20 wells, its managing director said.",
        _DAY,
    )
    assert got[Decimal(20)][0] == "Pars Oil and Gas Company"


def test_an_undated_article_dates_its_lead_by_a_later_gloss() -> None:
    got = figures(
        "The Iranian Mines and Mining Industries Development and Renovation Organization (IMIDRO) "
        "plans to complete 31 projects in the current Iranian year, its chairman says.\n\nIMIDRO "
        "invested 120 trillion rials in the past Iranian year 1400 (ended March 20, 2022)."
    )
    assert got[Decimal(31)][1:] == (Status.TARGET, date(2022, 3, 21), date(2023, 3, 20))


def test_what_was_done_by_the_end_of_a_month_counts_from_the_year_s_start() -> None:
    got = figures(
        "TEHRAN (IRNA) – ISIPO plans to hand over 1,500 hectares of land this year, of which 420 "
        "hectares had been allocated by the end of Mehr (October 22).",
        _DAY,
    )
    assert got[Decimal(420)][1:] == (Status.ACHIEVED, date(2021, 3, 21), date(2021, 10, 22))


def test_a_figure_received_through_a_body_is_the_body_s() -> None:
    got = figures(
        "TEHRAN (IRNA) – Small and medium-sized enterprises (SMEs) received 300 trillion rials in "
        "loans through ISIPO this year.",
        _DAY,
    )
    assert got[Decimal(300_000_000_000_000)][0] == (
        "Iran Small Industries and Industrial Parks Organization"
    )


def test_a_figure_under_a_named_program_is_its_runner_s_not_the_occasion_s_place() -> None:
    got = figures(
        "TEHRAN (IRNA) – Construction has started on 90,000 units under the National Housing "
        "Action Plan this year, a deputy roads minister said.\n\nSpeaking at a press conference "
        "in Tehran, Ali Kamrani said 300,000 households had registered for the units.",
        _DAY,
    )
    assert got[Decimal(90_000)][0] == "Ministry of Roads and Urban Development"
    assert got[Decimal(300_000)][0] != "Tehran"


def test_a_figure_restated_as_a_share_takes_the_verb_after_the_restatement() -> None:
    got = figures(
        "TEHRAN (IRNA) – “We aim to hand over 1,200 hectares this year, and 250 hectares, or 21 "
        "percent of the target, have already been allocated in the first six months (March "
        "21-September 22),” the official said.",
        _DAY,
    )
    assert got[Decimal(250)][1:] == (Status.ACHIEVED, date(2021, 3, 21), date(2021, 9, 22))


def test_a_verb_of_the_work_before_its_figure_is_done_but_a_participle_after_it_is_not() -> None:
    got = figures(
        "TEHRAN (Shana) – NIOC drilled 23 new wells in the first half of the year and plans to "
        "drill eight more. Some 9,000 housing units built under the program will be handed over "
        "next year.",
        _DAY,
    )
    assert got[Decimal(23)][1] is Status.ACHIEVED
    assert got[Decimal(9_000)][1] is Status.TARGET


def test_the_margin_a_target_was_beaten_by_is_achieved() -> None:
    got = figures(
        "TEHRAN (IRNA) – IMIDRO invested 140 trillion rials last year, beating its target of 125 "
        "trillion rials by nearly 12 percent.",
        _DAY,
    )
    assert got[Decimal(12)][1] is Status.ACHIEVED


def test_a_stock_that_could_return_is_a_potential() -> None:
    got = figures(
        "TEHRAN (IRNA) – ISIPO has identified another 900 units that could return to production "
        "within two months.",
        _DAY,
    )
    assert got[Decimal(900)][1] is Status.POTENTIAL


def test_figures_further_on_in_a_target_clause_are_targets() -> None:
    got = figures(
        "TEHRAN (IRNA) – “Our target for 1400 is 500 trillion rials of loans for 12,000 small "
        "units,” the official said.",
        _DAY,
    )
    assert got[Decimal(12_000)][1] is Status.TARGET


def test_currently_stood_at_is_a_level_now() -> None:
    got = figures(
        "TEHRAN (IRNA) – The official said the share of SMEs in BIM’s portfolio currently stood "
        "at 24 percent.",
        _DAY,
    )
    assert got[Decimal(24)][1] is Status.CURRENT


def test_the_start_of_the_year_is_its_first_day() -> None:
    got = figures(
        "TEHRAN (IRNA) – The number of knowledge-based companies has reached 6,100, up from "
        "5,400 at the start of the year, the vice-presidency said.",
        _DAY,
    )
    assert got[Decimal(5_400)][2:] == (date(2021, 3, 21), date(2021, 3, 21))


def test_another_and_more_take_the_unit_of_the_figure_before() -> None:
    got = figures(
        "TEHRAN (IRNA) – Some 30 idle mines were revived this year, and another 25 are scheduled "
        "to resume operation by March. The company runs 14 industrial parks, and plans to open "
        "three more.",
        _DAY,
    )
    assert got[Decimal(25)][1] is Status.TARGET
    assert got[Decimal(3)][1] is Status.TARGET


def test_an_acronym_s_plural_is_a_counted_noun_and_of_which_a_body_runs_is_a_part() -> None:
    got = figures(
        "TEHRAN (IRNA) – Bank of Industry and Mine (BIM) has financed 1,900 SMEs this year. There "
        "are 980 industrial parks in the country, of which ISIPO runs 810.",
        _DAY,
    )
    assert Decimal(1_900) in got
    assert Decimal(810) in got


def test_a_bare_deputy_holds_the_post_the_body_s_kind_gives() -> None:
    extraction = extract(
        Article(
            "TEHRAN (IRNA) – NDFI’s deputy for financing affairs, Hamid Rasouli, said 40 units "
            "got loans. The vice-presidency’s deputy for start-ups, Mina Zand, said 300 firms were "
            "founded. Sara Baharlou, the director general of the PMO’s Bushehr Ports and Maritime "
            "Department, said 12 berths opened.",
            date_published=_DAY,
        )
    )
    held = posts(extraction)
    assert held["Hamid Rasouli"] == {("National Development Fund of Iran", "deputy head")}
    assert {t for _, t in held["Mina Zand"]} == {"deputy"}
    assert held["Sara Baharlou"] == {("Bushehr Ports and Maritime Department", "director general")}
