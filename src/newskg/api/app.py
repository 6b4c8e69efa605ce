"""The API application: ``create_app()`` builds it; ``uvicorn --factory newskg.api.app:create_app``.

Settings come from ``NEWSKG_*`` variables unless given. The store is opened when the app starts
(with its query worker processes, see :mod:`newskg.store.workers`) and closed when it stops,
unless a store is given, which the caller then owns.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import newskg
from newskg.api.errors import CatchUnexpected, PayloadTooLarge, envelope, install_error_handlers
from newskg.api.routes import articles, exports, health, linked_data, queries, sparql, ui
from newskg.queries import NamedQuery, load_queries
from newskg.settings import Settings
from newskg.store import Store, open_store
from newskg.store.oxigraph import OxigraphStore

#: The API's routers, in the order they are matched. Named-query routes are added per query file
#: by :func:`create_app`.
ROUTERS: list[APIRouter] = [
    health.router,
    sparql.router,
    queries.router,
    articles.router,
    exports.router,
    ui.router,
    linked_data.router,
]


def create_app(
    settings: Settings | None = None,
    *,
    store: Store | None = None,
    named_queries: Mapping[str, NamedQuery] | None = None,
) -> FastAPI:
    """The newskg API; ``store`` (owned by the caller) replaces the one the settings name."""
    settings = settings or Settings()
    published = dict(named_queries if named_queries is not None else load_queries())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        opened = store is None
        current = store if store is not None else await run_in_threadpool(_open, settings)
        app.state.store = current
        try:
            yield
        finally:
            if opened:
                await run_in_threadpool(current.close)

    app = FastAPI(
        title="newskg",
        version=getattr(newskg, "__version__", "0"),
        summary="A knowledge graph of what public agencies say they plan and achieve, "
        "from news articles",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.queries = published
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    app.include_router(queries.named_query_router(published))
    # Added innermost first: CORS wraps everything, so that browsers can read error bodies too.
    app.add_middleware(CatchUnexpected)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Authorization", "Content-Type"],
    )
    return app


def _open(settings: Settings) -> Store:
    """The settings' store, with query worker processes for an on-disk Oxigraph store."""
    opened = open_store(settings)
    if isinstance(opened, OxigraphStore):
        opened.start_query_workers(settings.query_workers)
    return opened


class BodyLimit:
    """ASGI middleware: 413 for a request body over ``max_bytes``, without reading more of it.

    A declared Content-Length over the limit is refused before the app sees the request; a
    chunked body is counted as it is read and refused once it passes the limit.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length":
                if not value.isdigit():
                    response = envelope(400, "bad_request", "Content-Length is not a number")
                    await response(scope, receive, send)
                    return
                if int(value) > self.max_bytes:
                    await self._too_large()(scope, receive, send)
                    return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise PayloadTooLarge(self._message())
            return message

        await self.app(scope, counted, send)

    def _message(self) -> str:
        return f"the request body is larger than the limit of {self.max_bytes} bytes"

    def _too_large(self) -> ASGIApp:
        return envelope(413, PayloadTooLarge.code, self._message())
