"""Identity across articles: merges that must happen and merges that must not."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from rdflib import Literal, URIRef

from newskg.extract import extract
from newskg.extract.names import partial_name_of, person_key, same_body
from newskg.iris import IriScheme
from newskg.model import Article, ResolvedArticle
from newskg.resolve import EntityIndex, resolve

IRIS = IriScheme("https://example.org/id/")


def _run(*texts: str, publisher: str | None = None) -> list[ResolvedArticle]:
    index = EntityIndex.empty()
    result = []
    for text in texts:
        article = Article(text, publisher=publisher)
        resolved = resolve(extract(article), iris=IRIS, known=index)
        index.add(resolved)
        result.append(resolved)
    return result


def _person(resolved: ResolvedArticle, surname: str) -> str:
    return next(p.iri for p in resolved.people if p.name.endswith(surname))


def test_transliteration_keys() -> None:
    assert person_key("Ali Asqar Mosaheb") == person_key("Ali-Asghar Mosaheb")
    assert person_key("Moqimi") == person_key("Moghimi")
    assert person_key("Saied Zarandi") == person_key("Saeed Zarandi")
    assert person_key("Ali Akbar Karimi") != person_key("Ali Asghar Karimi")
    assert partial_name_of("Asghar Karimi", "Ali-Asghar Karimi")
    assert not partial_name_of("Akbar Karimi", "Ali-Asghar Karimi")


def test_ministry_names_are_one_body_by_key() -> None:
    assert same_body("Industry Ministry", "Industry, Mining, and Trade Ministry")
    assert same_body("Ministry of Industry, Mine and Trade", "Industry Ministry")
    assert not same_body("Oil Ministry", "Industry Ministry")


def test_same_person_and_agency_across_articles() -> None:
    first, second = _run(
        "National Iranian Copper Industries Company (NICICO) Deputy Head Ali Asqar Karimi told "
        "IRNA that the company exported 120,000 tonnes. "
        "The Industry Ministry allocated $5 million.",
        "Ali-Asghar Karimi, NICICO deputy head, said the National Iranian Copper Industries "
        "Company plans to export 150,000 tonnes. "
        "The Ministry of Industry, Mine and Trade approved it.",
    )
    assert _person(first, "Karimi") == _person(second, "Karimi")
    first_agencies = {a.label: a.iri for a in first.agencies}
    second_agencies = {a.label: a.iri for a in second.agencies}
    assert first_agencies["National Iranian Copper Industries Company"] == IRIS.mint(
        "agency", "nicico"
    )
    # the acronym and the full name in one article are one record, named by the full name
    nicico = [a for a in second.agencies if a.iri == IRIS.mint("agency", "nicico")]
    assert [(a.label, a.alt_labels) for a in nicico] == [
        ("National Iranian Copper Industries Company", ("NICICO",))
    ]
    assert (
        first_agencies["Industry Ministry"]
        == second_agencies["Ministry of Industry, Mine and Trade"]
    )


def test_people_sharing_a_surname_are_not_merged() -> None:
    first, second = _run(
        "Central Bank of Iran (CBI) Governor Ali Akbar Karimi said inflation fell to 40 percent.",
        "CBI Deputy Governor Ali Asghar Karimi said reserves rose 5 percent.",
    )
    assert _person(first, "Karimi") != _person(second, "Karimi")


def test_partial_name_merges_only_within_the_same_agency() -> None:
    first, second, third = _run(
        "Iran Mercantile Exchange (IME) head Ali-Asghar Karimi said trade rose 10 percent.",
        "IME head Asghar Karimi said trade rose 12 percent.",
        "Tehran Stock Exchange (TSE) head Asghar Karimi said trade rose 14 percent.",
    )
    assert _person(first, "Karimi") == _person(second, "Karimi")
    assert _person(third, "Karimi") != _person(first, "Karimi")


def test_index_from_store_rows_reuses_iris() -> None:
    agency = URIRef("https://example.org/id/agency/stored-tpo")
    person = URIRef("https://example.org/id/person/stored-moqimi")
    rows: list[dict[str, URIRef | Literal]] = [
        {
            "entity": agency,
            "kind": Literal("agency"),
            "label": Literal("TPO"),
            "acronym": Literal("TPO"),
        },
        {
            "entity": person,
            "kind": Literal("person"),
            "label": Literal("Mohammad Reza Moghimi"),
            "org": agency,
        },
    ]
    index = EntityIndex.from_rows(rows)  # type: ignore[arg-type]
    resolved = resolve(
        extract(Article("TPO head Mohammad-Reza Moqimi said exports rose 10 percent.")),
        iris=IRIS,
        known=index,
    )
    assert [p.iri for p in resolved.people] == [str(person)]
    assert {r.agency for r in resolved.roles} == {str(agency)}


def test_entity_index_query_parses() -> None:
    from rdflib.plugins.sparql import prepareQuery

    path = Path(__file__).resolve().parents[1] / "queries" / "internal" / "entity-index.rq"
    query = prepareQuery(path.read_text(encoding="utf-8"))
    assert {str(v) for v in query.algebra["PV"]} == {
        "entity",
        "kind",
        "label",
        "acronym",
        "org",
        "display",
    }


def test_observation_and_role_iris_are_per_article() -> None:
    (resolved,) = _run("TPO head Mohammad-Reza Moqimi said exports rose 10 percent.")
    key = resolved.article.key
    assert [o.iri for o in resolved.observations] == [IRIS.observation(key, 0)]
    assert [r.iri for r in resolved.roles] == [IRIS.role(key, 0)]
    assert resolved.iri == IRIS.article(key)


def test_new_spelling_of_a_known_person_becomes_an_alias() -> None:
    first, second = _run(
        "Tehran Metro Company (TMC) Deputy Head Gholamreza Shafiei said 12 stations opened.",
        "TMC deputy head Qolamreza Shafiee said 3 more stations would open.",
    )
    (person_first,) = [p for p in first.people if "Shafi" in p.name]
    (person_second,) = [p for p in second.people if "Shafi" in p.name]
    assert person_first.iri == person_second.iri == IRIS.mint("person", "gholamreza-shafiei")
    assert person_second.name == "Gholamreza Shafiei"
    assert "Qolamreza Shafiee" in person_second.alt_labels


def test_one_agency_record_per_iri_and_publisher_typed() -> None:
    (resolved,) = _run(
        "The Kish Free Zone Organization (KFZO) attracted $40 million. "
        "KFZO managing director Hamid Rostami said the Kish Free Zone Organization plans more.",
        publisher="Kish Daily",
    )
    iris = [a.iri for a in resolved.agencies]
    assert len(iris) == len(set(iris))
    assert resolved.publisher in iris
    (publisher,) = [a for a in resolved.agencies if a.iri == resolved.publisher]
    assert publisher.news_agency


def test_a_name_in_capitals_with_a_space_is_no_acronym() -> None:
    (resolved,) = _run("Economist Jan Visser at ABN AMRO said profits rose 5 percent.")
    assert all(a.acronym is None or " " not in a.acronym for a in resolved.agencies)


def test_links_between_figures_never_name_a_dropped_figure() -> None:
    """A figure linked (part of, revision of) to one that resolution drops keeps no link to it."""
    extraction = extract(
        Article(
            "The Example Mining Organization (EMO) plans to open 12 new mines this year, "
            "EMO head Reza Examplefar said."
        )
    )
    figure = extraction.observations[0]
    # A reversed range is never emitted, so this parent is dropped.
    parent = replace(figure, index=90, value=Decimal(10), value_max=Decimal(5))
    child = replace(figure, index=91, part_of=90, revision_of=90, progress_toward=90)
    resolved = resolve(
        replace(extraction, observations=(*extraction.observations, parent, child)),
        iris=IRIS,
        known=EntityIndex.empty(),
    )
    kept = {observation.iri for observation in resolved.observations}
    [linked] = [o for o in resolved.observations if o.iri.endswith("-91")]
    assert not any(o.iri.endswith("-90") for o in resolved.observations)
    assert (linked.part_of, linked.revision_of, linked.progress_toward) == (None, None, None)
    links = [o.part_of for o in resolved.observations if o.part_of]
    assert set(links) <= kept
