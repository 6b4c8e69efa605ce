"""SparqlStore beyond the contract: configuration, the wire, retries, failures and time limits.

Failures are produced for real: a closed port, a server process that is stopped, and a local
HTTP proxy (flaky_proxy) in front of `oxigraph serve` that refuses, drops or delays requests.
"""

from __future__ import annotations

import base64
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from flaky_proxy import flaky_proxy
from pydantic import SecretStr
from remote_kit import IRIS, payload, remote_store

from newskg.errors import NotAcceptable, QueryError, QueryTimeout, StoreError
from newskg.formats import CSV, N_TRIPLES, SPARQL_JSON, TURTLE
from newskg.settings import Settings
from newskg.store import open_store
from newskg.store.base import GraphPayload, QueryOptions
from newskg.store.sparql import (
    USER_AGENT,
    SparqlStore,
    _chunks,
    _Prepared,
    accept_header,
    query_form,
    ranked_formats,
    replacement_update,
)
from sample_data import load_sample, sample_articles
from servers import Server, free_port, oxigraph_server

G1 = "https://example.org/graph/1"
G2 = "https://example.org/graph/2"
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
OBSERVATIONS = (
    "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { "
    "?o a <https://w3id.org/newskg/ontology#Observation> }"
)


def count(store: SparqlStore, query: str = COUNT_QUADS) -> int:
    return int(store.select(query)[0]["n"])


# -- configuration and request building (no server) ---------------------------------------------


def test_open_store_picks_the_remote_store_by_configuration_only() -> None:
    settings = Settings(
        store="http://127.0.0.1:7878/query",
        store_update_url="http://127.0.0.1:7878/update",
        store_graph_store_url="http://127.0.0.1:7878/store",
        store_user="writer",
        store_password=SecretStr("secret"),
        store_batch_size=7,
        store_retries=2,
    )
    store = open_store(settings)
    assert isinstance(store, SparqlStore)
    assert (store.batch_size, store.retries) == (7, 2)
    store.close()


def test_a_url_that_is_not_http_is_refused() -> None:
    with pytest.raises(StoreError):
        SparqlStore("ftp://example.org/sparql")


def test_query_form_reads_past_prologue_and_comments() -> None:
    assert query_form("# INSERT in a comment\nPREFIX a: <urn:x#> BASE <urn:y> ask {}") == "ASK"
    assert query_form("PREFIX delete: <urn:d#> SELECT * { ?s delete:p ?o }") == "SELECT"
    assert query_form("DESCRIBE <urn:x>") == "DESCRIBE"
    with pytest.raises(QueryError, match="Update"):
        query_form("PREFIX a: <urn:x#> DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError):
        query_form("EXPLAIN SELECT * {}")


def test_accept_keeps_the_callers_ranking() -> None:
    ranked = ranked_formats(["text/csv", "application/*", "*/*"], (SPARQL_JSON, CSV))
    assert ranked == [CSV, SPARQL_JSON]
    assert accept_header(ranked) == "text/csv, application/sparql-results+json;q=0.9"
    assert ranked_formats(["text/plain"], (TURTLE, N_TRIPLES)) == [N_TRIPLES]
    assert ranked_formats(["image/png"], (TURTLE, N_TRIPLES)) == []


def test_batches_are_split_between_whole_graphs() -> None:
    graphs = [_Prepared(f"urn:g{index}", b"x" * 100) for index in range(5)]
    assert [len(chunk) for chunk in _chunks(graphs, 2, 10_000)] == [2, 2, 1]
    assert [len(chunk) for chunk in _chunks(graphs, 50, 320)] == [2, 2, 1]
    assert [len(chunk) for chunk in _chunks(graphs, 50, 10)] == [1, 1, 1, 1, 1]


def test_the_replacement_is_one_request_of_drops_then_one_insert() -> None:
    text = replacement_update([_Prepared(G1, b"<urn:s> <urn:p> <urn:o> .\n"), _Prepared(G2, b"")])
    assert text.index(f"DROP SILENT GRAPH <{G2}>") < text.index("INSERT DATA")
    assert text.count("INSERT DATA") == 1
    assert f"GRAPH <{G2}>" not in text.split("INSERT DATA")[1]


def test_a_graph_iri_that_would_break_the_update_is_refused() -> None:
    store = SparqlStore("http://127.0.0.1:9/query", retries=0)
    with pytest.raises(QueryError):
        store.replace_graphs([GraphPayload("urn:x> } ; DROP ALL ; #", b"")])


def test_an_unreachable_endpoint_is_a_store_error_naming_it() -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    store = SparqlStore(url, retries=2, backoff=0.01)
    with pytest.raises(StoreError) as caught:
        store.select("SELECT * { ?s ?p ?o }")
    message = caught.value.message
    assert url in message
    assert "3 attempts" in message
    assert "connection refused" in message
    assert "\n" not in message
    with pytest.raises(StoreError, match="connection refused"):
        store.replace_graphs([payload(G1, 1)])


# -- on the wire ----------------------------------------------------------------------------------


@pytest.mark.remote
def test_requests_carry_user_agent_credentials_and_the_server_time_limit(
    oxigraph: Server,
) -> None:
    with flaky_proxy(oxigraph.url) as proxy:
        store = SparqlStore(
            f"{proxy.url}/query?timeout={{timeout_s}}&limit-ms={{timeout_ms}}",
            update_url=f"{proxy.url}/update",
            user="writer",
            password="secret",
        )
        store.replace_graphs([payload(G1, 2)])
        store.query("ASK { ?s ?p ?o }", QueryOptions(timeout=2.5))
        store.close()
    write, read = proxy.requests
    expected_auth = "Basic " + base64.b64encode(b"writer:secret").decode()
    for request in (write, read):
        assert request.headers["user-agent"] == USER_AGENT
        assert request.headers["authorization"] == expected_auth
    assert write.headers["content-type"] == "application/sparql-update"
    assert read.headers["content-type"] == "application/sparql-query"
    assert parse_qs(urlsplit(read.path).query) == {"timeout": ["3"], "limit-ms": ["2500"]}


@pytest.mark.remote
def test_graph_store_protocol_mode_replaces_and_deletes(oxigraph: Server) -> None:
    with flaky_proxy(oxigraph.url) as proxy:
        store = SparqlStore(
            f"{proxy.url}/query",
            update_url=f"{proxy.url}/update",
            graph_store_url=f"{proxy.url}/store",
        )
        store.update("DROP ALL")
        store.replace_graphs([payload(G1, 3), payload(G2, 4)])
        store.replace_graphs([payload(G1, 3), payload(G2, 4)])
        assert count(store) == 7
        assert store.delete_graph(G1) is True
        assert store.delete_graph(G1) is False
        assert store.named_graphs() == [G2]
        store.close()
    puts = [request for request in proxy.requests if request.method == "PUT"]
    assert len(puts) == 4
    assert all(request.headers["content-type"] == N_TRIPLES.media_type for request in puts)


@pytest.mark.remote
def test_a_reader_never_sees_a_graph_half_put(oxigraph: Server) -> None:
    """GSP PUT on Oxigraph server clears, then loads: a reader may find the graph empty for a
    moment (docs/remote-stores.md), but never partly loaded."""
    import threading

    store = SparqlStore(
        f"{oxigraph.url}/query",
        update_url=f"{oxigraph.url}/update",
        graph_store_url=f"{oxigraph.url}/store",
    )
    store.update("DROP ALL")
    store.replace_graphs([payload(G1, 30)])
    seen: set[int] = set()
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            seen.add(count(store))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for round_ in range(40):
            store.replace_graphs([payload(G1, 50 if round_ % 2 == 0 else 30)])
    finally:
        done.set()
        reader.join(timeout=30)
    assert seen <= {0, 30, 50}
    store.close()


# -- errors the endpoint answers with -------------------------------------------------------------


@pytest.mark.remote
@pytest.mark.parametrize(
    ("status", "body", "error", "text"),
    [
        (400, b"Parse error: unexpected '}'", QueryError, "unexpected '}'"),
        (406, b"no such format", NotAcceptable, "no such format"),
        (500, b"The SPARQL operation has been cancelled", QueryTimeout, "cancelled"),
        (503, b"Query timed out", QueryTimeout, "timed out"),
        (500, b"disk full", StoreError, "disk full"),
        (404, b"Not Found", StoreError, "HTTP 404"),
        (401, b"", StoreError, "NEWSKG_STORE_USER"),
    ],
)
def test_endpoint_errors_are_mapped(
    oxigraph: Server, status: int, body: bytes, error: type[Exception], text: str
) -> None:
    with flaky_proxy(oxigraph.url, fail=1, mode="status", status=status, body=body) as proxy:
        store = remote_store(proxy.url, retries=3, backoff=0.01)
        with pytest.raises(error, match=text) as caught:
            store.select("SELECT * { ?s ?p ?o }")
        assert type(caught.value) is error
        store.close()
    assert len(proxy.requests) == 1  # none of these is worth a retry


@pytest.mark.remote
def test_a_query_past_its_time_limit_is_stopped(oxigraph: Server) -> None:
    with flaky_proxy(oxigraph.url, fail=1, mode="slow", delay=6.0) as proxy:
        store = remote_store(proxy.url, retries=3, backoff=0.01)
        started = time.monotonic()
        with pytest.raises(QueryTimeout, match="1 s time limit"):
            store.query("ASK { ?s ?p ?o }", QueryOptions(timeout=1.0))
        assert time.monotonic() - started < 4.0  # the limit plus the grace, rounded up
        store.close()
    assert len(proxy.requests) == 1  # a timed-out query is not run again


# -- retries ---------------------------------------------------------------------------------------


@pytest.mark.remote
@pytest.mark.parametrize(
    ("mode", "status"), [("status", 503), ("status", 429), ("status", 502), ("drop", 0)]
)
def test_transient_failures_are_retried(
    remote: SparqlStore, oxigraph: Server, mode: str, status: int
) -> None:
    with flaky_proxy(oxigraph.url, fail=3, mode=mode, status=status) as proxy:
        store = remote_store(proxy.url, retries=3, backoff=0.01)
        store.replace_graphs([payload(G1, 5)])
        assert len(proxy.requests) == 4
        proxy.fail = 3
        assert count(store) == 5
        store.close()
    assert count(remote) == 5


@pytest.mark.remote
def test_retries_run_out_with_a_clear_error(oxigraph: Server) -> None:
    with flaky_proxy(oxigraph.url, fail=10, mode="status", status=503) as proxy:
        store = remote_store(proxy.url, retries=2, backoff=0.01)
        with pytest.raises(StoreError) as caught:
            store.replace_graphs([payload(G1, 5)])
        store.close()
    assert len(proxy.requests) == 3
    assert caught.value.message == (
        f"could not replace 1 graph(s) at {proxy.url}/update (3 attempts): "
        "HTTP 503 Service Unavailable"
    )


@pytest.mark.remote
def test_a_replacement_whose_answer_was_lost_is_resent_without_duplicates(
    remote: SparqlStore, oxigraph: Server
) -> None:
    """The server commits, the connection breaks before the answer: the retry sends the same
    replacement again, and since it names each graph's whole content nothing is doubled."""
    articles = sample_articles(IRIS)
    load_sample(remote, IRIS)
    expected = (count(remote), count(remote, OBSERVATIONS))
    with flaky_proxy(oxigraph.url, fail=2, mode="lost") as proxy:
        store = remote_store(proxy.url, retries=3, backoff=0.01)
        load_sample(store, IRIS)  # vocabulary, then the articles: both lost once, then resent
        store.close()
    writes = [request for request in proxy.requests if request.path.startswith("/update")]
    assert len(writes) >= 3
    assert (count(remote), count(remote, OBSERVATIONS)) == expected
    assert sorted(remote.named_graphs()) == sorted(
        [resolved.iri for resolved in articles] + ["https://w3id.org/newskg/ontology"]
    )


@pytest.mark.remote
def test_an_arbitrary_update_is_resent_only_when_it_surely_did_not_run(
    remote: SparqlStore, oxigraph: Server
) -> None:
    insert = (
        'INSERT { GRAPH <https://example.org/graph/1> { ?s <urn:copy> "c" } } WHERE { ?s ?p ?o }'
    )
    remote.replace_graphs([payload(G1, 2)])
    with flaky_proxy(oxigraph.url, fail=1, mode="status", status=503) as proxy:
        store = remote_store(proxy.url, retries=2, backoff=0.01)
        store.update(insert)  # 503: not run, so resent
        assert len(proxy.requests) == 2
        proxy.mode, proxy.fail = "lost", 1
        with pytest.raises(StoreError, match=r"connection closed|disconnected|without"):
            store.update(insert)  # ran, answer lost: not resent, the caller is told
        assert len(proxy.requests) == 3
        store.close()


# -- a server that goes away in the middle of a bulk load -----------------------------------------


def load(store: SparqlStore, batches: list[list[GraphPayload]]) -> None:
    for batch in batches:
        store.replace_graphs(batch)


def _replicas(copies: int) -> list[GraphPayload]:
    """The sample articles copied ``copies`` times under distinct article keys."""
    from newskg.mapping import article_graph

    originals = sample_articles(IRIS)
    graphs: list[GraphPayload] = []
    for copy in range(copies):
        for resolved in originals:
            key = resolved.iri.rsplit("/", 1)[1]
            text = article_graph(resolved).serialize(format="nt", encoding="utf-8")
            text = text.replace(key.encode(), f"{key}r{copy}".encode())
            graphs.append(GraphPayload(resolved.iri.replace(key, f"{key}r{copy}"), text))
    return graphs


@pytest.mark.remote
def test_a_server_that_goes_away_mid_load_fails_clearly_and_a_rerun_completes(
    tmp_path: Path,
) -> None:
    graphs = _replicas(20)  # 40 article graphs
    batches = [graphs[start : start + 5] for start in range(0, len(graphs), 5)]
    location = tmp_path / "oxigraph"
    with oxigraph_server(location, union_default_graph=True) as server:
        store = remote_store(server.url, retries=1, backoff=0.05)
        load(store, batches[:3])
        server.process.terminate()
        server.process.wait(timeout=10)
        with pytest.raises(StoreError) as caught:
            load(store, batches[3:])
        assert server.url in caught.value.message
        assert "\n" not in caught.value.message
        store.close()
    with oxigraph_server(location, union_default_graph=True) as server:
        store = remote_store(server.url)
        assert len(store.named_graphs()) == 15  # the three batches written before the failure
        load(store, batches)  # the re-run starts again from the first article
        assert count(store) == sum(graph.ntriples.count(b"\n") for graph in graphs)
        assert count(store, OBSERVATIONS) == 20 * 4
        assert len(store.named_graphs()) == 40
        store.close()


@pytest.mark.remote
def test_writes_answer_a_digest_challenge(remote: SparqlStore, oxigraph: Server) -> None:
    """Virtuoso's -auth endpoints challenge for Digest: the writer switches from Basic."""
    challenge = {"WWW-Authenticate": 'Digest realm="SPARQL", nonce="n0nce", qop="auth"'}
    options = {"fail": 2, "mode": "status", "status": 401, "body": b"", "headers": challenge}
    with flaky_proxy(oxigraph.url, **options) as proxy:
        store = remote_store(proxy.url, user="writer", password="secret")
        store.replace_graphs([payload(G1, 2)])
        store.close()
    basic, unauthenticated, digest = proxy.requests
    assert basic.headers["authorization"].startswith("Basic ")
    assert "authorization" not in unauthenticated.headers
    assert digest.headers["authorization"].startswith('Digest username="writer"')
    assert count(remote) == 2
