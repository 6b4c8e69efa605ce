"""``GET /api/health``: is the server up, which store does it use, how many graphs it holds."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from newskg.api.deps import StoreDep
from newskg.store.base import Store

router = APIRouter(tags=["service"])


def store_kind(store: Store) -> str:
    """A short name for the kind of store: ``oxigraph`` for OxigraphStore, ``sparql`` for ..."""
    name = type(store).__name__
    return (name.removesuffix("Store") or name).lower()


@router.get("/api/health", summary="Health of the service and size of its store")
async def health(store: StoreDep) -> dict[str, Any]:
    """``{"status": "ok", "store": kind, "graphs": number of named graphs}``."""
    graphs = await run_in_threadpool(store.named_graphs)
    return {"status": "ok", "store": store_kind(store), "graphs": len(graphs)}
