"""Round 9 of extraction: names shortened to initials, a body's divisions, pronouns, periods
read from a comparison, records "since", the quarter named before, and the lead's year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from extracted import figures
from newskg.extract import extract
from newskg.extract.names import initials_of
from newskg.extract.periods import CalendarContext, Role, find_periods
from newskg.extract.reporting import reporting_year
from newskg.model import Article, Status


def test_initials_name_a_body_the_article_named_in_full() -> None:
    assert initials_of("NA", "Northern Airlines")
    assert initials_of("TPO", "Trade Promotion Organization")
    assert not initials_of("NAL", "Northern Airlines")
    assert not initials_of("Na", "Northern Airlines")
    extraction = extract(
        Article("Northern Airlines made a profit of £90m in 2004. NA carried 3 million people.")
    )
    assert [a.label for a in extraction.agencies] == ["Northern Airlines"]


def test_a_division_named_through_its_is_the_article_s_body() -> None:
    got = figures(
        "Acme Media said profits rose to $900m in 2004. Acme Media owns BetaNet. "
        "BetaNet lost 200,000 subscribers. "
        "But its music division saw profits slump 12% to $84m."
    )
    assert got[Decimal(84000000)][0] == "Acme Media"
    assert got[Decimal(12)][0] == "Acme Media"


def test_it_opening_a_sentence_keeps_the_body_before_not_the_one_after() -> None:
    got = figures(
        "Acme Media reported profits of $900m for 2004. "
        "It has offered to pay $150m to settle charges, in a deal under review by the Federal "
        "Trade Commission."
    )
    assert got[Decimal(150000000)][0] == "Acme Media"


def test_a_coordinated_verb_with_the_same_past_form_shares_the_plan() -> None:
    got = figures("Acme Foods plans to close 15% of its plants and shed 8% of its jobs.")
    assert got[Decimal(8)][1] is Status.TARGET
    done = figures("Acme Foods said it closed 15% of its plants and shed 8% of its jobs.")
    assert done[Decimal(8)][1] is Status.ACHIEVED


def test_a_planning_verb_after_had_is_a_plan() -> None:
    got = figures("Acme Airways had previously forecast a 4% rise in revenue.")
    assert got[Decimal(4)][1] is Status.TARGET


def test_periods_without_a_year_take_the_year_after_the_one_compared_with() -> None:
    context = CalendarContext(iranian=False, published=None)
    found = find_periods(
        "Sales were $7m in the second quarter, up from $5m in the same period of 2011.", context
    )
    assert [(p.first, p.last) for p in found] == [
        (date(2012, 4, 1), date(2012, 6, 30)),
        (date(2011, 4, 1), date(2011, 6, 30)),
    ]
    months = find_periods(
        "The jobless rate fell to 7.1% in March from 7.4% in February and 8.0% in March 2010.",
        context,
    )
    assert [(p.first, p.last) for p in months] == [
        (date(2011, 3, 1), date(2011, 3, 31)),
        (date(2011, 2, 1), date(2011, 2, 28)),
        (date(2010, 3, 1), date(2010, 3, 31)),
    ]


def test_a_record_since_a_year_is_a_comparison_not_the_period() -> None:
    context = CalendarContext(iranian=False, published=None)
    found = find_periods(
        "Output hit 3 million tons, the highest level since records began in 1980.", context
    )
    assert [p.role for p in found] == [Role.BASE]
    got = figures("In 2012, Acme Steel produced 3 million tons, the highest since 1980.")
    assert got[Decimal(3000000)][2:] == (date(2012, 1, 1), date(2012, 12, 31))


def test_the_quarter_refers_to_the_quarter_named_before() -> None:
    got = figures(
        "Acme Airways made a profit of £70m in the three months to 31 March 2011, compared with "
        "£60m a year earlier. Turnover for the quarter was up 3% to £1.5bn."
    )
    assert got[Decimal(1500000000)][2:] == (date(2011, 1, 1), date(2011, 3, 31))


def test_a_year_before_a_noun_after_an_article_is_no_count() -> None:
    extraction = extract(Article("Acme Foods sued its banker over a 2009 bond deal worth $50m."))
    assert [o.value for o in extraction.observations] == [Decimal(50000000)]


def test_a_bare_level_compared_with_takes_the_unit_of_its_sentence() -> None:
    extraction = extract(Article("Acme's profit was 70m euros in 2011, up from 52m in 2010."))
    units = {o.value: str(o.unit).rsplit("/", 1)[-1] for o in extraction.observations}
    assert units[Decimal(52000000)] == units[Decimal(70000000)]


def test_since_a_dated_event() -> None:
    got = figures("Since the 3 March 2008 merger, Acme Airways has cut 4,000 jobs.")
    assert got[Decimal(4000)][2:] == (date(2008, 3, 3), None)


def test_a_deficit_with_a_country_is_the_trading_country_s() -> None:
    got = figures(
        "The US trade deficit hit $600bn in 2010, the Commerce Department said. "
        "The deficit with Mexico, up 12% at $60bn, was the largest on record."
    )
    assert got[Decimal(60000000000)][0] == "United States"


def test_a_later_clause_s_plan_period_is_not_an_earlier_level_s() -> None:
    got = figures(
        "Acme's revenues were £2.1bn while its margins were 12.5%, which it said could reach "
        "13% by 2014."
    )
    assert got[Decimal("12.5")][2:] == (None, None)
    assert got[Decimal(13)][3] == date(2014, 12, 31)


def test_the_lead_s_year_is_the_reported_year_unless_planned_or_background() -> None:
    assert reporting_year("Acme's profits rose 9% in 2010, it said.", "Acme profits jump") == 2010
    assert reporting_year("Profits jump.", "Acme profits jump in 2010") == 2010
    assert reporting_year("Acme predicted it will grow 9% in 2011.", "Acme eyes growth") is None
    # the lead is the headline and two sentences, not the whole article
    assert reporting_year("Acme's sales fell. Costs rose. Its profits rose 9% in 2010.") is None
    assert (
        reporting_year("Acme sued\n\nThe bank sued Acme, which went bust in 2003, for $1bn.")
        is None
    )


def _roles(text: str) -> dict[str, list[tuple[str | None, str]]]:
    extraction = extract(Article(text))
    labels = {a.ref: a.label for a in extraction.agencies}
    return {
        p.name: [(labels.get(r.agency or "", r.agency), r.title) for r in p.roles]
        for p in extraction.people
    }


def test_a_minister_s_post_in_lower_case_words_before_the_name() -> None:
    got = _roles(
        "TEHRAN (IRNA) – The deputy minister of cultural heritage, tourism and handicrafts for "
        "handicrafts affairs, Maryam Sadr-Nouri, said exports rose 12 percent."
    )
    assert got["Maryam Sadr-Nouri"] == [
        ("Ministry of Cultural Heritage, Tourism and Handicrafts", "deputy minister")
    ]
    field = _roles(
        "TEHRAN (IRNA) – The Ministry of Energy opened 40 plants. The deputy minister for "
        "water infrastructure development, Karim Tavana-Rad, said 12 more would open."
    )
    assert field["Karim Tavana-Rad"] == [("Ministry of Energy", "deputy minister")]


def test_an_unnamed_deputy_minister_is_the_person_named_next() -> None:
    got = _roles(
        "TEHRAN (Tasnim) – Iran revived 120 idle mines in six months, a deputy industry "
        "minister said. According to Jamal Nikpour-Abadi, 900 mines are active."
    )
    assert got["Jamal Nikpour-Abadi"] == [
        ("Ministry of Industry, Mine and Trade", "deputy minister")
    ]
    listed = _roles(
        "TEHRAN – Some 90,000 homes will be handed over this year, the deputy roads and urban "
        "development minister for housing affairs said. Reza Kamrani-Far said 40,000 were done."
    )
    assert listed["Reza Kamrani-Far"] == [
        ("Ministry of Roads and Urban Development", "deputy minister")
    ]


def test_an_unnamed_ministry_is_made_only_for_someone_named() -> None:
    extraction = extract(
        Article(
            "TEHRAN – Power use hit a record, Hamid Sadeghi, the managing director of Tavanir, "
            "said. The deputy energy minister for electricity affairs said 12 plants will open."
        )
    )
    assert [a.label for a in extraction.agencies] == ["Tavanir"]
    assert [r.title for p in extraction.people for r in p.roles] == ["managing director"]


def test_a_capitalised_anaphoric_body_before_an_unnamed_post() -> None:
    got = _roles(
        "Iran's Imam Khomeini Relief Foundation (IKRF) helped create 90,000 jobs. The "
        "foundation's deputy head for employment told Press TV that loans rose. Hadi "
        "Mirzaei-Nejad said 61 percent went to women."
    )
    assert got["Hadi Mirzaei-Nejad"] == [("Imam Khomeini Relief Foundation", "deputy head")]


def test_a_national_body_defined_with_an_acronym_and_of_a_country() -> None:
    extraction = extract(
        Article("The deputy head of Central Insurance of Iran (CII) said premiums rose 5%.")
    )
    assert [(a.label, a.acronym) for a in extraction.agencies] == [
        ("Central Insurance of Iran", "CII")
    ]
