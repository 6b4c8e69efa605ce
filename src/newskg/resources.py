"""Where the data files (ontology/, shapes/, queries/) are, installed or in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph

_PACKAGED = Path(__file__).parent / "_data"
_CHECKOUT = Path(__file__).resolve().parents[2]


def data_dir(name: str) -> Path:
    """The directory ``name`` (``ontology``, ``shapes`` or ``queries``): packaged copy first."""
    for root in (_PACKAGED, _CHECKOUT):
        candidate = root / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"newskg data directory {name!r} is missing from the installation")


def turtle_files(name: str) -> list[Path]:
    """Every Turtle file of a data directory, sorted by name."""
    return sorted(data_dir(name).glob("*.ttl"))


@cache
def ontology_graph() -> Graph:
    """The ontology with its metric and unit vocabularies, parsed once per process."""
    graph = Graph()
    for path in turtle_files("ontology"):
        graph.parse(path, format="turtle")
    return graph


@cache
def shapes_graph() -> Graph:
    """Every SHACL shape in shapes/, parsed once per process."""
    graph = Graph()
    for path in turtle_files("shapes"):
        graph.parse(path, format="turtle")
    return graph
