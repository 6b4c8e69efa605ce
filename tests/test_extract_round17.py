"""Round 17 of extraction: a result told with no date of its own in the sentence after a dated one,
a customs body's own collections, the country of an article that names only its neighbours,
buyers and respective lists, figures listed before the unit they share, plans "set for us" and
sums "bought so far", events dated "since ... on", parts "of the passengers" told before, bank
loans after a conversion, exports and national output with no owner, levels "this year", seasons
after a plan, counted nouns with long modifiers, the country opening a clause, and the seasons
and "ended" years of undated articles."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from extracted import figures, posts
from newskg.extract import extract
from newskg.model import Article, Status

_DAY = date(2024, 10, 15)  # 24 Mehr 1403
_YEAR = (date(2024, 3, 20), date(2025, 3, 20))
_SIX_MONTHS = (date(2024, 3, 20), date(2024, 9, 21))


def test_a_result_told_next_with_no_date_takes_the_period_before() -> None:
    got = figures(
        "TEHRAN (IRNA) – Iran’s tile exports reached $410 million in the first six months of the "
        "current Iranian year (March 20-September 21), the head of the producers’ union said. "
        "Exports weighed 4.2 million tons, he added.",
        _DAY,
    )
    assert got[Decimal(4200000)][1:] == (Status.ACHIEVED, *_SIX_MONTHS)


def test_a_customs_body_s_own_collections_are_its_own() -> None:
    got = figures(
        "TEHRAN (IBENA) – Iran’s non-oil imports stood at $31 billion in the first six months of "
        "the current Iranian year (March 20-September 21), the head of the Islamic Republic of "
        "Iran Customs Administration (IRICA) said. He said IRICA collected 210 trillion rials in "
        "duties in the period.",
        _DAY,
    )
    assert got[Decimal(31000000000)][0] == "Iran"
    assert got[Decimal(210000000000000)][0] == "Islamic Republic of Iran Customs Administration"


def test_a_zone_s_exports_are_its_own_in_an_article_naming_only_neighbours() -> None:
    got = figures(
        "JOLFA (Tasnim) – Aras Free Zone attracted $52 million of foreign investment in the first "
        "six months of the current Iranian year (March 20-September 21), mostly from Turkey, "
        "Armenia and Azerbaijan. “Non-oil exports from the zone reached $140 million in the six "
        "months, and we expect them to pass $300 million by the end of the year,” the zone’s "
        "head, Farzaneh Rostampour, said. Trucks from Turkey and Armenia crossed the border "
        "36,000 times in the period.",
        _DAY,
    )
    assert got[Decimal(140000000)][:2] == ("Aras Free Zone", Status.ACHIEVED)
    assert got[Decimal(300000000)][:2] == ("Aras Free Zone", Status.TARGET)


def test_the_buyers_of_a_nation_s_goods_are_partners() -> None:
    got = figures(
        "TEHRAN (Financial Tribune) – Iran’s non-oil exports reached $24.5 billion in the first "
        "six months of the current Iranian year (March 20-September 21), according to the TPO. "
        "Iraq, China and Turkey were the main buyers of Iranian goods, taking $5.1 billion, $4.7 "
        "billion and $2.9 billion, respectively.",
        _DAY,
    )
    assert got[Decimal(4700000000)][0] == "Iran"


def test_figures_listed_before_their_unit_share_it_and_its_scale() -> None:
    got = figures(
        "TEHRAN (IRNA) – Farmers in Khuzestan, Fars and Golestan provinces have sold 1.1 million, "
        "870,000 and 640,000 tons of wheat to the government since the season opened on April 10, "
        "an official said. Banks paid 3,200, 2,700 and 1,900 billion rials in loans to them.",
        _DAY,
    )
    assert {Decimal(1100000), Decimal(870000), Decimal(640000)} <= set(got)
    assert got[Decimal(870000)][2:] == (date(2024, 4, 10), None)
    assert Decimal(2700000000000) in got


def test_bodies_listed_respectively_own_their_figures() -> None:
    got = figures(
        "TEHRAN (FNA) – Mobarakeh Steel Company (MSC) and Khuzestan Steel Company (KSC) produced "
        "4.1 million and 2.3 million tons of crude steel in the six months, respectively, an "
        "official said.",
        _DAY,
    )
    assert got[Decimal(4100000)][0] == "Mobarakeh Steel Company"
    assert got[Decimal(2300000)][0] == "Khuzestan Steel Company"


def test_plans_set_for_us_and_sums_bought_so_far() -> None:
    got = figures(
        "TEHRAN (ISNA) – “The target set for us this year is 1,800 units, and the units revived "
        "so far are worth 9 trillion rials,” the deputy head of the Iran Small Industries and "
        "Industrial Parks Organization (ISIPO), Mahsa Rahnavard, said.",
        _DAY,
    )
    assert got[Decimal(1800)][1] is Status.TARGET
    assert got[Decimal(9000000000000)][1] is Status.ACHIEVED


def test_a_level_of_this_year_and_the_country_s_stock_of_a_measure() -> None:
    got = figures(
        "TEHRAN (Press TV) – “The guaranteed purchase price this year is 150,000 rials per "
        "kilogram,” the head of the Government Trading Corporation (GTC) said. He said 900 "
        "kilometers of new roads are to be opened by the end of the year, adding to the "
        "country’s 17,500 kilometers of freeways.",
        _DAY,
    )
    assert got[Decimal(150000)][1:] == (Status.ACHIEVED, *_YEAR)
    assert got[Decimal(17500)][1] is Status.CURRENT


def test_a_part_of_the_passengers_told_before_takes_their_period() -> None:
    got = figures(
        "TEHRAN (MNA) – Trains carried 13.2 million passengers in the first six months of the "
        "current Iranian year (March 20-September 21), the head of the Islamic Republic of Iran "
        "Railways (RAI) said. Meanwhile, the head of Raja Passenger Trains Company said Raja "
        "carried 5.6 million of the passengers and now runs an average of 190 trains a day.",
        _DAY,
    )
    assert got[Decimal(5600000)][1:] == (Status.ACHIEVED, *_SIX_MONTHS)
    assert got[Decimal(190)][1] is Status.CURRENT


def test_exports_and_national_output_with_no_owner_are_the_country_s() -> None:
    got = figures(
        "TEHRAN (IRNA) – The Ministry of Industry, Mine and Trade wants national aluminum output "
        "to reach 1.2 million tons a year by the end of 1404, a deputy industry minister, Niloufar "
        "Zand, said. “Aluminum exports could rise to as much as $2 billion if the new smelters "
        "come on stream,” Zand said.",
        _DAY,
    )
    assert got[Decimal(1200000)][:2] == ("Iran", Status.TARGET)
    assert got[Decimal(2000000000)][:2] == ("Iran", Status.POTENTIAL)


def test_loans_from_agent_banks_after_a_conversion_are_the_banks() -> None:
    got = figures(
        "TEHRAN (MNA) – The revived units received 31 trillion rials (about $52 million) in "
        "working capital and renovation loans from agent banks in the six months, the deputy head "
        "of the Iran Small Industries and Industrial Parks Organization (ISIPO) said.",
        _DAY,
    )
    assert got[Decimal(31000000000000)][0] == "banks"


def test_a_season_after_a_plan_is_the_coming_one() -> None:
    got = figures(
        "TEHRAN (IRNA) – “We plan to distribute 1.4 million tons of certified seed to farmers for "
        "the winter planting,” a deputy agriculture minister, Parisa Gholami, said.",
        date(2024, 7, 1),
    )
    assert got[Decimal(1400000)][1:] == (Status.TARGET, date(2024, 12, 21), date(2025, 3, 20))


def test_counted_nouns_with_long_modifiers_and_nouns_in_men() -> None:
    got = figures(
        "TEHRAN (ISNA) – The province released 2.4 million sturgeon and bony fish fingerlings into "
        "the Caspian Sea in the past Iranian year, an official said. About 11,000 fishermen are "
        "registered in the province, he added.",
        _DAY,
    )
    assert {Decimal(2400000), Decimal(11000)} <= set(got)


def test_the_country_opening_the_figure_s_clause_owns_it() -> None:
    got = figures(
        "TEHRAN (Tasnim) – The Road Maintenance and Transportation Organization (RMTO) says Iran "
        "has 19,200 kilometers of freeways and highways.",
        _DAY,
    )
    assert got[Decimal(19200)][0] == "Iran"


def test_an_undated_article_s_ended_year_and_seasons() -> None:
    got = figures(
        "Iran produced 1.4 million tons of aquatic products in the Iranian calendar year 1402, "
        "which ended on March 19, 2024, the head of the Iranian Fisheries Organization (IFO) said. "
        "“Farmed shrimp output rose 18 percent to 72,000 tons last year, and our plan for the "
        "current year is to reach 90,000 tons,” he said."
    )
    assert got[Decimal(72000)][2:] == (date(2023, 3, 21), date(2024, 3, 19))
    assert got[Decimal(90000)][1:] == (Status.TARGET, *_YEAR)
    undated = extract(
        Article(
            "Iran’s brick output fell 6 percent to 14 million tons in the first four months of the "
            "current Iranian year (March 20-July 21, 2024), an industry official said. Power cuts "
            "cost the industry about 2 million tons of output last summer, he said."
        )
    )
    lost = next(o for o in undated.observations if o.value == Decimal(2000000))
    assert (lost.period_start, lost.period_end) == (date(2023, 6, 22), date(2023, 9, 22))


def test_a_company_name_with_a_persian_ezafe_is_one_name() -> None:
    extraction = extract(
        Article(
            "Meanwhile, Shirin Kalhor, the managing director of Chadormalu-e-Yazd Mining and "
            "Industrial Company, one of the country’s largest iron ore producers, said the company "
            "sold 9 million tons.",
            date_published=_DAY,
        )
    )
    assert posts(extraction)["Shirin Kalhor"] == {
        ("Chadormalu-e-Yazd Mining and Industrial Company", "managing director")
    }
    (company,) = extraction.agencies
    assert company.alt_labels == ()  # no "Industrial Company" to merge other companies by
