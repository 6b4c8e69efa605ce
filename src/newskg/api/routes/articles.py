"""The articles API: ingest an article, list the articles, delete one.

``POST /api/articles`` takes one article (a JSON object like the CLI's ``.json`` files, or plain
text) through the pipeline (extract, resolve, map, validate) off the event loop and stores its
named graph: 201 when the article is new, 200 when it replaced the graph of the same article
(same URL, id or text; never a duplicate). A malformed article is refused with 422
``invalid_input``; a graph that does not conform to the SHACL shapes with 422 ``shacl_violation``
and the validation report as ``detail``, and nothing is written. Writes need the bearer token.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from rdflib import URIRef

from newskg.api.deps import SettingsDep, StoreDep, WriteAccess
from newskg.api.errors import PayloadTooLarge, UnsupportedMediaType
from newskg.api.routes.ui import Links
from newskg.errors import InputError, NotFound, ValidationFailed
from newskg.iris import IriScheme
from newskg.model import Article, ResolvedArticle
from newskg.queries import internal_query
from newskg.settings import Settings
from newskg.sources import article_from_json, article_from_text
from newskg.sparqltext import term_to_sparql, tokens
from newskg.store.base import Store, Term

if TYPE_CHECKING:
    from newskg.ingest import Ingestor

router = APIRouter(prefix="/api/articles", tags=["articles"])

MAX_LIMIT = 200
_KEY_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


# -- listing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticlePage:
    """One page of the article list, newest first."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        """The offset of the next (older) page, if there is one."""
        following = self.offset + self.limit
        return following if following < self.total else None

    @property
    def previous_offset(self) -> int | None:
        """The offset of the previous (newer) page, if there is one."""
        return max(0, self.offset - self.limit) if self.offset > 0 else None


def list_articles(store: Store, *, links: Links, limit: int = 20, offset: int = 0) -> ArticlePage:
    """A page of articles, newest first (by publication date; undated ones last)."""
    index = store.select(internal_query("article-index").text)
    page = [str(row["article"]) for row in index[offset : offset + limit]]
    summaries = _summaries(store, page)
    items = []
    for iri in page:
        details = summaries.get(iri, {})
        items.append(
            {
                "iri": iri,
                "key": iri.rstrip("/").rsplit("/", 1)[-1],
                "page": links.page(iri),
                "headline": _text(details.get("headline")),
                "datePublished": _text(details.get("datePublished")),
                "url": _text(details.get("url")),
                "publisher": _text(details.get("publisher")),
                "reportedBy": _text(details.get("reportedBy")),
                "observations": int(str(details.get("observations", 0))),
                "mentions": int(str(details.get("mentions", 0))),
            }
        )
    return ArticlePage(items=items, total=len(index), limit=limit, offset=offset)


def _summaries(store: Store, iris: Sequence[str]) -> dict[str, dict[str, Term]]:
    """article-summary.rq's row for each article, from one query (not one per article)."""
    if not iris:
        return {}
    sparql = internal_query("article-summary").text
    rows = " ".join(term_to_sparql(URIRef(iri)) for iri in iris)
    brace = next(
        token.start
        for token in tokens(sparql)
        if token.text == "{"  # the query has no PREFIX or FROM clause holding a brace
    )
    sparql = sparql[: brace + 1] + f" VALUES ?article {{ {rows} }} " + sparql[brace + 1 :]
    return {str(row["article"]): row for row in store.select(sparql)}


def _text(term: object) -> str | None:
    return None if term is None or str(term) == "" else str(term)


@router.get("", summary="The ingested articles, newest first, one page at a time")
def get_articles(
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Articles per page.")] = 20,
    offset: Annotated[int, Query(ge=0, description="Articles to skip.")] = 0,
) -> dict[str, Any]:
    """``items`` of one page, ``total`` articles, and ``next``/``previous`` page links."""
    page = list_articles(store, links=Links(settings.base_iri), limit=limit, offset=offset)

    def link(to: int | None) -> str | None:
        if to is None:
            return None
        return str(request.url.include_query_params(limit=limit, offset=to))

    return {
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
        "items": page.items,
        "next": link(page.next_offset),
        "previous": link(page.previous_offset),
    }


# -- ingestion --------------------------------------------------------------------------------


class _Pipeline:
    """One ingestor per store, used by one request at a time (it queues graphs between calls)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ingestor: Ingestor | None = None


_PIPELINES: weakref.WeakKeyDictionary[Store, _Pipeline] = weakref.WeakKeyDictionary()
_PIPELINES_LOCK = threading.Lock()


def _pipeline(store: Store) -> _Pipeline:
    with _PIPELINES_LOCK:
        pipeline = _PIPELINES.get(store)
        if pipeline is None:
            pipeline = _PIPELINES[store] = _Pipeline()
        return pipeline


@dataclass(frozen=True)
class Ingested:
    """What became of a posted article that was stored."""

    resolved: ResolvedArticle
    triples: int
    replaced: bool


def ingest_article(store: Store, article: Article, *, settings: Settings) -> Ingested:
    """Run one article through the pipeline and store its graph (blocking; use a thread).

    Raises InputError when the pipeline cannot read the article and ValidationFailed (with the
    report as a dict in ``detail``) when its graph does not conform; nothing is written then.
    """
    from newskg.ingest import Ingestor, Status, load_entity_index
    from newskg.validation import shapes_with

    pipeline = _pipeline(store)
    with pipeline.lock:
        if pipeline.ingestor is None:
            pipeline.ingestor = Ingestor(
                store, iris=IriScheme(settings.base_iri), shapes=shapes_with(settings.shapes)
            )
        else:
            # Another writer (the CLI on a remote store, a DELETE) may have changed what is known.
            pipeline.ingestor.index = load_entity_index(store)
        ingestor = pipeline.ingestor
        outcome = ingestor.add(article, source="the posted article")
        if outcome.status is Status.REJECTED or outcome.resolved is None:
            report = outcome.report
            message = outcome.error or "the article was rejected"
            if report is not None and not report.conforms:
                raise ValidationFailed(message, detail=report.as_dict())
            raise InputError(message)
        try:
            replaced = store.ask(
                internal_query("graph-exists").text,
                bindings={"graph": URIRef(outcome.resolved.iri)},
            )
            ingestor.flush()
        except BaseException:
            pipeline.ingestor = None  # never keep a graph queued after a failed write
            raise
    return Ingested(outcome.resolved, outcome.triples, replaced)


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"the request body is larger than {limit:,} bytes")
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"the request body is larger than {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def read_article(body: bytes, content_type: str | None) -> Article:
    """An article from a request body: JSON (``application/json``) or ``text/plain``."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if not media:
        media = "application/json" if body.lstrip().startswith(b"{") else "text/plain"
    if media == "application/json" or media.endswith("+json"):
        return article_from_json(body)
    if media == "text/plain":
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(f"the article text is not UTF-8: {error}") from None
        return article_from_text(text)
    raise UnsupportedMediaType(
        f"cannot read an article from {media!r}: send application/json or text/plain"
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Ingest one article (JSON or plain text); needs the bearer token",
    responses={
        200: {"description": "The article replaced its earlier graph."},
        201: {"description": "The article was stored."},
        413: {"description": "The body is larger than NEWSKG_MAX_BODY_BYTES."},
        415: {"description": "Neither JSON nor plain text."},
        422: {"description": "Malformed article, or its graph violates the SHACL shapes."},
    },
)
async def post_article(
    request: Request, settings: SettingsDep, store: StoreDep, _: WriteAccess
) -> JSONResponse:
    """Extract, validate and store one article; the answer lists the figures extracted."""
    body = await _read_body(request, settings.max_body_bytes)
    article = read_article(body, request.headers.get("content-type"))
    article = replace(article, source="api")
    done = await run_in_threadpool(ingest_article, store, article, settings=settings)
    links = Links(settings.base_iri)
    document = describe_ingested(done, links)
    headers = {"Location": links.href(done.resolved.iri)}
    code = status.HTTP_200_OK if done.replaced else status.HTTP_201_CREATED
    return JSONResponse(document, status_code=code, headers=headers)


def describe_ingested(done: Ingested, links: Links) -> dict[str, Any]:
    """The JSON answer to a posted article: its IRI, graph size and what was extracted."""
    resolved = done.resolved
    labels: dict[str, str] = {}
    for agency in resolved.agencies:
        labels[agency.iri] = agency.label
    for person in resolved.people:
        labels[person.iri] = person.name
    for program in resolved.programs:
        labels[program.iri] = program.label
    for place in resolved.places:
        labels[place.iri] = place.label
    for population in resolved.populations:
        labels[population.iri] = population.label

    def ref(iri: str | None) -> dict[str, str | None] | None:
        if iri is None:
            return None
        return {"iri": iri, "label": labels.get(iri), "page": links.page(iri)}

    observations = [
        {
            "iri": observation.iri,
            "value": _number(observation.value),
            "valueMax": _number(observation.value_max),
            "unit": observation.unit,
            "approximate": observation.approximate,
            "status": observation.status.value.lower(),
            "metric": observation.metric,
            "metricAsWritten": observation.metric_label,
            "subject": ref(observation.subject),
            "periodStart": observation.period_start.isoformat()
            if observation.period_start
            else None,
            "periodEnd": observation.period_end.isoformat() if observation.period_end else None,
            "periodLabel": observation.period_label,
            "statedBy": ref(observation.stated_by),
            "reportedBy": ref(observation.reported_by),
            "program": ref(observation.program),
            "place": ref(observation.place),
            "partOf": observation.part_of,
            "evidence": observation.evidence,
            "equivalents": [
                {
                    "value": _number(amount.value),
                    "unit": amount.unit,
                    "approximate": amount.approximate,
                }
                for amount in observation.equivalents
            ],
        }
        for observation in resolved.observations
    ]
    article = resolved.article
    return {
        "article": resolved.iri,
        "key": resolved.iri.rstrip("/").rsplit("/", 1)[-1],
        "page": links.page(resolved.iri),
        "status": "replaced" if done.replaced else "created",
        "headline": article.headline,
        "datePublished": article.date_published.isoformat() if article.date_published else None,
        "url": article.url,
        "triples": done.triples,
        "observations": observations,
        "agencies": [ref(agency.iri) for agency in resolved.agencies],
        "people": [ref(person.iri) for person in resolved.people],
        "programs": [ref(program.iri) for program in resolved.programs],
        "places": [ref(place.iri) for place in resolved.places],
        "roles": [
            {
                "person": ref(role.person),
                "agency": ref(role.agency),
                "title": role.title,
                "asWritten": role.label,
            }
            for role in resolved.roles
        ],
    }


def _number(value: object) -> str | None:
    """A decimal as a JSON string (exact; "15000000000000"), or None."""
    if value is None:
        return None
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


# -- deletion ---------------------------------------------------------------------------------


@router.delete(
    "/{key}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove an article's named graph (everything extracted from it)",
    responses={404: {"description": "No article with this key."}},
)
async def delete_article(
    key: str, settings: SettingsDep, store: StoreDep, _: WriteAccess
) -> Response:
    """Delete the graph of the article ``{base}article/{key}``."""
    if not key or not set(key) <= _KEY_CHARACTERS:
        raise NotFound(f"no article {key!r}")
    iri = IriScheme(settings.base_iri).article(key)

    def remove() -> bool:
        with _pipeline(store).lock:
            return store.delete_graph(iri)

    if not await run_in_threadpool(remove):
        raise NotFound(f"no article {iri}")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
