"""A real HTTP server on 127.0.0.1 for tests: ephemeral port, bounded, always shut down.

    with local_server() as server:
        server.route("/offers", json={"points": 100})
        server.route("/slow", handler=server.stall)     # answers only at shutdown
        url = server.url("/offers")
        ...
    server.requests                                     # what it received, in order

Handlers never sleep for long: ``stall`` waits on an event that shutdown sets, with a
5-second ceiling, so a test's short client timeout decides how long anything takes.
"""

from __future__ import annotations

import json as jsonlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Optional

__all__ = ["LocalServer", "Received", "local_server"]

Handler = Callable[[BaseHTTPRequestHandler], None]
_CEILING = 5.0


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: str


@dataclass
class LocalServer:
    port: int
    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[Received] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(
        self,
        path: str,
        *,
        status: int = 200,
        json: Any = None,
        body: str | bytes = b"",
        headers: Optional[dict[str, str]] = None,
        handler: Optional[Handler] = None,
    ) -> None:
        """Answer ``path`` (without the query) with a fixed response, or with ``handler``."""
        if handler is None:
            if json is not None:
                body = jsonlib.dumps(json)
                headers = {"Content-Type": "application/json", **(headers or {})}
            payload = body.encode("utf-8") if isinstance(body, str) else body
            handler = _fixed(status, payload, headers or {})
        self.routes[path] = handler

    def stall(self, request: BaseHTTPRequestHandler) -> None:
        """Send nothing until the server shuts down (at most 5 s)."""
        self.stopping.wait(_CEILING)

    def drip(self, request: BaseHTTPRequestHandler) -> None:
        """Headers at once, then one byte every 50 ms until shutdown (at most 5 s)."""
        request.send_response(200)
        request.send_header("Content-Type", "text/plain")
        request.end_headers()
        request.wfile.flush()
        for _ in range(int(_CEILING / 0.05)):
            if self.stopping.wait(0.05):
                return
            try:
                request.wfile.write(b".")
                request.wfile.flush()
            except OSError:
                return


def _fixed(status: int, payload: bytes, headers: dict[str, str]) -> Handler:
    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        for name, value in headers.items():
            request.send_header(name, value)
        if not any(name.lower() == "content-length" for name in headers):
            request.send_header("Content-Length", str(len(payload)))
        request.end_headers()
        request.wfile.write(payload)

    return handle


@contextmanager
def local_server() -> Iterator[LocalServer]:
    """Serve on an ephemeral 127.0.0.1 port for the ``with`` block; always shut down."""
    state: dict[str, LocalServer] = {}

    class RequestHandler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            server = state["server"]
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
            path = self.path.split("?", 1)[0]
            server.requests.append(
                Received(self.command, self.path, dict(self.headers.items()), body)
            )
            handler = server.routes.get(path)
            if handler is None:
                _fixed(404, b"no route", {"Content-Type": "text/plain"})(self)
            else:
                handler(self)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _handle

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), RequestHandler)
    httpd.daemon_threads = True
    server = LocalServer(port=httpd.server_address[1])
    state["server"] = server
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=_CEILING)
