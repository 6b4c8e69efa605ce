"""Measure extraction against a gold file: ``python benchmarks/extraction.py [--gold FILE
--articles DIR]``. Prints P/R/F1 of observations, people (with role) and agencies, the accuracy
of ``stated_by``, and every false positive and miss.

As DESIGN.md asks, the articles are ingested (extract, resolve, map, validate, store) into a fresh
embedded store and the facts are read back through SPARQL (``store_facts.py``): what is scored is
what users can query. Gold keys are paths relative to ``--articles`` ("business/001.txt" for the
BBC corpus, file names for the seeds, "012.json" for the Iranian sets); files are read as
``newskg ingest`` reads them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from gold import Score, load_gold, miss_reasons, score
from newskg.ingest import Ingestor
from newskg.iris import IriScheme
from newskg.settings import DEFAULT_BASE_IRI
from newskg.sources import Loaded, iter_articles
from newskg.store.oxigraph import OxigraphStore
from store_facts import facts_from_store

ROOT = Path(__file__).resolve().parents[1]


def load(gold_keys: list[str], articles_dir: Path) -> list[tuple[str, Loaded]]:
    """Each gold article read as ``newskg ingest`` reads it, paired with its gold key."""
    found: list[tuple[str, Loaded]] = []
    for key in gold_keys:
        path = articles_dir / key
        if not path.exists():
            print(f"missing article file: {path}", file=sys.stderr)
            continue
        found.extend((key, loaded) for loaded in iter_articles([path]))
    return found


def run(gold_path: Path, articles_dir: Path) -> int:
    """Ingest every article of the gold file into a fresh store, read the facts back, score."""
    gold = load_gold(gold_path)
    iris = IriScheme(DEFAULT_BASE_IRI)
    items = load(list(gold.articles), articles_dir)
    store = OxigraphStore()
    started = time.perf_counter()
    summary = Ingestor(store, iris=iris).ingest(loaded for _, loaded in items)
    elapsed = time.perf_counter() - started
    for outcome in summary.outcomes:
        if outcome.error:
            print(f"rejected {outcome.source}: {outcome.error}", file=sys.stderr)
    keys = {iris.article(loaded.article.key): key for key, loaded in items if loaded.article}
    scores = score(gold, facts_from_store(store, keys))
    resolved = [key for key, loaded in items if loaded.article]
    print(f"{len(resolved)} articles ingested in {elapsed:.2f} s, {summary.rejected} rejected\n")
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
    reasons = ", ".join(f"{reason} {count}" for reason, count in miss_reasons(gold, scores).items())
    print(f"missed figures, by what disagrees: {reasons or '-'}")
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
    print("\nWRONG stated_by (gold speaker <- system speaker):")
    for g, o in scores.wrong_speakers:
        said = "|".join(sorted(o.stated_by_labels))[:40] or "-"
        print(f"  {g.article} {g.value} [{g.stated_by} <- {said}] :: {o.evidence[:110]}")
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
