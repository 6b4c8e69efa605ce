"""Read articles from files and request bodies into :class:`~newskg.model.Article` records.

Accepted inputs: ``.txt`` (plain text; a short first line followed by a blank line is taken as
the headline), ``.json`` (one article object), ``.jsonl`` (one article object per line), ``.html``
/ ``.htm`` (a saved news page: text and metadata extracted with trafilatura), and folders of any
mix, read recursively in name order. A JSON article has ``text`` and optionally ``url``,
``headline``, ``datePublished``, ``publisher`` and ``id``.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newskg.errors import InputError
from newskg.model import Article

SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".htm")
MAX_TEXT_CHARS = 1_000_000
_JSON_FIELDS = {"text", "url", "headline", "datePublished", "publisher", "id"}
_SENTENCE_END = re.compile(r"[.!?:;\"”]\s*$")


@dataclass(frozen=True)
class Loaded:
    """One article read from a source, or the reason it could not be read."""

    source: str
    article: Article | None = None
    error: str | None = None


def iter_articles(paths: Iterable[Path]) -> Iterator[Loaded]:
    """Every article in the given files and folders; unreadable ones come with their error."""
    for path in paths:
        if path.is_dir():
            files = sorted(
                candidate
                for candidate in path.rglob("*")
                if candidate.is_file()
                and candidate.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in candidate.relative_to(path).parts)
            )
            for file in files:
                yield from _read_file(file)
        elif path.is_file():
            yield from _read_file(path)
        else:
            yield Loaded(str(path), error=f"{path}: no such file or folder")


def _read_file(path: Path) -> Iterator[Loaded]:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield Loaded(source, error=f"{path}: unsupported file type (use {', '.join(SUFFIXES)})")
        return
    try:
        raw = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        yield Loaded(source, error=f"{path}: cannot read as UTF-8 text ({error})")
        return
    if suffix == ".jsonl":
        for number, line in enumerate(raw.splitlines(), start=1):
            if line.strip():
                yield _guarded(f"{source}:{number}", lambda line=line: article_from_json(line))
        return
    readers = {".txt": article_from_text, ".json": article_from_json}
    reader = readers.get(suffix, article_from_html)
    yield _guarded(source, lambda: reader(raw))


def _guarded(source: str, read: Any) -> Loaded:
    try:
        article: Article = read()
    except InputError as error:
        return Loaded(source, error=f"{source}: {error.message}")
    return Loaded(source, article=_with_source(article, source))


def _with_source(article: Article, source: str) -> Article:
    return dataclasses.replace(article, source=source)


def article_from_text(raw: str) -> Article:
    """A plain-text article; a short first line followed by a blank line is its headline."""
    lines = raw.strip().splitlines()
    headline = None
    if len(lines) > 2 and not lines[1].strip():
        first = lines[0].strip()
        if first and len(first.split()) <= 20 and not _SENTENCE_END.search(first):
            headline = first
            lines = lines[2:]
    return Article(text=_checked_text("\n".join(lines)), headline=headline)


def article_from_json(raw: str | bytes) -> Article:
    """An article from a JSON object (see the module docstring for its fields)."""
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise InputError("an article must be a JSON object with a 'text' field")
    return article_from_mapping(data)


def article_from_mapping(data: Mapping[str, Any]) -> Article:
    """An article from already-parsed fields; raise InputError on anything malformed."""
    unknown = sorted(set(data) - _JSON_FIELDS)
    if unknown:
        fields = ", ".join(sorted(_JSON_FIELDS))
        raise InputError(f"unknown field(s) {', '.join(unknown)}; an article has {fields}")
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError("an article needs a 'text' string")
    return Article(
        text=_checked_text(text),
        url=_checked_url(data.get("url")),
        headline=_optional_string(data, "headline"),
        date_published=parse_date(data.get("datePublished")),
        publisher=_optional_string(data, "publisher"),
        identifier=_optional_string(data, "id"),
    )


def article_from_html(raw: str) -> Article:
    """An article from a saved news page: main text and metadata by trafilatura."""
    import trafilatura

    document = trafilatura.bare_extraction(
        raw, with_metadata=True, include_comments=False, include_tables=False
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text:
        raise InputError("no article text found in the HTML page")
    return Article(
        text=_checked_text(text),
        url=_checked_url(getattr(document, "url", None), strict=False),
        headline=getattr(document, "title", None) or None,
        date_published=parse_date(getattr(document, "date", None), strict=False),
        publisher=getattr(document, "sitename", None) or None,
    )


def parse_date(value: object, *, strict: bool = True) -> date | None:
    """An ISO 8601 date or date-time as a date; ``strict=False`` drops what does not parse."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            try:
                return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
            except ValueError:
                pass
    if strict:
        raise InputError(f"datePublished must be an ISO 8601 date (2019-10-14), got {value!r}")
    return None


def _checked_text(text: str) -> str:
    stripped = text.strip()
    if not stripped:
        raise InputError("the article text is empty")
    if len(stripped) > MAX_TEXT_CHARS:
        raise InputError(f"the article text is longer than {MAX_TEXT_CHARS:,} characters")
    return stripped


def _checked_url(value: object, *, strict: bool = True) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        parts = urlsplit(value.strip())
        if parts.scheme in ("http", "https") and parts.netloc and not re.search(r"\s", value):
            return value.strip()
    if strict:
        raise InputError(f"url must be an absolute http(s) URL, got {value!r}")
    return None


def _optional_string(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{key!r} must be a string")
    return value.strip() or None
