"""The SPARQL 1.1 Protocol endpoint /sparql of a live server on the sample store.

SPARQLWrapper is the client for results in every format, which are checked against the sample
graph (RDF compared as RDF, by isomorphism); raw httpx requests cover the protocol's edges.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF
from rdflib.query import Result
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, TSV, TURTLE, XML, SPARQLWrapper

from newskg.mapping import article_graph
from newskg.model import ResolvedArticle
from servers import Server

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

AGENCIES = """
PREFIX nkg:  <https://w3id.org/newskg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?agency ?label WHERE {
  VALUES ?class { nkg:Agency nkg:NewsAgency }
  ?agency a ?class ; skos:prefLabel ?label .
}
"""
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def wrapper(
    server: Server, query: str, return_format: str, *, method: str = "GET"
) -> SPARQLWrapper:
    """A SPARQLWrapper client for the server's endpoint."""
    client = SPARQLWrapper(server.url + "/sparql", agent="newskg-tests")
    client.setQuery(query)
    client.setReturnFormat(return_format)
    client.setMethod(method)
    return client


def fetch(client: SPARQLWrapper) -> tuple[str, bytes]:
    """Content type and body of the client's query (read raw: SPARQLWrapper's RDF converters
    use rdflib's deprecated ConjunctiveGraph)."""
    result = client.query()
    return result.info()["content-type"].split(";")[0], result.response.read()


def rdf_graph(body: bytes, rdflib_format: str) -> Graph:
    """An RDF document as an rdflib graph.

    JSON-LD is read with pyoxigraph: rdflib 7's JSON-LD parser trips its own deprecation warning
    (ConjunctiveGraph), which ``-W error`` turns into a failure.
    """
    if rdflib_format == "json-ld":
        quads = ox.parse(body, format=ox.RdfFormat.JSON_LD)
        body = ox.serialize([quad.triple for quad in quads], format=ox.RdfFormat.N_TRIPLES) or b""
        rdflib_format = "nt"
    return Graph().parse(data=body, format=rdflib_format)


def rows(body: bytes, result_format: str) -> set[tuple[str, ...]]:
    """The rows of a SELECT result, as strings."""
    result = Result.parse(io.BytesIO(body), format=result_format)
    return {tuple(str(value) for value in row) for row in result}  # type: ignore[union-attr]


# -- results in every format, checked against the sample graph ---------------------------------


@pytest.mark.parametrize("method", ["GET", POST])
@pytest.mark.parametrize(
    ("return_format", "media_type", "parse_as"),
    [
        (JSON, "application/sparql-results+json", "json"),
        (XML, "application/sparql-results+xml", "xml"),
        (CSV, "text/csv", "csv"),
        (TSV, "text/tab-separated-values", "tsv"),
    ],
)
def test_select_in_every_results_format(
    server: Server,
    articles: list[ResolvedArticle],
    method: str,
    return_format: str,
    media_type: str,
    parse_as: str,
) -> None:
    """SELECT answers in JSON, XML, CSV and TSV with exactly the sample's agencies."""
    expected = {(agency.iri, agency.label) for item in articles for agency in item.agencies}
    content_type, body = fetch(wrapper(server, AGENCIES, return_format, method=method))
    assert content_type == media_type
    assert rows(body, parse_as) == expected


def test_select_json_converts_with_sparqlwrapper(server: Server) -> None:
    """SPARQLWrapper's own JSON conversion reads the result (the head and the bindings)."""
    converted = wrapper(server, AGENCIES, JSON).queryAndConvert()
    assert isinstance(converted, dict)
    assert converted["head"]["vars"] == ["agency", "label"]
    assert len(converted["results"]["bindings"]) == 3


@pytest.mark.parametrize(("return_format", "parse"), [(JSON, "json"), (XML, "xml")])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ASK { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> 'Industry Ministry' }", True),
        ("ASK { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> 'No Such Agency' }", False),
    ],
)
def test_ask_in_json_and_xml(
    server: Server, return_format: str, parse: str, query: str, expected: bool
) -> None:
    """ASK answers true and false, in both boolean formats."""
    _, body = fetch(wrapper(server, query, return_format))
    assert Result.parse(io.BytesIO(body), format=parse).askAnswer is expected


@pytest.mark.parametrize(
    ("return_format", "accept", "media_type", "rdflib_format"),
    [
        (TURTLE, None, "text/turtle", "turtle"),
        (N3, "application/n-triples", "application/n-triples", "nt"),
        (JSONLD, None, "application/ld+json", "json-ld"),
        (XML, None, "application/rdf+xml", "xml"),
    ],
)
def test_construct_in_every_rdf_format(
    server: Server,
    articles: list[ResolvedArticle],
    return_format: str,
    accept: str | None,
    media_type: str,
    rdflib_format: str,
) -> None:
    """CONSTRUCT of one article's graph is, in each RDF format, that article's graph."""
    first = articles[0]
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{first.iri}> {{ ?s ?p ?o }} }}"
    client = wrapper(server, query, return_format)
    if accept:
        client.addCustomHttpHeader("Accept", accept)
    content_type, body = fetch(client)
    assert content_type == media_type
    received = rdf_graph(body, rdflib_format)
    assert len(received) > 20
    assert isomorphic(received, article_graph(first))


def test_describe_answers_rdf(server: Server, articles: list[ResolvedArticle]) -> None:
    """DESCRIBE gives the triples about a resource, as Turtle by default."""
    eio = articles[0].agencies[0]
    content_type, body = fetch(wrapper(server, f"DESCRIBE <{eio.iri}>", TURTLE))
    assert content_type == "text/turtle"
    graph = Graph().parse(data=body, format="turtle")
    assert (URIRef(eio.iri), URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"), None) in graph


# -- protocol edges, with raw HTTP -----------------------------------------------------------------


def test_get_form_post_and_direct_post_agree(client: httpx.Client) -> None:
    """The three ways to send a query give the same result."""
    accept = {"Accept": "application/sparql-results+json"}
    by_get = client.get("/sparql", params={"query": COUNT}, headers=accept)
    by_form = client.post("/sparql", data={"query": COUNT}, headers=accept)
    direct = client.post(
        "/sparql",
        content=COUNT.encode(),
        headers={**accept, "Content-Type": "application/sparql-query"},
    )
    assert by_get.status_code == by_form.status_code == direct.status_code == 200
    assert by_get.json() == by_form.json() == direct.json()
    assert int(by_get.json()["results"]["bindings"][0]["n"]["value"]) > 100


def count(response: httpx.Response) -> int:
    """The ?n of a COUNT query's JSON result."""
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_dataset_parameters(client: httpx.Client, articles: list[ResolvedArticle]) -> None:
    """default-graph-uri and named-graph-uri replace the union default graph."""
    first, second = articles
    union = count(client.get("/sparql", params={"query": COUNT}))
    one = count(client.get("/sparql", params={"query": COUNT, "default-graph-uri": first.iri}))
    both = count(
        client.get(
            "/sparql",
            params=[
                ("query", COUNT),
                ("default-graph-uri", first.iri),
                ("default-graph-uri", second.iri),
            ],
        )
    )
    only_named = count(client.get("/sparql", params={"query": COUNT, "named-graph-uri": first.iri}))
    assert one == len(article_graph(first))
    assert one < both < union
    assert only_named == 0
    graphs = client.get(
        "/sparql",
        params={
            "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
            "named-graph-uri": second.iri,
            "format": "json",
        },
    )
    assert [row["g"]["value"] for row in graphs.json()["results"]["bindings"]] == [second.iri]


def test_format_parameter_overrides_accept(
    client: httpx.Client, articles: list[ResolvedArticle]
) -> None:
    """``format`` chooses the format whatever Accept says; json and xml fit graphs too."""
    csv = client.get(
        "/sparql", params={"query": COUNT, "format": "csv"}, headers={"Accept": "application/json"}
    )
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0] == "n"
    construct = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{articles[0].iri}> {{ ?s ?p ?o }} }}"
    expected = {
        "ttl": "text/turtle",
        "nt": "application/n-triples",
        "json": "application/ld+json",
        "xml": "application/rdf+xml",
        "rdfxml": "application/rdf+xml",
        "jsonld": "application/ld+json",
    }
    for name, media_type in expected.items():
        response = client.get("/sparql", params={"query": construct, "format": name})
        assert response.status_code == 200, (name, response.text)
        assert response.headers["content-type"].split(";")[0] == media_type


def assert_envelope(response: httpx.Response, status: int, code: str) -> dict[str, object]:
    """The response is the API's error envelope with this status and code."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    document = response.json()
    assert set(document) == {"error"}
    assert set(document["error"]) == {"code", "message", "detail"}
    assert document["error"]["code"] == code
    assert isinstance(document["error"]["message"], str)
    assert document["error"]["message"]
    error: dict[str, object] = document["error"]
    return error


def test_syntax_error_is_400_with_the_parser_message(client: httpx.Client) -> None:
    """A malformed query is refused with the parser's message and the position in the query."""
    error = assert_envelope(
        client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p"}), 400, "malformed_query"
    )
    assert "error at 1:" in str(error["message"])
    # With a relative IRI, newskg adds a BASE: the position still counts from the client's text.
    shifted = assert_envelope(
        client.get("/sparql", params={"query": "SELECT * WHERE { <x> ?p"}), 400, "malformed_query"
    )
    assert "error at 1:" in str(shifted["message"])
    column = int(str(shifted["message"]).split("error at 1:")[1].split(":")[0])
    assert column <= len("SELECT * WHERE { <x> ?p") + 1


def test_relative_iris_resolve_against_the_endpoint(client: httpx.Client, server: Server) -> None:
    """The service's base IRI is its endpoint (SPARQL 1.1 Protocol lets the service choose)."""
    response = client.get(
        "/sparql", params={"query": "SELECT (<thing> AS ?iri) {}", "format": "json"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["results"]["bindings"][0]["iri"]["value"] == server.url + "/thing"


def test_unsupported_accept_is_406(client: httpx.Client) -> None:
    """An Accept no result format matches gets 406; so does an unknown ``format``."""
    assert_envelope(
        client.get("/sparql", params={"query": COUNT}, headers={"Accept": "image/png"}),
        406,
        "not_acceptable",
    )
    assert_envelope(
        client.get("/sparql", params={"query": COUNT, "format": "yaml"}), 406, "not_acceptable"
    )
    construct = "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1"
    assert_envelope(
        client.get("/sparql", params={"query": construct}, headers={"Accept": "text/csv"}),
        406,
        "not_acceptable",
    )


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({"Content-Type": "text/plain"}, 415, "unsupported_media_type"),
        ({}, 415, "unsupported_media_type"),
        (
            {"Content-Type": "application/sparql-query; charset=UTF-16"},
            415,
            "unsupported_media_type",
        ),
    ],
)
def test_post_without_a_sparql_media_type_is_refused(
    client: httpx.Client, headers: dict[str, str], status: int, code: str
) -> None:
    """POST bodies must be a form, application/sparql-query or -update, in UTF-8."""
    assert_envelope(client.post("/sparql", content=b"ASK {}", headers=headers), status, code)


def test_protocol_violations_are_400(client: httpx.Client) -> None:
    """Two queries, a query and an update, or a bad dataset IRI: 400."""
    assert_envelope(
        client.get("/sparql", params=[("query", "ASK {}"), ("query", "ASK {}")]), 400, "bad_request"
    )
    assert_envelope(
        client.post("/sparql", data={"query": "ASK {}", "update": "CLEAR ALL"}), 400, "bad_request"
    )
    assert_envelope(client.get("/sparql", params={"update": "CLEAR ALL"}), 400, "bad_request")
    assert_envelope(
        client.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"}),
        400,
        "bad_request",
    )
    assert_envelope(client.post("/sparql", data={"format": "json"}), 400, "bad_request")


def test_other_methods_and_paths_answer_in_the_envelope(client: httpx.Client) -> None:
    """405 (with Allow) and 404 come in the same envelope as newskg's own errors."""
    put = assert_envelope(client.put("/sparql", content=b"ASK {}"), 405, "method_not_allowed")
    assert put["message"]
    assert assert_envelope(client.get("/no/such/path"), 404, "not_found")


def test_large_bodies_are_413(start_server: object) -> None:
    """A body over NEWSKG_MAX_BODY_BYTES is refused, declared or chunked, and small ones pass."""
    with start_server(NEWSKG_MAX_BODY_BYTES="2000") as small:  # type: ignore[operator]
        query = "ASK {} #" + "x" * 3000
        declared = httpx.post(small.url + "/sparql", data={"query": query})
        assert_envelope(declared, 413, "payload_too_large")

        def chunks() -> Iterator[bytes]:
            for _ in range(10):
                yield b"# " + b"y" * 498 + b"\n"

        chunked = httpx.post(
            small.url + "/sparql",
            content=chunks(),
            headers={"Content-Type": "application/sparql-query"},
        )
        assert_envelope(chunked, 413, "payload_too_large")
        fits = httpx.post(small.url + "/sparql", data={"query": "ASK {}"})
        assert fits.status_code == 200


def test_cors_preflight_and_headers(client: httpx.Client) -> None:
    """Any origin may query, with Authorization and Content-Type; errors carry CORS too."""
    preflight = client.options(
        "/sparql",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    allowed = preflight.headers["access-control-allow-headers"].lower()
    assert "authorization" in allowed
    assert "content-type" in allowed
    origin = {"Origin": "https://example.org"}
    assert (
        client.get("/sparql", params={"query": COUNT}, headers=origin).headers[
            "access-control-allow-origin"
        ]
        == "*"
    )
    failed = client.get("/sparql", params={"query": "ASK {"}, headers=origin)
    assert failed.status_code == 400
    assert failed.headers["access-control-allow-origin"] == "*"


@pytest.mark.parametrize(
    ("accept", "rdflib_format", "media_type"),
    [
        (None, "turtle", "text/turtle"),
        ("application/ld+json", "json-ld", "application/ld+json"),
        ("application/rdf+xml", "xml", "application/rdf+xml"),
    ],
)
def test_service_description(
    client: httpx.Client,
    server: Server,
    articles: list[ResolvedArticle],
    accept: str | None,
    rdflib_format: str,
    media_type: str,
) -> None:
    """GET /sparql without a query describes the service, Turtle by default."""
    response = client.get("/sparql", headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    graph = rdf_graph(response.content, rdflib_format)
    endpoint = URIRef(server.url + "/sparql")
    assert (endpoint, RDF.type, SD.Service) in graph
    assert (endpoint, SD.endpoint, endpoint) in graph
    assert (endpoint, SD.feature, SD.UnionDefaultGraph) in graph
    assert (endpoint, SD.supportedLanguage, SD.SPARQL11Query) in graph
    # The shared server has no token: it does not offer updates.
    assert (endpoint, SD.supportedLanguage, SD.SPARQL11Update) not in graph
    formats = set(graph.objects(endpoint, SD.resultFormat))
    assert {FORMATS.SPARQL_Results_JSON, FORMATS.SPARQL_Results_CSV, FORMATS.Turtle} <= formats
    names = {str(name) for name in graph.objects(None, SD.name)}
    assert {item.iri for item in articles} <= names


def test_service_description_406(client: httpx.Client) -> None:
    """The service description too is negotiated."""
    assert_envelope(client.get("/sparql", headers={"Accept": "text/csv"}), 406, "not_acceptable")


def test_health(client: httpx.Client) -> None:
    """/api/health names the store and counts its graphs (two articles and the vocabulary)."""
    assert client.get("/api/health").json() == {"status": "ok", "store": "oxigraph", "graphs": 3}


def test_openapi_documents_the_endpoint(client: httpx.Client) -> None:
    """/openapi.json lists /sparql with its protocol parameters."""
    paths = client.get("/openapi.json").json()["paths"]
    names = {param["name"] for param in paths["/sparql"]["get"]["parameters"]}
    assert {"query", "default-graph-uri", "named-graph-uri", "format"} <= names
    assert "application/sparql-update" in paths["/sparql"]["post"]["requestBody"]["content"]


def test_json_body_is_valid_json(client: httpx.Client) -> None:
    """The JSON results are parseable as is (no envelope around them)."""
    body = client.get("/sparql", params={"query": COUNT}).content
    assert json.loads(body)["head"]["vars"] == ["n"]
