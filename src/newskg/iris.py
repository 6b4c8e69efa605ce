"""Minting of stable resource IRIs under the configured base.

Every IRI newskg mints has the form ``{base}{kind}/{key}``; the keys are deterministic (a slug of
a normalised name, or a hash of an article's identity) so that re-ingesting an article yields the
same IRIs and replaces its graph instead of adding a second copy.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from anyascii import anyascii

_NON_SLUG = re.compile(r"[^a-z0-9]+")

#: The kinds of resources, i.e. the first path segment after the base IRI.
KINDS = ("article", "agency", "person", "role", "program", "place", "population", "observation")


def slug(text: str, *, max_length: int = 80) -> str:
    """A lower-case ASCII slug of ``text`` ("Alborz Province" -> "alborz-province")."""
    ascii_text = anyascii(unicodedata.normalize("NFKC", text)).lower()
    cut = _NON_SLUG.sub("-", ascii_text).strip("-")[:max_length].rstrip("-")
    return cut or "x"


def digest(text: str, *, length: int = 16) -> str:
    """A short, stable hexadecimal digest of ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True)
class IriScheme:
    """Mints IRIs under ``base`` (which ends with a slash)."""

    base: str

    def mint(self, kind: str, key: str) -> str:
        """The IRI of the resource of ``kind`` whose key is ``key``."""
        if kind not in KINDS:
            raise ValueError(f"unknown resource kind {kind!r}")
        return f"{self.base}{kind}/{key}"

    def article(self, key: str) -> str:
        """An article's IRI, which is also the name of its graph."""
        return self.mint("article", key)

    def observation(self, article_key: str, index: int) -> str:
        """The IRI of the ``index``-th observation of an article."""
        return self.mint("observation", f"{article_key}-{index}")

    def role(self, article_key: str, index: int) -> str:
        """The IRI of the ``index``-th role claimed in an article (roles are claims, not facts)."""
        return self.mint("role", f"{article_key}-{index}")

    def kind_of(self, iri: str) -> str | None:
        """The kind of a newskg IRI under this base, or None for any other IRI."""
        if not iri.startswith(self.base):
            return None
        kind = iri[len(self.base) :].split("/", 1)[0]
        return kind if kind in KINDS else None
