"""The embedded store: pyoxigraph (RocksDB) on disk, or in memory for tests and one-off runs.

Atomic replacement: pyoxigraph offers no multi-operation transaction, so a graph is replaced by
``remove_graph`` then a transactional ``load`` under ``_write_lock``; queries take the same lock
only to *start* (Oxigraph then reads from a snapshot), so no reader can begin between the two
steps and see an article half there.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from newskg.errors import NotAcceptable, QueryError, StoreBusy, StoreError
from newskg.formats import (
    DATASET_FORMATS,
    GRAPH_FORMATS,
    JSON_LD,
    N_QUADS,
    N_TRIPLES,
    RDF_XML,
    RESULT_FORMATS,
    SPARQL_JSON,
    SPARQL_XML,
    TRIG,
    TSV,
    TURTLE,
    Format,
    ResultKind,
    negotiate,
)
from newskg.sparqltext import bind_values
from newskg.store.base import (
    DatasetSpec,
    GraphPayload,
    QueryOptions,
    QueryResult,
    Store,
)

_RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    SPARQL_JSON.media_type: ox.QueryResultsFormat.JSON,
    SPARQL_XML.media_type: ox.QueryResultsFormat.XML,
    TSV.media_type: ox.QueryResultsFormat.TSV,
    "text/csv": ox.QueryResultsFormat.CSV,
}
_RDF_FORMATS: dict[str, ox.RdfFormat] = {
    TURTLE.media_type: ox.RdfFormat.TURTLE,
    N_TRIPLES.media_type: ox.RdfFormat.N_TRIPLES,
    N_QUADS.media_type: ox.RdfFormat.N_QUADS,
    TRIG.media_type: ox.RdfFormat.TRIG,
    JSON_LD.media_type: ox.RdfFormat.JSON_LD,
    RDF_XML.media_type: ox.RdfFormat.RDF_XML,
}

_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


class OxigraphStore(Store):
    """A pyoxigraph store; ``path=None`` keeps everything in memory."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._write_lock = threading.Lock()
        try:
            self._store = ox.Store(str(self.path)) if self.path is not None else ox.Store()
        except OSError as error:
            if "lock" in str(error).lower():
                raise StoreBusy(
                    f"the store at {self.path} is in use by another process (is `newskg serve` "
                    "running? write through its API, or stop it first)"
                ) from error
            raise StoreError(f"cannot open the store at {self.path}: {error}") from error

    # -- queries -------------------------------------------------------------------------------

    def query(self, sparql: str, options: QueryOptions | None = None) -> QueryResult:
        """Run a query against the union of article graphs (or the dataset the options give)."""
        opts = options or QueryOptions()
        with self._write_lock:
            try:
                result = self._run(bind_values(sparql, opts.bindings), opts.dataset)
            except SyntaxError as error:
                raise QueryError(f"SPARQL syntax error: {error}") from error
            except (OSError, RuntimeError) as error:
                raise StoreError(f"query failed: {error}") from error
        return _serialize(result, opts.accept)

    def _run(
        self, sparql: str, dataset: DatasetSpec
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Start a query over the union graph, or over the dataset the protocol request gives."""
        if not dataset.is_given:
            return self._store.query(sparql, use_default_graph_as_union=True)
        return self._store.query(
            sparql,
            default_graph=[ox.NamedNode(iri) for iri in dataset.default_graphs],
            named_graphs=[ox.NamedNode(iri) for iri in dataset.named_graphs],
        )

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (one Oxigraph transaction)."""
        with self._write_lock:
            try:
                self._store.update(sparql)
            except SyntaxError as error:
                raise QueryError(f"SPARQL Update syntax error: {error}") from error
            except (OSError, RuntimeError) as error:
                raise StoreError(f"update failed: {error}") from error

    # -- graphs ---------------------------------------------------------------------------------

    def replace_graphs(self, graphs: Sequence[GraphPayload]) -> None:
        """Replace each graph; the whole batch is loaded in one transaction."""
        if not graphs:
            return
        quads = b"".join(_as_nquads(payload) for payload in graphs)
        with self._write_lock:
            try:
                for payload in graphs:
                    self._store.remove_graph(ox.NamedNode(payload.iri))
                self._store.load(quads, format=ox.RdfFormat.N_QUADS)
            except (OSError, SyntaxError, ValueError) as error:
                raise StoreError(f"could not write {len(graphs)} graph(s): {error}") from error

    def delete_graph(self, iri: str) -> bool:
        """Remove one named graph."""
        name = ox.NamedNode(iri)
        with self._write_lock:
            if not self._store.contains_named_graph(name):
                return False
            self._store.remove_graph(name)
            return True

    def named_graphs(self) -> list[str]:
        """IRIs of all named graphs, sorted."""
        return sorted(
            graph.value for graph in self._store.named_graphs() if isinstance(graph, ox.NamedNode)
        )

    def export(self, output: BinaryIO, fmt: Format) -> None:
        """Dump the dataset (quad formats) or the union of all graphs (triple formats)."""
        if fmt in DATASET_FORMATS and fmt is not JSON_LD:
            self._store.dump(output, format=_RDF_FORMATS[fmt.media_type])
            return
        if fmt not in GRAPH_FORMATS:
            raise NotAcceptable(f"cannot export as {fmt.media_type}")
        triples = self._store.query(_UNION)
        assert isinstance(triples, ox.QueryTriples)
        triples.serialize(output, format=_RDF_FORMATS[fmt.media_type])

    def flush(self) -> None:
        """Persist buffered writes to disk."""
        if self.path is not None:
            self._store.flush()

    def __len__(self) -> int:
        return len(self._store)


def _serialize(
    result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, accept: Sequence[str]
) -> QueryResult:
    accepted = list(accept)
    try:
        if isinstance(result, ox.QueryTriples):
            fmt = negotiate(accepted, GRAPH_FORMATS)
            if fmt is None:
                raise NotAcceptable(_not_acceptable("CONSTRUCT/DESCRIBE", GRAPH_FORMATS))
            body = result.serialize(format=_RDF_FORMATS[fmt.media_type])
            return QueryResult(ResultKind.GRAPH, fmt, body or b"")
        fmt = negotiate(accepted, RESULT_FORMATS)
        if fmt is None:
            raise NotAcceptable(_not_acceptable("SELECT/ASK", RESULT_FORMATS))
        kind = ResultKind.BOOLEAN if isinstance(result, ox.QueryBoolean) else ResultKind.SOLUTIONS
        body = result.serialize(format=_RESULT_FORMATS[fmt.media_type])
        return QueryResult(kind, fmt, body or b"")
    except (OSError, RuntimeError) as error:
        raise StoreError(f"query failed: {error}") from error


def _not_acceptable(what: str, formats: tuple[Format, ...]) -> str:
    offered = ", ".join(fmt.media_type for fmt in formats)
    return f"{what} results are available as {offered}"


def _as_nquads(payload: GraphPayload) -> bytes:
    """N-Triples lines moved into the payload's graph (each line ends with ' .')."""
    graph = f" <{payload.iri}> .".encode()
    lines = [line.rstrip() for line in payload.ntriples.splitlines()]
    return b"".join(line[:-1].rstrip() + graph + b"\n" for line in lines if line.endswith(b"."))
