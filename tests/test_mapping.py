"""Mapping a resolved article to RDF, compared as RDF with a hand-written expectation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic

from newskg.iris import IriScheme
from newskg.mapping import article_graph
from newskg.model import (
    Agency,
    Amount,
    Article,
    Observation,
    Person,
    Place,
    Population,
    Program,
    ResolvedArticle,
    Role,
    Status,
)
from newskg.namespaces import CUR, METRIC, UNIT
from newskg.validation import validate

EXPECTED = Path(__file__).parent / "data" / "mapping" / "expected.ttl"
IRIS = IriScheme("https://example.org/id/")
SENTENCE = "The ministry plans to revive 2,000 units, of which 1,400 SMEs."


def _resolved() -> ResolvedArticle:
    article = Article(
        text=SENTENCE,
        url="https://news.example/plan",
        headline="Ministry plan",
        date_published=date(2019, 10, 14),
        publisher="Example News Agency",
    )
    ministry, news = IRIS.mint("agency", "ministry"), IRIS.mint("agency", "news")
    person, program = IRIS.mint("person", "p"), IRIS.mint("program", "plan")
    iran, alborz = IRIS.mint("place", "iran"), IRIS.mint("place", "alborz")
    smes = IRIS.mint("population", "smes")
    whole, part, money = (IRIS.mint("observation", f"k-{n}") for n in (1, 2, 3))
    units = {"metric": str(METRIC["idle-units-revived"]), "unit": str(UNIT.unit)}
    return ResolvedArticle(
        iri=IRIS.mint("article", "k"),
        article=article,
        publisher=news,
        reported_by=(news,),
        agencies=(
            Agency(
                ministry,
                "Ministry of Industry, Mine and Trade",
                ("Industry Ministry",),
                acronym="MIMT",
            ),
            Agency(news, "Example News Agency", news_agency=True),
        ),
        people=(Person(person, "Saeed Example", ("Saied Example",)),),
        roles=(
            Role(
                IRIS.role("k", 1), person, ministry, "deputy minister", "Deputy Industry Minister"
            ),
        ),
        programs=(Program(program, "plan for reviving units", run_by=ministry),),
        places=(
            Place(alborz, "Alborz Province", kind="province", within=iran),
            Place(iran, "Iran", kind="country"),
        ),
        populations=(Population(smes, "SMEs", place=iran),),
        observations=(
            Observation(
                iri=whole,
                value=Decimal("2000"),
                status=Status.TARGET,
                subject=ministry,
                evidence=SENTENCE,
                metric_label="idle units",
                period_start=date(2019, 3, 21),
                period_end=date(2020, 3, 19),
                period_label="Iranian year 1398",
                stated_by=person,
                reported_by=news,
                program=program,
                place=alborz,
                revision_of=money,
                **units,
            ),
            Observation(
                iri=part,
                value=Decimal("1.4E+3"),
                status=Status.TARGET,
                subject=smes,
                evidence=SENTENCE,
                part_of=whole,
                **units,
            ),
            Observation(
                iri=money,
                metric=str(METRIC["funding-allocated"]),
                value=Decimal("15e12"),
                value_max=Decimal("16000000000000.50"),
                unit=str(CUR.IRR),
                status=Status.ACHIEVED,
                subject=ministry,
                evidence="It allocated 15 trillion rials.",
                approximate=True,
                progress_toward=whole,
                equivalents=(Amount(Decimal(357_000_000), str(CUR.USD), approximate=True),),
            ),
        ),
    )


def test_mapping_matches_the_expected_graph() -> None:
    produced = article_graph(_resolved())
    expected = Graph().parse(EXPECTED, format="turtle")
    if not isomorphic(produced, expected):
        _, only_produced, only_expected = graph_diff(produced, expected)
        raise AssertionError(
            "mapping differs:\n+ "
            + only_produced.serialize(format="nt")
            + "\n- "
            + only_expected.serialize(format="nt")
        )


def test_mapped_article_conforms_to_the_shapes() -> None:
    report = validate(article_graph(_resolved()))
    assert report.conforms, [violation.describe() for violation in report.violations]


def test_graph_is_named_by_the_article() -> None:
    resolved = _resolved()
    assert str(article_graph(resolved).identifier) == resolved.iri
