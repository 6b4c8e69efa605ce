"""Worker processes that run queries on the embedded store, so that a runaway query can be killed.

pyoxigraph cannot cancel a query, and it releases the GIL while it evaluates: a query that runs
past its time limit in a thread keeps a core busy until it ends, possibly never. So the server
runs timed queries in a small pool of processes (``Settings.query_workers``) and kills the one
whose query passes its limit, starting a fresh process in its place.

Each worker opens the store directory with ``pyoxigraph.Store.read_only``, which sees the writes
committed when it opens and nothing later. The server counts its writes (a *generation*) and
sends the current count with every query; a worker whose snapshot is older re-opens first (about
10 ms). Two locks keep a worker from opening in the middle of a write, when it could see an
article graph removed but not yet loaded again: the server holds an exclusive ``flock`` on a lock
file for each write, and a worker holds it shared while it opens. RocksDB read-only instances can
still race the primary's background compaction ("Corruption: ... No such file"), so opening is
retried, and a query that fails that way is retried once on a freshly opened snapshot.

Run as ``python -m newskg.store.workers --fd N --store DIR --lock FILE``; only
:class:`WorkerPool` starts it.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import queue
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from newskg.errors import NewskgError, NotAcceptable, QueryError, QueryTimeout, StoreError
from newskg.formats import GRAPH_FORMATS, RESULT_FORMATS, Format, ResultKind
from newskg.store.base import DatasetSpec, QueryResult
from newskg.store.oxigraph import serialize_result, start_query

#: A query as sent to a worker: generation, SPARQL text, accepted media ranges, dataset.
Request = tuple[int, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]
#: A worker's answer: ("ok", kind, media type, body) or ("error", error class, message).
Reply = tuple[str, str, str, bytes] | tuple[str, str, str]

_PING = "ping"
_ERRORS: dict[str, type[NewskgError]] = {
    cls.__name__: cls for cls in (QueryError, NotAcceptable, StoreError)
}
_FORMATS: dict[str, Format] = {fmt.media_type: fmt for fmt in RESULT_FORMATS + GRAPH_FORMATS}
# Messages of RocksDB errors that a fresh read-only instance cures (files compacted away).
_STALE_MARKERS = ("corruption", "no such file", "io error")


@contextmanager
def file_lock(path: Path | str, *, shared: bool) -> Iterator[None]:
    """Hold an advisory ``flock`` on ``path`` for the block (released if the process dies)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


# -- the worker side ----------------------------------------------------------------------------


class Snapshot:
    """A read-only view of the store directory, re-opened when the server has written since."""

    def __init__(
        self,
        path: str,
        lock_path: str | None,
        *,
        opener: Callable[[str], ox.Store] = ox.Store.read_only,
        attempts: int = 6,
    ) -> None:
        self.path = path
        self.lock_path = lock_path
        self.opener = opener
        self.attempts = attempts
        self.generation = -1
        self.opened = 0
        self._store: ox.Store | None = None

    def store(self, generation: int) -> ox.Store:
        """The snapshot for ``generation``, opened anew when it is older."""
        if self._store is None or generation != self.generation:
            self._store = None  # let RocksDB release the old instance's files first
            self._store = self._open()
            self.generation = generation
        return self._store

    def _open(self) -> ox.Store:
        error: Exception | None = None
        for attempt in range(self.attempts):
            try:
                if self.lock_path is None:
                    return self._opened()
                with file_lock(self.lock_path, shared=True):
                    return self._opened()
            except (OSError, RuntimeError) as failure:
                error = failure
                time.sleep(0.01 * 2**attempt)
        raise StoreError(f"cannot open a read-only view of the store: {error}")

    def _opened(self) -> ox.Store:
        store = self.opener(self.path)
        self.opened += 1
        return store

    def run(self, request: Request) -> Reply:
        """Answer one query; a failure that a fresh snapshot may cure is retried once."""
        generation, sparql, accept, default_graphs, named_graphs = request
        dataset = DatasetSpec(default_graphs, named_graphs)
        for attempt in range(2):
            try:
                started = start_query(self.store(generation), sparql, dataset)
                result = serialize_result(started, accept)
            except StoreError as error:
                if attempt == 0 and any(m in error.message.lower() for m in _STALE_MARKERS):
                    self._store = None
                    continue
                return ("error", "StoreError", error.message)
            except NewskgError as error:
                return ("error", type(error).__name__, error.message)
            return ("ok", result.kind.value, result.format.media_type, result.body)
        raise AssertionError("unreachable")  # pragma: no cover


def serve(connection: Connection, snapshot: Snapshot) -> None:
    """Answer requests from ``connection`` until the server closes it."""
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        reply: Any
        if message == _PING:
            reply = _PING
        else:
            try:
                reply = snapshot.run(message)
            except Exception as error:  # a worker must answer every request, whatever happens
                reply = ("error", "StoreError", f"query failed: {error}")
        connection.send(reply)


def _exit_with_parent() -> None:
    """Exit when the server process is gone, even in the middle of a long query."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="newskg-parent-watch", daemon=True).start()


def main(argv: list[str] | None = None) -> None:
    """Entry point of a worker process."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fd", type=int, required=True)
    parser.add_argument("--store", required=True)
    parser.add_argument("--lock", required=True)
    args = parser.parse_args(argv)
    _exit_with_parent()
    serve(Connection(args.fd), Snapshot(args.store, args.lock))


# -- the server side ----------------------------------------------------------------------------


class _Worker:
    """One worker process and the server's end of its socket."""

    def __init__(self, store: Path, lock: Path) -> None:
        parent_end, child_end = socket.socketpair()
        command = [
            sys.executable,
            "-m",
            "newskg.store.workers",
            "--fd",
            str(child_end.fileno()),
            "--store",
            str(store),
            "--lock",
            str(lock),
        ]
        try:
            self.process = subprocess.Popen(
                command, pass_fds=(child_end.fileno(),), stdin=subprocess.DEVNULL
            )
        finally:
            child_end.close()
        self.connection = Connection(parent_end.detach())

    def stop(self, *, kill: bool) -> None:
        """End the process: at once when ``kill``, else by closing its socket."""
        if kill:
            self.process.kill()
        self.connection.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class WorkerPool:
    """``count`` worker processes running queries on the store at ``path``, each with a limit.

    At most ``count`` queries run at once; a query waits for a free worker, and the wait counts
    toward its time limit.
    """

    def __init__(self, path: Path, *, count: int) -> None:
        if count < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.path = path
        self.count = count
        fd, name = tempfile.mkstemp(prefix="newskg-snapshot-", suffix=".lock")
        os.close(fd)
        self.lock_path = Path(name)
        self.replaced = 0
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._guard = threading.Lock()
        self._closed = False

    def start(self, *, timeout: float = 60.0) -> None:
        """Start the workers and wait until every one answers."""
        workers = [self._spawn() for _ in range(self.count)]
        deadline = time.monotonic() + timeout
        for worker in workers:
            try:
                worker.connection.send(_PING)
                if not worker.connection.poll(max(deadline - time.monotonic(), 0)):
                    raise StoreError(f"query worker did not start within {timeout:g} s")
                worker.connection.recv()
            except (EOFError, OSError) as error:
                self.close()
                raise StoreError(f"query worker failed to start: {error}") from error
            except StoreError:
                self.close()
                raise
            self._idle.put(worker)

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Keep workers from opening a snapshot while the server writes."""
        with file_lock(self.lock_path, shared=False):
            yield

    def run(
        self,
        sparql: str,
        *,
        accept: tuple[str, ...],
        dataset: DatasetSpec,
        timeout: float,
        generation: int,
    ) -> QueryResult:
        """Run a query in a worker; QueryTimeout (and a killed worker) past ``timeout`` s."""
        deadline = time.monotonic() + timeout
        request: Request = (
            generation,
            sparql,
            accept,
            dataset.default_graphs,
            dataset.named_graphs,
        )
        # Queries are read-only, so one that meets a dead worker is sent again, once, to a fresh
        # one: a worker killed from outside may still look alive (its threads are still exiting)
        # and take the request; a query that kills its worker twice is reported.
        for attempt in range(2):
            try:
                worker = self._idle.get(timeout=max(deadline - time.monotonic(), 0))
            except queue.Empty:
                raise QueryTimeout(
                    f"the query waited {timeout:g} s for one of {self.count} busy query workers"
                ) from None
            try:
                worker.connection.send(request)
                reply = self._reply(worker, deadline, timeout)
            except (EOFError, OSError) as error:
                self._replace(worker)
                if attempt:
                    raise StoreError(
                        f"a query worker died while running the query: {error}"
                    ) from None
                continue
            self._idle.put(worker)
            if reply[0] == "ok":
                _, kind, media_type, body = reply
                return QueryResult(ResultKind(kind), _FORMATS[media_type], body)
            _, name, message = reply
            raise _ERRORS.get(name, StoreError)(message)
        raise AssertionError("unreachable")  # pragma: no cover

    def _reply(self, worker: _Worker, deadline: float, timeout: float) -> Any:
        """The worker's reply; past the deadline the worker is replaced and QueryTimeout raised."""
        if not worker.connection.poll(max(deadline - time.monotonic(), 0)):
            self._replace(worker)
            raise QueryTimeout(
                f"the query ran longer than the {timeout:g} s time limit and was stopped"
            )
        return worker.connection.recv()

    def _spawn(self) -> _Worker:
        worker = _Worker(self.path, self.lock_path)
        with self._guard:
            self._workers.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and put a fresh process in its place (it imports while we answer)."""
        with self._guard:
            self._workers.discard(worker)
            closed = self._closed
        worker.stop(kill=True)
        if not closed:
            self.replaced += 1
            self._idle.put(self._spawn())

    def close(self) -> None:
        """Stop every worker, idle or busy, and remove the lock file."""
        with self._guard:
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.stop(kill=True)
        self.lock_path.unlink(missing_ok=True)

    @property
    def pids(self) -> list[int]:
        """Process ids of the current workers."""
        with self._guard:
            return sorted(worker.process.pid for worker in self._workers)


if __name__ == "__main__":
    main()
