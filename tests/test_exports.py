"""Graph projections of the sample graph and their GraphML, GEXF and JSON node-link files."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import networkx as nx
import pyoxigraph as ox
import pytest

from newskg.errors import InputError, NotFound
from newskg.exports import (
    GEXF,
    GRAPHML,
    NODE_LINK_JSON,
    graph_bytes,
    graph_format,
    neighbourhood,
    node_link,
    project,
    write_graph,
    write_network,
)
from newskg.iris import IriScheme
from newskg.mapping import article_graph
from newskg.settings import DEFAULT_BASE_IRI
from newskg.store.base import GraphPayload
from newskg.store.oxigraph import OxigraphStore
from newskg.vocabulary import VOCABULARY_GRAPH
from sample_data import load_sample, sample_articles
from servers import Server, newskg_server

IRIS = IriScheme(DEFAULT_BASE_IRI)
EIO = IRIS.mint("agency", "eio")
MINISTRY = IRIS.mint("agency", "industry-ministry")
NEWS = IRIS.mint("agency", "example-news-agency")
PERSON = IRIS.mint("person", "ali-asqar-example")
IRAN = IRIS.mint("place", "iran")
PROGRAM = IRIS.mint("program", "plan-for-reviving-idle-units")
SMES = IRIS.mint("population", "smes")
FIRST, SECOND = (resolved.iri for resolved in sample_articles(IRIS))
FIRST_KEY, SECOND_KEY = (iri.rsplit("/", 1)[1] for iri in (FIRST, SECOND))
OBSERVATIONS = [
    IRIS.observation(FIRST_KEY, 1),
    IRIS.observation(FIRST_KEY, 2),
    IRIS.observation(SECOND_KEY, 1),
    IRIS.observation(SECOND_KEY, 2),
]


@pytest.fixture(scope="module")
def store() -> Iterator[OxigraphStore]:
    """An in-memory store holding the sample graph."""
    memory = OxigraphStore()
    load_sample(memory, IRIS)
    yield memory
    memory.close()


def edge_set(graph: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(source, target, data["kind"]) for source, target, data in graph.edges(data=True)}


def test_projection_nodes(store: OxigraphStore) -> None:
    graph = project(store)
    kinds = {node: data["kind"] for node, data in graph.nodes(data=True)}
    assert kinds == {
        EIO: "agency",
        MINISTRY: "agency",
        NEWS: "agency",
        PERSON: "person",
        IRAN: "place",
        PROGRAM: "program",
        SMES: "population",
        FIRST: "article",
        SECOND: "article",
    }
    assert graph.nodes[EIO]["label"] == "Example Industries Organization"
    assert graph.nodes[EIO]["type"] == "Agency"
    assert graph.nodes[NEWS]["type"] == "NewsAgency"
    assert graph.nodes[IRAN]["type"] == "Country"
    assert graph.nodes[FIRST]["label"] == "EIO target"
    assert graph.nodes[SECOND]["datePublished"] == "2020-06-01"
    assert graph.nodes[PERSON]["iri"] == PERSON


def test_projection_edges(store: OxigraphStore) -> None:
    graph = project(store)
    assert edge_set(graph) == {
        (PERSON, EIO, "role"),
        (EIO, MINISTRY, "sub-organisation"),
        (PROGRAM, MINISTRY, "run-by"),
        (SMES, IRAN, "within"),
        (FIRST, NEWS, "reported-by"),
        *((FIRST, thing, "mentions") for thing in (EIO, MINISTRY, NEWS, PERSON, IRAN)),
        *((SECOND, thing, "mentions") for thing in (EIO, MINISTRY, PERSON, PROGRAM)),
        (PERSON, EIO, "stated-about"),
        (FIRST, EIO, "figures-about"),
        (SECOND, EIO, "figures-about"),
        (SECOND, MINISTRY, "figures-about"),
    }
    role = graph.edges[PERSON, EIO, "role"]
    assert role["weight"] == 2  # one role claim in each article
    assert role["titles"] == "deputy head"
    assert graph.edges[PERSON, EIO, "stated-about"]["weight"] == 3


def test_projection_with_observations(store: OxigraphStore) -> None:
    graph = project(store, observations=True)
    observation_nodes = sorted(
        node for node, kind in graph.nodes(data="kind") if kind == "observation"
    )
    assert observation_nodes == sorted(OBSERVATIONS)
    target = graph.nodes[OBSERVATIONS[0]]
    assert target["label"] == "1,400 units (target)"
    assert target["value"] == 1400.0
    assert target["status"] == "target"
    assert graph.nodes[OBSERVATIONS[3]]["unit"] == "IRR"
    edges = edge_set(graph)
    assert (EIO, OBSERVATIONS[0], "subject-of") in edges
    assert (MINISTRY, OBSERVATIONS[3], "subject-of") in edges
    assert (OBSERVATIONS[0], PERSON, "stated-by") in edges
    assert (OBSERVATIONS[0], NEWS, "reported-by") in edges
    assert (OBSERVATIONS[2], SECOND, "derived-from") in edges
    # The collapsed edges are only for projections without observation nodes.
    assert not {kind for *_, kind in edges} & {"stated-about", "figures-about"}


def test_neighbourhood(store: OxigraphStore) -> None:
    graph = project(store)
    around = neighbourhood(graph, PERSON, depth=1)
    assert set(around.nodes) == {PERSON, EIO, FIRST, SECOND}
    assert around.graph["focus"] == PERSON
    wider = neighbourhood(graph, PERSON, depth=2)
    assert {MINISTRY, NEWS, IRAN, PROGRAM} <= set(wider.nodes)
    assert SMES not in wider.nodes


def test_neighbourhood_refuses_unknown_focus_and_depth(store: OxigraphStore) -> None:
    graph = project(store)
    with pytest.raises(NotFound):
        neighbourhood(graph, IRIS.mint("agency", "nobody"))
    with pytest.raises(InputError, match="depth"):
        neighbourhood(graph, PERSON, depth=0)


def test_graphml_reads_back(store: OxigraphStore) -> None:
    graph = project(store, observations=True)
    data = graph_bytes(graph, GRAPHML)
    back = nx.read_graphml(io.BytesIO(data))
    assert set(back.nodes) == set(graph.nodes)
    assert edge_set(back) == edge_set(graph)
    assert back.nodes[EIO]["label"] == "Example Industries Organization"
    assert back.nodes[OBSERVATIONS[0]]["value"] == 1400.0


def test_gexf_reads_back(store: OxigraphStore) -> None:
    graph = project(store)
    output = io.BytesIO()
    write_graph(graph, output, "gexf")
    back = nx.read_gexf(io.BytesIO(output.getvalue()))
    assert set(back.nodes) == set(graph.nodes)
    assert edge_set(back) == edge_set(graph)
    assert back.nodes[PERSON]["label"] == "Ali Asqar Example"
    assert back.nodes[PERSON]["kind"] == "person"


def test_node_link_json_reads_back(store: OxigraphStore) -> None:
    graph = project(store)
    document = json.loads(graph_bytes(graph, NODE_LINK_JSON))
    assert document == json.loads(json.dumps(node_link(graph)))
    back = nx.node_link_graph(document, edges="links")
    assert set(back.nodes) == set(graph.nodes)
    assert edge_set(back) == edge_set(graph)


def test_graph_format_names() -> None:
    assert graph_format("GraphML") is GRAPHML
    assert graph_format("application/gexf+xml") is GEXF
    with pytest.raises(InputError, match="unknown graph format"):
        graph_format("dot")


def test_empty_store_projects_to_empty_graph() -> None:
    with OxigraphStore() as empty:
        graph = project(empty, observations=True)
    assert graph.number_of_nodes() == 0
    assert json.loads(graph_bytes(graph, "json"))["nodes"] == []


def test_write_network_around_a_focus(store: OxigraphStore) -> None:
    output = io.BytesIO()
    write_network(store, output, "graphml", observations=True, focus=EIO, depth=1)
    back = nx.read_graphml(io.BytesIO(output.getvalue()))
    assert set(back.nodes) == {EIO, MINISTRY, PERSON, FIRST, SECOND, *OBSERVATIONS[:3]}


# -- over HTTP: GET /api/export and GET /api/graph on a live server -----------------------------


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A newskg server on a store holding the sample graph."""
    path = tmp_path_factory.mktemp("exports-store")
    disk = OxigraphStore(path)
    load_sample(disk, IRIS)
    disk.flush()
    disk.close()
    del disk
    with newskg_server({"NEWSKG_STORE": str(path)}) as running:
        yield running


def sample_dataset() -> dict[str, set[ox.Triple]]:
    """The sample's article graphs, by graph IRI, as Oxigraph triples."""
    graphs = {}
    for resolved in sample_articles(IRIS):
        data = article_graph(resolved).serialize(format="nt", encoding="utf-8")
        graphs[resolved.iri] = {
            quad.triple for quad in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
        }
    return graphs


def test_export_streams_nquads_with_every_article_graph(live: Server) -> None:
    with httpx.stream("GET", live.url + "/api/export", params={"format": "nq"}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/n-quads"
        assert response.headers["content-disposition"] == 'attachment; filename="newskg.nq"'
        assert "content-length" not in response.headers  # streamed, not buffered
        body = response.read()
    quads = list(ox.parse(body, format=ox.RdfFormat.N_QUADS))
    for iri, triples in sample_dataset().items():
        exported = {quad.triple for quad in quads if quad.graph_name == ox.NamedNode(iri)}
        assert exported == triples
    assert any(quad.graph_name == ox.NamedNode(VOCABULARY_GRAPH) for quad in quads)


@pytest.mark.parametrize(
    ("name", "media_type", "oxigraph_format"),
    [
        ("trig", "application/trig", ox.RdfFormat.TRIG),
        ("ttl", "text/turtle", ox.RdfFormat.TURTLE),
        ("nt", "application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD),
        ("rdfxml", "application/rdf+xml", ox.RdfFormat.RDF_XML),
    ],
)
def test_export_formats(
    live: Server, name: str, media_type: str, oxigraph_format: ox.RdfFormat
) -> None:
    response = httpx.get(live.url + "/api/export", params={"format": name})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media_type)
    parsed = list(ox.parse(response.content, format=oxigraph_format))
    triples = {quad.triple for quad in parsed}
    for expected in sample_dataset().values():
        assert expected <= triples


def test_export_by_accept_header_and_unknown_format(live: Server) -> None:
    response = httpx.get(live.url + "/api/export", headers={"Accept": "application/trig"})
    assert response.headers["content-type"] == "application/trig"
    default = httpx.get(live.url + "/api/export")
    assert default.headers["content-type"] == "application/n-quads"
    refused = httpx.get(live.url + "/api/export", params={"format": "csv"})
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "invalid_input"


def test_a_large_export_streams_in_many_chunks(tmp_path: Path) -> None:
    """Thousands of graphs (several MB): every quad arrives; a client leaving early is harmless."""
    disk = OxigraphStore(tmp_path / "store")
    graphs: dict[int, list[str]] = {}
    for i in range(20_000):
        graphs.setdefault(i % 500, []).append(
            f'<https://example.org/s{i}> <https://example.org/p> "value {i} {"x" * 200}" .\n'
        )
    disk.replace_graphs(
        [
            GraphPayload(f"https://example.org/g{number}", "".join(lines).encode())
            for number, lines in graphs.items()
        ]
    )
    disk.flush()
    disk.close()
    del disk
    with newskg_server({"NEWSKG_STORE": str(tmp_path / "store")}) as running:
        with httpx.stream("GET", running.url + "/api/export") as response:
            chunks = [len(chunk) for chunk in response.iter_raw()]
        assert sum(chunks) > 4_000_000
        with httpx.stream("GET", running.url + "/api/export") as response:
            body = response.read()
        assert len(body.splitlines()) == 20_000
        # A client that reads one chunk and hangs up: the server carries on serving.
        with httpx.stream("GET", running.url + "/api/export") as response:
            next(response.iter_raw())
        assert httpx.get(running.url + "/api/health").status_code == 200
        again = httpx.get(running.url + "/api/export", params={"format": "nq"})
        assert len(again.content.splitlines()) == 20_000


def test_graph_json(live: Server) -> None:
    response = httpx.get(live.url + "/api/graph")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    document = response.json()
    back = nx.node_link_graph(document, edges="links")
    assert set(back.nodes) == {EIO, MINISTRY, NEWS, PERSON, IRAN, PROGRAM, SMES, FIRST, SECOND}
    assert (PERSON, EIO, "role") in edge_set(back)
    assert document["graph"]["base"] == DEFAULT_BASE_IRI


@pytest.mark.parametrize(("name", "reader"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_files(live: Server, name: str, reader: Any) -> None:
    response = httpx.get(live.url + "/api/graph", params={"format": name, "observations": "true"})
    assert response.status_code == 200
    assert response.headers["content-disposition"] == f'attachment; filename="newskg.{name}"'
    back = reader(io.BytesIO(response.content))
    assert set(OBSERVATIONS) <= set(back.nodes)
    assert back.number_of_nodes() == 13


def test_graph_around_a_focus(live: Server) -> None:
    one = httpx.get(live.url + "/api/graph", params={"focus": PERSON, "depth": 1}).json()
    assert {node["id"] for node in one["nodes"]} == {PERSON, EIO, FIRST, SECOND}
    assert one["graph"]["focus"] == PERSON
    two = httpx.get(live.url + "/api/graph", params={"focus": PERSON, "depth": 2}).json()
    assert len(two["nodes"]) > len(one["nodes"])


def test_graph_refusals(live: Server) -> None:
    unknown = httpx.get(live.url + "/api/graph", params={"focus": IRIS.mint("agency", "none")})
    assert unknown.status_code == 404
    assert unknown.json()["error"]["code"] == "not_found"
    deep = httpx.get(live.url + "/api/graph", params={"focus": PERSON, "depth": 3})
    assert deep.status_code == 422
    bad = httpx.get(live.url + "/api/graph", params={"format": "dot"})
    assert bad.status_code == 422
    assert "unknown graph format" in bad.json()["error"]["message"]
