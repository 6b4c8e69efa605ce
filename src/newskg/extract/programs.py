"""Programs, plans and mottos an article names ("a program for boosting domestic production",
"the motto of “surge in production”", "its Fuel for Growth cost-cutting programme")."""

from __future__ import annotations

import re

from newskg.extract.records import ProgramMention, Sentence
from newskg.extract.table import EntityTable, Occurrence

_KINDS = r"program|programme|plan|scheme|project|initiative|campaign"
_DESCRIBED = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?:(?:successful|national|new|major|comprehensive|special|"
    rf"joint|five-year|ambitious|long-term|short-term)\s+)?(?P<kind>{_KINDS})\s+"
    r"(?:for|to|of|on|aimed at)\s+(?P<what>[a-z][a-z -]{3,60}?)"
    r"(?=[,.;:”\"]|\s+(?:was|is|were|are|has|had|in|which|that|by|will|and\s+the)\b)"
)
_NAMED = re.compile(
    rf"(?:motto|slogan|{_KINDS})\s+(?:of\s+|called\s+|named\s+|dubbed\s+)?"
    r"[“\"](?P<label>[^”\"]{3,60})[”\"]"
    r"|[“\"](?P<quoted>[^”\"]{3,40})[”\"]\s+(?:programme|program|plan|scheme|initiative)"
    r"|\b(?P<cap>(?:[A-Z][\w-]+\s+){1,4}(?:Program|Programme|Plan|Scheme|Initiative))\b"
    r"|\b(?:its|the)\s+(?P<titled>[A-Z][\w-]*(?:\s+(?:for|of|in|and|[A-Z][\w-]*)){1,4})\s+"
    r"(?:[a-z-]+\s+)?(?:programme|program|plan|scheme|initiative)\b"
)


def find_programs(table: EntityTable, sentence: Sentence) -> None:
    """Programs described ("a plan for reviving production units") or named."""
    for match in _DESCRIBED.finditer(sentence.text):
        between = sentence.text[match.end("kind") : match.start("what")].strip()
        label = re.sub(
            r"\s+", " ", f"{match.group('kind')} {between} {match.group('what').strip()}"
        )
        _program(table, label, sentence, match)
    for match in _NAMED.finditer(sentence.text):
        label = next((g for g in match.group("label", "quoted", "cap", "titled") if g), "").strip()
        if label:
            _program(table, label, sentence, match)


def _program(table: EntityTable, label: str, sentence: Sentence, match: re.Match[str]) -> None:
    if any(program.label.lower() == label.lower() for program in table.programs):
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
