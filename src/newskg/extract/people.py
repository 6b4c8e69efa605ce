"""People and their posts: "ISIPO Deputy Head Ali Asqar Mosaheb", "Rod Eddington, BA's chief
executive", "the head of ISIPO, Mohsen Salehinia", "economist Paul Sheard at Lehman Brothers";
posts named without a person ("ISIPO head had announced", "its chief executive has said") and the
person the article names next; bare surnames and "Mr X" for people already named.

A post belongs to the body written with it. When none is written, ``refv:office`` in titles.ttl
decides: a state office ("President X", "finance minister X") belongs to the government of the
article's country, an executive post ("chief executive X") to the organisation the article is
about, a professional title ("economist X") to no body. A minister's portfolio names a ministry
when the article names that ministry ("Deputy Industry Minister" and "the Industry Ministry");
otherwise the portfolio stays in the title ("economy minister").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from newskg.extract import vocab
from newskg.extract.lexicon import COMPANY_SUFFIXES, NON_NAME_WORDS, PORTFOLIO_WORDS, SPEECH
from newskg.extract.names import (
    ORGANISATION_WORDS,
    head_word,
    name_tokens,
    person_key,
    same_body,
)
from newskg.extract.organisations import (
    COMPANY_NAME,
    OWNER,
    agency_names_pattern,
    in_parent_aside,
    place_owned,
    places_by_form,
    strip_openers,
)
from newskg.extract.periods import iranian_article
from newskg.extract.records import RoleMention, Sentence
from newskg.extract.table import (
    AgencyRecord,
    EntityTable,
    Occurrence,
    PersonRecord,
    UnnamedRole,
)

#: A name part; after an apostrophe two or more letters follow ("O'Neill", "Sa'idi"), never the
#: one letter of a possessive ("Ghorbani's").
_NAME_PART = r"[A-Z][a-z]*[A-Z]?[a-z]+(?:-[A-Z]?[a-z]+)*(?:['’][A-Za-z][a-z]+)?"
_PARTICLE = r"(?:van|von|de|da|den|der|al|bin|el|ibn|dos|du)"
#: Two to five name parts ("Ali-Asghar Mosaheb", "George W Bush", "Luiz Inacio Lula da Silva").
PERSON_NAME = rf"{_NAME_PART}(?:\s+(?:{_PARTICLE}\s+)*(?:{_NAME_PART}|[A-Z]\.?(?=\s+[A-Z]))){{1,4}}"
_HONORIFIC = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Lord|Sir|Lady)\.?\s+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
)
#: Marker agencies resolved once the whole article is read.
MAIN, COUNTRY = "@main", "@country"
_NOT_PORTFOLIO = (
    r"(?!(?:said|says|told|added|noted|the|a|an|its|his|her|their|our|and|of|for|with|by|as"
    r"|new|top|former|is|was|has|had|who|which|that|to|in|on|at|from|then|now|also|but|yet|or"
    r"|nor|so|when|while|if|after|before|because|although|though|where)\b)"
)


@cache
def _title_forms() -> dict[str, vocab.Title]:
    """Lower-cased surface form -> title."""
    return {form.lower(): title for title in vocab.titles() for form in title.forms}


@cache
def _title_phrase() -> str:
    """A title with its modifiers and portfolio: "Deputy Industry Minister", "chief US
    economist", "chairman and chief executive"."""
    # the forms are only ever matched case-insensitively, so their upper-case spellings would
    # only lengthen the pattern (and its compile time: it is rebuilt with each agency set)
    forms = vocab.alternation(_title_forms())
    modifiers = vocab.alternation(vocab.title_modifiers())
    modifier = rf"(?i:{modifiers})[\s-]+"
    # a modifier is never a portfolio: "Deputy Head" is not the head of a "Deputy" portfolio
    # nor is a title word: "Deputy Roads Minister and PMO head X" holds two posts, and
    # "Minister and PMO" is no portfolio
    tails = vocab.alternation(_title_tail_words())
    word = rf"(?!(?i:{modifiers}|{tails}|the|an?|its|his|her|their)\b)(?:[A-Z][a-z]+|[A-Z]{{2,}})"
    # a lower-case portfolio is one word right before the title ("economy minister"); longer
    # ones run into the clause before it ("a meeting, CBI Governor")
    portfolio = (
        rf"(?P<portfolio>(?<![\w'’-])(?:{word}(?:,?\s+(?:and\s+)?{word}){{0,3}}"
        rf"|{_NOT_PORTFOLIO}(?!(?:{modifiers})\b)(?![a-z]+(?:ing|ed)\b)[a-z]+)\s+)?"
    )
    one = rf"(?:{modifier}){{0,2}}(?i:{forms})\b"
    return (
        rf"(?P<title>(?P<mods>(?:{modifier}){{0,2}}){portfolio}(?i:{forms})\b(?:\s+and\s+{one})?)"
    )


def _org_span(agencies: str, group: str) -> str:
    """A named group matching a known agency name (``agencies``, the alternation of
    ``agency_names_pattern``) or any company-like capitalised name, with the place it belongs
    to when written as a possessive ("Khuzestan Province's Agriculture Jihad Organization" is
    the province's own body)."""
    return rf"(?P<{group}>(?:{OWNER}\s+)?(?:{agencies}|{COMPANY_NAME}))"


# The patterns below embed the names of the agencies known so far, so they change as an article
# is read. They are compiled once per distinct set of names and kept here: ``re``'s own cache
# is small and shared, and the many per-article patterns evicted them, so they were compiled
# again for nearly every sentence (most of the extraction time on the BBC corpus).
_PATTERNS_KEPT = 256


@lru_cache(maxsize=_PATTERNS_KEPT)
def _title_before_pattern(agencies: str) -> re.Pattern[str]:
    """A title (with its body or portfolio) that ends right before a name."""
    return re.compile(
        # "of West Azarbaijan for economic affairs": the body, then its detail
        rf"{_title_phrase()}(?:\s+(?:of|for|at|with)\s+(?!{_DETAIL_NO_FOR}\b)(?:the\s+)?"
        rf"(?:{_org_span(agencies, 'org2')}|{_WORDS_PORTFOLIO})(?:\s+\([A-Z][\w&]+\))?"
        # a minister's portfolio in lower case ("of cultural heritage, tourism and handicrafts")
        # or field ("for sports infrastructure development"), closed by the comma before the name
        rf"|\s+of\s+(?P<lower>{_LOWER_LIST})(?=\s+for\s|,\s+$)"
        rf"|\s+for\s+(?!{_DETAIL}\b)(?P<field>{_LOWER_LIST})(?=,\s+$))?"
        rf"(?:\s+for\s+(?P<detail>{_DETAIL})"
        # "the deputy head of the Innovation and Prosperity Fund (IPF) for financing, X,"
        rf"|\s+for\s+(?P<area>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){{0,3}})(?=,\s+$))?,?\s+$"
    )


def _lower_words(stop: str | None = None) -> str:
    """Lower-case words, listed with commas and "and" ("cultural heritage, tourism and
    handicrafts"); none after the first is one of the ``stop`` alternation."""
    not_stop = rf"(?!(?:{stop})\b)" if stop else ""
    return rf"[a-z][a-z-]+(?:(?:,\s+|\s+)(?:and\s+)?{not_stop}[a-z][a-z-]+){{0,5}}"


_LOWER_LIST = _lower_words()


@lru_cache(maxsize=_PATTERNS_KEPT)
def _body_before_pattern(agencies: str) -> re.Pattern[str]:
    """A body's name (or its possessive) that ends right before a title."""
    return re.compile(rf"{_org_span(agencies, 'org')}(?:['’]s?)?\s+$")


@lru_cache(maxsize=_PATTERNS_KEPT)
def _body_after_pattern(agencies: str) -> re.Pattern[str]:
    """ "of/at/with/from/for <body>" right after a name."""
    return re.compile(rf"\s+(?:of|at|with|from|for)\s+(?:the\s+)?{_org_span(agencies, 'org')}")


@lru_cache(maxsize=_PATTERNS_KEPT)
def _title_after_pattern(agencies: str) -> re.Pattern[str]:
    """A title in apposition after a name (", the head of X")."""
    return re.compile(
        rf",\s+(?:(?P<anaphor>{_BODY_ANAPHORA})['’]s\s+|the\s+|an?\s+)?"
        rf"(?:{_org_span(agencies, 'org')}(?:['’]s?)?\s+)?{_title_phrase()}"
        rf"(?:\s+(?:of|at|with|for|in)\s+(?:the\s+)?{_org_span(agencies, 'org2')}"
        # "of the PMO's Hormozgan Ports and Maritime Department": the department is the body
        r"(?:['’]s\s+(?P<unit>[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,6}))?)?"
        # a portfolio in words may list ("of industry, mining and trade"), but ends before
        # the clause goes on (", said")
        rf"(?:\s+of\s+(?P<ministry>[a-z]+(?:,\s+(?!(?:{SPEECH})\b)[a-z]+)*(?:,?\s+and\s+[a-z]+)?"
        r"(?:\s+[a-z]+)*?)(?=\s+for\b|[,.;]))?"
        rf"(?:\s+for\s+(?P<detail>{_DETAIL}))?"
        # the body may come after the portfolio: "the deputy head for economic affairs at X"
        rf"(?:\s+(?:of|at|in)\s+(?:the\s+)?{_org_span(agencies, 'org3')})?"
    )


def find_titled_people(table: EntityTable, sentence: Sentence) -> None:
    """People named with a title before or after their name."""
    text = sentence.text
    for match in re.finditer(rf"(?<![\w’'-]){PERSON_NAME}", text):
        for start, end, partial in _name_candidates(text, match.start(), match.end()):
            roles = _titles_before(table, text, start, end)
            after = None if roles else _title_after(table, text, end)
            roles = roles or ([after] if after else [])
            if not roles:
                continue
            if len(text[start:end].split()) > 2 and (
                text[start:end].split()[0].lower() in PORTFOLIO_WORDS
            ):
                continue  # the run began with the end of a written-out portfolio
            if partial and not _ends_a_body(table, roles[-1][2]):
                # a shorter run is a name only after a whole body's name ("of Tabriz Trade
                # Chamber X"), not after part of one ("of Turkish | State Railways")
                continue
            name = text[start:end]
            if not valid_person_name(table, name):
                continue
            for role in roles:
                _record_person(table, sentence, start, end, name, role)
            break


def _ends_a_body(table: EntityTable, org_text: str | None) -> bool:
    """Whether ``org_text`` is a whole body's name: a known agency or a name with an
    organisation word."""
    if not org_text:
        return False
    return table.find_agency(org_text) is not None or head_word(org_text) is not None


def _name_candidates(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Spans of a capitalised run that may be a name: after its last title word ("ISIPO Deputy
    Head Ali Asqar Mosaheb"), else the whole run, then its shorter tails (flagged partial)."""
    run = text[start:end]
    words = list(re.finditer(r"\S+", run))
    cut = None
    for i, word in enumerate(words):
        if word.group(0).lower() in _title_tail_words() or word.group(0).lower() in (
            "affairs",
            "mr",
            "mrs",
            "ms",
            "dr",
        ):
            cut = i
    if cut is None and len(words) >= 3 and _field_before().search(text, max(0, start - 80), start):
        # "CBI Deputy Governor for Banking Supervision Mahtab Ghazanfari": a field with no
        # closing "Affairs" ends where the name's last two words begin
        return [(start + words[-2].start(), end, False)]
    if cut is None:
        # the run may begin with the end of a body's name ("Head of the Iran Chamber of
        # Commerce Gholam-Hossein Shafei"): shorter runs, down to two words, come after it
        if not _title_word_near().search(text, max(0, start - 80), start):
            return [(start, end, False)]  # no title before it: no body's name ends inside it
        later = [start + w.start() for w in words[1:-1]]
        return [(start, end, False), *((s, end, True) for s in later)]
    if cut == len(words) - 1:
        return []
    # the run stopped at its length limit; the name goes on after it ("New York Attorney
    # General Elliot Spitzer")
    more = re.match(rf"(?:\s+{_NAME_PART}){{1,{cut + 1}}}", text[end:])
    return [(start + words[cut + 1].start(), end + (more.end() if more else 0), False)]


@cache
def _title_word_near() -> re.Pattern[str]:
    """Any title word followed by "of", "for" or "at" ("Head of the ... X")."""
    return re.compile(rf"(?i:\b(?:{vocab.alternation(_title_tail_words())}))\s+(?:of|for|at)\b")


@cache
def _field_before() -> re.Pattern[str]:
    """A title word and "for" right before a capitalised run: the run opens with a field."""
    return re.compile(rf"(?i:\b(?:{vocab.alternation(_title_tail_words())}))\s+for\s+$")


@cache
def _title_tail_words() -> frozenset[str]:
    return frozenset(form.split()[-1] for form in _title_forms())


_Role = tuple[str, str | None, str | None, str | None]


def _titles_before(table: EntityTable, text: str, name_start: int, name_end: int) -> list[_Role]:
    """The posts written before a name: one ("ISIPO head X"), or two joined by "and" when the
    second has its own body ("Deputy Roads Minister and PMO head X" holds both posts)."""
    found = _title_before(table, text, name_start, name_end)
    if found is None:
        return []
    role, start = found
    if role[2] is None:
        return [role]
    first = re.search(rf"{_title_phrase()}\s+and\s+$", text[:start])
    if first is not None:
        return [_title_parts(first, None, None), role]
    written, portfolio, org_text, detail = role
    head, joined, tail = written.partition(" and ")
    if joined and portfolio and portfolio in head and normalise_title(head)[2]:
        # "Deputy Oil Minister and CEO of the NPC": the first post is in the ministry its
        # portfolio names, only the second is at the body
        return [(head, portfolio, None, None), (tail, None, org_text, detail)]
    return [role]


def _title_before(
    table: EntityTable, text: str, name_start: int, name_end: int
) -> tuple[_Role, int] | None:
    """(title, portfolio, org text, detail) of a title written before the name at
    ``name_start``; the body may follow the title ("head of ISIPO, X"), precede it ("ISIPO head
    X") or follow the name ("analyst X of Dresdner Kleinwort Wasserstein"); with the start of
    the title."""
    agencies = agency_names_pattern(table)
    match = _title_before_pattern(agencies).search(text[:name_start])
    if match is None:
        return None
    presidency = _vice_presidency(
        match.group("title"), match.group("words") or match.group("detail")
    )
    minister = re.search(r"\bminister\b", match.group("title"), re.I) is not None
    # "Deputy Governor for Banking Supervision X": capitalised words after "for" are a field
    field_words = next(
        (
            match.group(group)
            for group in ("words", "org2")
            if match.group(group)
            and not minister
            and re.search(r"\bfor\s+$", text[: match.start(group)])
            and table.find_agency(match.group(group)) is None
        ),
        None,
    )
    if (
        presidency is None
        and (match.group("words") or match.group("lower"))
        and not minister
        and not field_words
    ):
        return None  # only a minister's title is followed by a portfolio in words
    org_text = (None if field_words else match.group("org2")) or presidency
    if org_text is None and match.group("lower"):
        org_text = _named_ministry(table, match.group("lower"), match.group("title"))
    if org_text is None and match.group("words"):
        # "Minister of Industry, Mine and Trade X": a ministry named by its portfolio
        org_text = _named_ministry(table, match.group("words").lower(), match.group("title"))
    if org_text is None:
        before = _body_before_pattern(agencies).search(text[: match.start("title")])
        org_text = before.group("org") if before else None
        if org_text and not strip_openers(org_text)[0]:
            org_text = None  # "Yet analyst X of Y": an opener is no body; look after the name
        anaphor = re.search(rf"\b({_BODY_ANAPHORA})['’]s\s+$", text[: match.start("title")], re.I)
        if org_text is None and anaphor:
            org_text = anaphor.group(1)  # "the bank's CEO X"
        if org_text is None and re.search(r"\bits\s+$", text[: match.start("title")]):
            # "Bank Maskan ... has paid ..., its managing director, X, said": the body the
            # sentence named last, not the article's main one
            org_text = _last_known_body(table, text[: match.start("title")])
        place = re.search(r"\b[Tt]he\s+(province|city)['’]s\s+$", text[: match.start("title")])
        if org_text is None and place:
            # "The province's deputy governor general": the only province the article names
            org_text = _only_place(table, place.group(1))
    if org_text is None:
        after = _body_after_pattern(agencies).match(text[name_end:])
        org_text = after.group("org") if after else None
    detail = (
        None
        if presidency
        else (match.group("detail") or match.group("field") or match.group("area") or field_words)
    )
    # a sentence that starts with the title capitalises its field only by position
    # ("Aviation analyst X of Y"): with the body named elsewhere, it is the lower-case field
    initial = match.start("title") == 0 and org_text is not None
    parts = _title_parts(match, org_text, _affairs(detail) if detail else None, initial=initial)
    return parts, match.start()


def _last_known_body(table: EntityTable, text: str) -> str | None:
    """The name of the last known agency (not a news agency) written in ``text``, if any."""
    names = re.finditer(rf"\b(?:{agency_names_pattern(table)})\b", text)
    found = [table.find_agency(m.group(0)) for m in names]
    known = [a.label for a in found if a is not None and not a.news]
    return known[-1] if known else None


#: A portfolio in capitalised words, listed: "of Industry, Mine and Trade", "of Roads and Urban
#: Development" (read with a minister's title).
_WORDS_PORTFOLIO = r"(?P<words>[A-Z][a-z]+(?:,?\s+(?:and\s+)?[A-Z][a-z]+){1,4})"


def _title_after(
    table: EntityTable, text: str, name_end: int
) -> tuple[str, str | None, str | None, str | None] | None:
    """(title, portfolio, org text, detail) of a title in apposition after a name."""
    match = _title_after_pattern(agency_names_pattern(table)).match(text, name_end)
    if match is None:
        return None
    unit = match.group("unit")
    org_text = (
        match.group("org")
        or (unit if unit and head_word(unit) else match.group("org2"))
        or match.group("org3")
        or match.group("anaphor")
    )
    presidency = None
    if org_text is None:
        field = _FIELD.match(text, match.end())
        written = match.group("detail") or (field.group("field") if field else None)
        presidency = org_text = _vice_presidency(match.group("title"), written)
    if org_text is None and match.group("ministry"):
        # "the deputy minister of roads and urban development": the ministry named in words
        org_text = _named_ministry(table, match.group("ministry"), match.group("title"))
    detail = None if presidency else match.group("detail")
    return _title_parts(match, org_text, _affairs(detail) if detail else None)


#: The field a vice president is "for", to the end of its list: "for science, technology and
#: knowledge-based economy, told".
_FIELD = re.compile(
    rf"\s+for\s+(?P<field>(?:(?!(?:{SPEECH})\b)[A-Za-z-]+(?:,\s+|\s+)(?:and\s+)?){{0,6}}"
    r"[A-Za-z-]+)(?=\s*[,.;:])"
)


def _vice_presidency(title: str, field: str | None) -> str | None:
    """The body of a vice president "for" a field: Iran's vice-presidencies are bodies of their
    own ("Vice-Presidency for Science, Technology and Knowledge-based Economy")."""
    if not field or normalise_title(title)[0] != "vice president":
        return None
    return "Vice-Presidency for " + _capitalised(" ".join(field.split()))


#: What a post is "for": "industrial parks affairs", "Agronomy Affairs", "economic affairs".
_DETAIL = r"(?:[A-Za-z-]+\s+){0,5}?(?:[Aa]ffairs|matters|division|department|sector)"
#: A detail that does not run over a "for": what follows "of" is a body when a "for" follows it.
_DETAIL_NO_FOR = (
    r"(?:(?!for\b)[A-Za-z-]+\s+){0,5}?(?:[Aa]ffairs|matters|division|department|sector)"
)


def _affairs(detail: str) -> str:
    """The detail of a post as gold and readers write it: lower case."""
    return re.sub(r"\s+", " ", detail.lower()).strip()


def _named_ministry(table: EntityTable, portfolio: str, title: str) -> str | None:
    """The known ministry a "minister of <portfolio in words>" belongs to."""
    if not re.search(r"\bminister\b", title, re.I):
        return None
    words = re.sub(r"\s+", " ", portfolio).strip()
    wanted = "Ministry of " + words.title()
    known = _known_body(table, wanted)
    if known is not None:
        return known.names[0]
    # "the minister of industry, mining and trade" with no such ministry named before
    return f"Ministry of {_capitalised(words)}" if _in_ministry(table, title.lower()) else None


def _title_parts(
    match: re.Match[str], org_text: str | None, detail: str | None, *, initial: bool = False
) -> tuple[str, str | None, str | None, str | None]:
    """Split a title match into the title as written, its portfolio and its body; ``initial``
    when the title starts the sentence and a one-word portfolio is capitalised by position."""
    portfolio = (match.group("portfolio") or "").strip() or None
    title = match.group("title")
    if initial and portfolio and " " not in portfolio and portfolio not in places_by_form():
        title = title.replace(portfolio, portfolio.lower(), 1)
        portfolio = portfolio.lower()
    if portfolio and _ends_with_title(title, portfolio):
        portfolio = None  # "managing director": the word is part of the title, no portfolio
    # of two joined posts, the one the portfolio is in decides ("Deputy Oil Minister and CEO")
    first_post = title.partition(" and ")[0]
    with_portfolio = first_post if portfolio and portfolio in first_post else title
    if portfolio and not _implies_body(with_portfolio) and portfolio[0].isupper():
        if org_text is None:
            org_text = portfolio  # "BP chief executive", "New York attorney general"
        elif not detail:
            detail = portfolio  # "chief US economist"
        title = title.replace(portfolio, " ").strip()
        portfolio = None
    return re.sub(r"\s+", " ", title), portfolio, org_text, detail


def _ends_with_title(title: str, portfolio: str) -> bool:
    """True when ``portfolio`` starts a title form that ends ``title`` ("managing director")."""
    tail = title[title.rfind(portfolio) :].lower()
    return re.sub(r"\s+", " ", tail) in _title_forms()


def _implies_body(title: str) -> bool:
    """True for a title that with a portfolio names a body ("Industry Minister"). The whole
    title form must end the title: "governor general" implies a governorate, "attorney general"
    nothing, although both end in "general"."""
    lowered = re.sub(r"[\s-]+", " ", title.lower()).strip()
    return any(
        t.organisation_word and (lowered == form or lowered.endswith(" " + form))
        for f, t in _title_forms().items()
        for form in [re.sub(r"[\s-]+", " ", f.lower())]
    )


def _record_person(
    table: EntityTable,
    sentence: Sentence,
    start: int,
    end: int,
    name: str,
    role: tuple[str, str | None, str | None, str | None],
) -> None:
    """Add the person and the role ``role`` claims for them."""
    person = table.person(name)
    person.sentences.append(sentence.index)
    _add_role(table, sentence, person, role)
    offset = sentence.start
    table.add(Occurrence("person", person.ref, sentence.index, offset + start, offset + end, name))


def _add_role(
    table: EntityTable,
    sentence: Sentence,
    person: PersonRecord,
    role: _Role,
    *,
    second: bool = False,
) -> None:
    """Give ``person`` the post ``role`` (title, portfolio, body as written, detail) claims."""
    title_written, portfolio, org_text, detail = role
    title, agency = role_agency(table, title_written, portfolio, org_text, sentence)
    label = " ".join(p for p in (org_text, title_written) if p) if org_text else title_written
    person.roles.append(RoleMention(agency, title, label, detail, sentence.index, second))


#: A second post in a relative clause after a name or its post: "X, who is also a deputy
#: roads minister,", "X, a deputy roads minister who also heads the CDTIC".
_ALSO_POST = re.compile(
    r"(?:\s+\([A-Z][\w&]+\))?(?:,\s+(?:a|an|the)\s+[^,;]{1,80}?)?,?\s+who\s+"
    r"(?:is\s+also|also\s+serves\s+as|(?P<heads>also\s+heads))\s+"
)


def find_second_posts(table: EntityTable, sentence: Sentence) -> None:
    """Posts a relative clause adds to a person named (or referred to) in ``sentence``."""
    for occurrence in [
        o for o in table.occurrences if o.kind == "person" and o.sentence == sentence.index
    ]:
        role = _second_post(table, sentence, occurrence.end - sentence.start)
        if role is not None:
            _add_role(table, sentence, table.person_by_ref(occurrence.ref), role, second=True)


def find_second_posts_of_posts(table: EntityTable, sentences: tuple[Sentence, ...]) -> None:
    """Posts a relative clause adds to a post written without a name, once the post is given
    to its holder ("the head of the OIETAI, who is also a deputy economy minister,")."""
    for unnamed in table.unnamed_roles:
        if unnamed.person is None:
            continue
        sentence = sentences[unnamed.sentence]
        role = _second_post(table, sentence, unnamed.end - sentence.start)
        if role is not None:
            _add_role(table, sentence, table.person_by_ref(unnamed.person), role, second=True)


def _second_post(table: EntityTable, sentence: Sentence, position: int) -> _Role | None:
    """The post of a ", who is also ..." or ", who also heads ..." clause at ``position``."""
    match = _ALSO_POST.match(sentence.text, position)
    if match is None:
        return None
    rest = sentence.text[match.end() :]
    if match.group("heads"):
        # "who also heads the ministry's National Land and Housing Organization"
        owner = r"(?:the\s+[a-z]+['’]s\s+|its\s+|the\s+)?"
        body = re.match(owner + _org_span(agency_names_pattern(table), "org"), rest)
        return ("head", None, body.group("org"), None) if body else None
    # the post is read as an apposition would be (", a deputy roads minister"); a portfolio
    # may be written out ("a deputy roads and urban development minister")
    written = re.match(rf"(?:an?|the)\s+{_simple_title()}(?=[\s,.;])", rest)
    if written is not None and written.group("portfolio"):
        return (written.group(0).split(None, 1)[1], written.group("portfolio"), None, None)
    return _title_after(table, ", " + rest, 0)


def role_agency(
    table: EntityTable,
    written: str,
    portfolio: str | None,
    org_text: str | None,
    sentence: Sentence,
) -> tuple[str, str | None]:
    """The normalised title and the body (``ref`` or a marker) of a post as written."""
    # the portfolio may itself hold "and" ("Roads and Urban Development Minister"), which
    # would split the title in two: normalise the title without it
    core = written.replace(portfolio, " ") if portfolio else written
    title, office, organisation_word = normalise_title(core)
    title = _local_title(table, title)
    country_only = org_text is not None and _place_after_openers(_unpossessed(org_text))
    if organisation_word in _LOCAL_BODIES and country_only and iranian_article(table.text):
        # a mayor or governor general of a place heads its body ("Tehran's deputy mayor": Tehran
        # Municipality; "the province's deputy governor general": the province's governorate)
        place = re.sub(r"\s+Province$", "", country_only)
        body = _known_body(table, f"{place} {organisation_word}") or table.agency(
            f"{place} {organisation_word}"
        )
        body.sentences.append(sentence.index)
        return title, body.ref
    if portfolio and organisation_word and (not org_text or country_only):
        # "Iran's Oil Minister X" names the country, but the post is in the Oil Ministry
        ministry = _ministry_of(table, portfolio, organisation_word, title, sentence)
        if ministry is not None:
            return title, ministry
    if org_text:
        held_at = _body_of(table, org_text, sentence)
        if title == "deputy" and held_at is not None:
            title = _deputy_at(table, held_at)
        return _with_portfolio(title, portfolio), held_at
    if portfolio and organisation_word:
        return _with_portfolio(title, portfolio), COUNTRY
    only = _only_ministry(table, title) if office == "state" else None
    if only is not None:
        # "the deputy minister for employment affairs" in an article about one ministry
        return _with_portfolio(title, portfolio), only
    if office == "state":
        return _with_portfolio(title, portfolio), COUNTRY
    if office == "executive":
        return _with_portfolio(title, portfolio), MAIN
    return _with_portfolio(title, portfolio), None


def _deputy_at(table: EntityTable, ref: str) -> str:
    """The post a bare "deputy" holds at the body ``ref``: "the Energy Ministry's deputy for
    planning affairs" is a deputy minister, "NDFI's deputy for financing" a deputy head; a
    vice-presidency's deputy (and a company's or a bank's, whose posts vary) stays "deputy"."""
    if ref in (MAIN, COUNTRY):
        return "deputy"
    words = set(re.findall(r"[a-z]+", table.agency_by_ref(ref).label.lower()))
    if "ministry" in words:
        return "deputy minister"
    if words & {"presidency", "company", "corporation", "group", "bank", "co", "inc", "plc"}:
        return "deputy"
    return "deputy head"


#: The bodies a place's own officials head.
_LOCAL_BODIES = ("Municipality", "Governorate")


def _local_title(table: EntityTable, title: str) -> str:
    """A normalised title as the article's country names the post: Iranian bodies have a
    managing director (modir-amel), whom English outlets call CEO or chief executive alike."""
    if iranian_article(table.text):
        return re.sub(r"\bchief executive$", "managing director", title)
    return title


def _only_place(table: EntityTable, kind: str) -> str | None:
    """The name of the one place of ``kind`` ("province", "city") the article names."""
    found = {p.label for p in table.places.values() if p.kind == kind}
    return found.pop() if len(found) == 1 else None


def _only_ministry(table: EntityTable, title: str) -> str | None:
    """The ministry of a minister's post written without one, when the article names only one
    ministry."""
    ministries = [a for a in table.agencies if re.search(r"\bMinistry\b", a.label)]
    return ministries[0].ref if "minister" in title.split() and len(ministries) == 1 else None


def _unpossessed(org_text: str) -> str:
    return re.sub(r"['’]s?$", "", org_text)


def _ministry_of(
    table: EntityTable, portfolio: str, organisation_word: str, title: str, sentence: Sentence
) -> str | None:
    """The ministry of a "<portfolio> minister": the one the article names, else a new one when
    the convention puts the post there, else None (the post is the government's)."""
    known = _known_body(table, f"{portfolio} {organisation_word}")
    if known is not None:
        return known.ref
    if not _in_ministry(table, title):
        return None
    agency = table.agency(_ministry_name(table, portfolio, organisation_word))
    agency.sentences.append(sentence.index)
    return agency.ref


def _ministry_name(table: EntityTable, portfolio: str, organisation_word: str) -> str:
    """A ministry's name from a minister's portfolio: "industry" -> "Industry Ministry", or the
    official name of the Iranian ministry it fits in an Iranian article ("roads and urban
    development" -> "Ministry of Roads and Urban Development")."""
    name = f"{_capitalised(portfolio)} {organisation_word}"
    if iranian_article(table.text):
        official = [
            e.label
            for e in _iranian_ministries()
            if any(same_body(name, form) for form in (e.label, *e.hidden_labels))
        ]
        if len(official) == 1:
            return official[0]
    return name


@cache
def _iranian_ministries() -> tuple[vocab.GazetteerEntry, ...]:
    """The Iranian ministries in the reference gazetteer."""
    return tuple(
        e
        for e in vocab.gazetteer()
        if e.kind == "agency" and e.country == "Iran" and head_word(e.label) == "ministry"
    )


def _known_body(table: EntityTable, wanted: str) -> AgencyRecord | None:
    """The first agency of the article one of whose names is the body ``wanted`` names
    ("Industry Ministry" for the "Ministry of Industry, Mine and Trade")."""
    return next((a for a in table.agencies if any(same_body(wanted, n) for n in a.names)), None)


def _in_ministry(table: EntityTable, title: str) -> bool:
    """Whether a minister's post with no ministry named is one in the ministry: a deputy
    minister is an official of the ministry, not a member of the government; Iranian outlets
    report the minister too as the head of his ministry ("Oil Minister X": the Oil Ministry)."""
    return _is_deputy(title) or iranian_article(table.text)


def _capitalised(words: str) -> str:
    """A portfolio as a name: "roads and urban development" -> "Roads and Urban Development"."""
    small = {"and", "of", "the", "for"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in words.split())


#: Modifiers that make a post a subordinate one (a deputy minister is no cabinet member).
_SUBORDINATE = frozenset(["deputy", "vice", "assistant"])


def _is_deputy(title: str) -> bool:
    """True for a subordinate post: "deputy minister", "vice minister"."""
    return bool(set(title.split()[:-1]) & _SUBORDINATE)


def _with_portfolio(title: str, portfolio: str | None) -> str:
    if not portfolio:
        return title
    words = title.split()
    # "deputy economy minister": the portfolio goes before the title word, after modifiers
    return " ".join([*words[:-1], portfolio.lower(), words[-1]])


def _body_of(table: EntityTable, org_text: str, sentence: Sentence) -> str | None:
    """The agency a post's organisation text names: a known agency, a place's government
    ("New York attorney general"), or a new company."""
    org_text = re.sub(r"['’]s?$", "", org_text)
    if re.fullmatch(_BODY_ANAPHORA, org_text, re.I):
        # the body named last with that word ("Bank Melli Iran ... paid ..., the bank's CEO")
        found = _body_by_word(table, org_text.split()[-1].lower(), sentence.end)
        # with no such body named, the article's own ("the company's deputy CEO"), never a
        # new body called "company"
        return found if found is not None else MAIN
    place = _place_after_openers(org_text)
    if place is not None:
        return table.government(place)
    org_text, _ = strip_openers(org_text)
    if not org_text:
        return None
    is_owned, org_text = place_owned(org_text)
    if is_owned:
        # the body's full name keeps its owner; a shorter name found earlier becomes an alias
        owned = table.agency(org_text)
        owned.sentences.append(sentence.index)
        return owned.ref
    if table.find_agency(org_text) is not None:
        # through ``agency`` so that a fuller name than the one known becomes its label
        known = table.agency(org_text)
        known.sentences.append(sentence.index)
        return known.ref
    if org_text in places_by_form() or any(p.label == org_text for p in table.places.values()):
        return table.government(org_text)
    if org_text.lower() in ("its", "the company", "the firm", "the group", "the bank"):
        return MAIN
    if org_text.lower() in _title_tail_words() or org_text.lower() in NON_NAME_WORDS:
        return None
    agency = table.agency(org_text, acronym=org_text if org_text.isupper() else None)
    agency.sentences.append(sentence.index)
    return agency.ref


def _place_after_openers(org_text: str) -> str | None:
    """The place ``org_text`` names once sentence openers go ("Later, New York" -> "New York");
    checked word by word, as "New" is itself an opener."""
    words = org_text.split()
    for i in range(len(words)):
        candidate = " ".join(words[i:]).strip(", ")
        if candidate in places_by_form():
            return candidate
        if words[i].lower().strip(",") not in NON_NAME_WORDS:
            return None
    return None


def normalise_title(written: str) -> tuple[str, str, str | None]:
    """The normalised title of ``written`` (lower case, abbreviations spelled out, portfolio
    removed), its office kind and the organisation word it implies with a portfolio."""
    lowered = re.sub(r"\s+", " ", written.lower().replace("-", " ")).strip()
    parts = [part.strip() for part in lowered.split(" and ")]
    labels: list[str] = []
    office, organisation_word = "professional", None
    for part in parts:
        label, part_office, part_word = _normalise_one(part)
        labels.append(label)
        office = part_office if office == "professional" else office
        organisation_word = organisation_word or part_word
    return " and ".join(labels), office, organisation_word


def _normalise_one(part: str) -> tuple[str, str, str | None]:
    modifiers = set(vocab.title_modifiers())
    by_form = {f.replace("-", " "): t for f, t in _title_forms().items()}
    words = part.split()
    for size in range(len(words), 0, -1):
        form = " ".join(words[-size:])
        if form in by_form:
            title = by_form[form]
            before = [w for w in words[:-size] if w in modifiers]
            return " ".join([*before, title.label]), title.office, title.organisation_word
    return part, "professional", None


def valid_person_name(table: EntityTable, name: str) -> bool:
    """False for names made of non-name words, organisation or title words, or places."""
    words = re.split(r"[\s-]+", name)
    lowered = {w.lower() for w in words}
    if lowered & NON_NAME_WORDS or lowered & ORGANISATION_WORDS:
        return False
    if lowered & set(_title_forms()) or any(w.isupper() and len(w) > 1 for w in words):
        return False
    if lowered & COMPANY_SUFFIXES:
        return False  # "World Markets", "Mining Industries": words of a company's name
    if lowered <= PORTFOLIO_WORDS:
        return False  # "Deputy Roads and Urban Development Minister": a portfolio, no name
    if table.find_agency(name) is not None:
        return False
    return not any(w in places_by_form() for w in words) and name not in places_by_form()


# ------------------------------------------------------------------------ untitled people


_SPEAKER_GROUPS = ("name1", "name2", "name3", "name4", "name5", "name6")


def find_speakers(table: EntityTable, sentence: Sentence) -> None:
    """Untitled names that speak: "Mohsen Salehinia mentioned", "according to Bert Ruerup",
    "Speaking to IRNA, X put the number at", "X blamed the fall on"."""
    speaker = re.compile(
        rf"(?:(?:[Aa]ccording\s+to|[Qq]uoting|said|told)\s+(?P<name1>{PERSON_NAME}))"
        rf"|(?P<name2>{PERSON_NAME})\s+(?:has\s+|had\s+|also\s+)?(?:{SPEECH})\b"
        rf"|(?P<name3>{PERSON_NAME}),\s+who\s+[^,]{{0,160}},\s+(?:has\s+|had\s+)?(?:{SPEECH})\b"
        # "The head of the organization, Nasrollah Kohansal, told": the holder of a post at a
        # body named by a noun
        rf"|\b(?i:head|chief|director|deputy|minister|governor|manager|president|chairman"
        rf"|secretary|spokesman|spokeswoman)\s+of\s+(?:the|its)\s+[a-z][a-z\s-]{{0,40}}?,\s+"
        rf"(?P<name4>{PERSON_NAME}),"
        # "Speaking in an interview with ILNA on Tuesday, Roshanak Elahian put": the speaker
        rf"|^\W*(?:Speaking|Addressing|Talking)\b[^,;]{{0,120}},\s+(?P<name5>{PERSON_NAME})\s+[a-z]"
        # verbs of judging that only people use of figures: "Farrokh Shahrokhi blamed the fall"
        rf"|(?P<name6>{PERSON_NAME})\s+(?:blamed|attributed|put\s+(?:the|its|their)\s+"
        rf"(?:number|total|figure|value|cost|losses|loss))\b"
    )
    for match in speaker.finditer(sentence.text):
        group = next(g for g in _SPEAKER_GROUPS if match.group(g))
        raw = match.group(group)
        name, skipped = strip_openers(raw)
        if len(name.split()) < 2 or not valid_person_name(table, name):
            continue
        start = sentence.start + match.start(group) + skipped
        if table.covered(start, start + len(name), "agency", "place", "person"):
            continue
        person = table.person(name)
        person.sentences.append(sentence.index)
        table.add(Occurrence("person", person.ref, sentence.index, start, start + len(name), name))


def honorific_names(text: str) -> set[str]:
    """Surnames written after "Mr", "Mrs", "Dr", "Lord": people, never companies."""
    return {match.group("name") for match in _HONORIFIC.finditer(text)}


def find_person_references(table: EntityTable, sentence: Sentence) -> None:
    """Full names and bare surnames of known people ("Salehinia said", "Mr Eddington")."""
    forms: dict[str, PersonRecord] = {}
    for person in table.people:
        for name in person.names:
            forms[name] = person
            surname = name.split()[-1]
            if len(surname) > 2:
                forms.setdefault(surname, person)
    table.mark_names("person", forms, sentence)
    _mark_respelled_surnames(table, sentence)


def _mark_respelled_surnames(table: EntityTable, sentence: Sentence) -> None:
    """A known person's surname spelled another way ("Farhadipak" for "Farhadi-Pak"), when only
    one person of the article has that surname."""
    by_key: dict[str, list[PersonRecord]] = {}
    for person in table.people:
        keys = {person_key(n.split()[-1]) for n in person.names if len(n.split()[-1]) > 2}
        for key in keys:
            by_key.setdefault(key, []).append(person)
    for match in re.finditer(rf"(?<![\w’'-]){_NAME_PART}(?![\w-])", sentence.text):
        people = by_key.get(person_key(match.group(0)), [])
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if len(people) == 1 and not table.covered(start, end):
            table.add(
                Occurrence("person", people[0].ref, sentence.index, start, end, match.group(0))
            )
            people[0].sentences.append(sentence.index)


# -------------------------------------------------------------------------- unnamed posts


#: "The company", "the organization": the body the article is about, named before; "the bank",
#: "the ministry" (any organisation word): the body last named with that word.
_ANAPHORA = r"[Tt]he\s+(?:company|firm|group|organi[sz]ation)"
_BODY_WORDS = "|".join(sorted(w for w in ORGANISATION_WORDS if w.isalpha()))
_BODY_ANAPHORA = rf"[Tt]he\s+(?:vice-)?(?:{_BODY_WORDS})"
#: A body described in lower case, named elsewhere in the article: "the province's industrial
#: parks company" (Khorasan Razavi Industrial Parks Company, named two sentences later).
_DESCRIBED_BODY = (
    r"the\s+(?:(?:province|city)['’]s\s+|provincial\s+)?"
    rf"(?P<described>(?:[a-z]+\s+){{1,3}}(?:{_BODY_WORDS}))\b"
)


#: What ends a portfolio in words after an unnamed minister: "... technology said".
_AFTER_PORTFOLIO = r"for|said|says|told|has|had"
#: A portfolio in words, without the verb after it.
_PORTFOLIO_WORDS = _lower_words(_AFTER_PORTFOLIO)


@lru_cache(maxsize=_PATTERNS_KEPT)
def _unnamed_role_pattern(org: str) -> re.Pattern[str]:
    """A post written without a name, with its body when named (``org``: known agencies)."""
    return re.compile(
        rf"\b(?:(?P<det>(?i:the|a|an|its|his|her|their))\s+)?"
        rf"(?:(?P<org>{org}|{_ANAPHORA}|{_BODY_ANAPHORA})"
        rf"(?:['’]s)?\s+)?(?P<title>{_simple_title()})"
        # "the director general for technology and innovation affairs at ISIPO", "the director
        # for supply and distribution at NIOPDC"
        rf"(?:\s+for\s+(?:{_DETAIL}|(?:[a-z-]+\s+){{0,3}}[a-z-]+)(?=\s+(?:of|with|at)\s))?"
        rf"(?:\s+(?:of|with|at|for)\s+(?P<org2>(?:the\s+)?(?:{org})|{_ANAPHORA}|{_BODY_ANAPHORA}"
        rf"|{_DESCRIBED_BODY})"
        # "a deputy minister of communications and information technology said"
        rf"|\s+of\s+(?P<lower>{_PORTFOLIO_WORDS})(?=\s+(?:{_AFTER_PORTFOLIO})\b|[,.;]))?"
        rf"(?:\s+for\s+{_DETAIL})?"
    )


def find_unnamed_roles(table: EntityTable, sentence: Sentence) -> None:
    """Posts written without a name: "a deputy with ISIPO", "ISIPO head", "its chief executive",
    "the official"."""
    for match in _unnamed_role_pattern(agency_names_pattern(table)).finditer(sentence.text):
        start = sentence.start + match.start()
        end = sentence.start + match.end()
        if table.covered(start, end, "role", "person"):
            continue
        org_text = match.group("org") or (None if match.group("described") else match.group("org2"))
        portfolio = match.group("portfolio")
        # a written-out portfolio may hold "and": the title is read without it
        written = match.group("title")
        title, _, organisation_word = normalise_title(
            written.replace(portfolio, " ") if portfolio else written
        )
        title = _local_title(table, title)
        agency = _unnamed_agency(table, org_text, match.group("det"), start)
        ministry = None
        if portfolio:
            # "the deputy industry minister": the ministry the article named, else the one the
            # convention puts the post in, once someone named after it holds it
            if organisation_word is None or org_text:
                continue
            known = _known_body(table, f"{portfolio.strip()} {organisation_word}")
            if known is not None:
                agency = known.ref
            elif _in_ministry(table, title):
                ministry = _ministry_name(table, portfolio.strip(), organisation_word)
            else:
                continue
        elif match.group("lower") and org_text is None:
            # a minister's portfolio in words names the ministry
            name = _named_ministry(table, match.group("lower"), written)
            if name is None:
                continue
            known = _known_body(table, name)
            if known is not None:
                agency = known.ref
            else:
                ministry = name
        elif agency is None and org_text is None and (match.group("det") or "").lower() == "the":
            # "the deputy minister for mining affairs" in an article about one ministry
            agency = _only_ministry(table, title)
        if (
            agency is None
            and ministry is None
            and title != "official"
            and (match.group("det") or "").lower()
            not in (
                "the",
                "its",
            )
        ):
            continue
        table.unnamed_roles.append(
            UnnamedRole(
                agency,
                title,
                match.group(0).strip(),
                sentence.index,
                start,
                end,
                None,
                ministry,
                match.group("described"),
            )
        )


@cache
def _simple_title() -> str:
    forms = vocab.alternation(_title_forms())
    modifiers = vocab.alternation(vocab.title_modifiers())
    # a lower-case portfolio between the modifiers and a title that implies a body ("the
    # deputy industry minister"), never a word that makes a title of its own ("prime minister")
    implied = vocab.alternation(
        {form: t for form, t in _title_forms().items() if t.organisation_word and " " not in form}
    )
    # the portfolio may be written out: "the deputy roads and urban development minister"
    portfolio = (
        rf"(?:(?P<portfolio>(?!(?i:{forms})\b)(?:[a-z]+\s+and\s+)?(?:[a-z]+\s+)?[a-z]+)"
        rf"\s+(?=(?i:{implied})\b))?"
    )
    return rf"(?:(?i:{modifiers})[\s-]+){{0,2}}{portfolio}(?i:{forms})\b"


def _unnamed_agency(
    table: EntityTable, org_text: str | None, det: str | None, position: int
) -> str | None:
    if org_text:
        if re.fullmatch(_ANAPHORA, org_text, re.I):
            # "Kerman Industrial Parks Company, a subsidiary of ISIPO, plans ..., the company's
            # managing director said": the company named last, else the article's main body
            word = org_text.split()[-1].lower()
            found = _body_by_word(table, word, position) if word in _BUSINESS_WORDS else None
            return found or MAIN
        if re.fullmatch(_BODY_ANAPHORA, org_text, re.I):
            return _body_by_word(table, org_text.split()[-1].lower(), position)
        known = table.find_agency(org_text)
        return known.ref if known else None
    return MAIN if (det or "").lower() == "its" else None


#: The words a firm's name may end with that "the company" refers back to.
_BUSINESS_WORDS = frozenset({"company", "group", "corporation", "co", "firm"})


def _body_by_word(table: EntityTable, word: str, position: int) -> str | None:
    """The body last named before ``position`` whose name has the organisation word ``word``
    ("the bank's deputy governor" after "the Central Bank of Iran", "the head of the
    foundation" right after "The Housing Foundation ... has completed"); None when none has.
    "the company" may also be a group or corporation ("Iran Khodro Industrial Group")."""
    words = _BUSINESS_WORDS if word in _BUSINESS_WORDS else {word}
    fitting = [
        o
        for o in table.occurrences
        if o.kind == "agency"
        and o.start < position
        and not o.generic
        and not table.is_news(o.ref)
        and any(words & set(name.lower().split()) for name in table.agency_by_ref(o.ref).names)
        # "IOOC, a subsidiary of the National Iranian Oil Company,": the parent is no referent
        and not in_parent_aside(table.text, o.start)
    ]
    return max(fitting, key=lambda o: o.start).ref if fitting else None


def link_unnamed_roles(table: EntityTable) -> bool:
    """Give an unnamed post to the person it refers to: someone in the article with that post,
    else the first untitled person named in the same or the next two sentences ("ISIPO head had
    announced ... Speaking at a press conference, Mohsen Salehinia said"). True when a ministry
    the post implied was made and named where the post is written."""
    made_ministry = False
    for role in table.unnamed_roles:
        if role.agency is None and role.described:
            role.agency = _described_body(table, role.described)
            if role.agency is not None:
                # "the province's industrial parks company" names that body where it is written
                table.add(
                    Occurrence(
                        "agency", role.agency, role.sentence, role.start, role.end, role.label
                    )
                )
        if role.title == "official" and role.agency is None:
            continue
        # a post first written as "the head of the organization" is the main body's already
        holders = [
            p
            for p in table.people
            if role.ministry is None
            and any(
                _settle_marker(table, r.agency) == _settle_marker(table, role.agency)
                and _same_post(role.title, r.title)
                # "Director General for Drug Affairs" runs a division, not the body
                and not (r.detail and role.title in _TOP_WORDS)
                for r in p.roles
            )
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
            # "X, who also heads the UDRC," holds the post written before as well; so does "The
            # deputy minister, X," after "a deputy minister of communications"
            and all(
                r.second or _unplaced_same_post(r, role.title)
                for r in table.person_by_ref(o.ref).roles
            )
        ]
        person = (
            table.person_by_ref(min(later, key=lambda o: o.start).ref)
            if later and (role.agency is not None or role.ministry is not None)
            else _varied_speaker(table, role)
        )
        if person is not None and role.ministry is not None:
            ministry = table.agency(role.ministry)
            ministry.sentences.append(role.sentence)
            role.agency = ministry.ref
            # "a deputy industry minister said" names the ministry, for "the ministry" later
            # and as the body of the figures the post reports
            table.add(
                Occurrence("agency", ministry.ref, role.sentence, role.start, role.end, role.label)
            )
            made_ministry = True
        if person is not None:
            settled = _settle_marker(table, role.agency)
            title = role.title
            if title == "deputy" and settled is not None:
                title = _deputy_at(table, settled)
            # the same post written again without its body is this one
            person.roles = [r for r in person.roles if not _unplaced_same_post(r, role.title)]
            person.roles.append(RoleMention(role.agency, title, role.label, None, role.sentence))
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
    return made_ministry


def _unplaced_same_post(role: RoleMention, title: str) -> bool:
    """Whether ``role`` is the post ``title`` written without its body ("The deputy minister")."""
    return role.agency in (MAIN, COUNTRY, None) and role.title == title


def _described_body(table: EntityTable, described: str) -> str | None:
    """The one body of the article whose name has every word of ``described``."""
    wanted = set(name_tokens(described))
    fitting = {
        a.ref
        for a in table.agencies
        if not a.news and any(wanted <= set(name_tokens(n)) for n in a.names)
    }
    return fitting.pop() if len(fitting) == 1 else None


def _varied_speaker(table: EntityTable, role: UnnamedRole) -> PersonRecord | None:
    """The person a deputy's post that speaks refers back to: news style names a speaker's
    second post instead of repeating the name ("..., Farhadi-Pak said. The deputy industry
    minister noted that ..."). Only a subordinate post at a named body the person holds no post
    at, and only the latest person named in the two sentences before."""
    if role.agency is None or role.agency in (MAIN, COUNTRY) or not _is_deputy(role.title):
        return None
    if not _SPEAKS.match(table.text, role.end):
        return None
    earlier = [
        o
        for o in table.occurrences
        if o.kind == "person"
        and role.sentence - 2 <= o.sentence <= role.sentence
        and o.end <= role.start
    ]
    if not earlier:
        return None
    person = table.person_by_ref(max(earlier, key=lambda o: o.start).ref)
    return None if any(r.agency == role.agency for r in person.roles) else person


#: A speech verb right after a subject: " noted", " has said".
_SPEAKS = re.compile(rf"\s+(?:also\s+|further\s+)?(?:{SPEECH})\b")


#: Words for whoever runs a body ("the NIOC chief" is its managing director) and the posts
#: that run one.
_TOP_WORDS = frozenset(["head", "chief", "boss"])
_TOP_POSTS = _TOP_WORDS | frozenset(
    ["managing director", "chief executive", "director general", "president", "governor"]
)


def _same_post(unnamed: str, named: str) -> bool:
    """ "head" is the head's post, not the deputy head's; a bare "deputy" is any deputy's;
    "chief" or "head" is whoever runs the body."""
    if unnamed == named or (unnamed in _TOP_WORDS and named in _TOP_POSTS):
        return True
    return unnamed in vocab.title_modifiers() and named.split()[0] == unnamed


def settle_role_agencies(table: EntityTable) -> None:
    """Replace the markers of posts written without a body by the article's main agency or its
    country's government, once the whole article is read."""
    for person in table.people:
        settled = [_settled(table, role) for role in person.roles]
        # the same post written once with its body and once without is one role
        with_body = {role.title for role in settled if role.agency is not None}
        person.roles = [r for r in settled if r.agency is not None or r.title not in with_body]
    for role in table.unnamed_roles:
        if role.agency in (MAIN, COUNTRY):
            role.agency = _settle(table, role.agency)


def _settled(table: EntityTable, role: RoleMention) -> RoleMention:
    settled = _settle_marker(table, role.agency)
    return role if settled == role.agency else replace(role, agency=settled)


def _settle_marker(table: EntityTable, agency: str | None) -> str | None:
    """``agency``, or what its marker (main body, country) stands for."""
    return _settle(table, agency) if agency in (MAIN, COUNTRY) else agency


def _settle(table: EntityTable, marker: str | None) -> str | None:
    if marker == MAIN:
        return table.main_agency
    if marker == COUNTRY and table.country:
        return table.government(table.places[table.country].label)
    return None
