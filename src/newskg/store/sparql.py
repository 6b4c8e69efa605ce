"""Any SPARQL 1.1 endpoint as newskg's store, through the W3C protocols only.

Queries use the SPARQL 1.1 Protocol through SPARQLWrapper (``POST`` with an
``application/sparql-query`` body, dataset as ``default-graph-uri``/``named-graph-uri``). Writes
use SPARQL 1.1 Update (``POST`` with an ``application/sparql-update`` body) or, when a graph-store
URL is configured, the SPARQL 1.1 Graph Store HTTP Protocol (``PUT``/``DELETE ?graph=``), both
through httpx: SPARQLWrapper has no Graph Store Protocol, and its query-type sniffing runs regular
expressions over the whole text, which is wasted on megabyte-sized updates.

Results are passed through untouched. The caller's ranked Accept is narrowed to the formats newskg
knows for the query's form (read from the text: SELECT/ASK give solutions, CONSTRUCT/DESCRIBE
triples) and sent with decreasing ``q`` values, so that ``*/*`` never lets a server pick a format
newskg cannot name (Oxigraph answers ``*/*`` on CONSTRUCT with N-Quads, Virtuoso with HTML).

**Replacing graphs: the choice.** Without a graph-store URL, :meth:`SparqlStore.replace_graphs`
sends one SPARQL Update request per batch::

    DROP SILENT GRAPH <a> ; DROP SILENT GRAPH <b> ; INSERT DATA { GRAPH <a> {...} GRAPH <b> {...} }

Oxigraph, Fuseki (TDB2) and GraphDB run one update request as one transaction, so readers see each
article, indeed the whole batch, either before or after: never half there. The alternative, one
Graph Store ``PUT`` per graph, sends the bulk format (N-Triples, no SPARQL parse) but costs a
request per article and is *not* atomic on Oxigraph server, which clears the graph and then loads
it in two transactions (a reader can find the article missing in between). Size is what speaks
for ``PUT``: a batch is sent as SPARQL text. That text is bounded here: a request carries at most
``batch_size`` graphs (``NEWSKG_STORE_BATCH_SIZE``, default 50, about 0.5 MB of newskg articles)
and at most ``max_request_bytes`` (8 MB; Oxigraph refuses bodies above 128 MB); a batch above
either bound is split between whole graphs, so each graph stays atomic. Setting
``NEWSKG_STORE_GRAPH_STORE_URL`` switches to ``PUT`` per graph for servers where that is the
better path (Virtuoso, whose SPARQL compiler chokes on large ``INSERT DATA``); the per-server
guarantees are in docs/remote-stores.md.

**Retries.** A transient failure (connection refused or reset, timeout, HTTP 429/502/503/504) is
retried ``retries`` times with exponential backoff (honouring ``Retry-After``). Replacing and
deleting graphs are idempotent: the request names the complete new content of each graph, so
sending it again after a failure whose outcome is unknown (the server may have committed before
the connection dropped) leaves the same data, never a duplicate. :meth:`SparqlStore.update` runs
arbitrary updates that may not be idempotent, so it is retried only when the server surely did
not run it (connection refused, 429, 503). Queries are retried like idempotent writes, but never
after they ran out of time. A failure that persists raises :class:`~newskg.errors.StoreError`
naming the endpoint.

**Time limits.** A query's limit (``QueryOptions.timeout``; without one, ``read_timeout``) bounds
the HTTP exchange (plus one second, so that a server enforcing the limit itself can answer first
with its own error). Servers that take a per-request limit get it through placeholders in the query
URL: ``{timeout_s}`` (whole seconds, rounded up) and ``{timeout_ms}`` are replaced in the URL's
parameters, e.g. ``http://host:3030/ds/query?timeout={timeout_s}`` for Fuseki or
``http://host:8890/sparql?timeout={timeout_ms}`` for Virtuoso. Other parameters of the query URL
are sent with every query as given.
"""

from __future__ import annotations

import ast
import http.client
import json
import math
import random
import re
import socket
import time
import urllib.error
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import httpx
import pyoxigraph as ox
from rdflib import URIRef
from SPARQLWrapper import POST, POSTDIRECTLY, SPARQLWrapper
from SPARQLWrapper import __version__ as sparqlwrapper_version
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from newskg import __version__
from newskg.errors import NotAcceptable, QueryError, QueryTimeout, StoreError
from newskg.formats import (
    DATASET_FORMATS,
    GRAPH_FORMATS,
    JSON_LD,
    N_TRIPLES,
    RESULT_FORMATS,
    Format,
    ResultKind,
    by_name,
    negotiate,
)
from newskg.settings import Settings
from newskg.sparqltext import bind_values, term_to_sparql, tokens
from newskg.store.base import GraphPayload, QueryOptions, QueryResult, Store

#: Sent with every request: servers log it, and some (Wikidata) refuse requests without one.
USER_AGENT = (
    f"newskg/{__version__} (SPARQL 1.1 store client; https://w3id.org/newskg) "
    f"SPARQLWrapper/{sparqlwrapper_version}"
)

#: HTTP statuses that say "try again later" rather than "this request is wrong".
TRANSIENT_STATUSES = frozenset({429, 502, 503, 504})
#: Statuses after which the server surely did not run the request (safe to resend any update).
_NOT_RUN_STATUSES = frozenset({429, 503})
_QUERY_FORMS = {
    "SELECT": ResultKind.SOLUTIONS,
    "ASK": ResultKind.BOOLEAN,
    "CONSTRUCT": ResultKind.GRAPH,
    "DESCRIBE": ResultKind.GRAPH,
}
_UPDATE_WORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
_TIMEOUT_WORDS = re.compile(r"time(?:d)?[ -]?out|cancel|S1TAT|deadline", re.IGNORECASE)
_GRACE = 1.0
_MAX_DELAY = 10.0

_NAMED_GRAPHS = "SELECT DISTINCT ?graph WHERE { GRAPH ?graph { } }"
_GRAPH_EXISTS = "ASK WHERE { GRAPH ?graph { } }"
_GRAPH_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?graph { ?s ?p ?o } }"
_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


@dataclass(frozen=True)
class _Answer:
    """An HTTP response, whatever its status; header names in lower case."""

    status: int
    headers: Mapping[str, str]
    body: bytes


class _Unreachable(Exception):
    """No HTTP answer: ``refused`` (nothing sent), ``timeout``, or ``lost`` (outcome unknown)."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class _Endpoint:
    """A URL split into its base and the parameters to send with every request."""

    base: str
    params: tuple[tuple[str, str], ...]

    @classmethod
    def parse(cls, url: str) -> _Endpoint:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise StoreError(f"not an http(s) SPARQL endpoint URL: {url!r}")
        base = urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", ""))
        return cls(base, tuple(parse_qsl(parts.query, keep_blank_values=True)))

    def params_for(self, timeout: float) -> list[tuple[str, str]]:
        """The parameters with the time-limit placeholders filled in."""
        seconds = str(max(1, math.ceil(timeout)))
        millis = str(max(1, math.ceil(timeout * 1000)))
        return [
            (name, value.replace("{timeout_s}", seconds).replace("{timeout_ms}", millis))
            for name, value in self.params
        ]

    @property
    def url(self) -> str:
        """The URL without placeholders, for messages."""
        return self.base


class SparqlStore(Store):
    """A remote SPARQL 1.1 endpoint; every write and read goes over HTTP.

    The endpoint's default graph must be the union of its named graphs (see
    docs/remote-stores.md for how each server provides that).
    """

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        graph_store_url: str | None = None,
        user: str | None = None,
        password: str | None = None,
        batch_size: int = 50,
        max_request_bytes: int = 8_000_000,
        retries: int = 4,
        backoff: float = 0.25,
        read_timeout: float = 300.0,
        write_timeout: float = 300.0,
    ) -> None:
        self._query = _Endpoint.parse(query_url)
        # The query URL's parameters (time limits, union-default-graph...) are query options.
        self._update = _Endpoint.parse(update_url or self._query.base)
        self._graph_store = _Endpoint.parse(graph_store_url) if graph_store_url else None
        self._credentials = (user, password) if user is not None else None
        self.batch_size = max(1, batch_size)
        self.max_request_bytes = max_request_bytes
        self.retries = max(0, retries)
        self.backoff = backoff
        self.read_timeout = read_timeout
        auth = httpx.BasicAuth(user, password or "") if user is not None else None
        self._http = httpx.Client(
            headers={"User-Agent": USER_AGENT},
            auth=auth,
            timeout=httpx.Timeout(write_timeout, connect=10.0),
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> SparqlStore:
        """The store that ``NEWSKG_STORE`` (an http(s) URL) and the ``NEWSKG_STORE_*`` name."""
        password = settings.store_password.get_secret_value() if settings.store_password else None
        return cls(
            settings.store,
            update_url=settings.store_update_url,
            graph_store_url=settings.store_graph_store_url,
            user=settings.store_user,
            password=password,
            batch_size=settings.store_batch_size,
            retries=settings.store_retries,
        )

    def __repr__(self) -> str:
        return f"SparqlStore({self._query.base!r})"

    def close(self) -> None:
        """Close the pooled HTTP connections used for writes."""
        self._http.close()

    # -- queries -------------------------------------------------------------------------------

    def query(self, sparql: str, options: QueryOptions | None = None) -> QueryResult:
        """Run a query on the endpoint and return its answer as the endpoint serialised it."""
        opts = options or QueryOptions()
        text = bind_values(sparql, opts.bindings)
        form = query_form(text)
        kind = _QUERY_FORMS[form]
        formats = GRAPH_FORMATS if kind is ResultKind.GRAPH else RESULT_FORMATS
        ranked = ranked_formats(opts.accept, formats)
        if not ranked:
            what = "CONSTRUCT/DESCRIBE" if kind is ResultKind.GRAPH else "SELECT/ASK"
            offered = ", ".join(fmt.media_type for fmt in formats)
            raise NotAcceptable(f"{what} results are available as {offered}")
        timeout = opts.timeout if opts.timeout is not None else self.read_timeout
        params = self._query.params_for(timeout)
        params += [("default-graph-uri", iri) for iri in opts.dataset.default_graphs]
        params += [("named-graph-uri", iri) for iri in opts.dataset.named_graphs]
        deadline = time.monotonic() + timeout

        def send() -> _Answer:
            return self._send_query(text, form, accept_header(ranked), params, timeout)

        try:
            answer = self._with_retries(
                send, action="query", url=self._query.url, idempotent=True, deadline=deadline
            )
        except _Unreachable as failure:
            raise QueryTimeout(
                f"the query ran longer than the {timeout:g} s time limit "
                f"(no complete answer from {self._query.url})"
            ) from failure
        self._raise_for_query(answer, timeout)
        return QueryResult(kind, _answered_format(answer, ranked), answer.body)

    def _send_query(
        self,
        text: str,
        form: str,
        accept: str,
        params: Sequence[tuple[str, str]],
        timeout: float,
    ) -> _Answer:
        """One SPARQL 1.1 Protocol query request through SPARQLWrapper."""
        wrapper = SPARQLWrapper(self._query.base, agent=USER_AGENT)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(POSTDIRECTLY)
        # Only the Accept header negotiates: no format=/output= parameters.
        wrapper.setOnlyConneg(True)
        with warnings.catch_warnings():
            # SPARQLWrapper warns when its regular expression cannot tell the query form.
            warnings.simplefilter("ignore")
            wrapper.setQuery(text)
        # Our lexer (which knows comments and strings) decides the form, not SPARQLWrapper's.
        wrapper.queryType = form
        for name, value in params:
            wrapper.addParameter(name, value)
        wrapper.addCustomHttpHeader("Accept", accept)
        if self._credentials is not None:
            user, password = self._credentials
            wrapper.setCredentials(user, password or "")
        wrapper.setTimeout(math.ceil(timeout + _GRACE))
        try:
            response = wrapper.query().response
            body = response.read()
            headers = {name.lower(): value for name, value in response.getheaders()}
            return _Answer(response.status, headers, body)
        except SPARQLWrapperException as error:
            return _wrapper_error_answer(error)
        except urllib.error.HTTPError as error:
            return _Answer(error.code, _lower(error.headers.items()), error.read())
        except urllib.error.URLError as error:
            raise _unreachable(error.reason) from error
        except (OSError, http.client.HTTPException) as error:
            raise _unreachable(error) from error

    def _raise_for_query(self, answer: _Answer, timeout: float) -> None:
        """Map an unsuccessful (or incomplete) query answer to newskg's errors."""
        message = _message(answer.body)
        if answer.headers.get("x-sql-state") == "S1TAT":
            # Virtuoso's "anytime" queries answer 200 with partial results past their limit.
            raise QueryTimeout(f"the query ran past the {timeout:g} s limit (partial answer)")
        if 200 <= answer.status < 300:
            return
        if answer.status == 400:
            raise QueryError(f"the SPARQL endpoint rejected the query: {message}")
        if answer.status == 406:
            raise NotAcceptable(f"the SPARQL endpoint cannot answer in that format: {message}")
        if _TIMEOUT_WORDS.search(message) and answer.status >= 500:
            raise QueryTimeout(f"the query ran past the {timeout:g} s limit: {message}")
        raise StoreError(_http_failure("query", self._query.url, answer))

    # -- writes ---------------------------------------------------------------------------------

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update request (one transaction on most servers, see the docs)."""
        self._post_update(sparql, action="update", idempotent=False)

    def replace_graphs(self, graphs: Sequence[GraphPayload]) -> None:
        """Replace each graph: one Update request per batch, or one GSP ``PUT`` per graph."""
        if not graphs:
            return
        prepared = [_Prepared(payload.iri, _ntriples(payload)) for payload in graphs]
        if self._graph_store is not None:
            for graph in prepared:
                self._put_graph(graph)
            return
        for chunk in _chunks(prepared, self.batch_size, self.max_request_bytes):
            self._post_update(
                replacement_update(chunk),
                action=f"replace {len(chunk)} graph(s)",
                idempotent=True,
            )

    def delete_graph(self, iri: str) -> bool:
        """Remove one named graph (GSP ``DELETE``, or ``DROP SILENT GRAPH``)."""
        name = term_to_sparql(URIRef(iri))
        if self._graph_store is not None:
            answer = self._write(
                "DELETE", self._graph_store, params=[("graph", iri)], action="delete a graph"
            )
            if answer.status == 404:
                return False
            self._raise_for_write(answer, "delete a graph", self._graph_store)
            return True
        if not self.ask(_GRAPH_EXISTS, bindings={"graph": URIRef(iri)}):
            return False
        self._post_update(f"DROP SILENT GRAPH {name}", action="delete a graph", idempotent=True)
        return True

    def _put_graph(self, graph: _Prepared) -> None:
        """Graph Store Protocol ``PUT``: the payload becomes the graph's whole content."""
        assert self._graph_store is not None
        answer = self._write(
            "PUT",
            self._graph_store,
            params=[("graph", graph.iri)],
            body=graph.ntriples,
            content_type=N_TRIPLES.media_type,
            action="replace a graph",
        )
        self._raise_for_write(answer, "replace a graph", self._graph_store)

    def _post_update(self, sparql: str, *, action: str, idempotent: bool) -> None:
        answer = self._write(
            "POST",
            self._update,
            body=sparql.encode("utf-8"),
            content_type="application/sparql-update",
            action=action,
            idempotent=idempotent,
        )
        if answer.status == 400:
            raise QueryError(f"the SPARQL endpoint rejected the update: {_message(answer.body)}")
        self._raise_for_write(answer, action, self._update)

    def _write(
        self,
        method: str,
        endpoint: _Endpoint,
        *,
        action: str,
        params: Sequence[tuple[str, str]] = (),
        body: bytes | None = None,
        content_type: str | None = None,
        idempotent: bool = True,
    ) -> _Answer:
        """Send one write request with retries; any HTTP answer is returned."""
        headers = {"Content-Type": content_type} if content_type else {}
        query = [*endpoint.params, *params]

        def send() -> _Answer:
            try:
                response = self._http.request(
                    method,
                    endpoint.base,
                    params=tuple(query),
                    content=body,
                    headers=headers,
                )
            except httpx.ConnectError as error:
                raise _Unreachable("refused", _describe(error)) from error
            except httpx.TimeoutException as error:
                raise _Unreachable("timeout", "no answer in time") from error
            except httpx.TransportError as error:
                raise _Unreachable("lost", _describe(error)) from error
            if response.status_code == 401 and self._switch_to_digest(response):
                return send()
            return _Answer(response.status_code, _lower(response.headers.items()), response.content)

        try:
            return self._with_retries(send, action=action, url=endpoint.url, idempotent=idempotent)
        except _Unreachable as failure:
            # Only a non-idempotent write that timed out gets here: its outcome is unknown.
            raise StoreError(
                f"could not {action} at {endpoint.url}: {failure.detail}; the outcome is unknown"
            ) from failure

    def _switch_to_digest(self, response: httpx.Response) -> bool:
        """Answer a Digest challenge (Virtuoso's ``-auth`` endpoints) with Digest from now on."""
        challenge = response.headers.get("www-authenticate", "").lower()
        if self._credentials is None or not challenge.startswith("digest"):
            return False
        if isinstance(self._http.auth, httpx.DigestAuth):
            return False
        user, password = self._credentials
        self._http.auth = httpx.DigestAuth(user or "", password or "")
        return True

    def _raise_for_write(self, answer: _Answer, action: str, endpoint: _Endpoint) -> None:
        if not 200 <= answer.status < 300:
            raise StoreError(_http_failure(action, endpoint.url, answer))

    # -- retries --------------------------------------------------------------------------------

    def _with_retries(
        self,
        send: Callable[[], _Answer],
        *,
        action: str,
        url: str,
        idempotent: bool,
        deadline: float | None = None,
    ) -> _Answer:
        """``send()`` until it gets a non-transient answer; StoreError once retries run out.

        Raises the last ``_Unreachable`` of kind ``timeout`` when it may not be retried (queries,
        and non-idempotent updates): the caller knows what a timeout means for it.
        """
        attempts = 0
        while True:
            attempts += 1
            answer: _Answer | None = None
            try:
                answer = send()
            except _Unreachable as failure:
                if failure.kind == "timeout" and (deadline is not None or not idempotent):
                    raise
                may_retry = idempotent or failure.kind == "refused"
                reason = failure.detail
            else:
                if answer.status not in TRANSIENT_STATUSES or _TIMEOUT_WORDS.search(
                    _message(answer.body)
                ):
                    return answer
                may_retry = idempotent or answer.status in _NOT_RUN_STATUSES
                reason = f"HTTP {answer.status} {_message(answer.body)}".strip()
            delay = self._delay(attempts, answer)
            out_of_time = deadline is not None and time.monotonic() + delay > deadline
            if not may_retry or attempts > self.retries or out_of_time:
                tries = f"{attempts} attempt{'s' if attempts > 1 else ''}"
                raise StoreError(f"could not {action} at {url} ({tries}): {reason}")
            time.sleep(delay)

    def _delay(self, attempts: int, answer: _Answer | None) -> float:
        """Exponential backoff with a little jitter; a server's Retry-After wins (capped)."""
        retry_after = answer.headers.get("retry-after", "") if answer is not None else ""
        if retry_after.strip().isdigit():
            return min(float(retry_after), _MAX_DELAY)
        delay: float = min(self.backoff * 2.0 ** (attempts - 1), _MAX_DELAY)
        return delay + random.uniform(0, delay / 10)

    # -- reading whole graphs -------------------------------------------------------------------

    def named_graphs(self) -> list[str]:
        """IRIs of all named graphs, sorted."""
        rows = self.select(_NAMED_GRAPHS)
        return sorted(str(row["graph"]) for row in rows if isinstance(row.get("graph"), URIRef))

    def export(self, output: BinaryIO, fmt: Format) -> None:
        """Write every graph as quads (N-Quads, TriG), or the union graph in a triple format.

        Quads are read one graph at a time (a CONSTRUCT per graph, so memory holds one article),
        since SPARQL 1.1 has no query that returns quads.
        """
        if fmt in DATASET_FORMATS and fmt is not JSON_LD:
            ox.serialize(self._quads(), output, format=_OX_FORMATS[fmt.media_type])
            return
        if fmt not in GRAPH_FORMATS:
            raise NotAcceptable(f"cannot export as {fmt.media_type}")
        result = self.query(_UNION, QueryOptions(accept=(fmt.media_type,)))
        output.write(result.body)

    def _quads(self) -> Iterator[ox.Quad]:
        for iri in self.named_graphs():
            graph = ox.NamedNode(iri)
            result = self.query(
                _GRAPH_TRIPLES,
                QueryOptions(accept=(N_TRIPLES.media_type,), bindings={"graph": URIRef(iri)}),
            )
            for quad in ox.parse(result.body, format=ox.RdfFormat.N_TRIPLES):
                yield ox.Quad(quad.subject, quad.predicate, quad.object, graph)


_OX_FORMATS = {
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
}


@dataclass(frozen=True)
class _Prepared:
    """A graph checked and re-serialised: N-Triples safe to put inside SPARQL text."""

    iri: str
    ntriples: bytes


def _ntriples(payload: GraphPayload) -> bytes:
    """The payload parsed (so a bad one fails here, not half-way on the server) and re-written.

    Blank nodes get fresh labels: one INSERT DATA holds several graphs, and a label two payloads
    share would otherwise join their nodes.
    """
    term_to_sparql(URIRef(payload.iri))  # refuses an IRI that could break the update text
    try:
        quads = list(ox.parse(payload.ntriples, format=ox.RdfFormat.N_TRIPLES))
    except (SyntaxError, ValueError) as error:
        raise StoreError(f"the graph {payload.iri} is not valid N-Triples: {error}") from error
    if b"_:" in payload.ntriples:
        quads = _fresh_blank_nodes(quads)
    return ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES) or b""


def _fresh_blank_nodes(quads: list[ox.Quad]) -> list[ox.Quad]:
    fresh: dict[str, ox.BlankNode] = {}

    def rename(term: ox.BlankNode) -> ox.BlankNode:
        return fresh.setdefault(term.value, ox.BlankNode())

    renamed = []
    for quad in quads:
        subject = rename(quad.subject) if isinstance(quad.subject, ox.BlankNode) else quad.subject
        obj = rename(quad.object) if isinstance(quad.object, ox.BlankNode) else quad.object
        renamed.append(ox.Quad(subject, quad.predicate, obj))
    return renamed


def replacement_update(graphs: Sequence[_Prepared]) -> str:
    """One SPARQL Update that replaces every graph: drops first, then one INSERT DATA."""
    drops = [f"DROP SILENT GRAPH <{graph.iri}>" for graph in graphs]
    blocks = [
        f"GRAPH <{graph.iri}> {{\n{graph.ntriples.decode('utf-8')}}}"
        for graph in graphs
        if graph.ntriples
    ]
    operations = [*drops]
    if blocks:
        operations.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
    return " ;\n".join(operations)


def _chunks(
    graphs: Sequence[_Prepared], max_graphs: int, max_bytes: int
) -> Iterator[list[_Prepared]]:
    """Consecutive runs of whole graphs within both bounds (a graph above max_bytes goes alone)."""
    chunk: list[_Prepared] = []
    size = 0
    for graph in graphs:
        weight = len(graph.ntriples) + 2 * len(graph.iri) + 40
        if chunk and (len(chunk) >= max_graphs or size + weight > max_bytes):
            yield chunk
            chunk, size = [], 0
        chunk.append(graph)
        size += weight
    if chunk:
        yield chunk


# -- query text and content negotiation ---------------------------------------------------------


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE, read past the prologue; QueryError for anything else."""
    stream = list(tokens(sparql))
    index = 0
    while index < len(stream):
        word = stream[index].text.upper() if stream[index].kind == "word" else ""
        if word == "PREFIX":
            index += 3
        elif word == "BASE":
            index += 2
        elif word in _QUERY_FORMS:
            return word
        elif word in _UPDATE_WORDS:
            raise QueryError(f"{word} is a SPARQL Update: send it as an update, not a query")
        else:
            break
    raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")


def ranked_formats(accept: Sequence[str], formats: tuple[Format, ...]) -> list[Format]:
    """The formats the ranked media ranges allow, most preferred first."""
    ranked: list[Format] = []
    for media in accept:
        if media == "*/*":
            matches = list(formats)
        elif media.endswith("/*"):
            matches = [fmt for fmt in formats if fmt.media_type.startswith(media[:-1])]
        else:
            found = negotiate([media], formats)
            matches = [found] if found is not None else []
        ranked += [fmt for fmt in matches if fmt not in ranked]
    return ranked


def accept_header(ranked: Sequence[Format]) -> str:
    """An Accept header that keeps the caller's order with decreasing ``q`` values."""
    return ", ".join(
        fmt.media_type if index == 0 else f"{fmt.media_type};q={max(0.1, 1 - index / 10):.1f}"
        for index, fmt in enumerate(ranked)
    )


def _answered_format(answer: _Answer, ranked: Sequence[Format]) -> Format:
    content_type = answer.headers.get("content-type", "").split(";")[0].strip().lower()
    found = by_name(content_type, tuple(ranked)) if "/" in content_type else None
    if found is None:
        offered = ", ".join(fmt.media_type for fmt in ranked)
        raise NotAcceptable(
            f"the SPARQL endpoint answered as {content_type or 'an unnamed type'}, "
            f"not as one of {offered}"
        )
    return found


# -- failures -------------------------------------------------------------------------------------


def _lower(items: Iterable[tuple[str, str]]) -> dict[str, str]:
    return {name.lower(): value for name, value in items}


def _wrapper_error_answer(error: SPARQLWrapperException) -> _Answer:
    """The HTTP answer behind a SPARQLWrapper exception (it keeps the body only in its message)."""
    cause = error.__context__
    status = cause.code if isinstance(cause, urllib.error.HTTPError) else 500
    headers = _lower(cause.headers.items()) if isinstance(cause, urllib.error.HTTPError) else {}
    body = b""
    _, marker, tail = str(error).partition("Response:\n")
    if marker:
        try:
            literal = ast.literal_eval(tail)
        except (ValueError, SyntaxError):
            literal = tail.encode()
        body = literal if isinstance(literal, bytes) else str(literal).encode()
    return _Answer(status, headers, body)


def _unreachable(reason: object) -> _Unreachable:
    """Classify a transport failure of urllib."""
    if isinstance(reason, TimeoutError | socket.timeout):
        return _Unreachable("timeout", "no answer in time")
    if isinstance(reason, ConnectionRefusedError):
        return _Unreachable("refused", "connection refused")
    if isinstance(reason, socket.gaierror):
        return _Unreachable("refused", f"cannot resolve the host ({reason})")
    return _Unreachable("lost", _describe(reason))


def _describe(error: object) -> str:
    """A short, single-line reason for a transport failure."""
    if isinstance(error, httpx.ConnectError) and "refused" in str(error).lower():
        return "connection refused"
    if isinstance(error, ConnectionResetError | http.client.RemoteDisconnected):
        return "connection closed by the server"
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:300]


def _message(body: bytes) -> str:
    """The server's error message on one line (QLever's JSON errors unwrapped)."""
    text = body.decode("utf-8", errors="replace").strip()
    if text.startswith("{"):
        try:
            document = json.loads(text)
        except ValueError:
            document = None
        if isinstance(document, dict):
            for key in ("exception", "message", "error"):
                if isinstance(document.get(key), str):
                    text = document[key]
                    break
    return " ".join(text.split())[:500]


def _http_failure(action: str, url: str, answer: _Answer) -> str:
    detail = _message(answer.body)
    hint = ""
    if answer.status in (401, 403):
        hint = " (check NEWSKG_STORE_USER and NEWSKG_STORE_PASSWORD)"
    elif answer.status == 413:
        hint = " (lower NEWSKG_STORE_BATCH_SIZE)"
    elif answer.status in (404, 405):
        hint = " (is this the right endpoint URL?)"
    return f"could not {action} at {url}: HTTP {answer.status}{hint}" + (
        f": {detail}" if detail else ""
    )
