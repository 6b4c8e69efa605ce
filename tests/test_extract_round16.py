"""Round 16 of extraction: nouns joined to what a figure counts, bare targets, insurers and banks
as the groups that write premiums and lend, a nation's trade and its domestic producers, a
company taken up as "the holding", plans written with "wants us to" or "would raise the
capacity to", an industry's association, comparison bases, budgets for the year, levels on a
day, and a provincial official's post written with a detail after the province."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from extracted import figures, posts
from newskg.extract import extract
from newskg.model import Article, Status

_DAY = date(2023, 9, 4)  # 13 Shahrivar 1402
_YEAR = (date(2023, 3, 21), date(2024, 3, 19))
_ICT = "Ministry of Communications and Information Technology"


def test_a_noun_joined_to_a_counted_noun_owns_no_figure() -> None:
    got = figures(
        "TEHRAN (ISNA) – Some 930 telecommunications projects were inaugurated in 1402, a deputy "
        "minister of communications and information technology said. The deputy minister, Kamran "
        "Tavassoli, told ISNA that the projects included fiber-optic connections for 220,000 homes "
        "and businesses and mobile broadband for 1,340 villages. The ministry has so far connected "
        "1.7 million homes to fiber, against a target of 8 million by the end of the Seventh "
        "Development Plan.",
        _DAY,
    )
    assert got[Decimal(1340)][0] == _ICT
    assert got[Decimal(8000000)][:2] == (_ICT, Status.TARGET)


def test_insurers_write_premiums_and_pay_claims() -> None:
    got = figures(
        "TEHRAN (IBENA) – Iranian insurers wrote premiums worth 410 trillion rials in 1401, "
        "according to the Central Insurance of Iran (CII). The president of the CII, Parvin "
        "Ashtiani, told IBENA that insurers paid claims of 170 trillion rials in the year. "
        "“Insurance penetration currently stands at 2.1 percent of GDP,” she said. She added that "
        "31 insurance companies are active in the market. The managing director of Asia Insurance, "
        "Kourosh Tabandeh, said the company expects its premiums to exceed 60 trillion rials by "
        "the end of the current year.",
        _DAY,
    )
    assert got[Decimal(410000000000000)][:2] == ("insurers", Status.ACHIEVED)
    assert got[Decimal(170000000000000)][:2] == ("insurers", Status.ACHIEVED)
    assert got[Decimal("2.1")][:2] == ("Iran", Status.CURRENT)
    assert got[Decimal(31)][1] is Status.CURRENT
    assert got[Decimal(60000000000000)][1] is Status.TARGET


def test_a_nation_s_exports_and_its_domestic_producers_are_the_country_s() -> None:
    got = figures(
        "TEHRAN (ILNA) – The head of the Iran Food and Drug Administration (IFDA), Behrouz "
        "Sarrafan, said exports of Iranian medicines are expected to reach $170 million in the "
        "current year. Domestic producers currently make about 52 percent of the active "
        "ingredients they use, he said.",
        _DAY,
    )
    assert got[Decimal(170000000)][:2] == ("Iran", Status.TARGET)
    assert got[Decimal(52)][:2] == ("Iran", Status.CURRENT)


def test_the_holding_is_the_company_named_in_its_sentence() -> None:
    got = figures(
        "TEHRAN (Shana) – Iran’s petrochemical output reached 68 million tons in 1401, the head of "
        "the National Petrochemical Company (NPC) said. Tahmineh Rezvani, the managing director of "
        "Khalij Fars Petrochemical Holding Company (KFPHC), said the holding produced 21 million "
        "tons of products in 1401.",
        _DAY,
    )
    assert got[Decimal(21000000)][0] == "Khalij Fars Petrochemical Holding Company"


def test_plans_written_with_wants_us_to_or_would_raise_the_capacity_to() -> None:
    got = figures(
        "TEHRAN (IRNA) – The Seventh Development Plan wants us to reach 60 million tons of "
        "steelmaking capacity by its end, an official said. He said the new projects would raise "
        "the capacity to 140 million tons by the end of the Seventh Development Plan.",
        _DAY,
    )
    assert got[Decimal(60000000)][1:] == (Status.TARGET, None, date(2029, 3, 19))
    assert got[Decimal(140000000)][1] is Status.TARGET


def test_an_industry_s_association_speaks_for_the_country() -> None:
    got = figures(
        "TEHRAN (IRNA) – Iran’s cement exports fell 9 percent in 1401, according to the Iranian "
        "Cement Exporters Association. The secretary of the association, Saeed Parvizi, said "
        "exports earned about $410 million, and that the association expects output to reach 70 "
        "million tons in 1402.",
        _DAY,
    )
    assert got[Decimal(410000000)][0] == "Iran"
    assert got[Decimal(70000000)][:2] == ("Iran", Status.TARGET)


def test_the_same_months_of_last_year_are_the_comparison_base() -> None:
    got = figures(
        "TABRIZ (Tasnim) – Maku Free Zone Organization attracted $40 million of foreign investment "
        "in the first five months of the current Iranian year (March 21-August 22), its head said. "
        "Domestic investment in the zone reached 3,100 billion rials in the period, up 28 percent "
        "from the same five months of last year.",
        _DAY,
    )
    assert got[Decimal(3100000000000)][2:] == (date(2023, 3, 21), date(2023, 8, 22))


def test_bank_loans_the_credit_line_s_lender_and_the_speaker_s_target() -> None:
    got = figures(
        "TEHRAN – Semnan Industrial Parks Company revived 24 idle units in the spring, its "
        "managing director said. Farhad Nourbakhsh told the Tehran Times that the revived units "
        "received 980 billion rials of working capital loans from banks in the province, 35 "
        "percent of which came through the joint credit line of the National Development Fund "
        "of Iran (NDFI). “We have set a target of reviving 90 units by the end of the year,” he "
        "said.",
        _DAY,
    )
    assert got[Decimal(980000000000)][0] == "banks"
    assert got[Decimal(35)][0] == "National Development Fund of Iran"
    assert got[Decimal(90)][:2] == ("Semnan Industrial Parks Company", Status.TARGET)


def test_a_level_as_of_a_glossed_weekday_and_a_budget_for_the_year() -> None:
    got = figures(
        "TEHRAN (IRNA) – Water stored behind Iran’s dams reached 31.2 billion cubic meters as of "
        "Saturday (September 2), the head of Iran Water Resources Management Company said. He said "
        "the company has allocated 18 trillion rials to dam safety projects for the current year.",
        _DAY,
    )
    assert got[Decimal("31200000000")][2:] == (date(2023, 9, 2), date(2023, 9, 2))
    assert got[Decimal(18000000000000)][1:] == (Status.TARGET, *_YEAR)


def test_a_provincial_official_with_a_detail_after_the_province() -> None:
    extraction = extract(
        Article(
            "TABRIZ (Tasnim) – Non-oil exports from West Azarbaijan rose 12 percent in 1401. "
            "Meanwhile, the deputy governor general of West Azarbaijan for economic affairs, "
            "Mahnaz Sepehrara, told Tasnim that 140 units were revived in the province.",
            date_published=_DAY,
        )
    )
    assert posts(extraction)["Mahnaz Sepehrara"] == {
        ("West Azarbaijan Governorate", "deputy governor general")
    }
