"""The embedded store: pyoxigraph (RocksDB) on disk, or in memory for tests and one-off runs.

Atomic replacement: pyoxigraph offers no multi-operation transaction, so a graph is replaced by
``remove_graph`` then a transactional ``load`` while holding ``_write_lock`` exclusively; queries
hold it *shared* only to start (Oxigraph then reads from a snapshot), so no reader can begin
between the two steps and see an article half there. Readers share the lock rather than take it
in turn because Oxigraph evaluates ASK and aggregates eagerly inside ``query()``: an exclusive
lock would make every query wait for the slowest one.

Time limits: a query with ``QueryOptions.timeout`` runs in one of the worker processes of
:mod:`newskg.store.workers` once :meth:`OxigraphStore.start_query_workers` was called, and a query
past its limit is killed with its process. Otherwise it runs in a separate thread whose result is
abandoned at the limit: pyoxigraph cannot be interrupted, so that thread runs on to the end.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox

from newskg.errors import NotAcceptable, QueryError, QueryTimeout, StoreBusy, StoreError
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
from newskg.sparqltext import bind_values, tokens
from newskg.store.base import (
    DatasetSpec,
    GraphPayload,
    QueryOptions,
    QueryResult,
    Store,
)

if TYPE_CHECKING:
    from newskg.store.workers import WorkerPool

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
        self._write_lock = ReadWriteLock()
        # Counts finished writes: worker processes re-open their snapshot when it has moved.
        self._generation = 0
        self._generation_lock = threading.Lock()
        self._workers: WorkerPool | None = None
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
        text = bind_values(sparql, opts.bindings)
        if opts.timeout is None:
            return self._query_here(text, opts.accept, opts.dataset)
        if self._workers is not None:
            return self._workers.run(
                text,
                accept=tuple(opts.accept),
                dataset=opts.dataset,
                timeout=opts.timeout,
                generation=self._generation,
            )
        return run_with_deadline(
            lambda: self._query_here(text, opts.accept, opts.dataset), opts.timeout
        )

    def _query_here(self, sparql: str, accept: Sequence[str], dataset: DatasetSpec) -> QueryResult:
        """Run a query in the calling thread."""
        with self._write_lock.reading():
            result = start_query(self._store, sparql, dataset)
        return serialize_result(result, accept)

    def start_query_workers(self, count: int, *, start_timeout: float = 60.0) -> None:
        """From now on run queries that have a timeout in ``count`` worker processes.

        Only on-disk stores can be shared with other processes: for an in-memory store, or
        ``count`` 0, timed queries keep running in threads.
        """
        if self.path is None or count <= 0 or self._workers is not None:
            return
        from newskg.store.workers import WorkerPool

        self._flush_quietly()  # the workers' first open need not replay the log
        pool = WorkerPool(self.path, count=count)
        pool.start(timeout=start_timeout)
        self._workers = pool

    def close(self) -> None:
        """Stop the query worker processes, if any, then flush and release the store.

        RocksDB's directory lock goes with the last reference to the pyoxigraph store, so the
        store object is dropped here; the OxigraphStore cannot be used after close.
        """
        workers, self._workers = self._workers, None
        if workers is not None:
            workers.close()
        store = self.__dict__.pop("_store", None)
        if store is not None and self.path is not None:
            store.flush()

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Exclude readers, and worker processes opening a snapshot, for one write."""
        workers = self._workers
        try:
            if workers is None:
                with self._write_lock:
                    yield
            else:
                # Workers may not open a snapshot during the write, nor while RocksDB rewrites
                # its files in the flush that follows; readers in this process wait only for
                # the write itself.
                with workers.writing():
                    with self._write_lock:
                        yield
                    # A read-only instance replays the write-ahead log when it opens (about
                    # 0.2 s per MB): flushing after each write keeps the workers' re-open short.
                    self._flush_quietly()
        finally:
            with self._generation_lock:
                self._generation += 1

    def _flush_quietly(self) -> None:
        # Should it fail, the workers replay the log: slower, still right.
        with suppress(OSError, RuntimeError):
            self._store.flush()

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (one Oxigraph transaction)."""
        with self._writing():
            try:
                self._store.update(sparql)
            except SyntaxError as error:
                raise QueryError(f"SPARQL Update syntax error: {error}") from error
            except (OSError, RuntimeError) as error:
                raise StoreError(f"update failed: {error}") from error

    # -- graphs ---------------------------------------------------------------------------------

    def replace_graphs(self, graphs: Sequence[GraphPayload]) -> None:
        """Replace each graph; every payload is parsed before anything changes, and readers wait
        (in-process lock, and the workers' file lock) until the whole batch is in."""
        if not graphs:
            return
        try:
            quads = [quad for payload in graphs for quad in _quads(payload)]
        except (SyntaxError, ValueError) as error:
            raise StoreError(f"could not write {len(graphs)} graph(s): {error}") from error
        with self._writing():
            try:
                for payload in graphs:
                    self._store.remove_graph(ox.NamedNode(payload.iri))
                self._store.extend(quads)
            except OSError as error:
                raise StoreError(f"could not write {len(graphs)} graph(s): {error}") from error

    def delete_graph(self, iri: str) -> bool:
        """Remove one named graph."""
        name = ox.NamedNode(iri)
        with self._writing():
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


class ReadWriteLock:
    """Many readers or one writer; readers wait only while a writer holds the lock.

    ``with lock:`` takes it exclusively (as the plain lock it replaced did) and ``with
    lock.reading():`` takes it shared. Readers are preferred: a long query must not make a
    waiting writer hold up every query that arrives after it.
    """

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._readers = 0
        self._writer = False

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Hold the lock shared for the block."""
        with self._condition:
            while self._writer:
                self._condition.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._condition:
                self._readers -= 1
                if not self._readers:
                    self._condition.notify_all()

    def __enter__(self) -> None:
        with self._condition:
            while self._writer or self._readers:
                self._condition.wait()
            self._writer = True

    def __exit__(self, *exc: object) -> None:
        with self._condition:
            self._writer = False
            self._condition.notify_all()


def start_query(
    store: ox.Store, sparql: str, dataset: DatasetSpec
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Start a query over the union graph, or over the dataset the protocol request gives.

    A query with its own FROM or FROM NAMED gets the dataset it names: Oxigraph would otherwise
    let ``use_default_graph_as_union`` win over FROM.
    """
    try:
        if not dataset.is_given:
            return store.query(sparql, use_default_graph_as_union=not _names_dataset(sparql))
        return store.query(
            sparql,
            default_graph=[ox.NamedNode(iri) for iri in dataset.default_graphs],
            named_graphs=[ox.NamedNode(iri) for iri in dataset.named_graphs],
        )
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error: {error}") from error
    except ValueError as error:
        raise QueryError(f"invalid dataset: {error}") from error
    except (OSError, RuntimeError) as error:
        raise StoreError(f"query failed: {error}") from error


def _names_dataset(sparql: str) -> bool:
    """True when the query has a FROM or FROM NAMED clause (FROM means nothing else in SPARQL)."""
    return any(token.kind == "word" and token.text.upper() == "FROM" for token in tokens(sparql))


def run_with_deadline(run: Callable[[], QueryResult], timeout: float) -> QueryResult:
    """``run()`` in a daemon thread; QueryTimeout when it takes longer than ``timeout`` seconds.

    pyoxigraph cannot be interrupted, so the thread runs on to the end after the caller has been
    answered; being a daemon, it at least does not keep the process from exiting.
    """
    future: Future[QueryResult] = Future()

    def target() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(run())
        except BaseException as error:  # handed over to the waiting caller
            future.set_exception(error)

    threading.Thread(target=target, name="newskg-query", daemon=True).start()
    try:
        return future.result(timeout)
    except TimeoutError:
        raise QueryTimeout(
            f"the query ran longer than the {timeout:g} s time limit; its result was abandoned"
        ) from None


def serialize_result(
    result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, accept: Sequence[str]
) -> QueryResult:
    """Serialise a query result in the first format ``accept`` allows (NotAcceptable if none)."""
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


def _quads(payload: GraphPayload) -> list[ox.Quad]:
    """The payload's triples in its graph; blank nodes get fresh labels, so that two payloads
    that happen to use the same label never share a node."""
    graph = ox.NamedNode(payload.iri)
    triples = ox.parse(
        payload.ntriples,
        format=ox.RdfFormat.N_TRIPLES,
        rename_blank_nodes=True,
        without_named_graphs=True,
    )
    return [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
