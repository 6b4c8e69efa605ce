"""Start real server processes for tests: newskg under uvicorn, and `oxigraph serve`.

Each server listens on 127.0.0.1 on a free port, is started by the test that needs it and is
stopped (terminated, then killed) when the test is done; its output is kept for failure messages.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A running server process."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        """What the server printed so far."""
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def run_server(
    command: list[str],
    *,
    port: int,
    ready_path: str,
    env: Mapping[str, str] | None = None,
    timeout: float = 30.0,
) -> Iterator[Server]:
    """Run ``command`` until the block ends; ready when ``ready_path`` answers below 500."""
    log = Path(tempfile.mkstemp(prefix="newskg-server-", suffix=".log")[1])
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, stdout=sink, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
    server = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        _wait_ready(server, ready_path, timeout)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.unlink(missing_ok=True)


def _wait_ready(server: Server, path: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"server exited with {server.process.returncode}:\n{server.output()}"
            )
        try:
            if httpx.get(server.url + path, timeout=2.0).status_code < 500:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"server not ready after {timeout} s:\n{server.output()}")


@contextmanager
def newskg_server(env: Mapping[str, str], *, port: int | None = None) -> Iterator[Server]:
    """The newskg API under uvicorn; ``env`` holds its NEWSKG_* settings.

    ``port`` is for a server whose settings must name its own address (a base IRI on it).
    """
    port = port or free_port()
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "newskg.api.app:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    with run_server(command, port=port, ready_path="/api/health", env=env) as server:
        yield server


@contextmanager
def oxigraph_server(
    location: Path | None = None,
    *,
    union_default_graph: bool = False,
    timeout_s: int | None = None,
) -> Iterator[Server]:
    """An `oxigraph serve` process (PyPI package oxigraph) on a temporary or given directory.

    ``union_default_graph`` makes queries without a dataset read the union of all graphs, as
    newskg's queries expect; ``timeout_s`` is the server's own query time limit. A missing binary
    is an error, not a skip: the oxigraph package is a test dependency.
    """
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).is_file():
        raise RuntimeError(
            "the `oxigraph` binary is missing: install the test dependencies "
            "(pip install -e '.[test]', which brings the PyPI package oxigraph)"
        )
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="oxigraph-") as scratch:
        command = [
            binary,
            "serve",
            "--location",
            str(location or scratch),
            "--bind",
            f"127.0.0.1:{port}",
        ]
        if union_default_graph:
            command.append("--union-default-graph")
        if timeout_s is not None:
            command += ["--timeout-s", str(timeout_s)]
        with run_server(command, port=port, ready_path="/query?query=ASK%7B%7D") as server:
            yield server


@dataclass
class CountingServer:
    """A local HTTP server that records every request it gets (to prove what was fetched)."""

    url: str
    requests: list[str]


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    """Records the path; answers /sparql with one SPARQL JSON row, anything else with a triple."""

    seen: list[str]

    def do_GET(self) -> None:
        """Record the request and answer it."""
        self.seen.append(f"{self.command} {self.path}")
        if self.path.startswith("/sparql"):
            body = json.dumps(
                {
                    "head": {"vars": ["remote"]},
                    "results": {"bindings": [{"remote": {"type": "literal", "value": "remote"}}]},
                }
            ).encode()
            media = "application/sparql-results+json"
        else:
            body = (
                b"<http://remote.example/s> <http://remote.example/p> <http://remote.example/o> .\n"
            )
            media = "application/n-triples"
        length = int(self.headers.get("content-length") or 0)
        if length:
            self.rfile.read(length)
        self.send_response(200)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        """Same as GET (SPARQL SERVICE may POST its query)."""
        self.do_GET()

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the test reads ``requests`` instead."""


@contextmanager
def counting_server() -> Iterator[CountingServer]:
    """A :class:`CountingServer` on a free port of 127.0.0.1 for the block."""
    seen: list[str] = []
    handler = type("Handler", (_CountingHandler,), {"seen": seen})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield CountingServer(f"http://127.0.0.1:{httpd.server_address[1]}", seen)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@contextmanager
def app_server(app: Any) -> Iterator[str]:
    """Serve an ASGI app object with uvicorn in a thread of this process; yields its URL.

    For apps a test builds itself (``create_app(store=...)``); the app under test otherwise
    runs in a subprocess (:func:`newskg_server`).
    """
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the in-process server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
