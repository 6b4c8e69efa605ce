"""Fixtures for API tests: a store directory holding the sample graph, and live servers on it."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import httpx
import pytest

from newskg.iris import IriScheme
from newskg.model import ResolvedArticle
from newskg.settings import DEFAULT_BASE_IRI
from newskg.store.oxigraph import OxigraphStore
from sample_data import load_sample, sample_articles
from servers import Server, free_port, newskg_server

TOKEN = "test-token-0123456789"


@pytest.fixture(scope="session")
def sample_store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store directory with the sample graph, written once per session."""
    path = tmp_path_factory.mktemp("sample-store")
    store = OxigraphStore(path)
    load_sample(store, IriScheme(DEFAULT_BASE_IRI))
    store.flush()
    store.close()
    del store
    return path


@pytest.fixture
def sample_store_dir(sample_store_template: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store, which a test may change."""
    target = tmp_path / "store"
    shutil.copytree(sample_store_template, target)
    return target


ServerFactory = Callable[..., AbstractContextManager[Server]]


@pytest.fixture
def start_server(sample_store_dir: Path) -> ServerFactory:
    """Start newskg on a copy of the sample store: ``with start_server(NEWSKG_X="…") as s``."""

    def start(**settings: str) -> AbstractContextManager[Server]:
        env = {"NEWSKG_STORE": str(sample_store_dir), **settings}
        return newskg_server(env)

    return start


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, sample_store_template: Path
) -> Iterator[Server]:
    """One read-only server on the sample store, shared by a module's tests."""
    target = tmp_path_factory.mktemp("shared-store") / "store"
    shutil.copytree(sample_store_template, target)
    with newskg_server({"NEWSKG_STORE": str(target)}) as running:
        yield running


@pytest.fixture(scope="module")
def writable_server(
    tmp_path_factory: pytest.TempPathFactory, sample_store_template: Path
) -> Iterator[Server]:
    """A server on its own copy of the sample store that accepts writes with ``TOKEN``."""
    target = tmp_path_factory.mktemp("writable-store") / "store"
    shutil.copytree(sample_store_template, target)
    with newskg_server({"NEWSKG_STORE": str(target), "NEWSKG_API_TOKEN": TOKEN}) as running:
        yield running


# -- Linked Data, articles, exports and UI tests --------------------------------------------------


@pytest.fixture(scope="module")
def localhost_base_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server whose base IRI is its own address (``http://127.0.0.1:<port>/id/``).

    The sample graph is minted under that base, so its IRIs dereference literally: an HTTP GET
    of a resource's IRI reaches this server. ``server.url + "/id/"`` is the base IRI.
    """
    port = free_port()
    base = f"http://127.0.0.1:{port}/id/"
    target = tmp_path_factory.mktemp("localhost-base") / "store"
    store = OxigraphStore(target)
    load_sample(store, IriScheme(base))
    store.flush()
    store.close()
    del store
    env = {"NEWSKG_STORE": str(target), "NEWSKG_BASE_IRI": base}
    with newskg_server(env, port=port) as running:
        yield running


@pytest.fixture(scope="module")
def articles() -> list[ResolvedArticle]:
    """The resolved articles the sample store was written from."""
    return sample_articles(IriScheme(DEFAULT_BASE_IRI))


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    """An HTTP client for the shared read-only server."""
    with httpx.Client(base_url=server.url, timeout=30.0) as http:
        yield http
