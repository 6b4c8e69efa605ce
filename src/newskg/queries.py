"""Named SPARQL queries: the ``.rq`` files of queries/, their headers and typed parameters.

A query file starts with comment lines that describe it::

    #+ summary: Targets and achievements side by side
    #+ description: Longer text, may repeat.
    #+ param subject: iri, optional -- only figures about this agency, program or place
    #+ param year: integer, default=1398 -- a Solar Hijri year

Each parameter is a variable of the query (``?subject``). Values are parsed and checked against
the declared type, then *bound* to the variable by the store (pyoxigraph substitutions, or a VALUES
block for remote endpoints): they are never pasted into the query text. An optional parameter
that is not given stays unbound, so queries test it with ``BOUND(?name)``.
Files under queries/internal/ are used by newskg itself and are not published as endpoints.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from newskg.errors import InputError, NotFound
from newskg.resources import data_dir

_HEADER = re.compile(r"^#\+\s*(?P<key>[a-z]+)(?:\s+(?P<name>[A-Za-z_]\w*))?\s*:\s*(?P<value>.*)$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


class ParamType(StrEnum):
    """Types a named-query parameter can declare."""

    IRI = "iri"
    STRING = "string"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    BOOLEAN = "boolean"


@dataclass(frozen=True)
class Parameter:
    """One declared parameter of a named query."""

    name: str
    type: ParamType
    required: bool = False
    default: str | None = None
    description: str = ""

    def parse(self, raw: str) -> URIRef | Literal:
        """The RDF term for a raw string value; raise InputError when it does not fit the type."""
        text = raw.strip()
        problem = f"parameter {self.name!r} expects {self.type.value}, got {raw!r}"
        if self.type is ParamType.IRI:
            if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text) or _IRI_FORBIDDEN.search(text):
                raise InputError(problem)
            return URIRef(text)
        if self.type is ParamType.STRING:
            return Literal(raw)
        if self.type is ParamType.INTEGER:
            if not re.fullmatch(r"[+-]?\d+", text):
                raise InputError(problem)
            return Literal(int(text), datatype=XSD.integer)
        if self.type is ParamType.DECIMAL:
            try:
                number = Decimal(text)
            except InvalidOperation:
                raise InputError(problem) from None
            if not number.is_finite():
                raise InputError(problem)
            return Literal(number, datatype=XSD.decimal)
        if self.type is ParamType.DATE:
            try:
                return Literal(date.fromisoformat(text), datatype=XSD.date)
            except ValueError:
                raise InputError(problem) from None
        if text.lower() not in ("true", "false", "1", "0"):
            raise InputError(problem)
        return Literal(text.lower() in ("true", "1"), datatype=XSD.boolean)


@dataclass(frozen=True)
class NamedQuery:
    """A query file with its header."""

    name: str
    text: str
    summary: str
    description: str = ""
    parameters: tuple[Parameter, ...] = ()
    path: Path | None = None

    def bindings(self, raw: Mapping[str, str]) -> dict[str, URIRef | Literal]:
        """Typed values for the given raw parameters (defaults filled in, unknown ones refused)."""
        declared = {param.name: param for param in self.parameters}
        unknown = sorted(set(raw) - set(declared))
        if unknown:
            known = ", ".join(declared) or "none"
            raise InputError(
                f"query {self.name!r} has no parameter {', '.join(unknown)} (parameters: {known})"
            )
        values: dict[str, URIRef | Literal] = {}
        for param in self.parameters:
            given = raw.get(param.name)
            if given is None or given == "":
                given = param.default
            if given is None:
                if param.required:
                    raise InputError(f"query {self.name!r} needs parameter {param.name!r}")
                continue
            values[param.name] = param.parse(given)
        return values


def parse_query_file(path: Path, *, name: str | None = None) -> NamedQuery:
    """Read a ``.rq`` file and its ``#+`` header."""
    text = path.read_text(encoding="utf-8")
    summary = ""
    description: list[str] = []
    parameters: list[Parameter] = []
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if not match:
            continue
        key, value = match["key"], match["value"].strip()
        if key == "summary":
            summary = value
        elif key == "description":
            description.append(value)
        elif key == "param" and match["name"]:
            parameters.append(_parse_parameter(match["name"], value, path))
    return NamedQuery(
        name=name or path.stem,
        text=text,
        summary=summary or (name or path.stem),
        description=" ".join(description),
        parameters=tuple(parameters),
        path=path,
    )


def _parse_parameter(name: str, spec: str, path: Path) -> Parameter:
    declaration, _, description = spec.partition("--")
    words = [word.strip() for word in declaration.split(",") if word.strip()]
    if not words:
        raise ValueError(f"{path}: parameter {name!r} declares no type")
    try:
        kind = ParamType(words[0])
    except ValueError:
        raise ValueError(f"{path}: parameter {name!r} has unknown type {words[0]!r}") from None
    required = True
    default: str | None = None
    for word in words[1:]:
        if word == "optional":
            required = False
        elif word.startswith("default="):
            default = word.partition("=")[2].strip()
            required = False
        else:
            raise ValueError(f"{path}: parameter {name!r} has unknown option {word!r}")
    param = Parameter(name, kind, required, default, description.strip())
    if default is not None:
        param.parse(default)
    return param


def load_queries(directory: Path | None = None) -> dict[str, NamedQuery]:
    """The published named queries (every ``*.rq`` directly in queries/), by name."""
    root = directory or data_dir("queries")
    queries = {}
    for path in sorted(root.glob("*.rq")):
        if not _NAME.match(path.stem):
            raise ValueError(f"{path}: query names are lower-case words joined by hyphens")
        queries[path.stem] = parse_query_file(path)
    return queries


def internal_query(name: str) -> NamedQuery:
    """A query newskg runs itself, from queries/internal/."""
    path = data_dir("queries") / "internal" / f"{name}.rq"
    if not path.is_file():
        raise NotFound(f"internal query {name!r} is missing from the installation")
    return parse_query_file(path)


def find_query(name_or_file: str) -> NamedQuery:
    """A published query by name, or any ``.rq`` file by path (for the CLI)."""
    candidate = Path(name_or_file)
    if candidate.suffix == ".rq" and candidate.is_file():
        return parse_query_file(candidate)
    queries = load_queries()
    if name_or_file in queries:
        return queries[name_or_file]
    known = ", ".join(queries) or "none"
    raise NotFound(f"no query named {name_or_file!r} (named queries: {known})")
