"""Media types of SPARQL results and RDF serialisations, and content negotiation between them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ResultKind(StrEnum):
    """The three shapes a SPARQL query result can take."""

    SOLUTIONS = "solutions"
    BOOLEAN = "boolean"
    GRAPH = "graph"


@dataclass(frozen=True)
class Format:
    """A serialisation newskg can produce: its media type, short name and file extension."""

    media_type: str
    name: str
    extension: str


SPARQL_JSON = Format("application/sparql-results+json", "json", "srj")
SPARQL_XML = Format("application/sparql-results+xml", "xml", "srx")
CSV = Format("text/csv", "csv", "csv")
TSV = Format("text/tab-separated-values", "tsv", "tsv")

TURTLE = Format("text/turtle", "ttl", "ttl")
N_TRIPLES = Format("application/n-triples", "nt", "nt")
N_QUADS = Format("application/n-quads", "nq", "nq")
TRIG = Format("application/trig", "trig", "trig")
JSON_LD = Format("application/ld+json", "jsonld", "jsonld")
RDF_XML = Format("application/rdf+xml", "rdfxml", "rdf")

#: Formats for SELECT and ASK results, the first being the default.
RESULT_FORMATS: tuple[Format, ...] = (SPARQL_JSON, SPARQL_XML, CSV, TSV)
#: Formats for triples (CONSTRUCT, DESCRIBE, Linked Data), the first being the default.
GRAPH_FORMATS: tuple[Format, ...] = (TURTLE, N_TRIPLES, JSON_LD, RDF_XML)
#: Formats for whole datasets (exports): quads keep each article's graph.
DATASET_FORMATS: tuple[Format, ...] = (N_QUADS, TRIG, JSON_LD)

#: Media types that mean the same as a canonical one (older or generic names).
_ALIASES = {
    "application/json": SPARQL_JSON.media_type,
    "application/xml": SPARQL_XML.media_type,
    "text/xml": SPARQL_XML.media_type,
    "text/plain": N_TRIPLES.media_type,
    "application/x-turtle": TURTLE.media_type,
    "text/n3": TURTLE.media_type,
    "application/turtle": TURTLE.media_type,
}


def by_name(name: str, formats: tuple[Format, ...]) -> Format | None:
    """The format among ``formats`` with this short name or media type, if any."""
    wanted = name.strip().lower()
    wanted = _ALIASES.get(wanted, wanted)
    for fmt in formats:
        if wanted in (fmt.name, fmt.media_type, fmt.extension):
            return fmt
    return None


def parse_accept(header: str | None) -> list[str]:
    """Media ranges of an Accept header, most preferred first (q=0 ranges dropped)."""
    if not header:
        return ["*/*"]
    ranked: list[tuple[float, int, int, str]] = []
    for position, part in enumerate(header.split(",")):
        pieces = [piece.strip() for piece in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            # More specific ranges win ties, then the order the client wrote them in.
            specificity = 0 if media == "*/*" else 1 if media.endswith("/*") else 2
            ranked.append((-quality, -specificity, position, media))
    ranked.sort()
    return [media for *_, media in ranked]


def negotiate(accepted: list[str], formats: tuple[Format, ...]) -> Format | None:
    """The first of ``formats`` that the ranked media ranges ``accepted`` allow, or None."""
    for media in accepted:
        media = _ALIASES.get(media, media)
        if media == "*/*":
            return formats[0]
        if media.endswith("/*"):
            family = media[:-1]
            for fmt in formats:
                if fmt.media_type.startswith(family):
                    return fmt
            continue
        for fmt in formats:
            if fmt.media_type == media:
                return fmt
    return None
