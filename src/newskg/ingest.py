"""Run articles through the pipeline: extract -> resolve -> map -> validate -> store.

The CLI and the API both call :class:`Ingestor`. Articles are validated one by one and an
invalid article is rejected alone (its report kept, nothing written); valid ones are written in
batches through :meth:`Store.replace_graphs`, so re-ingesting an article replaces its graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from rdflib import Graph

from newskg.errors import NewskgError, ValidationFailed
from newskg.extract import extract
from newskg.iris import IriScheme
from newskg.mapping import article_graph
from newskg.model import Article, ResolvedArticle
from newskg.queries import internal_query
from newskg.resolve import EntityIndex, resolve
from newskg.sources import Loaded
from newskg.store.base import GraphPayload, Store
from newskg.validation import ValidationReport, validate
from newskg.vocabulary import install_vocabulary


class Status(StrEnum):
    """What became of one article."""

    STORED = "stored"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Prepared:
    """An article taken through every stage before the store."""

    resolved: ResolvedArticle
    graph: Graph
    report: ValidationReport


@dataclass(frozen=True)
class Outcome:
    """The result for one article: stored (with its graph size) or rejected (with the reason)."""

    source: str
    status: Status
    article_iri: str | None = None
    triples: int = 0
    resolved: ResolvedArticle | None = None
    error: str | None = None
    report: ValidationReport | None = None


@dataclass
class Summary:
    """Counts over a run of :meth:`Ingestor.ingest`."""

    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def stored(self) -> int:
        """Articles written to the store."""
        return sum(outcome.status is Status.STORED for outcome in self.outcomes)

    @property
    def rejected(self) -> int:
        """Articles that were not written (unreadable, or not conforming to the shapes)."""
        return sum(outcome.status is Status.REJECTED for outcome in self.outcomes)

    @property
    def triples(self) -> int:
        """Triples written."""
        return sum(outcome.triples for outcome in self.outcomes)

    @property
    def observations(self) -> int:
        """Observations written."""
        return sum(
            len(outcome.resolved.observations)
            for outcome in self.outcomes
            if outcome.resolved is not None and outcome.status is Status.STORED
        )


def prepare(
    article: Article, *, iris: IriScheme, known: EntityIndex, shapes: Graph | None = None
) -> Prepared:
    """Extract, resolve, map and validate one article (against ``shapes``, default shapes/)."""
    resolved = resolve(extract(article), iris=iris, known=known)
    graph = article_graph(resolved)
    return Prepared(resolved, graph, validate(graph, shapes=shapes))


def load_entity_index(store: Store) -> EntityIndex:
    """The agencies and people the store already knows, for cross-article identity."""
    return EntityIndex.from_rows(store.select(internal_query("entity-index").text))


class Ingestor:
    """Takes articles through the pipeline into a store, writing valid ones in batches."""

    def __init__(
        self,
        store: Store,
        *,
        iris: IriScheme,
        batch_size: int = 50,
        shapes: Graph | None = None,
        on_outcome: Callable[[Outcome], None] | None = None,
    ) -> None:
        self.store = store
        self.iris = iris
        self.batch_size = batch_size
        self.shapes = shapes
        self.on_outcome = on_outcome
        install_vocabulary(store)
        self.index = load_entity_index(store)
        self._pending: dict[str, tuple[Outcome, bytes]] = {}

    def ingest(self, items: Iterable[Loaded]) -> Summary:
        """Ingest every loaded item (unreadable ones are counted as rejected) and flush."""
        summary = Summary()
        for item in items:
            if item.article is None:
                self._report(summary, Outcome(item.source, Status.REJECTED, error=item.error))
                continue
            outcome = self.add(item.article, source=item.source)
            if outcome.status is Status.REJECTED:
                self._report(summary, outcome)
            if len(self._pending) >= self.batch_size:
                for stored in self.flush():
                    self._report(summary, stored)
        for stored in self.flush():
            self._report(summary, stored)
        return summary

    def add(self, article: Article, *, source: str | None = None) -> Outcome:
        """Prepare one article and queue it for the next flush, or reject it."""
        label = source or article.source or "article"
        try:
            prepared = prepare(article, iris=self.iris, known=self.index, shapes=self.shapes)
        except NewskgError as error:
            return Outcome(label, Status.REJECTED, error=error.message)
        resolved = prepared.resolved
        if not prepared.report.conforms:
            try:
                prepared.report.raise_for_violations(label)
            except ValidationFailed as failure:
                return Outcome(
                    label,
                    Status.REJECTED,
                    article_iri=resolved.iri,
                    resolved=resolved,
                    error=failure.message,
                    report=prepared.report,
                )
        self.index.add(resolved)
        payload = prepared.graph.serialize(format="nt", encoding="utf-8")
        outcome = Outcome(
            label,
            Status.STORED,
            article_iri=resolved.iri,
            triples=len(prepared.graph),
            resolved=resolved,
            report=prepared.report,
        )
        # The same article twice in one batch (a duplicate file) is written once.
        self._pending[resolved.iri] = (outcome, payload)
        return outcome

    def flush(self) -> list[Outcome]:
        """Write the queued graphs in one store call; their outcomes once written."""
        if not self._pending:
            return []
        batch = list(self._pending.items())
        self.store.replace_graphs([GraphPayload(iri, payload) for iri, (_, payload) in batch])
        self._pending.clear()
        return [outcome for _, (outcome, _) in batch]

    def _report(self, summary: Summary, outcome: Outcome) -> None:
        summary.outcomes.append(outcome)
        if self.on_outcome is not None:
            self.on_outcome(outcome)
