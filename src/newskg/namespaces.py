"""RDF namespaces used across newskg; a test checks every NKG term used here exists in ontology/."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, QB, RDF, RDFS, SKOS, XSD

NKG = Namespace("https://w3id.org/newskg/ontology#")
# schema.org in its http form: the one Wikidata, most SPARQL endpoints and schema.org's own
# vocabulary file use (rdflib's SDO is the https form).
SDO = Namespace("http://schema.org/")
METRIC = Namespace("https://w3id.org/newskg/metric/")
UNIT = Namespace("https://w3id.org/newskg/unit/")
ORG = Namespace("http://www.w3.org/ns/org#")
CUR = Namespace("http://qudt.org/vocab/currency/")
QUDT_UNIT = Namespace("http://qudt.org/vocab/unit/")
WD = Namespace("http://www.wikidata.org/entity/")
GN = Namespace("https://sws.geonames.org/")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")

#: Prefixes offered to users (SPARQL editor, Turtle exports, query headers).
PREFIXES: dict[str, str] = {
    "nkg": str(NKG),
    "metric": str(METRIC),
    "unit": str(UNIT),
    "schema": str(SDO),
    "prov": str(PROV),
    "org": str(ORG),
    "qb": str(QB),
    "skos": str(SKOS),
    "foaf": str(FOAF),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "dcterms": str(DCTERMS),
    "cur": str(CUR),
    "qudt": str(QUDT_UNIT),
    "wd": str(WD),
}

__all__ = [
    "CUR",
    "DCTERMS",
    "FOAF",
    "GN",
    "METRIC",
    "NKG",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "QB",
    "QUDT_UNIT",
    "RDF",
    "RDFS",
    "SD",
    "SDO",
    "SKOS",
    "UNIT",
    "WD",
    "XSD",
]
