"""Embedded Oxigraph against `oxigraph serve` on the same data: write throughput, query latency.

    python benchmarks/stores.py --source bbc       # the real pipeline on the BBC corpus
    python benchmarks/stores.py --source sample    # the sample graph replicated (no pipeline)

Article graphs are prepared first (extract -> resolve -> map -> validate, or the sample copies) and
not timed; then each store is emptied, the vocabulary installed, and the graphs written in
batches of ``--batch-size`` through ``Store.replace_graphs``, which is what ``newskg ingest`` does
after preparing. Queries are timed through ``Store.query`` (serialised bytes, as the API serves
them): ``--runs`` runs after ``--warmup`` runs, reported as median and 95th percentile.

Stores: ``embedded`` (OxigraphStore on a temporary directory), ``remote-update`` (SparqlStore on
`oxigraph serve --union-default-graph`, one SPARQL Update per batch) and ``remote-gsp`` (the same
server, one Graph Store Protocol PUT per graph). The corpus is read where it lies
(``--corpus``, default ../shared/corpus/bbc beside the checkout), never copied.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph

from newskg.formats import SPARQL_JSON
from newskg.iris import IriScheme
from newskg.mapping import article_graph
from newskg.queries import load_queries
from newskg.settings import DEFAULT_BASE_IRI
from newskg.sources import iter_articles
from newskg.store.base import GraphPayload, QueryOptions, Store
from newskg.store.oxigraph import OxigraphStore
from newskg.store.sparql import SparqlStore
from newskg.vocabulary import install_vocabulary

ROOT = Path(__file__).resolve().parents[1]
IRIS = IriScheme(DEFAULT_BASE_IRI)
NAMED = ("targets-vs-achievements", "observations", "claims-by-source", "agencies")
CHEAP = (
    "cheap SELECT",
    "SELECT ?article WHERE { ?article a <https://w3id.org/newskg/ontology#Article> } LIMIT 10",
)


@dataclass(frozen=True)
class WriteResult:
    store: str
    articles: int
    triples: int
    seconds: float


@dataclass(frozen=True)
class Latency:
    store: str
    query: str
    median_ms: float
    p95_ms: float
    rows_bytes: int


def bbc_graphs(corpus: Path, limit: int | None) -> tuple[list[GraphPayload], float]:
    """Article graphs from the real pipeline (valid articles only) and the time it took."""
    # The pipeline is needed only for this source.
    from newskg.ingest import prepare
    from newskg.resolve import EntityIndex

    index = EntityIndex.empty()
    graphs: dict[str, GraphPayload] = {}
    started = time.perf_counter()
    for loaded in iter_articles([corpus]):
        if loaded.article is None:
            continue
        prepared = prepare(loaded.article, iris=IRIS, known=index)
        if not prepared.report.conforms:
            continue
        index.add(prepared.resolved)
        text = prepared.graph.serialize(format="nt", encoding="utf-8")
        graphs[prepared.resolved.iri] = GraphPayload(prepared.resolved.iri, text)
        if limit is not None and len(graphs) >= limit:
            break
    return list(graphs.values()), time.perf_counter() - started


def sample_graphs(copies: int) -> tuple[list[GraphPayload], float]:
    """The test sample's two articles copied under distinct keys.

    Each copy gets its own organisation, person and program (else targets-vs-achievements would
    pair every copy's target with every copy's achievement); the ministry, the news agency and
    the country stay shared, as hubs are in real news.
    """
    sys.path.insert(0, str(ROOT / "tests"))
    from sample_data import sample_articles  # type: ignore[import-not-found]

    started = time.perf_counter()
    originals = [
        (resolved.iri, article_graph(resolved).serialize(format="nt", encoding="utf-8"))
        for resolved in sample_articles(IRIS)
    ]
    own = [b"agency/eio>", b"person/ali-asqar-example>", b"program/plan-for-reviving-idle-units>"]
    graphs = []
    for copy in range(copies):
        for iri, text in originals:
            key = iri.rsplit("/", 1)[1]
            renamed = text.replace(key.encode(), f"{key}r{copy}".encode())
            for name in own:
                renamed = renamed.replace(name, name[:-1] + f"-r{copy}>".encode())
            graphs.append(GraphPayload(iri.replace(key, f"{key}r{copy}"), renamed))
    return graphs, time.perf_counter() - started


def write_all(name: str, store: Store, graphs: list[GraphPayload], batch: int) -> WriteResult:
    """Install the vocabulary (untimed), then write every graph in batches (timed)."""
    install_vocabulary(store)
    started = time.perf_counter()
    for start in range(0, len(graphs), batch):
        store.replace_graphs(graphs[start : start + batch])
    seconds = time.perf_counter() - started
    triples = sum(graph.ntriples.count(b"\n") for graph in graphs)
    return WriteResult(name, len(graphs), triples, seconds)


def time_queries(name: str, store: Store, *, runs: int, warmup: int) -> list[Latency]:
    queries = [(query, load_queries()[query].text) for query in NAMED] + [CHEAP]
    results = []
    options = QueryOptions(accept=(SPARQL_JSON.media_type,))
    for label, text in queries:
        size = 0
        for _ in range(warmup):
            size = len(store.query(text, options).body)
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            store.query(text, options)
            samples.append((time.perf_counter() - started) * 1000)
        samples.sort()
        p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
        results.append(Latency(name, label, statistics.median(samples), p95, size))
    return results


@contextmanager
def oxigraph_serve(location: Path) -> Iterator[str]:
    """`oxigraph serve --union-default-graph` on a free port; yields its base URL."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        [*command, "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/query?query=ASK%7B%7D", timeout=2.0)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("oxigraph serve did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def run(
    name: str,
    opened: Callable[[], Store],
    graphs: list[GraphPayload],
    args: argparse.Namespace,
) -> tuple[WriteResult, list[Latency]]:
    store = opened()
    try:
        written = write_all(name, store, graphs, args.batch_size)
        return written, time_queries(name, store, runs=args.runs, warmup=args.warmup)
    finally:
        store.close()


def report(
    writes: list[WriteResult], latencies: list[Latency], source: str, prepare_s: float
) -> str:
    lines = [
        f"Data: {source}; {writes[0].articles} article graphs, {writes[0].triples:,} triples "
        f"(+ the vocabulary graph); preparing them took {prepare_s:.1f} s (not counted below).",
        f"Machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, pyoxigraph/oxigraph {pyoxigraph.__version__}.",
        "",
        "| store | write s | articles/s | triples/s |",
        "| --- | ---: | ---: | ---: |",
    ]
    for write in writes:
        lines.append(
            f"| {write.store} | {write.seconds:.2f} | {write.articles / write.seconds:,.0f} "
            f"| {write.triples / write.seconds:,.0f} |"
        )
    lines += [
        "",
        "| query | store | median ms | p95 ms | result bytes |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for latency in sorted(latencies, key=lambda item: (item.query, item.store)):
        lines.append(
            f"| {latency.query} | {latency.store} | {latency.median_ms:.2f} "
            f"| {latency.p95_ms:.2f} | {latency.rows_bytes:,} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", choices=("bbc", "sample"), default="bbc")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bbc")
    parser.add_argument("--limit", type=int, default=None, help="at most this many BBC articles")
    parser.add_argument("--copies", type=int, default=500, help="sample copies (2 articles each)")
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()

    if args.source == "bbc":
        graphs, prepare_s = bbc_graphs(args.corpus, args.limit)
        source = f"the real pipeline on {args.corpus.name} ({len(graphs)} valid articles)"
    else:
        graphs, prepare_s = sample_graphs(args.copies)
        source = f"the test sample graph replicated {args.copies} times"

    writes: list[WriteResult] = []
    latencies: list[Latency] = []
    with tempfile.TemporaryDirectory(prefix="newskg-bench-") as scratch:
        root = Path(scratch)
        written, timed = run("embedded", lambda: OxigraphStore(root / "embedded"), graphs, args)
        writes.append(written)
        latencies += timed
        with oxigraph_serve(root / "served") as url:
            for name, gsp in (("remote-update", None), ("remote-gsp", f"{url}/store")):

                def opened(gsp: str | None = gsp) -> Store:
                    store = SparqlStore(
                        f"{url}/query",
                        update_url=f"{url}/update",
                        graph_store_url=gsp,
                        batch_size=args.batch_size,
                    )
                    store.update("DROP ALL")
                    return store

                written, timed = run(name, opened, graphs, args)
                writes.append(written)
                latencies += timed
    print(report(writes, latencies, source, prepare_s))


if __name__ == "__main__":
    main()
