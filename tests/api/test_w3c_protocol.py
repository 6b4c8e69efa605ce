"""The W3C SPARQL 1.1 Protocol test suite (34 tests) against a live newskg server.

The manifest (tests/data/w3c/protocol/manifest.ttl, a copy of the W3C's) is read with rdflib when
the tests are collected: one test per manifest entry, named by the entry. Before each test the
store is emptied and the entry's ``ut:graphData`` files are loaded into graphs named by their
``rdfs:label``; then every request of the entry is sent in order, with the ``/sparql/`` prefix of
its path replaced by newskg's ``/sparql``, and its status class, result format and boolean are
checked as the manifest says.

Authentication is outside the suite's scope: the harness adds newskg's bearer token to every
request, which updates need and queries ignore (test_security.py tests the token itself).
"""

from __future__ import annotations

import io
import json
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx
import pytest
from conftest import TOKEN
from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.query import Result
from rdflib.term import Node

from servers import Server, newskg_server

MANIFEST = Path(__file__).parents[1] / "data" / "w3c" / "protocol" / "manifest.ttl"

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")

BOOLEAN_TYPES = {"application/sparql-results+json", "application/sparql-results+xml"}
TABULAR_TYPES = BOOLEAN_TYPES | {"text/csv", "text/tab-separated-values"}
RDF_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}
RESULTS_XML = "{http://www.w3.org/2005/sparql-results#}"


@dataclass(frozen=True)
class ProtocolRequest:
    """One HTTP request of a test and what its response must be."""

    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    body: bytes | None
    status_classes: frozenset[int]
    expected_format: str | None
    expected_boolean: bool | None


@dataclass(frozen=True)
class ProtocolTest:
    """A manifest entry: its name, the graphs to load first and its requests."""

    id: str
    name: str
    graph_data: tuple[tuple[str, Path], ...]
    requests: tuple[ProtocolRequest, ...]


def load_manifest(path: Path) -> list[ProtocolTest]:
    """Every entry of a SPARQL 1.1 Protocol manifest, in the manifest's order."""
    graph = Graph().parse(path, format="turtle", publicID=path.resolve().as_uri())
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    entries = Collection(graph, _one(graph, manifest, MF.entries))
    return [_test(graph, entry) for entry in entries]


def _test(graph: Graph, entry: Node) -> ProtocolTest:
    data = tuple(
        (str(_one(graph, item, RDFS.label)), _file(_one(graph, item, UT.graph)))
        for item in graph.objects(entry, UT.graphData)
    )
    action = _one(graph, entry, MF.action)
    requests = Collection(graph, _one(graph, action, HT.requests))
    return ProtocolTest(
        id=str(entry).rpartition("#")[2],
        name=str(_one(graph, entry, MF.name)),
        graph_data=tuple(sorted(data)),
        requests=tuple(_request(graph, request) for request in requests),
    )


def _request(graph: Graph, request: Node) -> ProtocolRequest:
    headers: list[tuple[str, str]] = []
    header_list = graph.value(request, HT.headers)
    if header_list is not None:
        for header in Collection(graph, header_list):
            name = str(_one(graph, header, HT.fieldName))
            headers.append((name, str(_one(graph, header, HT.fieldValue))))
    body = None
    content = graph.value(request, HT.body)
    if content is not None:
        encoding = str(graph.value(content, CNT.characterEncoding) or "UTF-8")
        body = str(_one(graph, content, CNT.chars)).encode(encoding)
    response = _one(graph, request, HT.resp)
    # hts:StatusCode2xx -> 2
    classes = frozenset(
        int(str(code).rpartition("#")[2].removeprefix("StatusCode")[0])
        for code in graph.objects(response, MF.expectedStatus)
    )
    expected_format = graph.value(response, MF.expectedFormat)
    expected_boolean = graph.value(response, MF.expectedBoolean)
    return ProtocolRequest(
        method=str(_one(graph, request, HT.methodName)),
        path=str(_one(graph, request, HT.absolutePath)),
        headers=tuple(headers),
        body=body,
        status_classes=classes,
        expected_format=None if expected_format is None else str(expected_format),
        expected_boolean=None if expected_boolean is None else str(expected_boolean) == "true",
    )


def _file(iri: Node) -> Path:
    """The local file a ``file:`` IRI names."""
    return Path(unquote(urlsplit(str(iri)).path))


def _one(graph: Graph, subject: Node, predicate: URIRef) -> Node:
    value = graph.value(subject, predicate)
    assert value is not None, f"manifest: {subject} has no {predicate}"
    return value


TESTS = load_manifest(MANIFEST)


def test_manifest_has_every_protocol_test() -> None:
    """The copy of the manifest is whole: 34 tests, each with at least one request."""
    assert len(TESTS) == 34
    assert all(test.requests for test in TESTS)
    assert len({test.id for test in TESTS}) == 34


@pytest.fixture(scope="module")
def w3c_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A writable server on an empty store of its own (the suite runs CLEAR ALL and DROP ALL)."""
    store = tmp_path_factory.mktemp("w3c") / "store"
    try:
        with newskg_server({"NEWSKG_STORE": str(store), "NEWSKG_API_TOKEN": TOKEN}) as server:
            yield server
    finally:
        shutil.rmtree(store, ignore_errors=True)


def _reset(client: httpx.Client, test: ProtocolTest) -> None:
    """Empty the store, then load the test's graph data into graphs named by their labels."""
    update = "DROP ALL"
    for label, path in test.graph_data:
        update += (
            f" ;\nINSERT DATA {{ GRAPH <{label}> {{\n{path.read_text(encoding='utf-8')}\n}} }}"
        )
    response = client.post(
        "/sparql",
        content=update.encode(),
        headers={"Content-Type": "application/sparql-update"},
    )
    assert response.status_code == 204, response.text


def _check(
    test: ProtocolTest, number: int, request: ProtocolRequest, response: httpx.Response
) -> None:
    where = f"{test.id} ({test.name}), request {number}: {request.method} {request.path}"
    assert response.status_code // 100 in request.status_classes, (
        f"{where}: status {response.status_code}, expected {sorted(request.status_classes)}xx; "
        f"body: {response.text[:500]}"
    )
    media = response.headers.get("content-type", "").split(";")[0].strip()
    if request.expected_format == "boolean":
        assert media in BOOLEAN_TYPES, f"{where}: {media} is not a boolean result format"
    elif request.expected_format == "tabular":
        assert media in TABULAR_TYPES, f"{where}: {media} is not a tabular result format"
        Result.parse(source=io.BytesIO(response.content), format=_result_format(media))
    elif request.expected_format == "RDF":
        assert media in RDF_TYPES, f"{where}: {media} is not an RDF format"
        Graph().parse(data=response.content, format=RDF_TYPES[media])
    if request.expected_boolean is not None:
        assert _boolean(media, response.content) is request.expected_boolean, where


def _boolean(media: str, body: bytes) -> bool:
    if media == "application/sparql-results+json":
        return bool(json.loads(body)["boolean"])
    element = ET.fromstring(body).find(f"{RESULTS_XML}boolean")
    assert element is not None
    assert element.text is not None
    return element.text.strip() == "true"


def _result_format(media: str) -> str:
    return {
        "application/sparql-results+json": "json",
        "application/sparql-results+xml": "xml",
        "text/csv": "csv",
        "text/tab-separated-values": "tsv",
    }[media]


@pytest.mark.parametrize("test", TESTS, ids=[test.id for test in TESTS])
def test_w3c_protocol(w3c_server: Server, test: ProtocolTest) -> None:
    """One test of the W3C SPARQL 1.1 Protocol suite, every request in order."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=w3c_server.url, headers=auth, timeout=30.0) as client:
        _reset(client, test)
        for number, request in enumerate(test.requests, start=1):
            assert request.path.startswith("/sparql/")
            path = "/sparql" + request.path.removeprefix("/sparql/")
            response = client.request(
                request.method,
                path,
                content=request.body,
                headers=dict(request.headers),
            )
            _check(test, number, request, response)
