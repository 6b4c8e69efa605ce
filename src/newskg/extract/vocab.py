"""The vocabularies the extractor reads from ontology/: units, metrics and the reference gazetteers.

Everything here is parsed once per process. Words that signal a unit, a metric, a title, a news
agency or a place live in Turtle files, so that adding a currency or an outlet needs no code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from newskg.namespaces import METRIC, NKG, SDO, UNIT
from newskg.resources import data_dir, ontology_graph

REFV = Namespace("https://w3id.org/newskg/reference#")
WIKIDATA = "http://www.wikidata.org/entity/"

#: Unit kinds, derived from the unit's class and notation.
MONEY, PERCENT, POINT, COUNT, MEASURE = "money", "percent", "point", "count", "measure"


@dataclass(frozen=True)
class Unit:
    """A unit of measure with the surface forms that name it in text."""

    iri: str
    notation: str
    kind: str
    labels: tuple[str, ...]
    rial_factor: int | None = None
    """For a unit that is a multiple of the rial (the toman): how many rials it is."""
    base: str | None = None
    """For a written multiple of another unit ("mcm/d"): the IRI of the unit it is stored in."""
    factor: int | None = None
    """How many of ``base`` one of this unit is (10**6 for million cubic metres)."""


@dataclass(frozen=True)
class Metric:
    """A metric concept, its top concept and its trigger words."""

    iri: str
    label: str
    top: str
    triggers: tuple[str, ...]


@dataclass(frozen=True)
class GazetteerEntry:
    """A known agency, news agency or place and every surface form it is written with."""

    iri: str
    label: str
    alt_labels: tuple[str, ...]
    acronym: str | None
    kind: str
    """``news``, ``agency``, ``country``, ``province``, ``city`` or ``region``."""
    within: str | None = None
    country: str | None = None
    demonym: str | None = None
    same_as: tuple[str, ...] = ()
    hidden_labels: tuple[str, ...] = ()
    """Names that are never looked for in a text but identify the entry when derived ("Oil
    Ministry" from "a deputy oil minister" in an Iranian article)."""

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Every way the entry is written, label first."""
        return (self.label, *self.alt_labels)


@dataclass(frozen=True)
class Title:
    """A normalised job title, its surface forms and the body a "<portfolio> <title>" implies."""

    label: str
    forms: tuple[str, ...]
    organisation_word: str | None
    office: str = "executive"
    """Whose post it is when no body is named: ``state``, ``executive`` or ``professional``."""


def _strings(graph: Graph, subject: URIRef, predicate: URIRef) -> list[str]:
    return sorted(str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal))


def _first(graph: Graph, subject: URIRef, predicate: URIRef) -> str | None:
    values = _strings(graph, subject, predicate)
    return values[0] if values else None


@cache
def reference_graph() -> Graph:
    """Every gazetteer in ontology/reference/, parsed once."""
    graph = Graph()
    for path in sorted((data_dir("ontology") / "reference").glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@cache
def units() -> tuple[Unit, ...]:
    """Every unit in units.ttl with a surface form."""
    graph = ontology_graph()
    found = []
    for subject in set(graph.subjects(SKOS.inScheme, UNIT.units)):
        if not isinstance(subject, URIRef):
            continue
        notation = _first(graph, subject, SKOS.notation) or ""
        if (subject, RDF.type, NKG.Currency) in graph:
            kind = MONEY
        elif notation == "PERCENT":
            kind = PERCENT
        elif notation == "PERCENTAGE-POINT":
            kind = POINT
        elif str(subject).startswith("https://w3id.org/newskg/unit/"):
            kind = COUNT
        else:
            kind = MEASURE
        labels = tuple(_strings(graph, subject, SKOS.hiddenLabel))
        factor = graph.value(subject, REFV.rialFactor)
        rial_factor = int(factor) if isinstance(factor, Literal) else None
        if rial_factor:
            kind = MONEY
        base = graph.value(subject, REFV.multipleOf)
        multiple = graph.value(subject, REFV.factor)
        found.append(
            Unit(
                str(subject),
                notation,
                kind,
                labels,
                rial_factor,
                str(base) if isinstance(base, URIRef) else None,
                int(multiple) if isinstance(multiple, Literal) else None,
            )
        )
    return tuple(sorted(found, key=lambda unit: unit.iri))


@cache
def unit_by_notation(notation: str) -> Unit:
    """The unit whose skos:notation is ``notation`` (KeyError when none)."""
    for unit in units():
        if unit.notation == notation:
            return unit
    raise KeyError(notation)


@cache
def metrics() -> tuple[Metric, ...]:
    """Every metric concept with its top concept (the fallback family it belongs to)."""
    graph = ontology_graph()
    found = []
    for subject in graph.subjects(RDF.type, NKG.Metric):
        if not isinstance(subject, URIRef):
            continue
        top = subject
        for _ in range(10):
            broader = graph.value(top, SKOS.broader)
            if not isinstance(broader, URIRef):
                break
            top = broader
        label = _first(graph, subject, SKOS.prefLabel) or str(subject)
        triggers = tuple(t.lower() for t in _strings(graph, subject, SKOS.hiddenLabel))
        found.append(Metric(str(subject), label, str(top), triggers))
    return tuple(sorted(found, key=lambda metric: metric.iri))


def metric_iri(name: str) -> str:
    """The IRI of the metric concept with local name ``name``."""
    return str(METRIC[name])


def _entries(kinds: dict[URIRef, str]) -> Iterable[GazetteerEntry]:
    graph = reference_graph()
    for cls, kind in kinds.items():
        for subject in graph.subjects(RDF.type, cls):
            if not isinstance(subject, URIRef):
                continue
            within = graph.value(subject, SDO.containedInPlace)
            same_as = tuple(
                sorted(
                    str(o)
                    for o in graph.objects(subject, SKOS.exactMatch)
                    if str(o).startswith(WIKIDATA)
                )
            )
            yield GazetteerEntry(
                iri=str(subject),
                label=_first(graph, subject, SKOS.prefLabel) or "",
                alt_labels=tuple(_strings(graph, subject, SKOS.altLabel)),
                acronym=_first(graph, subject, NKG.acronym),
                kind=kind,
                within=str(within) if within is not None else None,
                country=_first(graph, subject, SDO.addressCountry),
                demonym=_first(graph, subject, REFV.demonym),
                same_as=same_as,
                hidden_labels=tuple(_strings(graph, subject, SKOS.hiddenLabel)),
            )


@cache
def gazetteer() -> tuple[GazetteerEntry, ...]:
    """Every known news agency, agency and place, sorted by IRI."""
    entries = _entries(
        {
            NKG.NewsAgency: "news",
            NKG.Agency: "agency",
            NKG.Country: "country",
            NKG.Province: "province",
            NKG.City: "city",
            NKG.Place: "region",
        }
    )
    return tuple(sorted(entries, key=lambda entry: (entry.iri, entry.kind)))


@cache
def demonyms() -> frozenset[str]:
    """The gazetteer's demonyms ("Iranian", "German"), singular only."""
    return frozenset(e.demonym for e in gazetteer() if e.demonym)


@cache
def gazetteer_by_iri() -> dict[str, GazetteerEntry]:
    """Gazetteer entries by IRI."""
    return {entry.iri: entry for entry in gazetteer()}


@cache
def titles() -> tuple[Title, ...]:
    """Known job titles, longest surface form first."""
    graph = reference_graph()
    found = []
    for subject in graph.subjects(SKOS.prefLabel, None):
        if not isinstance(subject, URIRef) or "/reference/title/" not in str(subject):
            continue
        label = _first(graph, subject, SKOS.prefLabel) or ""
        forms = (label, *_strings(graph, subject, SKOS.hiddenLabel))
        found.append(
            Title(
                label,
                forms,
                _first(graph, subject, REFV.organisationWord),
                _first(graph, subject, REFV.office) or "executive",
            )
        )
    return tuple(sorted(found, key=lambda title: -max(len(f) for f in title.forms)))


@cache
def title_modifiers() -> tuple[str, ...]:
    """Words that qualify a title ("deputy", "acting")."""
    graph = reference_graph()
    return tuple(sorted(str(o) for o in graph.objects(None, REFV.titleModifier)))


@cache
def national_indicators() -> tuple[str, ...]:
    """Words naming a statistic of a whole country ("unemployment rate", "inflation")."""
    graph = reference_graph()
    return tuple(sorted(str(o) for o in graph.objects(None, REFV.nationalIndicator)))


@cache
def data_office_words() -> frozenset[str]:
    """Words in the name of a body that collects a country's data ("statistics", "customs")."""
    graph = reference_graph()
    return frozenset(str(o) for o in graph.objects(None, REFV.dataOfficeWord))


@cache
def trade_body_words() -> frozenset[str]:
    """Words in the name of an industry's trade body ("association", "syndicate")."""
    graph = reference_graph()
    return frozenset(str(o) for o in graph.objects(None, REFV.tradeBodyWord))


def alternation(forms: Iterable[str]) -> str:
    """A regex alternation of literal ``forms``, longest first so that the longest form wins."""
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


@cache
def units_by_iri() -> dict[str, Unit]:
    """Units by IRI."""
    return {unit.iri: unit for unit in units()}
