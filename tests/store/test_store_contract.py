"""The store contract: every test runs on the embedded store and on a real `oxigraph serve`.

Everything above the store (ingest, named queries, the API, exports) relies only on this contract,
so passing it on both is what makes them interchangeable by configuration.
"""

from __future__ import annotations

import csv
import io
import threading
from collections import Counter

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from remote_kit import EX, IRIS, payload

from newskg.errors import NotAcceptable, QueryError, StoreError
from newskg.formats import (
    CSV,
    GRAPH_FORMATS,
    JSON_LD,
    N_QUADS,
    N_TRIPLES,
    RDF_XML,
    SPARQL_JSON,
    SPARQL_XML,
    TRIG,
    TSV,
    TURTLE,
    Format,
    ResultKind,
)
from newskg.queries import load_queries
from newskg.store.base import DatasetSpec, GraphPayload, QueryOptions, Store
from newskg.store.oxigraph import OxigraphStore
from newskg.store.sparql import SparqlStore
from newskg.vocabulary import VOCABULARY_GRAPH
from sample_data import load_sample

G1 = "https://example.org/graph/1"
G2 = "https://example.org/graph/2"
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
OBSERVATIONS = (
    "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { "
    "?o a <https://w3id.org/newskg/ontology#Observation> }"
)


def per_graph(store: Store) -> dict[str, int]:
    return {str(row["g"]): int(row["n"]) for row in store.select(PER_GRAPH)}


def graph_of(store: Store, iri: str) -> Graph:
    return store.graph(iri)


# -- queries ------------------------------------------------------------------------------------

SELECT = f"SELECT ?s ?o WHERE {{ ?s <{EX}p> ?o }} ORDER BY ?o"


@pytest.mark.parametrize("fmt", [SPARQL_JSON, SPARQL_XML, CSV, TSV], ids=lambda f: f.name)
def test_select_in_every_result_format(store: Store, fmt: Format) -> None:
    store.replace_graphs([payload(G1, 3)])
    result = store.query(SELECT, QueryOptions(accept=(fmt.media_type,)))
    assert (result.kind, result.format) == (ResultKind.SOLUTIONS, fmt)
    if fmt is CSV:  # lossy by design: pyoxigraph will not parse it back to terms
        values = [row["o"] for row in csv.DictReader(io.StringIO(result.body.decode()))]
    else:
        solutions = ox.parse_query_results(result.body, format=_OX_RESULTS[fmt.media_type])
        assert isinstance(solutions, ox.QuerySolutions)
        values = [str(solution["o"].value) for solution in solutions]  # type: ignore[union-attr]
    assert values == ["v0", "v1", "v2"]


@pytest.mark.parametrize("fmt", [SPARQL_JSON, SPARQL_XML], ids=lambda f: f.name)
def test_ask_in_result_formats(store: Store, fmt: Format) -> None:
    store.replace_graphs([payload(G1, 1)])
    for query, expected in (("ASK { ?s ?p ?o }", True), (f"ASK {{ <{EX}nothing> ?p ?o }}", False)):
        result = store.query(query, QueryOptions(accept=(fmt.media_type,)))
        assert (result.kind, result.format) == (ResultKind.BOOLEAN, fmt)
        parsed = ox.parse_query_results(result.body, format=_OX_RESULTS[fmt.media_type])
        assert bool(parsed) is expected


@pytest.mark.parametrize("fmt", GRAPH_FORMATS, ids=lambda f: f.name)
def test_construct_in_every_graph_format(store: Store, fmt: Format) -> None:
    store.replace_graphs([payload(G1, 3)])
    result = store.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", QueryOptions(accept=(fmt.media_type,))
    )
    assert (result.kind, result.format) == (ResultKind.GRAPH, fmt)
    got = as_graph(result.body, fmt)
    expected = Graph().parse(data=payload(G1, 3).ntriples, format="nt")
    assert isomorphic(got, expected)


def test_accept_is_ranked_and_wildcards_default(store: Store) -> None:
    store.replace_graphs([payload(G1, 1)])
    ranked = store.query(
        SELECT, QueryOptions(accept=("image/png", "text/csv", SPARQL_JSON.media_type))
    )
    assert ranked.format == CSV
    assert store.query(SELECT, QueryOptions(accept=("*/*",))).format == SPARQL_JSON
    assert store.query(SELECT, QueryOptions(accept=("application/*",))).format == SPARQL_JSON
    assert store.query(SELECT, QueryOptions(accept=("application/json",))).format == SPARQL_JSON
    construct = "CONSTRUCT WHERE { ?s ?p ?o }"
    assert store.query(construct, QueryOptions(accept=("*/*",))).format == TURTLE
    assert store.query(construct, QueryOptions(accept=("text/plain",))).format == N_TRIPLES


def test_no_acceptable_format_is_not_acceptable(store: Store) -> None:
    with pytest.raises(NotAcceptable):
        store.query(SELECT, QueryOptions(accept=(TURTLE.media_type,)))
    with pytest.raises(NotAcceptable):
        store.query("CONSTRUCT WHERE { ?s ?p ?o }", QueryOptions(accept=(CSV.media_type,)))


def test_dataset_parameters_choose_the_graphs(store: Store) -> None:
    store.replace_graphs([payload(G1, 2), payload(G2, 5)])
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(store.select(count)[0]["n"]) == 7  # no dataset: the union
    only_g2 = QueryOptions(accept=(SPARQL_JSON.media_type,), dataset=DatasetSpec((G2,)))
    assert _rows(store.query(count, only_g2).body) == [{"n": "5"}]
    named = QueryOptions(
        accept=(SPARQL_JSON.media_type,), dataset=DatasetSpec(default_graphs=(), named_graphs=(G1,))
    )
    graphs = _rows(store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", named).body)
    assert graphs == [{"g": G1}]


def test_bindings_are_values_never_text(store: Store) -> None:
    store.replace_graphs([payload(G1, 3)])
    assert store.select(SELECT, bindings={"o": Literal("v1")}) == [
        {"s": URIRef(f"{EX}s1"), "o": Literal("v1")}
    ]
    assert store.select(SELECT, bindings={"s": URIRef(f"{EX}s2")})[0]["o"] == Literal("v2")
    hostile = Literal('v1" } } ; DROP ALL ; SELECT * { ?s ?p "')
    assert store.select(SELECT, bindings={"o": hostile}) == []
    assert per_graph(store) == {G1: 3}


def test_a_bad_query_is_a_query_error_with_the_reason(store: Store) -> None:
    with pytest.raises(QueryError) as caught:
        store.query("SELECT * WHERE { ?s ?p }")
    assert caught.value.message  # the engine's own explanation, not an empty string


# -- writes -------------------------------------------------------------------------------------


def test_replace_is_idempotent_and_never_duplicates(store: Store) -> None:
    batch = [payload(G1, 4), payload(G2, 6)]
    store.replace_graphs(batch)
    store.replace_graphs(batch)
    assert per_graph(store) == {G1: 4, G2: 6}
    store.replace_graphs([payload(G1, 2, tag="new")])
    assert per_graph(store) == {G1: 2, G2: 6}
    assert {
        str(row["o"]) for row in store.select(f"SELECT ?o {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")
    } == {
        "new0",
        "new1",
    }


def test_replace_keeps_blank_nodes_of_different_graphs_apart(store: Store) -> None:
    same_labels = f'_:b0 <{EX}p> "x" .\n<{EX}s> <{EX}q> _:b0 .\n'.encode()
    store.replace_graphs([GraphPayload(G1, same_labels), GraphPayload(G2, same_labels)])
    nodes = store.select('SELECT DISTINCT ?b WHERE { ?b <https://example.org/p> "x" }')
    assert len(nodes) == 2
    assert per_graph(store) == {G1: 2, G2: 2}


def test_replace_refuses_a_payload_that_is_not_ntriples(store: Store) -> None:
    store.replace_graphs([payload(G1, 2)])
    with pytest.raises(StoreError):
        store.replace_graphs([payload(G2, 1), GraphPayload(G1, b"this is not N-Triples .\n")])
    assert per_graph(store) == {G1: 2}


def test_replace_with_an_empty_graph_leaves_no_triples(store: Store) -> None:
    store.replace_graphs([payload(G1, 3)])
    store.replace_graphs([GraphPayload(G1, b"")])
    assert per_graph(store) == {}


def test_a_reader_never_sees_a_batch_half_replaced(store: Store) -> None:
    """While batches of two graphs alternate between 30 and 50 triples each, readers only ever
    see 30+30 or 50+50: never a graph half loaded, never one graph of the batch without the other.
    """
    small = [payload(G1, 30, tag="a"), payload(G2, 30, tag="a")]
    large = [payload(G1, 50, tag="b"), payload(G2, 50, tag="b")]
    store.replace_graphs(small)
    seen: Counter[tuple[int, ...]] = Counter()
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            counts = per_graph(store)
            seen[tuple(counts.get(graph, 0) for graph in (G1, G2))] += 1

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for round_ in range(40):
            store.replace_graphs(large if round_ % 2 == 0 else small)
    finally:
        done.set()
        reader.join(timeout=30)
    assert set(seen) <= {(30, 30), (50, 50)}, seen
    assert sum(seen.values()) > 0


def test_delete_graph(store: Store) -> None:
    store.replace_graphs([payload(G1, 2), payload(G2, 3)])
    assert store.delete_graph(G1) is True
    assert store.delete_graph(G1) is False
    assert per_graph(store) == {G2: 3}
    assert store.named_graphs() == [G2]


def test_named_graphs_lists_every_graph_sorted(store: Store) -> None:
    assert store.named_graphs() == []
    store.replace_graphs([payload(G2, 1), payload(G1, 1)])
    assert store.named_graphs() == [G1, G2]


def test_update_runs_and_a_bad_update_is_a_query_error(store: Store) -> None:
    store.update(f'INSERT DATA {{ GRAPH <{G1}> {{ <{EX}a> <{EX}b> "c" }} }}')
    assert per_graph(store) == {G1: 1}
    with pytest.raises(QueryError):
        store.update("INSERT DATA { this is not SPARQL }")
    assert per_graph(store) == {G1: 1}


def test_graph_helper_returns_one_graph(store: Store) -> None:
    store.replace_graphs([payload(G1, 3), payload(G2, 1)])
    assert isomorphic(graph_of(store, G1), Graph().parse(data=payload(G1, 3).ntriples, format="nt"))
    assert len(graph_of(store, "https://example.org/none")) == 0


# -- exports ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [N_QUADS, TRIG], ids=lambda f: f.name)
def test_export_keeps_each_graph(store: Store, fmt: Format) -> None:
    articles = load_sample(store, IRIS)
    output = io.BytesIO()
    store.export(output, fmt)
    exported = as_graphs(output.getvalue(), fmt)
    expected = [resolved.iri for resolved in articles] + [VOCABULARY_GRAPH]
    assert sorted(exported) == sorted(expected)
    for iri in expected:
        assert len(exported[iri]) > 0
        assert isomorphic(exported[iri], store.graph(iri)), iri


@pytest.mark.parametrize("fmt", [TURTLE, N_TRIPLES, JSON_LD, RDF_XML], ids=lambda f: f.name)
def test_export_of_a_triple_format_is_the_union(store: Store, fmt: Format) -> None:
    store.replace_graphs([payload(G1, 3), payload(G2, 2, tag="w")])
    output = io.BytesIO()
    store.export(output, fmt)
    union = Graph()
    for graph in (payload(G1, 3), payload(G2, 2, tag="w")):
        union.parse(data=graph.ntriples, format="nt")
    assert isomorphic(as_graph(output.getvalue(), fmt), union)


def test_export_refuses_a_result_format(store: Store) -> None:
    with pytest.raises(NotAcceptable):
        store.export(io.BytesIO(), CSV)


# -- the layers above: same answers on both stores ----------------------------------------------


@pytest.mark.remote
@pytest.mark.parametrize("name", sorted(load_queries()))
def test_named_queries_give_the_same_rows_on_both_stores(
    embedded: OxigraphStore, remote: SparqlStore, name: str
) -> None:
    load_sample(embedded, IRIS)
    load_sample(remote, IRIS)
    query = load_queries()[name]
    local_rows = embedded.select(query.text)
    assert local_rows, f"{name} gives no rows on the sample graph"
    assert remote.select(query.text) == local_rows
    assert remote.named_graphs() == embedded.named_graphs()
    assert remote.select(OBSERVATIONS) == embedded.select(OBSERVATIONS)


_OX_RESULTS = {
    SPARQL_JSON.media_type: ox.QueryResultsFormat.JSON,
    SPARQL_XML.media_type: ox.QueryResultsFormat.XML,
    CSV.media_type: ox.QueryResultsFormat.CSV,
    TSV.media_type: ox.QueryResultsFormat.TSV,
}


def as_graph(body: bytes, fmt: Format) -> Graph:
    """An rdflib graph of a serialisation (parsed by pyoxigraph, which knows every format)."""
    triples = ox.parse(body, format=ox.RdfFormat.from_media_type(fmt.media_type))
    return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")


def as_graphs(body: bytes, fmt: Format) -> dict[str, Graph]:
    """The named graphs of a dataset serialisation, each as an rdflib graph."""
    grouped: dict[str, list[ox.Quad]] = {}
    for quad in ox.parse(body, format=ox.RdfFormat.from_media_type(fmt.media_type)):
        assert isinstance(quad.graph_name, ox.NamedNode), "newskg writes named graphs only"
        grouped.setdefault(quad.graph_name.value, []).append(
            ox.Quad(quad.subject, quad.predicate, quad.object)
        )
    return {
        iri: Graph().parse(data=ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES), format="nt")
        for iri, quads in grouped.items()
    }


def _rows(body: bytes) -> list[dict[str, str]]:
    solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    assert isinstance(solutions, ox.QuerySolutions)
    variables = [variable.value for variable in solutions.variables]
    return [
        {name: solution[name].value for name in variables if solution[name] is not None}  # type: ignore[union-attr]
        for solution in solutions
    ]
