"""Start real server processes for tests: newskg under uvicorn, and `oxigraph serve`.

Each server listens on 127.0.0.1 on a free port, is started by the test that needs it and is
stopped (terminated, then killed) when the test is done; its output is kept for failure messages.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

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
def newskg_server(env: Mapping[str, str]) -> Iterator[Server]:
    """The newskg API under uvicorn; ``env`` holds its NEWSKG_* settings."""
    port = free_port()
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
def oxigraph_server(location: Path | None = None) -> Iterator[Server]:
    """An `oxigraph serve` process (PyPI package oxigraph) on a temporary or given directory."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
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
        with run_server(command, port=port, ready_path="/query?query=ASK%7B%7D") as server:
            yield server
