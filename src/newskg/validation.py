"""SHACL validation of article graphs; the only module that imports pySHACL.

Each article graph is validated on its own, with inference off and the ontology (classes,
metrics, units) merged in so that ``sh:class`` sees subclasses and vocabulary concepts. That keeps a
validation at a few milliseconds (NOTES.md) and lets a bad article be rejected alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from newskg.errors import NewskgError, ValidationFailed
from newskg.resources import ontology_graph, shapes_graph


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result."""

    focus: str
    path: str | None
    component: str
    message: str
    severity: str
    value: str | None = None

    def describe(self) -> str:
        """One line for people: focus, path, constraint and message."""
        where = f" {_short(self.path)}" if self.path else ""
        return f"{_short(self.focus)}{where}: {_short(self.component)}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating one graph."""

    conforms: bool
    violations: tuple[Violation, ...] = ()

    def raise_for_violations(self, what: str = "the graph") -> None:
        """Raise ValidationFailed (with this report as detail) unless the graph conforms."""
        if not self.conforms:
            lines = "; ".join(violation.describe() for violation in self.violations[:5])
            more = len(self.violations) - 5
            suffix = f" (and {more} more)" if more > 0 else ""
            raise ValidationFailed(
                f"{what} does not conform to the SHACL shapes: {lines}{suffix}", detail=self
            )

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form of the report."""
        return {
            "conforms": self.conforms,
            "violations": [
                {
                    "focus": violation.focus,
                    "path": violation.path,
                    "component": violation.component,
                    "message": violation.message,
                    "severity": violation.severity,
                    "value": violation.value,
                }
                for violation in self.violations
            ],
        }


def validate(
    graph: Graph, *, shapes: Graph | None = None, ontology: Graph | None = None
) -> ValidationReport:
    """Validate ``graph`` against the shapes (default: shapes/) with the ontology mixed in."""
    # pySHACL's own ont_graph mixing copies only OWL/RDFS axioms, not the metric and unit
    # concepts that sh:class must see, so the graphs are merged here (a copy, the input stays).
    # Only the typing triples matter to the shapes; copying just those keeps a validation cheap.
    mixed = Graph()
    mixed += typing_triples(ontology) if ontology is not None else _default_typing()
    mixed += graph
    conforms, results, _ = shacl_validate(
        mixed,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
    )
    assert isinstance(results, Graph)
    return ValidationReport(bool(conforms), tuple(_violations(results)))


def shapes_with(extra: Sequence[Path]) -> Graph | None:
    """The shapes of shapes/ plus the SHACL files ``extra`` (None when there are none, which
    :func:`validate` reads as the default shapes)."""
    if not extra:
        return None
    graph = Graph()
    graph += shapes_graph()
    for path in extra:
        try:
            graph.parse(path, format="turtle")
        except (OSError, SyntaxError, ValueError) as error:
            raise NewskgError(f"cannot read the shapes file {path}: {error}") from error
    return graph


def typing_triples(ontology: Graph) -> Graph:
    """The triples of ``ontology`` that ``sh:class`` needs: rdf:type and rdfs:subClassOf."""
    typing = Graph()
    for predicate in (RDF.type, RDFS.subClassOf):
        for triple in ontology.triples((None, predicate, None)):
            typing.add(triple)
    return typing


@cache
def _default_typing() -> Graph:
    return typing_triples(ontology_graph())


def _violations(results: Graph) -> list[Violation]:
    found = []
    for result in results.subjects(predicate=SH.resultSeverity):
        found.append(
            Violation(
                focus=_text(results.value(result, SH.focusNode)) or "",
                path=_text(results.value(result, SH.resultPath)),
                component=_text(results.value(result, SH.sourceConstraintComponent)) or "",
                message=_text(results.value(result, SH.resultMessage)) or "",
                severity=_text(results.value(result, SH.resultSeverity)) or "",
                value=_text(results.value(result, SH.value)),
            )
        )
    return sorted(found, key=lambda violation: (violation.focus, violation.path or ""))


def _text(node: Node | None) -> str | None:
    return None if node is None else str(node)


def _short(iri: str) -> str:
    """The local part of an IRI, for messages."""
    if not isinstance(iri, str) or not iri:
        return str(iri)
    for separator in ("#", "/"):
        if separator in iri.rstrip(separator):
            return iri.rstrip(separator).rsplit(separator, 1)[1]
    return iri
