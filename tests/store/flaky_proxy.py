"""A real HTTP proxy in front of a real SPARQL server that misbehaves on purpose.

It serves on 127.0.0.1 on a free port and forwards every request to the upstream server, except
the first ``fail`` ones, which it spoils according to ``mode``:

- ``status``: answers ``status`` with ``body`` itself (e.g. 503 with ``Retry-After: 0``);
- ``drop``: reads the request and closes the connection without answering (nothing ran);
- ``lost``: forwards the request (the server runs it), then closes without answering, as when a
  connection breaks after the server committed;
- ``slow``: waits ``delay`` seconds, then forwards.

Every request is recorded (method, path with query, headers, body) for assertions.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "host", "content-length"}


@dataclass
class Recorded:
    """One request the proxy received."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class FlakyProxy:
    """Forwards to ``upstream`` after spoiling the first ``fail`` requests (see the module)."""

    upstream: str
    fail: int = 0
    mode: str = "status"
    status: int = 503
    body: bytes = b"Service Unavailable"
    headers: dict[str, str] = field(default_factory=lambda: {"Retry-After": "0"})
    delay: float = 0.0
    requests: list[Recorded] = field(default_factory=list)
    url: str = ""

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._client = httpx.Client(base_url=self.upstream, timeout=60.0)

    def _spoil_next(self) -> bool:
        with self._lock:
            if self.fail > 0:
                self.fail -= 1
                return True
            return False

    def handle(self, handler: BaseHTTPRequestHandler) -> None:
        """Serve one request: spoil it or forward it."""
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        headers = {name.lower(): value for name, value in handler.headers.items()}
        with self._lock:
            self.requests.append(Recorded(handler.command, handler.path, headers, body))
        if self._spoil_next():
            if self.mode == "status":
                self._reply(handler, self.status, self.headers, self.body)
                return
            if self.mode == "drop":
                handler.close_connection = True
                return
            if self.mode == "lost":
                self._forward(handler.command, handler.path, headers, body)
                handler.close_connection = True
                return
            if self.mode == "slow":
                time.sleep(self.delay)
        try:
            status, reply_headers, reply = self._forward(
                handler.command, handler.path, headers, body
            )
        except httpx.HTTPError:  # the upstream went away (or the proxy is closing)
            handler.close_connection = True
            return
        self._reply(handler, status, reply_headers, reply)

    def _forward(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        kept = {name: value for name, value in headers.items() if name not in _HOP_BY_HOP}
        response = self._client.request(method, path, headers=kept, content=body)
        reply_headers = {
            name: value
            for name, value in response.headers.items()
            if name.lower() not in _HOP_BY_HOP | {"content-encoding"}
        }
        return response.status_code, reply_headers, response.content

    @staticmethod
    def _reply(
        handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes
    ) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def close(self) -> None:
        """Release the upstream connections."""
        self._client.close()


@contextmanager
def flaky_proxy(upstream: str, **options: object) -> Iterator[FlakyProxy]:
    """Run a :class:`FlakyProxy` for the block; its ``url`` is where to send requests."""
    proxy = FlakyProxy(upstream, **options)  # type: ignore[arg-type]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _any(self) -> None:
            proxy.handle(self)

        # http.server dispatches on these names.
        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _any  # noqa: N815

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="flaky-proxy", daemon=True)
    thread.start()
    proxy.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield proxy
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        proxy.close()
