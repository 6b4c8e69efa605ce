"""The articles API against a live server: ingest (POST), list (GET), delete (DELETE).

Every test that writes starts its own server on a private copy of the sample store, so the
tests do not depend on each other's order.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import TOKEN, ServerFactory

from newskg.iris import IriScheme
from newskg.model import Article
from newskg.settings import DEFAULT_BASE_IRI
from newskg.vocabulary import VOCABULARY_GRAPH
from servers import Server

IRIS = IriScheme(DEFAULT_BASE_IRI)
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ISIPO_ARTICLE = {
    "text": (
        "The Iran Small Industries and Industrial Parks Organization (ISIPO) plans to revive "
        "1,400 idle production units in the current Iranian year (started March 21, 2019), "
        "ISIPO deputy head Ali Asghar Example told IRNA on Monday. "
        "Last year 1,185 units were revived."
    ),
    "url": "https://news.example/isipo-idle-units",
    "headline": "ISIPO to revive 1,400 idle units",
    "datePublished": "2019-10-14",
    "publisher": "IRNA",
}
#: An article the shipped shapes accept but a house rule refuses: its figure is stated by an
#: agency, and HOUSE_RULE (given to the server as NEWSKG_SHAPES) wants a person behind every one.
INVALID_ARTICLE = {
    "text": (
        "Unemployment in Iran fell to 9.5 percent last year, the Statistical Centre of Iran said."
    ),
    "url": "https://news.example/agency-statement",
    "datePublished": "2020-05-01",
}
HOUSE_RULE = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix nkg: <https://w3id.org/newskg/ontology#> .
<https://example.org/shapes#SpeakerIsAPerson> a sh:NodeShape ;
    sh:targetClass nkg:Observation ;
    sh:property [ sh:path nkg:statedBy ; sh:minCount 1 ; sh:class nkg:Person ] .
"""
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
VOCABULARY_SUFFIX = f" <{VOCABULARY_GRAPH}> .".encode()


def article_iri(document: dict[str, Any]) -> str:
    """The IRI newskg mints for a JSON article (its key is a digest of the URL)."""
    article = Article(text=document["text"], url=document.get("url"))
    return IRIS.article(article.key)


def post(
    server: Server,
    body: bytes | str | dict[str, Any],
    *,
    headers: dict[str, str] | None = None,
    content_type: str = "application/json",
) -> httpx.Response:
    content = json.dumps(body) if isinstance(body, dict) else body
    return httpx.post(
        server.url + "/api/articles",
        content=content,
        headers={"Content-Type": content_type, **AUTH, **(headers or {})},
        timeout=60,
    )


def count(server: Server, query: str) -> int:
    response = httpx.post(
        server.url + "/sparql",
        data={"query": query},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def graph_size(server: Server, iri: str) -> int:
    return count(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")


def dump(server: Server) -> bytes:
    """The article graphs as sorted N-Quads (the vocabulary graph aside: see below).

    The first ingestion of a server re-installs the vocabulary graph (the ontology, metrics and
    units, unchanged but with fresh blank node labels), so it is compared by its size instead.
    """
    response = httpx.get(server.url + "/api/export", params={"format": "nq"})
    assert response.status_code == 200
    lines = [line for line in response.content.splitlines() if not line.endswith(VOCABULARY_SUFFIX)]
    size = count(
        server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{VOCABULARY_GRAPH}> {{ ?s ?p ?o }} }}"
    )
    return b"\n".join([*sorted(lines), str(size).encode()])


# -- tokens -----------------------------------------------------------------------------------


def test_writes_are_forbidden_without_a_configured_token(server: Server) -> None:
    response = post(server, ISIPO_ARTICLE)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    deleted = httpx.delete(server.url + "/api/articles/abc", headers=AUTH)
    assert deleted.status_code == 403


@pytest.mark.parametrize("authorization", [None, "Bearer wrong-token", f"Basic {TOKEN}"])
def test_writes_need_the_right_bearer_token(
    start_server: ServerFactory, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    with start_server(NEWSKG_API_TOKEN=TOKEN) as running:
        before = count(running, COUNT_QUADS)
        response = httpx.post(
            running.url + "/api/articles", json=ISIPO_ARTICLE, headers=headers, timeout=60
        )
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorized"
        assert response.headers["www-authenticate"] == "Bearer"
        key = IRIS.article(Article(text="x", url=ISIPO_ARTICLE["url"]).key).rsplit("/", 1)[1]
        deleted = httpx.delete(running.url + f"/api/articles/{key}", headers=headers)
        assert deleted.status_code == 401
        assert count(running, COUNT_QUADS) == before


# -- ingestion --------------------------------------------------------------------------------


def test_a_good_article_is_stored_with_its_observations(start_server: ServerFactory) -> None:
    with start_server(NEWSKG_API_TOKEN=TOKEN) as running:
        response = post(running, ISIPO_ARTICLE)
        assert response.status_code == 201, response.text
        document = response.json()
        iri = article_iri(ISIPO_ARTICLE)
        key = iri.rsplit("/", 1)[1]
        assert document["article"] == iri
        assert document["key"] == key
        assert document["status"] == "created"
        assert document["page"] == f"/id/article/{key}"
        assert response.headers["location"] == f"/id/article/{key}"
        assert document["headline"] == ISIPO_ARTICLE["headline"]
        assert document["datePublished"] == "2019-10-14"
        # The triple count is the size of the graph now in the store.
        assert document["triples"] == graph_size(running, iri) > 0
        # The figures extracted, with their subject, period and evidence sentence.
        target = next(obs for obs in document["observations"] if obs["value"] == "1400")
        assert target["status"] == "target"
        assert target["unit"] == "https://w3id.org/newskg/unit/unit"
        assert target["metric"] == "https://w3id.org/newskg/metric/idle-units-revived"
        assert target["subject"]["label"].startswith("Iran Small Industries")
        assert target["subject"]["page"].startswith("/id/agency/")
        assert target["periodStart"] == "2019-03-21"
        assert target["periodEnd"] == "2020-03-19"
        assert "1,400 idle production units" in target["evidence"]
        # The sample store knows this person as "Ali Asqar Example": the new spelling resolves
        # to the same resource, which keeps its first-seen name.
        assert target["statedBy"]["label"] == "Ali Asqar Example"
        assert target["iri"].startswith(DEFAULT_BASE_IRI + "observation/")
        achieved = next(obs for obs in document["observations"] if obs["value"] == "1185")
        assert achieved["status"] == "achieved"
        # It is listed and has its Linked Data page.
        listed = httpx.get(running.url + "/api/articles").json()
        assert iri in [item["iri"] for item in listed["items"]]
        page = httpx.get(running.url + document["page"], headers={"Accept": "text/html"})
        assert page.status_code == 200
        assert "ISIPO to revive 1,400 idle units" in page.text


def test_a_plain_text_article(start_server: ServerFactory) -> None:
    text = (
        "EIO news\n\nThe Example Industries Organization revived 500 idle units in 1398, "
        "its head said."
    )
    with start_server(NEWSKG_API_TOKEN=TOKEN) as running:
        response = post(running, text, content_type="text/plain; charset=utf-8")
        assert response.status_code == 201, response.text
        assert response.json()["headline"] == "EIO news"
        assert [obs["value"] for obs in response.json()["observations"]] == ["500"]


MALFORMED = [
    pytest.param(b'{"text": "unfinished', "application/json", "not valid JSON", id="bad-json"),
    pytest.param(b'["a list"]', "application/json", "JSON object", id="not-an-object"),
    pytest.param(b'{"headline": "no text"}', "application/json", "'text'", id="missing-text"),
    pytest.param(b'{"text": "   "}', "application/json", "empty", id="empty-text"),
    pytest.param(
        b'{"text": "Some text.", "datePublished": "14/10/2019"}',
        "application/json",
        "datePublished must be an ISO 8601 date",
        id="bad-date",
    ),
    pytest.param(
        b'{"text": "Some text.", "url": "not a url"}', "application/json", "url", id="bad-url"
    ),
    pytest.param(
        b'{"text": "Some text.", "author": "me"}', "application/json", "author", id="unknown"
    ),
    pytest.param(b"\xff\xfe", "text/plain", "UTF-8", id="not-utf8"),
]


@pytest.mark.parametrize(("body", "content_type", "message"), MALFORMED)
def test_a_malformed_article_is_refused_and_nothing_is_written(
    start_server: ServerFactory, body: bytes, content_type: str, message: str
) -> None:
    with start_server(NEWSKG_API_TOKEN=TOKEN) as running:
        before = dump(running)
        response = post(running, body, content_type=content_type)
        assert response.status_code == 422, response.text
        error = response.json()["error"]
        assert error["code"] == "invalid_input"
        assert message in error["message"]
        assert dump(running) == before


def test_other_media_types_are_refused(writable_server: Server) -> None:
    response = post(writable_server, b"<p>hi</p>", content_type="text/html")
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"


def test_a_body_over_the_limit_is_refused(start_server: ServerFactory) -> None:
    with start_server(NEWSKG_API_TOKEN=TOKEN, NEWSKG_MAX_BODY_BYTES="2000") as running:
        response = post(running, {"text": "A long article. " * 200})
        assert response.status_code == 413
        assert response.json()["error"]["code"] == "payload_too_large"


def test_a_shacl_invalid_article_is_refused_with_its_report(
    start_server: ServerFactory, tmp_path: Path
) -> None:
    """A graph that violates the shapes (here a house rule from NEWSKG_SHAPES) writes nothing.

    The validator is not mocked: the article goes through the same pipeline as every other one
    (extract, resolve, map, pySHACL). The test first checks, with the library, that the shipped
    shapes accept this input and the house rule does not, so that it cannot pass for a wrong
    reason; then posts it and compares the whole store (an N-Quads dump and a count).
    """
    from newskg.ingest import prepare
    from newskg.resolve import EntityIndex
    from newskg.validation import shapes_with

    rule = tmp_path / "house.ttl"
    rule.write_text(HOUSE_RULE, encoding="utf-8")
    article = Article(
        text=INVALID_ARTICLE["text"],
        url=INVALID_ARTICLE["url"],
        date_published=date(2020, 5, 1),
    )
    assert prepare(article, iris=IRIS, known=EntityIndex()).report.conforms
    house = prepare(article, iris=IRIS, known=EntityIndex(), shapes=shapes_with([rule]))
    assert not house.report.conforms
    iri = article_iri(INVALID_ARTICLE)
    with start_server(NEWSKG_API_TOKEN=TOKEN, NEWSKG_SHAPES=str(rule)) as running:
        before, quads = dump(running), count(running, COUNT_QUADS)
        response = post(running, INVALID_ARTICLE)
        assert response.status_code == 422, response.text
        error = response.json()["error"]
        assert error["code"] == "shacl_violation"
        assert "does not conform to the SHACL shapes" in error["message"]
        report = error["detail"]
        assert report["conforms"] is False
        [violation] = report["violations"]
        assert violation["focus"].startswith(DEFAULT_BASE_IRI + "observation/")
        assert violation["path"] == "https://w3id.org/newskg/ontology#statedBy"
        assert violation["component"] == "http://www.w3.org/ns/shacl#ClassConstraintComponent"
        assert dump(running) == before
        assert count(running, COUNT_QUADS) == quads
        assert graph_size(running, iri) == 0


def test_reposting_replaces_the_graph(start_server: ServerFactory) -> None:
    with start_server(NEWSKG_API_TOKEN=TOKEN) as running:
        first = post(running, ISIPO_ARTICLE)
        assert first.status_code == 201
        after_first = dump(running)
        articles = httpx.get(running.url + "/api/articles").json()["total"]
        again = post(running, ISIPO_ARTICLE)
        assert again.status_code == 200, again.text
        assert again.json()["status"] == "replaced"
        assert again.json()["article"] == first.json()["article"]
        assert again.json()["triples"] == first.json()["triples"]
        assert dump(running) == after_first
        assert httpx.get(running.url + "/api/articles").json()["total"] == articles
        # A changed text under the same URL replaces the old graph instead of adding to it.
        changed = {**ISIPO_ARTICLE, "text": ISIPO_ARTICLE["text"].replace("1,400", "1,500")}
        replaced = post(running, changed)
        assert replaced.status_code == 200
        values = [obs["value"] for obs in replaced.json()["observations"]]
        assert "1500" in values
        assert "1400" not in values
        iri = first.json()["article"]
        assert graph_size(running, iri) == replaced.json()["triples"]
        assert (
            count(
                running,
                "SELECT (COUNT(*) AS ?n) WHERE { ?o <https://w3id.org/newskg/ontology#value> 1400 ;"
                f" <http://www.w3.org/ns/prov#wasDerivedFrom> <{iri}> }}",
            )
            == 0
        )


def test_delete(start_server: ServerFactory) -> None:
    with start_server(NEWSKG_API_TOKEN=TOKEN) as running:
        before = dump(running)
        stored = post(running, ISIPO_ARTICLE).json()
        iri, key = stored["article"], stored["key"]
        assert graph_size(running, iri) > 0
        response = httpx.delete(running.url + f"/api/articles/{key}", headers=AUTH)
        assert response.status_code == 204
        assert response.content == b""
        assert graph_size(running, iri) == 0
        assert dump(running) == before
        page = httpx.get(running.url + stored["page"], headers={"Accept": "text/turtle"})
        assert page.status_code == 404
        again = httpx.delete(running.url + f"/api/articles/{key}", headers=AUTH)
        assert again.status_code == 404
        assert again.json()["error"]["code"] == "not_found"


def test_delete_refuses_keys_that_are_not_article_keys(writable_server: Server) -> None:
    for key in ("..", "a%20b", "x'y"):
        response = httpx.delete(writable_server.url + f"/api/articles/{key}", headers=AUTH)
        assert response.status_code == 404, key


# -- listing ----------------------------------------------------------------------------------


def test_list_is_newest_first_and_paginated(start_server: ServerFactory) -> None:
    with start_server(NEWSKG_API_TOKEN=TOKEN) as running:
        for day in ("2021-01-05", "2021-03-01", "2020-12-31"):
            article = {
                "text": f"The Example Industries Organization revived 100 idle units, {day}.",
                "url": f"https://news.example/{day}",
                "headline": f"Story of {day}",
                "datePublished": day,
            }
            assert post(running, article).status_code == 201
        everything = httpx.get(running.url + "/api/articles", params={"limit": 50}).json()
        assert everything["total"] == 5  # the sample's two articles and these three
        dates = [item["datePublished"] for item in everything["items"]]
        assert dates == ["2021-03-01", "2021-01-05", "2020-12-31", "2020-06-01", None]
        assert everything["next"] is None
        assert everything["previous"] is None

        first = httpx.get(running.url + "/api/articles", params={"limit": 2}).json()
        assert [item["headline"] for item in first["items"]] == [
            "Story of 2021-03-01",
            "Story of 2021-01-05",
        ]
        assert first["total"] == 5
        assert first["previous"] is None
        second = httpx.get(first["next"]).json()
        assert second["offset"] == 2
        assert [item["datePublished"] for item in second["items"]] == ["2020-12-31", "2020-06-01"]
        last = httpx.get(second["next"]).json()
        assert last["offset"] == 4
        assert len(last["items"]) == 1
        assert last["next"] is None
        assert httpx.get(last["previous"]).json()["offset"] == 2
        item = first["items"][0]
        assert item["page"] == f"/id/article/{item['key']}"
        assert item["url"] == "https://news.example/2021-03-01"
        assert item["observations"] == 1
        beyond = httpx.get(running.url + "/api/articles", params={"offset": 10}).json()
        assert beyond["items"] == []
        assert beyond["total"] == 5


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 201}, {"offset": -1}, {"limit": "x"}])
def test_list_bounds(server: Server, params: dict[str, Any]) -> None:
    response = httpx.get(server.url + "/api/articles", params=params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


def test_list_of_the_sample(server: Server) -> None:
    listed = httpx.get(server.url + "/api/articles").json()
    assert listed["total"] == 2
    assert [item["headline"] for item in listed["items"]] == ["EIO result", "EIO target"]
    assert listed["items"][1]["reportedBy"] == "Example News Agency"
    assert listed["items"][1]["mentions"] == 5
