"""The extract stage: an ``Article`` in, an ``Extraction`` (mentions with offsets) out.

Why plain regular expressions and not spaCy's rule machinery: no trained spaCy model may be used,
so spaCy would contribute only a tokenizer, a sentencizer and pattern matchers, at the cost of a
large dependency and a slow start. The things this stage must recognise (figures with scale words
and currencies, calendar expressions, acronym definitions, titles before names) are surface
patterns that well-named regular expressions express directly; the vocabularies they are built
from (units, metrics, titles, news agencies, places) live in Turtle files under ontology/. The
stage is a pure function and runs at hundreds of articles per second.
"""

from __future__ import annotations

from newskg.extract.attribution import (
    article_credits,
    attribute,
    publisher_named,
    publisher_of,
)
from newskg.extract.entities import find_entities, finish_places, finish_populations
from newskg.extract.observations import SentenceContext, build_observations
from newskg.extract.periods import CalendarContext, find_periods
from newskg.extract.quantities import find_quantities
from newskg.extract.records import (
    AgencyMention,
    AmountMention,
    Extraction,
    ObservationMention,
    PersonMention,
    PlaceMention,
    PopulationMention,
    ProgramMention,
    RoleMention,
    Sentence,
)
from newskg.extract.sentences import split_sentences
from newskg.model import Article

__all__ = [
    "AgencyMention",
    "AmountMention",
    "Extraction",
    "ObservationMention",
    "PersonMention",
    "PlaceMention",
    "PopulationMention",
    "ProgramMention",
    "RoleMention",
    "Sentence",
    "extract",
]


def extract(article: Article) -> Extraction:
    """Sentences, entities, attributions and observations of ``article``."""
    text = article.text
    sentences = split_sentences(text)
    table = find_entities(text, sentences)
    attributions = attribute(text, sentences, table)
    calendar = CalendarContext.for_article(
        text, article.date_published, [s.text for s in sentences]
    )
    contexts = [
        SentenceContext(s, find_quantities(s.text), find_periods(s.text, calendar), a)
        for s, a in zip(sentences, attributions, strict=True)
    ]
    observations = build_observations(text, contexts, table, article.headline)
    agencies, people = table.finish()
    used_places = {o.subject for o in observations} | {o.ref for o in table.occurrences}
    places = tuple(
        p
        for p in finish_places(table)
        if p.ref in used_places or any(q.within == p.ref for q in finish_places(table))
    )
    publisher = publisher_of(text, table)
    credits = [c for c in article_credits(text, sentences, table) if c != publisher]
    publisher = publisher or publisher_named(article.publisher, table)
    return Extraction(
        article=article,
        sentences=sentences,
        agencies=agencies,
        people=people,
        places=places,
        populations=finish_populations(table),
        programs=tuple(table.programs),
        observations=tuple(observations),
        reported_by=tuple(credits),
        publisher=publisher,
    )
