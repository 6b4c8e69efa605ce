"""Figures kept or dropped, their periods when the text refers back to one, and the subject of
figures a data office reports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from extracted import figures
from newskg.extract import extract
from newskg.extract.periods import CalendarContext, Role, find_periods
from newskg.extract.quantities import find_quantities
from newskg.model import Article, Status


def test_a_fall_written_down_is_no_market_quote() -> None:
    # "down" once matched the market word "Dow", and the whole figure was dropped
    got = figures(
        "Zambia's copper output rose 8% in 2003. "
        "Cobalt output stood at 4,000 tonnes in 2003, down 6% on the year before."
    )
    assert Decimal(4000) in got
    assert Decimal(6) in got


def test_the_same_period_of_last_year_is_a_shift_not_the_figures_period() -> None:
    context = CalendarContext.for_article("", date(2019, 12, 1))
    found = find_periods("Sales fell 4% compared with the same period of last year.", context)
    assert [p.role for p in found] == [Role.SHIFT]


def test_a_change_compared_with_the_same_period_keeps_the_sentence_period() -> None:
    got = figures(
        "Kenya's tea exports reached 300,000 tonnes in the first half of 2018, a 5% fall "
        "compared with the same period of last year, the tea board said."
    )
    first_half = (date(2018, 1, 1), date(2018, 6, 30))
    assert got[Decimal(300000)][2:] == first_half
    assert got[Decimal(5)][2:] == first_half


def test_a_period_named_by_its_length_is_the_earlier_one_of_that_length() -> None:
    got = figures(
        "Chile's copper exports reached $20 billion in the first nine months of 2018. "
        "The mining ministry had targeted $30 billion for the full year 2018. "
        "Port traffic rose 4 percent in the nine-month period, the ministry said."
    )
    assert got[Decimal(4)][2:] == (date(2018, 1, 1), date(2018, 9, 30))


def test_a_data_office_reports_the_countrys_figures() -> None:
    got = figures(
        "Peru's exports rose in March. "
        "The National Institute of Statistics (INEI) said imports fell 3% in March 2019 to "
        "$3.2 billion."
    )
    assert got[Decimal(3)][0] == "Peru"
    assert got[Decimal(3200000000)][0] == "Peru"
    assert got[Decimal(3)][1] is Status.ACHIEVED


def test_a_customs_office_target_stays_its_own() -> None:
    got = figures(
        "Peru's customs agency reported on trade. The Peru Customs Administration (PCA) aims to "
        "clear 90 percent of cargo within a day by 2021."
    )
    assert got[Decimal(90)][0] != "Peru"


def test_a_body_named_with_for_before_its_acronym_is_a_body() -> None:
    extraction = extract(
        Article("The Chilean Institute for Mining and Metals (ICMM) said output rose 2%.")
    )
    names = [n for a in extraction.agencies for n in (a.label, *a.alt_labels)]
    assert any("Institute for Mining and Metals" in n for n in names)


def test_a_bracketed_conversion_does_not_hide_the_period_after_a_figure() -> None:
    got = figures(
        "Shipping group Nordline has reported a rise in annual profits. "
        "Its profit rise for the year included profits of $2.1bn (£1.1bn) for the final three "
        "months of 2010 - up from $1.7bn a year earlier."
    )
    assert got[Decimal(2100000000)][2:] == (date(2010, 10, 1), date(2010, 12, 31))
    assert got[Decimal(1700000000)][2:] == (date(2009, 10, 1), date(2009, 12, 31))


def test_a_figure_of_the_year_before_is_no_anchor_for_later_quarters() -> None:
    got = figures(
        "Shipping group Nordline has reported results. "
        "Nordline posted a $50m (£27m) loss for the last three months of 2010, against a $20m "
        "(£11m) profit a year before. It took a charge of $80m in the October-to-December "
        "quarter."
    )
    assert got[Decimal(20000000)][2:] == (date(2009, 10, 1), date(2009, 12, 31))
    assert got[Decimal(80000000)][2:] == (date(2010, 10, 1), date(2010, 12, 31))


def test_a_month_after_from_is_a_comparison_base() -> None:
    context = CalendarContext.for_article("", date(2011, 1, 20))
    found = find_periods("Wages fell 2% in December to 900 reais ($500) from November.", context)
    assert [p.role for p in found] == [Role.OWN, Role.BASE]


def test_an_economists_firm_is_not_the_subject_of_the_countrys_figures() -> None:
    got = figures(
        "Chile's economy slowed in the three months to June. "
        "Revised figures indicated growth of just 0.3%. "
        '"It is a soft patch," said Ana Ruiz, economist at Andes Capital in Santiago.'
    )
    assert got[Decimal("0.3")][0] == "Chile"


def test_an_undated_result_of_a_results_article_is_of_the_reported_year() -> None:
    got = figures(
        "Shipping group Nordline has reported a jump in profits, up 20% from its 2011 "
        "performance. Profits at its ferry arm rose by 5% to £80m. "
        "Nordline expects to hire 300 people."
    )
    assert got[Decimal(80000000)][2:] == (date(2012, 1, 1), date(2012, 12, 31))
    assert got[Decimal(300)][2:] == (None, None)


def test_a_unit_named_after_profits_at_opening_the_sentence_is_the_subject() -> None:
    got = figures(
        "Shipping group Nordline has reported results. Profits at Nordcard rose by 5% to £80m."
    )
    assert got[Decimal(80000000)][0] == "Nordcard"


def test_a_change_and_the_level_it_led_to_are_two_figures_not_a_range() -> None:
    found = find_quantities("The number of people in work rose 45,000 to 2.3 million.")
    assert [(q.value, q.value_max) for q in found] == [
        (Decimal(45000), None),
        (Decimal(2300000), None),
    ]
    ranged = find_quantities("Sales will be 3 to 5 million.")
    assert [(q.value, q.value_max) for q in ranged] == [(Decimal(3000000), Decimal(5000000))]


def test_the_number_of_a_counted_noun_gives_bare_figures_their_unit() -> None:
    got = figures(
        "Norway's jobless total rose in 2010. "
        "The number of people out of work rose 12,000 to 95,000 in 2010."
    )
    assert got[Decimal(12000)][0] == "Norway"
    assert got[Decimal(95000)][2:] == (date(2010, 1, 1), date(2010, 12, 31))


def test_a_part_of_the_total_takes_the_total_s_period() -> None:
    extraction = extract(
        Article(
            "TEHRAN – The Acme Ports Company handled 90 million tons of cargo in the Iranian "
            "calendar year 1400 (ended March 20, 2022). Of that amount, 30 million tons was "
            "transit cargo, the company said. Its managing director said $2 billion of the total "
            "revenue came from fees.",
        )
    )
    periods = {o.value: (o.period_start, o.period_end) for o in extraction.observations}
    assert periods[Decimal(30000000)] == periods[Decimal(90000000)]
    assert periods[Decimal(90000000)][1] is not None


def test_bare_parts_count_what_their_whole_counts() -> None:
    extraction = extract(
        Article(
            "TEHRAN – The organization trained 1.1 million people in the first half of 2020. "
            "Some 46 percent of the courses were held online. "
            "“Of the trainees, 410,000 were women "
            "and about 260,000 were graduates,” its head said. The bank has approved 9,000 "
            "housing units, of which 4,500 are finished and 1,200 have been delivered."
        )
    )
    units = {o.value: o.unit.rsplit("/", 1)[-1] for o in extraction.observations}
    assert units[Decimal(410000)] == "person"
    assert units[Decimal(260000)] == "person"
    assert units[Decimal(4500)] == units[Decimal(9000)]
    assert units[Decimal(1200)] == units[Decimal(9000)]
    by_value = {o.value: o for o in extraction.observations}
    whole = by_value[Decimal(1100000)]
    assert by_value[Decimal(410000)].part_of == whole.index
    assert by_value[Decimal(410000)].period_end == whole.period_end


def test_a_counted_noun_gives_a_bare_figure_its_unit_and_an_unknown_one_items() -> None:
    units = {
        o.value: o.unit.rsplit("/", 1)[-1]
        for o in extract(
            Article(
                "The Social Security Organization paid 840 trillion rials in pensions. The "
                "official put the number of SSO pensioners at 4.3 million and the number of "
                "licensed looms at 950,000."
            )
        ).observations
    }
    assert units[Decimal(4300000)] == "person"
    assert units[Decimal(950000)] == "item"


def test_a_part_of_the_total_in_a_reported_clause_takes_the_total_s_period() -> None:
    got = figures(
        "TEHRAN – Iranian airlines carried 31 million passengers in the past Iranian year 1402, "
        "the Civil Aviation Organization said. Its head said that of the total, 24 million "
        "passengers traveled on domestic routes. “Of the total, 7 million flew abroad,” he said."
    )
    whole = got[Decimal(31000000)]
    assert got[Decimal(24000000)][2:] == whole[2:]
    assert got[Decimal(7000000)][2:] == whole[2:]


def test_the_whole_year_is_the_current_year_unless_a_year_is_named_before() -> None:
    got = figures(
        "TEHRAN – The Ports and Maritime Organization handled 4 million tons in the first nine "
        "months of the current Iranian year 1398. “We have set a target of 6 million tons in "
        "the whole year,” its head said. “Last year we handled 5 million tons in the whole "
        "year,” he added."
    )
    assert got[Decimal(6000000)][2:] == (date(2019, 3, 21), date(2020, 3, 19))
    assert got[Decimal(5000000)][2:] == (date(2018, 3, 21), date(2019, 3, 20))


def test_a_solar_hijri_year_written_after_a_relative_one_wins() -> None:
    got = figures(
        "Back in the previous Iranian calendar year 1399 (ended March 20, 2021), ISIPO revived "
        "1,540 units. In the previous year, 1397, it revived 1,100 units.",
        published=date(2023, 5, 1),
    )
    assert got[Decimal(1540)][2:] == (date(2020, 3, 20), date(2021, 3, 20))
    assert got[Decimal(1100)][2:] == (date(2018, 3, 21), date(2019, 3, 20))


def test_a_year_compared_with_is_no_period_and_in_the_year_refers_back() -> None:
    got = figures(
        "IMIDRO explored 62,000 hectares in the Iranian year 1401. The organization spent "
        "14 trillion rials on exploration in the year, 75 percent more than in 1400."
    )
    assert got[Decimal(75)][2:] == (date(2022, 3, 21), date(2023, 3, 20))
    assert got[Decimal(14000000000000)][2:] == (date(2022, 3, 21), date(2023, 3, 20))


def test_by_the_end_of_esfand_is_by_the_end_of_the_year() -> None:
    got = figures(
        "TEHRAN – ISIPO has revived 1,280 idle units since the start of the year, and its goal "
        "is to reach 1,700 units by the end of Esfand.",
        published=date(2022, 12, 5),
    )
    assert got[Decimal(1700)][2:] == (date(2022, 3, 21), date(2023, 3, 20))
