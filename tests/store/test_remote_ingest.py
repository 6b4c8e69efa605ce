"""The whole pipeline into `oxigraph serve`: same answers as the embedded store, and a bulk load
that survives its server going away."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from remote_kit import IRIS, remote_store

from newskg.errors import StoreError
from newskg.ingest import Ingestor, Outcome, Status
from newskg.queries import load_queries
from newskg.sources import iter_articles
from newskg.store.base import Store
from newskg.store.oxigraph import OxigraphStore
from newskg.store.sparql import SparqlStore
from servers import Server, oxigraph_server

pytestmark = pytest.mark.remote

EXAMPLES = Path(__file__).parents[2] / "examples" / "articles"
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
OBSERVATIONS = (
    "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { "
    "?o a <https://w3id.org/newskg/ontology#Observation> }"
)


def sizes(store: Store) -> tuple[int, int, int]:
    """Quads, observations and named graphs: what a duplicate or a lost article would change."""
    quads = int(store.select(COUNT_QUADS)[0]["n"])
    observations = int(store.select(OBSERVATIONS)[0]["n"])
    return quads, observations, len(store.named_graphs())


def ingest(store: Store, *, batch_size: int = 50) -> None:
    summary = Ingestor(store, iris=IRIS, batch_size=batch_size).ingest(iter_articles([EXAMPLES]))
    assert summary.rejected == 0


def test_examples_give_the_same_rows_on_oxigraph_serve_as_embedded(
    embedded: OxigraphStore, remote: SparqlStore
) -> None:
    ingest(embedded)
    ingest(remote)
    assert sizes(remote) == sizes(embedded)
    for name, query in load_queries().items():
        assert remote.select(query.text) == embedded.select(query.text), name
    table = remote.select(load_queries()["targets-vs-achievements"].text)
    assert table, "the examples hold targets with their achievements"


def test_ingest_twice_replaces_and_never_duplicates(remote: SparqlStore) -> None:
    ingest(remote, batch_size=1)
    once = sizes(remote)
    ingest(remote, batch_size=50)
    assert sizes(remote) == once


def test_server_gone_mid_ingest_fails_clearly_and_a_rerun_completes(
    tmp_path: Path, embedded: OxigraphStore
) -> None:
    ingest(embedded)
    expected = sizes(embedded)
    location = tmp_path / "oxigraph"
    with oxigraph_server(location, union_default_graph=True) as server:
        store = remote_store(server.url, retries=1, backoff=0.05)

        def stop_after_first(outcome: Outcome) -> None:
            if outcome.status is Status.STORED:
                _stop(server)

        ingestor = Ingestor(store, iris=IRIS, batch_size=1, on_outcome=stop_after_first)
        with pytest.raises(StoreError) as caught:
            ingestor.ingest(iter_articles([EXAMPLES]))
        assert server.url in caught.value.message
        assert "\n" not in caught.value.message
        store.close()
    with oxigraph_server(location, union_default_graph=True) as server:
        store = remote_store(server.url)
        partial = sizes(store)
        assert 0 < partial[1] < expected[1]  # the first article made it, the second did not
        ingest(store, batch_size=1)
        assert sizes(store) == expected
        store.close()


def test_the_cli_ingests_into_a_remote_store_by_configuration_only(oxigraph: Server) -> None:
    remote = remote_store(oxigraph.url)
    remote.update("DROP ALL")
    environment = {
        **os.environ,
        "NEWSKG_STORE": f"{oxigraph.url}/query",
        "NEWSKG_STORE_UPDATE_URL": f"{oxigraph.url}/update",
        "NEWSKG_STORE_BATCH_SIZE": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "newskg", "ingest", str(EXAMPLES)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "2 article(s) stored" in done.stdout
    assert sizes(remote)[1] > 0
    remote.close()


def _stop(server: Server) -> None:
    server.process.terminate()
    server.process.wait(timeout=10)
