"""Stores: the embedded Oxigraph store and any SPARQL 1.1 endpoint, behind one interface."""

from __future__ import annotations

from newskg.settings import Settings
from newskg.store.base import DatasetSpec, GraphPayload, QueryOptions, QueryResult, Store


def open_store(settings: Settings) -> Store:
    """The store the settings name: a remote endpoint for an http(s) URL, else a directory."""
    if settings.is_remote:
        from newskg.store.sparql import SparqlStore

        return SparqlStore.from_settings(settings)
    from newskg.store.oxigraph import OxigraphStore

    return OxigraphStore(settings.store_path)


__all__ = ["DatasetSpec", "GraphPayload", "QueryOptions", "QueryResult", "Store", "open_store"]
