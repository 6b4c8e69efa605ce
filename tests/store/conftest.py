"""Fixtures for the store tests: empty stores of both kinds, and a shared `oxigraph serve`.

The remote store talks to a real `oxigraph serve` process started with ``--union-default-graph``
(newskg's queries read the union of the article graphs as their default graph). One server is
shared by the session and emptied before each test that uses it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from remote_kit import remote_store

from newskg.store.base import Store
from newskg.store.oxigraph import OxigraphStore
from newskg.store.sparql import SparqlStore
from servers import Server, oxigraph_server


@pytest.fixture(scope="session")
def oxigraph() -> Iterator[Server]:
    """One `oxigraph serve` for the session (union default graph), on a temporary directory."""
    with oxigraph_server(union_default_graph=True) as server:
        yield server


@pytest.fixture
def remote(oxigraph: Server) -> Iterator[SparqlStore]:
    """An emptied remote store on the shared server."""
    store = remote_store(oxigraph.url, backoff=0.01)
    store.update("DROP ALL")
    yield store
    store.close()


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[OxigraphStore]:
    """An empty embedded store on a temporary directory."""
    store = OxigraphStore(tmp_path / "embedded")
    yield store
    store.close()


@pytest.fixture(params=["embedded", pytest.param("remote", marks=pytest.mark.remote)])
def store(request: pytest.FixtureRequest) -> Store:
    """Each test of the contract runs on an empty embedded store and an empty remote one."""
    chosen: Store = request.getfixturevalue(request.param)
    return chosen
