"""Load on the HTTP API: requests per second and latency percentiles of a cheap SELECT at /sparql
and of a named query, on the embedded store, with and without query worker processes.

    python benchmarks/api_load.py                       # builds a store, starts its own servers
    python benchmarks/api_load.py --url http://127.0.0.1:8000   # an already running server

Without ``--url`` the test sample graph is replicated ``--copies`` times into a temporary store
(not timed), and one server is started per ``--workers`` value (NEWSKG_QUERY_WORKERS), each
under uvicorn with one process, as ``newskg serve`` runs it. Each scenario runs ``--concurrency``
clients (one asyncio task each, keep-alive connections) for ``--duration`` seconds after a
one-second warm-up. The load generator runs on the same machine: on a small machine it takes
CPU from the server, so the figures are a floor.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from newskg.iris import IriScheme
from newskg.mapping import article_graph
from newskg.settings import DEFAULT_BASE_IRI
from newskg.store.base import GraphPayload
from newskg.store.oxigraph import OxigraphStore
from newskg.vocabulary import install_vocabulary

ROOT = Path(__file__).resolve().parents[1]
IRIS = IriScheme(DEFAULT_BASE_IRI)
CHEAP = "SELECT ?article WHERE { ?article a <https://w3id.org/newskg/ontology#Article> } LIMIT 10"
NAMED = "agencies"
JSON = {"Accept": "application/sparql-results+json"}


@dataclass(frozen=True)
class Scenario:
    """One kind of request."""

    name: str
    path: str
    params: dict[str, str]


SCENARIOS = (
    Scenario("cheap SELECT (GET /sparql)", "/sparql", {"query": CHEAP}),
    Scenario(f"named query {NAMED}", f"/api/queries/{NAMED}", {}),
)


@dataclass(frozen=True)
class Measured:
    """What one scenario gave."""

    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def per_second(self) -> float:
        """Successful requests per second."""
        return self.requests / self.seconds

    def percentile(self, fraction: float) -> float:
        """A latency percentile in milliseconds."""
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def _client(
    http: httpx.AsyncClient, scenario: Scenario, until: float, latencies: list[float]
) -> int:
    errors = 0
    while time.perf_counter() < until:
        started = time.perf_counter()
        response = await http.get(scenario.path, params=scenario.params, headers=JSON)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code == 200:
            latencies.append(elapsed)
        else:
            errors += 1
    return errors


async def load(url: str, scenario: Scenario, *, concurrency: int, duration: float) -> Measured:
    """Run ``concurrency`` clients against ``url`` for ``duration`` seconds (after a warm-up)."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as http:
        warm: list[float] = []
        await asyncio.gather(
            *(_client(http, scenario, time.perf_counter() + 1.0, warm) for _ in range(concurrency))
        )
        latencies: list[float] = []
        started = time.perf_counter()
        until = started + duration
        errors = await asyncio.gather(
            *(_client(http, scenario, until, latencies) for _ in range(concurrency))
        )
        seconds = time.perf_counter() - started
    return Measured(len(latencies), sum(errors), seconds, latencies)


def sample_store(directory: Path, copies: int) -> int:
    """Write the test sample's two articles ``copies`` times (distinct keys); the graph count."""
    sys.path.insert(0, str(ROOT / "tests"))
    from sample_data import sample_articles  # type: ignore[import-not-found]

    originals = [
        (resolved.iri, article_graph(resolved).serialize(format="nt", encoding="utf-8"))
        for resolved in sample_articles(IRIS)
    ]
    graphs = []
    for copy in range(copies):
        for iri, text in originals:
            key = iri.rsplit("/", 1)[1]
            renamed = text.replace(key.encode(), f"{key}r{copy}".encode())
            graphs.append(GraphPayload(iri.replace(key, f"{key}r{copy}"), renamed))
    store = OxigraphStore(directory)
    install_vocabulary(store)
    for start in range(0, len(graphs), 100):
        store.replace_graphs(graphs[start : start + 100])
    store.flush()
    count = len(store.named_graphs())
    del store
    return count


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(store: Path, workers: int) -> Iterator[str]:
    """newskg under uvicorn on ``store`` with ``workers`` query worker processes."""
    port = _free_port()
    env = {
        **os.environ,
        "NEWSKG_STORE": str(store),
        "NEWSKG_QUERY_WORKERS": str(workers),
    }
    command = [sys.executable, "-m", "uvicorn", "newskg.api.app:create_app", "--factory"]
    command += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    process = subprocess.Popen(command, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def report(label: str, scenario: Scenario, measured: Measured) -> str:
    """One Markdown table row (dashes when no request succeeded)."""
    if not measured.latencies_ms:
        return f"| {label} | {scenario.name} | 0 | - | - | - | {measured.errors} |"
    return (
        f"| {label} | {scenario.name} | {measured.per_second:,.0f} | "
        f"{statistics.median(measured.latencies_ms):.1f} | {measured.percentile(0.9):.1f} | "
        f"{measured.percentile(0.99):.1f} | {measured.errors} |"
    )


def main() -> None:
    """Parse arguments, run every scenario on every server, print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="an already running server (no store is built)")
    parser.add_argument("--copies", type=int, default=200, help="sample copies (2 articles each)")
    parser.add_argument("--workers", default="2,0", help="NEWSKG_QUERY_WORKERS values to compare")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--duration", type=float, default=10.0)
    args = parser.parse_args()

    rows: list[str] = []
    print(f"# {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"# {args.concurrency} concurrent clients, {args.duration:g} s per scenario")
    if args.url:
        for scenario in SCENARIOS:
            measured = asyncio.run(
                load(args.url, scenario, concurrency=args.concurrency, duration=args.duration)
            )
            rows.append(report(args.url, scenario, measured))
    else:
        scratch = Path(tempfile.mkdtemp(prefix="newskg-api-load-"))
        try:
            graphs = sample_store(scratch / "store", args.copies)
            print(f"# store: {graphs} named graphs (the test sample x {args.copies})")
            for workers in (int(value) for value in args.workers.split(",")):
                label = f"{workers} worker processes" if workers else "threads (workers=0)"
                with serve(scratch / "store", workers) as url:
                    for scenario in SCENARIOS:
                        measured = asyncio.run(
                            load(
                                url, scenario, concurrency=args.concurrency, duration=args.duration
                            )
                        )
                        rows.append(report(label, scenario, measured))
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    print("| server | request | req/s | p50 ms | p90 ms | p99 ms | errors |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
