"""Linked Data: every resource IRI under the base IRI dereferences to an HTML page or RDF.

With ``NEWSKG_BASE_IRI=http://localhost:8000/id/`` the IRI ``http://localhost:8000/id/agency/eio``
is served at ``/id/agency/eio``; with the default ``https://w3id.org/newskg/id/`` the same path
``/id/agency/eio`` serves ``https://w3id.org/newskg/id/agency/eio`` (see docs/linked-data.md).
Terms of newskg's vocabulary (ontology, metrics, units), which are not under the base, have pages
at ``/resource?iri=…``.

The representation is chosen by the ``format`` query parameter (``html``, ``ttl``, ``nt``,
``jsonld``, ``rdfxml`` or a media type), else by the Accept header: HTML for browsers, Turtle for
``*/*``, and Turtle, N-Triples, JSON-LD or RDF/XML when asked for. The RDF is the resource's
description (queries/internal/describe.rq: its own triples and those that point at it); the page
adds labels, the figures about the resource, a person's roles, an article's text and mentions.
Every query is a file of queries/internal/ with the IRI bound as a parameter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, TypeVar

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from rdflib import Literal, URIRef
from starlette.convertors import Convertor, register_url_convertor

from newskg.api.deps import SettingsDep, StoreDep
from newskg.api.routes.ui import Links, compact, format_number, render, wants_html
from newskg.errors import InputError, NotAcceptable, NotFound
from newskg.formats import (
    GRAPH_FORMATS,
    JSON_LD,
    N_TRIPLES,
    RDF_XML,
    TURTLE,
    Format,
    by_name,
    negotiate,
    parse_accept,
)
from newskg.iris import KINDS, IriScheme
from newskg.namespaces import NKG, PREFIXES, PROV, RDF, RDFS, SDO, SKOS
from newskg.queries import internal_query
from newskg.settings import Settings
from newskg.sparqltext import bind_into_subqueries
from newskg.store.base import QueryOptions, Store, Term

HTML = "html"
_OX_FORMATS = {
    TURTLE: ox.RdfFormat.TURTLE,
    N_TRIPLES: ox.RdfFormat.N_TRIPLES,
    JSON_LD: ox.RdfFormat.JSON_LD,
    RDF_XML: ox.RdfFormat.RDF_XML,
}
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LABELS = (SKOS.prefLabel, SDO.name, RDFS.label, SDO.headline)
_KIND_CLASSES = {
    "article": {str(NKG.Article)},
    "agency": {str(NKG.Agency), str(NKG.NewsAgency)},
    "person": {str(NKG.Person)},
    "role": {str(NKG.Role)},
    "program": {str(NKG.Program)},
    "place": {str(NKG.Place), str(NKG.Country), str(NKG.Province), str(NKG.City)},
    "population": {str(NKG.Population)},
    "observation": {str(NKG.Observation)},
}
#: Literals longer than this are folded in the property table.
_LONG_TEXT = 280


class _KindConvertor(Convertor[str]):
    """A path segment that is one of the resource kinds (agency, person, ...)."""

    regex = "|".join(KINDS)

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


class _PrefixConvertor(Convertor[str]):
    """The path of the base IRI before the kind; the shortest match, so the first kind wins."""

    regex = ".*?"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("newskg_kind", _KindConvertor())
register_url_convertor("newskg_prefix", _PrefixConvertor())

router = APIRouter(tags=["linked data"])


_Endpoint = TypeVar("_Endpoint", bound=Callable[..., Any])


def _get_and_head(path: str, **options: Any) -> Callable[[_Endpoint], _Endpoint]:
    """Serve GET and HEAD on ``path``; only GET is in the OpenAPI document, where one
    operation per path keeps operation ids unique."""

    def register(endpoint: _Endpoint) -> _Endpoint:
        router.head(path, response_model=None, include_in_schema=False)(endpoint)
        return router.get(path, **options)(endpoint)

    return register


FormatParam = Annotated[
    str | None,
    Query(
        alias="format",
        description="html, ttl, nt, jsonld or rdfxml (or a media type); overrides Accept.",
    ),
]


@_get_and_head(
    "/{prefix:newskg_prefix}/{kind:newskg_kind}/{key:path}",
    summary="A resource under the base IRI, as an HTML page or RDF",
    response_model=None,
)
def resource_under_base(
    request: Request,
    prefix: str,
    kind: str,
    key: str,
    settings: SettingsDep,
    store: StoreDep,
    format_name: FormatParam = None,
) -> Response:
    """Dereference ``{base}{kind}/{key}`` (served at the base IRI's path)."""
    return _dereference(request, "/" + prefix + "/", kind, key, settings, store, format_name)


@_get_and_head(
    "/{kind:newskg_kind}/{key:path}",
    summary="A resource, when the base IRI has no path",
    response_model=None,
    include_in_schema=False,
)
def resource_at_root(
    request: Request,
    kind: str,
    key: str,
    settings: SettingsDep,
    store: StoreDep,
    format_name: FormatParam = None,
) -> Response:
    """Dereference ``{base}{kind}/{key}`` for a base IRI whose path is ``/``."""
    return _dereference(request, "/", kind, key, settings, store, format_name)


@_get_and_head(
    "/resource",
    summary="Any resource of the store by its IRI (vocabulary terms, other bases)",
    response_model=None,
)
def resource_by_iri(
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    iri: Annotated[str, Query(max_length=2000, description="The resource's IRI.")],
    format_name: FormatParam = None,
) -> Response:
    """Describe any IRI the store has triples about, as HTML or RDF."""
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", iri) or _IRI_FORBIDDEN.search(iri):
        raise InputError(f"not an IRI: {iri!r}")
    return _respond(request, iri, settings, store, format_name)


def _dereference(
    request: Request,
    path: str,
    kind: str,
    key: str,
    settings: SettingsDep,
    store: Store,
    format_name: str | None,
) -> Response:
    links = Links(settings.base_iri)
    if path != links.base_path or not key or _IRI_FORBIDDEN.search(key):
        return _not_found(request, f"no resource at {request.url.path}", settings)
    return _respond(request, f"{settings.base_iri}{kind}/{key}", settings, store, format_name)


def _respond(
    request: Request, iri: str, settings: Settings, store: Store, format_name: str | None
) -> Response:
    chosen = choose_representation(request, format_name)
    if chosen == HTML:
        page = build_page(store, iri, links=Links(settings.base_iri))
        if page is None:
            return _not_found(request, f"nothing is known about {iri}", settings)
        return render(
            request,
            "resource.html",
            {"page": page},
            settings=settings,
            headers={"Vary": "Accept"},
        )
    assert isinstance(chosen, Format)
    triples = describe(store, iri)
    if not triples:
        raise NotFound(f"nothing is known about {iri}")
    body = serialize(triples, chosen)
    media_type = chosen.media_type
    if chosen is not JSON_LD and chosen is not RDF_XML:
        media_type += "; charset=utf-8"
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


def choose_representation(request: Request, format_name: str | None) -> Format | str:
    """``"html"`` or the RDF format the request asks for; raise NotAcceptable otherwise."""
    offered = ", ".join(("html", *(fmt.name for fmt in GRAPH_FORMATS)))
    if format_name:
        if format_name.strip().lower() in (HTML, "text/html"):
            return HTML
        fmt = by_name(format_name, GRAPH_FORMATS)
        if fmt is None:
            raise InputError(f"unknown format {format_name!r} (formats: {offered})")
        return fmt
    for media in parse_accept(request.headers.get("accept")):
        if media in ("text/html", "application/xhtml+xml"):
            return HTML
        fmt = negotiate([media], GRAPH_FORMATS)
        if fmt is not None:
            return fmt
    types = ", ".join(("text/html", *(fmt.media_type for fmt in GRAPH_FORMATS)))
    raise NotAcceptable(f"a resource is available as {types}")


def _not_found(request: Request, message: str, settings: Settings) -> Response:
    if wants_html(request):
        return render(
            request, "not_found.html", {"message": message}, settings=settings, status_code=404
        )
    raise NotFound(message)


# -- RDF --------------------------------------------------------------------------------------


def describe(store: Store, iri: str) -> list[ox.Triple]:
    """The resource's own triples, then the triples that point at it, in a stable order."""
    result = store.query(
        internal_query("describe").text,
        QueryOptions(accept=(N_TRIPLES.media_type,), bindings={"resource": URIRef(iri)}),
    )
    triples = [quad.triple for quad in ox.parse(result.body, format=ox.RdfFormat.N_TRIPLES)]
    node = ox.NamedNode(iri)
    return sorted(
        triples,
        key=lambda triple: (
            triple.subject != node,
            str(triple.subject),
            str(triple.predicate),
            str(triple.object),
        ),
    )


def serialize(triples: Sequence[ox.Triple], fmt: Format) -> bytes:
    """Triples in one of the Linked Data formats, with the prefixes they use.

    Oxigraph writes every literal with its lexical form untouched ("1400"^^xsd:decimal stays
    1400, where rdflib would write 1400.0), so each format carries exactly the stored terms.
    """
    used = _used_prefixes(triples)
    return ox.serialize(triples, format=_OX_FORMATS[fmt], prefixes=used) or b""


def _used_prefixes(triples: Sequence[ox.Triple]) -> dict[str, str]:
    iris: set[str] = set()
    for triple in triples:
        for term in (triple.subject, triple.predicate, triple.object):
            if isinstance(term, ox.NamedNode):
                iris.add(term.value)
            elif isinstance(term, ox.Literal):
                iris.add(term.datatype.value)
    return {
        prefix: namespace
        for prefix, namespace in PREFIXES.items()
        if any(iri.startswith(namespace) for iri in iris)
    }


# -- HTML page --------------------------------------------------------------------------------


@dataclass
class Value:
    """One value of a property, ready for a template."""

    text: str
    iri: str | None = None
    href: str | None = None
    local: bool = False
    datatype: str | None = None
    language: str | None = None

    @property
    def long(self) -> bool:
        """True for a literal too long for a table cell (shown folded)."""
        return self.iri is None and len(self.text) > _LONG_TEXT


@dataclass
class Property:
    """A property of the resource and its values."""

    iri: str
    label: str
    short: str
    href: str
    values: list[Value] = field(default_factory=list)


@dataclass
class Figure:
    """One observation, for the tables of figures."""

    iri: str
    href: str
    value: str
    unit: str
    status: str
    status_key: str
    metric: str
    period: str
    period_dates: str
    subject: Value
    stated_by: Value | None
    reported_by: Value | None
    article: Value
    evidence: str


@dataclass
class Segment:
    """A piece of an article's text; ``figure`` is set on an evidence sentence."""

    text: str
    figure: str | None = None


@dataclass
class Page:
    """Everything the resource template shows."""

    iri: str
    kind: str | None
    label: str
    types: list[Value]
    properties: list[Property]
    incoming: list[dict[str, Value]]
    sections: list[tuple[str, str, list[Figure]]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Value]] = field(default_factory=list)
    article: dict[str, Any] | None = None
    figure: dict[str, Any] | None = None


def build_page(store: Store, iri: str, *, links: Links) -> Page | None:
    """The content of a resource's HTML page, or None when the store knows nothing about it.

    The queries are newskg's own (bounded by the resource), so they run without the time limit
    of users' queries, in the server process.
    """
    ask = _Asker(store)
    property_rows = ask("resource-properties", resource=iri)
    incoming_rows = ask("resource-incoming", resource=iri)
    if not property_rows and not incoming_rows:
        return None
    properties = _properties(property_rows, links)
    types = [value for prop in properties if prop.iri == str(RDF.type) for value in prop.values]
    kind = IriScheme(links.base_iri).kind_of(iri)
    typed = _kind_from_types(types)
    if kind is None or (types and typed != kind):
        kind = typed  # e.g. an observation's equivalent (an nkg:QuantityValue, not a kind)
    page = Page(
        iri=iri,
        kind=kind,
        label=_label(property_rows) or links.short(iri),
        types=types,
        properties=[prop for prop in properties if prop.iri != str(RDF.type)],
        incoming=[
            {
                "source": _value_of(row["source"], row.get("sourceLabel"), links),
                "property": _value_of(row["property"], row.get("propertyLabel"), links),
                "type": _value_of(row["sourceType"], None, links)
                if row.get("sourceType") is not None
                else Value(""),
            }
            for row in incoming_rows
        ],
    )
    if kind in ("agency", "program", "place", "population"):
        _add_figures(page, ask, links, iri, "Figures about", NKG.subject, hide="subject")
        if kind == "agency":
            _add_figures(page, ask, links, iri, "Figures stated by", NKG.statedBy)
            _add_figures(page, ask, links, iri, "Figures reported by", NKG.reportedBy)
        if kind == "program":
            _add_figures(page, ask, links, iri, "Figures of the program", NKG.program)
        if kind == "place":
            _add_figures(page, ask, links, iri, "Figures located in", NKG.place)
    elif kind == "person":
        page.roles = [_role(row, links) for row in ask("person-roles", person=iri)]
        _add_figures(page, ask, links, iri, "Figures stated by", NKG.statedBy, hide="stated_by")
    elif kind == "article":
        page.mentions = [
            {
                "entity": _value_of(row["entity"], row.get("label"), links),
                "type": _value_of(row["type"], row.get("typeLabel"), links)
                if row.get("type") is not None
                else Value(""),
            }
            for row in ask("article-mentions", article=iri)
        ]
        figures = _add_figures(
            page, ask, links, iri, "Figures reported in", PROV.wasDerivedFrom, hide="article"
        )
        page.article = _article(property_rows, figures, links)
    elif kind == "observation":
        page.figure = _figure_card(properties)
        page.figure["equivalents"] = [
            _equivalent(row, links) for row in ask("observation-equivalents", observation=iri)
        ]
        metric = page.figure["metric"]
        page.label = f"{metric.text if metric else 'figure'}: {page.figure['value']}"
        unit = page.figure["unit"]
        if unit is not None:
            page.label += f" {unit.text}"
    return page


def _equivalent(row: Mapping[str, Term], links: Links) -> dict[str, Any]:
    amount = format_number(row["value"])
    if str(row.get("approximate", "")).lower() == "true":
        amount = "≈ " + amount
    return {
        "value": amount,
        "unit": _value_of(row["unit"], row.get("unitLabel"), links),
        "resource": _value_of(row["equivalent"], None, links),
    }


class _Asker:
    """Runs internal SELECT queries (queries/internal/<name>.rq) with IRIs bound."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __call__(self, name: str, **iris: str) -> list[dict[str, Term]]:
        bindings: dict[str, Term] = {key: URIRef(value) for key, value in iris.items()}
        text = bind_into_subqueries(internal_query(name).text, bindings)
        return self.store.select(text, bindings=bindings)


def _add_figures(
    page: Page,
    ask: _Asker,
    links: Links,
    iri: str,
    title: str,
    relation: URIRef,
    *,
    hide: str = "",
) -> list[Figure]:
    rows = ask("resource-observations", resource=iri, relation=str(relation))
    figures = [_figure(row, links) for row in rows]
    if figures:
        page.sections.append((f"{title} {page.label}", hide, figures))
    return figures


def _figure(row: Mapping[str, Term], links: Links) -> Figure:
    value = format_number(row["value"])
    if row.get("valueMax") is not None:
        value += "–" + format_number(row["valueMax"])
    if str(row.get("approximate", "")).lower() == "true":
        value = "≈ " + value
    start, end = row.get("periodStart"), row.get("periodEnd")
    dates = " – ".join(str(day) if day is not None else "…" for day in (start, end))
    status = str(row.get("statusLabel") or compact(str(row["status"])))
    return Figure(
        iri=str(row["observation"]),
        href=links.href(str(row["observation"])),
        value=value,
        unit=str(row.get("unitLabel") or compact(str(row["unit"]))),
        status=status,
        status_key=str(row["status"]).rsplit("#", 1)[-1].lower(),
        metric=str(row.get("metricLabel") or compact(str(row["metric"]))),
        period=str(row.get("periodLabel") or ""),
        period_dates=dates if start is not None or end is not None else "",
        subject=_value_of(row["subject"], row.get("subjectLabel"), links),
        stated_by=_value_of(row["statedBy"], row.get("statedByLabel"), links)
        if row.get("statedBy") is not None
        else None,
        reported_by=_value_of(row["reportedBy"], row.get("reportedByLabel"), links)
        if row.get("reportedBy") is not None
        else None,
        article=_value_of(row["article"], row.get("articleLabel"), links),
        evidence=str(row["evidence"]),
    )


def _role(row: Mapping[str, Term], links: Links) -> dict[str, Any]:
    return {
        "role": _value_of(row["role"], None, links),
        "title": str(row["title"]),
        "as_written": str(row.get("titleAsWritten") or ""),
        "portfolio": str(row.get("portfolio") or ""),
        "agency": _value_of(row["agency"], row.get("agencyLabel"), links)
        if row.get("agency") is not None
        else None,
        "article": _value_of(row["article"], row.get("articleLabel"), links),
        "date": str(row.get("datePublished") or ""),
    }


def _article(
    rows: Sequence[Mapping[str, Term]], figures: Sequence[Figure], links: Links
) -> dict[str, Any]:
    def first(predicate: URIRef) -> Term | None:
        return next((row["value"] for row in rows if row["property"] == predicate), None)

    def every(predicate: URIRef) -> list[Value]:
        return [
            _value_of(row["value"], row.get("valueLabel"), links)
            for row in rows
            if row["property"] == predicate
        ]

    text = str(first(SDO.articleBody) or "")
    url = first(SDO.url)
    return {
        "headline": str(first(SDO.headline) or ""),
        "date": str(first(SDO.datePublished) or ""),
        "url": str(url) if url is not None else "",
        "publisher": every(SDO.publisher),
        "reported_by": every(NKG.reportedBy),
        "segments": _highlight(text, figures),
    }


def _highlight(text: str, figures: Sequence[Figure]) -> list[Segment]:
    """The text cut into segments, each figure's evidence sentence marked (first occurrence)."""
    spans: list[tuple[int, int, str]] = []
    for figure in figures:
        start = text.find(figure.evidence) if figure.evidence else -1
        if start < 0:
            continue
        end = start + len(figure.evidence)
        if any(start < other_end and other_start < end for other_start, other_end, _ in spans):
            continue
        spans.append((start, end, figure.href))
    segments: list[Segment] = []
    position = 0
    for start, end, href in sorted(spans):
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], href))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


def _figure_card(properties: Sequence[Property]) -> dict[str, Any]:
    by_iri = {prop.iri: prop.values for prop in properties}

    def one(term: URIRef) -> Value | None:
        values = by_iri.get(str(term), [])
        return values[0] if values else None

    value = one(NKG.value)
    value_max = one(NKG.valueMax)
    amount = format_number(value.text) if value else "?"
    if value_max is not None:
        amount += "–" + format_number(value_max.text)
    approximate = one(NKG.approximate)
    if approximate is not None and approximate.text == "true":
        amount = "≈ " + amount
    status = one(NKG.status)
    return {
        "value": amount,
        "unit": one(NKG.unit),
        "status": status,
        "status_key": (status.iri or "").rsplit("#", 1)[-1].lower() if status else "",
        "metric": one(NKG.metric),
        "metric_as_written": one(NKG.metricLabel),
        "period": one(NKG.periodLabel),
        "start": one(NKG.periodStart),
        "end": one(NKG.periodEnd),
        "subject": one(NKG.subject),
        "stated_by": one(NKG.statedBy),
        "reported_by": one(NKG.reportedBy),
        "article": one(PROV.wasDerivedFrom),
        "evidence": one(NKG.evidence),
        "program": one(NKG.program),
        "place": one(NKG.place),
        "part_of": one(NKG.partOf),
        "progress_toward": one(NKG.progressToward),
        "equivalents": [],
    }


def _properties(rows: Sequence[Mapping[str, Term]], links: Links) -> list[Property]:
    grouped: dict[str, Property] = {}
    for row in rows:
        iri = str(row["property"])
        prop = grouped.get(iri)
        if prop is None:
            prop = Property(
                iri=iri,
                label=str(row.get("propertyLabel") or _local_name(iri)),
                short=compact(iri),
                href=links.href(iri),
            )
            grouped[iri] = prop
        prop.values.append(_value_of(row["value"], row.get("valueLabel"), links))
    order = {str(predicate): rank for rank, predicate in enumerate((RDF.type, *_LABELS))}
    return sorted(grouped.values(), key=lambda prop: (order.get(prop.iri, 99), prop.short))


def _value_of(term: Term, label: Term | None, links: Links) -> Value:
    if isinstance(term, URIRef):
        iri = str(term)
        return Value(
            text=str(label) if label is not None else links.short(iri),
            iri=iri,
            href=links.href(iri),
            local=links.is_local(iri),
        )
    if isinstance(term, Literal):
        datatype = compact(str(term.datatype)) if term.datatype is not None else None
        return Value(text=str(term), datatype=datatype, language=term.language)
    return Value(text=str(term))


def _label(rows: Sequence[Mapping[str, Term]]) -> str | None:
    for predicate in _LABELS:
        found = sorted(str(row["value"]) for row in rows if row["property"] == predicate)
        if found:
            return found[0]
    return None


def _kind_from_types(types: Sequence[Value]) -> str | None:
    classes = {value.iri for value in types if value.iri}
    for kind in KINDS:
        if classes & _KIND_CLASSES.get(kind, set()):
            return kind
    return None


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]
