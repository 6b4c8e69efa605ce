"""Whose figure it is: bodies described rather than named, and groups that act."""

from __future__ import annotations

from decimal import Decimal

from newskg.extract import extract
from newskg.model import Article


def _subjects(text: str) -> dict[Decimal, str]:
    extraction = extract(Article(text))
    labels = {a.ref: a.label for a in extraction.agencies}
    labels |= {p.ref: p.label for p in extraction.places}
    labels |= {p.ref: p.label for p in extraction.populations}
    return {o.value: labels.get(o.subject or "", o.subject or "") for o in extraction.observations}


def test_a_body_described_after_a_country_possessive_is_the_article_s_body() -> None:
    got = _subjects(
        "Turkey's state-owned railway operator plans to complete 14 projects worth $2.1 billion "
        "by the end of next year, its head said. "
        "Mehmet Arslan, the head of Turkish State Railways (TCDD), said TCDD carried 19 million "
        "passengers in 2022."
    )
    assert got[Decimal(14)] == "Turkish State Railways"
    assert got[Decimal(2100000000)] == "Turkish State Railways"


def test_a_country_possessive_on_the_figure_itself_stays_with_the_country() -> None:
    got = _subjects(
        "The Ports Authority (TPA) reported the data. "
        "Turkey's container throughput rose to 12 million TEU, TPA said."
    )
    assert got[Decimal(12000000)] != "Ports Authority"


def test_a_group_that_acts_is_the_subject() -> None:
    got = _subjects(
        "ANKARA, May 3 (AA) – Turkish banks lent 900 billion lira to small firms in the first "
        "quarter. According to the official, exporters have so far paid 40 billion lira."
    )
    assert got[Decimal(900000000000)] == "banks"
    assert got[Decimal(40000000000)] == "exporters"


def test_a_province_in_a_ranking_owns_its_own_figure() -> None:
    got = _subjects(
        "TEHRAN – Iran's Statistical Centre published provincial inflation rates for 2021. "
        "Kerman Province had the highest rate at 48.2 percent, followed by Lorestan at "
        "46.1 percent, while Gilan registered the lowest rate at 39.4 percent."
    )
    assert got[Decimal("48.2")] == "Kerman Province"
    assert got[Decimal("46.1")] == "Lorestan Province"
    assert got[Decimal("39.4")] == "Gilan Province"


def test_a_country_in_a_ranked_list_is_a_partner_not_the_owner() -> None:
    got = _subjects(
        "TEHRAN – Iran exported 20 million tons of steel in 2021. China topped the list with "
        "5 million tons, followed by Iraq with 3 million tons."
    )
    assert got[Decimal(3000000)] == "Iran"


def test_a_split_and_the_figure_after_it_take_the_total_s_subject() -> None:
    got = _subjects(
        "TEHRAN – The Mazandaran Governorate completed 300 projects in 2021. Sari had the "
        "largest share with 120 projects, followed by Gorgan with 41 projects. "
        "The governorate plans to complete 500 projects next year."
    )
    assert got[Decimal(41)] == got[Decimal(300)]
    assert got[Decimal(500)] == got[Decimal(300)]


def test_a_trade_partner_is_not_the_subject_of_the_trade() -> None:
    got = _subjects(
        "ANKARA, May 3 (AA) – Turkey's exports grew 8 percent in 2022, the ministry said. "
        "Exports to the Gulf Cooperation Council (GCC) rose 15 percent to $6.2 billion, "
        "while imports from Germany fell to $2.3 billion."
    )
    assert got[Decimal(6200000000)] == "Turkey"
    assert got[Decimal(15)] == "Turkey"
    assert got[Decimal(2300000000)] == "Turkey"


def test_a_country_trading_with_a_group_owns_the_figure() -> None:
    got = _subjects(
        "ANKARA, May 3 (AA) – Turkey's trade with members of the Organization of Turkic States "
        "stood at $4.8 billion last year, Turkish officials said."
    )
    assert got[Decimal(4800000000)] == "Turkey"


def test_a_country_s_group_that_acts_is_the_subject_not_the_country() -> None:
    got = _subjects(
        "ANKARA, May 3 (AA) – Turkey's private banks lent 900 billion lira to small firms in "
        "2022, according to data released by the Finance Ministry. Turkish carmakers produced "
        "1.3 million vehicles in 2022, the ministry said."
    )
    assert got[Decimal(900000000000)] == "private banks"
    assert got[Decimal(1300000)] == "carmakers"


def test_bare_units_of_the_total_split_the_count_before_them() -> None:
    extraction = extract(
        Article(
            "ANKARA, May 3 (AA) – Turkish carmakers produced 1.3 million vehicles in 2022. "
            "Passenger cars accounted for 900,000 units of the total, the ministry data show."
        )
    )
    whole, part = extraction.observations[:2]
    assert part.value == Decimal(900000)
    assert part.part_of == whole.index
    assert (part.period_start, part.period_end) == (whole.period_start, whole.period_end)


def test_the_country_as_the_actor_owns_the_figure_not_the_reporting_body() -> None:
    got = _subjects(
        "ANKARA, May 3 (AA) – Turkey's wheat harvest was good. The Turkish Grain Board (TMO) "
        "said the government has so far bought 6.1 million tons of wheat from farmers in 2022. "
        "Last year, the country imported 2.4 million tons, TMO said."
    )
    assert got[Decimal(6100000)] == "Turkey"
    assert got[Decimal(2400000)] == "Turkey"


def test_a_body_named_after_the_country_is_the_actor() -> None:
    got = _subjects(
        "ANKARA, May 3 (AA) – The government has asked the Turkish Grain Board (TMO) to buy "
        "6.1 million tons of wheat in 2023."
    )
    assert got[Decimal(6100000)] == "Turkish Grain Board"


def test_one_group_written_as_firms_and_as_companies_is_one_subject() -> None:
    extraction = extract(
        Article(
            "ANKARA, May 3 (AA) – Turkey's technology companies exported goods worth $2 billion "
            "in 2022. The number of technology firms stands at 7,000, the ministry said."
        )
    )
    assert len(extraction.populations) == 1
    assert len({o.subject for o in extraction.observations}) == 1


def test_every_part_after_of_the_total_splits_the_same_whole() -> None:
    extraction = extract(
        Article(
            "ANKARA, May 3 (AA) – The Turkish Development Bank lent $9 billion in 2022. Of the "
            "total, $2.5 billion went to exporters and $3.1 billion to farmers, the bank said."
        )
    )
    whole = next(o for o in extraction.observations if o.value == Decimal(9000000000))
    for value in (Decimal(2500000000), Decimal(3100000000)):
        part = next(o for o in extraction.observations if o.value == value)
        assert part.part_of == whole.index
        assert part.period_end == whole.period_end


def test_a_central_bank_s_inflation_target_is_the_bank_s() -> None:
    got = _subjects(
        "ANKARA, May 3 (AA) – The Central Bank of the Republic of Turkey (CBRT) said Turkey's "
        'inflation rate fell to 38 percent in April. "We plan to bring inflation down to 20 '
        'percent by the end of 2024," the governor said.'
    )
    assert got[Decimal(20)] == "Central Bank of the Republic of Turkey"
    assert got[Decimal(38)] == "Turkey"


def test_an_industry_that_acts_owns_its_figures_and_the_industry_refers_back() -> None:
    got = _subjects(
        "TEHRAN – Iran's cement industry produced 62 million tons in the past year, the head of "
        "the producers' association said. He added that the industry's nominal capacity stands "
        "at 90 million tons."
    )
    assert got[Decimal(62000000)] == "cement industry"
    assert got[Decimal(90000000)] == "cement industry"


def test_a_network_is_the_figure_of_the_body_that_runs_it() -> None:
    got = _subjects(
        "Turkey's ports on the Black Sea handled 5 million tons of cargo in 2022, up 8 percent, "
        "the Ports and Shipping Directorate said."
    )
    assert got[Decimal(5000000)] == "Ports and Shipping Directorate"
    got = _subjects("Turkish airlines carried 20 million passengers in 2023.")
    assert got[Decimal(20000000)] == "airlines"


def test_a_share_belongs_to_whoever_accounts_for_it() -> None:
    got = _subjects(
        "Khorasan Steel Company accounted for about 12 percent of Iran's steel output of "
        "31 million tons in 2021. The private sector accounted for 45 percent of the country's "
        "non-oil exports."
    )
    assert got[Decimal(12)] == "Khorasan Steel Company"
    assert got[Decimal(31000000)] == "Iran"
    assert got[Decimal(45)] == "private sector"


def test_exports_from_a_province_are_the_province_s() -> None:
    got = _subjects(
        "TABRIZ (IRNA) – Non-oil exports from East Azarbaijan province rose 18 percent to "
        "$1.5 billion in 2022, while exports to Iraq reached $400 million."
    )
    assert got[Decimal(1500000000)] == "East Azarbaijan Province"
    assert got[Decimal(400000000)] == "East Azarbaijan Province"


def test_we_in_an_official_s_words_is_the_official_s_body_doing_its_own_work() -> None:
    text = (
        "The Central Bank of Iran said banks paid 1.1 million marriage loans last year. "
        "“We plan to pay 200,000 loans this year,” Bank Sepah CEO Reza Karimi said."
    )
    assert _subjects(text)[Decimal(200000)] == "Bank Sepah"
    steered = (
        "Iran produced 1.3 million tons of fish last year, the Iranian Fisheries Organization "
        "said. “Our target is 1.5 million tons this year,” its head Ali Sadeghi said."
    )
    assert _subjects(steered)[Decimal(1500000)] == "Iran"


def test_a_central_bank_s_policy_rate_is_the_bank_s_own() -> None:
    got = _subjects(
        "The Reserve Bank of India raised its benchmark interest rate by 0.25 percentage point "
        "to 6.5% as the economy grew faster than expected."
    )
    assert got[Decimal("6.5")] == "Reserve Bank of India"
    assert got[Decimal("0.25")] == "Reserve Bank of India"


def test_a_group_that_acts_in_reported_speech_without_that_is_the_subject() -> None:
    got = _subjects("The Central Bank of Iran said banks paid 1.1 million marriage loans in 2023.")
    assert got[Decimal(1100000)] == "banks"


def test_a_bank_s_name_ends_before_its_officer_s_post() -> None:
    extraction = extract(Article("Bank Sepah CEO Reza Karimi said the bank paid 9,000 loans."))
    assert [a.label for a in extraction.agencies] == ["Bank Sepah"]
