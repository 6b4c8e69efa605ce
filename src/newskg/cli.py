"""The ``newskg`` command: a thin shell over the library (parse arguments, call, print).

Exit codes: 0 success; 1 an error (one line on stderr, no traceback); 2 a usage error;
3 ``ingest`` or ``validate`` found articles that were rejected (the others were still stored).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newskg.errors import NewskgError
from newskg.formats import (
    DATASET_FORMATS,
    GRAPH_FORMATS,
    RESULT_FORMATS,
    SPARQL_JSON,
    TURTLE,
    Format,
    ResultKind,
    by_name,
)
from newskg.iris import IriScheme
from newskg.namespaces import PREFIXES
from newskg.queries import find_query, internal_query, load_queries
from newskg.settings import Settings
from newskg.store import Store, open_store
from newskg.store.base import QueryOptions, parse_json_rows
from newskg.vocabulary import VOCABULARY_GRAPH

app = typer.Typer(
    help="newskg: news articles to a validated, queryable knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)  # an error stays one line, whatever the width

EXIT_REJECTED = 3
StoreOption = Annotated[
    str | None,
    typer.Option("--store", help="Store directory or SPARQL endpoint URL (default: NEWSKG_STORE)."),
]


def _settings(store: str | None) -> Settings:
    settings = Settings()
    return settings.model_copy(update={"store": store}) if store else settings


@contextmanager
def _opened(store: str | None) -> Iterator[tuple[Settings, Store]]:
    settings = _settings(store)
    opened = open_store(settings)
    try:
        yield settings, opened
    finally:
        opened.close()


@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Files (.txt .json .jsonl .html) or folders.")
    ],
    store: StoreOption = None,
    batch_size: Annotated[
        int | None,
        typer.Option(help="Article graphs per write (default: NEWSKG_STORE_BATCH_SIZE)."),
    ] = None,
) -> None:
    """Extract, validate and store articles; re-ingesting an article replaces its graph."""
    from newskg.ingest import Ingestor, Outcome, Status
    from newskg.sources import iter_articles
    from newskg.validation import shapes_with

    with _opened(store) as (settings, opened):
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
        with Progress(*columns, TimeElapsedColumn(), console=err, transient=True) as progress:
            task = progress.add_task("ingesting", total=_count_inputs(paths))

            def show(outcome: Outcome) -> None:
                progress.advance(task)
                if outcome.status is Status.REJECTED:
                    progress.console.print(f"[red]rejected[/red] {outcome.error}")

            ingestor = Ingestor(
                opened,
                iris=IriScheme(settings.base_iri),
                shapes=shapes_with(settings.shapes),
                batch_size=batch_size or settings.store_batch_size,
                on_outcome=show,
            )
            summary = ingestor.ingest(iter_articles(paths))
    out.print(
        f"{summary.stored} article(s) stored, {summary.triples:,} triples, "
        f"{summary.observations} observation(s); {summary.rejected} rejected"
    )
    if summary.rejected:
        raise typer.Exit(EXIT_REJECTED)


def _count_inputs(paths: list[Path]) -> int | None:
    """The number of articles when it is known without reading them (no .jsonl inputs)."""
    from newskg.sources import SUFFIXES

    files = [
        file
        for path in paths
        for file in (path.rglob("*") if path.is_dir() else [path])
        if file.suffix.lower() in SUFFIXES
    ]
    return None if any(file.suffix.lower() == ".jsonl" for file in files) else len(files)


@app.command()
def query(
    name_or_file: Annotated[
        str, typer.Argument(help="A named query (see `newskg queries`) or a .rq file.")
    ],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="A parameter as name=value; repeatable."),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="table, csv, tsv, json or xml; ttl, nt, jsonld for graphs."
        ),
    ] = "table",
    store: StoreOption = None,
) -> None:
    """Run a named query or a query file and print its results."""
    named = find_query(name_or_file)
    raw: dict[str, str] = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise NewskgError(f"--param expects name=value, got {item!r}")
        raw[key.strip()] = value
    bindings = named.bindings(raw)
    wanted = "table" if output_format == "table" else output_format
    fmt = None if wanted == "table" else by_name(wanted, RESULT_FORMATS + GRAPH_FORMATS)
    if wanted != "table" and fmt is None:
        raise NewskgError(f"unknown format {output_format!r}")
    accept = (fmt.media_type,) if fmt else (SPARQL_JSON.media_type, TURTLE.media_type)
    with _opened(store) as (settings, opened):
        result = opened.query(named.text, QueryOptions(accept=accept, bindings=bindings))
    if fmt is not None or result.kind is ResultKind.GRAPH:
        sys.stdout.buffer.write(result.body)
        sys.stdout.flush()
        return
    if result.kind is ResultKind.BOOLEAN:
        out.print("true" if json.loads(result.body)["boolean"] else "false")
        return
    _print_table(result.body, base_iri=settings.base_iri)


def _print_table(body: bytes, *, base_iri: str) -> None:
    variables = json.loads(body)["head"]["vars"]
    # A column that has a label column beside it (subject / subjectLabel) is shown as its label.
    head = [name for name in variables if f"{name}Label" not in variables]
    rows = parse_json_rows(body)
    prefixes = {"id": base_iri, **PREFIXES}
    table = Table(*head, show_lines=False, header_style="bold")
    for row in rows:
        table.add_row(*(_compact(str(row[name]), prefixes) if name in row else "" for name in head))
    _print_whole(table)
    out.print(f"{len(rows)} row(s)")


def _print_whole(table: Table) -> None:
    # At its natural width, never squeezed to the terminal's: a figure cut to "14…" is worse than
    # a line the terminal wraps, and a pipe (80 columns by default) must get every value.
    natural = out.measure(table, options=out.options.update_width(100_000)).maximum
    Console(width=max(natural, out.width), soft_wrap=True).print(table)


def _compact(value: str, prefixes: dict[str, str]) -> str:
    for prefix, namespace in prefixes.items():
        if value.startswith(namespace) and len(value) > len(namespace):
            return f"{prefix}:{value[len(namespace) :]}"
    return value


@app.command("queries")
def list_queries() -> None:
    """List the named queries with their parameters."""
    table = Table("name", "summary", "parameters", header_style="bold")
    for named in load_queries().values():
        params = ", ".join(
            f"{p.name}: {p.type.value}{'' if p.required else '?'}" for p in named.parameters
        )
        table.add_row(named.name, named.summary, params)
    _print_whole(table)


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Articles to check without storing them; none: every stored graph."),
    ] = None,
    store: StoreOption = None,
) -> None:
    """Validate stored article graphs (or articles from files) against the SHACL shapes."""
    from newskg.validation import shapes_with
    from newskg.validation import validate as validate_graph

    failures = 0
    checked = 0
    with _opened(store) as (settings, opened):
        shapes = shapes_with(settings.shapes)
        if paths:
            from newskg.ingest import load_entity_index, prepare
            from newskg.sources import iter_articles

            index = load_entity_index(opened)
            iris = IriScheme(settings.base_iri)
            for item in iter_articles(paths):
                checked += 1
                if item.article is None:
                    failures += 1
                    err.print(f"[red]unreadable[/red] {item.error}")
                    continue
                report = prepare(item.article, iris=iris, known=index, shapes=shapes).report
                failures += _show_report(item.source, report.conforms, report.violations)
        else:
            for graph_iri in opened.named_graphs():
                if graph_iri == VOCABULARY_GRAPH:
                    continue
                checked += 1
                report = validate_graph(opened.graph(graph_iri), shapes=shapes)
                failures += _show_report(graph_iri, report.conforms, report.violations)
    out.print(f"{checked} checked, {checked - failures} conform, {failures} do not")
    if failures:
        raise typer.Exit(EXIT_REJECTED)


def _show_report(what: str, conforms: bool, violations: Any) -> int:
    if conforms:
        return 0
    err.print(f"[red]does not conform[/red] {what}")
    for violation in violations:
        err.print(f"  {violation.describe()}")
    return 1


@app.command()
def export(
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", help="nq, trig, ttl, nt, jsonld, rdfxml, graphml or gexf."),
    ] = "nq",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (default: stdout).")
    ] = None,
    store: StoreOption = None,
) -> None:
    """Export the graph: the dataset with its article graphs, or a network projection."""
    with _opened(store) as (_, opened):
        target = output.open("wb") if output else sys.stdout.buffer
        try:
            if output_format in ("graphml", "gexf"):
                from newskg.exports import write_network

                write_network(opened, target, output_format)
            else:
                fmt = _export_format(output_format)
                opened.export(target, fmt)
        finally:
            if output:
                target.close()
            else:
                target.flush()


def _export_format(name: str) -> Format:
    fmt = by_name(name, DATASET_FORMATS + GRAPH_FORMATS)
    if fmt is None:
        raise NewskgError(f"unknown export format {name!r}")
    return fmt


@app.command()
def stats(store: StoreOption = None) -> None:
    """Count what the store holds."""
    with _opened(store) as (_, opened):
        counts = opened.select(internal_query("stats").text)[0]
        graphs = [graph for graph in opened.named_graphs() if graph != VOCABULARY_GRAPH]
    table = Table("what", "count", header_style="bold")
    table.add_row("article graphs", str(len(graphs)))
    for name, value in counts.items():
        table.add_row(name, str(value))
    out.print(table)


@app.command()
def delete(
    article: Annotated[str, typer.Argument(help="The article's IRI.")],
    store: StoreOption = None,
) -> None:
    """Remove an article's graph (everything extracted from it)."""
    with _opened(store) as (_, opened):
        if not opened.delete_graph(article):
            raise NewskgError(f"no article graph named {article}")
    out.print(f"deleted {article}")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address (default: NEWSKG_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default: NEWSKG_PORT).")] = None,
    store: StoreOption = None,
) -> None:
    """Serve the SPARQL endpoint, the API, Linked Data pages and the browser UI."""
    import uvicorn

    from newskg.api.app import create_app

    settings = _settings(store)
    bind_host = host or settings.host
    bind_port = port or settings.port
    err.print(f"newskg serving {settings.store} on http://{bind_host}:{bind_port}/")
    uvicorn.run(create_app(settings), host=bind_host, port=bind_port, log_level="info")


def main() -> None:
    """Entry point of the ``newskg`` console script."""
    try:
        app()
    except NewskgError as error:
        err.print(f"error: {error.message}", highlight=False, markup=False)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
