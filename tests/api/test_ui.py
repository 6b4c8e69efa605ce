"""The browser UI in headless Chromium (Debian's ``chromium`` package) driven by Playwright.

The pages must work with no internet: every test fails on a request that leaves the server and
on any error in the browser console (a Content-Security-Policy violation is one).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, sync_playwright

from newskg.iris import IriScheme
from newskg.settings import DEFAULT_BASE_IRI
from servers import Server

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IRIS = IriScheme(DEFAULT_BASE_IRI)
PERSON = IRIS.mint("person", "ali-asqar-example")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium; the browser tests fail (never skip) when it is not installed."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) "
            "to run the browser tests; CI installs it",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Tab:
    """A browser page on the server, with what went wrong in it."""

    page: Page
    server: Server
    problems: list[str] = field(default_factory=list)

    def open(self, path: str) -> None:
        response = self.page.goto(self.server.url + path)
        assert response is not None
        assert response.ok, f"{path}: HTTP {response.status}"

    def assert_clean(self, *, allow: tuple[str, ...] = ()) -> None:
        left = [problem for problem in self.problems if not any(a in problem for a in allow)]
        assert not left, "\n".join(left)


@pytest.fixture
def tab(browser: Browser, server: Server) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    opened = Tab(page, server)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            opened.problems.append(f"console: {message.text}")

    def on_request(request: Request) -> None:
        if not request.url.startswith((server.url, "data:", "blob:")):
            opened.problems.append(f"request outside the server: {request.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: opened.problems.append(f"page error: {error}"))
    page.on("request", on_request)
    yield opened
    context.close()


def test_query_page_runs_an_example_query(tab: Tab) -> None:
    tab.open("/")
    page = tab.page
    options = page.locator("#example option").all_inner_texts()
    assert (
        "Agencies with their names, acronyms and every alias seen, and how often they appear"
        in (options)
    )
    page.select_option("#example", "agencies")
    assert "SELECT ?agency" in page.input_value("#query")
    assert page.locator("#gutter").inner_text().splitlines()[-1] == str(
        page.input_value("#query").count("\n") + 1
    )
    page.click("#run")
    table = page.locator("#results table")
    table.wait_for()
    headers = table.locator("thead th").all_inner_texts()
    assert headers == ["agency", "label", "acronym", "aliases", "newsAgency", "parent", "articles"]
    assert "Example Industries Organization" in table.locator("tbody td").all_inner_texts()
    assert page.locator("#status").inner_text().startswith("3 rows")
    # IRIs are links to the Linked Data pages; follow one.
    link = table.get_by_role("link", name="agency/eio", exact=True)
    assert link.get_attribute("href") == "/id/agency/eio"
    link.click()
    page.wait_for_url("**/id/agency/eio")
    assert page.locator("h1").inner_text() == "Example Industries Organization"
    assert page.get_by_role("heading", name="Figures about Example Industries Organization")
    tab.assert_clean()


def test_ctrl_enter_runs_and_errors_come_from_the_envelope(tab: Tab) -> None:
    tab.open("/")
    page = tab.page
    page.fill("#query", "SELECT * WHERE { ?s ?p }")
    page.focus("#query")
    page.keyboard.press("Control+Enter")
    error = page.locator("#error")
    error.wait_for(state="visible")
    assert "SPARQL syntax error" in error.inner_text()
    assert "malformed_query" in error.inner_text()
    assert page.locator("#results table").count() == 0
    tab.assert_clean(allow=("status of 400",))


def test_results_download_as_csv_and_json(tab: Tab) -> None:
    tab.open("/")
    page = tab.page
    page.fill("#query", "SELECT ?name WHERE { ?a <http://schema.org/name> ?name } ORDER BY ?name")
    page.click("#run")
    page.locator("#results table").wait_for()
    with page.expect_download() as download_info:
        page.click("#download-csv")
    path = download_info.value.path()
    rows = list(csv.reader(io.StringIO(Path(path).read_text(encoding="utf-8"))))
    assert rows == [["name"], ["Ali Asqar Example"], ["Ali-Asghar Example"]]
    with page.expect_download() as download_info:
        page.click("#download-json")
    assert '"Ali-Asghar Example"' in Path(download_info.value.path()).read_text(encoding="utf-8")
    tab.assert_clean()


def test_article_list_links_to_article_pages(tab: Tab) -> None:
    tab.open("/articles")
    page = tab.page
    rows = page.locator("table.articles tbody tr")
    assert rows.count() == 2
    assert page.locator("table.articles tbody tr").first.inner_text().startswith("2020-06-01")
    page.get_by_role("link", name="EIO target").click()
    page.wait_for_url("**/id/article/*")
    assert page.locator("h1").inner_text() == "EIO target"
    assert page.locator(".article-text mark").count() == 2
    tab.assert_clean()


def test_graph_page_draws_the_nodes(tab: Tab) -> None:
    tab.open("/graph")
    page = tab.page
    page.locator("#graph[data-nodes]").wait_for(state="attached")
    assert page.get_attribute("#graph", "data-nodes") == "9"
    assert page.get_attribute("#graph", "data-edges") == "18"
    assert page.locator("#graph canvas").count() > 0
    assert page.locator("#graph-status").inner_text().startswith("9 nodes")
    assert page.evaluate("window.newskgGraph.nodes().length") == 9
    assert page.locator("#node-list li").count() == 9
    tab.assert_clean()


def test_graph_page_around_a_focus_with_observations(tab: Tab) -> None:
    tab.open(f"/graph?focus={PERSON}&depth=1&observations=true")
    page = tab.page
    page.locator("#graph[data-nodes]").wait_for(state="attached")
    # The person, the agency it has a role in, the two articles naming it, its three figures.
    assert page.get_attribute("#graph", "data-nodes") == "7"
    assert page.is_checked("#observations")
    # Selecting a node shows what it is, with a link to its page.
    position = page.evaluate(
        "(iri) => { const p = window.newskgGraph.getElementById(iri).renderedPosition();"
        " return [p.x, p.y]; }",
        PERSON,
    )
    box = page.locator("#graph").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + position[0], box["y"] + position[1])
    details = page.locator("#graph-details")
    assert "Ali Asqar Example" in details.inner_text()
    assert details.get_by_role("link").get_attribute("href") == "/id/person/ali-asqar-example"
    tab.assert_clean()
