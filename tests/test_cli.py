"""The newskg command, run as a real process on a real store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

EXAMPLES = Path(__file__).parents[1] / "examples" / "articles"


def newskg(*args: str, store: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m newskg`` with a private store and a wide terminal."""
    return subprocess.run(
        [sys.executable, "-m", "newskg", *args],
        capture_output=True,
        text=True,
        env={"NEWSKG_STORE": str(store), "COLUMNS": "200", "PATH": "/usr/bin:/bin", **env},
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    result = newskg("ingest", str(EXAMPLES), store=path)
    assert result.returncode == 0, result.stderr
    assert "2 article(s) stored" in result.stdout
    assert "0 rejected" in result.stdout
    return path


def test_query_prints_the_targets_table(store: Path) -> None:
    result = newskg("query", "targets-vs-achievements", store=store)
    assert result.returncode == 0, result.stderr
    assert "1400" in result.stdout
    assert "1185" in result.stdout
    assert "84.6" in result.stdout
    assert "1000" in result.stdout
    assert "1726" in result.stdout
    assert "172.6" in result.stdout


def test_query_formats_and_parameters(store: Path) -> None:
    result = newskg("query", "observations", "-p", "status=target", "-f", "json", store=store)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    statuses = {row["statusLabel"]["value"] for row in document["results"]["bindings"]}
    assert statuses == {"target"}
    csv = newskg("query", "observations", "-f", "csv", store=store)
    assert csv.stdout.splitlines()[0].startswith("observation,subject,subjectLabel")


def test_user_errors_are_one_line_and_exit_1(store: Path) -> None:
    for args in (
        ("query", "observations", "-p", "colour=red"),
        ("query", "no-such-query"),
        ("query", "observations", "-p", "subject=not an iri"),
    ):
        result = newskg(*args, store=store)
        assert result.returncode == 1
        assert result.stderr.startswith("error: ")
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr


def test_rejected_inputs_exit_3_and_the_rest_is_stored(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"headline": "no text"}', encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("The organisation plans to build 12 new plants this year.", encoding="utf-8")
    result = newskg("ingest", str(bad), str(good), store=tmp_path / "store")
    assert result.returncode == 3
    assert "1 article(s) stored" in result.stdout
    assert "1 rejected" in result.stdout
    assert "'text' string" in result.stderr


def test_validate_and_stats(store: Path) -> None:
    result = newskg("validate", store=store)
    assert result.returncode == 0, result.stderr
    assert "2 checked, 2 conform, 0 do not" in result.stdout
    stats = newskg("stats", store=store)
    assert "observations" in stats.stdout


def test_export_keeps_one_graph_per_article(store: Path, tmp_path: Path) -> None:
    target = tmp_path / "graph.nq"
    result = newskg("export", "-f", "nq", "-o", str(target), store=store)
    assert result.returncode == 0, result.stderr
    quads = ox.parse(target.read_bytes(), format=ox.RdfFormat.N_QUADS)
    graphs = {quad.graph_name.value for quad in quads if isinstance(quad.graph_name, ox.NamedNode)}
    assert len({graph for graph in graphs if "/article/" in graph}) == 2


def test_a_store_in_use_is_reported_clearly(store: Path) -> None:
    from newskg.store.oxigraph import OxigraphStore

    holder = OxigraphStore(store)
    try:
        result = newskg("stats", store=store)
    finally:
        holder.close()
        del holder
    assert result.returncode == 1
    assert "in use by another process" in result.stderr
