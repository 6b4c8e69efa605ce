"""Linked Data: resource IRIs of the sample graph dereference to HTML pages and RDF."""

from __future__ import annotations

import re

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic, to_isomorphic

from newskg.api.routes.ui import Links
from newskg.iris import IriScheme
from newskg.mapping import article_graph
from newskg.settings import DEFAULT_BASE_IRI
from sample_data import sample_articles
from servers import Server

IRIS = IriScheme(DEFAULT_BASE_IRI)
ARTICLES = sample_articles(IRIS)
FIRST_KEY = ARTICLES[0].iri.rsplit("/", 1)[1]
SECOND_KEY = ARTICLES[1].iri.rsplit("/", 1)[1]
EIO = IRIS.mint("agency", "eio")
PERSON = IRIS.mint("person", "ali-asqar-example")
TARGET = IRIS.observation(FIRST_KEY, 1)
FIRST = ARTICLES[0].iri
RESOURCES = {"agency": EIO, "person": PERSON, "observation": TARGET, "article": FIRST}
RDF_TYPES = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def path_of(iri: str) -> str:
    """Where the default base serves an IRI: ``https://w3id.org/newskg/id/x`` -> ``/id/x``."""
    assert iri.startswith(DEFAULT_BASE_IRI)
    return "/id/" + iri[len(DEFAULT_BASE_IRI) :]


def union_graph(iris: IriScheme = IRIS) -> Graph:
    """Every triple of the sample's article graphs, built without the server."""
    union = Graph()
    for resolved in sample_articles(iris):
        union += article_graph(resolved)
    return union


def expected_description(iri: str, union: Graph | None = None) -> Graph:
    """What a resource's RDF must hold: its own triples and the triples that point at it."""
    source = union if union is not None else union_graph()
    node = URIRef(iri)
    expected = Graph()
    for triple in source.triples((node, None, None)):
        expected.add(triple)
    for triple in source.triples((None, None, node)):
        expected.add(triple)
    return expected


def parse_rdf(body: bytes, media_type: str) -> Graph:
    """Parse any RDF serialisation (with Oxigraph) into an rdflib graph for comparison."""
    fmt = ox.RdfFormat.from_media_type(media_type.split(";")[0].strip())
    assert fmt is not None, f"not an RDF media type: {media_type}"
    triples = list(ox.parse(body, format=fmt))
    ntriples = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return Graph().parse(data=ntriples.decode("utf-8"), format="nt")


def assert_same_rdf(actual: Graph, expected: Graph) -> None:
    if not isomorphic(actual, expected):
        missing = to_isomorphic(expected) - to_isomorphic(actual)
        extra = to_isomorphic(actual) - to_isomorphic(expected)
        pytest.fail(
            f"RDF differs; missing {len(missing)}: {sorted(map(str, missing))[:5]}; "
            f"extra {len(extra)}: {sorted(map(str, extra))[:5]}"
        )


@pytest.mark.parametrize("kind", sorted(RESOURCES))
@pytest.mark.parametrize("fmt", sorted(RDF_TYPES))
def test_rdf_by_accept_header(server: Server, kind: str, fmt: str) -> None:
    iri = RESOURCES[kind]
    response = httpx.get(server.url + path_of(iri), headers={"Accept": RDF_TYPES[fmt]})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(RDF_TYPES[fmt])
    assert "accept" in response.headers["vary"].lower()
    actual = parse_rdf(response.content, response.headers["content-type"])
    assert_same_rdf(actual, expected_description(iri))


@pytest.mark.parametrize("fmt", sorted(RDF_TYPES))
def test_rdf_by_format_parameter(server: Server, fmt: str) -> None:
    response = httpx.get(
        server.url + path_of(EIO), params={"format": fmt}, headers={"Accept": "text/html"}
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(RDF_TYPES[fmt])
    assert_same_rdf(parse_rdf(response.content, RDF_TYPES[fmt]), expected_description(EIO))


def test_turtle_uses_the_vocabulary_prefixes(server: Server) -> None:
    response = httpx.get(server.url + path_of(EIO), headers={"Accept": "text/turtle"})
    assert "@prefix nkg: <https://w3id.org/newskg/ontology#>" in response.text
    assert "@prefix schema: <http://schema.org/>" in response.text


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (BROWSER_ACCEPT, "text/html"),
        ("*/*", "text/turtle"),
        (None, "text/turtle"),
        ("application/ld+json;q=0.5, text/turtle", "text/turtle"),
        ("text/turtle;q=0.4, application/ld+json", "application/ld+json"),
        ("application/rdf+xml, text/html;q=0.1", "application/rdf+xml"),
        ("text/plain", "application/n-triples"),
    ],
)
def test_content_negotiation(server: Server, accept: str | None, expected: str) -> None:
    headers = {"Accept": accept} if accept is not None else {}
    with httpx.Client(headers=headers) as client:
        if accept is None:
            client.headers.pop("accept", None)
        response = client.get(server.url + path_of(EIO))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(expected)


def test_unacceptable_type_is_406_in_the_envelope(server: Server) -> None:
    response = httpx.get(server.url + path_of(EIO), headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.json()["error"]["code"] == "not_acceptable"
    assert "text/turtle" in response.json()["error"]["message"]


def test_unknown_format_parameter_is_refused(server: Server) -> None:
    response = httpx.get(server.url + path_of(EIO), params={"format": "yaml"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"


def test_unknown_resource_is_404_in_the_envelope(server: Server) -> None:
    response = httpx.get(
        server.url + "/id/agency/no-such-agency", headers={"Accept": "text/turtle"}
    )
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "not_found"
    assert "https://w3id.org/newskg/id/agency/no-such-agency" in error["message"]


def test_unknown_resource_is_an_html_404_page_for_browsers(server: Server) -> None:
    response = httpx.get(server.url + "/id/person/nobody", headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>Not found</h1>" in response.text


def test_paths_outside_the_base_path_are_not_resources(server: Server) -> None:
    for path in ("/other/agency/eio", "/agency/eio", "/id/agency/"):
        response = httpx.get(server.url + path, headers={"Accept": "text/turtle"})
        assert response.status_code == 404, path


def test_head_request(server: Server) -> None:
    response = httpx.head(server.url + path_of(EIO), headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")


# -- HTML pages --------------------------------------------------------------------------------


def html(server: Server, iri: str) -> str:
    response = httpx.get(server.url + path_of(iri), headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    return response.text


def test_agency_page(server: Server) -> None:
    page = html(server, EIO)
    assert "<h1>Example Industries Organization</h1>" in page
    # Properties, with internal IRIs linking to their own pages and the vocabulary's labels.
    assert 'href="/id/agency/industry-ministry"' in page
    assert ">Industry Ministry</a>" in page
    assert "nkg:acronym" in page
    # The figures it is the subject of: value, unit, status, period, evidence, article.
    assert "Figures about Example Industries Organization" in page
    for text in ("1,400", "1,185", "1,000", "Iranian year 1398", "2019-03-21 – 2020-03-19"):
        assert text in page
    assert "status-target" in page
    assert "status-achieved" in page
    assert "It revived 1,000 units last year." in page
    assert f'href="/id/article/{FIRST_KEY}"' in page
    assert f'href="/id/observation/{FIRST_KEY}-1"' in page
    # Incoming links: the articles that mention it, the roles in it.
    assert "Links to Example Industries Organization" in page
    assert f'href="/id/role/{FIRST_KEY}-1"' in page
    # Alternate representations.
    assert 'type="text/turtle"' in page


def test_external_links_go_out(server: Server) -> None:
    page = html(server, FIRST)
    assert '<a class="external" rel="noopener" href="https://news.example/eio-target">' in page


def test_person_page(server: Server) -> None:
    page = html(server, PERSON)
    assert "<h1>Ali Asqar Example</h1>" in page  # the first of its two spellings
    assert "Ali-Asghar Example" in page  # the other one, as a property value
    assert "Roles" in page
    assert "EIO deputy head" in page  # the title as written in the first article
    assert f'href="/id/role/{SECOND_KEY}-1"' in page
    assert "Figures stated by Ali Asqar Example" in page
    assert "1,185" in page
    assert "Example News Agency" in page  # who reported the target


def test_observation_page(server: Server) -> None:
    page = html(server, TARGET)
    assert "idle units revived: 1,400 units" in page
    assert "status-target" in page
    assert "Iranian year 1398" in page
    assert 'href="/id/agency/eio"' in page
    assert 'href="/id/person/ali-asqar-example"' in page
    assert "The Example Industries Organization (EIO) plans to revive 1,400 idle units" in page
    # Vocabulary terms (metric, unit, status) have pages at /resource?iri=...
    assert "/resource?iri=https%3A%2F%2Fw3id.org%2Fnewskg%2Fmetric%2Fidle-units-revived" in page


def test_observation_with_an_equivalent(server: Server) -> None:
    page = html(server, IRIS.observation(SECOND_KEY, 2))
    assert "15,000,000,000,000" in page
    assert "≈ 357,000,000" in page
    assert "USD" in page


def test_article_page(server: Server) -> None:
    page = html(server, FIRST)
    assert "<h1>EIO target</h1>" in page
    # Its text with the evidence of each figure marked and linked to the figure.
    assert re.search(
        rf'<a class="evidence-mark" href="/id/observation/{FIRST_KEY}-1"><mark>'
        r"The Example Industries Organization \(EIO\) plans",
        page,
    )
    assert "<mark>It revived 1,000 units last year.</mark>" in page
    # The entities it mentions and its observations.
    assert "Mentioned in the article" in page
    for path in ("/id/agency/eio", "/id/place/iran", "/id/person/ali-asqar-example"):
        assert f'href="{path}"' in page
    assert "Figures reported in EIO target" in page
    assert "Reported by" in page


def test_vocabulary_term_page(server: Server) -> None:
    response = httpx.get(
        server.url + "/resource",
        params={"iri": "https://w3id.org/newskg/ontology#Agency"},
        headers={"Accept": BROWSER_ACCEPT},
    )
    assert response.status_code == 200
    assert "<h1>Agency</h1>" in response.text


def test_resource_by_iri_refuses_non_iris_and_escapes_what_it_shows(server: Server) -> None:
    refused = httpx.get(server.url + "/resource", params={"iri": "not an iri"})
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "invalid_input"
    missing = httpx.get(
        server.url + "/resource",
        params={"iri": "https://example.org/x?a=1&b=2"},
        headers={"Accept": BROWSER_ACCEPT},
    )
    assert missing.status_code == 404
    assert "https://example.org/x?a=1&amp;b=2" in missing.text


# -- a base IRI on the serving host ------------------------------------------------------------


def test_iris_dereference_on_the_serving_host(localhost_base_server: Server) -> None:
    base = localhost_base_server.url + "/id/"
    iris = IriScheme(base)
    agency = iris.mint("agency", "eio")
    # The IRI itself is the address: no rewriting.
    response = httpx.get(agency, headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    union = union_graph(iris)
    assert_same_rdf(
        parse_rdf(response.content, "application/n-triples"), expected_description(agency, union)
    )
    page = httpx.get(agency, headers={"Accept": BROWSER_ACCEPT}).text
    assert 'href="/id/agency/industry-ministry"' in page
    first_key = sample_articles(iris)[0].iri.rsplit("/", 1)[1]
    assert f'href="/id/article/{first_key}"' in page


@pytest.mark.parametrize(
    ("base", "path"),
    [
        ("https://w3id.org/newskg/id/", "/id/"),
        ("https://w3id.org/newskg/", "/"),
        ("http://localhost:8000/id/", "/id/"),
        ("http://localhost:8000/", "/"),
        ("https://example.org/kg/id/", "/kg/id/"),
    ],
)
def test_where_pages_are_served(base: str, path: str) -> None:
    links = Links(base)
    assert links.base_path == path
    assert links.page(base + "agency/eio") == path + "agency/eio"
    assert links.page("https://w3id.org/newskg/metric/count") == (
        "/resource?iri=https%3A%2F%2Fw3id.org%2Fnewskg%2Fmetric%2Fcount"
    )
    assert links.page("https://www.wikidata.org/wiki/Q794") is None
