"""The browser UI: the query page at ``/``, the article list, the graph view, static assets.

Pages are server-rendered Jinja templates (``api/templates/``) with small scripts from
``api/static/`` (no framework, no build step, no CDN: Cytoscape.js is vendored under
``static/vendor/``). Every page is CSP-friendly: no inline script or style, no inline event
handlers; data reaches the scripts through ``data-`` attributes and JSON ``<script>`` blocks.
The helpers here (:class:`Links`, :func:`render`) are shared with the Linked Data pages.
"""

from __future__ import annotations

import json
import mimetypes
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from newskg.api.deps import SettingsDep, StoreDep
from newskg.errors import NotFound
from newskg.formats import parse_accept
from newskg.iris import KINDS
from newskg.namespaces import PREFIXES
from newskg.queries import load_queries
from newskg.settings import Settings

_API_DIR = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = _API_DIR / "templates"
STATIC_DIR = _API_DIR / "static"

#: The Content-Security-Policy of every HTML page: scripts, styles and data from this host only.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
#: Namespaces of newskg's own vocabulary (ontology, metrics, units): stored in the vocabulary
#: graph, so their terms have pages at /resource?iri=… even though they are not under the base.
VOCABULARY_NAMESPACES = ("https://w3id.org/newskg/", "http://qudt.org/vocab/currency/")
#: Hosts of persistent identifiers whose first path segment names a project that redirects to
#: the host serving it (``https://w3id.org/newskg/id/x`` -> ``https://<host>/id/x``).
PERSISTENT_ID_HOSTS = frozenset({"w3id.org", "purl.org", "www.w3id.org"})

router = APIRouter(tags=["browser UI"], include_in_schema=False)


@dataclass(frozen=True)
class Links:
    """Where the pages of resources are: IRIs under the base IRI are served under its path."""

    base_iri: str

    @property
    def base_path(self) -> str:
        """Where Linked Data pages are served: the base IRI's path (``/id/``).

        A base on a persistent-identifier service (``https://w3id.org/newskg/id/``) loses the
        service's namespace segment (``/newskg``), which the service's redirect rule replaces
        with the host that serves newskg, so its pages are at ``/id/`` too.
        """
        parts = urlsplit(self.base_iri)
        path = parts.path or "/"
        if parts.hostname in PERSISTENT_ID_HOSTS and path.count("/") >= 2:
            path = "/" + path.split("/", 2)[2]
        return path

    def page(self, iri: str) -> str | None:
        """The local page of a resource, or None for an IRI newskg has no page for."""
        rest = iri[len(self.base_iri) :] if iri.startswith(self.base_iri) else ""
        if rest.split("/", 1)[0] in KINDS and "/" in rest:
            return self.base_path + quote(rest, safe="/-._~")
        if iri.startswith(VOCABULARY_NAMESPACES):
            return "/resource?" + urlencode({"iri": iri})
        return None

    def href(self, iri: str) -> str:
        """A link for an IRI: its local page, else the IRI itself (an external link)."""
        return self.page(iri) or iri

    def is_local(self, iri: str) -> bool:
        """True when the IRI has a page on this server."""
        return self.page(iri) is not None

    def short(self, iri: str) -> str:
        """A compact form for display: ``nkg:subject``, ``agency/eio``, or the IRI."""
        if iri.startswith(self.base_iri):
            return iri[len(self.base_iri) :]
        return compact(iri)


def compact(iri: str) -> str:
    """``nkg:Agency`` for an IRI in a known namespace (longest match), else the IRI."""
    best = ""
    prefix_name = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(best):
            best, prefix_name = namespace, prefix
    if best and len(iri) > len(best):
        return f"{prefix_name}:{iri[len(best) :]}"
    return iri


def format_number(value: object) -> str:
    """A decimal with thousands separators and no exponent ("15,000,000,000,000")."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if not number.is_finite():
        return str(value)
    text = f"{number:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


@cache
def templates() -> Jinja2Templates:
    """The Jinja environment of the UI and Linked Data pages (autoescaping HTML)."""
    environment = Jinja2Templates(directory=str(TEMPLATES_DIR))
    environment.env.filters["number"] = format_number
    environment.env.filters["compact"] = compact
    environment.env.filters["tojson_data"] = _json_for_script
    environment.env.trim_blocks = True
    environment.env.lstrip_blocks = True
    return environment


def _json_for_script(value: Any) -> Markup:
    """JSON safe inside a ``<script type="application/json">`` block (no ``</script>``)."""
    text = json.dumps(value, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def render(
    request: Request,
    name: str,
    context: Mapping[str, Any],
    *,
    settings: Settings,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    """Render a page template with the shared context (links, navigation) and the CSP header."""
    links = Links(settings.base_iri)
    full = {"links": links, "base_iri": settings.base_iri, "path": request.url.path, **context}
    response = templates().TemplateResponse(request, name, full, status_code=status_code)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def wants_html(request: Request) -> bool:
    """True when the client asks for HTML before any other type (a browser)."""
    for media in parse_accept(request.headers.get("accept")):
        if media in ("text/html", "application/xhtml+xml"):
            return True
        if media != "*/*":
            return False
    return False


def _example_queries() -> list[dict[str, Any]]:
    return [
        {
            "name": query.name,
            "summary": query.summary,
            "description": query.description,
            "text": query.text,
            "parameters": [
                {
                    "name": param.name,
                    "type": param.type.value,
                    "required": param.required,
                    "description": param.description,
                }
                for param in query.parameters
            ],
        }
        for query in load_queries().values()
    ]


@router.get("/", response_class=HTMLResponse)
def query_page(request: Request, settings: SettingsDep) -> HTMLResponse:
    """The SPARQL query page, preloaded with the example (named) queries."""
    examples = _example_queries()
    first = next((query for query in examples if query["name"] == "observations"), None)
    initial = first or (examples[0] if examples else None)
    return render(
        request,
        "query.html",
        {"examples": examples, "initial": initial, "prefixes": PREFIXES},
        settings=settings,
    )


@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    request: Request,
    settings: SettingsDep,
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    """The ingested articles, newest first, one page at a time."""
    from newskg.api.routes.articles import list_articles

    page = list_articles(store, links=Links(settings.base_iri), limit=limit, offset=offset)
    return render(request, "articles.html", {"page": page}, settings=settings)


@router.get("/graph", response_class=HTMLResponse)
def graph_page(
    request: Request,
    settings: SettingsDep,
    focus: Annotated[str | None, Query(max_length=2000)] = None,
    depth: Annotated[int, Query(ge=1, le=2)] = 1,
    observations: bool = False,
) -> HTMLResponse:
    """The graph view: draws ``/api/graph`` with Cytoscape.js."""
    return render(
        request,
        "graph.html",
        {"focus": focus or "", "depth": depth, "observations": observations},
        settings=settings,
    )


@router.get("/static/{path:path}")
def static_file(path: str) -> Response:
    """A file of ``api/static/`` (CSS, scripts, vendored libraries)."""
    root = STATIC_DIR.resolve()
    candidate = (root / path).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        raise NotFound(f"no static file {path!r}")
    media_type = mimetypes.guess_type(candidate.name)[0] or "application/octet-stream"
    if candidate.suffix == ".js":
        media_type = "text/javascript"
    response = FileResponse(candidate, media_type=media_type)
    response.headers["Cache-Control"] = "public, max-age=3600"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
