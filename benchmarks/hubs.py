"""How the queries and pages grow with the number of articles that mention the same entities.

    python benchmarks/hubs.py [--copies N] [--runs 3] [--timeout 120]

The test sample's two articles are written ``--copies`` times under distinct keys into a
temporary store (benchmarks/api_load.py ``sample_store``): every copy mentions the same agencies,
person, program and places, so those become hubs that 2N article graphs describe again. Every
query of queries/internal/ (bound to the hub agency, the hub person, an article or an
observation) and every public named query then runs through newskg's Store API, and the HTML and
RDF pages of the hubs, an article, the graph views and the article lists are fetched from an
API server on that store. Each figure is the median of ``--runs`` runs; a query or page taking
longer than ``--timeout`` seconds is reported as such (and stops further runs of it).

Run it at two sizes (``--copies 50`` and ``--copies 200``): a line whose time grows by much more
than the factor of the copies is polynomial in the number of articles that mention a hub.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx
from rdflib import URIRef

from newskg.api.routes.ui import Links
from newskg.errors import QueryTimeout
from newskg.formats import SPARQL_JSON
from newskg.queries import internal_query, load_queries
from newskg.settings import DEFAULT_BASE_IRI
from newskg.sparqltext import bind_into_subqueries
from newskg.store.base import QueryOptions, Term
from newskg.store.oxigraph import OxigraphStore

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_load import IRIS, sample_store, serve

ROOT = Path(__file__).resolve().parents[1]
AGENCY = IRIS.mint("agency", "eio")
PERSON = IRIS.mint("person", "ali-asqar-example")
ARTICLE_CLASS = "https://w3id.org/newskg/ontology#Article"
OBSERVATION_CLASS = "https://w3id.org/newskg/ontology#Observation"


@dataclass(frozen=True)
class Timing:
    """The median time of one query or page, and the size of what it gave."""

    milliseconds: float | None
    size: str

    def cell(self) -> str:
        """The time for the table (``timeout`` when a run took too long)."""
        return "timeout" if self.milliseconds is None else f"{self.milliseconds:,.1f}"


def measure(run: Callable[[], str], runs: int) -> Timing:
    """Median of ``runs`` calls of ``run`` (which returns the size of what it got)."""
    times: list[float] = []
    size = ""
    for _ in range(runs):
        started = time.perf_counter()
        try:
            size = run()
        except (QueryTimeout, httpx.TimeoutException):
            return Timing(None, size or "-")
        times.append((time.perf_counter() - started) * 1000)
    return Timing(statistics.median(times), size)


def _first(store: OxigraphStore, cls: str) -> str:
    rows = store.select(f"SELECT ?x WHERE {{ ?x a <{cls}> }} ORDER BY ?x LIMIT 1")
    return str(rows[0]["x"])


def internal_bindings(article: str, observation: str) -> dict[str, dict[str, str]]:
    """Realistic bindings for each parameter of the internal queries: the hubs where they fit."""
    return {
        "article": {"article": article},
        "person": {"person": PERSON},
        "observation": {"observation": observation},
        "graph": {"graph": article},
        "resource": {"resource": AGENCY},
        "relation": {"relation": "https://w3id.org/newskg/ontology#subject"},
    }


def query_cases(article: str, observation: str) -> list[tuple[str, str, dict[str, Term]]]:
    """(label, SPARQL, bindings) for every internal query and every public named query."""
    values = internal_bindings(article, observation)
    cases: list[tuple[str, str, dict[str, Term]]] = []
    for path in sorted((ROOT / "queries" / "internal").glob("*.rq")):
        query = internal_query(path.stem)
        variants: list[dict[str, str]] = [{}]
        for param in query.parameters:
            variants = [{**variant, **values[param.name]} for variant in variants]
        if path.stem in ("resource-incoming", "resource-properties", "describe"):
            # the person, the article and the observation are hubs of other kinds of link
            variants += [{"resource": PERSON}, {"resource": article}, {"resource": observation}]
        if path.stem == "resource-observations":
            variants += [
                {"resource": AGENCY, "relation": "https://w3id.org/newskg/ontology#statedBy"},
                {"resource": PERSON, "relation": "https://w3id.org/newskg/ontology#statedBy"},
                {"resource": article, "relation": "http://www.w3.org/ns/prov#wasDerivedFrom"},
            ]
        for variant in variants:
            shown = ", ".join(f"{key}={_short(value)}" for key, value in variant.items())
            label = f"internal/{path.stem}" + (f" ({shown})" if shown else "")
            bound: dict[str, Term] = {key: URIRef(value) for key, value in variant.items()}
            cases.append((label, query.text, bound))
    for name, query in sorted(load_queries().items()):
        cases.append((name, query.text, {}))
    return cases


def _short(iri: str) -> str:
    return iri.rsplit("/", 2)[-2] + "/" + iri.rsplit("/", 1)[-1] if "/" in iri else iri


def run_query(
    store: OxigraphStore, sparql: str, bindings: Mapping[str, Term], timeout: float
) -> str:
    """Run one query in a query worker (so a runaway one is killed); its size in bytes.

    Parameters are bound as the Linked Data pages bind them (inside sub-SELECTs as well).
    """
    accept = ("application/n-triples",) if "CONSTRUCT" in sparql else (SPARQL_JSON.media_type,)
    text = bind_into_subqueries(sparql, bindings)
    result = store.query(text, QueryOptions(accept=accept, bindings=bindings, timeout=timeout))
    return f"{len(result.body):,} B"


def page_cases(article: str) -> list[tuple[str, str, dict[str, str]]]:
    """(label, path with query string, headers) for the pages around the hubs."""
    links = Links(DEFAULT_BASE_IRI)
    html = {"Accept": "text/html"}
    turtle = {"Accept": "text/turtle"}
    cases: list[tuple[str, str, dict[str, str]]] = []
    for label, iri in (("agency", AGENCY), ("person", PERSON), ("article", article)):
        page = links.page(iri)
        assert page is not None
        cases.append((f"{label} page (HTML)", page, html))
        cases.append((f"{label} page (Turtle)", page, turtle))
    cases.append(("/graph (HTML)", "/graph?" + urlencode({"focus": AGENCY}), html))
    for observations in ("false", "true"):
        query = urlencode({"focus": AGENCY, "observations": observations})
        label = f"/api/graph focus=agency observations={observations}"
        cases.append((label, "/api/graph?" + query, {}))
    cases.append(("/api/graph (everything)", "/api/graph", {}))
    cases.append(("/articles (HTML)", "/articles", html))
    cases.append(("/api/articles", "/api/articles", {}))
    return cases


def time_queries(directory: Path, copies: int, runs: int, timeout: float) -> str:
    """Print a table row for every query case; the article the cases were bound to."""
    store = OxigraphStore(directory)
    try:
        article = _first(store, ARTICLE_CLASS)
        observation = _first(store, OBSERVATION_CLASS)
        store.start_query_workers(1)
        for label, sparql, bindings in query_cases(article, observation):

            def run(sparql: str = sparql, bindings: dict[str, Term] = bindings) -> str:
                return run_query(store, sparql, bindings, timeout)

            timing = measure(run, runs)
            print(f"| {label} | {copies} | {timing.cell()} | {timing.size} |", flush=True)
    finally:
        store.close()
    return article


def main() -> None:
    """Build the store, time every query and page, print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=50, help="sample copies (2 articles each)")
    parser.add_argument("--runs", type=int, default=3, help="runs per query or page (median)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    parser.add_argument("--no-pages", action="store_true", help="only the queries")
    args = parser.parse_args()

    print(f"# {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory(prefix="newskg-hubs-") as tmp:
        directory = Path(tmp) / "store"
        graphs = sample_store(directory, args.copies)
        print(f"# {graphs} named graphs ({args.copies} copies of the sample)\n")
        print("| query or page | copies | median ms | result |")
        print("|---|---:|---:|---:|")
        article = time_queries(directory, args.copies, args.runs, args.timeout)
        if args.no_pages:
            return
        with serve(directory, 0) as url, httpx.Client(base_url=url, timeout=args.timeout) as http:
            for label, path, headers in page_cases(article):

                def fetch(path: str = path, headers: dict[str, str] = headers) -> str:
                    response = http.get(path, headers=headers)
                    response.raise_for_status()
                    return f"{len(response.content):,} B"

                timing = measure(fetch, args.runs)
                print(f"| {label} | {args.copies} | {timing.cell()} | {timing.size} |", flush=True)


if __name__ == "__main__":
    main()
