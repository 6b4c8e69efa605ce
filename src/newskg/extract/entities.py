"""Finding every entity of an article, in the order the finders depend on each other.

Names with the strongest evidence come first (gazetteers, acronym definitions, organisation
words, places), then people with titles (whose posts name more bodies), then names the sentence
treats as companies (which must not be people's surnames), then untitled speakers, then every
later mention of what is known, and last the references that need the whole picture: "the
firm", "its chief executive", the article's main agency and country.
"""

from __future__ import annotations

import re

from newskg.extract.organisations import (
    find_companies,
    find_generic_references,
    find_known_names,
    find_named_bodies,
    name_provincial_bodies,
)
from newskg.extract.people import (
    find_person_references,
    find_second_posts,
    find_second_posts_of_posts,
    find_speakers,
    find_titled_people,
    find_unnamed_roles,
    honorific_names,
    link_unnamed_roles,
    settle_role_agencies,
)
from newskg.extract.places import (
    find_actors,
    find_group_references,
    find_places,
    find_population_acronyms,
    find_populations,
    main_country,
)
from newskg.extract.programs import find_programs
from newskg.extract.records import PlaceMention, PopulationMention, Sentence
from newskg.extract.table import EntityTable


def find_entities(
    text: str, sentences: tuple[Sentence, ...], *, headline: str | None = None
) -> EntityTable:
    """Every entity of the article, with occurrences, roles and in-article coreference."""
    table = EntityTable(text)
    for sentence in sentences:
        find_named_bodies(table, sentence)
    for sentence in sentences:
        find_places(table, sentence)
        find_population_acronyms(table, sentence)
    name_provincial_bodies(table)
    for sentence in sentences:
        find_titled_people(table, sentence)
    honorifics = honorific_names(text)
    for sentence in sentences:
        find_companies(table, sentence, honorifics=honorifics)
    for sentence in sentences:
        find_speakers(table, sentence)
    for sentence in sentences:
        find_known_names(table, sentence)
        find_person_references(table, sentence)
        find_second_posts(table, sentence)
    table.country = main_country(table)
    table.main_agency = main_agency(table, headline)
    for sentence in sentences:
        find_unnamed_roles(table, sentence)
        find_populations(table, sentence)
        find_actors(table, sentence)
        find_group_references(table, sentence)
        find_programs(table, sentence)
        find_generic_references(table, sentence)
    if link_unnamed_roles(table):
        for sentence in sentences:
            # a ministry first named by an unnamed post ("a deputy industry minister") exists
            # only now: "the ministry" after it is read again
            find_generic_references(table, sentence)
    find_second_posts_of_posts(table, sentences)
    settle_role_agencies(table)
    table.occurrences.sort(key=lambda o: o.start)
    return table


def main_agency(table: EntityTable, headline: str | None) -> str | None:
    """The organisation the article is about: named most, with extra weight for the lead
    sentence and the headline; news agencies and governments do not count."""
    scores: dict[str, int] = {}
    for occurrence in table.occurrences:
        if occurrence.kind != "agency" or occurrence.generic:
            continue
        agency = table.agency_by_ref(occurrence.ref)
        if agency.news or agency.government_of:
            continue
        bonus = 2 if occurrence.sentence == 0 else 0
        scores[agency.ref] = scores.get(agency.ref, 0) + 1 + bonus
    for ref in scores:
        names = table.agency_by_ref(ref).names
        if headline and any(re.search(rf"\b{re.escape(n)}\b", headline) for n in names):
            scores[ref] += 2
    return max(scores, key=lambda ref: (scores[ref], -int(ref.split(":")[1]))) if scores else None


def finish_places(table: EntityTable) -> tuple[PlaceMention, ...]:
    """The places as records."""
    return tuple(table.places.values())


def finish_populations(table: EntityTable) -> tuple[PopulationMention, ...]:
    """The populations as records (one per ref)."""
    seen: dict[str, PopulationMention] = {}
    for population in table.populations.values():
        seen.setdefault(population.ref, population)
    return tuple(seen.values())
