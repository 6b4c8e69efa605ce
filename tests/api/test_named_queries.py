"""Named queries over HTTP: one route per queries/*.rq file, typed parameters, OpenAPI."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from newskg.api.app import create_app
from newskg.model import ResolvedArticle
from newskg.queries import NamedQuery, load_queries
from newskg.settings import Settings
from newskg.store.oxigraph import OxigraphStore
from servers import Server, app_server

QUERIES = load_queries()
XSD = "http://www.w3.org/2001/XMLSchema#"


def bindings(response: httpx.Response) -> list[dict[str, Any]]:
    """The rows of a SPARQL JSON response, after checking it is one."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/sparql-results+json"
    rows: list[dict[str, Any]] = response.json()["results"]["bindings"]
    return rows


def test_there_are_named_queries() -> None:
    """The checkout publishes the queries the API tests rely on."""
    assert {"targets-vs-achievements", "observations", "agencies"} <= set(QUERIES)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_named_query_answers(client: httpx.Client, name: str) -> None:
    """Each named query runs on the sample store and returns its declared variables."""
    response = client.get(
        f"/api/queries/{name}", headers={"Accept": "application/sparql-results+json"}
    )
    assert response.status_code == 200, response.text
    head = response.json()["head"]["vars"]
    assert head
    assert all(f"?{variable}" in QUERIES[name].text for variable in head)


def test_targets_vs_achievements_on_the_sample(client: httpx.Client) -> None:
    """The sample's 1398 target of 1,400 units meets its achievement of 1,185 (84.6 %)."""
    [row] = bindings(client.get("/api/queries/targets-vs-achievements"))
    assert row["subject"]["value"].endswith("/agency/eio")
    assert float(row["target"]["value"]) == 1400
    assert float(row["achieved"]["value"]) == 1185
    assert float(row["percent"]["value"]) == pytest.approx(84.6)
    assert row["periodStart"]["value"] == "2019-03-21"


def test_parameters_filter_the_results(
    client: httpx.Client, articles: list[ResolvedArticle]
) -> None:
    """Parameters are bound to the query's variables: they narrow the rows."""
    everything = bindings(client.get("/api/queries/observations"))
    assert len(everything) == 4
    eio = articles[0].agencies[0].iri
    about_eio = bindings(client.get("/api/queries/observations", params={"subject": eio}))
    assert len(about_eio) == 3
    assert {row["subject"]["value"] for row in about_eio} == {eio}
    targets = bindings(client.get("/api/queries/observations", params={"status": "target"}))
    assert [row["statusLabel"]["value"] for row in targets] == ["target"]
    from_second = bindings(
        client.get("/api/queries/observations", params={"article": articles[1].iri})
    )
    assert {row["article"]["value"] for row in from_second} == {articles[1].iri}
    assert len(from_second) == 2


def test_values_cannot_change_the_query(client: httpx.Client) -> None:
    """A value that tries to end its term and add a pattern is a string that matches nothing."""
    hostile = 'target" } UNION { ?observation ?p ?o } #'
    assert bindings(client.get("/api/queries/observations", params={"status": hostile})) == []


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"subject": "not an iri"}, "expects iri"),
        ({"subject": "https://example.org/x>"}, "expects iri"),
        ({"subjet": "https://example.org/x"}, "has no parameter subjet"),
    ],
    ids=["not-an-iri", "iri-with-bracket", "misspelt-name"],
)
def test_bad_values_are_refused(
    client: httpx.Client, params: dict[str, str], fragment: str
) -> None:
    """A value that does not fit its type, or an unknown parameter, is a 422 envelope."""
    response = client.get("/api/queries/observations", params=params)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_input"
    assert fragment in error["message"]


def test_results_in_other_formats(client: httpx.Client) -> None:
    """Named queries negotiate like /sparql: Accept, or ``format``."""
    by_accept = client.get("/api/queries/agencies", headers={"Accept": "text/csv"})
    assert by_accept.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(by_accept.text)))
    assert {row["label"] for row in table} == {
        "Example Industries Organization",
        "Industry Ministry",
        "Example News Agency",
    }
    by_format = client.get("/api/queries/agencies", params={"format": "xml"})
    assert by_format.headers["content-type"].startswith("application/sparql-results+xml")
    refused = client.get("/api/queries/agencies", headers={"Accept": "text/turtle"})
    assert refused.status_code == 406
    assert refused.json()["error"]["code"] == "not_acceptable"


def test_unknown_query_is_404(client: httpx.Client) -> None:
    """A name with no query file is a 404 in the envelope."""
    response = client.get("/api/queries/no-such-query")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_the_list_describes_every_query(client: httpx.Client, server: Server) -> None:
    """GET /api/queries: name, summary, description, parameters and URL of each query."""
    listed = {item["name"]: item for item in client.get("/api/queries").json()["queries"]}
    assert set(listed) == set(QUERIES)
    for name, query in QUERIES.items():
        item = listed[name]
        assert item["summary"] == query.summary
        assert item["description"] == query.description
        assert item["url"] == f"{server.url}/api/queries/{name}"
        assert [param["name"] for param in item["parameters"]] == [p.name for p in query.parameters]
        assert all(
            param["type"] == p.type.value
            for param, p in zip(item["parameters"], query.parameters, strict=True)
        )


def test_openapi_lists_every_named_query(client: httpx.Client) -> None:
    """/openapi.json has one operation per query, with its summary, description and parameters."""
    paths = client.get("/openapi.json").json()["paths"]
    for name, query in QUERIES.items():
        operation = paths[f"/api/queries/{name}"]["get"]
        assert operation["summary"] == query.summary
        assert operation["description"] == (query.description or query.summary)
        parameters = {param["name"]: param for param in operation["parameters"]}
        assert set(parameters) == {p.name for p in query.parameters} | {"format"}
        for declared in query.parameters:
            documented = parameters[declared.name]
            assert documented["in"] == "query"
            assert documented["required"] is declared.required
            assert documented.get("description") == (declared.description or None)
        assert "text/csv" in operation["responses"]["200"]["content"]


# -- typed parameters, with query files of the test's own ----------------------------------------

ECHO = """#+ summary: Echo typed parameters
#+ description: Returns the values it was given, as bound to its variables.
#+ param n: integer -- a whole number
#+ param amount: decimal, default=2.5 -- an amount
#+ param day: date, optional -- a day
#+ param flag: boolean, default=false -- a flag
#+ param who: iri, optional -- someone
SELECT ?n ?amount ?day ?flag ?who WHERE { }
"""


@pytest.fixture(scope="module")
def typed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An app publishing only the echo query, on an in-memory store, served in this process."""
    directory = tmp_path_factory.mktemp("queries")
    (directory / "echo.rq").write_text(ECHO, encoding="utf-8")
    published: dict[str, NamedQuery] = load_queries(directory)
    settings = Settings(store=str(directory / "unused"), query_timeout=5.0)
    with app_server(create_app(settings, store=OxigraphStore(), named_queries=published)) as url:
        yield url


def test_typed_values_are_bound_with_their_datatypes(typed_server: str) -> None:
    """Each value reaches the query as a literal (or IRI) of its declared type; defaults apply."""
    params = {"n": "42", "day": "2020-03-19", "who": "https://example.org/someone"}
    [row] = bindings(httpx.get(typed_server + "/api/queries/echo", params=params))
    assert row["n"] == {"type": "literal", "value": "42", "datatype": f"{XSD}integer"}
    assert row["amount"] == {"type": "literal", "value": "2.5", "datatype": f"{XSD}decimal"}
    assert row["day"] == {"type": "literal", "value": "2020-03-19", "datatype": f"{XSD}date"}
    assert row["flag"] == {"type": "literal", "value": "false", "datatype": f"{XSD}boolean"}
    assert row["who"] == {"type": "uri", "value": "https://example.org/someone"}


@pytest.mark.parametrize(
    ("params", "location"),
    [
        ({}, "n"),
        ({"n": "many"}, "n"),
        ({"n": "1", "amount": "lots"}, "amount"),
        ({"n": "1", "day": "2020-13-45"}, "day"),
        ({"n": "1", "flag": "perhaps"}, "flag"),
    ],
    ids=["required-missing", "not-an-integer", "not-a-decimal", "not-a-date", "not-a-boolean"],
)
def test_typed_values_are_validated(
    typed_server: str, params: dict[str, str], location: str
) -> None:
    """A missing or ill-typed value is a 422 envelope naming the parameter."""
    response = httpx.get(typed_server + "/api/queries/echo", params=params)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert location in error["message"]
    assert error["detail"][0]["loc"] == ["query", location]


def test_openapi_shows_the_parameter_types(typed_server: str) -> None:
    """The OpenAPI schema types each parameter: integer, number, date, boolean, uri."""
    operation = httpx.get(typed_server + "/openapi.json").json()["paths"]["/api/queries/echo"][
        "get"
    ]
    parameters = {param["name"]: param for param in operation["parameters"]}
    assert parameters["n"]["required"] is True
    assert parameters["n"]["schema"]["type"] == "integer"
    assert parameters["flag"]["schema"]["anyOf"][0]["type"] == "boolean"
    assert parameters["flag"]["schema"]["default"] is False
    assert parameters["day"]["schema"]["anyOf"][0]["format"] == "date"
    assert parameters["who"]["schema"]["anyOf"][0]["format"] == "uri"
    amount = parameters["amount"]["schema"]
    assert "number" in str(amount)
    assert str(amount["default"]) == "2.5"


def test_query_files_of_the_checkout_are_the_published_ones(tmp_path: Path) -> None:
    """create_app without named_queries publishes queries/ (internal ones excluded)."""
    app = create_app(Settings(store=str(tmp_path / "unused")), store=OxigraphStore())
    assert set(app.state.queries) == set(QUERIES)
    assert not any(name.startswith("internal") for name in app.state.queries)
