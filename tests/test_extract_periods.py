"""Periods: the Iranian calendar through jdatetime, relative periods and explicit glosses."""

from __future__ import annotations

from datetime import date

from newskg.extract.periods import CalendarContext, find_periods, iranian_months, iranian_year

IRANIAN = "figures for the Iranian calendar year"


def _periods(text: str, published: date | None) -> list[tuple[date | None, date | None]]:
    context = CalendarContext.for_article(IRANIAN + " " + text, published)
    return [(p.first, p.last) for p in find_periods(text, context)]


def test_solar_hijri_years_come_from_the_calendar() -> None:
    assert iranian_year(1398) == (date(2019, 3, 21), date(2020, 3, 19))
    assert iranian_months(1398, 1, 6) == (date(2019, 3, 21), date(2019, 9, 22))
    assert iranian_year(1403)[1] == date(2025, 3, 20)


def test_explicit_iranian_year() -> None:
    assert _periods("exports in the Iranian calendar year 1401 (ended March 20, 2023)", None) == [
        (date(2022, 3, 21), date(2023, 3, 20))
    ]


def test_current_year_from_publication_date() -> None:
    got = _periods(
        "in the first nine months of the current Iranian calendar year", date(2023, 1, 5)
    )
    assert got == [(date(2022, 3, 21), date(2022, 12, 21))]


def test_current_year_from_a_gloss_without_publication_date() -> None:
    context = CalendarContext.for_article(IRANIAN, None)
    first = find_periods("by the end of the current year (March 20, 2024)", context)
    assert (first[0].first, first[0].last) == (date(2023, 3, 21), date(2024, 3, 19))
    # a later "last year" in the same article is the year before the one resolved
    later = find_periods("Last year, the ports handled 90 million tonnes", context)
    assert (later[0].first, later[0].last) == (date(2022, 3, 21), date(2023, 3, 20))


def test_a_written_year_with_a_gloss_fixes_the_current_year_without_publication_date() -> None:
    context = CalendarContext.for_article(IRANIAN, None)
    find_periods("cement sales in the Iranian year 1401 (March 21-June 21, 2022) rose", context)
    later = find_periods("Last year, the plants sold 60 million tons", context)
    assert (later[0].first, later[0].last) == (date(2021, 3, 21), date(2022, 3, 20))


def test_a_written_year_that_ended_makes_the_next_one_current() -> None:
    context = CalendarContext.for_article(IRANIAN, None)
    find_periods("output in the Iranian calendar year 1400 (ended March 20, 2022) rose", context)
    later = find_periods("The company plans to sell 5 million tons this year", context)
    assert (later[0].first, later[0].last) == (date(2022, 3, 21), date(2023, 3, 20))


def test_an_explicit_gregorian_range_wins() -> None:
    got = _periods(
        "during the first three months of the current year (March 21-June 21)", date(2022, 8, 1)
    )
    assert got == [(date(2022, 3, 21), date(2022, 6, 21))]


def test_so_far_has_no_end() -> None:
    assert _periods("so far this year", date(2021, 10, 1)) == [(date(2021, 3, 21), None)]


def test_iranian_month_names() -> None:
    assert _periods("imports in Esfand 1401 rose", None) == [(date(2023, 2, 20), date(2023, 3, 20))]
    assert _periods("the month of Mehr", date(2023, 11, 1)) == [
        (date(2023, 9, 23), date(2023, 10, 22))
    ]


def test_gregorian_periods() -> None:
    context = CalendarContext.for_article("plain text", None)

    def got(text: str) -> list[tuple[date | None, date | None]]:
        return [(p.first, p.last) for p in find_periods(text, context)]

    assert got("in the three months to 31 December 2004") == [
        (date(2004, 10, 1), date(2004, 12, 31))
    ]
    assert got("for the year to March 2005") == [(date(2004, 4, 1), date(2005, 3, 31))]
    assert got("workforce of 110,000 by 2010") == [(None, date(2010, 12, 31))]
    assert got("since 2000") == [(date(2000, 1, 1), None)]
    assert got("profits last year rose") == []  # no publication date: no year to anchor on


def test_part_of_a_bare_year_is_of_the_current_year() -> None:
    assert _periods("loans rose in the first four months of the year", date(2022, 9, 1)) == [
        iranian_months(1401, 1, 4)
    ]
    assert _periods("output in the first half of the Iranian year", date(2020, 12, 1)) == [
        iranian_months(1399, 1, 6)
    ]


def test_previous_year_opening_a_clause_is_the_year_before() -> None:
    assert _periods("In the previous year, the port handled 9,000 ships", date(2021, 6, 1)) == [
        iranian_year(1399)
    ]
    assert _periods("During the previous year 1397 the firm sold 30 cars", date(2021, 6, 1)) == [
        iranian_year(1397)
    ]


def test_a_range_gloss_alone_is_the_period() -> None:
    assert _periods("the jobless rate was 8 percent (April 21-July 22)", date(2023, 1, 5)) == [
        (date(2022, 4, 21), date(2022, 7, 22))
    ]


def test_a_written_current_iranian_year_wins_over_its_gloss_without_a_date() -> None:
    text = (
        "Exports have reached $2 billion since the start of the current Iranian year 1399 "
        "(March 20, 2020)."
    )
    assert _periods(text, None) == [(date(2020, 3, 20), None)]


def test_a_square_bracketed_end_gloss_dates_the_past_year() -> None:
    text = "In the past Iranian year [ended March 20, 2021], the company sold 500 cars."
    assert _periods(text, None) == [iranian_year(1399)]


def test_a_gloss_range_opening_in_march_is_the_year_it_opens() -> None:
    text = "The company plans to sell 900 cars in the current Iranian year (March 2021-March 2022)."
    assert _periods(text, None) == [iranian_year(1400)]


def test_so_far_apart_from_this_year_leaves_the_year_open() -> None:
    text = "The cooperative has so far planted 2,000 trees in the region this year."
    assert _periods(text, date(2022, 8, 1)) == [(date(2022, 3, 21), None)] * 2


def test_this_year_without_so_far_stays_whole() -> None:
    text = "The cooperative will plant 2,000 trees in the region this year."
    assert _periods(text, date(2022, 8, 1)) == [(date(2022, 3, 21), date(2023, 3, 20))]


def test_so_far_in_a_gregorian_article_leaves_the_year_open() -> None:
    context = CalendarContext.for_article("A carmaker in Ohio", date(2019, 6, 5))
    found = find_periods("It has so far sold 40,000 cars this year.", context)
    assert [(p.first, p.last) for p in found] == [(date(2019, 1, 1), None)] * 2


def test_so_far_in_another_clause_keeps_the_year_whole() -> None:
    text = "The club plans 9 matches in the current Iranian year, adding that 4 were held so far."
    assert _periods(text, date(2022, 8, 1)) == [
        (date(2022, 3, 21), date(2023, 3, 20)),
        (date(2022, 3, 21), None),
    ]


def test_so_far_in_a_relative_clause_keeps_the_year_whole() -> None:
    text = "The club plans 9 matches in the current Iranian year of which so far 4 were held."
    assert _periods(text, date(2022, 8, 1)) == [
        (date(2022, 3, 21), date(2023, 3, 20)),
        (date(2022, 3, 21), None),
    ]


def test_a_season_of_a_written_iranian_year_is_its_three_months() -> None:
    got = _periods("the jobless rate in the summer of the Iranian year 1402", None)
    assert got == [iranian_months(1402, 4, 6)]
    got = _periods("in the spring of the current Iranian calendar year", date(2021, 8, 1))
    assert got == [iranian_months(1400, 1, 3)]


def test_a_season_without_a_year_is_placed_by_the_publication_date() -> None:
    # 2023-02-01 is in Bahman 1401, in the winter
    published = date(2023, 2, 1)
    assert _periods("demand peaked this winter", published) == [iranian_months(1401, 10, 12)]
    assert _periods("sales fell in the autumn", published) == [iranian_months(1401, 7, 9)]
    assert _periods("output in the coming spring", published) == [iranian_months(1402, 1, 3)]
    assert _periods("demand last summer", published) == [iranian_months(1401, 4, 6)]
    # 2022-11-01 is in Aban 1401: the winter to come is that year's
    assert _periods("the coming winter", date(2022, 11, 1)) == [iranian_months(1401, 10, 12)]


def test_a_season_with_a_gloss_takes_the_written_days() -> None:
    got = _periods("during the coming winter (December 21-March 19)", date(2022, 11, 1))
    assert got == [(date(2022, 12, 21), date(2023, 3, 19))]


def test_seasons_are_not_read_outside_iranian_articles() -> None:
    context = CalendarContext.for_article("Sales in London", date(2022, 11, 1))
    assert find_periods("sales rose in the spring", context) == []


def test_a_season_in_a_possessive_names_an_event_not_a_period() -> None:
    assert _periods("rebuilt since last spring's floods", date(2020, 1, 1)) == []


def test_by_the_end_of_the_year_is_the_current_year() -> None:
    # 2023-06-01 is in 1402
    assert _periods("to reach 12 million tons by the end of the year", date(2023, 6, 1)) == [
        iranian_year(1402)
    ]
    got = _periods("by the end of the fiscal year, which ends in March", date(2023, 6, 1))
    assert got[0] == iranian_year(1402)


def test_by_the_end_of_a_development_plan_is_its_last_day() -> None:
    got = _periods("to 8 percent by the end of the Seventh Development Plan", date(2023, 6, 1))
    assert got == [(None, iranian_year(1407)[1])]
    assert iranian_year(1407)[1] == date(2029, 3, 19)


def test_under_a_development_plan_is_its_five_years() -> None:
    got = _periods("under the Sixth Development Plan, 900 units were built", None)
    assert got == [(iranian_year(1396)[0], iranian_year(1400)[1])]


def test_development_plans_are_read_only_in_iranian_articles() -> None:
    context = CalendarContext.for_article("Sales in London", date(2022, 11, 1))
    assert find_periods("by the end of the Seventh Plan", context) == []


def test_the_previous_year_s_is_last_year_when_the_current_year_is_known() -> None:
    # 2023-06-01 is in 1402: the previous year is 1401
    got = _periods("revised the previous year's annual growth rate to 4 percent", date(2023, 6, 1))
    assert got == [iranian_year(1401)]


def test_the_previous_year_s_stays_a_shift_without_a_current_year() -> None:
    context = CalendarContext.for_article("Sales in London", None)
    found = find_periods("the previous year's profit of £20m", context)
    assert [p.shift for p in found] == ["year"]
