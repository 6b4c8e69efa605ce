"""Sentence splitting: full stops, question and exclamation marks, and line breaks.

A boundary is a terminator followed by space and a capital, a digit or an opening quote, unless the
word before it is a known abbreviation or a single initial ("Mr.", "U.S.", "George W."). Quotes
closing right after the terminator stay in the sentence they close.
"""

from __future__ import annotations

import re

from newskg.extract.records import Sentence

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "co",
        "corp",
        "inc",
        "ltd",
        "plc",
        "no",
        "nos",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gen",
        "gov",
        "sen",
        "rep",
        "rev",
        "fig",
        "approx",
        "est",
        "dept",
        "univ",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    ]
)
_BOUNDARY = re.compile(r"([.!?]+)([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9])")
_LINE_BREAK = re.compile(r"\n\s*")
_LAST_WORD = re.compile(r"([\w.]+)$")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text`` with their character spans (offsets into ``text``)."""
    spans: list[tuple[int, int]] = []
    for block in _blocks(text):
        start = block[0]
        for match in _BOUNDARY.finditer(text, block[0], block[1]):
            if match.group(1) == "." and _is_abbreviation(text[start : match.start()]):
                continue
            spans.append((start, match.end(2)))
            start = match.end()
        spans.append((start, block[1]))
    sentences: list[Sentence] = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return tuple(sentences)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Line-separated blocks: a line break always ends a sentence (headlines, datelines)."""
    blocks = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        blocks.append((start, match.start()))
        start = match.end()
    blocks.append((start, len(text)))
    return [block for block in blocks if block[1] > block[0]]


def _is_abbreviation(before: str) -> bool:
    match = _LAST_WORD.search(before)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    # A single capital initial ("George W. Bush") or a dotted acronym ("U.S.").
    return (len(word) == 1 and word.isalpha()) or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))
