"""Places (gazetteer countries, provinces, cities, regions, and demonyms used as subjects:
"German unemployment", "5.2 million Germans") and populations (groups a figure is about that are
no agency: "the SMEs", "the country's production units")."""

from __future__ import annotations

import re
from functools import cache

from newskg.extract import vocab
from newskg.extract.names import acronym_fits
from newskg.extract.records import PlaceMention, PopulationMention, Sentence
from newskg.extract.table import EntityTable, Occurrence

_PLACE_KINDS = ("country", "province", "city", "region")
_COUNTRY_NOUNS = (
    r"economy|government|unemployment|exports|imports|GDP|inflation|growth|trade|budget|jobless"
    r"|output|companies|firms|banks|manufacturers|industry|consumers|households|workers"
    r"|administration|treasury|central\s+bank"
)
_POPULATION_HEADS = (
    r"SMEs|SME|enterprises|units|companies|firms|factories|businesses|producers|exporters"
    r"|importers|households|farmers|workers|startups|start-ups|industries|manufacturers|banks"
    r"|automakers|carmakers|steelmakers|insurers"
)
_POPULATION = re.compile(
    r"(?:\b(?:the|its|their|our|all|many|most|some|that|and|of|for|as|by)\s+"
    r"|\b(?:country|nation)['’]s\s+)"
    r"(?:(?:country|nation)['’]s\s+)?(?P<label>(?:(?!(?:of|an?|that|the|in|to|for|with|on|by"
    r"|from|is|are|was|were|this|these|those|which|who|all|its|their)\b|[a-z]+ing\b)"
    rf"[a-z][a-z-]+\s+(?:and\s+)?){{0,3}}(?P<head>{_POPULATION_HEADS}))\b"
    # "deputy head for small industries affairs" names a portfolio, not a group
    r"(?!\s+affairs\b)"
)


@cache
def _places() -> tuple[re.Pattern[str], dict[str, vocab.GazetteerEntry]]:
    by_form: dict[str, vocab.GazetteerEntry] = {}
    for entry in vocab.gazetteer():
        if entry.kind in _PLACE_KINDS:
            for form in entry.surface_forms:
                by_form.setdefault(form, entry)
    return re.compile(rf"(?<![\w-])(?:{vocab.alternation(by_form)})(?![\w-])"), by_form


@cache
def _demonyms() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, vocab.GazetteerEntry]]:
    by_demonym = {e.demonym: e for e in vocab.gazetteer() if e.demonym}
    names = vocab.alternation(by_demonym)
    before_noun = re.compile(rf"\b(?P<dem>{names})\s+(?:{_COUNTRY_NOUNS})\b")
    plural = re.compile(rf"\b(?P<dem>{names})s\b")
    return before_noun, plural, by_demonym


@cache
def _demonym_votes() -> re.Pattern[str]:
    """Any demonym, and whether a national calendar's "year" follows it ("Iranian year")."""
    names = vocab.alternation(_demonyms()[2])
    return re.compile(rf"\b(?P<dem>{names})\b(?P<year>\s+(?:calendar\s+)?year)?")


def place_entry(form: str) -> vocab.GazetteerEntry | None:
    """The gazetteer place written ``form`` ("Britain" -> United Kingdom), if any."""
    return _places()[1].get(form)


def find_places(table: EntityTable, sentence: Sentence) -> None:
    """Gazetteer places, and demonyms that stand for their country."""
    pattern, by_form = _places()
    for match in pattern.finditer(sentence.text):
        start = sentence.start + match.start()
        entry = by_form[match.group(0)]
        if table.covered(start, sentence.start + match.end(), "agency", "person"):
            if entry.kind == "province":
                # "Isfahan Province's Tourism Department" names the province the article is
                # about ("the province hosted"), though the name is the body's
                place_ref(table, entry)
            continue  # "Iran" inside "Iran Small Industries ... Organization"
        ref = place_ref(table, entry)
        table.add(
            Occurrence(
                "place", ref, sentence.index, start, sentence.start + match.end(), match.group(0)
            )
        )
    before_noun, plural, by_demonym = _demonyms()
    for match in (*before_noun.finditer(sentence.text), *plural.finditer(sentence.text)):
        start = sentence.start + match.start("dem")
        end = sentence.start + match.end()
        if table.covered(start, end):
            continue
        ref = place_ref(table, by_demonym[match.group("dem")])
        table.add(Occurrence("place", ref, sentence.index, start, end, match.group(0)))


def place_ref(table: EntityTable, entry: vocab.GazetteerEntry) -> str:
    """The local ``ref`` of a gazetteer place (added, with the places containing it)."""
    ref = f"place:{entry.iri.rsplit('/', 1)[-1]}"
    if ref not in table.places:
        parent = vocab.gazetteer_by_iri().get(entry.within or "")
        within = place_ref(table, parent) if parent is not None else None
        kind = entry.kind if entry.kind != "region" else None
        table.places[ref] = PlaceMention(ref, entry.label, kind, within, entry.iri, entry.same_as)
    return ref


def main_country(table: EntityTable) -> str | None:
    """The country the article mentions most (places, and agencies based there)."""
    counts: dict[str, int] = {}
    for occurrence in table.occurrences:
        if occurrence.kind == "place":
            country = _country_of(table, occurrence.ref)
            if country:
                counts[country] = counts.get(country, 0) + 1
    countries = {e.label: e for e in vocab.gazetteer() if e.kind == "country"}
    for agency in table.agencies:
        entry = vocab.gazetteer_by_iri().get(agency.reference or "")
        names = [entry.country] if entry and entry.country else []
        names += [w for w in countries if re.search(rf"\b{re.escape(w)}\b", agency.label)]
        for name in names:
            if name in countries:
                ref = place_ref(table, countries[name])
                counts[ref] = counts.get(ref, 0) + 1
    # "Iranian goods": a demonym that stands for no subject still says whose country the article
    # is about, and a national calendar ("the current Iranian year") most of all: a free-zone
    # report may name only the neighbours it trades with
    by_demonym = _demonyms()[2]
    for match in _demonym_votes().finditer(table.text):
        if not table.covered(match.start(), match.end("dem")):
            ref = place_ref(table, by_demonym[match.group("dem")])
            counts[ref] = counts.get(ref, 0) + (3 if match.group("year") else 1)
    if not counts:
        return None
    return max(counts, key=lambda ref: counts[ref])


def _country_of(table: EntityTable, ref: str) -> str | None:
    place: str | None = ref
    while place and table.places[place].kind != "country":
        place = table.places[place].within
    return place


# --------------------------------------------------------------------------- populations


def find_populations(table: EntityTable, sentence: Sentence) -> None:
    """Groups named as what a figure is about ("the SMEs", "production units")."""
    acronyms = {p.label: ref for ref, p in table.populations.items() if p.label.isupper()}
    for match in _POPULATION.finditer(sentence.text):
        label = match.group("label")
        head = match.group("head")
        if re.match(r"(?:mentioned|said|aforementioned|same|such)\b", label):
            continue  # "the mentioned units" refers back; it names no new group
        ref = None
        for acronym, known_ref in acronyms.items():
            if head.rstrip("s") == acronym.rstrip("s") and label.strip() == head:
                ref = table.populations[known_ref].ref
        start = sentence.start + match.start("label")
        ref = ref or _named_before(table, label, start) or population(table, label)
        table.add(
            Occurrence(
                "population", ref, sentence.index, start, sentence.start + match.end(), label
            )
        )


_DEFINITE = re.compile(r"\b(?:[Tt]he|these|those)\s+$")


def _named_before(table: EntityTable, label: str, start: int) -> str | None:
    """The group a definite bare head refers back to: "the companies" after "knowledge-based
    companies" is that group, not all companies."""
    if " " in label.strip() or not _DEFINITE.search(table.text, max(0, start - 8), start):
        return None
    fuller = [
        o
        for o in table.occurrences
        if o.kind == "population"
        and o.end <= start
        and table.populations[o.ref].label.split()[-1:] == [label.strip()]
        and " " in table.populations[o.ref].label
    ]
    return max(fuller, key=lambda o: o.start).ref if fuller else None


#: Heads that name a group only as the actor of a clause ("the private sector has invested",
#: "Iran's petrochemical industry produced", "Iranian airlines carried"): elsewhere "industry"
#: or "ports" is rarely a figure's owner, so they count only here. Investors are no such group:
#: what they pledge is the target of the program or park that gave them land, or the country's.
_ACTOR_HEADS = r"sector|industry|airlines|carriers|railways|ports|airports|refineries|operators"
#: The heads capitalised, as a sentence opens with them ("Banks have been told to pay").
_CAPITAL_HEADS = "|".join(h[0].upper() + h[1:] for h in _POPULATION_HEADS.split("|"))
#: A group that acts as the subject of a clause with no determiner ("Iranian banks paid",
#: "banks have so far paid", "the cooperative sector has"): a clause start, an optional
#: demonym, the group, an optional location ("ports on the Caspian Sea", "banks in the
#: province"), and a verb.
_ACTOR = re.compile(
    r"(?:^|(?<=[,;:–—]\s)|(?<=\bthat\s)|(?<=\bsaid\s)|(?<=\bsays\s))(?:[Tt]he\s+)?"
    # no verb of saying among the modifiers: "He said banks" starts at "banks"
    rf"(?P<label>(?P<demonym>[A-Z][a-z]+(?:['’]s)?\s+)?(?:(?!(?:said|says|that)\b)[a-z][a-z-]+\s+){{0,2}}?"
    rf"(?P<head>{_POPULATION_HEADS}|{_ACTOR_HEADS}|(?<![\w-]\s)(?:{_CAPITAL_HEADS})))"
    r"(?:\s+(?:on|in|at|of)\s+the\s+(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}"
    r"|province|country|city|region))?"
    r"\s+(?:(?:have|has|had|will|could|would|can)\s+(?:so\s+far\s+|also\s+"
    r"|already\s+)?)?(?:[a-z]+ed|paid|made|built|sold|spent|bought|lent|gave|won|took|have|has"
    r"|pay|create|add|invest|wrote)\b"
)


def find_actors(table: EntityTable, sentence: Sentence) -> None:
    """Groups that are the subject of a figure's clause without a determiner ("Iranian banks
    paid 2 trillion rials", "the private sector has invested"), unless already covered."""
    demonyms = vocab.demonyms()
    for match in _ACTOR.finditer(sentence.text):
        demonym = (match.group("demonym") or "").strip()
        owner = re.sub(r"['’]s$", "", demonym)
        entry = place_entry(owner) if owner != demonym else None
        if owner != demonym and (entry is None or entry.kind != "country"):
            continue  # "Iran's banks paid": the country's group; "Acme's banks" is no group
        if owner == demonym and demonym and demonym not in demonyms:
            continue  # "According banks" is no group; a capital word must be a demonym
        # the demonym is the group's country, already read as a place: the group is the rest
        start = sentence.start + (match.end("demonym") if demonym else match.start("label"))
        end = sentence.start + match.end("label")
        if table.covered(start, end, "agency", "population", "person"):
            continue
        # "Iranian banks" was read as the country's ("German unemployment"); as the clause's
        # subject that acts, the group is the actor, so it replaces that reading
        table.occurrences = [
            o
            for o in table.occurrences
            if not (o.kind == "place" and o.start < end and start < o.end)
        ]
        label = table.text[start:end]
        table.add(
            Occurrence("population", population(table, label), sentence.index, start, end, label)
        )


#: "the industry's capacity", "the sector has": a bare actor word as a possessive or a clause's
#: subject, which refers back to the group of that head named before.
_GROUP_REFERENCE = re.compile(
    rf"\b[Tt]he\s+(?P<head>{_ACTOR_HEADS})(?:['’]s\s|\s+(?:has|have|had|is|are|was|were|will)\b)"
)


def find_group_references(table: EntityTable, sentence: Sentence) -> None:
    """A bare "the industry" or "the sector" after "Iran's cement industry produced": the latest
    group named before with that head, if any."""
    for match in _GROUP_REFERENCE.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end("head")
        if table.covered(start, end):
            continue
        head = _population_key(match.group("head"))
        earlier = [
            o
            for o in table.occurrences
            if o.kind == "population"
            and o.end <= start
            and _population_key(table.populations[o.ref].label).split()[-1:] == [head]
        ]
        if earlier:
            ref = max(earlier, key=lambda o: o.start).ref
            label = table.text[start:end]
            table.add(Occurrence("population", ref, sentence.index, start, end, label))


def find_population_acronyms(table: EntityTable, sentence: Sentence) -> None:
    """ "small and medium-sized enterprises (SMEs)": a population with its acronym."""
    pattern = re.compile(
        rf"(?P<name>(?:[A-Za-z][\w-]*\s+(?:and\s+)?){{0,4}}(?:{_POPULATION_HEADS}))"
        r"\s+\((?P<acr>[A-Z][A-Za-z]{1,9})\)",
        re.IGNORECASE,
    )
    for match in pattern.finditer(sentence.text):
        acronym = match.group("acr")
        words = match.group("name").split()
        keep = next(
            (
                i
                for i in range(len(words) - 1, -1, -1)
                if words[i][0].isalpha() and acronym_fits(acronym.rstrip("s"), words[i:])
            ),
            None,
        )
        if keep is None or len(words) - keep < 2:
            continue
        full = " ".join(words[keep:])
        start = sentence.start + match.end("name") - len(full)
        ref = population(table, full, acronym=acronym)
        table.add(
            Occurrence("population", ref, sentence.index, start, sentence.start + match.end(), full)
        )


def population(table: EntityTable, label: str, *, acronym: str | None = None) -> str:
    """The ``ref`` of the population called ``label`` (or ``acronym``), added when new."""
    keys = {_population_key(label)} | ({_population_key(acronym)} if acronym else set())
    for known in table.populations.values():
        if _population_key(known.label) in keys:
            return known.ref
    ref = f"population:{len(table.populations)}"
    table.populations[ref] = PopulationMention(ref, f"{label} ({acronym})" if acronym else label)
    if acronym:
        table.populations[ref + "a"] = PopulationMention(ref, acronym)
    return ref


#: Head nouns that name one kind of group: "knowledge-based firms" are the "knowledge-based
#: companies" of the sentence before.
_SAME_HEAD = {"companie": "company", "firm": "company"}


def _population_key(label: str) -> str:
    words = [w.lower().rstrip("s") for w in re.split(r"[\s-]+", label) if w]
    return " ".join(_SAME_HEAD.get(w, w) for w in words if w not in ("the", "and", "of"))
