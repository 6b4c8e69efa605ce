"""Round 14 of extraction: units a program made, what was done "this year" after a year-to-date
lead, the plural present, a name's head before "of", stocks of a province, planned levels written
"bring the number of ... to", networks run by a national body and groups that open a sentence."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from extracted import figures, posts
from newskg.extract import extract
from newskg.model import Article, Status

_DAY = date(2021, 12, 5)  # 14 Azar 1400
_YEAR = (date(2021, 3, 21), date(2022, 3, 20))
_EIGHT_MONTHS = (date(2021, 3, 21), date(2021, 11, 21))
_ISIPO = "Iran Small Industries and Industrial Parks Organization"

_LEAD = (
    "TEHRAN (IRNA) – Iran Small Industries and Industrial Parks Organization (ISIPO) revived 920 "
    "idle units in the first eight months of the current Iranian year (March 21-November 21), "
    "its head said. "
)


def test_what_the_revived_units_did_is_the_program_runner_s_in_the_lead_s_span() -> None:
    got = figures(_LEAD + "He said the revived units have created 11,300 jobs.", _DAY)
    assert got[Decimal(11_300)] == (_ISIPO, Status.ACHIEVED, *_EIGHT_MONTHS)


def test_what_was_done_this_year_after_a_year_to_date_lead_is_within_that_span() -> None:
    got = figures(
        _LEAD + "The organization paid 4,100 billion rials to units last year. According to the "
        "official, 64 percent of the units revived this year are in industrial parks.",
        _DAY,
    )
    assert got[Decimal(64)] == (_ISIPO, Status.ACHIEVED, *_EIGHT_MONTHS)


def test_money_set_aside_this_year_keeps_the_whole_year() -> None:
    got = figures(
        _LEAD + "The organization has allocated 80 trillion rials to the plan this year.", _DAY
    )
    assert got[Decimal(80_000_000_000_000)][2:] == _YEAR


def test_the_plural_present_states_a_current_level() -> None:
    got = figures(
        "TEHRAN (IRNA) – The fund's resources deposited with banks stand at $7.2 billion, an "
        "official said. He said the parks host 21,000 units, which employ 410,000 people.",
        _DAY,
    )
    assert got[Decimal(7_200_000_000)][1] is Status.CURRENT
    assert got[Decimal(21_000)][1] is Status.CURRENT
    assert got[Decimal(410_000)][1] is Status.CURRENT


def test_a_build_operate_transfer_contract_is_no_current_state() -> None:
    got = figures(
        "TEHRAN (IRNA) – The ministry has so far signed build-operate-transfer contracts for 640 "
        "kilometers of freeways, its deputy said."
    )
    assert got[Decimal(640)][1] is Status.ACHIEVED


def test_the_bank_is_the_bank_named_before_not_the_main_body() -> None:
    got = figures(
        "TEHRAN (IRNA) – The National Development Fund of Iran (NDFI) has deposited 30 trillion "
        "rials with agent banks this year, an official with the fund said.\n\nSeparately, the "
        "managing director of the Export Development Bank of Iran (EDBI) said the bank paid 9.4 "
        "trillion rials in facilities to exporters this year.",
        _DAY,
    )
    assert got[Decimal(9_400_000_000_000)][0] == "Export Development Bank of Iran"


def test_according_to_the_official_the_organization_names_no_new_speaker() -> None:
    extraction = extract(
        Article(
            "TEHRAN (IRNA) – ISIPO deputy head Kamran Tavassoli told IRNA that 300 units were "
            "revived this year. According to the official, the organization also paid 6 "
            "trillion rials in loans.",
            date_published=_DAY,
        )
    )
    speakers = {o.value: o.stated_by for o in extraction.observations}
    person = next(p.ref for p in extraction.people if p.name == "Kamran Tavassoli")
    assert speakers[Decimal(6_000_000_000_000)] == person


def test_a_stock_in_the_province_is_the_province_s() -> None:
    got = figures(
        "TEHRAN (Tasnim) – The head of the provincial Industry, Mining and Trade Organization "
        "said 85 idle units had been revived in Fars Province this year. According to the "
        "official, the "
        "province is home to some 7,300 industrial units. There are also 19 industrial clusters "
        "in the province.",
        _DAY,
    )
    assert got[Decimal(7_300)][:2] == ("Fars Province", Status.CURRENT)
    assert got[Decimal(19)][:2] == ("Fars Province", Status.CURRENT)


def test_bring_the_number_of_units_revived_to_is_the_level_aimed_at() -> None:
    got = figures(
        _LEAD + "He said ISIPO aims to bring the number of units revived this year to 1,300 by "
        "the end of the year.",
        _DAY,
    )
    assert got[Decimal(1_300)][1] is Status.TARGET


def test_a_part_that_could_resume_is_potential() -> None:
    got = figures(
        _LEAD + "He put the number of units still idle in the parks at 5,400, noting that 2,100 "
        "of them could resume work within six months.",
        _DAY,
    )
    assert got[Decimal(2_100)][1] is Status.POTENTIAL


def test_the_country_s_ports_are_the_national_body_s_not_a_provincial_office_s() -> None:
    got = figures(
        "TEHRAN (ISNA) – Iran's ports handled 88 million tons of cargo in the first eight months "
        "of the current Iranian year (March 21-November 21), according to the Ports and "
        "Maritime Organization (PMO).\n\nThe Hormozgan Ports and Maritime Department handled "
        "51 million tons of the total, its head said.",
        _DAY,
    )
    assert got[Decimal(88_000_000)][0] == "Ports and Maritime Organization"


def test_a_group_opening_a_sentence_owns_what_it_is_told_to_pay() -> None:
    got = figures(
        _LEAD + "Banks have been told to pay 90 trillion rials in loans to the revived units "
        "this year, the official said.",
        _DAY,
    )
    assert got[Decimal(90_000_000_000_000)][:2] == ("Banks", Status.TARGET)


def test_a_plan_that_requires_a_share_to_reach_a_level_sets_a_target() -> None:
    got = figures(
        "TEHRAN (IRNA) – The Seventh Development Plan requires the share of renewables in power "
        "capacity to reach 12 percent, a deputy energy minister said."
    )
    assert got[Decimal(12)][1] is Status.TARGET


def test_capacity_under_construction_is_current() -> None:
    got = figures(
        "TEHRAN (IRNA) – Some 2,800 MW of solar projects are under construction, 900 MW of which "
        "will be completed this year, the head of SATBA said.",
        _DAY,
    )
    assert got[Decimal(2_800)][1] is Status.CURRENT


def test_the_government_s_target_is_the_country_s() -> None:
    got = figures(
        "TEHRAN (IRNA) – The government's target is to add 3,000 MW of renewable capacity this "
        "year, an official with the Renewable Energy and Energy Efficiency Organization (SATBA) "
        "said.",
        _DAY,
    )
    assert got[Decimal(3_000)][:2] == ("Iran", Status.TARGET)


def test_a_name_in_apposition_to_a_post_at_the_organization_is_a_person() -> None:
    extraction = extract(
        Article(
            "SARI (Tasnim) – Some 60 idle units resumed work this year, according to the "
            "provincial Industry, Mining and Trade Organization.\n\nThe head of the "
            "organization, Behrouz Nikandish, told Tasnim that 14 of them are in industrial "
            "parks.",
            date_published=_DAY,
        )
    )
    assert [p.name for p in extraction.people] == ["Behrouz Nikandish"]
    assert "Behrouz Nikandish" not in {a.label for a in extraction.agencies}
    assert posts(extraction)["Behrouz Nikandish"] == {
        ("Industry, Mining and Trade Organization", "head")
    }


def test_a_transliterated_name_keeps_its_apostrophes() -> None:
    extraction = extract(
        Article(
            "TEHRAN (ISNA) – Mahnaz Daryabeigi, the managing director of Tose’e Ta’avon Bank, "
            "said the bank paid 7 trillion rials in loans this year.",
            date_published=_DAY,
        )
    )
    assert posts(extraction)["Mahnaz Daryabeigi"] == {("Tose’e Ta’avon Bank", "managing director")}
