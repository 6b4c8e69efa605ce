"""Robustness run: the whole pipeline over a corpus of real articles, into a fresh embedded store.

    python benchmarks/robustness.py [CORPUS ...] [--json report.json]

By default it reads the 927 BBC articles of ../shared/corpus/bbc/{business,politics} (they are
read from there and never copied into the project). It reports crashes (exceptions other than
newskg's own input errors), SHACL rejections of the system's own output, what was extracted per
article, and throughput; the figures go into benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from newskg.ingest import Ingestor, Outcome, Status
from newskg.iris import IriScheme
from newskg.settings import DEFAULT_BASE_IRI
from newskg.sources import iter_articles
from newskg.store.oxigraph import OxigraphStore

_BBC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
DEFAULT_CORPORA = [_BBC / "business", _BBC / "politics"]


@dataclass
class Report:
    """What a robustness run found."""

    articles: int = 0
    stored: int = 0
    crashes: list[str] = field(default_factory=list)
    rejections: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    observations: list[int] = field(default_factory=list)
    people: list[int] = field(default_factory=list)
    agencies: list[int] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready summary."""
        return {
            "articles": self.articles,
            "stored": self.stored,
            "crashes": self.crashes,
            "shacl_rejections": self.rejections,
            "unreadable": self.unreadable,
            "triples": self.triples,
            "seconds": round(self.seconds, 2),
            "articles_per_second": round(self.articles / self.seconds, 1) if self.seconds else None,
            "per_article": {
                name: _distribution(values)
                for name, values in (
                    ("observations", self.observations),
                    ("people", self.people),
                    ("agencies", self.agencies),
                )
            },
        }


def _distribution(values: list[int]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)
    return {
        "mean": round(statistics.fmean(ordered), 2),
        "median": statistics.median(ordered),
        "p90": ordered[int(0.9 * (len(ordered) - 1))],
        "max": ordered[-1],
        "zero": sum(value == 0 for value in ordered),
        "total": sum(ordered),
    }


def run(corpora: list[Path], store: OxigraphStore) -> Report:
    """Ingest every article of ``corpora`` into ``store`` and collect the report."""
    report = Report()
    ingestor = Ingestor(store, iris=IriScheme(DEFAULT_BASE_IRI), batch_size=100)
    started = time.perf_counter()
    for item in iter_articles(corpora):
        report.articles += 1
        if item.article is None:
            report.unreadable.append(item.error or item.source)
            continue
        try:
            outcome = ingestor.add(item.article, source=item.source)
        except Exception:  # counting crashes is the point of this run
            report.crashes.append(f"{item.source}: {traceback.format_exc(limit=3)}")
            continue
        _record(report, outcome)
    ingestor.flush()
    store.flush()
    report.seconds = time.perf_counter() - started
    return report


def _record(report: Report, outcome: Outcome) -> None:
    if outcome.status is Status.REJECTED:
        report.rejections.append(f"{outcome.source}: {outcome.error}")
        return
    report.stored += 1
    report.triples += outcome.triples
    resolved = outcome.resolved
    assert resolved is not None
    report.observations.append(len(resolved.observations))
    report.people.append(len(resolved.people))
    report.agencies.append(len(resolved.agencies))


def main() -> int:
    """Run the benchmark from the command line; non-zero exit on any crash or rejection."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--json", type=Path, help="write the full report here")
    args = parser.parse_args()
    missing = [path for path in args.corpora if not path.exists()]
    if missing:
        print(f"corpus not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="newskg-robustness-") as scratch:
        store = OxigraphStore(Path(scratch) / "store")
        report = run(args.corpora, store)
        store.close()
    summary = report.as_dict()
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"articles          {report.articles}")
    print(f"stored            {report.stored}")
    print(f"crashes           {len(report.crashes)}")
    print(f"SHACL rejections  {len(report.rejections)}")
    print(f"unreadable        {len(report.unreadable)}")
    print(f"triples           {report.triples:,}")
    print(f"time              {report.seconds:.1f} s ({summary['articles_per_second']} articles/s)")
    for name, stats in summary["per_article"].items():  # type: ignore[attr-defined]
        print(f"{name:<17} {stats}")
    for line in report.crashes[:10] + report.rejections[:10]:
        print(line, file=sys.stderr)
    return 1 if report.crashes or report.rejections else 0


if __name__ == "__main__":
    sys.exit(main())
