"""The resolve stage: one IRI per real agency and person across articles.

Agencies are the same when they share an acronym, or when their names are the same body by
``names.same_body`` (equal normalised keys, or one portfolio part of the other: "Industry
Ministry" and "Ministry of Industry, Mine and Trade"). People are the same when their
transliteration keys are equal ("Ali Asqar Mosaheb" = "Ali-Asghar Mosaheb"), or when one name
omits given names of the other *and* both hold a post in the same agency. Two people who share a
surname but differ in a given name are never merged. IRIs are deterministic (people: the slug of
the first-seen spelling; agencies: the acronym, else the name) unless the ``EntityIndex`` already
knows the thing under another key, whose IRI is then reused; a person keeps the name first seen
and every later spelling becomes an alias.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rdflib import Literal, URIRef

from newskg.extract import Extraction
from newskg.extract.names import (
    partial_name_of,
    person_key,
    person_parts,
    same_body,
    surname_key,
)
from newskg.iris import IriScheme, slug
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
from newskg.store.base import Term


@dataclass
class _KnownAgency:
    iri: str
    labels: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)


@dataclass
class _KnownPerson:
    iri: str
    names: set[str] = field(default_factory=set)
    agencies: set[str] = field(default_factory=set)
    display: str | None = None
    """The name first seen (``schema:name``); later spellings are aliases."""


class EntityIndex:
    """The agencies and people already in the store (or resolved earlier in a batch)."""

    def __init__(self) -> None:
        self._agencies: dict[str, _KnownAgency] = {}
        self._people: dict[str, _KnownPerson] = {}
        # lookups by key, so that resolving a person does not scan everyone known
        self._by_full_key: dict[str, str] = {}
        self._by_surname: dict[str, set[str]] = {}

    @classmethod
    def empty(cls) -> EntityIndex:
        """An index that knows nothing."""
        return cls()

    @classmethod
    def from_rows(cls, rows: list[dict[str, Term]]) -> EntityIndex:
        """An index from the rows of queries/internal/entity-index.rq."""
        index = cls()
        for row in rows:
            entity, kind, label = row.get("entity"), row.get("kind"), row.get("label")
            if not isinstance(entity, URIRef) or not isinstance(kind, Literal):
                continue
            iri = str(entity)
            if str(kind) == "agency":
                agency = index._agencies.setdefault(iri, _KnownAgency(iri))
                if isinstance(label, Literal):
                    agency.labels.add(str(label))
                acronym = row.get("acronym")
                if isinstance(acronym, Literal):
                    agency.acronyms.add(str(acronym))
            elif str(kind) == "person":
                person = index._people.setdefault(iri, _KnownPerson(iri))
                if isinstance(label, Literal):
                    person.names.add(str(label))
                display = row.get("display")
                if isinstance(display, Literal) and (
                    person.display is None or str(display) < person.display
                ):
                    person.display = str(display)
                org = row.get("org")
                if isinstance(org, URIRef):
                    person.agencies.add(str(org))
        for person in index._people.values():
            index._index_person(person)
        return index

    def _index_person(self, person: _KnownPerson) -> None:
        # Only the fullest name merges unconditionally: a shorter alias ("Asghar X") was merged
        # within one agency and must not pull in a namesake from another.
        fullest = max(sorted(person.names), key=lambda n: len(person_parts(n)), default="")
        if fullest:
            self._by_full_key.setdefault(person_key(fullest), person.iri)
        for name in person.names:
            self._by_surname.setdefault(surname_key(name), set()).add(person.iri)

    def add(self, resolved: ResolvedArticle) -> None:
        """Remember the agencies and people of a resolved article."""
        for agency in resolved.agencies:
            known = self._agencies.setdefault(agency.iri, _KnownAgency(agency.iri))
            known.labels.update((agency.label, *agency.alt_labels))
            if agency.acronym:
                known.acronyms.add(agency.acronym)
        for person in resolved.people:
            known_person = self._people.setdefault(person.iri, _KnownPerson(person.iri))
            known_person.names.update((person.name, *person.alt_labels))
            known_person.display = known_person.display or person.name
            known_person.agencies.update(
                r.agency for r in resolved.roles if r.person == person.iri and r.agency
            )
            self._index_person(known_person)

    def find_agency(self, labels: tuple[str, ...], acronym: str | None) -> str | None:
        """The IRI of a known agency with this acronym or one of these names."""
        for known in self._agencies.values():
            if acronym and acronym in known.acronyms:
                return known.iri
        for known in self._agencies.values():
            if any(
                same_body(label, other)
                for label in labels
                for other in known.labels
                if other not in known.acronyms
            ):
                return known.iri
        return None

    def find_person(self, names: tuple[str, ...], agencies: set[str]) -> str | None:
        """The IRI of a known person with the same name key, or a fuller or shorter name of
        someone holding a post in one of the same ``agencies``."""
        keys = {person_key(n) for n in names}
        for key in sorted(keys):
            if key in self._by_full_key:
                return self._by_full_key[key]
        candidates = set().union(*(self._by_surname.get(surname_key(n), set()) for n in names))
        for iri in sorted(candidates):
            known = self._people[iri]
            if not agencies & known.agencies:
                continue
            if keys & {person_key(n) for n in known.names} or any(
                partial_name_of(a, b) or partial_name_of(b, a) for a in names for b in known.names
            ):
                return known.iri
        return None

    def display_name(self, iri: str) -> str | None:
        """The name a known person was first seen under."""
        known = self._people.get(iri)
        return known.display if known else None


def resolve(extraction: Extraction, *, iris: IriScheme, known: EntityIndex) -> ResolvedArticle:
    """Give every extracted thing its IRI; reuse the IRIs the index knows."""
    article = extraction.article
    refs: dict[str, str] = {}
    for mention in extraction.agencies:
        labels = (mention.label, *mention.alt_labels)
        iri = known.find_agency(labels, mention.acronym) or iris.mint(
            "agency", slug(mention.acronym or mention.label)
        )
        refs[mention.ref] = iri
    agencies = _merged_agencies(
        Agency(
            iri=refs[mention.ref],
            label=mention.label,
            alt_labels=tuple(dict.fromkeys(mention.alt_labels)),
            # an acronym is one token (shapes/): "ABN AMRO" in capitals is a name, not an acronym
            acronym=mention.acronym if mention.acronym and " " not in mention.acronym else None,
            news_agency=mention.news_agency,
            parent=refs.get(mention.parent) if mention.parent else None,
        )
        for mention in extraction.agencies
    )
    people: list[Person] = []
    roles: list[Role] = []
    for person_mention in extraction.people:
        role_agencies = {refs[r.agency] for r in person_mention.roles if r.agency in refs}
        names = (person_mention.name, *person_mention.alt_labels)
        found = known.find_person(names, role_agencies)
        iri = found or iris.mint("person", slug(person_mention.name))
        refs[person_mention.ref] = iri
        people.append(_person(iri, names, known.display_name(iri) if found else None))
        for role in person_mention.roles:
            roles.append(
                Role(
                    iri=iris.role(article.key, len(roles)),
                    person=iri,
                    agency=refs.get(role.agency) if role.agency else None,
                    title=role.title,
                    label=role.label,
                    detail=role.detail,
                )
            )
    places = []
    for place in extraction.places:
        key = place.reference.rsplit("/", 1)[-1] if place.reference else slug(place.label)
        refs[place.ref] = iris.mint("place", key)
    for place in extraction.places:
        places.append(
            Place(
                refs[place.ref],
                place.label,
                place.kind,
                refs.get(place.within) if place.within else None,
            )
        )
    populations = []
    for population in extraction.populations:
        refs[population.ref] = iris.mint("population", slug(population.label))
        populations.append(Population(refs[population.ref], population.label))
    programs = []
    for program in extraction.programs:
        refs[program.ref] = iris.mint("program", slug(program.label))
        programs.append(
            Program(
                refs[program.ref],
                program.label,
                refs.get(program.run_by) if program.run_by else None,
            )
        )
    # Links between figures (part of, revision of, progress toward) may only name figures that
    # are kept: a link to a dropped one would dangle, and the shapes reject the article.
    kept = [
        o
        for o in extraction.observations
        if o.subject in refs and (o.value_max is None or o.value_max > o.value)
    ]
    observation_iris = {o.index: iris.observation(article.key, o.index) for o in kept}
    observations = tuple(
        Observation(
            iri=observation_iris[o.index],
            metric=o.metric,
            value=o.value,
            unit=o.unit,
            status=o.status,
            subject=refs[o.subject],
            evidence=o.evidence,
            metric_label=o.metric_label,
            approximate=o.approximate,
            value_max=o.value_max,
            period_start=o.period_start,
            period_end=o.period_end,
            period_label=o.period_label,
            stated_by=refs.get(o.stated_by) if o.stated_by else None,
            reported_by=refs.get(o.reported_by) if o.reported_by else None,
            program=refs.get(o.program) if o.program else None,
            place=refs.get(o.place) if o.place else None,
            part_of=observation_iris.get(o.part_of) if o.part_of is not None else None,
            revision_of=observation_iris.get(o.revision_of) if o.revision_of is not None else None,
            progress_toward=observation_iris.get(o.progress_toward)
            if o.progress_toward is not None
            else None,
            equivalents=tuple(Amount(e.value, e.unit, e.approximate) for e in o.equivalents),
            sentence=o.sentence,
        )
        for o in kept
    )
    # the outlet the extraction recognised in the publisher field or a credit line comes first:
    # "IRNA English" is IRNA
    publisher = refs.get(extraction.publisher) if extraction.publisher else None
    if publisher is None and article.publisher:
        publisher = known.find_agency((article.publisher,), None) or next(
            (a.iri for a in agencies if same_body(article.publisher, a.label)), None
        )
        publisher = publisher or iris.mint("agency", slug(article.publisher))
        if all(a.iri != publisher for a in agencies):
            # the article's graph must type its own publisher (validated on its own)
            agencies.append(Agency(publisher, article.publisher, news_agency=True))
    return ResolvedArticle(
        iri=iris.article(article.key),
        article=article,
        publisher=publisher,
        reported_by=tuple(refs[r] for r in extraction.reported_by if r in refs),
        agencies=tuple(agencies),
        people=tuple(people),
        roles=tuple(roles),
        programs=tuple(programs),
        places=tuple(places),
        populations=tuple(populations),
        observations=observations,
    )


def _merged_agencies(found: Iterable[Agency]) -> list[Agency]:
    """One record per IRI: two names of one body in an article become its labels and aliases."""
    by_iri: dict[str, Agency] = {}
    for agency in found:
        first = by_iri.get(agency.iri)
        if first is None:
            by_iri[agency.iri] = agency
            continue
        names = (first.label, *first.alt_labels, agency.label, *agency.alt_labels)
        # a full name is a better label than an acronym
        label = next((n for n in names if not n.isupper()), first.label)
        by_iri[agency.iri] = replace(
            first,
            label=label,
            alt_labels=tuple(a for a in dict.fromkeys(names) if a != label),
            acronym=first.acronym or agency.acronym,
            news_agency=first.news_agency or agency.news_agency,
            parent=first.parent or agency.parent,
        )
    return [replace(a, parent=None) if a.parent == a.iri else a for a in by_iri.values()]


def _person(iri: str, names: tuple[str, ...], display: str | None) -> Person:
    """A person under the name first seen; this article's other spellings become aliases."""
    name = display or names[0]
    aliases = tuple(n for n in dict.fromkeys(names) if n != name)
    return Person(iri, name, aliases)
