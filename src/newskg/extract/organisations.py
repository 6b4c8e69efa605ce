"""Agencies, companies and news agencies: how the article names them and how it refers back.

Three kinds of evidence make a capitalised run the name of a body:
- it is in a gazetteer (ontology/reference/), or defined with an acronym ("... (ISIPO)");
- it contains an organisation word ("Ministry of Industry, Mine and Trade", "Deutsche Bank");
- the sentence treats it as a company: a describing noun before or after it ("media giant
  TimeWarner", "ABN Amro, the Netherlands' largest bank"), a possessive with a business noun
  ("BA's profits"), "profits at Barclaycard", or a verb of reporting or results after it
  ("Marsh posted"), checked so that a word that merely opens a sentence is no name.
"""

from __future__ import annotations

import re
from functools import cache

from newskg.extract import vocab
from newskg.extract.lexicon import (
    AGENT_VERBS,
    COMPANY_NOUNS,
    COMPANY_SUFFIXES,
    NON_NAME_WORDS,
    POSSESSED,
    words_pattern,
)
from newskg.extract.names import ORGANISATION_WORDS, acronym_fits, head_word, same_body
from newskg.extract.periods import IRANIAN_MONTHS
from newskg.extract.records import Sentence
from newskg.extract.table import AgencyRecord, EntityTable, Occurrence

#: One capitalised word: "TimeWarner", "BA", "Co.", "Khojasteh-Mehr" (no trailing apostrophe).
#: Transliterated Persian names keep their apostrophes ("Tose’e Ta’avon Bank"); a possessive
#: "’s" is no part of a name. A Persian ezafe joins the parts of one word ("Gol-e-Gohar").
CAP_WORD = (
    r"[A-Z][\w&]*(?:\.[A-Z][\w&]*)*(?:-(?:[a-z]{1,3}-)?[A-Z0-9][\w&]*)*"
    r"(?:['’](?:[A-Z]|(?!s\b)[a-z])\w*)?"
)
#: A company name: capitalised words, joined by "&" or name particles ("Bank Oyens & Van Eeghen").
COMPANY_NAME = (
    rf"{CAP_WORD}(?:(?:\s+&)?\s+{CAP_WORD}|\s+(?:de|van|den|der|von|du|da|la|le)\s+{CAP_WORD})*"
)
_OPENERS = (
    r"(?!(?:The|A|An|In|On|At|For|With|By|From|But|However|And|Its|His|Her|Their|This|That"
    r"|These|Those|Last|Next|Earlier|Later|Meanwhile|Also|According|Under|After|Before"
    r"|Since|During|While|Although|When|If|As|Of|To)\b)"
)
_ORG_WORDS = words_pattern(frozenset(w.capitalize() for w in ORGANISATION_WORDS))
#: What may follow a body's organisation word: up to two "of/for ..." tails ("Center for
#: Exchange of Gold and Currency").
#: ... "Vice-Presidency for Science, Technology and Knowledge-based Economy" ("-based" words)
_TAIL_LIST = rf"{CAP_WORD}(?:-based)?(?:(?:,\s+|\s+)(?:(?:and|&)\s+)?{CAP_WORD}(?:-based)?)*"
_TAILS = rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_TAIL_LIST}){{0,2}}"
#: A name with an organisation word: modifiers before it, "of/for ..." or names after it.
_ORG_NAME = re.compile(
    rf"\b{_OPENERS}(?:{CAP_WORD}(?:,?\s+(?:(?:and|&|of|for|the)\s+)*?))*?"
    # "Vice-Presidency for Science, ...": the organisation word may carry a prefix
    rf"(?:Vice-)?(?:{_ORG_WORDS})\b"
    rf"{_TAILS}|\b(?:{_ORG_WORDS})(?:\s+(?:&\s+)?{CAP_WORD})+"
)
_ACRONYM_DEF = re.compile(
    rf"(?P<name>{CAP_WORD}(?:(?:,?\s+|,\s+and\s+)(?:{CAP_WORD}|of|and|for|the|on|in|&))*)"
    r"\s+\((?P<acr>[A-Z][A-Za-z&]{1,9})\)"
)
_NOUNS = words_pattern(COMPANY_NOUNS)
_DESCRIBER = rf"(?:[a-z][\w-]*[\s-])?(?P<noun>{_NOUNS})s?"
#: "media giant TimeWarner", "US rival Grey Global", "search-engine Google".
_DESCRIBED_BEFORE = re.compile(rf"\b{_DESCRIBER}\s+(?P<name>{COMPANY_NAME})")
#: "firms such as Ogilvy & Mather and Cordiant Communications".
_DESCRIBED_LIST = re.compile(
    rf"\b(?P<noun>{_NOUNS})s\s+(?:such\s+as|including|like)\s+"
    rf"(?P<names>{COMPANY_NAME}(?:(?:,\s+|,?\s+and\s+){COMPANY_NAME})+)"
)
#: "Barclays Capital investment bank", "its Global Investors wing".
_DESCRIBED_AFTER = re.compile(
    rf"(?P<name>{COMPANY_NAME})\s+"
    # "X said the organization" describes nothing: a verb or article ends the description
    r"(?:(?!(?:said|says|told|added|noted|stated|the|a|an|that|its|their)\b)[a-z][\w-]*\s+){0,2}"
    rf"(?P<noun>{_NOUNS})\b(?![-’'])"
    r"(?!\s+[A-Z])"
)
#: "ABN Amro, the Netherlands' largest bank", "Mittal Steel, one of the world's largest ...".
_APPOSITION = re.compile(
    rf"(?P<name>{COMPANY_NAME}),\s+(?:the|a|an|one\s+of\s+the)\s+(?P<desc>[^,.;()]{{0,60}}?)"
    rf"\b(?P<noun>{_NOUNS})s?\b"
)
#: "the world's biggest confectionery firm, Cadbury Schweppes,".
_APPOSITION_BEFORE = re.compile(rf"\b(?P<noun>{_NOUNS}),\s+(?P<name>{COMPANY_NAME}),")
#: "BA's profits", "Barclays' chief".
_POSSESSIVE = re.compile(
    rf"(?P<name>{COMPANY_NAME})(?:['’]s|(?<=s)['’])\s+(?:[a-z-]+\s+){{0,2}}?(?:{POSSESSED})\b"
)
#: "profits at Barclaycard", "300 jobs will be lost at Credit Suisse First Boston".
_AT_COMPANY = re.compile(
    # the noun may open the sentence: "Profits at Barclaycard rose"
    r"\b(?i:profits?|earnings|sales|revenues?|losses|jobs?|staff|workers|employees|posts)"
    rf"(?:\s+[a-z]+){{0,3}}\s+at\s+(?P<name>{COMPANY_NAME})"
)
#: "Marsh posted", "Cadbury said", "TimeWarner is to restate".
_AGENT = re.compile(
    rf"(?:^|(?<=[.;:!?\"“”(]\s)|(?<=,\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bthat\s)|(?<=\bwhile\s))"
    rf"(?P<name>{COMPANY_NAME})\s+(?:also\s+|has\s+|had\s+|have\s+|did\s+not\s+|does\s+not\s+"
    rf"|is\s+|was\s+|currently\s+|now\s+|already\s+)?(?:{AGENT_VERBS})\b"
)
_TITLE_WORDS = frozenset(
    """chief executive chairman president minister governor director head analyst economist
    strategist treasurer chancellor spokesman deputy secretary official manager""".split()  # noqa: SIM905
)
_TITLE_ALTERNATION = "|".join(w.capitalize() for w in sorted(_TITLE_WORDS))
#: A post at a body named by a noun ("the head of the organization"): a name in apposition
#: after it is the post's holder.
_POST_OF = re.compile(
    rf"\b(?i:{'|'.join(sorted(_TITLE_WORDS))})\s+of\s+(?:the|its|this)\s+(?:[a-z-]+\s+)?$"
)


def find_named_bodies(table: EntityTable, sentence: Sentence) -> None:
    """Gazetteer agencies, acronym definitions and names with an organisation word."""
    _find_gazetteer_agencies(table, sentence)
    _find_acronym_definitions(table, sentence)
    _find_organisation_names(table, sentence)


def find_companies(table: EntityTable, sentence: Sentence, *, honorifics: set[str]) -> None:
    """Names the sentence treats as companies (see the module docstring)."""
    text = sentence.text
    for pattern in (_DESCRIBED_BEFORE, _DESCRIBED_AFTER, _APPOSITION, _APPOSITION_BEFORE):
        for match in pattern.finditer(text):
            if pattern is _APPOSITION and re.search(
                r"\b[Aa]ccording\s+to\s+$", text[: match.start()]
            ):
                continue  # "According to X, the company invested": a source, then the clause
            if pattern is _APPOSITION_BEFORE and _POST_OF.search(text, 0, match.start("noun")):
                continue  # "The head of the organization, Nasrollah Kohansal,": the post's holder
            _company(table, sentence, match.start("name"), match.group("name"), honorifics,
                     noun=match.group("noun"))  # fmt: skip
    for match in _DESCRIBED_LIST.finditer(text):
        for name in re.finditer(COMPANY_NAME, match.group("names")):
            if name.group(0) not in ("and",):
                _company(table, sentence, match.start("names") + name.start(), name.group(0),
                         honorifics, noun=match.group("noun"))  # fmt: skip
    for match in (*_POSSESSIVE.finditer(text), *_AT_COMPANY.finditer(text)):
        _company(table, sentence, match.start("name"), match.group("name"), honorifics)
    for match in _AGENT.finditer(text):
        if _agent_is_company(table, match.group("name"), sentence, match.start("name")):
            _company(table, sentence, match.start("name"), match.group("name"), honorifics)


def _company(
    table: EntityTable,
    sentence: Sentence,
    offset: int,
    raw: str,
    honorifics: set[str],
    *,
    noun: str | None = None,
) -> AgencyRecord | None:
    """Record ``raw`` (at ``offset`` in the sentence) as a company unless it is no company name."""
    name, skipped = strip_openers(raw)
    if not name or not is_company_name(table, name, honorifics):
        return None
    start = sentence.start + offset + skipped
    if table.covered(start, start + len(name), "place", "person", "role"):
        return None
    # "Industrial Company" at the end of "Gol-e-Gohar Mining and Industrial Company" is no name
    if any(
        o.kind == "agency" and o.start < start and start + len(name) <= o.end
        for o in table.occurrences
    ):
        return None
    agency = table.agency(name)
    if noun and noun.lower() not in ORGANISATION_WORDS:
        agency.kinds.add(noun.lower())
    agency.sentences.append(sentence.index)
    table.add(Occurrence("agency", agency.ref, sentence.index, start, start + len(name), name))
    return agency


def strip_openers(raw: str) -> tuple[str, int]:
    """``raw`` without leading words that never start a name, and how many characters went."""
    words = raw.split(" ")
    skipped = 0
    while words and words[0].lower().strip(",") in NON_NAME_WORDS:
        skipped += len(words.pop(0)) + 1
    return " ".join(words).strip(", "), skipped


def is_company_name(table: EntityTable, name: str, honorifics: set[str]) -> bool:
    """False for places, demonyms, people, titles, months, units and other non-names."""
    words = name.split()
    lowered = [w.lower() for w in words]
    if any(w in NON_NAME_WORDS or w in _TITLE_WORDS for w in lowered):
        return False
    if name in places_by_form() or words[0] in demonyms() or name in demonyms():
        return False
    if name in table.surnames() or name in honorifics or words[-1] in honorifics:
        return False
    if any(name == n or name in n.split() for p in table.people for n in p.names):
        return False
    if name.lower() in IRANIAN_MONTHS or len(name) < 2 or re.fullmatch(r"[A-Z][a-z]+ly", name):
        # "Currently, the share of ... units": an adverb opening a sentence
        return False
    return not (len(words) == 1 and name.isupper() and name in _NON_COMPANY_ACRONYMS)


#: Capitalised abbreviations that are never companies ("GDP rose", "CEO said").
_NON_COMPANY_ACRONYMS = frozenset(
    """GDP GNP CPI CEO CFO COO MD IT TV PM GMT AM UK US EU UN VAT IPO SME SMEs OK""".split()  # noqa: SIM905
)


def _agent_is_company(table: EntityTable, name: str, sentence: Sentence, offset: int) -> bool:
    """A name before an agentive verb is a company when nothing suggests a person and it is
    more than a capitalised sentence opener: an acronym or CamelCase word, a company word at its
    end, or a mention elsewhere that does not open a sentence."""
    name, _ = strip_openers(name)
    if not name or table.find_agency(name) is not None:
        return bool(name)
    words = name.split()
    if words[-1].lower() in COMPANY_SUFFIXES or "&" in words:
        return True
    if len(words) > 1:
        return False  # "Bert Ruerup said": a person until shown otherwise
    if name.isupper() or re.search(r"[a-z][A-Z]", name):
        return True
    if _written_as_surname(table.text, name):
        return (
            False  # "Currently ...", or "Mohsen Salehinia" earlier makes "Salehinia said" a person
        )
    inside = re.compile(rf"(?<![.!?\"“]\s)(?<!^)\b{re.escape(name)}\b")
    return bool(inside.search(table.text[sentence.start + offset + len(name) :])) or bool(
        inside.search(table.text[: sentence.start])
    )


def _written_as_surname(text: str, name: str) -> bool:
    """True when the article writes ``name`` after a capitalised given name ("Mohsen X")."""
    for match in re.finditer(rf"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+{re.escape(name)}\b", text):
        given = match.group(1).lower()
        if (
            given not in NON_NAME_WORDS
            and given not in ORGANISATION_WORDS
            and (given not in _TITLE_WORDS)
        ):
            return True
    return False


@cache
def places_by_form() -> frozenset[str]:
    """Every surface form of a gazetteer place."""
    return frozenset(
        form
        for entry in vocab.gazetteer()
        if entry.kind in ("country", "province", "city", "region")
        for form in entry.surface_forms
    )


@cache
def demonyms() -> frozenset[str]:
    """Country adjectives and their plurals ("German", "Germans")."""
    found = vocab.demonyms()
    return found | {d + "s" for d in found}


#: A possessive that may name a body's owner ("Khuzestan Province's"); ``place_owned`` checks
#: that it is a place. Kept generic so that the patterns built per sentence compile fast.
OWNER = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?['’]s"


def place_owned(org_text: str) -> tuple[bool, str]:
    """Whether ``org_text`` starts with a province's or city's possessive, and the text without
    any other possessive ("Khuzestan Province's X" is owned; "Acme's X" and "Iran's X" are X)."""
    match = re.match(r"(?P<owner>(?P<first>[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?)['’]s\s+", org_text)
    if match is None:
        return False, org_text
    owner = (
        match.group("owner") if match.group("owner") in places_by_form() else match.group("first")
    )
    if owner in places_by_form() and owner not in country_forms():
        return True, org_text
    # a country's body is the national one ("Iran's Statistical Centre"): no owner in its name
    return False, org_text[match.end() :]


@cache
def country_forms() -> frozenset[str]:
    """Every surface form of a country (its national bodies are named without it)."""
    return frozenset(
        form
        for entry in vocab.gazetteer()
        if entry.kind == "country"
        for form in entry.surface_forms
    )


# ------------------------------------------------------------------------ named bodies


@cache
def _gazetteer() -> tuple[re.Pattern[str], dict[str, vocab.GazetteerEntry]]:
    by_form: dict[str, vocab.GazetteerEntry] = {}
    for entry in vocab.gazetteer():
        if entry.kind in ("news", "agency"):
            for form in entry.surface_forms:
                by_form.setdefault(form, entry)
    # "FT/6130947" closing a Mehr article is an editor's code, not the Financial Times
    pattern = re.compile(rf"(?<![\w-])(?:{vocab.alternation(by_form)})(?![\w-]|/\d)")
    return pattern, by_form


def _find_gazetteer_agencies(table: EntityTable, sentence: Sentence) -> None:
    pattern, by_form = _gazetteer()
    for match in pattern.finditer(sentence.text):
        form = match.group(0)
        entry = by_form[form]
        if (
            entry.kind == "news"
            and form.lower() in IRANIAN_MONTHS
            and not _credits(sentence.text, match)
        ):
            continue  # "Mehr" is a month unless something is reported, told or quoted
        agency = table.agency(
            entry.label, acronym=entry.acronym, news=entry.kind == "news", reference=entry.iri
        )
        agency.same_as = entry.same_as
        if form not in agency.names:
            agency.names.append(form)
        end = match.end()
        tail = re.match(r"\s+(?:News\s+Agency|news\s+agency)", sentence.text[end:])
        if tail and "news" not in form.lower():
            end += tail.end()
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


def _credits(text: str, match: re.Match[str]) -> bool:
    """True when the words around ``match`` credit it as a source ("Mehr reported")."""
    after = text[match.end() : match.end() + 30]
    before = text[max(0, match.start() - 30) : match.start()]
    return bool(
        re.match(r"\s+(?:News|news|reported|said|quoted|wrote|cited)|['’]s\s+report", after)
        or re.search(r"(?:told|to|by|from|with|according to|quoting|cited by)\s+$", before)
    )


def _find_acronym_definitions(table: EntityTable, sentence: Sentence) -> None:
    for match in _ACRONYM_DEF.finditer(sentence.text):
        acronym = match.group("acr")
        if _name_known_acronym(table, sentence.start + match.end("name"), acronym):
            continue
        full = _acronym_expansion(match.group("name"), acronym)
        if full is None:
            continue
        body = _BODY_BEFORE.search(match.group("name")[: len(match.group("name")) - len(full)])
        if (
            head_word(full) is None
            and body is not None
            and body.group(0).split()[0].lower() in ORGANISATION_WORDS
        ):
            # "Organization for Development, Renovation and Equipping of Schools (DRES)": the
            # letters spell the words after the organisation word, which names the body
            full = body.group(0) + full
        start = sentence.start + match.end("name") - len(full)
        end = sentence.start + match.end()
        if (
            head_word(full) is None
            and head_word(re.split(r"\s+(?:of|for)\s+", full)[0]) is None
            and not re.search(r"News\s+Agency", full)
            and not _of_a_place(full)
        ):
            # "small and medium-sized enterprises (SMEs)": a population, not a body; but the
            # head of "Institute for Geography and Statistics" comes before its "for"
            continue
        agency = table.agency(full, acronym=acronym, news=bool(re.search(r"News\s+Agency", full)))
        agency.sentences.append(sentence.index)
        table.add(Occurrence("agency", agency.ref, sentence.index, start, end, full))


#: An organisation word and "for" or "of" right before an acronym's words.
_BODY_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+(?:for|of)\s+$")


def _of_a_place(name: str) -> bool:
    """Whether a capitalised ``name`` ends "of <place>", as a national body's does with no
    organisation word ("Central Insurance of Iran")."""
    match = re.fullmatch(
        # "Geological Survey and Mineral Explorations of Iran"
        r"(?:[A-Z][\w-]*\s+(?:and\s+)?){1,5}of\s+(?:the\s+)?(?P<place>[A-Z][\w\s]*)",
        name,
    )
    return match is not None and match.group("place") in places_by_form()


def _name_known_acronym(table: EntityTable, name_end: int, acronym: str) -> bool:
    """Give an acronym in brackets right after a gazetteer body's name to that body, even when
    its letters do not spell the English name: Iranian bodies keep their Persian acronyms
    ("Islamic Republic of Iran Railways (RAI)"). True when it did."""
    for occurrence in table.occurrences:
        if occurrence.kind != "agency" or occurrence.end != name_end:
            continue
        agency = table.agency_by_ref(occurrence.ref)
        if agency.reference is None or agency.acronym not in (None, acronym):
            return False
        table.agency(agency.label, acronym=acronym, reference=agency.reference)
        return True
    return False


def _acronym_expansion(run: str, acronym: str) -> str | None:
    """The part of the capitalised ``run`` that ``acronym`` abbreviates: the shortest tail that
    spells it, else (acronyms of names in another language: "IBGE") the name with an
    organisation word that ends the run."""
    tokens = list(re.finditer(r"[^\s,]+", run))
    words = [t.group(0) for t in tokens]
    for first in range(len(words) - 1, -1, -1):
        if words[first][0].isupper() and acronym_fits(acronym, words[first:]):
            return run[tokens[first].start() :]
    names = [m for m in _ORG_NAME.finditer(run) if m.end() == len(run.rstrip())]
    if names:
        name, _ = strip_openers(names[-1].group(0))
        return name or None
    return None


#: A name goes on to a second organisation word: "Arvand Free Zone Organization" (the name
#: pattern stops at the first one so that it never runs across "and the").
_FURTHER_WORD = re.compile(rf"(?:\s+{CAP_WORD})*?\s+(?:{_ORG_WORDS})\b(?![-’']){_TAILS}")
#: Capitalised words after a lone organisation word.
_NAME_AFTER = re.compile(
    rf"(?:(?:\s+&)?\s+{CAP_WORD}|\s+(?:de|van|den|der|von|du|da|la|le)\s+{CAP_WORD})+"
)
#: A possessive right before a body's name ("Khuzestan Province's").
_PLACE_OWNER = re.compile(rf"(?<![\w-]){OWNER}\s+$")
#: The rest of a name whose organisation word is a plural in a list: "Ports and Maritime
#: Department" after "Sistan-Baluchestan Ports".
_LISTED_TAIL = re.compile(rf"\s+and\s+(?:{CAP_WORD}\s+)*?(?:{_ORG_WORDS})\b")


#: A body's other name in brackets after its name, with an organisation word (no acronym).
_BRACKETED_NAME = re.compile(
    r" \((?P<name>(?:[A-Z][\w’'-]*\s+(?:(?:of|and|for|the)\s+)*){1,6}[A-Z][\w’'-]*)\)"
)


def _find_organisation_names(table: EntityTable, sentence: Sentence) -> None:
    for match in _ORG_NAME.finditer(sentence.text):
        whole, end = match.group(0), match.end()
        last = whole.split()[-1].lower()
        if (
            last.endswith("s")
            and last in ORGANISATION_WORDS
            and (tail := _LISTED_TAIL.match(sentence.text, end))
        ):
            whole, end = whole + tail.group(0), tail.end()
        if tail := _FURTHER_WORD.match(sentence.text, end):
            whole, end = whole + tail.group(0), tail.end()
        elif re.fullmatch(r"(?:[A-Z]\w*,\s+)?Bank", whole) and (
            tail := _NAME_AFTER.match(sentence.text, end)
        ):
            # banks named "Bank X": "Bank Melli Iran", "Bank Sepah", "Bank Oyens & Van Eeghen";
            # a post after the name ends it ("Bank Sepah CEO Reza Karimi")
            kept = re.split(rf"\s+(?=(?:CEO|{_TITLE_ALTERNATION})\b)", tail.group(0), maxsplit=1)[0]
            whole, end = whole + kept, end + len(kept)
        raw = re.split(r"['’]s\s+", whole)[-1]  # "Fed's Open Market Committee"
        kept = _without_apposition(raw)
        # "According to X, Khorasan Razavi Industrial Parks Company, ...": the body is the tail
        raw = raw[raw.rindex(kept) :] if not raw.startswith(kept) else raw
        name, skipped = strip_openers(kept)
        owner = _PLACE_OWNER.search(sentence.text, 0, end - len(raw) + skipped)
        if owner and name and place_owned(owner.group(0) + name)[0]:
            # a province's own body keeps the province in its name: every province has an
            # "Industry, Mining and Trade Department"
            name, skipped = owner.group(0) + name, skipped - len(owner.group(0))
        if len(name.split()) < 2 or name.split()[0].lower() in _TITLE_WORDS:
            continue
        if not _has_organisation_word(name):
            continue  # "X Y, Governor of the Reserve": the apposition was the body, not X Y
        offset = end - len(raw) + skipped
        bracket = _BRACKETED_NAME.match(sentence.text, end)
        if bracket is not None and not _has_organisation_word(bracket.group("name")):
            bracket = None
        if sentence.text[end : end + 2] == " (" and bracket is None:
            continue  # an acronym definition handled it
        start = sentence.start + offset
        if table.covered(start, start + len(name), "agency"):
            continue
        agency = table.agency(name)
        if bracket is not None and bracket.group("name") not in agency.names:
            # "Bank Keshavarzi (Agricultural Bank of Iran)": the body's name in English too
            agency.names.append(bracket.group("name"))
        agency.sentences.append(sentence.index)
        table.add(Occurrence("agency", agency.ref, sentence.index, start, start + len(name), name))


def _has_organisation_word(text: str) -> bool:
    return any(w.lower().strip(",").split("-")[-1] in ORGANISATION_WORDS for w in text.split())


def _without_apposition(name: str) -> str:
    """``name`` without a trailing ", X Y" that is no part of a list: "Ministry of Industry,
    Mine and Trade" ends its list with "and"; "Foundation of X, Hassan Y" has a person after.
    A tail that alone has the organisation word is the name ("Yaghoubian, Khorasan ... Company")."""
    while "," in name:
        head, _, last = name.rpartition(",")
        if re.search(r"(?:^|\s)(?:and|&)\s", last):
            break
        if not _has_organisation_word(head) and _has_organisation_word(last):
            return last.strip()
        name = head
    return name


#: "the provincial Industry, Mining and Trade Organization": a province's own body, written
#: without the province.
_PROVINCIAL = re.compile(r"\b[Tt]he\s+provincial\s+$")


def name_provincial_bodies(table: EntityTable) -> None:
    """Name a body written as "the provincial X" after the one province the article names ("X
    of Mazandaran Province"): every province has an X of its own."""
    provinces = {ref: p.label for ref, p in table.places.items() if p.kind == "province"}
    if len(provinces) != 1:
        return
    province = next(iter(provinces.values()))
    if not province.endswith("Province"):
        province += " Province"
    for occurrence in table.occurrences:
        if occurrence.kind != "agency" or not _PROVINCIAL.search(
            table.text, max(0, occurrence.start - 20), occurrence.start
        ):
            continue
        agency = table.agency_by_ref(occurrence.ref)
        if agency.reference is None and province not in agency.label:
            table.add_agency_name(agency.ref, f"{agency.label} of {province}")


def find_known_names(table: EntityTable, sentence: Sentence) -> None:
    """Later mentions of an agency by any name it was given (acronym, short name), or by its
    name without "Company" ("Iran Insurance" for Iran Insurance Company)."""
    names = {n: a for a in table.agencies for n in a.names if len(n) > 1}
    short = {
        m.group("short"): a
        for a in table.agencies
        if (m := _COMPANY_SUFFIX.fullmatch(a.label)) is not None and m.group("short") not in names
    }
    if short:
        inside = [
            (sentence.start + m.start(), sentence.start + m.end())
            for m in re.finditer(
                rf"(?<![\w-])(?:{vocab.alternation(short)})(?![\w-])", sentence.text
            )
        ]
        # the country in "Iran Insurance" is part of the body's name
        table.occurrences = [
            o
            for o in table.occurrences
            if not (o.kind == "place" and any(a <= o.start and o.end <= b for a, b in inside))
        ]
    table.mark_names("agency", names | short, sentence)


#: A company's name and the short form it goes by: "Iran Insurance Company" -> "Iran Insurance".
_COMPANY_SUFFIX = re.compile(
    r"(?P<short>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)+)\s+(?:Company|Co\.?|Corporation|Corp\.?)"
)


def agency_names_pattern(table: EntityTable) -> str:
    """A regex alternation of every name of every known agency (never matching when none)."""
    names = [n for a in table.agencies for n in a.names if len(n) > 1]
    return vocab.alternation(names) if names else r"(?!x)x"


# ----------------------------------------------------------------------------- references

_GENERIC = re.compile(
    rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|his|her)\s+(?P<portfolio>(?!the\b|a\b|an\b|said\b|same\b)"
    rf"[a-z]+\s+)?(?P<head>{words_pattern(ORGANISATION_WORDS | frozenset(COMPANY_NOUNS))})\b"
    r"(?!\s+of\b)"
)


def find_generic_references(table: EntityTable, sentence: Sentence) -> None:
    """ "the ministry", "the industry ministry", "the insurer", "the firm": the latest agency
    named with that organisation word (and portfolio, when written) or described with that
    noun; a company noun no agency was described with refers to the company its sentence named
    last, else to the article's main agency."""
    for match in _GENERIC.finditer(sentence.text):
        start = sentence.start + match.start()
        if table.covered(start, sentence.start + match.end()):
            continue
        ref = _referent(table, match, start, sentence.index)
        if ref is None:
            continue
        table.add(
            Occurrence(
                "agency",
                ref,
                sentence.index,
                start,
                sentence.start + match.end(),
                match.group(0),
                generic=not match.group("portfolio"),
            )
        )


_PARENT_ASIDE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[a-z]+\s+)?(?:subsidiary|affiliate|arm|unit|branch|part|member)\s+of\s+"
    r"[^,;]*$"
)


def in_parent_aside(text: str, position: int) -> bool:
    """Whether ``position`` lies in a ", a subsidiary of X," aside: X is the parent of the body
    named before it, never what "the company" refers back to."""
    return _PARENT_ASIDE.search(text, max(0, position - 120), position) is not None


def _referent(table: EntityTable, match: re.Match[str], position: int, sentence: int) -> str | None:
    """The agency a generic reference ``match`` refers to, None when it refers to none."""
    head = match.group("head")
    portfolio = (match.group("portfolio") or "").strip()
    earlier = [
        o
        for o in table.occurrences
        if o.kind == "agency"
        and o.start < position
        and not o.generic
        and not table.is_news(o.ref)
        and not in_parent_aside(table.text, o.start)
    ]

    def fits(agency: AgencyRecord) -> bool:
        named_so = head_word(agency.label) == head or head in agency.kinds
        if portfolio and named_so and head in ORGANISATION_WORDS:
            return same_body(f"{portfolio} {head}", agency.label)
        return named_so

    fitting = [o for o in earlier if fits(table.agency_by_ref(o.ref))]
    if fitting:
        return max(fitting, key=lambda o: o.start).ref
    only = [a for a in table.agencies if not a.news and fits(a)]
    if len(only) == 1 and head == "ministry":
        # the article's one ministry, known only from a post ("The deputy minister of cultural
        # heritage, tourism and handicrafts"): "the ministry" is that one
        return only[0].ref
    if portfolio and head in ORGANISATION_WORDS:
        known = table.find_agency(f"{portfolio.title()} {head.title()}")
        return known.ref if known else None
    if head not in ORGANISATION_WORDS or head in ("company", "group", "bank", "corporation"):
        if portfolio:
            return None
        # "X, the managing director of PGPIC, said the holding produced": the company just
        # named in the sentence, before the article's main body
        company = [o for o in earlier if o.sentence == sentence and _COMPANY_HEADS.search(o.text)]
        return max(company, key=lambda o: o.start).ref if company else table.main_agency
    return None


#: A body's name that makes it a company, which "the holding" or "the company" may refer to.
_COMPANY_HEADS = re.compile(r"\b(?:Company|Co\.?|Corporation|Group|Holding|Holdings)\b|^[A-Z]{2,}$")
