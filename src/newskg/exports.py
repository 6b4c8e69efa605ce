"""Graph projections of the knowledge graph for network tools (Gephi, Cytoscape, networkx).

:func:`project` reads the store with the queries in queries/internal/graph-*.rq and builds a
:class:`networkx.MultiDiGraph` whose nodes are the agencies, people, programs, places,
populations and articles (and, with ``observations=True``, the reported figures) and whose edges
say how they are related. Every node is keyed by its IRI and has the attributes ``label``,
``kind`` (the resource kind: agency, person, program, place, population, article, observation),
``type`` (the local name of its class, e.g. ``NewsAgency``) and ``iri``; observations add
``value`` (a float), ``unit`` and ``status``, articles ``datePublished`` when known.

Edges are keyed by their ``kind`` (so at most one edge of a kind joins two nodes) and carry
``kind`` and ``weight`` (how many statements back them):

=================  ======================================================================
role               person -> agency; ``titles`` lists the titles the articles give
sub-organisation   agency -> the agency it belongs to
run-by             program -> agency
mentions           article -> agency, person, program or place
reported-by        article (or observation) -> news agency
within             place -> containing place, population -> place
stated-about       speaker (person or agency) -> what their figures are about (no observations)
figures-about      article -> what its figures are about (no observations)
subject-of         agency, program, place or population -> observation (with observations)
stated-by          observation -> person or agency (with observations)
derived-from       observation -> article (with observations)
=================  ======================================================================

:func:`neighbourhood` cuts the projection down to the nodes around one resource, and
:func:`write_graph` writes GraphML, GEXF or a JSON node-link document (the format of
:func:`networkx.node_link_data` with ``edges="links"``, readable by d3 and by
:func:`networkx.node_link_graph`). :func:`write_network` does all three for ``newskg export``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, BinaryIO

import networkx as nx

from newskg.errors import InputError, NotFound
from newskg.queries import internal_query
from newskg.store.base import Store, Term

__all__ = [
    "GEXF",
    "GRAPHML",
    "GRAPH_FORMATS",
    "NODE_LINK_JSON",
    "GraphFormat",
    "graph_bytes",
    "graph_format",
    "neighbourhood",
    "node_link",
    "project",
    "write_graph",
    "write_network",
]

#: The kinds a projection's nodes can have, in the order the projection lists them.
NODE_KINDS = ("agency", "person", "program", "place", "population", "article", "observation")
#: Greatest ``depth`` accepted by :func:`neighbourhood`.
MAX_DEPTH = 3


@dataclass(frozen=True)
class GraphFormat:
    """A file format for a projection: short name, media type and file extension."""

    name: str
    media_type: str
    extension: str


NODE_LINK_JSON = GraphFormat("json", "application/json", "json")
GRAPHML = GraphFormat("graphml", "application/graphml+xml", "graphml")
GEXF = GraphFormat("gexf", "application/gexf+xml", "gexf")
#: Formats :func:`write_graph` writes, the first being the default.
GRAPH_FORMATS: tuple[GraphFormat, ...] = (NODE_LINK_JSON, GRAPHML, GEXF)


def graph_format(name: str) -> GraphFormat:
    """The projection format with this short name, extension or media type."""
    wanted = name.strip().lower()
    for fmt in GRAPH_FORMATS:
        if wanted in (fmt.name, fmt.extension, fmt.media_type):
            return fmt
    known = ", ".join(fmt.name for fmt in GRAPH_FORMATS)
    raise InputError(f"unknown graph format {name!r} (formats: {known})")


def project(store: Store, *, observations: bool = False) -> nx.MultiDiGraph:
    """The projection of the whole store; ``observations`` adds a node per reported figure."""
    graph = nx.MultiDiGraph()
    for row in store.select(internal_query("graph-nodes").text):
        node = str(row["node"])
        kind = str(row["kind"])
        if kind == "observation" and not observations:
            continue
        if node in graph and _rank(graph.nodes[node]["kind"]) <= _rank(kind):
            continue  # a resource typed twice keeps its first kind (agency before place ...)
        graph.add_node(node, **_node_attributes(node, kind, row))
    edge_queries = ["graph-edges"]
    edge_queries.append("graph-observation-edges" if observations else "graph-statement-edges")
    for name in edge_queries:
        for row in store.select(internal_query(name).text):
            source, target, kind = str(row["source"]), str(row["target"]), str(row["kind"])
            if source not in graph or target not in graph:
                continue  # an edge to something that is not a node (a metric, a unit)
            attributes: dict[str, Any] = {"kind": kind, "weight": _int(row.get("weight"), 1)}
            if row.get("titles"):
                attributes["titles"] = str(row["titles"])
            graph.add_edge(source, target, key=kind, **attributes)
    return graph


def neighbourhood(graph: nx.MultiDiGraph, focus: str, *, depth: int = 1) -> nx.MultiDiGraph:
    """The nodes at most ``depth`` edges (either direction) away from ``focus``, and their edges."""
    if not 1 <= depth <= MAX_DEPTH:
        raise InputError(f"depth must be between 1 and {MAX_DEPTH}, got {depth}")
    if focus not in graph:
        raise NotFound(f"{focus} is not a node of the graph projection")
    around: nx.MultiDiGraph = nx.ego_graph(graph, focus, radius=depth, undirected=True)
    around.graph["focus"] = focus
    return around


def node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """A JSON-ready node-link document (``nodes`` with ``id``, ``links`` with ``key``)."""
    return {
        "directed": True,
        "multigraph": True,
        "graph": dict(graph.graph),
        "nodes": [{"id": node, **data} for node, data in graph.nodes(data=True)],
        "links": [
            {"source": source, "target": target, "key": key, **data}
            for source, target, key, data in graph.edges(keys=True, data=True)
        ],
    }


def write_graph(graph: nx.MultiDiGraph, output: BinaryIO, fmt: GraphFormat | str) -> None:
    """Write the projection to a binary stream as JSON node-link, GraphML or GEXF."""
    chosen = graph_format(fmt) if isinstance(fmt, str) else fmt
    if chosen is NODE_LINK_JSON:
        output.write(json.dumps(node_link(graph), ensure_ascii=False, indent=1).encode("utf-8"))
        return
    if chosen is GRAPHML:
        nx.write_graphml_xml(graph, output, encoding="utf-8", named_key_ids=True)
        return
    nx.write_gexf(graph, output, encoding="utf-8")


def write_network(
    store: Store,
    output: BinaryIO,
    fmt: GraphFormat | str,
    *,
    observations: bool = False,
    focus: str | None = None,
    depth: int = 1,
) -> None:
    """Project the store (around ``focus`` when given) and write it to ``output``."""
    chosen = graph_format(fmt) if isinstance(fmt, str) else fmt
    graph = project(store, observations=observations)
    if focus is not None:
        graph = neighbourhood(graph, focus, depth=depth)
    write_graph(graph, output, chosen)


def graph_bytes(graph: nx.MultiDiGraph, fmt: GraphFormat | str) -> bytes:
    """The projection serialised in memory (see :func:`write_graph`)."""
    buffer = io.BytesIO()
    write_graph(graph, buffer, fmt)
    return buffer.getvalue()


def _node_attributes(node: str, kind: str, row: Mapping[str, Term]) -> dict[str, Any]:
    class_iri = str(row.get("type", ""))
    news_agency = _int(row.get("newsAgency"), 0) == 1
    local = "NewsAgency" if news_agency else class_iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    attributes: dict[str, Any] = {"label": _label(node, kind, row), "kind": kind, "type": local}
    attributes["iri"] = node
    if kind == "article" and row.get("datePublished") is not None:
        attributes["datePublished"] = str(row["datePublished"])
    if kind == "observation":
        value = _decimal(row.get("value"))
        if value is not None:
            attributes["value"] = float(value)
        attributes["unit"] = str(row.get("unit") or "")
        attributes["status"] = str(row.get("status") or "")
    return attributes


def _label(node: str, kind: str, row: Mapping[str, Term]) -> str:
    if kind == "observation":
        value = _decimal(row.get("value"))
        parts = [f"{value:,}" if value is not None else "?"]
        if row.get("unit"):
            parts.append(str(row["unit"]))
        if row.get("status"):
            parts.append(f"({row['status']})")
        return " ".join(parts)
    if row.get("label"):
        return str(row["label"])
    return f"{kind} {node.rstrip('/').rsplit('/', 1)[-1]}"


def _rank(kind: str) -> int:
    return NODE_KINDS.index(kind) if kind in NODE_KINDS else len(NODE_KINDS)


def _int(term: Term | None, default: int) -> int:
    if term is None:
        return default
    try:
        return int(str(term))
    except ValueError:
        return default


def _decimal(term: Term | None) -> Decimal | None:
    if term is None:
        return None
    try:
        return Decimal(str(term))
    except InvalidOperation:
        return None
