"""A small, fixed knowledge graph for tests of the store, queries and API.

It is built from pipeline records (not from extraction) so that tests of the layers above the
extractor do not move when extraction improves. The figures echo the seed articles' kind: an
organisation's target and achievement for one Iranian year, in two articles.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

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
from newskg.store.base import GraphPayload, Store
from newskg.vocabulary import install_vocabulary

TEXT_ONE = (
    "The Example Industries Organization (EIO) plans to revive 1,400 idle units this year, "
    "EIO deputy head Ali Asqar Example told Example News Agency. It revived 1,000 units last year."
)
TEXT_TWO = (
    "EIO revived 1,185 idle units in the past year, according to Ali-Asghar Example. "
    "The ministry allocated 15 trillion rials (about $357 million) to the program."
)


def sample_articles(iris: IriScheme) -> list[ResolvedArticle]:
    """Two resolved articles sharing one agency and one person (spelled two ways)."""
    one = Article(text=TEXT_ONE, url="https://news.example/eio-target", headline="EIO target")
    two = Article(
        text=TEXT_TWO,
        url="https://news.example/eio-result",
        headline="EIO result",
        date_published=date(2020, 6, 1),
    )
    eio = iris.mint("agency", "eio")
    ministry = iris.mint("agency", "industry-ministry")
    news = iris.mint("agency", "example-news-agency")
    person = iris.mint("person", "ali-asqar-example")
    country = iris.mint("place", "iran")
    program = iris.mint("program", "plan-for-reviving-idle-units")
    smes = iris.mint("population", "smes")
    agencies = (
        Agency(eio, "Example Industries Organization", ("EIO",), acronym="EIO", parent=ministry),
        Agency(ministry, "Industry Ministry", ("the ministry",)),
        Agency(news, "Example News Agency", news_agency=True),
    )
    year_1398 = {
        "period_start": date(2019, 3, 21),
        "period_end": date(2020, 3, 19),
        "period_label": "Iranian year 1398",
    }
    first = ResolvedArticle(
        iri=iris.article(one.key),
        article=one,
        reported_by=(news,),
        agencies=agencies,
        people=(Person(person, "Ali Asqar Example"),),
        roles=(Role(iris.role(one.key, 1), person, eio, "deputy head", "EIO deputy head"),),
        places=(Place(country, "Iran", kind="country"),),
        populations=(Population(smes, "SMEs", place=country),),
        observations=(
            Observation(
                iri=iris.observation(one.key, 1),
                metric=str(METRIC["idle-units-revived"]),
                metric_label="idle units",
                value=Decimal(1400),
                unit=str(UNIT.unit),
                status=Status.TARGET,
                subject=eio,
                evidence=TEXT_ONE.split(". ")[0] + ".",
                stated_by=person,
                reported_by=news,
                **year_1398,
            ),
            Observation(
                iri=iris.observation(one.key, 2),
                metric=str(METRIC["idle-units-revived"]),
                value=Decimal(1000),
                unit=str(UNIT.unit),
                status=Status.ACHIEVED,
                subject=eio,
                evidence=TEXT_ONE.split(". ")[1],
                stated_by=person,
                period_start=date(2018, 3, 21),
                period_end=date(2019, 3, 20),
                period_label="Iranian year 1397",
            ),
        ),
    )
    second = ResolvedArticle(
        iri=iris.article(two.key),
        article=two,
        agencies=agencies[:2],
        people=(Person(person, "Ali-Asghar Example", ("Ali Asqar Example",)),),
        roles=(Role(iris.role(two.key, 1), person, eio, "deputy head", "deputy head"),),
        programs=(Program(program, "plan for reviving idle units", run_by=ministry),),
        observations=(
            Observation(
                iri=iris.observation(two.key, 1),
                metric=str(METRIC["idle-units-revived"]),
                value=Decimal(1185),
                unit=str(UNIT.unit),
                status=Status.ACHIEVED,
                subject=eio,
                evidence=TEXT_TWO.split(". ")[0] + ".",
                stated_by=person,
                **year_1398,
            ),
            Observation(
                iri=iris.observation(two.key, 2),
                metric=str(METRIC["funding-allocated"]),
                value=Decimal(15_000_000_000_000),
                unit=str(CUR.IRR),
                status=Status.ACHIEVED,
                subject=ministry,
                evidence=TEXT_TWO.split(". ")[1],
                program=program,
                equivalents=(Amount(Decimal(357_000_000), str(CUR.USD), approximate=True),),
            ),
        ),
    )
    return [first, second]


def load_sample(store: Store, iris: IriScheme) -> list[ResolvedArticle]:
    """Write the sample articles (and the vocabulary graph) into ``store``."""
    install_vocabulary(store)
    articles = sample_articles(iris)
    store.replace_graphs(
        [
            GraphPayload(
                resolved.iri, article_graph(resolved).serialize(format="nt", encoding="utf-8")
            )
            for resolved in articles
        ]
    )
    return articles
