"""Gold facts and the scorer: precision, recall and F1 of observations, people (with their role)
and agencies, plus the accuracy of ``stated_by``.

Collecting facts is separate from scoring: ``score`` takes ``SystemFacts`` however they were
made (straight from extract+resolve in benchmarks/extraction.py, or read back from the store).

Matching rules (DESIGN.md, "Measuring extraction"):
- observation: value, status and subject agree, and each period end that the gold gives agrees
  within two days; one-to-one.
- subject: the gold id names an agency, person or place of the gold entities, whose name and
  aliases are compared with every label of the system's subject (case- and space-insensitive).
  A gold subject that is no entity ("iran-smes", "production units") is a population: its words,
  singular, less the names of gold places, must all occur among the words of one system label
  ("SMEs" matches "iran-smes"; "production and industrial units" matches "production units").
- person: labels intersect, and the person's roles (agency, title) equal the gold roles. Only
  system people with at least one role are scored, as the gold annotates people with a title.
- agency: labels intersect; a gold agency may also be matched by a system place (the BBC gold
  puts countries under agencies as national governments); system places are never counted as
  false agencies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from anyascii import anyascii

STATUSES = ("target", "achieved", "current", "potential")


def norm(label: str) -> str:
    """Case-, accent- and space-insensitive form of a label ("The  Industry Ministry" ->
    "industry ministry")."""
    text = anyascii(label).lower().replace("’", "'")
    text = re.sub(r"[^a-z0-9&' -]+", " ", text)
    text = re.sub(r"^(?:the)\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def _words(label: str) -> set[str]:
    return {w.rstrip("s") if len(w) > 3 else w for w in re.split(r"[\s'-]+", norm(label)) if w}


# ------------------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldObservation:
    """One gold figure."""

    article: str
    subject: str
    value: Decimal
    status: str
    period_start: date | None
    period_end: date | None
    stated_by: str | None
    metric: str
    value_max: Decimal | None = None


@dataclass(frozen=True)
class GoldPerson:
    """A gold person: labels and roles as (agency id or None, title)."""

    id: str
    labels: frozenset[str]
    roles: frozenset[tuple[str | None, str]]


@dataclass(frozen=True)
class GoldAgency:
    """A gold agency: labels and whether it is a news agency."""

    id: str
    labels: frozenset[str]
    news_agency: bool


@dataclass
class Gold:
    """A gold file: entities and per-article observations."""

    agencies: dict[str, GoldAgency] = field(default_factory=dict)
    people: dict[str, GoldPerson] = field(default_factory=dict)
    places: dict[str, frozenset[str]] = field(default_factory=dict)
    observations: list[GoldObservation] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)

    def labels_of(self, entity_id: str) -> frozenset[str] | None:
        """Normalised labels of a gold entity id, None when the id names no entity."""
        if entity_id in self.agencies:
            return self.agencies[entity_id].labels
        if entity_id in self.people:
            return self.people[entity_id].labels
        return self.places.get(entity_id)


def _date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", norm(text)).strip("-")


def load_gold(path: Path) -> Gold:
    """Read a gold YAML file (the format of shared/gold/seeds.yaml)."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    gold = Gold()
    entities = document.get("entities", {})
    for item in entities.get("agencies", []):
        labels = frozenset(norm(x) for x in [item["name"], *(item.get("aliases") or [])])
        gold.agencies[item["id"]] = GoldAgency(item["id"], labels, bool(item.get("news_agency")))
    for item in entities.get("people", []):
        labels = frozenset(norm(x) for x in [item["name"], *(item.get("aliases") or [])])
        roles = frozenset((r.get("agency"), norm(r["title"])) for r in item.get("roles") or [])
        gold.people[item["id"]] = GoldPerson(item["id"], labels, roles)
    for name in entities.get("places", []):
        gold.places[_slug(name)] = frozenset({norm(name)})
    for article, body in (document.get("articles") or {}).items():
        gold.articles.append(article)
        for item in body.get("observations") or []:
            period = item.get("period") or [None, None]
            gold.observations.append(
                GoldObservation(
                    article=article,
                    subject=item["subject"],
                    value=Decimal(str(item["value"])),
                    status=item["status"],
                    period_start=_date(period[0]),
                    period_end=_date(period[1]),
                    stated_by=item.get("stated_by"),
                    metric=str(item.get("metric", "")),
                    value_max=Decimal(str(item["value_max"]))
                    if item.get("value_max") is not None
                    else None,
                )
            )
    return gold


# ------------------------------------------------------------------------------ system facts


@dataclass(frozen=True)
class SystemObservation:
    """A figure the system produced, reduced to what the scorer compares."""

    article: str
    value: Decimal
    status: str
    subject_labels: frozenset[str]
    period_start: date | None
    period_end: date | None
    unit: str
    stated_by_labels: frozenset[str] = frozenset()
    reported_by_labels: frozenset[str] = frozenset()
    evidence: str = ""


@dataclass(frozen=True)
class SystemPerson:
    """A person with every label and roles as (agency labels, normalised title)."""

    labels: frozenset[str]
    roles: frozenset[tuple[frozenset[str], str]]


@dataclass(frozen=True)
class SystemAgency:
    """An agency with every label."""

    labels: frozenset[str]
    news_agency: bool


@dataclass
class SystemFacts:
    """Everything the system produced for a set of articles."""

    observations: list[SystemObservation] = field(default_factory=list)
    people: list[SystemPerson] = field(default_factory=list)
    agencies: list[SystemAgency] = field(default_factory=list)
    places: list[frozenset[str]] = field(default_factory=list)


# ---------------------------------------------------------------------------------- scoring


@dataclass
class Score:
    """Counts and rates of one kind of fact."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of system facts that are right."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Share of gold facts found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """The scores and the unmatched facts, for reading."""

    observations: Score
    people: Score
    agencies: Score
    attribution_correct: int
    attribution_total: int
    false_observations: list[SystemObservation]
    missed_observations: list[GoldObservation]
    false_people: list[SystemPerson]
    missed_people: list[GoldPerson]
    false_agencies: list[SystemAgency]
    missed_agencies: list[GoldAgency]
    wrong_speakers: list[tuple[GoldObservation, SystemObservation]] = field(default_factory=list)
    """Matched figures whose speaker the system got wrong."""

    @property
    def attribution_accuracy(self) -> float:
        """Share of matched gold figures with a speaker whose speaker the system got right."""
        return self.attribution_correct / self.attribution_total if self.attribution_total else 0.0


def subject_matches(gold: Gold, subject: str, labels: frozenset[str]) -> bool:
    """Whether a system subject with ``labels`` is the gold subject ``subject``."""
    normalised = {norm(x) for x in labels}
    # "Sistan and Baluchestan Province" is the place "Sistan and Baluchestan"
    normalised |= {re.sub(r"\s+province$", "", x) for x in normalised}
    known = gold.labels_of(subject)
    if known is not None:
        return bool(known & normalised)
    place_words = (
        set().union(*(_words(n) for p in gold.places.values() for n in p))
        if (gold.places)
        else set()
    )
    wanted = _words(subject.replace("-", " ")) - place_words
    return bool(wanted) and any(wanted <= _words(label) for label in normalised)


def _close(a: date | None, b: date | None) -> bool:
    return a is not None and b is not None and abs((a - b).days) <= 2


def observation_matches(gold: Gold, g: GoldObservation, s: SystemObservation) -> bool:
    """The DESIGN.md rule: value, status, subject, and each period end gold gives (two days)."""
    if g.article != s.article or g.value != s.value or g.status != s.status:
        return False
    if g.period_start is not None and not _close(g.period_start, s.period_start):
        return False
    if g.period_end is not None and not _close(g.period_end, s.period_end):
        return False
    return subject_matches(gold, g.subject, s.subject_labels)


def _match(golds: list[Any], systems: list[Any], ok: Any) -> list[tuple[int, int]]:
    """Greedy one-to-one matching in gold order."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(golds):
        for si, s in enumerate(systems):
            if si not in used and ok(g, s):
                used.add(si)
                pairs.append((gi, si))
                break
    return pairs


def score(gold: Gold, facts: SystemFacts) -> Scores:
    """Score ``facts`` against ``gold``."""
    articles = set(gold.articles)
    system_obs = [o for o in facts.observations if o.article in articles]
    pairs = _match(gold.observations, system_obs, lambda g, s: observation_matches(gold, g, s))
    matched_g = {g for g, _ in pairs}
    matched_s = {s for _, s in pairs}
    correct = total = 0
    wrong_speakers = []
    for gi, si in pairs:
        g = gold.observations[gi]
        if g.stated_by:
            total += 1
            labels = gold.labels_of(g.stated_by) or frozenset()
            if labels & {norm(x) for x in system_obs[si].stated_by_labels}:
                correct += 1
            else:
                wrong_speakers.append((g, system_obs[si]))
    obs_score = Score(len(pairs), len(system_obs) - len(pairs), len(gold.observations) - len(pairs))

    def agency_ok(gid: str | None, labels: frozenset[str]) -> bool:
        if gid is None:
            return not labels
        known = gold.labels_of(gid) or frozenset()
        return bool(known & {norm(x) for x in labels})

    def person_ok(g: GoldPerson, s: SystemPerson) -> bool:
        if not g.labels & {norm(x) for x in s.labels}:
            return False
        wanted = {(a, t) for a, t in g.roles}
        got = {(frozenset(norm(x) for x in a), norm(t)) for a, t in s.roles}
        return all(any(agency_ok(a, al) and t == tt for al, tt in got) for a, t in wanted) and all(
            any(agency_ok(a, al) and t == tt for a, t in wanted) for al, tt in got
        )

    titled = [p for p in facts.people if p.roles]
    gold_people = list(gold.people.values())
    person_pairs = _match(gold_people, titled, person_ok)
    people_score = Score(
        len(person_pairs), len(titled) - len(person_pairs), len(gold_people) - len(person_pairs)
    )

    gold_agencies = list(gold.agencies.values())
    agency_pairs = _match(
        gold_agencies, facts.agencies, lambda g, s: bool(g.labels & {norm(x) for x in s.labels})
    )
    matched_ga = {g for g, _ in agency_pairs}
    place_pairs = _match(
        [g for i, g in enumerate(gold_agencies) if i not in matched_ga],
        facts.places,
        lambda g, s: bool(g.labels & {norm(x) for x in s}),
    )
    tp = len(agency_pairs) + len(place_pairs)
    agency_score = Score(tp, len(facts.agencies) - len(agency_pairs), len(gold_agencies) - tp)
    matched_sa = {s for _, s in agency_pairs}
    still_missing = {id(g) for g in [g for i, g in enumerate(gold_agencies) if i not in matched_ga]}
    placed = {
        id([g for i, g in enumerate(gold_agencies) if i not in matched_ga][gi])
        for gi, _ in place_pairs
    }
    return Scores(
        observations=obs_score,
        people=people_score,
        agencies=agency_score,
        attribution_correct=correct,
        attribution_total=total,
        false_observations=[s for i, s in enumerate(system_obs) if i not in matched_s],
        missed_observations=[g for i, g in enumerate(gold.observations) if i not in matched_g],
        false_people=[p for i, p in enumerate(titled) if i not in {s for _, s in person_pairs}],
        missed_people=[
            p for i, p in enumerate(gold_people) if i not in {g for g, _ in person_pairs}
        ],
        false_agencies=[a for i, a in enumerate(facts.agencies) if i not in matched_sa],
        missed_agencies=[g for g in gold_agencies if id(g) in still_missing - placed],
        wrong_speakers=wrong_speakers,
    )


def labels(values: Iterable[str | None]) -> frozenset[str]:
    """A frozenset of the non-empty labels in ``values``."""
    return frozenset(v for v in values if v)


def miss_reasons(gold: Gold, scores: Scores) -> dict[str, int]:
    """Why each missed gold figure was missed: for the unmatched system figure with the same
    article and value that agrees most, the parts that disagree ("subject", "status+period"...),
    or "value not found" when no unmatched system figure has the value."""
    tally: dict[str, int] = {}
    for g in scores.missed_observations:
        best: list[str] | None = None
        for s in scores.false_observations:
            if s.article != g.article or s.value != g.value:
                continue
            wrong = [
                part
                for part, ok in (
                    ("status", s.status == g.status),
                    ("subject", subject_matches(gold, g.subject, s.subject_labels)),
                    (
                        "period",
                        (g.period_start is None or _close(g.period_start, s.period_start))
                        and (g.period_end is None or _close(g.period_end, s.period_end)),
                    ),
                )
                if not ok
            ]
            if best is None or len(wrong) < len(best):
                best = wrong
        reason = "value not found" if best is None else "+".join(best) or "matched elsewhere"
        tally[reason] = tally.get(reason, 0) + 1
    return dict(sorted(tally.items(), key=lambda kv: -kv[1]))
