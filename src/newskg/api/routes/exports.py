"""Exports over HTTP: the whole dataset as RDF (streamed) and the graph projection.

``GET /api/export?format=nq|trig|ttl|nt|jsonld|rdfxml`` streams the store's dump (quad formats
keep each article's named graph; triple formats give the union graph) while the store writes it,
so a large store is never held in memory. ``GET /api/graph?format=json|graphml|gexf`` returns the
network projection of :mod:`newskg.exports`, optionally only the part around ``focus``.
"""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import AsyncIterator
from typing import Annotated, BinaryIO, cast

import anyio
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response, StreamingResponse

from newskg.api.deps import SettingsDep, StoreDep
from newskg.errors import InputError, NotAcceptable
from newskg.exports import GRAPH_FORMATS as PROJECTION_FORMATS
from newskg.exports import graph_bytes, graph_format, neighbourhood, project
from newskg.formats import (
    DATASET_FORMATS,
    GRAPH_FORMATS,
    N_QUADS,
    Format,
    by_name,
    negotiate,
    parse_accept,
)
from newskg.store.base import Store

router = APIRouter(prefix="/api", tags=["exports"])

#: Formats of the dataset export: quads first (the default), then the union graph as triples.
EXPORT_FORMATS: tuple[Format, ...] = (
    *DATASET_FORMATS,
    *(fmt for fmt in GRAPH_FORMATS if fmt not in DATASET_FORMATS),
)
_CHUNK = 256 * 1024
_DONE = object()


@router.get(
    "/export",
    summary="The whole dataset as RDF, streamed",
    response_class=StreamingResponse,
    responses={200: {"content": {fmt.media_type: {} for fmt in EXPORT_FORMATS}}},
)
def export_dataset(
    request: Request,
    store: StoreDep,
    format_name: Annotated[
        str | None,
        Query(alias="format", description="nq (default), trig, ttl, nt, jsonld or rdfxml."),
    ] = None,
) -> StreamingResponse:
    """Dump every named graph (N-Quads, TriG, JSON-LD) or the union graph (Turtle, ...)."""
    fmt = _export_format(format_name, request.headers.get("accept"))
    headers = {"Content-Disposition": f'attachment; filename="newskg.{fmt.extension}"'}
    return StreamingResponse(stream_export(store, fmt), media_type=fmt.media_type, headers=headers)


def _export_format(name: str | None, accept: str | None) -> Format:
    known = ", ".join(fmt.name for fmt in EXPORT_FORMATS)
    if name:
        fmt = by_name(name, EXPORT_FORMATS)
        if fmt is None:
            raise InputError(f"unknown export format {name!r} (formats: {known})")
        return fmt
    fmt = negotiate(parse_accept(accept), (N_QUADS, *EXPORT_FORMATS[1:]))
    if fmt is None:
        raise NotAcceptable(f"the export is available as {known}")
    return fmt


class _QueueWriter(io.RawIOBase):
    """A binary stream whose writes go, in chunks, into a bounded queue (backpressure)."""

    def __init__(self, chunks: queue.Queue[object], cancelled: threading.Event) -> None:
        super().__init__()
        self._chunks = chunks
        self._cancelled = cancelled
        self._buffer = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        view = memoryview(data)  # type: ignore[arg-type]
        self._buffer += view
        if len(self._buffer) >= _CHUNK:
            self.push()
        return view.nbytes

    def push(self) -> None:
        """Hand the buffered bytes to the reader, waiting while the queue is full."""
        if not self._buffer:
            return
        chunk = bytes(self._buffer)
        self._buffer.clear()
        while True:
            if self._cancelled.is_set():
                raise _Cancelled
            try:
                self._chunks.put(chunk, timeout=0.2)
                return
            except queue.Full:
                continue


class _Cancelled(Exception):
    """The client went away: stop writing the export."""


async def stream_export(store: Store, fmt: Format) -> AsyncIterator[bytes]:
    """The store's export as chunks, produced by a thread while they are sent."""
    chunks: queue.Queue[object] = queue.Queue(maxsize=8)
    cancelled = threading.Event()

    def produce() -> None:
        writer = _QueueWriter(chunks, cancelled)
        try:
            store.export(cast(BinaryIO, writer), fmt)
            writer.push()
            outcome: object = _DONE
        except _Cancelled:
            return
        except BaseException as error:  # handed to the reader, which re-raises it
            outcome = error
        while not cancelled.is_set():
            try:
                chunks.put(outcome, timeout=0.2)
                return
            except queue.Full:
                continue

    producer = threading.Thread(target=produce, name="newskg-export", daemon=True)
    producer.start()
    try:
        while True:
            try:
                item = await anyio.to_thread.run_sync(_next_chunk, chunks)
            except queue.Empty:
                if not producer.is_alive() and chunks.empty():
                    raise RuntimeError("the export stopped without finishing") from None
                continue
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            assert isinstance(item, bytes)
            yield item
    finally:
        cancelled.set()


def _next_chunk(chunks: queue.Queue[object]) -> object:
    """The next item, waiting at most a second (so no worker thread waits forever)."""
    return chunks.get(timeout=1.0)


@router.get(
    "/graph",
    summary="The graph projection (nodes and edges) as JSON node-link, GraphML or GEXF",
    responses={200: {"content": {fmt.media_type: {} for fmt in PROJECTION_FORMATS}}},
)
def graph_projection(
    store: StoreDep,
    settings: SettingsDep,
    format_name: Annotated[
        str, Query(alias="format", description="json (default), graphml or gexf.")
    ] = "json",
    focus: Annotated[
        str | None,
        Query(max_length=2000, description="Only the part around this resource (an IRI)."),
    ] = None,
    depth: Annotated[int, Query(ge=1, le=2, description="Steps from focus (1 or 2).")] = 1,
    observations: Annotated[
        bool, Query(description="One node per reported figure (observation).")
    ] = False,
) -> Response:
    """Agencies, people, programs, places, populations, articles (and figures) and their links."""
    fmt = graph_format(format_name)
    graph = project(store, observations=observations)
    if focus:
        graph = neighbourhood(graph, focus.strip(), depth=depth)
    graph.graph["base"] = settings.base_iri
    headers = {}
    if fmt.name != "json":
        headers["Content-Disposition"] = f'attachment; filename="newskg.{fmt.extension}"'
    return Response(graph_bytes(graph, fmt), media_type=fmt.media_type, headers=headers)
