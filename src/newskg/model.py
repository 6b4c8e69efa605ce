"""The records that flow between pipeline stages.

``Article`` enters the pipeline (from a file or the API); ``resolve`` turns the extraction of an
article into a ``ResolvedArticle`` whose every thing already has its IRI; ``mapping`` turns that
into RDF. Values are plain Python (``str`` IRIs, ``Decimal``, ``date``), never RDF terms, so that
these stages do not depend on an RDF library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from newskg.iris import digest

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Article:
    """One news article as read from a file or request, before any extraction."""

    text: str
    url: str | None = None
    headline: str | None = None
    date_published: date | None = None
    publisher: str | None = None
    identifier: str | None = None
    source: str | None = None
    """Where it came from (a file path, ``api``); informative only, never part of its identity."""

    @property
    def key(self) -> str:
        """Stable identity: the URL, else the explicit identifier, else the normalised text.

        Re-ingesting the same article therefore replaces its graph; a corrected text without a
        URL or identifier is a new article.
        """
        if self.url:
            return digest("url:" + self.url.strip())
        if self.identifier:
            return digest("id:" + self.identifier.strip())
        return digest("text:" + _SPACES.sub(" ", self.text).strip())


class Status(StrEnum):
    """What a figure says about the world; the values are the local names of nkg individuals."""

    TARGET = "Target"
    ACHIEVED = "Achieved"
    CURRENT = "Current"
    POTENTIAL = "Potential"


@dataclass(frozen=True)
class Agency:
    """A public body, company or organisation (or a news agency) as one article knows it."""

    iri: str
    label: str
    alt_labels: tuple[str, ...] = ()
    acronym: str | None = None
    news_agency: bool = False
    parent: str | None = None
    """IRI of the agency it belongs to (``org:subOrganizationOf``)."""
    same_as: tuple[str, ...] = ()
    """IRIs of the same agency in other graphs (Wikidata), from a reference gazetteer."""


@dataclass(frozen=True)
class Person:
    """A person named in an article; ``alt_labels`` holds the other spellings seen."""

    iri: str
    name: str
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """An article's claim that a person holds a post in an agency."""

    iri: str
    person: str
    agency: str | None
    title: str
    """Normalised title: "head", "deputy head", "deputy minister", "chief executive"."""
    label: str
    """The title as written ("ISIPO Deputy Head")."""
    detail: str | None = None
    """Portfolio when given ("small industries affairs")."""


@dataclass(frozen=True)
class Program:
    """A named program or plan."""

    iri: str
    label: str
    run_by: str | None = None


@dataclass(frozen=True)
class Place:
    """A country, province or city."""

    iri: str
    label: str
    kind: str | None = None
    """``country``, ``province`` or ``city`` when known."""
    within: str | None = None
    """IRI of the place that contains it, when the article says."""
    same_as: tuple[str, ...] = ()
    """IRIs of the same place in other graphs (Wikidata, GeoNames), from a reference gazetteer."""


@dataclass(frozen=True)
class Population:
    """What a figure is about when it is no agency: "the SMEs", "the country's production units"."""

    iri: str
    label: str
    place: str | None = None


@dataclass(frozen=True)
class Amount:
    """A value with its unit; used for a figure's converted equivalent ("about $357 million")."""

    value: Decimal
    unit: str
    approximate: bool = False


@dataclass(frozen=True)
class Observation:
    """One reported figure, with everything the data contract asks of an ``nkg:Observation``."""

    iri: str
    metric: str
    """IRI of an nkg:Metric concept from ontology/metrics.ttl."""
    value: Decimal
    unit: str
    """IRI of a unit from ontology/units.ttl."""
    status: Status
    subject: str
    """IRI of the agency, program, place or population the figure is about."""
    evidence: str
    """The sentence the figure came from, verbatim."""
    metric_label: str | None = None
    """The counted thing as written ("idle production units")."""
    approximate: bool = False
    value_max: Decimal | None = None
    """Upper end of a range ("between 5 and 7 percent"); ``value`` is then the lower end."""
    period_start: date | None = None
    period_end: date | None = None
    period_label: str | None = None
    stated_by: str | None = None
    reported_by: str | None = None
    program: str | None = None
    place: str | None = None
    part_of: str | None = None
    """IRI of the observation this one is a part of ("2,000 units, of which 1,400 SMEs")."""
    revision_of: str | None = None
    """IRI of the earlier target this one revises."""
    progress_toward: str | None = None
    """IRI of the target (same article) that this achieved figure measures progress toward."""
    equivalents: tuple[Amount, ...] = ()
    sentence: int | None = None
    """Index of the evidence sentence in the article."""


@dataclass(frozen=True)
class ResolvedArticle:
    """An article and everything extracted from it, each thing with its final IRI."""

    iri: str
    article: Article
    publisher: str | None = None
    """IRI of the publishing agency, when the article's metadata names one."""
    reported_by: tuple[str, ...] = ()
    """IRIs of the news agencies the article credits ("IRNA reported")."""
    agencies: tuple[Agency, ...] = ()
    people: tuple[Person, ...] = ()
    roles: tuple[Role, ...] = ()
    programs: tuple[Program, ...] = ()
    places: tuple[Place, ...] = ()
    populations: tuple[Population, ...] = ()
    observations: tuple[Observation, ...] = ()
