"""Named queries: headers, typed parameters, and their results on the sample graph."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from newskg.errors import InputError, NotFound
from newskg.iris import IriScheme
from newskg.queries import ParamType, find_query, load_queries, parse_query_file
from newskg.settings import DEFAULT_BASE_IRI
from newskg.store.oxigraph import OxigraphStore
from sample_data import load_sample

IRIS = IriScheme(DEFAULT_BASE_IRI)


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    store = OxigraphStore()
    load_sample(store, IRIS)
    return store


def test_header_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "by-year.rq"
    path.write_text(
        "#+ summary: Figures of one year\n"
        "#+ description: First line.\n#+ description: Second line.\n"
        "#+ param year: integer, default=1398 -- a Solar Hijri year\n"
        "#+ param who: iri -- the subject\n"
        "SELECT * WHERE { ?s ?p ?o }\n",
        encoding="utf-8",
    )
    query = parse_query_file(path)
    assert query.name == "by-year"
    assert query.summary == "Figures of one year"
    assert query.description == "First line. Second line."
    year, who = query.parameters
    assert (year.type, year.required, year.default) == (ParamType.INTEGER, False, "1398")
    assert (who.type, who.required, who.description) == (ParamType.IRI, True, "the subject")
    assert query.bindings({"who": "http://x/a"}) == {
        "year": Literal(1398),
        "who": URIRef("http://x/a"),
    }
    with pytest.raises(InputError, match="needs parameter 'who'"):
        query.bindings({})
    with pytest.raises(InputError, match="expects integer"):
        query.bindings({"who": "http://x/a", "year": "1398; DROP ALL"})
    with pytest.raises(InputError, match="expects iri"):
        query.bindings({"who": "http://x/a> . ?s ?p <http://y"})


def test_every_published_query_has_a_summary_and_runs(store: OxigraphStore) -> None:
    queries = load_queries()
    assert {
        "observations",
        "targets-vs-achievements",
        "people-and-roles",
        "claims-by-source",
    } <= set(queries)
    for query in queries.values():
        assert query.summary
        assert query.summary != query.name
        rows = store.select(query.text, bindings=query.bindings({}))
        assert rows, f"{query.name} returned nothing on the sample graph"


def test_targets_vs_achievements_pairs_figures_across_articles(store: OxigraphStore) -> None:
    query = load_queries()["targets-vs-achievements"]
    rows = store.select(query.text, bindings=query.bindings({}))
    assert len(rows) == 1
    (row,) = rows
    assert row["target"].toPython() == Decimal(1400)
    assert row["achieved"].toPython() == Decimal(1185)
    assert str(row["percent"]) == "84.6"
    assert row["targetArticle"] != row["achievedArticle"]
    assert str(row["periodLabel"]) == "Iranian year 1398"


def test_observation_filters_are_bound_not_pasted(store: OxigraphStore) -> None:
    query = load_queries()["observations"]
    targets = store.select(query.text, bindings=query.bindings({"status": "target"}))
    assert [str(row["value"]) for row in targets] == ["1400"]
    ministry = IRIS.mint("agency", "industry-ministry")
    rows = store.select(query.text, bindings=query.bindings({"subject": ministry}))
    assert [str(row["unit"]) for row in rows] == ["IRR"]
    hostile = store.select(query.text, bindings=query.bindings({"status": 'x") || true || ("'}))
    assert hostile == []


def test_people_and_roles_merges_spellings(store: OxigraphStore) -> None:
    query = load_queries()["people-and-roles"]
    rows = store.select(query.text)
    assert {str(row["person"]) for row in rows} == {IRIS.mint("person", "ali-asqar-example")}
    assert {str(row["title"]) for row in rows} == {"deputy head"}
    assert len({str(row["article"]) for row in rows}) == 2


def test_find_query_by_name_or_file(tmp_path: Path) -> None:
    assert find_query("observations").name == "observations"
    path = tmp_path / "mine.rq"
    path.write_text("SELECT * WHERE { ?s ?p ?o } LIMIT 1\n", encoding="utf-8")
    assert find_query(str(path)).name == "mine"
    with pytest.raises(NotFound, match="no query named"):
        find_query("no-such-query")
