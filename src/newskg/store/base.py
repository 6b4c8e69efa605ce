"""The store interface that everything above the store (ingest, queries, API, exports) uses.

Two implementations: :mod:`newskg.store.oxigraph` (embedded pyoxigraph, the default) and
:mod:`newskg.store.sparql` (any SPARQL 1.1 endpoint, through the W3C protocols only).
Results travel as serialised bytes in a negotiated format, so that a remote endpoint's answer can
be passed to an HTTP client untouched; :meth:`Store.select` parses them for library use.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from rdflib import BNode, Graph, Literal, URIRef

from newskg.formats import N_TRIPLES, SPARQL_JSON, Format, ResultKind

Term = URIRef | Literal | BNode


@dataclass(frozen=True)
class GraphPayload:
    """The complete new content of one named graph, as N-Triples."""

    iri: str
    ntriples: bytes


@dataclass(frozen=True)
class DatasetSpec:
    """An RDF dataset given by the SPARQL protocol (``default-graph-uri``/``named-graph-uri``).

    When both are empty the store's own dataset is used, whose default graph is the union of all
    article graphs.
    """

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @property
    def is_given(self) -> bool:
        """True when the request named any graph."""
        return bool(self.default_graphs or self.named_graphs)


@dataclass(frozen=True)
class QueryResult:
    """A query's result serialised in the negotiated format."""

    kind: ResultKind
    format: Format
    body: bytes


@dataclass(frozen=True)
class QueryOptions:
    """Everything about how to run a query besides its text."""

    accept: Sequence[str] = ("*/*",)
    """Ranked media ranges the caller accepts (see :func:`newskg.formats.parse_accept`)."""
    dataset: DatasetSpec = field(default_factory=DatasetSpec)
    bindings: Mapping[str, Term] = field(default_factory=dict)
    """Values joined to the query's variables (see :func:`newskg.sparqltext.bind_values`)."""
    timeout: float | None = None
    """Seconds after which the query is stopped with :class:`~newskg.errors.QueryTimeout`."""


class Store(ABC):
    """An RDF dataset with one named graph per article."""

    @abstractmethod
    def query(self, sparql: str, options: QueryOptions | None = None) -> QueryResult:
        """Run a SPARQL query; raise QueryError, NotAcceptable, QueryTimeout or StoreError."""

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update in one transaction; raise QueryError or StoreError."""

    @abstractmethod
    def replace_graphs(self, graphs: Sequence[GraphPayload]) -> None:
        """Replace each named graph by its payload; a reader never sees a graph half-replaced."""

    @abstractmethod
    def delete_graph(self, iri: str) -> bool:
        """Remove a named graph; False when there was no such graph."""

    @abstractmethod
    def named_graphs(self) -> list[str]:
        """The IRIs of every named graph."""

    @abstractmethod
    def export(self, output: BinaryIO, fmt: Format) -> None:
        """Write the whole dataset (or, for triple formats, the union graph) to ``output``."""

    def close(self) -> None:  # noqa: B027 - stores without resources need no close
        """Release the store's resources."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def select(
        self, sparql: str, *, bindings: Mapping[str, Term] | None = None
    ) -> list[dict[str, Term]]:
        """Run a SELECT query and return its rows as dicts of rdflib terms."""
        result = self.query(
            sparql, QueryOptions(accept=(SPARQL_JSON.media_type,), bindings=bindings or {})
        )
        return parse_json_rows(result.body)

    def ask(self, sparql: str, *, bindings: Mapping[str, Term] | None = None) -> bool:
        """Run an ASK query."""
        result = self.query(
            sparql, QueryOptions(accept=(SPARQL_JSON.media_type,), bindings=bindings or {})
        )
        return bool(json.loads(result.body)["boolean"])

    def graph(self, iri: str) -> Graph:
        """The triples of one named graph (empty when there is no such graph)."""
        result = self.query(
            _GRAPH_QUERY,
            QueryOptions(accept=(N_TRIPLES.media_type,), bindings={"graph": URIRef(iri)}),
        )
        return Graph(identifier=URIRef(iri)).parse(data=result.body, format="nt")


_GRAPH_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?graph { ?s ?p ?o } }"


def parse_json_rows(body: bytes) -> list[dict[str, Term]]:
    """Rows of a SPARQL 1.1 JSON results document, as rdflib terms."""
    document = json.loads(body)
    return [
        {name: json_term(value) for name, value in binding.items()}
        for binding in document.get("results", {}).get("bindings", [])
    ]


def json_term(value: Mapping[str, Any]) -> Term:
    """One term of a SPARQL 1.1 JSON result."""
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        return Literal(value["value"], lang=value.get("xml:lang"), datatype=value.get("datatype"))
    raise ValueError(f"unsupported term type in SPARQL JSON results: {kind!r}")
