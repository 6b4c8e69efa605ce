"""Helpers shared by the store tests (conftest holds only fixtures)."""

from __future__ import annotations

from typing import Any

from newskg.iris import IriScheme
from newskg.settings import DEFAULT_BASE_IRI
from newskg.store.base import GraphPayload
from newskg.store.sparql import SparqlStore

IRIS = IriScheme(DEFAULT_BASE_IRI)
EX = "https://example.org/"


def remote_store(url: str, **options: Any) -> SparqlStore:
    """A SparqlStore on an `oxigraph serve` (or a proxy in front of one) at ``url``."""
    return SparqlStore(f"{url}/query", update_url=f"{url}/update", **options)


def payload(iri: str, count: int, *, tag: str = "v") -> GraphPayload:
    """A graph of ``count`` triples whose objects carry ``tag``."""
    lines = [f'<{EX}s{index}> <{EX}p> "{tag}{index}" .\n' for index in range(count)]
    return GraphPayload(iri, "".join(lines).encode())
