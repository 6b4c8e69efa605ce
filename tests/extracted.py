"""What extraction makes of a short text (figures by value, people's posts), for the extraction
tests to assert on."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from newskg.extract import extract
from newskg.extract.records import Extraction
from newskg.model import Article, Status

#: A figure's subject label, status and period ends.
Figure = tuple[str, Status, date | None, date | None]


def figures(text: str, published: date | None = None) -> dict[Decimal, Figure]:
    """The observations of ``text`` by value: subject label (agency, place or group; the ref when
    none has a label), status, period start and end."""
    extraction = extract(Article(text, date_published=published))
    labels = {a.ref: a.label for a in extraction.agencies}
    labels |= {p.ref: p.label for p in extraction.places}
    labels |= {p.ref: p.label for p in extraction.populations}
    return {
        o.value: (
            labels.get(o.subject or "", o.subject or ""),
            o.status,
            o.period_start,
            o.period_end,
        )
        for o in extraction.observations
    }


def posts(extraction: Extraction) -> dict[str, set[tuple[str | None, str]]]:
    """Each person's posts as (body label, normalised title)."""
    labels = {a.ref: a.label for a in extraction.agencies}
    return {
        p.name: {(labels.get(r.agency or ""), r.title) for r in p.roles} for p in extraction.people
    }
