"""The whole pipeline on the sample articles, into a real embedded store."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph

from newskg.ingest import Ingestor, Status
from newskg.iris import IriScheme
from newskg.queries import load_queries
from newskg.settings import DEFAULT_BASE_IRI
from newskg.sources import Loaded, iter_articles
from newskg.store.oxigraph import OxigraphStore
from newskg.validation import validate
from newskg.vocabulary import VOCABULARY_GRAPH

EXAMPLES = Path(__file__).parents[1] / "examples" / "articles"
IRIS = IriScheme(DEFAULT_BASE_IRI)
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

# A stricter shape than shapes/: every article must carry a publication date. The sample .txt
# articles have none, so their graphs are really invalid against it (no validator is mocked).
DATED_ARTICLES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix nkg: <https://w3id.org/newskg/ontology#> .
@prefix schema: <http://schema.org/> .
<urn:test:DatedArticle> a sh:NodeShape ; sh:targetClass nkg:Article ;
    sh:property [ sh:path schema:datePublished ; sh:minCount 1 ] .
"""


@pytest.fixture
def store(tmp_path: Path) -> OxigraphStore:
    return OxigraphStore(tmp_path / "store")


def _count(store: OxigraphStore) -> int:
    return int(store.select(COUNT_QUADS)[0]["n"])


def test_examples_give_the_targets_and_achievements_table(store: OxigraphStore) -> None:
    summary = Ingestor(store, iris=IRIS).ingest(iter_articles([EXAMPLES]))
    assert (summary.stored, summary.rejected) == (2, 0)
    query = load_queries()["targets-vs-achievements"]
    rows = [
        (str(row["periodLabel"]), row["target"].toPython(), row["achieved"].toPython(), row)
        for row in store.select(query.text)
        if "Small Industries" in str(row["subjectLabel"])
    ]
    by_pair = {(target, achieved): row for _, target, achieved, row in rows}
    year_1398 = by_pair[(Decimal(1400), Decimal(1185))]
    assert str(year_1398["periodStart"]) == "2019-03-21"
    assert str(year_1398["periodEnd"]) == "2020-03-19"
    assert year_1398["targetArticle"] != year_1398["achievedArticle"]
    year_1397 = by_pair[(Decimal(1000), Decimal(1726))]
    assert (str(year_1397["periodStart"]), str(year_1397["periodEnd"])) == (
        "2018-03-21",
        "2019-03-20",
    )


def test_one_person_across_spellings(store: OxigraphStore) -> None:
    Ingestor(store, iris=IRIS).ingest(iter_articles([EXAMPLES]))
    rows = store.select(load_queries()["people-and-roles"].text)
    mosaheb = {str(row["person"]) for row in rows if "Mosaheb" in str(row["personName"])}
    assert len(mosaheb) == 1
    names = {str(row["personName"]) for row in rows if str(row["person"]) in mosaheb}
    aliases = " | ".join(
        str(row.get("aliases", "")) for row in rows if str(row["person"]) in mosaheb
    )
    assert {"Ali Asqar Mosaheb", "Ali-Asghar Mosaheb"} <= names | set(aliases.split(" | "))


def test_every_stored_graph_conforms(store: OxigraphStore) -> None:
    Ingestor(store, iris=IRIS).ingest(iter_articles([EXAMPLES]))
    graphs = [graph for graph in store.named_graphs() if graph != VOCABULARY_GRAPH]
    assert len(graphs) == 2
    for graph in graphs:
        report = validate(store.graph(graph))
        assert report.conforms, [violation.describe() for violation in report.violations]


def test_reingesting_replaces_and_never_duplicates(store: OxigraphStore) -> None:
    Ingestor(store, iris=IRIS).ingest(iter_articles([EXAMPLES]))
    before = _count(store)
    again = Ingestor(store, iris=IRIS, batch_size=1).ingest(iter_articles([EXAMPLES, EXAMPLES]))
    assert again.stored == 4
    assert _count(store) == before
    observations = (
        "SELECT (COUNT(?o) AS ?n) WHERE { ?o a <https://w3id.org/newskg/ontology#Observation> }"
    )
    assert int(store.select(observations)[0]["n"]) == 20


def test_invalid_articles_are_rejected_with_their_report_and_nothing_is_written(
    store: OxigraphStore,
) -> None:
    Ingestor(store, iris=IRIS).ingest([])
    before = _count(store)
    strict = Graph().parse(data=DATED_ARTICLES, format="turtle")
    seen = []
    summary = Ingestor(store, iris=IRIS, shapes=strict, on_outcome=seen.append).ingest(
        iter_articles([EXAMPLES])
    )
    assert (summary.stored, summary.rejected) == (0, 2)
    for outcome in summary.outcomes:
        assert outcome.status is Status.REJECTED
        assert outcome.report is not None
        assert not outcome.report.conforms
        (violation,) = outcome.report.violations
        assert violation.path == "http://schema.org/datePublished"
        assert violation.focus == outcome.article_iri
    assert len(seen) == 2
    assert _count(store) == before


def test_unreadable_items_are_counted_as_rejected(store: OxigraphStore) -> None:
    summary = Ingestor(store, iris=IRIS).ingest([Loaded("broken.json", error="not valid JSON")])
    assert (summary.stored, summary.rejected) == (0, 1)
    assert summary.outcomes[0].error == "not valid JSON"
