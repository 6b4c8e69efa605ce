"""The entity table of one article: every agency, person, place, population and program it names,
and every occurrence of them, with the in-article unification of their names.

The finders (``organisations``, ``people``, ``places``, ``programs``) write into it; later stages
read the occurrences to find a figure's subject and speaker.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from newskg.extract import vocab
from newskg.extract.names import initials_of, person_key, person_parts, same_agency_name
from newskg.extract.records import (
    AgencyMention,
    PersonMention,
    PlaceMention,
    PopulationMention,
    ProgramMention,
    RoleMention,
    Sentence,
)


@dataclass
class Occurrence:
    """Where the article names (or refers to) an entity; offsets are into the article text."""

    kind: str
    """``agency``, ``person``, ``place``, ``population``, ``program`` or ``role``."""
    ref: str
    sentence: int
    start: int
    end: int
    text: str
    generic: bool = False
    """True for "the ministry", "the official", "he": a reference, not a name."""


@dataclass
class AgencyRecord:
    """An agency while the article is read; ``names`` holds every name seen, label first."""

    ref: str
    label: str
    names: list[str] = field(default_factory=list)
    acronym: str | None = None
    news: bool = False
    reference: str | None = None
    same_as: tuple[str, ...] = ()
    parent: str | None = None
    sentences: list[int] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    """Nouns the article describes it with ("bank", "insurer"): "the insurer" refers to it."""
    government_of: str | None = None
    """Label of the place when the agency is that place's government."""


@dataclass
class PersonRecord:
    """A person while the article is read."""

    ref: str
    name: str
    names: list[str] = field(default_factory=list)
    roles: list[RoleMention] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)


@dataclass
class UnnamedRole:
    """A post mentioned without a name ("ISIPO head", "a deputy with ISIPO", "the official")."""

    agency: str | None
    title: str
    label: str
    sentence: int
    start: int
    end: int
    person: str | None = None
    ministry: str | None = None
    """The ministry the post implies when the article never names it ("a deputy industry
    minister"): made an agency only when the post is given to a person named after it."""
    described: str | None = None
    """A body written in lower case ("the province's industrial parks company"), found by its
    words among the bodies the article names, once it is read."""


@dataclass
class EntityTable:
    """The entities of one article and every occurrence of them."""

    text: str
    agencies: list[AgencyRecord] = field(default_factory=list)
    people: list[PersonRecord] = field(default_factory=list)
    places: dict[str, PlaceMention] = field(default_factory=dict)
    populations: dict[str, PopulationMention] = field(default_factory=dict)
    programs: list[ProgramMention] = field(default_factory=list)
    occurrences: list[Occurrence] = field(default_factory=list)
    unnamed_roles: list[UnnamedRole] = field(default_factory=list)
    country: str | None = None
    """``ref`` of the article's main country ("the country's ..." refers to it)."""
    main_agency: str | None = None
    """``ref`` of the organisation the article is mostly about ("the firm" refers to it)."""

    # -- agencies
    def agency(
        self,
        name: str,
        *,
        acronym: str | None = None,
        news: bool = False,
        reference: str | None = None,
    ) -> AgencyRecord:
        """The agency called ``name`` (new or already known under an equal name)."""
        name = clean_name(name)
        known = self._matching_agency(name, acronym, reference)
        if known is None:
            known = AgencyRecord(f"agency:{len(self.agencies)}", name, [], acronym, news, reference)
            self.agencies.append(known)
        _add_name(known, name)
        if acronym:
            known.acronym = known.acronym or acronym
            _add_name(known, acronym)
        known.news = known.news or news
        known.reference = known.reference or reference
        return known

    def _matching_agency(
        self, name: str, acronym: str | None, reference: str | None
    ) -> AgencyRecord | None:
        for agency in self.agencies:
            if (
                (reference and agency.reference == reference)
                or (acronym and agency.acronym == acronym)
                or any(same_agency_name(name, known) for known in agency.names)
                # "British Airways ... BA": a name shortened to its initials in the same article
                or initials_of(name, agency.label)
                or initials_of(agency.label, name)
            ):
                return agency
        return None

    def find_agency(self, name: str) -> AgencyRecord | None:
        """The known agency one of whose names is ``name`` (or the same body)."""
        name = clean_name(name)
        for agency in self.agencies:
            if name == agency.acronym or any(same_agency_name(name, n) for n in agency.names):
                return agency
        return None

    def add_agency_name(self, ref: str, name: str) -> None:
        """Give the agency ``ref`` another name (the longest full name becomes its label)."""
        _add_name(self.agency_by_ref(ref), clean_name(name))

    def agency_by_ref(self, ref: str) -> AgencyRecord:
        """The agency with local ``ref``."""
        return next(a for a in self.agencies if a.ref == ref)

    def government(self, place_label: str) -> str:
        """The ``ref`` of the government of the place labelled ``place_label`` (an agency that
        state offices belong to: "President X", "New York attorney general X")."""
        for agency in self.agencies:
            if agency.government_of == place_label:
                return agency.ref
        agency = AgencyRecord(f"agency:{len(self.agencies)}", place_label, [place_label])
        agency.government_of = place_label
        self.agencies.append(agency)
        return agency.ref

    def is_news(self, ref: str) -> bool:
        """True when ``ref`` is a news agency."""
        return ref.startswith("agency:") and self.agency_by_ref(ref).news

    # -- people
    def person(self, name: str) -> PersonRecord:
        """The person called ``name`` (new, or known under the same key)."""
        name = clean_name(name)
        key = person_key(name)
        for person in self.people:
            if any(person_key(n) == key for n in person.names):
                if name not in person.names:
                    person.names.append(name)
                return person
        fuller = self._fuller_person(name)
        if fuller is not None:
            return fuller
        person = PersonRecord(f"person:{len(self.people)}", name, [name])
        self.people.append(person)
        return person

    def _fuller_person(self, name: str) -> PersonRecord | None:
        """The one person of the article whose fuller name has ``name`` as a later part
        ("Lula" of "Luiz Inacio Lula da Silva"); None for several (two people may share a
        surname) or for a name of more than one word."""
        parts = person_parts(name)
        if len(parts) != 1:
            return None
        found = [
            p
            for p in self.people
            if any(parts[0] in person_parts(n)[1:] for n in p.names if len(person_parts(n)) > 1)
        ]
        return found[0] if len(found) == 1 else None

    def person_by_ref(self, ref: str) -> PersonRecord:
        """The person with local ``ref``."""
        return next(p for p in self.people if p.ref == ref)

    def surnames(self) -> set[str]:
        """Last names of the people known so far ("Mittal" is no company name)."""
        return {n.split()[-1] for p in self.people for n in p.names}

    # -- occurrences
    def add(self, occurrence: Occurrence) -> bool:
        """Record an occurrence unless one overlapping it is already there."""
        for known in self.occurrences:
            if known.start < occurrence.end and occurrence.start < known.end:
                return False
        self.occurrences.append(occurrence)
        return True

    def mark_names(
        self, kind: str, forms: Mapping[str, AgencyRecord | PersonRecord], sentence: Sentence
    ) -> None:
        """Record each place ``sentence`` writes one of ``forms`` (longest first) as an
        occurrence of the entity it names."""
        if not forms:
            return
        pattern = re.compile(rf"(?<![\w-])(?:{vocab.alternation(forms)})(?![\w-])")
        for match in pattern.finditer(sentence.text):
            entity = forms[match.group(0)]
            start = sentence.start + match.start()
            end = start + len(match.group(0))
            if self.add(Occurrence(kind, entity.ref, sentence.index, start, end, match.group(0))):
                entity.sentences.append(sentence.index)

    def covered(self, start: int, end: int, *kinds: str) -> bool:
        """True when an occurrence (of one of ``kinds``, any when none) overlaps the span."""
        return any(
            o.start < end and start < o.end and (not kinds or o.kind in kinds)
            for o in self.occurrences
        )

    def in_sentence(self, index: int, *kinds: str) -> list[Occurrence]:
        """The occurrences of sentence ``index`` (of ``kinds``), in text order."""
        return sorted(
            (o for o in self.occurrences if o.sentence == index and o.kind in kinds),
            key=lambda o: o.start,
        )

    # -- results
    def finish(self) -> tuple[tuple[AgencyMention, ...], tuple[PersonMention, ...]]:
        """The agencies and people as immutable records."""
        agencies = tuple(
            AgencyMention(
                ref=a.ref,
                label=a.label,
                alt_labels=tuple(n for n in a.names if n not in (a.label, a.acronym)),
                acronym=a.acronym,
                news_agency=a.news,
                parent=a.parent,
                reference=a.reference,
                same_as=a.same_as,
                sentences=tuple(sorted(set(a.sentences))),
            )
            for a in self.agencies
        )
        people = tuple(_person_mention(p) for p in self.people)
        return agencies, people


def _add_name(agency: AgencyRecord, name: str) -> None:
    """Add ``name`` to the agency's names; the longest full name (no acronym) is its label."""
    if name not in agency.names:
        agency.names.append(name)
    # A gazetteer entry keeps its preferred label; otherwise the longest full name wins.
    if (
        agency.reference is None
        and name != agency.acronym
        and (agency.label == agency.acronym or len(name) > len(agency.label))
    ):
        agency.label = name


def _person_mention(person: PersonRecord) -> PersonMention:
    """The record of a person: the fullest name is the name, the others aliases."""
    name = max(person.names, key=lambda n: (len(person_parts(n)), len(n)))
    return PersonMention(
        ref=person.ref,
        name=name,
        alt_labels=tuple(n for n in person.names if n != name),
        roles=tuple(_unique_roles(person.roles)),
        sentences=tuple(sorted(set(person.sentences))),
    )


def _unique_roles(roles: list[RoleMention]) -> list[RoleMention]:
    """One role per (agency, title); the one with a detail wins."""
    seen: dict[tuple[str | None, str], RoleMention] = {}
    for role in roles:
        key = (role.agency, role.title)
        if key not in seen or (role.detail and not seen[key].detail):
            seen[key] = role
    return list(seen.values())


def clean_name(name: str) -> str:
    """A name without surrounding spaces, punctuation and a leading article."""
    name = re.sub(r"\s+", " ", name).strip(" ,.’'")
    return re.sub(r"^(?:the|The)\s+", "", name)
