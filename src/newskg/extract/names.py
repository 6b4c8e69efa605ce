"""Normalised keys for names: agencies (word order, inflection, acronyms) and people (Persian
transliteration variants). ``resolve`` uses the same keys across articles.

Fuzzy string scores are not used on purpose: "Ali Akbar X" and "Ali Asghar X" score as close as
a true spelling variant. A deterministic spelling key never merges two different given names.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

#: Words that end (or, with "of", start) the name of a body; they decide that a name is an agency.
ORGANISATION_WORDS = frozenset(
    """ministry organization organisation bank agency company corporation council centre center
    institute department office fund authority commission committee administration chamber
    union association federation group holdings exchange zone zones port ports parliament
    majlis court foundation university board cooperative corp inc plc ltd airways airlines
    bureau directorate secretariat headquarters service services house assembly customs
    municipality police army guard reserve company's system trust network institution
    society co presidency park syndicate""".split()  # noqa: SIM905
)
_STOP = frozenset(["the", "of", "and", "for", "on", "in", "&", "a", "an", "to"])
_SUFFIXES = ("ities", "ies", "ing", "ial", "ics", "ic", "al", "es", "s", "e", "y")
_ASCII_WORD = re.compile(r"[a-z0-9]+")


def ascii_lower(text: str) -> str:
    """Lower-case ASCII form of ``text`` (curly quotes, accents and Persian letters folded)."""
    return anyascii(unicodedata.normalize("NFKC", text)).lower()


def stem(word: str) -> str:
    """A crude English stem: "industries", "industrial", "industry" -> "industr"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def name_tokens(name: str) -> list[str]:
    """Stemmed significant words of a name, in order ("Ministry of Industry, Mine and Trade" ->
    ["ministr", "industr", "min", "trad"])."""
    words = _ASCII_WORD.findall(ascii_lower(name.replace("’s", "").replace("'s", "")))
    return [stem(word) for word in words if word not in _STOP]


def agency_key(name: str) -> str:
    """Key of an agency name, independent of word order and inflection."""
    return " ".join(sorted(set(name_tokens(name))))


def head_word(name: str) -> str | None:
    """The organisation word of a name ("ministry"), None when it has none."""
    words = [w for w in _ASCII_WORD.findall(ascii_lower(name)) if w not in _STOP]
    # "Export Development Bank of Iran": the word before "of" heads the name
    before_of = _ASCII_WORD.findall(ascii_lower(re.split(r"\s+of\s+", name, maxsplit=1)[0]))
    for word in (words[-1:] + before_of[-1:] + words[:1]) if words else []:
        if word in ORGANISATION_WORDS:
            return str(word)
    return None


def portfolio(name: str) -> frozenset[str]:
    """The stemmed words of a name other than its organisation word (a ministry's portfolio)."""
    head = head_word(name)
    head_stem = stem(head) if head else None
    return frozenset(token for token in name_tokens(name) if token != head_stem)


def same_body(a: str, b: str) -> bool:
    """True when two names of bodies of the same kind name one body: equal keys, or one's
    portfolio is part of the other's ("Industry Ministry" and "Industry, Mining, and Trade
    Ministry"), which is how short names of bodies with long portfolios are formed."""
    head_a, head_b = head_word(a), head_word(b)
    if head_a is None or head_a != head_b:
        return agency_key(a) == agency_key(b)
    words_a, words_b = portfolio(a), portfolio(b)
    if not words_a or not words_b:
        return False
    if (words_a ^ words_b) & _REGION_WORDS:
        return False  # "National Iranian South Oil Company" is a subsidiary of NIOC
    return words_a <= words_b or words_b <= words_a


#: Words that make a body's name that of a regional one ("... South Oil Company").
_REGION_WORDS = frozenset(stem(w) for w in ("north", "south", "east", "west", "regional"))


#: Legal forms and generic words that may follow a company's short name in its full name
#: ("Wells Fargo" of "Wells Fargo Bank", "Ispat" of "Ispat Inc").
_COMPANY_FORMS = frozenset(
    """inc plc ltd limited co corp corporation company group holdings bank sa ag nv llc""".split()  # noqa: SIM905
)
#: Words that, added to a company's name, name a part of it ("Barclays Capital", "AOL Europe").
_DIVISION_WORDS = frozenset(
    """capital investors global markets securities card europe asia america americas africa
    international online mobile media direct energy finance financial insurance life
    investment investments services retail ventures studios pictures records music uk us
    north south east west""".split()  # noqa: SIM905
)


def _compact(name: str) -> str:
    return re.sub(r"[^a-z0-9&]", "", ascii_lower(name))


def same_company(a: str, b: str) -> bool:
    """True when two company names (without organisation words) name one company: equal but for
    spacing ("Time Warner", "TimeWarner"), or the shorter is how the longer is shortened: its
    first words before "&" ("Marsh & McLennan"), before a legal form ("Wells Fargo Bank"), or
    before one more proper name ("Cadbury Schweppes"), but never before a word that names a
    division ("Barclays Capital")."""
    if _compact(a) == _compact(b):
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    if not short or len(short) == len(long):
        return False
    if [w.lower() for w in long[: len(short)]] != [w.lower() for w in short]:
        return False
    rest = [w.lower().strip(",.") for w in long[len(short) :]]
    if rest[0] in ("&", "and"):
        return True
    if all(w in _COMPANY_FORMS for w in rest):
        return True
    return (
        len(rest) == 1
        and rest[0] not in _DIVISION_WORDS
        and rest[0] not in ORGANISATION_WORDS
        and long[-1][:1].isupper()
    )


def same_agency_name(a: str, b: str) -> bool:
    """True when two names of agencies or companies name the same one (``same_body`` for names
    with an organisation word, ``same_company`` otherwise)."""
    if a == b or _short_form(a, b) or _short_form(b, a):
        return True
    head_a, head_b = head_word(a), head_word(b)
    if head_a is not None and head_b is not None:
        return same_body(a, b)
    return agency_key(a) == agency_key(b) or same_company(a, b)


#: Words that end a body's full name after a name that is already a body's ("Chabahar Free
#: Zone" and "Chabahar Free Zone Organization").
_FULL_NAME_ENDS = frozenset(["organization", "organisation", "company", "corporation", "authority"])


def _short_form(short: str, full: str) -> bool:
    """True when ``short`` is how one article shortens the body ``full``: its name without the
    closing organisation word ("Chabahar Free Zone") or without its "of ..." part when what is
    left still names a body ("Housing Foundation" of "Housing Foundation of Islamic
    Revolution"). Only for names in one article: across articles "Central Bank" is ambiguous."""
    short_words, full_words = short.lower().split(), full.lower().split()
    if len(short_words) < 2 or len(full_words) <= len(short_words):
        return False
    if full_words[: len(short_words)] != short_words or head_word(short) is None:
        return False
    rest = full_words[len(short_words) :]
    return rest[0] in ("of", "for") or (len(rest) == 1 and rest[0] in _FULL_NAME_ENDS)


def initials_of(acronym: str, name: str) -> bool:
    """True when ``acronym`` (2 to 6 capitals) is exactly the first letters of the words of
    ``name`` ("BA": British Airways): how an article shortens a name it never defined."""
    if not re.fullmatch(r"[A-Z]{2,6}", acronym):
        return False
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _LINK_WORDS]
    return len(words) == len(acronym) and all(
        w[0] == letter for w, letter in zip(words, acronym, strict=True)
    )


_LINK_WORDS = frozenset(["and", "of", "the", "for", "&"])


def acronym_fits(acronym: str, words: list[str]) -> bool:
    """True when ``acronym`` can be spelled by taking a prefix (possibly empty) of each word in
    order, the first word giving the first letter ("ISIPO": Iran Small Industries and
    Industrial Parks Organization)."""
    letters = acronym.lower().replace("&", "")
    lowered = [w.lower() for w in words if w.lower() not in _LINK_WORDS]
    if not letters or not lowered or lowered[0][0] != letters[0]:
        return False

    def fits(i: int, j: int) -> bool:
        if i == len(letters):
            return True
        if j == len(lowered):
            return False
        word = lowered[j]
        for k in range(0, len(word) + 1):
            if k > 0 and word[k - 1] != letters[i + k - 1] if i + k - 1 < len(letters) else k > 0:
                break
            if i + k > len(letters):
                break
            if fits(i + k, j + 1):
                return True
        return False

    return fits(0, 0)


# ---------------------------------------------------------------------------------- people

_TRANSLITERATION = (
    # compounds with "Allah" are written -ollah, -allah or -ullah ("Yadollah", "Yadallah")
    ("allah", "ollah"),
    ("gh", "q"),
    ("kh", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("ee", "i"),
    ("ei", "i"),
    ("ie", "i"),
    ("ey", "i"),
    ("ou", "u"),
    ("oo", "u"),
    ("y", "i"),
    ("o", "u"),
)
_PARTICLES = frozenset(["van", "von", "den", "der", "de", "da", "al", "el", "bin", "ibn"])


def spelling_key(part: str) -> str:
    """Transliteration-independent key of one name part: q/gh, ee/ei/ie/y -> i, ou/oo/o -> u,
    -allah/-ollah, doubled letters collapsed ("Asghar" = "Asqar", "Saeed" = "Saied", "Moghimi" =
    "Moqimi")."""
    text = re.sub(r"[^a-z]", "", ascii_lower(part))
    for old, new in _TRANSLITERATION:
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


def person_parts(name: str) -> tuple[str, ...]:
    """Spelling keys of a person's name parts; hyphens and spaces both separate parts."""
    parts = [p for p in re.split(r"[\s\-‐–]+", name.strip()) if p]
    return tuple(spelling_key(p) for p in parts if spelling_key(p))


def person_key(name: str) -> str:
    """Deterministic key of a person's name ("Ali-Asghar Mosaheb" -> "aliasqarmusaheb").

    Separators do not count: compound given names are written joined, hyphenated or spaced
    ("Aliakbar", "Ali-Akbar", "Ali Akbar"), so the key is the spelling key of all parts run
    together. Use ``person_parts`` to count parts."""
    return spelling_key("".join(p for p in re.split(r"[\s\-‐–]+", name.strip()) if p))


def surname_key(name: str) -> str:
    """Key of the family name (the last part)."""
    parts = person_parts(name)
    return parts[-1] if parts else ""


def partial_name_of(short: str, full: str) -> bool:
    """True when ``short`` omits given-name parts of ``full`` but contradicts none: same surname,
    and its other parts appear in ``full`` in order ("Asghar Mosaheb" of "Ali-Asghar Mosaheb")."""
    short_parts, full_parts = person_parts(short), person_parts(full)
    if not short_parts or not full_parts or short_parts[-1] != full_parts[-1]:
        return False
    if len(short_parts) >= len(full_parts):
        return False
    remaining = iter(full_parts[:-1])
    return all(part in remaining for part in short_parts[:-1])
