"""``/sparql``: a SPARQL 1.1 Protocol endpoint (query, update, service description).

Queries come by GET, by POST as a form or as ``application/sparql-query``; updates by POST as a
form or as ``application/sparql-update``, and only with the bearer token. The dataset may be
given with ``default-graph-uri``/``named-graph-uri`` (``using-graph-uri``/``using-named-graph-uri``
for updates); without it the default graph is the union of all named graphs. Results are
negotiated by Accept, or chosen with ``format`` (json, xml, csv, tsv, ttl, nt, jsonld, rdfxml).
A GET without a query answers with the service description.

The request is checked before anything runs: SERVICE (and, in updates, LOAD) may only call hosts
of ``Settings.service_allow``; each query has ``Settings.query_timeout`` seconds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from fastapi import APIRouter, Request, Response
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS
from starlette.concurrency import run_in_threadpool

from newskg.api.deps import SettingsDep, StoreDep, check_write_access
from newskg.api.errors import BadRequest, UnsupportedMediaType
from newskg.errors import NotAcceptable, QueryError, QueryRefused
from newskg.formats import (
    CSV,
    GRAPH_FORMATS,
    JSON_LD,
    N_TRIPLES,
    RDF_XML,
    RESULT_FORMATS,
    SPARQL_JSON,
    SPARQL_XML,
    TSV,
    TURTLE,
    Format,
    by_name,
    negotiate,
    parse_accept,
)
from newskg.settings import Settings
from newskg.sparqltext import (
    group_depths,
    keyword_targets,
    service_targets,
    term_to_sparql,
    tokens,
)
from newskg.store.base import DatasetSpec, QueryOptions, QueryResult, Store

router = APIRouter(tags=["sparql"])

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"

#: ``format`` values beyond the formats' short names and media types, as browsers and clients
#: (SPARQLWrapper sends its return format this way) write them. Where a value names two formats,
#: the query's kind (and the Accept header) chooses between them.
_FORMAT_NAMES: dict[str, tuple[Format, ...]] = {
    "json": (SPARQL_JSON, JSON_LD),
    "xml": (SPARQL_XML, RDF_XML),
    "turtle": (TURTLE,),
    "n3": (TURTLE, N_TRIPLES),
    "ntriples": (N_TRIPLES,),
    "n-triples": (N_TRIPLES,),
    "json-ld": (JSON_LD,),
    "rdf": (RDF_XML,),
    "rdf+xml": (RDF_XML,),
}
_FORMAT_IRIS: dict[Format, URIRef] = {
    SPARQL_JSON: FORMATS.SPARQL_Results_JSON,
    SPARQL_XML: FORMATS.SPARQL_Results_XML,
    CSV: FORMATS.SPARQL_Results_CSV,
    TSV: FORMATS.SPARQL_Results_TSV,
    TURTLE: FORMATS.Turtle,
    N_TRIPLES: FORMATS["N-Triples"],
    JSON_LD: FORMATS["JSON-LD"],
    RDF_XML: FORMATS.RDF_XML,
}
_RDFLIB_FORMATS = {TURTLE: "turtle", N_TRIPLES: "nt", JSON_LD: "json-ld", RDF_XML: "xml"}
#: The service description lists at most this many named graphs.
MAX_LISTED_GRAPHS = 1000

_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LINE_ONE_POSITION = re.compile(r"error at 1:(\d+)")

Params = list[tuple[str, str]]

_OPENAPI: dict[str, Any] = {
    "parameters": [
        {"name": "query", "in": "query", "schema": {"type": "string"}, "description": "A query."},
        {
            "name": "default-graph-uri",
            "in": "query",
            "schema": {"type": "array", "items": {"type": "string", "format": "uri"}},
            "description": "Graphs whose merge is the default graph (repeatable).",
        },
        {
            "name": "named-graph-uri",
            "in": "query",
            "schema": {"type": "array", "items": {"type": "string", "format": "uri"}},
            "description": "Named graphs of the dataset (repeatable).",
        },
        {
            "name": "format",
            "in": "query",
            "schema": {
                "type": "string",
                "enum": ["json", "xml", "csv", "tsv", "ttl", "nt", "jsonld", "rdfxml"],
            },
            "description": "The result format, instead of the Accept header.",
        },
    ],
}
_OPENAPI_POST: dict[str, Any] = {
    "parameters": _OPENAPI["parameters"]
    + [
        {
            "name": name,
            "in": "query",
            "schema": {"type": "array", "items": {"type": "string", "format": "uri"}},
            "description": "Update dataset (repeatable).",
        }
        for name in ("using-graph-uri", "using-named-graph-uri")
    ],
    "requestBody": {
        "required": True,
        "content": {
            FORM: {
                "schema": {
                    "type": "object",
                    "properties": {"query": {"type": "string"}, "update": {"type": "string"}},
                }
            },
            SPARQL_QUERY: {"schema": {"type": "string"}},
            SPARQL_UPDATE: {"schema": {"type": "string"}},
        },
    },
}


@router.get(
    "/sparql",
    summary="SPARQL query (or the service description without a query)",
    openapi_extra=_OPENAPI,
    response_class=Response,
)
async def sparql_get(request: Request, settings: SettingsDep, store: StoreDep) -> Response:
    """Run the ``query`` parameter; without one, describe the service."""
    params = request.query_params.multi_items()
    if _values(params, "update"):
        raise BadRequest("a SPARQL Update must be sent with POST")
    queries = _values(params, "query")
    if not queries:
        return await _describe_service(request, settings, store, params)
    if len(queries) > 1:
        raise BadRequest("the request holds more than one query")
    return await _query(request, settings, store, queries[0], params)


@router.post(
    "/sparql",
    summary="SPARQL query or update (updates need the bearer token)",
    openapi_extra=_OPENAPI_POST,
    response_class=Response,
)
async def sparql_post(request: Request, settings: SettingsDep, store: StoreDep) -> Response:
    """Run the query or update of a form, ``application/sparql-query`` or ``-update`` body."""
    media, charset = _content_type(request.headers.get("content-type"))
    params = request.query_params.multi_items()
    if media not in (FORM, SPARQL_QUERY, SPARQL_UPDATE):
        raise UnsupportedMediaType(
            f"POST a query or update as {FORM}, {SPARQL_QUERY} or {SPARQL_UPDATE}"
            + (f", not {media}" if media else "")
        )
    if charset not in (None, "utf-8", "utf8"):
        raise UnsupportedMediaType(f"the request body must be UTF-8, not {charset}")
    body = _decode(await request.body())
    if media == FORM:
        try:
            params = params + parse_qsl(body, keep_blank_values=True, errors="strict")
        except UnicodeDecodeError:
            raise BadRequest("the form is not UTF-8 once percent-decoded") from None
        queries, updates = _values(params, "query"), _values(params, "update")
    else:
        if _values(params, "query") or _values(params, "update"):
            raise BadRequest(f"a {media} request takes its operation from the body only")
        queries, updates = ([body], []) if media == SPARQL_QUERY else ([], [body])
    if queries and updates:
        raise BadRequest("a request holds either a query or an update, not both")
    if len(queries) > 1 or len(updates) > 1:
        raise BadRequest(f"the request holds more than one {'query' if queries else 'update'}")
    if queries:
        return await _query(request, settings, store, queries[0], params)
    if updates:
        return await _update(request, settings, store, updates[0], params)
    raise BadRequest("the form has neither a query nor an update parameter")


# -- queries -----------------------------------------------------------------------------------


async def _query(
    request: Request, settings: Settings, store: Store, sparql: str, params: Params
) -> Response:
    check_outgoing(sparql, settings.service_allow)
    text, shift = with_base(sparql, _endpoint(request))
    options = QueryOptions(
        accept=requested_formats(request.headers.get("accept"), params),
        dataset=DatasetSpec(_iris(params, "default-graph-uri"), _iris(params, "named-graph-uri")),
        timeout=settings.query_timeout,
    )
    try:
        result = await run_in_threadpool(store.query, text, options)
    except QueryError as error:
        raise _unshifted(error, shift) from None
    return result_response(result, vary=not _values(params, "format"))


def requested_formats(accept: str | None, params: Params) -> tuple[str, ...]:
    """Media ranges to negotiate with: the ``format`` parameter's, else the Accept header's.

    ``format`` may be given several times and hold comma-separated names or media types (as
    SPARQLWrapper sends it): the first one newskg knows counts. When it allows several formats,
    those the Accept header prefers come first.
    """
    ranked = parse_accept(accept)
    values = _values(params, "format")
    if not values:
        return tuple(ranked)
    formats = _named_formats(values)
    if not formats:
        offered = "json, xml, csv, tsv, ttl, nt, jsonld, rdfxml"
        raise NotAcceptable(f"unknown format {values[0]!r} (formats: {offered})")
    ordered = sorted(formats, key=lambda fmt: _rank(ranked, fmt))
    return tuple(fmt.media_type for fmt in ordered)


def _named_formats(values: Sequence[str]) -> tuple[Format, ...]:
    """The formats the first known name among ``values`` stands for (none if none is known)."""
    for value in values:
        for piece in value.split(","):
            name = piece.split(";")[0].strip().lower()
            formats = _FORMAT_NAMES.get(name) or _single(
                by_name(name, RESULT_FORMATS + GRAPH_FORMATS)
            )
            if formats:
                return formats
    return ()


def _rank(ranked: Sequence[str], fmt: Format) -> int:
    """Position of the first media range in ``ranked`` that allows ``fmt`` (len if none)."""
    for position, media in enumerate(ranked):
        if negotiate([media], (fmt,)) is fmt:
            return position
    return len(ranked)


def result_response(result: QueryResult, *, vary: bool = True) -> Response:
    """The HTTP response carrying a query result as the store serialised it."""
    headers = {"Vary": "Accept"} if vary else None
    return Response(result.body, media_type=result.format.media_type, headers=headers)


def _single(fmt: Format | None) -> tuple[Format, ...]:
    return (fmt,) if fmt is not None else ()


# -- updates -----------------------------------------------------------------------------------


async def _update(
    request: Request, settings: Settings, store: Store, sparql: str, params: Params
) -> Response:
    check_write_access(request, settings)
    check_outgoing(sparql, settings.service_allow, update=True)
    rewritten = with_using(
        sparql, _iris(params, "using-graph-uri"), _iris(params, "using-named-graph-uri")
    )
    text, shift = with_base(rewritten, _endpoint(request))
    try:
        await run_in_threadpool(store.update, text)
    except QueryError as error:
        raise _unshifted(error, shift) from None
    return Response(status_code=204)


def with_using(update: str, using: Sequence[str], using_named: Sequence[str]) -> str:
    """The update with the protocol's update dataset as USING clauses on each operation.

    Raise BadRequest when the update has its own USING or WITH (the protocol forbids both).
    """
    if not using and not using_named:
        return update
    stream = list(tokens(update))
    if any(token.kind == "word" and token.text.upper() in ("USING", "WITH") for token in stream):
        raise BadRequest(
            "using-graph-uri and using-named-graph-uri cannot be combined with USING or WITH "
            "in the update"
        )
    clause = " ".join(
        [f"USING {term_to_sparql(URIRef(iri))}" for iri in using]
        + [f"USING NAMED {term_to_sparql(URIRef(iri))}" for iri in using_named]
    )
    edits: list[tuple[int, int, str]] = []
    for index, token, depth in group_depths(stream):
        if depth == 0 and token.kind == "word" and token.text.upper() == "WHERE":
            before = stream[index - 1] if index else None
            if before is not None and before.kind == "word" and before.text.upper() == "DELETE":
                # DELETE WHERE {P} takes no USING: write it as DELETE {P} USING ... WHERE {P}.
                pattern = update[stream[index + 1].start : _closing(stream, index + 1) + 1]
                edits.append((token.start, token.start + 5, f"{pattern} {clause} WHERE"))
            else:
                edits.append((token.start, token.start, f"{clause} "))
    for start, end, text in reversed(edits):
        update = update[:start] + text + update[end:]
    return update


def _closing(stream: Sequence[Any], opening: int) -> int:
    """Offset of the ``}`` that closes the ``{`` at ``stream[opening]``."""
    if opening >= len(stream) or stream[opening].text != "{":
        raise QueryError("DELETE WHERE must be followed by a group { ... }")
    depth = 0
    for token in stream[opening:]:
        if token.text == "{":
            depth += 1
        elif token.text == "}":
            depth -= 1
            if depth == 0:
                return int(token.start)
    raise QueryError("unbalanced braces in the update")


# -- checks before running -----------------------------------------------------------------------


def check_outgoing(sparql: str, allow: Sequence[str], *, update: bool = False) -> None:
    """Refuse SERVICE (and LOAD, in updates) to hosts outside ``allow``, and to variables."""
    allowed = {host.lower() for host in allow}
    calls = [("SERVICE", target) for target in service_targets(sparql)]
    if update:
        calls += [("LOAD", target) for target in keyword_targets(sparql, "LOAD")]
    for keyword, target in calls:
        if target.startswith(("?", "$")):
            raise QueryRefused(
                f"{keyword} with a variable endpoint ({target}) is not allowed",
                detail={"endpoint": target},
            )
        parts = urlsplit(target)
        host = (parts.hostname or "").lower()
        if parts.scheme.lower() not in ("http", "https") or not host:
            raise QueryRefused(
                f"{keyword} <{target}> is refused: only absolute http(s) IRIs of allowed hosts",
                detail={"endpoint": target},
            )
        if host not in allowed and parts.netloc.lower() not in allowed:
            raise QueryRefused(
                f"{keyword} <{target}> is refused: {host} is not in NEWSKG_SERVICE_ALLOW",
                detail={"endpoint": target, "allowed": sorted(allowed)},
            )


def with_base(sparql: str, base: str) -> tuple[str, int]:
    """The text with ``BASE <base>`` in front when it has relative IRIs, and the added length.

    The protocol lets the service choose the base IRI; without one Oxigraph refuses relative
    IRIs. The declaration goes on the first line so that only that line's columns move.
    """
    for token in tokens(sparql):
        if token.kind == "iri" and not _ABSOLUTE_IRI.match(token.text[1:-1]):
            prefix = f"BASE <{base}> "
            return prefix + sparql, len(prefix)
    return sparql, 0


def _unshifted(error: QueryError, shift: int) -> QueryError:
    """The parser's error with line-1 positions as the client wrote them."""
    if not shift:
        return error
    message = _LINE_ONE_POSITION.sub(
        lambda match: f"error at 1:{max(int(match[1]) - shift, 1)}", error.message
    )
    return QueryError(message, detail=error.detail)


# -- the service description -----------------------------------------------------------------------


async def _describe_service(
    request: Request, settings: Settings, store: Store, params: Params
) -> Response:
    accepted = requested_formats(request.headers.get("accept"), params)
    fmt = negotiate(list(accepted), GRAPH_FORMATS)
    if fmt is None:
        offered = ", ".join(fmt.media_type for fmt in GRAPH_FORMATS)
        raise NotAcceptable(f"the service description is available as {offered}")
    graphs = await run_in_threadpool(store.named_graphs)
    graph = service_description(_endpoint(request), settings, graphs)
    body = graph.serialize(format=_RDFLIB_FORMATS[fmt], encoding="utf-8")
    return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})


def service_description(endpoint: str, settings: Settings, graphs: Sequence[str]) -> Graph:
    """A SPARQL 1.1 Service Description of this endpoint and its default dataset."""
    graph = Graph()
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS)
    service = URIRef(endpoint)
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, RDFS.label, Literal("newskg SPARQL endpoint")))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if settings.api_token is not None:
        graph.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    for fmt in RESULT_FORMATS + GRAPH_FORMATS:
        graph.add((service, SD.resultFormat, _FORMAT_IRIS[fmt]))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    if settings.service_allow:
        graph.add((service, SD.feature, SD.BasicFederatedQuery))
    graph.add(
        (service, SD.defaultEntailmentRegime, URIRef("http://www.w3.org/ns/entailment/Simple"))
    )
    dataset, default = BNode(), BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    graph.add((default, DCTERMS.description, Literal("The union of all named graphs.")))
    for name in graphs[:MAX_LISTED_GRAPHS]:
        named = BNode()
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, RDF.type, SD.NamedGraph))
        graph.add((named, SD.name, URIRef(name)))
    return graph


# -- request parsing ----------------------------------------------------------------------------


def _values(params: Params, name: str) -> list[str]:
    return [value for key, value in params if key == name]


def _iris(params: Params, name: str) -> tuple[str, ...]:
    """The values of an IRI parameter; BadRequest for one that is not an absolute IRI."""
    values = _values(params, name)
    for value in values:
        if not _ABSOLUTE_IRI.match(value) or _IRI_FORBIDDEN.search(value):
            raise BadRequest(f"{name} must be an absolute IRI, not {value!r}")
    return tuple(values)


def _content_type(header: str | None) -> tuple[str, str | None]:
    """The media type and charset of a Content-Type header (lower case)."""
    if not header:
        return "", None
    media, *parameters = (part.strip() for part in header.split(";"))
    charset = None
    for parameter in parameters:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media.lower(), charset


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("the request body is not valid UTF-8") from None


def _endpoint(request: Request) -> str:
    """The endpoint's own IRI, as the client addressed it."""
    return str(request.url.replace(query="", fragment=""))
