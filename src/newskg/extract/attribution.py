"""Who said each sentence, and which news agency carried it.

A sentence's speaker is, in order: the speaker of the quote it is part of (quotes may span
sentences; the attribution follows or precedes the quote), a person or post named with a speech
verb or "according to", or a reference back ("he said", "the official said", "according to the
official") to the latest person the article quoted or titled. The reporting news agency is the one
credited in the sentence ("IRNA reported", "told IRNA"), else the one credited where the speaker
was quoted, else the article's only credited agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newskg.extract import vocab
from newskg.extract.lexicon import SPEECH as _SPEECH
from newskg.extract.records import Sentence
from newskg.extract.table import EntityTable, Occurrence

# A quote runs from an opening mark to the next closing one, straight or curly (articles mix
# them); quotes nested inside quotes are short and ignored.
_QUOTE = re.compile(r"[“\"][^“”\"]*[”\"]")
_PRONOUN_SPEECH = re.compile(
    rf"\b(?:(?:he|she)\s+(?:further\s+|also\s+)?(?:{_SPEECH})|(?:{_SPEECH})\s+(?:he|she)\b"
    rf"|the\s+(?:official|minister|deputy|head|chief|spokesman|governor)\s+(?:further\s+|also\s+)?"
    rf"(?:{_SPEECH})|according\s+to\s+(?:the\s+)?(?:official|him|her|the\s+minister)"
    rf"|(?:{_SPEECH}|quoted)\s+the\s+official)\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"(?P<before>told|to|quoting|quoted by|according to|cited by|cited|in an interview with"
    r"|talking to|speaking to)\s+(?:the\s+)?$"
)
_CREDIT_AFTER = re.compile(
    r"^(?:['’]s\s+\w+\s+)?\s*(?:News\s+Agency\s+)?(?:has\s+|had\s+)?(?:reported|"
    r"quoted|said|cited|wrote|reports|quotes)"
)


@dataclass(frozen=True)
class Attribution:
    """The speaker (person or agency ``ref``) and reporting news agency of one sentence."""

    speaker: str | None
    reporter: str | None


def attribute(text: str, sentences: tuple[Sentence, ...], table: EntityTable) -> list[Attribution]:
    """One ``Attribution`` per sentence."""
    credits = [_credited_agency(text, s, table) for s in sentences]
    quote_speakers = _quote_speakers(text, sentences, table)
    result: list[Attribution] = []
    last_person: str | None = None
    last_titled: str | None = None
    speaker_credit: dict[str, str] = {}
    for sentence, credit in zip(sentences, credits, strict=True):
        speaker = quote_speakers.get(sentence.index) or _explicit_speaker(text, sentence, table)
        if speaker is None and _PRONOUN_SPEECH.search(sentence.text):
            lowered = sentence.text.lower()
            speaker = last_titled if "official" in lowered and last_titled else last_person
        if speaker and speaker.startswith("person:"):
            last_person = speaker
            if table.person_by_ref(speaker).roles:
                last_titled = speaker
            if credit:
                speaker_credit.setdefault(speaker, credit)
        for occurrence in _people_in(sentence, table):
            if table.person_by_ref(occurrence.ref).roles:
                last_titled = last_titled if speaker == last_titled else occurrence.ref
        reporter = credit or (speaker_credit.get(speaker) if speaker else None)
        result.append(Attribution(speaker, reporter))
    return result


def article_credits(text: str, sentences: tuple[Sentence, ...], table: EntityTable) -> list[str]:
    """The news agencies the article credits, in order of first credit."""
    found: list[str] = []
    for sentence in sentences:
        credit = _credited_agency(text, sentence, table)
        if credit and credit not in found:
            found.append(credit)
    return found


def publisher_of(text: str, table: EntityTable) -> str | None:
    """The agency a credit line names as publisher ("All Content by X is licensed")."""
    match = re.search(
        r"(?:All\s+Content\s+by|©|Copyright)\s+(?:the\s+)?(?P<name>[A-Z][\w ]+?)"
        r"(?:\s+is\b|[,.]|$)",
        text,
    )
    if not match:
        return None
    agency = table.find_agency(match.group("name"))
    return agency.ref if agency else None


def publisher_named(name: str | None, table: EntityTable) -> str | None:
    """The agency of an article's publisher field when it is another name of an outlet the text
    names ("IRNA English" for IRNA), None otherwise."""
    entry = next(
        (e for e in vocab.gazetteer() if e.kind == "news" and name in e.surface_forms), None
    )
    if entry is None:
        return None
    return next((a.ref for a in table.agencies if a.reference == entry.iri), None)


def _people_in(sentence: Sentence, table: EntityTable) -> list[Occurrence]:
    return [o for o in table.occurrences if o.sentence == sentence.index and o.kind == "person"]


def _credited_agency(text: str, sentence: Sentence, table: EntityTable) -> str | None:
    for occurrence in table.occurrences:
        if occurrence.sentence != sentence.index or occurrence.kind != "agency":
            continue
        agency = table.agency_by_ref(occurrence.ref)
        if not agency.news:
            continue
        before = text[max(sentence.start, occurrence.start - 25) : occurrence.start]
        after = text[occurrence.end : min(sentence.end, occurrence.end + 40)]
        if _CREDIT.search(before) or _CREDIT_AFTER.match(after):
            if re.search(r"(?:All\s+Content\s+by|licensed)", sentence.text):
                continue
            return agency.ref
    return None


def _explicit_speaker(text: str, sentence: Sentence, table: EntityTable) -> str | None:
    """A person or post named with a speech verb in the sentence; failing that an agency."""
    speech = re.compile(
        rf"^[\s,]*(?:\([^)]*\)\s*)?(?:(?:has|had|also|further|later)\s+)*(?:{_SPEECH})\b"
    )
    candidates: list[tuple[int, int, int, str]] = []  # rank, start, end, ref
    for occurrence in table.occurrences:
        if occurrence.sentence != sentence.index or occurrence.kind not in ("person", "agency"):
            continue
        if occurrence.kind == "agency" and table.agency_by_ref(occurrence.ref).news:
            continue
        after = text[occurrence.end : sentence.end]
        before = text[sentence.start : occurrence.start]
        if occurrence.kind == "agency" and _SUBJECT_OF_SPEECH.search(before):
            continue  # "He said the ministry aims to": the ministry is what he speaks of
        if speech.match(after) or _SPEAKS_BEFORE.search(before) or _SPEAKS_AFTER.match(after):
            rank = 0 if occurrence.kind == "person" else 1
            candidates.append((rank, occurrence.start, occurrence.end, occurrence.ref))
    for role in table.unnamed_roles:
        # an official never named speaks for the body ("the ministry's deputy for water
        # affairs said"): the body is the source (posts' bodies are settled by now)
        who = role.person or role.agency
        if role.sentence == sentence.index and who:
            after = text[role.end : sentence.end]
            before = text[sentence.start : role.start]
            if speech.match(after) or re.search(r"(?:[Aa]ccording\s+to|[Qq]uoting)\s+$", before):
                candidates.append((0 if role.person else 1, role.start, role.end, who))
    if not candidates:
        return None
    best = min(candidates, key=lambda c: c[0])
    for candidate in sorted(candidates, key=lambda c: c[1]):
        # "X noted that Y said ...": the figures are the reported speaker's
        later = candidate[0] == best[0] and candidate[1] > best[1]
        if later and _REPORTED_SPEECH.match(text, best[2]):
            best = candidate
    return best[3]


#: What may come between a speaker and the speech verb after it: an apposition (", the head of
#: X,") or a relative clause (", who was speaking at a meeting with ...,"); or " as saying".
_SPEAKS_AFTER = re.compile(
    rf"^(?:,(?:[^,]{{0,80}}|\s*who\b[^,]{{0,160}}),\s*(?:has\s+|had\s+)?(?:{_SPEECH})\b"
    r"|,?\s+as\s+saying\b"
    # "IRICA figures show", "the TPO data showed": the body whose data the sentence reports
    r"|\s+(?:\([A-Z]+\)\s+)?(?:data|figures|statistics)\s+(?:shows?|showed|indicates?|indicated"
    r"|revealed)\b)"
)
#: A speaker after "according to", after the post that introduces them ("According to the
#: deputy minister for employment affairs, X,"), or the body whose data a sentence reports.
_SPEAKS_BEFORE = re.compile(
    r"(?:(?:[Aa]ccording\s+to|[Qq]uoting|said|told)\s+(?:the\s+)?"
    r"|[Aa]ccording\s+to\s+the\s+(?!official,)[^,]{3,80},\s*"
    r"|(?:data|figures|report|statistics)\s+(?:released|published|issued)\s+by\s+(?:the\s+)?)$"
)
#: A speaker before "said the X": the X is what the speech is about, not who speaks.
_SUBJECT_OF_SPEECH = re.compile(
    rf"\b(?:[Hh]e|[Ss]he|[Tt]hey|official)\s+(?:also\s+|further\s+)?(?:{_SPEECH})\s+(?:that\s+)?"
    r"(?:the\s+)?$"
)
#: A speech verb and "that" right after a speaker: what follows is reported speech.
_REPORTED_SPEECH = re.compile(rf"\s*(?:also\s+|further\s+)?(?:{_SPEECH})\s+that\b")


def _quote_speakers(
    text: str, sentences: tuple[Sentence, ...], table: EntityTable
) -> dict[int, str]:
    """Sentence index -> speaker for every sentence inside an attributed quote."""
    result: dict[int, str] = {}
    for match in _QUOTE.finditer(text):
        start, end = match.start(), match.end()
        if end - start < 20:
            continue
        inside = [s for s in sentences if s.start < end and start < s.end]
        if not inside:
            continue
        speaker = _speaker_around_quote(text, start, end, inside, table)
        if speaker:
            for sentence in inside:
                result[sentence.index] = speaker
    return result


def _speaker_around_quote(
    text: str, start: int, end: int, inside: list[Sentence], table: EntityTable
) -> str | None:
    after = text[end : end + 80]
    before = text[max(0, start - 160) : start]
    people = [o for o in table.occurrences if o.kind == "person"]
    for occurrence in people:
        # ”, Salehinia said.   /   ,” said Salehinia.
        if end <= occurrence.start <= end + 40 and re.search(
            rf"(?:{_SPEECH})", after + " " + text[occurrence.end : occurrence.end + 20]
        ):
            return occurrence.ref
    for role in table.unnamed_roles:
        if end <= role.start <= end + 30 and role.person:
            return role.person
    if re.match(r"[\s,.]*(?:he|she)\s+(?:" + _SPEECH + ")", after, re.IGNORECASE) or re.match(
        r"[\s,.]*(?:the\s+official)\s+(?:" + _SPEECH + ")", after, re.IGNORECASE
    ):
        return _latest_person_before(start, table)
    # Name ... told IRNA: “...   /  the official said: “...
    first = inside[0]
    head = text[first.start : start]
    for occurrence in reversed(people):
        if first.start <= occurrence.start < start and re.search(rf"(?:{_SPEECH})", head):
            return occurrence.ref
    for role in table.unnamed_roles:
        if first.start <= role.start < start and role.person:
            return role.person
    if re.search(
        r"(?:the\s+official|he|she)\s+(?:" + _SPEECH + r")[:,]?\s*$", before, re.IGNORECASE
    ):
        return _latest_person_before(start, table)
    # a quote whose attribution is in the sentence that ends it: “...,” Mosaheb told IRNA
    last = inside[-1]
    tail = text[end : last.end]
    for occurrence in people:
        if end <= occurrence.start <= last.end and re.search(rf"(?:{_SPEECH})", tail):
            return occurrence.ref
    return None


def _latest_person_before(position: int, table: EntityTable) -> str | None:
    people = [o for o in table.occurrences if o.kind == "person" and o.start < position]
    roles = [r for r in table.unnamed_roles if r.person and r.start < position]
    best = max(people, key=lambda o: o.start, default=None)
    best_role = max(roles, key=lambda r: r.start, default=None)
    if best_role and (best is None or best_role.start > best.start):
        return best_role.person
    return best.ref if best else None
