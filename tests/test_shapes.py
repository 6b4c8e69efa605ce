"""Every SHACL shape has conforming and violating examples; violations are asserted exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from newskg.resources import shapes_graph
from newskg.validation import validate

FIXTURES = Path(__file__).parent / "fixtures" / "shapes"
SHACL = str(SH)
PREFIX_LINE = re.compile(r"^@prefix\s+(\w*):\s+<([^>]+)>", re.MULTILINE)


def _cases(kind: str) -> list[Path]:
    return sorted(FIXTURES.glob(f"*/{kind}/*.ttl"))


def _case_id(path: Path) -> str:
    return f"{path.parents[1].name}/{path.stem}"


def _expected(path: Path) -> tuple[str, str, str]:
    """The (focus, path, component) a violating example's first line announces."""
    lines = path.read_text(encoding="utf-8").splitlines()
    # The file's own @prefix lines: rdflib's default bindings would read schema: as https.
    prefixes = dict(PREFIX_LINE.findall("\n".join(lines)))
    focus, predicate, component = lines[0].removeprefix("# expect:").split()

    def expand(curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return prefixes[prefix] + local

    return expand(focus), expand(predicate), SHACL + component


@pytest.mark.parametrize("path", _cases("valid"), ids=_case_id)
def test_conforming_example(path: Path) -> None:
    graph = Graph().parse(path, format="turtle")
    report = validate(graph)
    assert report.conforms, [violation.describe() for violation in report.violations]


@pytest.mark.parametrize("path", _cases("invalid"), ids=_case_id)
def test_violating_example(path: Path) -> None:
    graph = Graph().parse(path, format="turtle")
    report = validate(graph)
    assert not report.conforms
    found = {(v.focus, v.path, v.component) for v in report.violations}
    assert found == {_expected(path)}


def test_every_shape_has_both_kinds_of_example() -> None:
    shapes = {
        str(shape).rsplit("#", 1)[1].removesuffix("Shape")
        for shape in shapes_graph().subjects(RDF.type, SH.NodeShape)
        if isinstance(shape, URIRef)
    }
    for shape in shapes:
        assert list((FIXTURES / shape / "valid").glob("*.ttl")), f"{shape}: no conforming example"
        assert list((FIXTURES / shape / "invalid").glob("*.ttl")), f"{shape}: no violating example"
