"""Round 12 of extraction: bodies named after a speaker or only described, second posts, Allah
compounds, deadlines, shares of a target, statement dates, periods named by their length, passive
agents, the sources of parts, named plans, national output and counted stocks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from extracted import figures, posts
from newskg.extract import extract
from newskg.extract.names import person_key
from newskg.extract.records import Extraction
from newskg.model import Article, Status

_DAY = date(2023, 11, 14)  # 23 Aban 1402


def _extract(text: str, published: date | None = _DAY) -> Extraction:
    return extract(Article(text, date_published=published))


def test_a_body_after_the_speaker_s_name_is_a_body() -> None:
    got = _extract(
        "TEHRAN – Ninety new units opened this year. According to Farahani, East Azarbaijan "
        "Industrial Parks Company, a subsidiary of ISIPO, currently runs 41 industrial parks."
    )
    assert "East Azarbaijan Industrial Parks Company" in {a.label for a in got.agencies}


def test_a_national_body_named_of_iran_with_and_is_defined_by_its_acronym() -> None:
    got = _extract(
        "TEHRAN – The Seismological Network and Hazard Studies of Iran (SNHSI) installed 120 "
        "stations this year."
    )
    assert {a.acronym for a in got.agencies if a.label.startswith("Seismological")} == {"SNHSI"}


def test_a_post_at_a_body_described_in_lower_case_goes_to_the_body_named_later() -> None:
    got = _extract(
        "TEHRAN – Some 80 units opened in Fars, the managing director of the province’s "
        "industrial parks company said.\n\nSpeaking to IRNA, Nasser Fakhr-Ara said the units "
        "cost 2 trillion rials.\n\nFars Industrial Parks Company runs 41 parks."
    )
    assert posts(got)["Nasser Fakhr-Ara"] == {
        ("Fars Industrial Parks Company", "managing director")
    }


def test_who_also_heads_keeps_the_post_written_before_the_name() -> None:
    got = _extract(
        "TEHRAN – The Ministry of Roads and Urban Development will build 40,000 homes, a deputy "
        "roads minister said.\n\nMehdi Kamali-Far, who also heads the National Land and Housing "
        "Organization (NLHO), told IRNA that 9,000 plots were handed over."
    )
    assert posts(got)["Mehdi Kamali-Far"] == {
        ("National Land and Housing Organization", "head"),
        ("Ministry of Roads and Urban Development", "deputy minister"),
    }


def test_allah_compounds_are_one_name_however_written() -> None:
    assert person_key("Nasrollah Jafari") == person_key("Nasrallah Jafari")
    assert person_key("Abdullah Rahimi") == person_key("Abdollah Rahimi")
    assert person_key("Habibollah Rahimi") != person_key("Abdollah Rahimi")


def test_before_the_end_of_a_month_is_a_deadline_in_the_current_year() -> None:
    got = figures(
        "TEHRAN (IRNA) – ISIPO said 300 more units will restart before the end of Dey.", _DAY
    )
    assert got[Decimal(300)] == ("Iran Small Industries and Industrial Parks Organization",
                                 Status.TARGET, None, date(2024, 1, 20))  # fmt: skip


def test_the_share_of_a_target_reached_is_achieved() -> None:
    got = figures(
        "TEHRAN (IRNA) – ISIPO revived 700 units in the first half of the year, which equals 58 "
        "percent of the organization’s annual target.",
        _DAY,
    )
    assert got[Decimal(58)][1] is Status.ACHIEVED


def test_could_not_tells_what_happened() -> None:
    got = figures(
        "TEHRAN (IRNA) – ISIPO said 44 percent of the idle units stopped work because they could "
        "not pay for raw materials.",
        _DAY,
    )
    assert got[Decimal(44)][1] is not Status.POTENTIAL


def test_being_prepared_to_and_negotiating_to_are_plans() -> None:
    got = figures(
        "TEHRAN (IRNA) – ISIPO said 210 units are being prepared to resume work. The organization "
        "is negotiating with Bank of Industry and Mine to allocate a credit line of 8 trillion "
        "rials to idle units this year.",
        _DAY,
    )
    assert got[Decimal(210)][1] is Status.TARGET
    assert got[Decimal(8_000_000_000_000)][1] is Status.TARGET


def test_a_budget_set_for_the_year_and_its_growth_are_planned() -> None:
    got = figures(
        "TEHRAN (IRNA) – ISIPO’s budget for training has been set at 3.1 trillion rials for the "
        "current year, 20 percent more than last year.",
        _DAY,
    )
    assert got[Decimal(3_100_000_000_000)][1] is Status.TARGET
    assert got[Decimal(20)][1] is Status.TARGET


def test_put_the_number_of_units_in_the_country_s_parks_at_is_a_stock() -> None:
    got = figures(
        "TEHRAN (IRNA) – ISIPO’s head put the number of idle units in the country’s industrial "
        "parks at about 4,800.",
        _DAY,
    )
    assert got[Decimal(4800)][1:] == (Status.CURRENT, None, None)


def test_the_month_a_statement_was_made_is_not_the_figure_s_period() -> None:
    got = figures(
        "TEHRAN (IRNA) – Last year, ISIPO allocated 1,900 hectares of land to investors, its "
        "deputy head told the Tehran Times in June.",
        _DAY,
    )
    assert got[Decimal(1900)][2:] == (date(2022, 3, 21), date(2023, 3, 20))


def test_the_ten_months_is_the_period_of_that_length_named_before() -> None:
    got = figures(
        "TEHRAN (IRNA) – Iran exported goods worth $2.1 billion to Iraq in the first 10 months "
        "of the current Iranian calendar year (March 21, 2023-January 20, 2024), the TPO said.\n\n"
        "Iran’s total non-oil exports in the 10 months stood at $41 billion, customs data show.",
        date(2024, 1, 30),
    )
    assert got[Decimal(41_000_000_000)][2:] == (date(2023, 3, 21), date(2024, 1, 20))


def test_a_passive_agent_owns_the_figure_and_a_part_names_its_source() -> None:
    got = figures(
        "TEHRAN (IRNA) – ISIPO revived 900 units this year.\n\nAccording to the organization, "
        "17 trillion rials in loans has been paid to the revived units by banks since the "
        "beginning of the year, of which 6 trillion rials came from the resources of the "
        "National Development Fund of Iran (NDFI).",
        _DAY,
    )
    assert got[Decimal(17_000_000_000_000)][0] == "banks"
    assert got[Decimal(6_000_000_000_000)][0] == "National Development Fund of Iran"


def test_the_province_s_figure_is_the_province_s() -> None:
    got = figures(
        "TEHRAN (IRNA) – Some 130 units were revived in Fars Province this year. The official "
        "also said the province’s non-oil exports reached $900 million last year.",
        _DAY,
    )
    assert got[Decimal(900_000_000)][0] == "Fars Province"


def test_with_figures_before_the_subject_they_are_the_subject_s() -> None:
    got = figures(
        "TEHRAN (Tasnim) – The National Development Fund of Iran (NDFI) lent $90 million to "
        "mines last year.\n\nWith 60 types "
        "of minerals, Iran is among the world’s main mining countries.",
        _DAY,
    )
    assert got[Decimal(60)][0] == "Iran"


def test_a_named_plan_s_figures_are_its_runner_s() -> None:
    got = figures(
        "TEHRAN (IRNA) – The Iran Water Resources Management Company (IWRMC) sealed 4,000 wells "
        "this year, its head Reza Amini said.\n\nBanks have paid 300 loans to farmers, according "
        "to the Agriculture Ministry.\n\nThe National Aquifer Recovery Plan had received 9 "
        "trillion rials from the budget by September, Amini said.",
        _DAY,
    )
    assert got[Decimal(9_000_000_000_000)][0] == "Iran Water Resources Management Company"


def test_a_product_s_output_opening_a_clause_is_the_country_s() -> None:
    got = figures(
        "TEHRAN (ISNA) – The Central Bank of Iran (CBI) allocated $400 million to car makers this "
        "year.\n\nIn the previous year, tire production had fallen 12 percent as imports of "
        "rubber stopped.",
        _DAY,
    )
    assert got[Decimal(12)][0] == "Iran"


def test_a_country_s_counted_stock_in_a_plan_is_current() -> None:
    got = figures(
        "TEHRAN (Shana) – IFCO said replacing the country’s 2.4 million old motorcycles could "
        "save 5 million liters of gasoline a day.",
        _DAY,
    )
    assert got[Decimal(2_400_000)][1] is Status.CURRENT
    assert got[Decimal(5_000_000)][1] is Status.POTENTIAL


def test_areas_that_cover_land_across_the_country_are_a_national_stock() -> None:
    got = figures(
        "TEHRAN (IRNA) – Banks paid 3,100 renovation loans this year.\n\nWorn-out urban areas "
        "cover some 120,000 hectares across the country, the official said.",
        _DAY,
    )
    assert got[Decimal(120_000)][:2] == ("Iran", Status.CURRENT)


def test_a_bank_named_after_the_speaker_is_a_body() -> None:
    got = figures(
        "TEHRAN (IRNA) – According to Karimi, Bank Sepah accounted for 19 percent of the loans.",
        _DAY,
    )
    assert got[Decimal(19)][0] == "Bank Sepah"


def test_transit_to_and_from_a_union_is_the_country_s() -> None:
    got = figures(
        "TEHRAN (IRNA) – Transit of goods through Iran to and from the EAEU grew 21 percent to "
        "3.2 million tons this year, IRICA said.",
        _DAY,
    )
    assert got[Decimal(3_200_000)][0] == "Iran"


def test_since_a_program_began_in_a_year_is_open_ended() -> None:
    got = figures(
        "TEHRAN (IRNA) – Smart meters have been installed on 80,000 wells since the program "
        "began in 1396, the IWRMC said. Some 6,100 firms have used the credit notes since the "
        "scheme was launched in 2021.",
        _DAY,
    )
    assert got[Decimal(80_000)][2:] == (date(2017, 3, 21), None)
    assert got[Decimal(6_100)][2:] == (date(2021, 1, 1), None)


def test_in_the_year_before_is_the_year_before_the_one_named() -> None:
    got = figures(
        "TEHRAN (IRNA) – Banks issued 900 trillion rials of credit notes in the past Iranian year "
        "1401, up from 600 trillion rials in the year before, the CBI said.",
        _DAY,
    )
    assert got[Decimal(600_000_000_000_000)][2:] == (date(2021, 3, 21), date(2022, 3, 20))


def test_what_a_with_opener_counts_is_a_stock() -> None:
    got = figures(
        "TEHRAN (IRNA) – With 40 billion tons of proven reserves, Iran is among the top mining "
        "countries, the ministry said.",
        _DAY,
    )
    assert got[Decimal(40_000_000_000)][:2] == ("Iran", Status.CURRENT)


def _speakers(text: str) -> dict[Decimal, str | None]:
    got = _extract(text)
    names = {p.ref: p.name for p in got.people} | {a.ref: a.label for a in got.agencies}
    return {o.value: names.get(o.stated_by or "") for o in got.observations}


def test_the_body_s_post_speaks_for_the_person_who_holds_it() -> None:
    said = _speakers(
        "TEHRAN (Tasnim) – The Iran Mineral Processing Research Center (IMPRC) tested 300 samples "
        "this year, the head of the organization said.\n\nSpeaking to Tasnim, Parviz Ghaffari "
        "said the center hired 40 researchers.\n\nThe IMPRC head added that the center’s budget "
        "has been set at 900 billion rials for the current year."
    )
    assert said[Decimal(900_000_000_000)] == "Parviz Ghaffari"


def test_the_body_after_he_said_is_spoken_of_not_speaking() -> None:
    said = _speakers(
        "TEHRAN – The Ministry of Roads and Urban Development will renovate 30,000 units, Saeed "
        "Ahmadi-Nejad, a deputy roads minister, said.\n\nHe said the ministry aims to regenerate "
        "1,500 neighborhoods."
    )
    assert said[Decimal(1500)] == "Saeed Ahmadi-Nejad"


def test_a_body_whose_figures_show_is_the_source() -> None:
    said = _speakers(
        "TEHRAN (IRNA) – Iran’s non-oil exports reached $40 billion in the 10 months, Islamic "
        "Republic of Iran Customs Administration (IRICA) figures show."
    )
    assert said[Decimal(40_000_000_000)] == "Islamic Republic of Iran Customs Administration"


def test_a_capitalised_field_after_for_ends_where_the_name_begins() -> None:
    got = _extract(
        "TEHRAN (ISNA) – CBI Deputy Governor for Foreign Exchange Leila Mohseni-Far told ISNA "
        "that banks paid 40 trillion rials."
    )
    assert posts(got) == {"Leila Mohseni-Far": {("Central Bank of Iran", "deputy governor")}}
    assert "Foreign Exchange" not in {a.label for a in got.agencies}


def test_the_company_s_post_is_the_company_named_not_its_parent() -> None:
    got = _extract(
        "TEHRAN (Shana) – Pars Oil and Gas Company (POGC), a subsidiary of the National Iranian "
        "Oil Company (NIOC), drilled 12 wells this year, the company’s managing director said."
        "\n\nSpeaking to Shana, Hamid Zarrinkoob said the company invested $400 million."
    )
    assert posts(got)["Hamid Zarrinkoob"] == {("Pars Oil and Gas Company", "managing director")}


def test_a_ministry_s_deputy_is_a_deputy_minister() -> None:
    got = _extract(
        "TEHRAN (IRNA) – The Energy Ministry’s deputy for planning affairs, Sima Tavakoli, said "
        "the ministry’s budget is 90 trillion rials."
    )
    assert posts(got)["Sima Tavakoli"] == {("Energy Ministry", "deputy minister")}


def test_a_ministry_implied_by_a_portfolio_takes_its_official_iranian_name() -> None:
    got = _extract(
        "TEHRAN (IRNA) – Some 90,000 homes were built this year, a deputy roads minister said."
        "\n\nSpeaking to IRNA, Deputy Roads and Urban Development Minister for Housing Affairs "
        "Javad Hosseini-Kia said 30,000 more will be delivered by March."
    )
    assert posts(got) == {
        "Javad Hosseini-Kia": {("Ministry of Roads and Urban Development", "deputy minister")}
    }


def test_a_post_without_a_name_keeps_its_second_post() -> None:
    got = _extract(
        "TEHRAN (IRNA) – Foreign investment approvals rose 20 percent, the head of the "
        "Organization for Investment, Economic and Technical Assistance of Iran (OIETAI), who is "
        "also a deputy economy minister, said.\n\nRamin Ghaderi-Pour said OIETAI approved $3 "
        "billion of projects."
    )
    assert posts(got)["Ramin Ghaderi-Pour"] == {
        ("Organization for Investment, Economic and Technical Assistance of Iran", "head"),
        ("Ministry of Economic Affairs and Finance", "deputy minister"),
    }


def test_according_to_a_surname_the_company_is_no_company_name() -> None:
    got = _extract(
        "TEHRAN (Shana) – Speaking to Shana, Kambiz Farhadian said the National Iranian Gas "
        "Company supplied 250 mcm a day.\n\nAccording to Farhadian, the company invested $1 "
        "billion."
    )
    assert "Farhadian" not in {a.label for a in got.agencies}
