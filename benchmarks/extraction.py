"""Measure extraction against a gold file: ``python benchmarks/extraction.py [--gold FILE
--articles DIR]``. Prints P/R/F1 of observations, people (with role) and agencies, the accuracy
of ``stated_by``, and every false positive and miss.

BBC files (first line the headline, no publication date) are keyed "business/001.txt" relative
to ``--articles``; the seeds are keyed by file name.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from gold import (
    Score,
    SystemAgency,
    SystemFacts,
    SystemObservation,
    SystemPerson,
    labels,
    load_gold,
    score,
)
from newskg.extract import extract
from newskg.iris import IriScheme
from newskg.model import Article, ResolvedArticle
from newskg.resolve import EntityIndex, resolve

ROOT = Path(__file__).resolve().parents[1]


def read_article(path: Path, key: str) -> Article:
    """An article from a text file; a BBC file's first line is its headline."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if "/" in key:
        headline, _, body = text.partition("\n")
        return Article(
            text=body.strip(), headline=headline.strip(), identifier=key, source=str(path)
        )
    return Article(text=text, identifier=key, source=str(path))


def facts_from_resolved(resolved: list[tuple[str, ResolvedArticle]]) -> SystemFacts:
    """The facts of resolved articles (``(gold key, article)`` pairs), merged across articles
    by IRI as the store would merge them."""
    facts = SystemFacts()
    entity_labels: dict[str, set[str]] = {}
    news: dict[str, bool] = {}
    person_roles: dict[str, set[tuple[str | None, str]]] = {}
    places: set[str] = set()
    for _, article in resolved:
        for agency in article.agencies:
            entity_labels.setdefault(agency.iri, set()).update(
                (agency.label, *agency.alt_labels, *([agency.acronym] if agency.acronym else []))
            )
            news[agency.iri] = news.get(agency.iri, False) or agency.news_agency
        for person in article.people:
            entity_labels.setdefault(person.iri, set()).update((person.name, *person.alt_labels))
            person_roles.setdefault(person.iri, set())
        for role in article.roles:
            person_roles.setdefault(role.person, set()).add((role.agency, role.title))
        for place in article.places:
            entity_labels.setdefault(place.iri, set()).add(place.label)
            places.add(place.iri)
        for population in article.populations:
            entity_labels.setdefault(population.iri, set()).add(population.label)
        for program in article.programs:
            entity_labels.setdefault(program.iri, set()).add(program.label)
    for key, article in resolved:
        for obs in article.observations:
            facts.observations.append(
                SystemObservation(
                    article=key,
                    value=obs.value,
                    status=obs.status.value.lower(),
                    subject_labels=frozenset(entity_labels.get(obs.subject, ())),
                    period_start=obs.period_start,
                    period_end=obs.period_end,
                    unit=obs.unit.rsplit("/", 1)[-1],
                    stated_by_labels=frozenset(entity_labels.get(obs.stated_by or "", ())),
                    reported_by_labels=frozenset(entity_labels.get(obs.reported_by or "", ())),
                    evidence=obs.evidence,
                )
            )
    for iri, flag in news.items():
        facts.agencies.append(SystemAgency(labels(entity_labels[iri]), flag))
    for iri, roles in person_roles.items():
        facts.people.append(
            SystemPerson(
                labels(entity_labels.get(iri, ())),
                frozenset((labels(entity_labels.get(a or "", ())), t) for a, t in roles),
            )
        )
    facts.places = [labels(entity_labels[iri]) for iri in places]
    return facts


def run(gold_path: Path, articles_dir: Path) -> int:
    """Extract, resolve and score every article of the gold file; print the report."""
    gold = load_gold(gold_path)
    iris = IriScheme("https://w3id.org/newskg/id/")
    index = EntityIndex.empty()
    resolved = []
    started = time.perf_counter()
    for key in gold.articles:
        path = articles_dir / key
        if not path.exists():
            print(f"missing article file: {path}", file=sys.stderr)
            continue
        article = resolve(extract(read_article(path, key)), iris=iris, known=index)
        index.add(article)
        resolved.append((key, article))
    elapsed = time.perf_counter() - started
    scores = score(gold, facts_from_resolved(resolved))
    print(f"{len(resolved)} articles in {elapsed:.2f} s\n")
    print(f"{'':14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}")
    rows: list[tuple[str, Score]] = [
        ("observations", scores.observations),
        ("people+role", scores.people),
        ("agencies", scores.agencies),
    ]
    for name, s in rows:
        print(f"{name:14}{s.precision:7.2f}{s.recall:7.2f}{s.f1:7.2f}{s.tp:5}{s.fp:5}{s.fn:5}")
    print(
        f"\nstated_by accuracy: {scores.attribution_accuracy:.2f} "
        f"({scores.attribution_correct}/{scores.attribution_total})"
    )
    print("\nFALSE POSITIVE observations:")
    for o in scores.false_observations:
        subject = "|".join(sorted(o.subject_labels))[:40]
        print(
            f"  {o.article} {o.value} {o.unit} {o.status} [{subject}] "
            f"{o.period_start}..{o.period_end} :: {o.evidence[:110]}"
        )
    print("\nMISSED observations:")
    for g in scores.missed_observations:
        print(
            f"  {g.article} {g.value} {g.status} [{g.subject}] {g.period_start}..{g.period_end}"
            f" ({g.metric})"
        )
    print(
        "\npeople: false",
        [sorted(p.labels) for p in scores.false_people],
        "\n        missed",
        [p.id for p in scores.missed_people],
    )
    print(
        "agencies: false",
        [sorted(a.labels) for a in scores.false_agencies],
        "\n          missed",
        [a.id for a in scores.missed_agencies],
    )
    return 0


def main() -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "seeds.yaml")
    parser.add_argument("--articles", type=Path, default=ROOT / "examples" / "articles")
    arguments = parser.parse_args()
    return run(arguments.gold, arguments.articles)


if __name__ == "__main__":
    sys.exit(main())
