"""Binding parameters as VALUES and finding SERVICE endpoints in SPARQL text."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from newskg.errors import QueryError
from newskg.sparqltext import bind_into_subqueries, bind_values, service_targets, term_to_sparql


def _rows(query: str) -> list[dict[str, str]]:
    store = ox.Store()
    for value in ("a", "b", 'c"}'):
        subject, predicate = ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p")
        store.add(ox.Quad(subject, predicate, ox.Literal(value)))
    return [
        {str(var.value): solution[var].value for var in solutions.variables if solution[var]}
        for solutions in [store.query(query)]
        for solution in solutions
    ]


def test_bound_value_filters_the_pattern_and_reaches_filters() -> None:
    query = "SELECT ?o WHERE { <http://x/s> <http://x/p> ?o FILTER(!BOUND(?want) || ?o = ?want) }"
    assert len(_rows(query)) == 3
    bound = bind_values(query, {"want": Literal("b")})
    assert _rows(bound) == [{"o": "b"}]


def test_values_cannot_break_out_of_their_term() -> None:
    hostile = Literal('c"} } ; DROP ALL ; SELECT * { "')
    query = bind_values("SELECT ?o WHERE { <http://x/s> <http://x/p> ?o }", {"o": hostile})
    assert _rows(query) == []
    exact = bind_values("SELECT ?o WHERE { <http://x/s> <http://x/p> ?o }", {"o": Literal('c"}')})
    assert _rows(exact) == [{"o": 'c"}'}]


def test_construct_template_braces_are_skipped() -> None:
    query = 'CONSTRUCT { ?s ?p "}" } WHERE { ?s ?p ?o } # { comment'
    bound = bind_values(query, {"s": URIRef("http://x/s")})
    assert bound.startswith('CONSTRUCT { ?s ?p "}" } WHERE { VALUES (?s) { (<http://x/s>) }')


def test_terms_are_serialized_strictly() -> None:
    assert term_to_sparql(Literal("2020-03-19", datatype=XSD.date)) == (
        '"2020-03-19"^^<http://www.w3.org/2001/XMLSchema#date>'
    )
    assert term_to_sparql(Literal("x\ny", lang="en")) == '"x\\ny"@en'
    with pytest.raises(QueryError):
        term_to_sparql(URIRef("http://x/> . <http://y"))
    with pytest.raises(QueryError):
        term_to_sparql(BNode())


def test_service_targets_expand_prefixes_and_keep_variables() -> None:
    query = """PREFIX wd: <https://query.wikidata.org/>
    SELECT * WHERE { SERVICE SILENT wd:sparql { ?a ?b ?c } SERVICE <http://x.org/q> { }
                     SERVICE ?endpoint { } }"""
    assert service_targets(query) == [
        "https://query.wikidata.org/sparql",
        "http://x.org/q",
        "?endpoint",
    ]
    assert service_targets('SELECT * WHERE { ?s ?p "SERVICE <http://no>" }') == []


def test_bound_values_reach_the_sub_selects_that_project_them() -> None:
    """Each sub-SELECT projecting a bound variable gets it as VALUES; the rows do not change."""
    query = (
        "SELECT ?s ?n ?o WHERE { ?s <http://x/p> ?o . "
        "{ SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?x } GROUP BY ?s } "
        "OPTIONAL { SELECT ?o WHERE { ?y ?q ?o } } }"
    )
    bindings = {"s": URIRef("http://x/s")}
    inside = bind_into_subqueries(query, bindings)
    assert inside.count("VALUES (?s) { (<http://x/s>) }") == 1
    assert inside.index("VALUES") > inside.index("{ SELECT ?s")
    rows = sorted(_rows(bind_values(inside, bindings)), key=repr)
    assert rows == sorted(_rows(bind_values(query, bindings)), key=repr)
    assert [row["n"] for row in rows] == ["3", "3", "3"]
