"""People and their posts, on sentences written for these tests."""

from __future__ import annotations

from extracted import posts
from newskg.extract import extract
from newskg.extract.names import person_key
from newskg.extract.people import valid_person_name
from newskg.extract.table import EntityTable
from newskg.model import Article


def _roles(text: str) -> dict[str, set[tuple[str | None, str]]]:
    return posts(extract(Article(text)))


def test_two_posts_joined_by_and_are_two_roles() -> None:
    roles = _roles(
        "TEHRAN – The Railways Organization (RAI) carried 30 million passengers last year. "
        "Deputy Transport Minister and RAI head Karim Sadeqi told reporters on Sunday that "
        "ticket sales rose."
    )
    assert roles["Karim Sadeqi"] == {
        ("Transport Ministry", "deputy minister"),
        ("Railways Organization", "head"),
    }


def test_a_deputy_minister_belongs_to_the_ministry_of_the_portfolio() -> None:
    roles = _roles(
        "TEHRAN – Fish exports rose 9 percent. Nasser Amini, the deputy fisheries minister for "
        "planning affairs, said that 120 new farms opened."
    )
    assert roles["Nasser Amini"] == {("Fisheries Ministry", "deputy minister")}


def test_a_minister_without_a_ministry_stays_with_the_country() -> None:
    roles = _roles("Kenya's trade grew. Finance minister Daniel Otieno said exports rose 4%.")
    assert roles["Daniel Otieno"] == {("Kenya", "finance minister")}


def test_a_title_word_is_not_repeated_as_its_portfolio() -> None:
    roles = _roles(
        "TEHRAN – Gas output rose. The managing director of the Iranian Gas Storage Company "
        "(IGSC), Parviz Naderi, said that storage reached 3 billion cubic meters."
    )
    assert roles["Parviz Naderi"] == {("Iranian Gas Storage Company", "managing director")}


def test_the_organization_s_head_is_the_person_named_next() -> None:
    roles = _roles(
        "TEHRAN – The Iran Fisheries Organization (IFO) plans to build 40 new ports, IRNA "
        "reported on Monday, quoting the organization's head. "
        '"Work on 12 ports has started," Javad Rostami told IRNA.'
    )
    assert roles["Javad Rostami"] == {("Iran Fisheries Organization", "head")}


def test_a_province_s_own_body_keeps_its_owner_and_an_apostrophe_name() -> None:
    roles = _roles(
        "TEHRAN – Rice purchases rose. The head of Gilan Province's Natural Resources "
        "Organization, Reza Mo'meni, said that 200 hectares were planted."
    )
    assert roles["Reza Mo'meni"] == {("Gilan Province's Natural Resources Organization", "head")}


def test_a_participle_is_no_portfolio() -> None:
    roles = _roles(
        "Germany's jobless rate rose. Headlines criticising Chancellor Otto Brandt appeared."
    )
    assert roles["Otto Brandt"] == {("Germany", "chancellor")}


def test_the_end_of_a_company_name_is_no_person() -> None:
    assert not valid_person_name(EntityTable(""), "Northern Markets")
    assert valid_person_name(EntityTable(""), "Jane Hill")


def test_compound_given_names_are_one_key_however_written() -> None:
    assert person_key("Aliakbar Ghorbani") == person_key("Ali-Akbar Qorbani")
    assert person_key("Mohammadreza Tavakoli") == person_key("Mohammad Reza Tavakoli")
    assert person_key("Ali Akbar Karimi") != person_key("Ali Asghar Karimi")


def test_a_state_office_of_a_place_after_a_sentence_opener() -> None:
    roles = _roles(
        "Insurers fell. Later, New York Attorney General Joan Reed sued the broker. "
        "The suit was filed by New York attorney general Joan Reed in May."
    )
    assert roles["Joan Reed"] == {("New York", "attorney general")}


def test_one_word_of_a_full_name_is_the_same_person() -> None:
    roles = _roles(
        "Brazil's senate approved the reform backed by President Carlos Mendes Prado. "
        "Unions opposed it, but President Mendes defended the law."
    )
    assert list(roles) == ["Carlos Mendes Prado"]
    assert roles["Carlos Mendes Prado"] == {("Brazil", "president")}


def test_a_body_after_the_name_and_a_field_capitalised_by_position() -> None:
    roles = _roles(
        "Airlines gained. Still, rail analyst Tom Baker of Hartley Norris Quinn says fares "
        "will fall. Rail analyst Ann Cole of Fenwick Partners called the results modest."
    )
    assert roles["Tom Baker"] == {("Hartley Norris Quinn", "rail analyst")}
    assert roles["Ann Cole"] == {("Fenwick Partners", "rail analyst")}


def test_an_iranian_outlet_s_minister_heads_his_ministry() -> None:
    # Iran's mines are the Ministry of Industry, Mine and Trade's portfolio: its official name
    assert _roles("TEHRAN – Output rose. Mines Minister Karim Sohrabi said 20 mines opened.") == {
        "Karim Sohrabi": {("Ministry of Industry, Mine and Trade", "minister")}
    }
    assert _roles(
        "TEHRAN – Output rose. Iran's Health Minister Karim Sohrabi said 20 clinics opened."
    ) == {"Karim Sohrabi": {("Health Ministry", "minister")}}


def test_a_portfolio_with_and_is_one_portfolio() -> None:
    roles = _roles(
        "TEHRAN – Output rose. Fisheries and Forests Minister Karim Sohrabi said 20 farms opened. "
        "Nasser Amini, the minister of culture, sport and tourism, said 9 museums opened."
    )
    assert roles["Karim Sohrabi"] == {("Fisheries and Forests Ministry", "minister")}
    assert roles["Nasser Amini"] == {("Ministry of Culture, Sport and Tourism", "minister")}


def test_a_title_of_a_body_then_the_name_with_no_comma() -> None:
    roles = _roles(
        "TEHRAN – Trade rose. Head of the Tabriz Trade Chamber Yousef Karami said "
        "exports rose 5 percent. Minister of Culture, Sport and Tourism Nasser Amini said 9 "
        "museums opened."
    )
    assert roles["Yousef Karami"] == {("Tabriz Trade Chamber", "head")}
    assert roles["Nasser Amini"] == {("Ministry of Culture, Sport and Tourism", "minister")}


def test_a_country_possessive_is_not_part_of_a_national_body_s_name() -> None:
    roles = _roles(
        "TEHRAN – Prices rose. Head of Iran's Census Bureau Ali Nouri said 9 sites shut."
    )
    assert roles["Ali Nouri"] == {("Census Bureau", "head")}


def test_words_of_a_body_after_a_title_are_no_person() -> None:
    roles = _roles(
        "TEHRAN – Output rose. Reza Nabavi, the chairman of Iranian Copper and Mining Industries "
        "Development Company (ICMIDC), said 9 mines opened."
    )
    assert list(roles) == ["Reza Nabavi"]


def test_a_possessive_s_is_no_portfolio() -> None:
    roles = _roles(
        "TEHRAN – The Iran Fisheries Organization (IFO) grew. IFO's head Javad Rostami said "
        "40 ports opened."
    )
    assert roles["Javad Rostami"] == {("Iran Fisheries Organization", "head")}


def test_a_governor_general_and_a_body_after_the_portfolio() -> None:
    roles = _roles(
        "GORGAN – The Golestan "
        "Governorate completed 120 projects. Maryam Hosseini-Far, the deputy "
        "governor-general for development affairs at Golestan Governorate, said 40 of "
        "them were roads."
    )
    body = "Golestan Governorate"
    assert roles["Maryam Hosseini-Far"] == {(body, "deputy governor general")}


def test_a_post_of_the_bank_named_in_the_next_sentence() -> None:
    roles = _roles(
        "TEHRAN – The Central Bank of Iran (CBI) sold $2 billion in Tir, the bank's deputy "
        "governor for currency affairs said. Nasser Jalili-Kia told reporters that demand fell."
    )
    assert roles["Nasser Jalili-Kia"] == {("Central Bank of Iran", "deputy governor")}


def test_a_title_ending_like_one_that_implies_a_body_does_not_imply_one() -> None:
    roles = _roles(
        "The inquiry by New York attorney general Eliot Spitzer widened. Brazil Governor-General "
        "Ana Souza-Lima spoke."
    )
    assert {title for _, title in roles["Eliot Spitzer"]} == {"attorney general"}


def test_the_head_of_the_foundation_is_the_person_named_next() -> None:
    roles = _roles(
        "TEHRAN – The Housing Foundation of Islamic Revolution has rebuilt 8,200 homes since "
        "the floods, the head of the foundation said. Reza Bahrami told IRNA that 3,000 more "
        "homes will be finished by March."
    )
    assert roles["Reza Bahrami"] == {("Housing Foundation of Islamic Revolution", "head")}


def test_the_department_refers_to_the_latest_body_named_with_that_word() -> None:
    roles = _roles(
        "TEHRAN – The Roads Ministry's Technical Department and Fars Province's Industry, Mining "
        "and Trade Department met on Monday. Fars Province's Industry, Mining and Trade "
        "Department has revived 41 idle units this year, the head of the department said. "
        "Ali Nikbakht told ISNA that 600 jobs were created."
    )
    assert roles["Ali Nikbakht"] == {
        ("Fars Province's Industry, Mining and Trade Department", "head")
    }


def test_a_vice_president_for_a_field_heads_a_vice_presidency() -> None:
    roles = _roles(
        "Hamid Rezaei, the vice president for science, technology and knowledge-based economy, "
        "told IRNA that 7,400 firms are active. Vice President for Women and Family Affairs "
        "Maryam Kazemi said 12,000 loans were paid."
    )
    assert roles["Hamid Rezaei"] == {
        ("Vice-Presidency for Science, Technology and Knowledge-based Economy", "vice president")
    }
    assert roles["Maryam Kazemi"] == {
        ("Vice-Presidency for Women and Family Affairs", "vice president")
    }


def test_a_speaker_s_second_post_refers_back_to_the_speaker() -> None:
    roles = _roles(
        "TEHRAN – Exports to Oman rose 20 percent, the head of the Trade Promotion Organization "
        "(TPO) said. Mahmoud Jafarpour told ILNA that 300 firms took part. "
        '"We will open two trade centers," Jafarpur said. The deputy industry minister noted '
        "that the Ministry of Industry, Mine and Trade will support them."
    )
    assert roles["Mahmoud Jafarpour"] == {
        ("Trade Promotion Organization of Iran", "head"),
        ("Ministry of Industry, Mine and Trade", "deputy minister"),
    }


def test_a_top_post_that_speaks_is_not_given_to_the_previous_speaker() -> None:
    roles = _roles(
        "TEHRAN – Exports rose, the head of the Trade Promotion Organization (TPO) said. "
        "Mahmoud Jafarpour told ILNA that 300 firms took part in 1402. The Ministry of Industry, "
        "Mine and Trade will back them, the industry minister said."
    )
    assert roles["Mahmoud Jafarpour"] == {("Trade Promotion Organization of Iran", "head")}


def test_a_deputy_minister_who_also_runs_a_company_holds_both_posts() -> None:
    roles = _roles(
        "TEHRAN – Petrochemical exports rose 4 percent, Deputy Oil Minister and CEO of the "
        "National Petrochemical Company (NPC) Karim Abbasi said on Monday. The Oil Ministry "
        "plans to add 12 plants."
    )
    assert roles["Karim Abbasi"] == {
        ("Oil Ministry", "deputy minister"),
        ("National Petrochemical Company", "managing director"),
    }


def test_the_bank_s_ceo_is_at_the_bank_named_last() -> None:
    roles = _roles(
        "The Central Bank of Iran set the quotas. Bank Sepah, the main lender of the program, has "
        "paid 90 trillion rials of loans, the bank's CEO Hamid Kordbacheh told IRNA."
    )
    assert roles["Hamid Kordbacheh"] == {("Bank Sepah", "managing director")}


def test_a_written_out_portfolio_does_not_run_into_the_name() -> None:
    roles = _roles(
        "TEHRAN – About 1.1 million jobs were created, Minister of Cooperatives, Labor and Social "
        "Welfare "
        "Reza Amini said."
    )
    assert roles == {
        "Reza Amini": {("Ministry of Cooperatives, Labor and Social Welfare", "minister")}
    }


def test_a_post_named_before_a_speaker_with_a_relative_clause() -> None:
    roles = _roles(
        "TEHRAN – Airlines carried 31 million passengers, the head of the Civil Aviation "
        "Organization (CAO) said. Hamid Sepehri, who was speaking at a press conference in "
        "Tehran, said that 178 planes are active."
    )
    assert roles["Hamid Sepehri"] == {("Civil Aviation Organization", "head")}
