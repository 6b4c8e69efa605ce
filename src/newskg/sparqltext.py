"""Lexical work on SPARQL text: binding parameters as a VALUES block, finding SERVICE targets.

Parameters are bound by joining a ``VALUES`` block of RDF terms at the start of the query's
outermost group pattern. The values are serialised here from typed terms, with every character
escaped that could end a term, so a value can never change the structure of the query. This
join (unlike pyoxigraph's ``substitutions``, which leaves a variable unbound inside FILTER) gives
the same result on every SPARQL 1.1 engine, embedded or remote, and lets optional parameters be
tested with ``BOUND(?name)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from newskg.errors import QueryError

Term = URIRef | Literal | BNode

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<word>[A-Za-z_][\w-]*(?::[\w.-]*)?|:[\w.-]*)
  | (?P<var>[?$]\w+)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG = re.compile(r"^[A-Za-z]+(-[A-Za-z0-9]+)*$")


@dataclass(frozen=True)
class Token:
    """A lexical token of SPARQL text and where it starts."""

    kind: str
    text: str
    start: int


def tokens(sparql: str) -> Iterator[Token]:
    """The tokens of a query, comments and white space dropped."""
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup or "punct"
        if kind not in ("space", "comment"):
            yield Token(kind, match.group(), match.start())


def term_to_sparql(term: Term) -> str:
    """A term in SPARQL syntax, escaped so that it cannot break out of its place."""
    if isinstance(term, URIRef):
        if _IRI_FORBIDDEN.search(str(term)):
            raise QueryError(f"not a valid IRI: {str(term)!r}")
        return f"<{term}>"
    if isinstance(term, Literal):
        text = (
            str(term)
            .replace("\\", "\\\\")
            .replace('"', '\\"')
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            .replace("\t", "\\t")
        )
        if term.language:
            if not _LANG.match(term.language):
                raise QueryError(f"not a valid language tag: {term.language!r}")
            return f'"{text}"@{term.language}'
        datatype = term.datatype or XSD.string
        return f'"{text}"^^{term_to_sparql(URIRef(datatype))}'
    raise QueryError("blank nodes cannot be bound to query variables")


def bind_values(sparql: str, bindings: Mapping[str, Term]) -> str:
    """The query with ``bindings`` joined as a VALUES block into its outermost WHERE group."""
    if not bindings:
        return sparql
    names = list(bindings)
    for name in names:
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"not a variable name: {name!r}")
    variables = " ".join(f"?{name}" for name in names)
    row = " ".join(term_to_sparql(bindings[name]) for name in names)
    block = f" VALUES ({variables}) {{ ({row}) }} "
    position = _where_brace(sparql)
    return sparql[: position + 1] + block + sparql[position + 1 :]


def group_depths(stream: Sequence[Token]) -> Iterator[tuple[int, Token, int]]:
    """Each token of ``stream`` that is not a brace, with its index and the number of groups
    (``{ }``) around it."""
    depth = 0
    for index, token in enumerate(stream):
        if token.text == "{":
            depth += 1
        elif token.text == "}":
            depth -= 1
        else:
            yield index, token, depth


def _where_brace(sparql: str) -> int:
    """Offset of the ``{`` that opens the outermost WHERE group."""
    depth = 0
    seen_where = False
    construct_template = False
    for token in tokens(sparql):
        word = token.text.upper() if token.kind == "word" else ""
        if depth == 0 and word == "CONSTRUCT":
            construct_template = True
        elif depth == 0 and word == "WHERE":
            seen_where = True
        elif token.text == "{":
            if depth == 0 and (seen_where or not construct_template):
                return token.start
            depth += 1
        elif token.text == "}":
            depth -= 1
    raise QueryError("cannot bind parameters: the query has no WHERE group")


def service_targets(sparql: str) -> list[str]:
    """The endpoints that ``SERVICE`` clauses call: IRIs (prefixed names expanded) or ``?var``."""
    return keyword_targets(sparql, "SERVICE")


def keyword_targets(sparql: str, keyword: str) -> list[str]:
    """What follows each ``keyword`` (``SERVICE``, ``LOAD``), past an optional ``SILENT``: IRIs
    with prefixed names expanded, or the token as written (a ``?var``)."""
    found: list[str] = []
    prefixes: dict[str, str] = {}
    stream = list(tokens(sparql))
    for index, token in enumerate(stream):
        word = token.text.upper() if token.kind == "word" else ""
        following = stream[index + 1 : index + 3]
        if word == "PREFIX" and len(following) == 2 and following[1].kind == "iri":
            prefixes[following[0].text.rstrip(":")] = following[1].text[1:-1]
        elif word == keyword:
            if following and following[0].text.upper() == "SILENT":
                following = following[1:]
            if following:
                found.append(_endpoint(following[0], prefixes))
    return found


def _endpoint(token: Token, prefixes: Mapping[str, str]) -> str:
    if token.kind == "iri":
        return token.text[1:-1]
    if token.kind == "word" and ":" in token.text:
        prefix, _, local = token.text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + local
    return token.text


def bind_into_subqueries(sparql: str, bindings: Mapping[str, Term]) -> str:
    """The query with ``bindings`` joined, as VALUES, into every sub-SELECT that projects them.

    Oxigraph evaluates a sub-SELECT on its own, before joining it: one that looks up the labels
    of a resource's neighbours would read the whole store. Joining the bound values inside it as
    well gives the same rows (the outer join keeps only those anyway) from the neighbours alone.
    The outermost group is left to :meth:`Store.select`, which binds the values there.
    """
    inserts: list[tuple[int, str]] = []
    found = list(tokens(sparql))
    for index, token, depth in group_depths(found):
        if depth > 0 and token.kind == "word" and token.text.upper() == "SELECT":
            projected, brace = _projection(found, index + 1)
            names = [name for name in bindings if f"?{name}" in projected]
            if names and brace is not None:
                variables = " ".join(f"?{name}" for name in names)
                row = " ".join(term_to_sparql(bindings[name]) for name in names)
                inserts.append((brace + 1, f" VALUES ({variables}) {{ ({row}) }} "))
    for position, block in reversed(inserts):
        sparql = sparql[:position] + block + sparql[position:]
    return sparql


def _projection(found: Sequence[Token], start: int) -> tuple[set[str], int | None]:
    """The plain variables a SELECT projects (not those inside expressions), and its ``{``."""
    projected: set[str] = set()
    parens = 0
    for token in found[start:]:
        if token.text == "(":
            parens += 1
        elif token.text == ")":
            parens -= 1
        elif token.kind == "var" and parens == 0:
            projected.add("?" + token.text[1:])
        elif token.text == "{":
            return projected, token.start
    return projected, None
