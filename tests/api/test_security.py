"""Read-only by default and safe: the bearer token, SERVICE and LOAD refusal, no FROM fetching,
and no stack trace to the client, all against live servers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import httpx
import pytest
from conftest import TOKEN, ServerFactory

from newskg.api.app import create_app
from newskg.formats import Format
from newskg.settings import Settings
from newskg.store.base import GraphPayload, QueryOptions, QueryResult, Store
from servers import Server, app_server, counting_server

INSERT = (
    "INSERT DATA { GRAPH <https://example.org/security-test> "
    "{ <https://example.org/s> <https://example.org/p> 'written' } }"
)
WRITTEN = (
    "ASK { GRAPH <https://example.org/security-test> "
    "{ <https://example.org/s> <https://example.org/p> 'written' } }"
)
UPDATE = {"Content-Type": "application/sparql-update"}


def ask(server: Server, query: str) -> bool:
    """The answer of an ASK query."""
    response = httpx.get(server.url + "/sparql", params={"query": query, "format": "json"})
    assert response.status_code == 200, response.text
    return bool(response.json()["boolean"])


def error_of(response: httpx.Response, status: int, code: str) -> dict[str, object]:
    """The envelope's error, after checking its status and code."""
    assert response.status_code == status, response.text
    error: dict[str, object] = response.json()["error"]
    assert error["code"] == code
    return error


# -- the bearer token -----------------------------------------------------------------------------


def test_writes_are_disabled_without_a_configured_token(server: Server) -> None:
    """With no NEWSKG_API_TOKEN every update is 403, whatever token the client sends."""
    for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}):
        response = httpx.post(server.url + "/sparql", content=INSERT, headers={**UPDATE, **headers})
        error = error_of(response, 403, "forbidden")
        assert error["message"] == "writes are disabled: set NEWSKG_API_TOKEN"
    form = httpx.post(server.url + "/sparql", data={"update": INSERT})
    error_of(form, 403, "forbidden")
    assert not ask(server, WRITTEN)


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer wrong-token", f"Basic {TOKEN}", "Bearer", f"Bearer {TOKEN}x"],
    ids=["missing", "wrong", "basic-scheme", "empty", "longer"],
)
def test_writes_need_the_right_token(writable_server: Server, authorization: str | None) -> None:
    """Without the right bearer token an update is 401 (WWW-Authenticate) and changes nothing."""
    headers = dict(UPDATE)
    if authorization is not None:
        headers["Authorization"] = authorization
    response = httpx.post(writable_server.url + "/sparql", content=INSERT, headers=headers)
    error_of(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"
    assert not ask(writable_server, WRITTEN)


def test_writes_with_the_token_are_visible(writable_server: Server) -> None:
    """With the token an update answers 204, and the next query sees it."""
    headers = {**UPDATE, "Authorization": f"Bearer {TOKEN}"}
    response = httpx.post(writable_server.url + "/sparql", content=INSERT, headers=headers)
    assert response.status_code == 204, response.text
    assert ask(writable_server, WRITTEN)
    removed = httpx.post(
        writable_server.url + "/sparql",
        data={"update": "DROP GRAPH <https://example.org/security-test>"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert removed.status_code == 204, removed.text
    assert not ask(writable_server, WRITTEN)


def test_queries_need_no_token(writable_server: Server) -> None:
    """Reading stays open on a writable server."""
    assert ask(writable_server, "ASK { ?s ?p ?o }")


# -- outgoing requests ------------------------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ service silent <{url}/sparql> {{ ?s ?p ?o }} }}",
        "PREFIX remote: <{url}/> SELECT * WHERE {{ SERVICE remote:sparql {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ BIND(<{url}/sparql> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        "BASE <{url}/> SELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
    ],
    ids=["iri", "silent-lower-case", "prefixed-name", "variable", "relative"],
)
def test_service_is_refused_before_it_runs(server: Server, template: str) -> None:
    """SERVICE to a host outside NEWSKG_SERVICE_ALLOW (empty by default) is 403: nothing is sent."""
    with counting_server() as remote:
        query = template.format(url=remote.url)
        response = httpx.get(server.url + "/sparql", params={"query": query})
        error = error_of(response, 403, "query_refused")
        assert "SERVICE" in str(error["message"])
        assert remote.requests == []


def test_service_to_an_allowed_host_runs(start_server: ServerFactory) -> None:
    """The allow-list lets SERVICE through to its hosts (the refusal is the list, not a bug)."""
    with counting_server() as remote, start_server(NEWSKG_SERVICE_ALLOW="127.0.0.1") as allowed:
        query = f"SELECT ?remote WHERE {{ SERVICE <{remote.url}/sparql> {{ ?x ?y ?remote }} }}"
        response = httpx.get(allowed.url + "/sparql", params={"query": query, "format": "json"})
        assert response.status_code == 200, response.text
        values = [row["remote"]["value"] for row in response.json()["results"]["bindings"]]
        assert values == ["remote"]
        assert remote.requests
        other = "SELECT * WHERE { SERVICE <http://localhost:9/sparql> { ?s ?p ?o } }"
        refused = httpx.get(allowed.url + "/sparql", params={"query": other})
        error_of(refused, 403, "query_refused")


def test_from_never_fetches_a_remote_document(server: Server) -> None:
    """FROM, FROM NAMED and default-graph-uri name graphs of the store; nothing is downloaded."""
    with counting_server() as remote:
        document = f"{remote.url}/data.nt"
        queries = [
            {"query": f"SELECT * FROM <{document}> WHERE {{ ?s ?p ?o }}"},
            {"query": f"SELECT * FROM NAMED <{document}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"},
            {"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": document},
        ]
        for params in queries:
            response = httpx.get(server.url + "/sparql", params={**params, "format": "json"})
            assert response.status_code == 200, response.text
            assert response.json()["results"]["bindings"] == []
        assert remote.requests == []


def test_load_is_refused_even_with_the_token(writable_server: Server) -> None:
    """LOAD fetches a document: it obeys the same allow-list as SERVICE."""
    with counting_server() as remote:
        response = httpx.post(
            writable_server.url + "/sparql",
            content=f"LOAD <{remote.url}/data.nt> INTO GRAPH <https://example.org/loaded>",
            headers={**UPDATE, "Authorization": f"Bearer {TOKEN}"},
        )
        error_of(response, 403, "query_refused")
        assert remote.requests == []
    assert not ask(writable_server, "ASK { GRAPH <https://example.org/loaded> { ?s ?p ?o } }")


# -- unexpected errors ------------------------------------------------------------------


class BrokenStore(Store):
    """A store whose queries fail with an unexpected exception holding a secret."""

    def query(self, sparql: str, options: QueryOptions | None = None) -> QueryResult:
        raise RuntimeError("secret internal detail /etc/passwd")

    def update(self, sparql: str) -> None:
        raise RuntimeError("secret internal detail")

    def replace_graphs(self, graphs: Sequence[GraphPayload]) -> None:
        raise RuntimeError("secret internal detail")

    def delete_graph(self, iri: str) -> bool:
        raise RuntimeError("secret internal detail")

    def named_graphs(self) -> list[str]:
        return []

    def export(self, output: BinaryIO, fmt: Format) -> None:
        raise RuntimeError("secret internal detail")


@pytest.fixture
def broken_server(tmp_path: Path) -> Iterator[str]:
    """An app on a BrokenStore, served by uvicorn in this process."""
    app = create_app(Settings(store=str(tmp_path / "unused")), store=BrokenStore())
    with app_server(app) as url:
        yield url


def test_unexpected_errors_are_a_generic_500(
    broken_server: str, caplog: pytest.LogCaptureFixture
) -> None:
    """An unexpected exception is logged on the server and answered without any detail."""
    response = httpx.get(
        broken_server + "/sparql",
        params={"query": "ASK {}"},
        headers={"Origin": "https://example.org"},
    )
    error = error_of(response, 500, "internal_error")
    assert error["detail"] is None
    assert "secret" not in response.text
    assert "Traceback" not in response.text
    assert "RuntimeError" not in response.text
    assert response.headers["access-control-allow-origin"] == "*"
    assert "secret internal detail" in caplog.text
    health = httpx.get(broken_server + "/api/health")
    assert health.json() == {"status": "ok", "store": "broken", "graphs": 0}
