"""The real network, for ``brazelint stubs record`` only (never used unless asked for).

``NetworkTransport`` sends a Connected Content request the way Braze does and within
Braze's limits: no redirects (a 3xx comes back as it is), an answer within the timeout
(2 s), a body of at most 1 MB, and a ``User-Agent: Braze Sender ...`` header. Anything
that is not an HTTP answer within those limits becomes status 599 with ``error`` set,
the code Braze uses for connection errors. Standard library only.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import socket
import ssl
import threading
import time
import zlib
from typing import Optional, Union
from urllib.parse import quote, unquote, urlsplit

from brazelint.http.types import USER_AGENT, HttpResponse, Request

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT", "USER_AGENT", "NetworkTransport"]

DEFAULT_TIMEOUT = 2.0
DEFAULT_MAX_BYTES = 1_048_576

_CHUNK = 65_536
# Characters left as they are in a request target; everything else is percent-encoded.
_SAFE_IN_TARGET = "/%:@!$&'()*+,;=?~-._[]"


class _Deadline(Exception):
    """The overall time budget ran out while the answer was still arriving."""


class _TooLarge(Exception):
    """The body is larger than ``max_bytes``."""


class NetworkTransport:
    """Sends requests over the real network, one connection per request."""

    def __init__(
        self,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        *,
        ssl_context: Optional[ssl.SSLContext] = None,
    ) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        if max_bytes < 0:
            raise ValueError("max_bytes must not be negative")
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.ssl_context = ssl_context

    def send(self, request: Request) -> HttpResponse:
        start = time.monotonic()
        try:
            status, headers, body = self._exchange(request, start + self.timeout)
        except _Deadline:
            return self._failure(f"no answer within {self.timeout:g} s", start)
        except _TooLarge:
            return self._failure(f"response larger than {_size(self.max_bytes)}", start)
        except _ConnectionProblem as err:
            return self._failure(str(err), start)
        except (socket.timeout, TimeoutError):
            return self._failure(f"no answer within {self.timeout:g} s", start)
        except socket.gaierror as err:
            return self._failure(f"cannot resolve host ({err.strerror or err})", start)
        except ConnectionRefusedError:
            return self._failure("connection refused", start)
        except http.client.RemoteDisconnected:
            return self._failure("the server closed the connection without answering", start)
        except ConnectionResetError:
            return self._failure("connection reset by the server", start)
        except ssl.SSLCertVerificationError as err:
            return self._failure(f"TLS certificate error ({err.verify_message or err})", start)
        except ssl.SSLError as err:
            return self._failure(f"TLS error ({err.reason or err})", start)
        except http.client.HTTPException as err:
            name = err.__class__.__name__
            return self._failure(f"invalid HTTP response ({name}: {err})", start)
        except OSError as err:
            return self._failure(f"connection error ({err.strerror or err})", start)
        elapsed = time.monotonic() - start
        if elapsed > self.timeout:
            return self._failure(f"no answer within {self.timeout:g} s", start)
        return HttpResponse(
            status=status,
            headers=headers,
            body=_decode(body, headers),
            elapsed=elapsed,
        )

    def _failure(self, error: str, start: float) -> HttpResponse:
        return HttpResponse(status=599, error=error, elapsed=time.monotonic() - start)

    def _exchange(self, request: Request, deadline: float) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(request.url.strip())
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise _ConnectionProblem(
                f"unsupported URL scheme '{parts.scheme}' (Connected Content uses http or https)"
                if parts.scheme
                else "the URL has no scheme (http:// or https://)"
            )
        host = parts.hostname
        if not host:
            raise _ConnectionProblem("the URL has no host")
        try:
            port = parts.port
        except ValueError:
            raise _ConnectionProblem("the URL has an invalid port") from None
        target = quote(parts.path or "/", safe=_SAFE_IN_TARGET)
        if parts.query:
            target += "?" + quote(parts.query, safe=_SAFE_IN_TARGET)
        headers = _outgoing_headers(request, parts.username, parts.password)
        body = request.body.encode("utf-8") if request.body is not None else None

        remaining = _remaining(deadline)
        conn: Union[http.client.HTTPConnection, http.client.HTTPSConnection]
        if scheme == "https":
            context = self.ssl_context or ssl.create_default_context()
            conn = http.client.HTTPSConnection(host, port, timeout=remaining, context=context)
        else:
            conn = http.client.HTTPConnection(host, port, timeout=remaining)
        # Socket timeouts limit each read; the watchdog limits the whole answer, so a
        # server that trickles bytes cannot hold the render past the deadline.
        # (The socket is kept here: http.client forgets it once a response says "close".)
        watch = _Watch()
        response: Optional[http.client.HTTPResponse] = None
        watchdog = threading.Timer(remaining, watch.expire)
        watchdog.daemon = True
        watchdog.start()
        try:
            try:
                conn.connect()
                watch.attach(conn.sock)
                conn.request(request.method.upper(), target, body=body, headers=headers)
            except UnicodeEncodeError:
                raise _ConnectionProblem(
                    "a request header contains characters that cannot be sent"
                ) from None
            except ValueError:  # a line break in a header: its text would echo the value
                raise _ConnectionProblem(
                    "the request cannot be sent: a header or the URL holds a line break or "
                    "another character HTTP forbids"
                ) from None
            watch.set_timeout(deadline)
            response = conn.getresponse()
            raw = self._read_body(watch, response, deadline)
            status, received = response.status, _header_dict(response)
            decoded = _decompress(raw, received, self.max_bytes)
        except (_TooLarge, _ConnectionProblem):
            raise
        except Exception:
            if watch.expired.is_set():
                raise _Deadline from None
            raise
        finally:
            watchdog.cancel()
            if response is not None:
                response.close()
            conn.close()
            watch.close()
        if watch.expired.is_set():
            raise _Deadline
        return status, received, decoded

    def _read_body(
        self,
        watch: _Watch,
        response: http.client.HTTPResponse,
        deadline: float,
    ) -> bytes:
        declared = response.getheader("Content-Length")
        if declared and declared.strip().isdigit() and int(declared) > self.max_bytes:
            raise _TooLarge
        chunks: list[bytes] = []
        size = 0
        limit = self.max_bytes + 1
        while size < limit:
            watch.set_timeout(deadline)
            chunk = response.read1(min(_CHUNK, limit - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > self.max_bytes:
            raise _TooLarge
        return b"".join(chunks)


class _ConnectionProblem(Exception):
    """The request cannot be sent; the message is the 599 ``error`` text."""


def _remaining(deadline: float) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _Deadline
    return remaining


class _Watch:
    """The connection's socket: per-read timeouts, and the watchdog that ends it."""

    def __init__(self) -> None:
        self.expired = threading.Event()
        self._sock: Optional[socket.socket] = None
        self._lock = threading.Lock()

    def attach(self, sock: Optional[socket.socket]) -> None:
        with self._lock:
            self._sock = sock
            if sock is not None and self.expired.is_set():
                _shutdown(sock)

    def expire(self) -> None:
        with self._lock:
            self.expired.set()
            if self._sock is not None:
                _shutdown(self._sock)

    def set_timeout(self, deadline: float) -> None:
        remaining = _remaining(deadline)
        if self._sock is not None:
            self._sock.settimeout(remaining)

    def close(self) -> None:
        with self._lock:
            if self._sock is not None:
                self._sock.close()
                self._sock = None


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def _outgoing_headers(
    request: Request, username: Optional[str], password: Optional[str]
) -> dict[str, str]:
    headers = dict(request.headers)
    names = {name.lower() for name in headers}
    if "user-agent" not in names:
        headers["User-Agent"] = USER_AGENT
    if username is not None and "authorization" not in names:
        pair = f"{unquote(username)}:{unquote(password or '')}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    return headers


def _header_dict(response: http.client.HTTPResponse) -> dict[str, str]:
    """Response headers; a repeated header keeps every value, joined by ``, ``."""
    headers: dict[str, str] = {}
    lowered: dict[str, str] = {}
    for name, value in response.getheaders():
        key = lowered.setdefault(name.lower(), name)
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return headers


def _decompress(raw: bytes, headers: dict[str, str], max_bytes: int) -> bytes:
    """Undo gzip/deflate when the request asked for it; the 1 MB limit applies after."""
    encoding = next((v for k, v in headers.items() if k.lower() == "content-encoding"), "")
    encoding = encoding.strip().lower()
    if encoding not in ("gzip", "x-gzip", "deflate") or not raw:
        return raw
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        data = inflater.decompress(raw, max_bytes + 1)
    except zlib.error:
        try:
            data = zlib.decompressobj(-zlib.MAX_WBITS).decompress(raw, max_bytes + 1)
        except zlib.error:
            raise _ConnectionProblem(f"cannot decode the {encoding} response body") from None
    if len(data) > max_bytes:
        raise _TooLarge
    return data


def _decode(body: bytes, headers: dict[str, str]) -> str:
    """The body as text, in the charset the response declares (UTF-8 by default)."""
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    charset = "utf-8"
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def _size(max_bytes: int) -> str:
    if max_bytes and max_bytes % 1_048_576 == 0:
        return f"{max_bytes // 1_048_576} MB"
    return f"{max_bytes} bytes"
