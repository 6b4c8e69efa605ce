"""The HTTP API on a remote store: a real `oxigraph serve` behind a real newskg server.

Everything above the store must work the same on both backends, so each check compares what the
API answers on `oxigraph serve` with what it answers on the embedded store holding the same data.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from remote_kit import remote_store
from SPARQLWrapper import JSON, SPARQLWrapper

from newskg.iris import IriScheme
from newskg.settings import DEFAULT_BASE_IRI
from newskg.store.oxigraph import OxigraphStore
from sample_data import load_sample
from servers import Server, newskg_server

pytestmark = pytest.mark.remote

TOKEN = "remote-test-token"
ARTICLE = {
    "text": (
        "The Example Mining Organization (EMO) plans to open 12 new mines in the current "
        "Iranian year, EMO head Reza Examplefar told IRNA."
    ),
    "url": "https://news.example/emo-mines",
    "datePublished": "2021-06-01",
}


@pytest.fixture(scope="module")
def servers(oxigraph: Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[str]]:
    """Two newskg servers on the same sample data: [on `oxigraph serve`, on the embedded store]."""
    iris = IriScheme(DEFAULT_BASE_IRI)
    remote = remote_store(oxigraph.url)
    remote.update("DROP ALL")
    load_sample(remote, iris)
    remote.close()
    directory = tmp_path_factory.mktemp("embedded") / "store"
    embedded = OxigraphStore(directory)
    load_sample(embedded, iris)
    embedded.close()
    remote_env = {
        "NEWSKG_STORE": f"{oxigraph.url}/query",
        "NEWSKG_STORE_UPDATE_URL": f"{oxigraph.url}/update",
        "NEWSKG_API_TOKEN": TOKEN,
    }
    with (
        newskg_server(remote_env) as on_remote,
        newskg_server({"NEWSKG_STORE": str(directory)}) as on_embedded,
    ):
        yield [on_remote.url, on_embedded.url]


def rows(url: str, path: str) -> list[dict[str, Any]]:
    """The SPARQL JSON bindings that a GET of ``path`` answers."""
    response = httpx.get(url + path, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    bindings: list[dict[str, Any]] = response.json()["results"]["bindings"]
    return sorted(bindings, key=repr)


@pytest.mark.parametrize(
    "name", ["targets-vs-achievements", "observations", "people-and-roles", "agencies"]
)
def test_named_queries_answer_the_same(servers: list[str], name: str) -> None:
    on_remote, on_embedded = servers
    answer = rows(on_remote, f"/api/queries/{name}")
    assert answer
    assert answer == rows(on_embedded, f"/api/queries/{name}")


def test_sparqlwrapper_reads_the_remote_backed_endpoint(servers: list[str]) -> None:
    on_remote, on_embedded = servers
    labels = []
    for url in (on_remote, on_embedded):
        client = SPARQLWrapper(url + "/sparql")
        client.setQuery(
            "SELECT DISTINCT ?label WHERE { ?a a <https://w3id.org/newskg/ontology#Agency> ; "
            "<http://www.w3.org/2004/02/skos/core#prefLabel> ?label } ORDER BY ?label"
        )
        client.setReturnFormat(JSON)
        result: Any = client.queryAndConvert()
        labels.append([row["label"]["value"] for row in result["results"]["bindings"]])
    assert labels[0]
    assert labels[0] == labels[1]


def test_linked_data_pages_and_article_list(servers: list[str]) -> None:
    on_remote, _ = servers
    listed = [httpx.get(url + "/api/articles").json() for url in servers]
    assert listed[0]["total"] == listed[1]["total"] == 2
    path = listed[0]["items"][0]["page"]
    turtle = [httpx.get(url + path, headers={"Accept": "application/n-triples"}) for url in servers]
    assert turtle[0].status_code == 200
    assert sorted(turtle[0].text.splitlines()) == sorted(turtle[1].text.splitlines())
    page = httpx.get(on_remote + path, headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "<html" in page.text


def test_ingest_and_delete_through_the_api(servers: list[str], tmp_path: Path) -> None:
    on_remote, _ = servers
    auth = {"Authorization": f"Bearer {TOKEN}"}
    created = httpx.post(on_remote + "/api/articles", json=ARTICLE, headers=auth, timeout=60)
    assert created.status_code == 201, created.text
    document = created.json()
    assert any(obs["value"] == "12" for obs in document["observations"])
    exported = httpx.get(on_remote + "/api/export", params={"format": "nq"})
    assert exported.status_code == 200
    in_graph = [line for line in exported.text.splitlines() if f"<{document['article']}> ." in line]
    assert len(in_graph) == document["triples"]
    deleted = httpx.delete(on_remote + f"/api/articles/{document['key']}", headers=auth)
    assert deleted.status_code in (200, 204), deleted.text
    after = httpx.get(on_remote + "/api/export", params={"format": "nq"}).text
    assert f"<{document['article']}> ." not in after
