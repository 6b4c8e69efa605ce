"""Fixtures for API tests: a store directory holding the sample graph, and live servers on it."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from newskg.iris import IriScheme
from newskg.settings import DEFAULT_BASE_IRI
from newskg.store.oxigraph import OxigraphStore
from sample_data import load_sample
from servers import Server, newskg_server

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
