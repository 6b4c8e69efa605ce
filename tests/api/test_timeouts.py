"""Time limits: a runaway query is cut off with 503 while other clients are answered promptly.

With worker processes (the default, NEWSKG_QUERY_WORKERS=2) the runaway query's process is
killed at the limit: nothing keeps running. With NEWSKG_QUERY_WORKERS=0 queries run in threads
of the server: the client still gets its 503 at the limit and other clients are still answered,
but the abandoned query keeps a core busy until it ends (pyoxigraph cannot be interrupted), and
it holds the store's read lock, so writes wait for it. The tests measure both.

The last tests drive :mod:`newskg.store.workers` directly: re-opening after RocksDB's
"Corruption: ... No such file" race, snapshots never showing a graph half replaced, and a
killed or dead worker being replaced.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from conftest import ServerFactory

from newskg.errors import QueryTimeout
from newskg.formats import SPARQL_JSON
from newskg.store.base import DatasetSpec, GraphPayload, QueryOptions
from newskg.store.oxigraph import OxigraphStore
from newskg.store.workers import Snapshot, WorkerPool

#: About 1,100 triples to the fourth power: it would run for days.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CHEAP = "ASK { ?s a <https://w3id.org/newskg/ontology#Agency> }"
LIMIT = 1.0


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by a process and its living children."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue  # the process ended meanwhile
        # Fields after the command: state ppid ... utime (12th) stime (13th).
        if int(entry.name) == pid or int(fields[1]) == pid:
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def cpu_used_during(pid: int, seconds: float) -> float:
    """CPU seconds a process (and its children) used in the next ``seconds`` seconds."""
    before = cpu_seconds(pid)
    time.sleep(seconds)
    return cpu_seconds(pid) - before


def run_runaway(url: str, outcome: dict[str, object]) -> None:
    """Send the runaway query; note status, error code and elapsed time in ``outcome``."""
    started = time.monotonic()
    response = httpx.get(url + "/sparql", params={"query": RUNAWAY}, timeout=60)
    outcome["elapsed"] = time.monotonic() - started
    outcome["status"] = response.status_code
    outcome["body"] = response.json()


def cheap_latencies(url: str, count: int) -> list[float]:
    """Latencies of ``count`` cheap queries sent one after another (each must answer true)."""
    latencies = []
    with httpx.Client(base_url=url, timeout=10) as client:
        for _ in range(count):
            started = time.monotonic()
            response = client.get("/sparql", params={"query": CHEAP, "format": "json"})
            latencies.append(time.monotonic() - started)
            assert response.status_code == 200, response.text
            assert response.json()["boolean"] is True
            time.sleep(0.05)
    return latencies


def cut_off_while_others_answer(url: str) -> list[float]:
    """Run the runaway query while another client queries; check the 503; return latencies."""
    outcome: dict[str, object] = {}
    runaway = threading.Thread(target=run_runaway, args=(url, outcome))
    runaway.start()
    time.sleep(0.2)  # the runaway query is running now
    latencies = cheap_latencies(url, 8)
    runaway.join(timeout=30)
    assert outcome["status"] == 503, outcome
    body = outcome["body"]
    assert isinstance(body, dict)
    assert body["error"]["code"] == "query_timeout"
    assert "time limit" in body["error"]["message"]
    elapsed = outcome["elapsed"]
    assert isinstance(elapsed, float)
    assert LIMIT <= elapsed < LIMIT + 2.0
    return latencies


def test_worker_processes_cut_a_runaway_query_off(start_server: ServerFactory) -> None:
    """503 at the limit, other clients answered meanwhile, and the runaway process is killed."""
    with start_server(NEWSKG_QUERY_TIMEOUT=str(LIMIT)) as server:
        latencies = cut_off_while_others_answer(server.url)
        assert max(latencies) < 0.5, latencies
        # Nothing keeps running: a surviving runaway would pin a core (about 2 CPU seconds in
        # the 2 s window), while starting the replacement worker costs a few tenths of a second
        # on a loaded machine (0.31 s was seen in CI), so the bound is half a core.
        assert cpu_used_during(server.process.pid, 2.0) < 1.0
        # The killed worker was replaced: the server answers as before, and cuts off again.
        assert cheap_latencies(server.url, 3)
        assert cut_off_while_others_answer(server.url)
        # the second cut-off starts a replacement worker too (0.30 s was seen in CI): the same
        # half-core bound, which a surviving runaway (about 2 CPU seconds) still fails
        assert cpu_used_during(server.process.pid, 2.0) < 1.0


def test_threads_cut_the_client_off_but_the_query_runs_on(start_server: ServerFactory) -> None:
    """With NEWSKG_QUERY_WORKERS=0 the client gets its 503, but the query keeps a core busy."""
    with start_server(NEWSKG_QUERY_TIMEOUT=str(LIMIT), NEWSKG_QUERY_WORKERS="0") as server:
        latencies = cut_off_while_others_answer(server.url)
        assert max(latencies) < 0.5, latencies
        # What differs from worker processes: the abandoned query is still running (a core
        # busy; the bound leaves room for a machine shared with other work).
        assert cpu_used_during(server.process.pid, 3.0) > 0.9
        assert cheap_latencies(server.url, 3)


# -- the worker pool itself -----------------------------------------------------------------


def nt(graph: int, version: int, size: int) -> bytes:
    """``size`` triples for a graph; every version of it has the same number."""
    return b"".join(
        f'<https://example.org/s{i}> <https://example.org/p> "{graph}-{version}-{i}" .\n'.encode()
        for i in range(size)
    )


@pytest.fixture
def disk_store(tmp_path: Path) -> Iterator[OxigraphStore]:
    """An on-disk store with three graphs of 200 triples, closed after the test."""
    store = OxigraphStore(tmp_path / "store")
    store.replace_graphs(
        [GraphPayload(f"https://example.org/g{graph}", nt(graph, 0, 200)) for graph in range(3)]
    )
    try:
        yield store
    finally:
        store.close()


JSON_OPTIONS = QueryOptions(accept=(SPARQL_JSON.media_type,), timeout=10.0)
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def counts(store: OxigraphStore) -> list[int]:
    """Triples per graph, through the store's query path."""
    result = store.query(PER_GRAPH, JSON_OPTIONS)
    rows = json.loads(result.body)["results"]["bindings"]
    return [int(row["n"]["value"]) for row in rows]


def test_workers_never_see_a_graph_half_replaced(disk_store: OxigraphStore) -> None:
    """While graphs are replaced over and over, every query sees each graph whole."""
    disk_store.start_query_workers(2)
    stop = threading.Event()
    writes = 0

    def writer() -> None:
        nonlocal writes
        version = 0
        while not stop.is_set():
            version += 1
            graph = version % 3
            payload = nt(graph, version, 200)
            disk_store.replace_graphs([GraphPayload(f"https://example.org/g{graph}", payload)])
            writes += 1

    seen: list[list[int]] = []
    errors: list[Exception] = []

    def reader() -> None:
        while not stop.is_set():
            try:
                seen.append(counts(disk_store))
            except Exception as error:  # collected for the assertion below
                errors.append(error)

    threads = [threading.Thread(target=writer)] + [
        threading.Thread(target=reader) for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    time.sleep(6.0)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert writes >= 20
    assert len(seen) >= 50
    assert all(row == [200, 200, 200] for row in seen), [row for row in seen if row != [200] * 3]
    assert counts(disk_store) == [200, 200, 200]


class FlakyOpener:
    """Opens read-only stores, failing the first ``failures`` times as RocksDB does in a race."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0

    def __call__(self, path: str) -> ox.Store:
        self.calls += 1
        if self.calls <= self.failures:
            raise RuntimeError(
                "Corruption: Corruption: IO error: No such file or directory: While open a file "
                f"for random read: {path}/000586.sst: No such file or directory"
            )
        return ox.Store.read_only(path)


def snapshot_request(
    generation: int = 1,
) -> tuple[int, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A worker request counting the triples of every graph."""
    return (generation, PER_GRAPH, (SPARQL_JSON.media_type,), (), ())


def test_snapshot_reopens_after_the_compaction_race(disk_store: OxigraphStore) -> None:
    """ "Corruption: ... No such file" while opening is retried, and the query answered."""
    disk_store.flush()
    opener = FlakyOpener(failures=3)
    snapshot = Snapshot(str(disk_store.path), None, opener=opener)
    reply = snapshot.run(snapshot_request())
    assert reply[0] == "ok", reply
    assert opener.calls == 4
    body = reply[3]
    assert isinstance(body, bytes)
    assert [int(row["n"]["value"]) for row in json.loads(body)["results"]["bindings"]] == [200] * 3


def test_snapshot_gives_up_on_a_store_that_never_opens(tmp_path: Path) -> None:
    """A store that keeps failing is an error reply, not a hang."""
    opener = FlakyOpener(failures=1000)
    snapshot = Snapshot(str(tmp_path), None, opener=opener, attempts=3)
    reply = snapshot.run(snapshot_request())
    assert reply[0] == "error"
    assert reply[1] == "StoreError"
    assert "Corruption" in str(reply[2])


class VanishingFileStore:
    """A read-only store whose first query fails as one does when compaction removed a file."""

    def __init__(self, path: str) -> None:
        self.inner = ox.Store.read_only(path)

    def query(self, *args: object, **kwargs: object) -> object:
        raise OSError("IO error: No such file or directory: While open a file: 000123.sst")


def test_snapshot_retries_a_query_on_a_fresh_instance(disk_store: OxigraphStore) -> None:
    """A query that hits a compacted-away file is run again on a freshly opened snapshot."""
    disk_store.flush()
    opened: list[str] = []

    def opener(path: str) -> ox.Store:
        opened.append(path)
        if len(opened) == 1:
            return VanishingFileStore(path)  # type: ignore[return-value]
        return ox.Store.read_only(path)

    reply = Snapshot(str(disk_store.path), None, opener=opener).run(snapshot_request())
    assert reply[0] == "ok", reply
    assert len(opened) == 2


def process_is_gone(pid: int) -> bool:
    """True when no process with this id runs (a zombie counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return True
    return state == "Z"


def test_pool_kills_and_replaces_a_worker_past_its_limit(disk_store: OxigraphStore) -> None:
    """QueryTimeout at the limit; the process is gone; a fresh one answers the next query."""
    disk_store.flush()
    pool = WorkerPool(disk_store.path, count=1)
    pool.start()
    try:
        [first] = pool.pids
        started = time.monotonic()
        with pytest.raises(QueryTimeout, match="time limit"):
            pool.run(RUNAWAY, accept=("*/*",), dataset=DatasetSpec(), timeout=0.5, generation=0)
        assert 0.5 <= time.monotonic() - started < 2.0
        assert process_is_gone(first)
        assert pool.replaced == 1
        result = pool.run(
            "ASK { ?s ?p ?o }", accept=("*/*",), dataset=DatasetSpec(), timeout=30, generation=0
        )
        assert json.loads(result.body)["boolean"] is True
        assert pool.pids != [first]
    finally:
        pool.close()
    assert not pool.lock_path.exists()


def test_pool_replaces_a_worker_that_died(disk_store: OxigraphStore) -> None:
    """A worker killed from outside while idle is replaced, and the query still answered."""
    disk_store.flush()
    pool = WorkerPool(disk_store.path, count=1)
    pool.start()
    try:
        [first] = pool.pids
        os.kill(first, 9)
        deadline = time.monotonic() + 5
        while not process_is_gone(first) and time.monotonic() < deadline:
            time.sleep(0.05)
        result = pool.run(
            "ASK { ?s ?p ?o }", accept=("*/*",), dataset=DatasetSpec(), timeout=30, generation=0
        )
        assert json.loads(result.body)["boolean"] is True
        assert pool.replaced == 1
    finally:
        pool.close()


def test_in_memory_stores_time_out_in_threads() -> None:
    """An in-memory store has no worker processes: the limit still answers the caller."""
    store = OxigraphStore()
    store.replace_graphs([GraphPayload("https://example.org/g", nt(0, 0, 300))])
    store.start_query_workers(2)  # no effect: processes cannot share a store in memory
    # 300 triples cubed: a few seconds, for the abandoned thread ends soon after the test.
    cube = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="abandoned"):
        store.query(cube, QueryOptions(timeout=0.3))
    assert time.monotonic() - started < 1.5
    assert store.ask("ASK { ?s ?p ?o }")
