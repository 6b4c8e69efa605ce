"""Reading articles from text, JSON, JSON Lines, HTML and folders."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newskg.errors import InputError
from newskg.sources import article_from_json, article_from_text, iter_articles

EXAMPLES = Path(__file__).parents[1] / "examples" / "articles"


def test_text_with_headline_line() -> None:
    article = article_from_text(
        "Exports rise in June\n\nExports rose 5% in June, the office said.\n"
    )
    assert article.headline == "Exports rise in June"
    assert article.text == "Exports rose 5% in June, the office said."


def test_text_without_headline_keeps_every_line() -> None:
    article = article_from_text("TEHRAN - The ministry plans to build 10 plants.\n\nIt said so.")
    assert article.headline is None
    assert article.text.startswith("TEHRAN - The ministry")


def test_json_fields_and_identity() -> None:
    article = article_from_json(
        json.dumps(
            {
                "text": "Body.",
                "url": "https://news.example/a",
                "headline": "H",
                "datePublished": "2019-10-14T08:30:00+03:30",
                "publisher": "Tehran Times",
            }
        )
    )
    assert article.date_published == date(2019, 10, 14)
    assert (
        article.key == article_from_json('{"text": "Other", "url": "https://news.example/a"}').key
    )


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"headline": "no text"}', "'text' string"),
        ('{"text": "   "}', "empty"),
        ('{"text": "x", "datePublished": "yesterday"}', "ISO 8601"),
        ('{"text": "x", "url": "javascript:alert(1)"}', "http"),
        ('{"text": "x", "author": "me"}', "unknown field"),
    ],
)
def test_malformed_json_is_refused_with_a_reason(raw: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        article_from_json(raw)


def test_folder_mixes_formats_and_reports_bad_items(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One article text.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    lines = [json.dumps({"text": "Second."}), "{broken", json.dumps({"text": "Third."})]
    (tmp_path / "sub" / "b.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    page = (
        "<html><head><title>Page title</title></head>"
        "<body><article><p>{}</p></article></body></html>"
    )
    (tmp_path / "c.html").write_text(
        page.format("Exports rose 5 percent in 2020. " * 5), encoding="utf-8"
    )
    items = list(iter_articles([tmp_path]))
    assert [item.source.rsplit("/", 1)[1] for item in items] == [
        "a.txt",
        "c.html",
        "b.jsonl:1",
        "b.jsonl:2",
        "b.jsonl:3",
    ]
    assert [item.article is None for item in items] == [False, False, False, True, False]
    assert "not valid JSON" in (items[3].error or "")
    assert items[1].article is not None
    assert "Exports rose 5 percent" in items[1].article.text


def test_examples_carry_their_licence() -> None:
    items = list(iter_articles([EXAMPLES]))
    assert len(items) == 2
    for item in items:
        assert item.article is not None
        assert "Creative Commons Attribution 4.0" in item.article.text
