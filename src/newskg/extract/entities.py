"""Agencies, news agencies, people with titles, places, populations and programs.

Each finder works on one sentence at a time and records ``Occurrence``s (what was named where) in
an ``EntityTable`` that unifies the names of one thing within the article: an acronym and its full
name, "the industry ministry" and "Industry, Mining, and Trade Ministry", a bare surname and the
full name. Later stages read the occurrences to find a figure's subject and speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from newskg.extract import vocab
from newskg.extract.names import (
    ORGANISATION_WORDS,
    acronym_fits,
    agency_key,
    head_word,
    person_key,
    same_body,
    surname_key,
)
from newskg.extract.periods import IRANIAN_MONTHS
from newskg.extract.records import (
    AgencyMention,
    PersonMention,
    PlaceMention,
    PopulationMention,
    ProgramMention,
    RoleMention,
    Sentence,
)

_CAP = r"[A-Z][\w’'&.-]*"
_NAME_SPAN = re.compile(
    rf"(?:{_CAP}|of|and|for|the|on|in|&)(?:(?:,?\s+|\s*&\s*|,\s+and\s+)(?:{_CAP}|of|and|for|the|on|in|&))*"
)
_ACRONYM_DEF = re.compile(
    rf"(?P<name>{_CAP}(?:(?:,?\s+|,\s+and\s+)(?:{_CAP}|of|and|for|the|on|in|&))*)\s+\((?P<acr>[A-Z][A-Za-z&]{{1,9}})\)"
)
_ORG_WORDS_RE = "|".join(
    sorted((w.capitalize() for w in ORGANISATION_WORDS), key=len, reverse=True)
)
_ORG_NAME = re.compile(
    rf"\b(?:(?:{_CAP})(?:,?\s+(?:and\s+)?(?:{_CAP}|of|for|the|&))*?\s+(?:{_ORG_WORDS_RE})\b"
    rf"|(?:{_ORG_WORDS_RE})\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:(?:,\s+|\s+)(?:and\s+)?{_CAP})*)"
)
_PERSON_NAME = (
    r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?:\s+(?:(?:van|von|de|da|den|der|al|bin)\s+)*"
    r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*){1,3}"
)
_SPEECH = (
    r"said|says|told|added|noted|stated|mentioned|announced|explained|stressed|pointed out"
    r"|highlighted|emphasized|emphasised|underlined|reiterated|maintained|continued|declared"
    r"|predicted|warned|insisted|argued|revealed|confirmed|reported|wrote|believes|expects"
    r"|has said|had said|had announced|has announced|further said|was quoted"
)
_NON_NAME_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "according",
        "following",
        "speaking",
        "noting",
        "elaborating",
        "back",
        "earlier",
        "later",
        "last",
        "next",
        "first",
        "however",
        "but",
        "and",
        "although",
        "while",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "all",
        "content",
        "creative",
        "commons",
        "attribution",
        "international",
        "license",
        "mr",
        "mrs",
        "ms",
        "dr",
    ]
)
_POPULATION_HEADS = (
    r"SMEs|SME|enterprises|units|companies|firms|factories|businesses|producers|exporters"
    r"|importers|households|farmers|workers|startups|start-ups|industries|manufacturers|banks"
)
_POPULATION = re.compile(
    rf"(?:\b(?:the|its|their|our|all|many|most|some|that|and|of|for|as)\s+|\b(?:country|nation)['’]s\s+)"
    rf"(?:(?:country|nation)['’]s\s+)?(?P<label>(?:(?!(?:of|an?|that|the|in|to|for|with|on|by|from"
    rf"|is|are|was|were|this|these|those|which|who|all|its|their)\b|[a-z]+ing\b)[a-z][a-z-]+\s+"
    rf"(?:and\s+)?){{0,3}}"
    rf"(?P<head>{_POPULATION_HEADS}))\b"
)
_PROGRAM = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?:(?:successful|national|new|major|comprehensive|special|"
    r"joint|five-year|ambitious|long-term|short-term)\s+)?(?P<kind>program|programme|plan|scheme"
    r"|project|initiative|campaign)\s+(?:for|to|of|on|aimed at)\s+(?P<what>[a-z][a-z -]{3,60}?)"
    r"(?=[,.;:”\"]|\s+(?:was|is|were|are|has|had|in|which|that|by|will|and\s+the)\b)"
)
_NAMED_PROGRAM = re.compile(
    r"(?:motto|slogan|campaign|program|programme|scheme|plan|initiative|project)\s+(?:of\s+|called\s+|named\s+|dubbed\s+)?"
    r"[“\"](?P<label>[^”\"]{3,60})[”\"]"
    r"|\b(?P<cap>(?:[A-Z][\w-]+\s+){1,4}(?:Program|Programme|Plan|Scheme|Initiative))\b"
)
_COUNTRY_NOUNS = (
    r"economy|government|unemployment|exports|imports|GDP|inflation|growth|trade|budget|jobless"
    r"|output|companies|firms|banks|manufacturers|industry|consumers|households|workers"
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
class _Agency:
    ref: str
    label: str
    names: list[str] = field(default_factory=list)
    acronym: str | None = None
    news: bool = False
    reference: str | None = None
    same_as: tuple[str, ...] = ()
    parent: str | None = None
    sentences: list[int] = field(default_factory=list)


@dataclass
class _Person:
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


@dataclass
class EntityTable:
    """The entities of one article and every occurrence of them."""

    text: str
    agencies: list[_Agency] = field(default_factory=list)
    people: list[_Person] = field(default_factory=list)
    places: dict[str, PlaceMention] = field(default_factory=dict)
    populations: dict[str, PopulationMention] = field(default_factory=dict)
    programs: list[ProgramMention] = field(default_factory=list)
    occurrences: list[Occurrence] = field(default_factory=list)
    unnamed_roles: list[UnnamedRole] = field(default_factory=list)
    country: str | None = None
    """``ref`` of the article's main country ("the country's ..." refers to it)."""

    # -- agencies
    def agency(
        self,
        name: str,
        *,
        acronym: str | None = None,
        news: bool = False,
        reference: str | None = None,
    ) -> _Agency:
        """The agency called ``name`` (new or already known under an equal name)."""
        name = _clean_name(name)
        for agency in self.agencies:
            if (
                (reference and agency.reference == reference)
                or (acronym and agency.acronym == acronym)
                or any(_same_agency_name(name, known) for known in agency.names)
            ):
                if name not in agency.names:
                    agency.names.append(name)
                if acronym and not agency.acronym:
                    agency.acronym = acronym
                    if acronym not in agency.names:
                        agency.names.append(acronym)
                if len(name) > len(agency.label) and name != agency.acronym:
                    agency.label = name
                agency.news = agency.news or news
                return agency
        agency = _Agency(f"agency:{len(self.agencies)}", name, [name], acronym, news, reference)
        if acronym and acronym not in agency.names:
            agency.names.append(acronym)
        self.agencies.append(agency)
        return agency

    def find_agency(self, name: str) -> _Agency | None:
        """The known agency one of whose names is ``name`` (or the same body)."""
        name = _clean_name(name)
        for agency in self.agencies:
            if name == agency.acronym or any(_same_agency_name(name, n) for n in agency.names):
                return agency
        return None

    def agency_by_ref(self, ref: str) -> _Agency:
        """The agency with local ``ref``."""
        return next(a for a in self.agencies if a.ref == ref)

    # -- people
    def person(self, name: str) -> _Person:
        """The person called ``name`` (new, or known under the same key or as a fuller name)."""
        name = _clean_name(name)
        key = person_key(name)
        for person in self.people:
            if any(person_key(n) == key for n in person.names):
                if name not in person.names:
                    person.names.append(name)
                return person
        person = _Person(f"person:{len(self.people)}", name, [name])
        self.people.append(person)
        return person

    def person_by_ref(self, ref: str) -> _Person:
        """The person with local ``ref``."""
        return next(p for p in self.people if p.ref == ref)

    def add(self, occurrence: Occurrence) -> None:
        """Record an occurrence unless one of the same span is already there."""
        for known in self.occurrences:
            if known.start < occurrence.end and occurrence.start < known.end:
                return
        self.occurrences.append(occurrence)

    def finish(self) -> tuple[tuple[AgencyMention, ...], tuple[PersonMention, ...]]:
        """The agencies and people as immutable records."""
        agencies = tuple(
            AgencyMention(
                ref=a.ref,
                label=a.label,
                alt_labels=tuple(n for n in a.names if n != a.label),
                acronym=a.acronym,
                news_agency=a.news,
                parent=a.parent,
                reference=a.reference,
                same_as=a.same_as,
                sentences=tuple(sorted(set(a.sentences))),
            )
            for a in self.agencies
        )
        people = tuple(
            PersonMention(
                ref=p.ref,
                name=max(p.names, key=lambda n: (len(person_key(n).split("-")), len(n))),
                alt_labels=tuple(
                    n
                    for n in p.names
                    if n != max(p.names, key=lambda n: (len(person_key(n).split("-")), len(n)))
                ),
                roles=tuple(_unique_roles(p.roles)),
                sentences=tuple(sorted(set(p.sentences))),
            )
            for p in self.people
        )
        return agencies, people


def _unique_roles(roles: list[RoleMention]) -> list[RoleMention]:
    seen: dict[tuple[str | None, str], RoleMention] = {}
    for role in roles:
        key = (role.agency, role.title)
        if key not in seen or (role.detail and not seen[key].detail):
            seen[key] = role
    return list(seen.values())


def _clean_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.’'")
    return re.sub(r"^(?:the|The)\s+", "", name)


def _same_agency_name(a: str, b: str) -> bool:
    if a == b:
        return True
    if head_word(a) is None or head_word(b) is None:
        return agency_key(a) == agency_key(b)
    return same_body(a, b)


# ------------------------------------------------------------------------------ vocabularies


@dataclass(frozen=True)
class _Gazetteer:
    forms: re.Pattern[str]
    by_form: dict[str, vocab.GazetteerEntry]


@cache
def _gazetteer(kinds: tuple[str, ...]) -> _Gazetteer:
    by_form: dict[str, vocab.GazetteerEntry] = {}
    for entry in vocab.gazetteer():
        if entry.kind not in kinds:
            continue
        for form in entry.surface_forms:
            by_form.setdefault(form, entry)
    pattern = re.compile(rf"(?<![\w-])(?:{vocab.alternation(by_form)})(?![\w-])")
    return _Gazetteer(pattern, by_form)


@cache
def _title_pattern() -> str:
    forms = [f for t in vocab.titles() for f in t.forms]
    modifiers = vocab.title_modifiers()
    return (
        rf"(?i:(?:(?:{vocab.alternation(modifiers)})[\s-]+){{0,2}}"
        rf"(?:(?:{vocab.alternation(forms)})\b))"
    )


@cache
def _title_by_form() -> dict[str, vocab.Title]:
    return {f.lower(): t for t in vocab.titles() for f in t.forms}


def normalise_title(written: str) -> tuple[str, str | None]:
    """Normalised title of ``written`` ("Deputy Head" -> "deputy head"; "Industry Minister" ->
    "minister") and the organisation word it implies ("Ministry"), if any."""
    lowered = re.sub(r"\s+", " ", written.lower().replace("-", " ")).strip()
    modifiers = list(vocab.title_modifiers())
    words = lowered.split()
    prefix: list[str] = []
    while words and words[0] in modifiers and " ".join(words) not in _title_by_form():
        prefix.append(words.pop(0))
    rest = " ".join(words)
    for form, title in sorted(_title_by_form().items(), key=lambda kv: -len(kv[0])):
        form_norm = form.replace("-", " ")
        if rest.endswith(form_norm):
            label = title.label
            if prefix == ["deputy"] and label == "head":
                return "deputy head", title.organisation_word
            return " ".join([*prefix, label]).strip(), title.organisation_word
    return lowered, None


# ---------------------------------------------------------------------------------- finders


def find_entities(text: str, sentences: tuple[Sentence, ...]) -> EntityTable:
    """Every entity of the article, with occurrences, roles and in-article coreference."""
    table = EntityTable(text)
    for sentence in sentences:
        _find_gazetteer_agencies(table, sentence)
        _find_acronym_definitions(table, sentence)
        _find_organisation_names(table, sentence)
    for sentence in sentences:
        _find_known_agency_names(table, sentence)
        _find_people(table, sentence)
        _find_places(table, sentence)
    for sentence in sentences:
        _find_person_references(table, sentence)
        _find_populations(table, sentence)
        _find_programs(table, sentence)
        _find_generic_agency_references(table, sentence)
    _link_unnamed_roles(table)
    table.country = _main_country(table)
    table.occurrences.sort(key=lambda o: o.start)
    return table


def _find_gazetteer_agencies(table: EntityTable, sentence: Sentence) -> None:
    gazetteer = _gazetteer(("news", "agency"))
    for match in gazetteer.forms.finditer(sentence.text):
        form = match.group(0)
        entry = gazetteer.by_form[form]
        after = sentence.text[match.end() : match.end() + 30]
        before = sentence.text[max(0, match.start() - 30) : match.start()]
        # A one-word outlet name that is also a month ("Mehr") counts only where something is
        # reported, told or quoted.
        if (
            entry.kind == "news"
            and form.lower() in IRANIAN_MONTHS
            and not re.match(
                r"\s+(?:News|news|reported|said|quoted|wrote|cited)|['’]s\s+report", after
            )
            and not re.search(r"(?:told|to|by|from|with|according to|quoting|cited by)\s+$", before)
        ):
            continue
        label = entry.label
        agency = table.agency(
            label, acronym=entry.acronym, news=entry.kind == "news", reference=entry.iri
        )
        agency.same_as = entry.same_as
        if form not in agency.names:
            agency.names.append(form)
        end = match.end()
        tail = re.match(r"\s+(?:News\s+Agency|news\s+agency)", sentence.text[end:])
        if tail and "News" not in form and "news" not in form:
            end += tail.end()
            written = sentence.text[match.start() : end]
            if written not in agency.names:
                agency.names.append(written)
        agency.sentences.append(sentence.index)
        table.add(
            Occurrence(
                "agency",
                agency.ref,
                sentence.index,
                sentence.start + match.start(),
                sentence.start + end,
                sentence.text[match.start() : end],
            )
        )


def _find_acronym_definitions(table: EntityTable, sentence: Sentence) -> None:
    for match in _ACRONYM_DEF.finditer(sentence.text):
        acronym = match.group("acr")
        words = match.group("name").replace(",", " ").split()
        # The shortest tail of the capitalised run that spells the acronym is its full name.
        name = None
        for start in range(len(words) - 1, -1, -1):
            candidate = words[start:]
            if candidate[0][0].isupper() and acronym_fits(acronym, candidate):
                name = candidate
                break
        if name is None:
            continue
        # Keep commas as written: rebuild the name from the original text.
        full = _tail_text(match.group("name"), len(name))
        start = sentence.start + match.start("name") + len(match.group("name")) - len(full)
        end = sentence.start + match.end()
        if head_word(full) is None and not re.search(r"News\s+Agency", full):
            if re.search(rf"(?:{_POPULATION_HEADS})$", full, re.IGNORECASE):
                ref = _population(table, full, acronym=acronym)
                table.add(Occurrence("population", ref, sentence.index, start, end, full))
            continue
        agency = table.agency(full, acronym=acronym, news=bool(re.search(r"News\s+Agency", full)))
        agency.sentences.append(sentence.index)
        table.add(
            Occurrence("agency", agency.ref, sentence.index, start, end, table.text[start:end])
        )


def _tail_text(run: str, count: int) -> str:
    tokens = list(re.finditer(r"[^\s,]+", run))
    return run[tokens[-count].start() :] if count <= len(tokens) else run


def _find_organisation_names(table: EntityTable, sentence: Sentence) -> None:
    for match in _ORG_NAME.finditer(sentence.text):
        name = _strip_leading(match.group(0))
        if not name or len(name.split()) < 2 or _is_person_like(name):
            continue
        offset = match.end() - len(name)
        if sentence.text[match.end() : match.end() + 2] == " (":
            continue  # an acronym definition handled it
        known = table.find_agency(name)
        agency = known or table.agency(name)
        agency.sentences.append(sentence.index)
        table.add(
            Occurrence(
                "agency",
                agency.ref,
                sentence.index,
                sentence.start + offset,
                sentence.start + match.end(),
                name,
            )
        )


def _strip_leading(name: str) -> str:
    """Drop sentence-initial and function words before a name ("According to the Oil Ministry")."""
    words = name.split(" ")
    while words and (
        words[0].lower().strip(",") in _NON_NAME_WORDS
        or words[0].lower() in ("of", "and", "for", "&")
    ):
        words.pop(0)
    return " ".join(words).strip(", ")


def _is_person_like(name: str) -> bool:
    return False


def _find_known_agency_names(table: EntityTable, sentence: Sentence) -> None:
    """Later mentions of an agency by any name it was given (acronym, short name)."""
    names = {n: a for a in table.agencies for n in a.names if len(n) > 1}
    if not names:
        return
    pattern = re.compile(rf"(?<![\w-])(?:{vocab.alternation(names)})(?![\w-])")
    for match in pattern.finditer(sentence.text):
        agency = names[match.group(0)]
        agency.sentences.append(sentence.index)
        table.add(
            Occurrence(
                "agency",
                agency.ref,
                sentence.index,
                sentence.start + match.start(),
                sentence.start + match.end(),
                match.group(0),
            )
        )


def _agency_ref_pattern(table: EntityTable) -> str:
    names = [n for a in table.agencies for n in a.names if len(n) > 1]
    return vocab.alternation(names) if names else r"(?!x)x"


def _find_people(table: EntityTable, sentence: Sentence) -> None:
    text = sentence.text
    title = _title_pattern()
    org = _agency_ref_pattern(table)
    portfolio = r"(?:[A-Z][a-z]+(?:,?\s+(?:and\s+)?[A-Z][a-z]+){0,3}\s+|[a-z]+\s+)"
    before_name = re.compile(
        rf"(?:(?P<org>{org}|[A-Z][A-Z&]{{1,7}}\b)\)?(?:['’]s)?\s+)?(?P<title>(?:(?:[Dd]eputy|[Vv]ice|[Aa]cting)\s+)?"
        rf"(?P<portfolio>{portfolio})?{title})(?:\s+of\s+(?:the\s+)?(?P<org2>{org}))?,?\s+"
        rf"(?P<name>{_PERSON_NAME})",
    )
    after_name = re.compile(
        rf"(?P<name>{_PERSON_NAME}),\s+(?:the\s+|an?\s+)?(?:(?P<org>{org}|[A-Z][A-Z&]{{1,7}}\b)(?:['’]s)?\s+)?"
        rf"(?P<title>(?:(?:deputy|vice|acting)\s+)?(?P<portfolio>[a-z]+\s+)?{title})"
        rf"(?:\s+(?:of|at|with)\s+(?:the\s+)?(?P<org2>{org}))?"
        rf"(?:\s+for\s+(?P<detail>[a-z][a-z ]+?(?:affairs|matters|division|department|sector)))?",
    )
    for pattern in (before_name, after_name):
        for match in pattern.finditer(text):
            name = match.group("name")
            if not _valid_person_name(name, table):
                continue
            title_text = match.group("title")
            # "in August, Deputy Industry Minister": the title starts after the last comma, and
            # at a modifier when one is written
            title_offset = match.start("title")
            cut = max(
                title_text.rfind(", ") + 2 if ", " in title_text else 0, _modifier_start(title_text)
            )
            title_text = title_text[cut:]
            title_offset += cut
            if (
                pattern is before_name
                and not re.match(r"[A-Z]", title_text)
                and not match.group("org")
                and re.search(r"[A-Z]", title_text[:1]) is None
                and not re.search(r"(?:^|[\s,(])$", text[: match.start()])
            ):
                continue
            normalised, organisation_word = normalise_title(title_text)
            agency_ref = None
            org_text = match.group("org") or match.group("org2")
            portfolio_text = (match.group("portfolio") or "").strip()
            if org_text:
                known = table.find_agency(org_text)
                if known is None and org_text.isupper() and org_text.lower() not in _title_by_form():
                    known = table.agency(org_text, acronym=org_text)  # an acronym used as a name
                if known is not None:
                    known.sentences.append(sentence.index)
                agency_ref = known.ref if known else None
            elif organisation_word and portfolio_text:
                implied = f"{portfolio_text.title()} {organisation_word}"
                agency = table.find_agency(implied) or table.agency(implied)
                agency.sentences.append(sentence.index)
                agency_ref = agency.ref
            if (
                portfolio_text
                and not organisation_word
                and normalised.endswith(portfolio_text.lower())
            ):
                pass
            if normalised == "official" and agency_ref is None:
                continue
            person = table.person(name)
            person.sentences.append(sentence.index)
            role_start = match.start("org") if match.group("org") else title_offset
            role_label = (
                text[role_start : match.start("name")].strip(" ,")
                if (pattern is before_name)
                else text[match.end("name") : match.end()].strip(" ,")
            )
            person.roles.append(
                RoleMention(
                    agency_ref,
                    normalised,
                    role_label,
                    match.groupdict().get("detail"),
                    sentence.index,
                )
            )
            start = sentence.start + match.start("name")
            table.add(
                Occurrence(
                    "person",
                    person.ref,
                    sentence.index,
                    start,
                    sentence.start + match.end("name"),
                    name,
                )
            )
            table.add(
                Occurrence(
                    "role",
                    person.ref,
                    sentence.index,
                    sentence.start + match.start(),
                    start,
                    role_label,
                )
            )
    # Untitled names that speak: "Mohsen Salehinia mentioned", "according to Mohsen Salehinia".
    speaker = re.compile(
        rf"(?:(?:[Aa]ccording\s+to|[Qq]uoting|said|told)\s+)(?P<name1>{_PERSON_NAME})"
        rf"|(?P<name2>{_PERSON_NAME})\s+(?:{_SPEECH})\b"
    )
    for match in speaker.finditer(text):
        name = match.group("name1") or match.group("name2")
        name = _strip_leading(name)
        if len(name.split()) < 2 or not _valid_person_name(name, table):
            continue
        person = table.person(name)
        person.sentences.append(sentence.index)
        offset = match.start("name1") if match.group("name1") else match.start("name2")
        offset += (match.group("name1") or match.group("name2")).find(name)
        table.add(
            Occurrence(
                "person",
                person.ref,
                sentence.index,
                sentence.start + offset,
                sentence.start + offset + len(name),
                name,
            )
        )
    _find_unnamed_roles(table, sentence)


def _modifier_start(title_text: str) -> int:
    match = re.search(r"\b(?:[Dd]eputy|[Vv]ice|[Aa]cting)\b", title_text)
    return match.start() if match else 0


def _valid_person_name(name: str, table: EntityTable) -> bool:
    words = re.split(r"[\s-]+", name)
    if any(w.lower() in _NON_NAME_WORDS for w in words):
        return False
    if any(w.lower() in ORGANISATION_WORDS for w in words):
        return False
    if any(w.lower() in _title_by_form() for w in words):
        return False
    if table.find_agency(name) is not None:
        return False
    places = _gazetteer(("country", "province", "city", "region"))
    return not any(w in places.by_form for w in words) and name not in places.by_form


def _find_unnamed_roles(table: EntityTable, sentence: Sentence) -> None:
    org = _agency_ref_pattern(table)
    title = _title_pattern()
    pattern = re.compile(
        rf"\b(?:(?i:the|a|an|its|his|her)\s+)?(?:(?P<org>{org})(?:['’]s)?\s+)?(?P<title>{title})"
        rf"(?:\s+(?:of|with|at|for)\s+(?:the\s+)?(?P<org2>{org}))?",
    )
    for match in pattern.finditer(sentence.text):
        start = sentence.start + match.start()
        if any(
            o.start <= start < o.end or start <= o.start < sentence.start + match.end()
            for o in table.occurrences
            if o.kind in ("role", "person")
        ):
            continue
        org_text = match.group("org") or match.group("org2")
        agency = table.find_agency(org_text) if org_text else None
        normalised, _ = normalise_title(match.group("title"))
        if (
            agency is None
            and normalised not in ("official",)
            and not re.match(r"(?:the|its|his|her)\s", match.group(0), re.IGNORECASE)
        ):
            continue
        table.unnamed_roles.append(
            UnnamedRole(
                agency.ref if agency else None,
                normalised,
                match.group(0).strip(),
                sentence.index,
                start,
                sentence.start + match.end(),
            )
        )


def _find_person_references(table: EntityTable, sentence: Sentence) -> None:
    """Full names and bare surnames of known people ("Salehinia said")."""
    forms: dict[str, _Person] = {}
    for person in table.people:
        for name in person.names:
            forms[name] = person
            surname = name.split()[-1]
            if len(surname) > 2:
                forms.setdefault(surname, person)
    if not forms:
        return
    pattern = re.compile(rf"(?<![\w-])(?:{vocab.alternation(forms)})(?![\w-])")
    for match in pattern.finditer(sentence.text):
        person = forms[match.group(0)]
        person.sentences.append(sentence.index)
        table.add(
            Occurrence(
                "person",
                person.ref,
                sentence.index,
                sentence.start + match.start(),
                sentence.start + match.end(),
                match.group(0),
            )
        )
    # Surnames of people whose name differs in spelling: "Mosaheb" for "Ali-Asghar Mosaheb"
    for person in table.people:
        key = surname_key(person.name)
        for name in person.names:
            if surname_key(name) != key:
                continue


def _find_places(table: EntityTable, sentence: Sentence) -> None:
    gazetteer = _gazetteer(("country", "province", "city", "region"))
    for match in gazetteer.forms.finditer(sentence.text):
        start = sentence.start + match.start()
        if any(o.start <= start < o.end for o in table.occurrences if o.kind == "agency"):
            continue  # "Iran" inside "Iran Small Industries ... Organization"
        entry = gazetteer.by_form[match.group(0)]
        ref = _place(table, entry)
        table.add(
            Occurrence(
                "place", ref, sentence.index, start, sentence.start + match.end(), match.group(0)
            )
        )
    demonyms = {e.demonym: e for e in vocab.gazetteer() if e.demonym}
    pattern = re.compile(rf"\b(?P<dem>{vocab.alternation(demonyms)})\s+(?:{_COUNTRY_NOUNS})\b")
    for match in pattern.finditer(sentence.text):
        start = sentence.start + match.start()
        if any(o.start <= start < o.end for o in table.occurrences):
            continue
        ref = _place(table, demonyms[match.group("dem")])
        table.add(
            Occurrence(
                "place",
                ref,
                sentence.index,
                start,
                sentence.start + match.end("dem"),
                match.group("dem"),
            )
        )


def _place(table: EntityTable, entry: vocab.GazetteerEntry) -> str:
    ref = f"place:{entry.iri.rsplit('/', 1)[-1]}"
    if ref not in table.places:
        within = None
        if entry.within:
            parent = vocab.gazetteer_by_iri().get(entry.within)
            if parent is not None:
                within = _place(table, parent)
        table.places[ref] = PlaceMention(
            ref,
            entry.label,
            entry.kind if entry.kind != "region" else None,
            within,
            entry.iri,
            entry.same_as,
        )
    return ref


def _population(table: EntityTable, label: str, *, acronym: str | None = None) -> str:
    key = _population_key(label)
    for known in table.populations.values():
        if _population_key(known.label) == key or (acronym and key == _population_key(acronym)):
            return known.ref
    if acronym:
        for ref, known in table.populations.items():
            if _population_key(known.label) in (_population_key(acronym),):
                return ref
    ref = f"population:{len(table.populations)}"
    table.populations[ref] = PopulationMention(ref, f"{label} ({acronym})" if acronym else label)
    if acronym:
        table.populations[ref + "a"] = PopulationMention(ref, acronym)
    return ref


def _population_key(label: str) -> str:
    words = [w.lower().rstrip("s") for w in re.split(r"[\s-]+", label) if w]
    return " ".join(w for w in words if w not in ("the", "and", "of"))


def _find_populations(table: EntityTable, sentence: Sentence) -> None:
    acronyms = {
        known.label: ref for ref, known in table.populations.items() if known.label.isupper()
    }
    for match in _POPULATION.finditer(sentence.text):
        label = match.group("label")
        head = match.group("head")
        if re.match(r"(?:mentioned|said|aforementioned|same|such)\b", label):
            continue  # "the mentioned units" refers back; it names no new group
        head_singular = head.rstrip("s")
        ref = None
        for acronym, known_ref in acronyms.items():
            if head_singular in (acronym, acronym.rstrip("s")) or head in (acronym, acronym + "s"):
                ref = table.populations[known_ref].ref
                if label.strip() != head:
                    ref = None
        if ref is None:
            ref = _population(table, label)
        start = sentence.start + match.start("label")
        table.add(
            Occurrence(
                "population", ref, sentence.index, start, sentence.start + match.end(), label
            )
        )


def _find_programs(table: EntityTable, sentence: Sentence) -> None:
    for match in _PROGRAM.finditer(sentence.text):
        what = match.group("what").strip()
        label = f"{match.group('kind')} {sentence.text[match.end('kind') : match.start('what')].strip()} {what}"  # noqa: E501
        _program(table, re.sub(r"\s+", " ", label), sentence, match)
    for match in _NAMED_PROGRAM.finditer(sentence.text):
        label = (match.group("label") or match.group("cap") or "").strip()
        if label:
            _program(table, label, sentence, match)


def _program(table: EntityTable, label: str, sentence: Sentence, match: re.Match[str]) -> None:
    for program in table.programs:
        if program.label.lower() == label.lower():
            return
    ref = f"program:{len(table.programs)}"
    table.programs.append(ProgramMention(ref, label, None, sentence.index))
    table.add(
        Occurrence(
            "program",
            ref,
            sentence.index,
            sentence.start + match.start(),
            sentence.start + match.end(),
            label,
        )
    )


def _find_generic_agency_references(table: EntityTable, sentence: Sentence) -> None:
    """ "the ministry", "the organization", "the industry ministry": the latest agency named
    with that organisation word (and portfolio, when one is written)."""
    pattern = re.compile(
        rf"\b(?:the|this|that|his|her|its)\s+(?P<portfolio>(?!the\b|a\b|an\b|said\b|same\b)[a-z]+\s+)?(?P<head>{'|'.join(sorted(ORGANISATION_WORDS))})\b"
    )
    for match in pattern.finditer(sentence.text):
        start = sentence.start + match.start()
        if any(o.start <= start < o.end for o in table.occurrences):
            continue
        head = match.group("head")
        portfolio = (match.group("portfolio") or "").strip()
        candidates = [
            o
            for o in table.occurrences
            if o.kind == "agency"
            and o.start < start
            and not o.generic
            and head_word(table.agency_by_ref(o.ref).label) == head
            and not table.agency_by_ref(o.ref).news
        ]
        if portfolio:
            candidates = [
                o
                for o in candidates
                if same_body(f"{portfolio} {head}", table.agency_by_ref(o.ref).label)
            ]
            if not candidates:
                agency = table.find_agency(f"{portfolio.title()} {head.title()}")
                if agency is not None:
                    candidates = [Occurrence("agency", agency.ref, 0, 0, 0, "")]
        if not candidates:
            continue
        ref = max(candidates, key=lambda o: o.start).ref
        table.add(
            Occurrence(
                "agency",
                ref,
                sentence.index,
                start,
                sentence.start + match.end(),
                match.group(0),
                generic=not portfolio,
            )
        )


def _link_unnamed_roles(table: EntityTable) -> None:
    """Give an unnamed post to the person it refers to: someone in the article with that post,
    else the first untitled person named in the next two sentences ("ISIPO head had announced
    ... Speaking at a press conference, Mohsen Salehinia said")."""
    for role in table.unnamed_roles:
        if role.title == "official" and role.agency is None:
            continue
        holders = [
            p
            for p in table.people
            if any(r.agency == role.agency and _same_post(role.title, r.title) for r in p.roles)
        ]
        if holders:
            role.person = holders[0].ref
            continue
        later = [
            o
            for o in table.occurrences
            if o.kind == "person"
            and role.sentence <= o.sentence <= role.sentence + 2
            and o.start > role.start
            and not table.person_by_ref(o.ref).roles
        ]
        if later and role.agency is not None:
            person = table.person_by_ref(min(later, key=lambda o: o.start).ref)
            person.roles.append(
                RoleMention(role.agency, role.title, role.label, None, role.sentence)
            )
            role.person = person.ref
    for role in table.unnamed_roles:
        if role.person:
            table.add(
                Occurrence(
                    "person",
                    role.person,
                    role.sentence,
                    role.start,
                    role.end,
                    role.label,
                    generic=True,
                )
            )


def _same_post(unnamed: str, named: str) -> bool:
    """ "head" is the head's post, not the deputy head's; a bare "deputy" is any deputy's."""
    if unnamed == named:
        return True
    return unnamed in vocab.title_modifiers() and named.split()[0] == unnamed


def _main_country(table: EntityTable) -> str | None:
    counts: dict[str, int] = {}
    for occurrence in table.occurrences:
        if occurrence.kind != "place":
            continue
        place = table.places[occurrence.ref]
        country = place.ref if place.kind == "country" else place.within
        while country and table.places[country].kind != "country":
            country = table.places[country].within
        if country:
            counts[country] = counts.get(country, 0) + 1
    countries = {e.label: e for e in vocab.gazetteer() if e.kind == "country"}
    for agency in table.agencies:
        entry = vocab.gazetteer_by_iri().get(agency.reference or "")
        names = [entry.country] if entry and entry.country else []
        names += [w for w in countries if re.search(rf"\b{re.escape(w)}\b", agency.label)]
        for name in names:
            if name in countries:
                ref = _place(table, countries[name])
                counts[ref] = counts.get(ref, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda ref: counts[ref])


def finish_places(table: EntityTable) -> tuple[PlaceMention, ...]:
    """The places as records."""
    return tuple(table.places.values())


def finish_populations(table: EntityTable) -> tuple[PopulationMention, ...]:
    """The populations as records (one per ref)."""
    seen: dict[str, PopulationMention] = {}
    for population in table.populations.values():
        seen.setdefault(population.ref, population)
    return tuple(seen.values())
