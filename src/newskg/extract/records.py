"""The records the extract stage produces: an ``Extraction`` of one article.

Entities are already unified within the article (an acronym and its full name, a bare surname and
the full name, "the official" and the person it refers to are one record); ``resolve`` only has to
find them across articles. Records refer to each other by their local ``ref`` ("agency:2").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from newskg.model import Article, Status


@dataclass(frozen=True)
class Sentence:
    """One sentence: its index in the article, its character span and its text."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class AgencyMention:
    """An agency as the article knows it, with every name it uses for it."""

    ref: str
    label: str
    """The fullest name seen ("Iran Small Industries ... Organization")."""
    alt_labels: tuple[str, ...] = ()
    acronym: str | None = None
    news_agency: bool = False
    parent: str | None = None
    """``ref`` of the agency it belongs to."""
    reference: str | None = None
    """IRI of the gazetteer entry it was recognised from, if any."""
    same_as: tuple[str, ...] = ()
    """Wikidata IRIs known for certain (from the gazetteer)."""
    sentences: tuple[int, ...] = ()


@dataclass(frozen=True)
class RoleMention:
    """The article's claim that a person holds a post."""

    agency: str | None
    """``ref`` of the agency, when the article names it."""
    title: str
    """Normalised title ("deputy head")."""
    label: str
    """As written ("ISIPO Deputy Head")."""
    detail: str | None = None
    sentence: int = 0
    second: bool = False
    """Added by a relative clause ("X, who also heads the UDRC,"): X holds another post too."""


@dataclass(frozen=True)
class PersonMention:
    """A named person, with the spellings the article uses and the roles it gives them."""

    ref: str
    name: str
    alt_labels: tuple[str, ...] = ()
    roles: tuple[RoleMention, ...] = ()
    sentences: tuple[int, ...] = ()


@dataclass(frozen=True)
class PlaceMention:
    """A country, province, city or region named (or implied) by the article."""

    ref: str
    label: str
    kind: str | None = None
    within: str | None = None
    """``ref`` of the containing place."""
    reference: str | None = None
    same_as: tuple[str, ...] = ()


@dataclass(frozen=True)
class PopulationMention:
    """A group a figure is about that is no agency ("the SMEs", "production units")."""

    ref: str
    label: str
    place: str | None = None


@dataclass(frozen=True)
class ProgramMention:
    """A program, plan or motto the article names."""

    ref: str
    label: str
    run_by: str | None = None
    sentence: int = 0


@dataclass(frozen=True)
class AmountMention:
    """A converted equivalent of a figure ("about $357 million")."""

    value: Decimal
    unit: str
    approximate: bool = False


@dataclass(frozen=True)
class ObservationMention:
    """One reported figure with everything the article says about it."""

    index: int
    value: Decimal
    unit: str
    """IRI of the unit."""
    status: Status
    metric: str
    """IRI of the metric concept."""
    subject: str
    """``ref`` of the agency, place, population or program the figure is about."""
    sentence: int
    evidence: str
    start: int
    """Character offset of the figure in the article text."""
    metric_label: str | None = None
    approximate: bool = False
    value_max: Decimal | None = None
    period_start: date | None = None
    period_end: date | None = None
    period_label: str | None = None
    stated_by: str | None = None
    """``ref`` of the person or agency that said it."""
    shifted: bool = False
    """Its period is another one moved back ("$375m a year before"): no anchor for later ones."""
    reported_by: str | None = None
    """``ref`` of the news agency that carried it."""
    program: str | None = None
    place: str | None = None
    part_of: int | None = None
    """``index`` of the observation this one is part of."""
    revision_of: int | None = None
    progress_toward: int | None = None
    equivalents: tuple[AmountMention, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    agencies: tuple[AgencyMention, ...] = ()
    people: tuple[PersonMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    populations: tuple[PopulationMention, ...] = ()
    programs: tuple[ProgramMention, ...] = ()
    observations: tuple[ObservationMention, ...] = ()
    reported_by: tuple[str, ...] = ()
    """``ref`` of each news agency the article credits, in order of first credit."""
    publisher: str | None = None
    """``ref`` of the publishing agency when the article's text or metadata names it."""
