"""Content negotiation between Accept headers and the formats newskg produces."""

from __future__ import annotations

import pytest

from newskg.formats import (
    GRAPH_FORMATS,
    JSON_LD,
    RESULT_FORMATS,
    SPARQL_JSON,
    SPARQL_XML,
    TSV,
    TURTLE,
    by_name,
    negotiate,
    parse_accept,
)


def test_accept_is_ranked_by_quality_then_specificity_then_order() -> None:
    header = "text/*;q=0.5, application/sparql-results+xml, */*;q=0.1, text/csv;q=0.5"
    assert parse_accept(header) == [
        "application/sparql-results+xml",
        "text/csv",
        "text/*",
        "*/*",
    ]


def test_zero_quality_is_refused_and_empty_header_accepts_anything() -> None:
    assert parse_accept("text/csv;q=0") == []
    assert parse_accept(None) == ["*/*"]


@pytest.mark.parametrize(
    ("header", "formats", "expected"),
    [
        ("*/*", RESULT_FORMATS, SPARQL_JSON),
        ("application/json", RESULT_FORMATS, SPARQL_JSON),
        ("text/xml", RESULT_FORMATS, SPARQL_XML),
        ("text/tab-separated-values", RESULT_FORMATS, TSV),
        ("application/ld+json", GRAPH_FORMATS, JSON_LD),
        ("text/*", GRAPH_FORMATS, TURTLE),
        ("image/png", GRAPH_FORMATS, None),
    ],
)
def test_negotiate(header: str, formats: tuple[object, ...], expected: object) -> None:
    assert negotiate(parse_accept(header), formats) == expected  # type: ignore[arg-type]


def test_formats_are_found_by_short_name_media_type_or_extension() -> None:
    assert by_name("jsonld", GRAPH_FORMATS) is JSON_LD
    assert by_name("text/turtle", GRAPH_FORMATS) is TURTLE
    assert by_name("srx", RESULT_FORMATS) is SPARQL_XML
    assert by_name("yaml", RESULT_FORMATS) is None
