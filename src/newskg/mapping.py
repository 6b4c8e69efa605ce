"""Map a resolved article to RDF: the content of the article's named graph.

Everything extracted from one article goes into one graph named by the article's IRI, including
what the article says about agencies and people (labels, roles). Descriptions of an agency are
therefore spread over the graphs of the articles that mention it; the union default graph is the
merged view, and deleting an article takes its claims away with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from newskg.model import (
    Agency,
    Amount,
    Observation,
    Person,
    Place,
    Population,
    Program,
    ResolvedArticle,
    Role,
)
from newskg.namespaces import NKG, ORG, OWL, PREFIXES, PROV, RDF, RDFS, SDO, SKOS, XSD

_PLACE_CLASSES = {"country": NKG.Country, "province": NKG.Province, "city": NKG.City}


def article_graph(resolved: ResolvedArticle) -> Graph:
    """The triples of one article's named graph."""
    graph = Graph(identifier=URIRef(resolved.iri))
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    _add_article(graph, resolved)
    for agency in resolved.agencies:
        _add_agency(graph, agency)
    for person in resolved.people:
        _add_person(graph, person)
    for role in resolved.roles:
        _add_role(graph, role, resolved.iri)
    for program in resolved.programs:
        _add_program(graph, program)
    for place in resolved.places:
        _add_place(graph, place)
    for population in resolved.populations:
        _add_population(graph, population)
    for observation in resolved.observations:
        _add_observation(graph, observation, resolved.iri)
    return graph


def _add(graph: Graph, subject: str, predicate: URIRef, value: object) -> None:
    """Add one triple unless the value is missing; str values that are IRIs stay IRIs."""
    if value is None:
        return
    graph.add((URIRef(subject), predicate, _term(value)))


def _term(value: object) -> Node:
    if isinstance(value, URIRef | Literal):
        return value
    if isinstance(value, bool):
        return Literal(value, datatype=XSD.boolean)
    if isinstance(value, Decimal):
        return decimal_literal(value)
    if isinstance(value, date):
        return Literal(value, datatype=XSD.date)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    return Literal(str(value))


def decimal_literal(value: Decimal) -> Literal:
    """An xsd:decimal literal in canonical form: no exponent, no trailing zeros after the point."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Literal(text or "0", datatype=XSD.decimal)


def _add_all(graph: Graph, subject: str, predicate: URIRef, values: Iterable[object]) -> None:
    for value in values:
        _add(graph, subject, predicate, value)


def _add_article(graph: Graph, resolved: ResolvedArticle) -> None:
    article = resolved.article
    iri = resolved.iri
    _add(graph, iri, RDF.type, NKG.Article)
    _add(graph, iri, SDO.headline, article.headline)
    _add(graph, iri, SDO.url, URIRef(article.url) if article.url else None)
    _add(graph, iri, SDO.datePublished, article.date_published)
    _add(graph, iri, SDO.publisher, URIRef(resolved.publisher) if resolved.publisher else None)
    _add(graph, iri, SDO.articleBody, article.text)
    _add_all(graph, iri, NKG.reportedBy, (URIRef(agency) for agency in resolved.reported_by))
    mentioned = [
        *(agency.iri for agency in resolved.agencies),
        *(person.iri for person in resolved.people),
        *(program.iri for program in resolved.programs),
        *(place.iri for place in resolved.places),
    ]
    _add_all(graph, iri, SDO.mentions, (URIRef(thing) for thing in mentioned))


def _add_agency(graph: Graph, agency: Agency) -> None:
    iri = agency.iri
    _add(graph, iri, RDF.type, NKG.NewsAgency if agency.news_agency else NKG.Agency)
    _add(graph, iri, SKOS.prefLabel, agency.label)
    _add_all(graph, iri, SKOS.altLabel, (alias for alias in agency.alt_labels if alias))
    if agency.acronym:
        _add(graph, iri, NKG.acronym, agency.acronym)
        _add(graph, iri, SKOS.altLabel, agency.acronym)
    _add(graph, iri, ORG.subOrganizationOf, URIRef(agency.parent) if agency.parent else None)
    _add_all(graph, iri, OWL.sameAs, (URIRef(other) for other in agency.same_as))


def _add_person(graph: Graph, person: Person) -> None:
    _add(graph, person.iri, RDF.type, NKG.Person)
    _add(graph, person.iri, SDO.name, person.name)
    _add_all(graph, person.iri, SKOS.altLabel, person.alt_labels)


def _add_role(graph: Graph, role: Role, article: str) -> None:
    iri = role.iri
    _add(graph, iri, RDF.type, NKG.Role)
    _add(graph, iri, ORG.member, URIRef(role.person))
    _add(graph, iri, ORG.organization, URIRef(role.agency) if role.agency else None)
    _add(graph, iri, NKG.title, role.title)
    _add(graph, iri, RDFS.label, role.label)
    _add(graph, iri, NKG.portfolio, role.detail)
    _add(graph, iri, PROV.wasDerivedFrom, URIRef(article))


def _add_program(graph: Graph, program: Program) -> None:
    _add(graph, program.iri, RDF.type, NKG.Program)
    _add(graph, program.iri, RDFS.label, program.label)
    _add(graph, program.iri, NKG.runBy, URIRef(program.run_by) if program.run_by else None)


def _add_place(graph: Graph, place: Place) -> None:
    _add(graph, place.iri, RDF.type, _PLACE_CLASSES.get(place.kind or "", NKG.Place))
    _add(graph, place.iri, RDFS.label, place.label)
    _add(graph, place.iri, SDO.containedInPlace, URIRef(place.within) if place.within else None)
    _add_all(graph, place.iri, OWL.sameAs, (URIRef(other) for other in place.same_as))


def _add_population(graph: Graph, population: Population) -> None:
    _add(graph, population.iri, RDF.type, NKG.Population)
    _add(graph, population.iri, RDFS.label, population.label)
    _add(graph, population.iri, NKG.place, URIRef(population.place) if population.place else None)


def _add_observation(graph: Graph, observation: Observation, article: str) -> None:
    iri = observation.iri
    _add(graph, iri, RDF.type, NKG.Observation)
    _add(graph, iri, NKG.metric, URIRef(observation.metric))
    _add(graph, iri, NKG.metricLabel, observation.metric_label)
    _add(graph, iri, NKG.value, observation.value)
    _add(graph, iri, NKG.valueMax, observation.value_max)
    _add(graph, iri, NKG.unit, URIRef(observation.unit))
    _add(graph, iri, NKG.status, NKG[observation.status.value])
    _add(graph, iri, NKG.subject, URIRef(observation.subject))
    _add(graph, iri, NKG.periodStart, observation.period_start)
    _add(graph, iri, NKG.periodEnd, observation.period_end)
    _add(graph, iri, NKG.periodLabel, observation.period_label)
    for predicate, target in (
        (NKG.statedBy, observation.stated_by),
        (NKG.reportedBy, observation.reported_by),
        (NKG.program, observation.program),
        (NKG.place, observation.place),
        (NKG.partOf, observation.part_of),
        (PROV.wasRevisionOf, observation.revision_of),
        (NKG.progressToward, observation.progress_toward),
    ):
        _add(graph, iri, predicate, URIRef(target) if target else None)
    _add(graph, iri, PROV.wasDerivedFrom, URIRef(article))
    _add(graph, iri, NKG.evidence, observation.evidence)
    _add(graph, iri, NKG.approximate, observation.approximate)
    for index, amount in enumerate(observation.equivalents, start=1):
        _add_equivalent(graph, iri, f"{iri}/equivalent/{index}", amount)


def _add_equivalent(graph: Graph, observation: str, iri: str, amount: Amount) -> None:
    _add(graph, observation, NKG.equivalent, URIRef(iri))
    _add(graph, iri, RDF.type, NKG.QuantityValue)
    _add(graph, iri, NKG.value, amount.value)
    _add(graph, iri, NKG.unit, URIRef(amount.unit))
    _add(graph, iri, NKG.approximate, amount.approximate)
