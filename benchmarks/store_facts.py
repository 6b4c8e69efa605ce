"""Read the facts that the gold scorer compares back from a store, through SPARQL.

DESIGN.md measures extraction on what users get: the articles are ingested into a fresh store
and the observations, people and agencies are read back with the queries in benchmarks/queries/.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path

from gold import SystemAgency, SystemFacts, SystemObservation, SystemPerson, labels
from newskg.store.base import Store, Term

QUERIES = Path(__file__).parent / "queries"


def _query(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def _date(term: Term | None) -> date | None:
    return date.fromisoformat(str(term)) if term is not None else None


def facts_from_store(store: Store, keys: Mapping[str, str]) -> SystemFacts:
    """The system's facts for the articles whose IRIs ``keys`` maps to gold article keys."""
    names: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in store.select(_query("gold-labels")):
        thing = str(row["thing"])
        names[thing].add(str(row["label"]))
        kinds[thing].add(str(row["kind"]))
    facts = SystemFacts()
    for row in store.select(_query("gold-observations")):
        article = str(row["article"])
        if article not in keys:
            continue
        facts.observations.append(
            SystemObservation(
                article=keys[article],
                value=Decimal(str(row["value"])),
                status=str(row["status"]),
                subject_labels=labels(names.get(str(row["subject"]), ())),
                period_start=_date(row.get("start")),
                period_end=_date(row.get("end")),
                unit=str(row["unit"]),
                stated_by_labels=labels(names.get(str(row.get("statedBy", "")), ())),
                reported_by_labels=labels(names.get(str(row.get("reportedBy", "")), ())),
                evidence=str(row["evidence"]),
            )
        )
    roles: dict[str, set[tuple[frozenset[str], str]]] = defaultdict(set)
    for row in store.select(_query("gold-roles")):
        agency = str(row["agency"]) if "agency" in row else ""
        roles[str(row["person"])].add((labels(names.get(agency, ())), str(row["title"])))
    for thing, thing_kinds in kinds.items():
        if "person" in thing_kinds:
            facts.people.append(SystemPerson(labels(names[thing]), frozenset(roles[thing])))
        elif thing_kinds & {"agency", "news-agency"}:
            facts.agencies.append(SystemAgency(labels(names[thing]), "news-agency" in thing_kinds))
        elif "place" in thing_kinds:
            facts.places.append(labels(names[thing]))
    return facts
