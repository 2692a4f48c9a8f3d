"""The preview's HTTP server: pages, page fragments, static assets and a change stream.

Routes::

    GET  /                 the index of templates
    GET  /file/<path>      one template (``?profile=a&profile=b&show=empty&now=ISO``)
    POST /api/view         the template page's body for the page's current choices (JSON)
    POST /api/fix          apply one finding's fix to the file (the only write), then as /api/view
    GET  /api/index        the index's body
    GET  /events           server-sent events: ``change`` whenever a watched file is saved
    GET  /static/<name>    the stylesheet and the script (a fixed list, from the package)

Only files the index lists are ever read for a page; anything else, and any path that
leaves the project root, is a 404. Requests whose Host (or Origin) is not this server's
own address (loopback, the ``--host`` it listens on, or a name given with
``--allowed-host``) are refused, with ``--allow-remote`` too, so another web site cannot
read the preview through DNS rebinding, and ``POST`` needs a JSON body, which a
cross-site form cannot send. Connections time out when idle, and their number (and that
of live-reload streams) is capped, so a flood cannot exhaust the server.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any, Callable, Optional, Sequence
from urllib.parse import parse_qs, unquote, urlsplit

from brazelint.preview.pages import (
    file_fragment,
    file_page,
    index_fragment,
    index_page,
    not_found_page,
)
from brazelint.preview.project import MAX_EDITS, Edit, PreviewProject, ViewRequest
from brazelint.preview.watcher import ChangeFeed, Poller

STATIC = {
    "preview.css": "text/css; charset=utf-8",
    "preview.js": "text/javascript; charset=utf-8",
}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
MAX_BODY = 1_000_000
KEEPALIVE_SECONDS = 15.0
CONNECTION_TIMEOUT = 30.0
"""Seconds a connection may sit idle or stall mid-request before it is closed."""
MAX_CONNECTIONS = 64
"""Connections served at once; more are closed at once, so a flood cannot exhaust threads."""
MAX_EVENT_STREAMS = 16
"""Live-reload streams at once (each holds a connection open); more get a 503."""
EDIT_KINDS = ("string", "json", "time", "auto")


class PreviewServer(ThreadingHTTPServer):
    """A threading HTTP server that knows its project, its change feed and who may ask."""

    daemon_threads = True
    block_on_close = False

    def __init__(
        self,
        address: tuple[str, int],
        project: PreviewProject,
        *,
        allow_remote: bool = False,
        allowed_names: Sequence[str] = (),
        poll_interval: float = 0.25,
    ) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, PreviewHandler)
        self.project = project
        self.allow_remote = allow_remote
        """Served beyond loopback (``--allow-remote``); the Host and Origin checks stay."""
        self.allowed_names = [name.strip().lower() for name in allowed_names if name.strip()]
        """Host names the preview also answers to (``--allowed-host``), e.g. the machine's."""
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        self._streams = threading.BoundedSemaphore(MAX_EVENT_STREAMS)
        self.feed = ChangeFeed()
        self.poller = Poller(project.watch_roots, self._changed, interval=poll_interval)
        self._pygments_css: Optional[bytes] = None

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        host = str(self.server_address[0])
        shown = f"[{host}]" if ":" in host else host
        if host in ("0.0.0.0", "::"):
            shown = "127.0.0.1"
        return f"http://{shown}:{self.port}/"

    def allowed_hosts(self) -> set[str]:
        host = str(self.server_address[0])
        names = {"127.0.0.1", "localhost", "[::1]", f"[{host}]" if ":" in host else host}
        allowed = {f"{name}:{self.port}" for name in names}
        for name in self.allowed_names:
            has_port = name.rpartition(":")[2].isdigit() and not name.endswith("]")
            allowed.add(name if has_port else f"{name}:{self.port}")
            if not has_port and self.port == 80:
                allowed.add(name)
        return allowed

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve the connection on a thread, unless ``MAX_CONNECTIONS`` are being served."""
        if not self._slots.acquire(blocking=False):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def event_stream_slot(self) -> bool:
        """Take one of the ``MAX_EVENT_STREAMS`` live-reload slots (``False``: all taken)."""
        return self._streams.acquire(blocking=False)

    def end_event_stream(self) -> None:
        self._streams.release()

    def start_watching(self) -> None:
        self.poller.start()

    def close(self) -> None:
        """Stop watching, end the event streams and close the socket."""
        self.poller.stop()
        self.feed.close()
        self.server_close()

    def pygments_css(self) -> bytes:
        if self._pygments_css is None:
            from brazelint.preview.highlight import stylesheet

            self._pygments_css = stylesheet().encode("utf-8")
        return self._pygments_css

    def _changed(self, paths: list[str]) -> None:
        shown = [self.project.relative_name(path) for path in paths]
        self.feed.publish(shown)


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "brazelint-preview"
    sys_version = ""
    timeout = CONNECTION_TIMEOUT  # socketserver sets it on the connection: no idle hangs

    # -- dispatch ------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._guarded(self._get)

    def do_POST(self) -> None:
        self._guarded(self._post)

    def _guarded(self, handle: Callable[[], None]) -> None:
        """Run a route; a bug becomes a 500 and one line on stderr, never a dead page."""
        try:
            handle()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            return
        except Exception as err:
            print(
                f"brazelint serve: internal error on {self.command} {self.path}: "
                f"{err.__class__.__name__}: {err}",
                file=sys.stderr,
                flush=True,
            )
            self._plain(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error (see the terminal)")

    def _get(self) -> None:
        if not self._host_ok():
            return
        parts = urlsplit(self.path)
        route = parts.path
        if route == "/":
            self._index(fragment=False)
        elif route == "/api/index":
            self._index(fragment=True)
        elif route == "/events":
            self._events()
        elif route.startswith("/file/"):
            self._file(route[len("/file/") :], parse_qs(parts.query, keep_blank_values=True))
        elif route.startswith("/static/"):
            self._static(route[len("/static/") :])
        elif route == "/favicon.ico":
            self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")
        else:
            self._not_found()

    def _post(self) -> None:
        if not self._host_ok():
            return
        route = urlsplit(self.path).path
        if route not in ("/api/view", "/api/fix"):
            self._not_found()
            return
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            self._plain(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send application/json")
            return
        try:
            length = int(self.headers.get("Content-Length") or "0")
        except ValueError:
            length = -1
        if not 0 < length <= MAX_BODY:
            self._plain(HTTPStatus.BAD_REQUEST, "missing or oversized body")
            return
        try:
            data = json.loads(self.rfile.read(length).decode("utf-8"))
            path, request = _view_request(data)
            fix = _fix_key(data) if route == "/api/fix" else None
        except (ValueError, UnicodeDecodeError) as err:
            self._plain(HTTPStatus.BAD_REQUEST, f"bad request: {err}")
            return
        except RecursionError:
            self._plain(HTTPStatus.BAD_REQUEST, "bad request: JSON nested too deeply")
            return
        if fix is not None:
            if not self._write_ok():
                return
            refused = self.server.project.apply_fix(path, fix)
            if refused is not None:
                self._plain(HTTPStatus.CONFLICT, refused)
                return
        view = self.server.project.view(path, request)
        if view is None:
            self._not_found()
            return
        self._html(file_fragment(view))

    # -- routes --------------------------------------------------------------------------

    def _index(self, *, fragment: bool) -> None:
        index = self.server.project.index(self.server.feed.generation)
        self._html(index_fragment(index) if fragment else index_page(index))

    def _file(self, quoted: str, query: dict[str, list[str]]) -> None:
        relative = unquote(quoted)
        chosen = query.get("profile")
        request = ViewRequest(
            profiles=[name for name in chosen if name] if chosen is not None else None,
            show_generated=query.get("show", []),
            now=query["now"][0] if query.get("now") else None,
        )
        view = self.server.project.view(relative, request)
        if view is None:
            self._not_found()
            return
        self._html(file_page(view))

    def _static(self, name: str) -> None:
        if name == "pygments.css":
            self._send(HTTPStatus.OK, self.server.pygments_css(), "text/css; charset=utf-8")
            return
        content_type = STATIC.get(name)
        if content_type is None:
            self._not_found()
            return
        data = resources.files("brazelint.preview").joinpath("static", name).read_bytes()
        self._send(HTTPStatus.OK, data, content_type)

    def _events(self) -> None:
        if not self.server.event_stream_slot():
            self._plain(HTTPStatus.SERVICE_UNAVAILABLE, "too many live-reload streams open")
            return
        try:
            self._stream_events()
        finally:
            self.server.end_event_stream()

    def _stream_events(self) -> None:
        feed = self.server.feed
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        seen = feed.generation
        try:
            self._event("hello", {"generation": seen}, retry=1000)
            while True:
                generation = feed.wait(seen, KEEPALIVE_SECONDS)
                if generation is None:
                    if feed.closed:
                        return
                    self.wfile.write(b": keep-alive\n\n")
                    self.wfile.flush()
                    continue
                seen = generation
                self._event("change", {"generation": generation, "paths": feed.paths})
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, OSError):
            return

    def _event(self, name: str, data: dict[str, Any], *, retry: Optional[int] = None) -> None:
        text = f"retry: {retry}\n" if retry is not None else ""
        text += f"event: {name}\ndata: {json.dumps(data)}\n\n"
        self.wfile.write(text.encode("utf-8"))
        self.wfile.flush()

    # -- responses -----------------------------------------------------------------------

    def _host_ok(self) -> bool:
        allowed = self.server.allowed_hosts()
        host = (self.headers.get("Host") or "").strip().lower()
        origin = self.headers.get("Origin")
        origin_host = urlsplit(origin).netloc.lower() if origin else None
        if host in allowed and (origin_host is None or origin_host in allowed):
            return True
        self._plain(HTTPStatus.FORBIDDEN, "this preview only answers to its own address")
        return False

    def _write_ok(self) -> bool:
        """The fix route writes a file: only for a loopback client, at a loopback address,
        from the page's own origin (``--allow-remote`` and ``--allowed-host`` widen reading,
        never writing)."""
        import ipaddress

        try:
            client = ipaddress.ip_address(str(self.client_address[0]).split("%")[0])
        except ValueError:
            client = None
        mapped = getattr(client, "ipv4_mapped", None)
        loopback = client is not None and (
            client.is_loopback or bool(mapped is not None and mapped.is_loopback)
        )
        host = (self.headers.get("Host") or "").strip().lower()
        origin = self.headers.get("Origin")
        same_origin = origin is None or urlsplit(origin).netloc.lower() == host
        names = {f"{name}:{self.server.port}" for name in ("127.0.0.1", "localhost", "[::1]")}
        if loopback and host in names and same_origin:
            return True
        self._plain(HTTPStatus.FORBIDDEN, "fixes are applied only from this machine's own page")
        return False

    def _not_found(self) -> None:
        self._send(
            HTTPStatus.NOT_FOUND,
            not_found_page("No such template in this project.").encode("utf-8"),
            "text/html; charset=utf-8",
        )

    def _html(self, text: str) -> None:
        self._send(HTTPStatus.OK, text.encode("utf-8"), "text/html; charset=utf-8")

    def _plain(self, status: HTTPStatus, text: str) -> None:
        self._send(status, (text + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, data: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for name, value in SECURITY_HEADERS.items():
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            return

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows the URL and warnings, not every request."""


def _view_request(data: Any) -> tuple[str, ViewRequest]:
    """The page's choices from the ``/api/view`` body, checked field by field."""
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    path = data.get("path")
    if not isinstance(path, str):
        raise ValueError("'path' must be a string")
    profiles = data.get("profiles")
    if profiles is not None and not _strings(profiles):
        raise ValueError("'profiles' must be a list of names")
    show = data.get("show", [])
    if not _strings(show):
        raise ValueError("'show' must be a list of names")
    now = data.get("now")
    if now is not None and not isinstance(now, str):
        raise ValueError("'now' must be a string")
    raw_edits = data.get("edits", {})
    if not isinstance(raw_edits, dict):
        raise ValueError("'edits' must map profile names to lists of edits")
    edits: dict[str, list[Edit]] = {}
    count = 0
    for profile, items in raw_edits.items():
        if not isinstance(items, list):
            raise ValueError("'edits' must map profile names to lists of edits")
        for item in items:
            count += 1
            if count > MAX_EDITS:
                raise ValueError("too many edits")
            edits.setdefault(str(profile), []).append(_edit(item))
    return path, ViewRequest(profiles=profiles, show_generated=show, now=now, edits=edits)


def _fix_key(data: Any) -> tuple[str, int, int]:
    """The finding whose fix ``/api/fix`` applies: ``{"fix": {code, line, column}}``."""
    fix = data.get("fix") if isinstance(data, dict) else None
    if not isinstance(fix, dict):
        raise ValueError("'fix' names a finding: {code, line, column}")
    code, line, column = fix.get("code"), fix.get("line"), fix.get("column")
    if not isinstance(code, str) or not isinstance(line, int) or not isinstance(column, int):
        raise ValueError("'fix' names a finding: {code, line, column}")
    return code, line, column


def _edit(item: Any) -> Edit:
    if not isinstance(item, dict):
        raise ValueError("an edit is an object with 'path' and 'value'")
    path, value, kind = item.get("path"), item.get("value"), item.get("kind", "auto")
    if isinstance(path, str):
        path = [part.strip() for part in path.split(".")]
    if not _strings(path) or not isinstance(value, str) or kind not in EDIT_KINDS:
        raise ValueError("an edit has a 'path' (a list of keys), a string 'value' and a 'kind'")
    if not path or not all(path):
        raise ValueError("an edit's path names keys, such as attributes.first_name")
    return Edit(tuple(path), value, kind)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)
