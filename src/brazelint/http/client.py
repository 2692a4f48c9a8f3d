"""Connected Content calls with Braze's semantics.

``HttpSession`` turns one ``{% connected_content %}`` call (already rendered to text) into
a request exactly as Braze would send it, asks the transport (stubs unless the user
allowed the network), and interprets the answer the way Braze does. It records every
request and every Braze restriction the call runs into; it never raises for a bad
answer, because in Braze a failed call renders empty rather than failing the message
(the one exception, ``:retry`` running out, aborts the message).
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Mapping, Optional
from urllib.parse import parse_qsl, urlsplit

from brazelint.events import AbortMessage, Problem
from brazelint.http.types import USER_AGENT, HttpResponse, NoStubMatch, Request

if TYPE_CHECKING:
    from brazelint.http.types import Transport

DEFAULT_CACHE_SECONDS = 300
CACHE_MIN_SECONDS = 300
CACHE_MAX_SECONDS = 14_400
TIMEOUT_SECONDS = 2.0
MAX_RESPONSE_BYTES = 1_048_576
MAX_RETRIES = 5
ALLOWED_PORTS = (80, 443)
RETRYABLE = frozenset({408, 429})
_FORM_BODY = re.compile(r"[^=&\s]+=[^&]*(?:&[^=&\s]+=[^&]*)*")


@dataclass(frozen=True)
class Credential:
    """A Connected Content credential from configuration or the environment.

    ``username``/``password`` serve ``:basic_auth``; ``headers`` (and an optional
    ``domain`` they are limited to) serve ``:auth_credentials``.
    """

    username: Optional[str] = None
    password: Optional[str] = None
    headers: Mapping[str, str] = field(default_factory=dict)
    domain: Optional[str] = None


@dataclass(frozen=True)
class Call:
    """One ``connected_content`` call with its parts rendered to text."""

    url: str
    method: str = "GET"
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Optional[str] = None
    content_type: Optional[str] = None
    basic_auth: Optional[str] = None
    auth_credentials: Optional[str] = None
    cache_seconds: Optional[int] = None
    """``:cache_max_age`` (or the legacy ``:cache``) value, if given."""
    no_cache: bool = False
    retry: bool = False
    line: int = 0
    column: int = 0


class Answer:
    """What the call produced for the template."""

    __slots__ = ("data", "raw", "status", "text")

    def __init__(self, data: Any = None, text: str = "", raw: str = "", status: int = 0) -> None:
        self.data = data
        """Parsed JSON to store in the ``:save`` variable (``None``: store nothing)."""
        self.text = text
        """Text to insert where the tag stands."""
        self.raw = raw
        """The answer's body as received (``:rerender`` runs Liquid in it)."""
        self.status = status

    def __repr__(self) -> str:
        return (
            f"Answer(data={self.data!r}, text={self.text!r}, raw={self.raw!r}, "
            f"status={self.status!r})"
        )


CacheKey = tuple[str, str, Optional[str]]


class HttpSession:
    """Connected Content for one render. ``cache`` may be shared across renders."""

    __slots__ = ("cache", "credentials", "now", "on_exchange", "problems", "requests", "transport")

    def __init__(
        self,
        transport: Transport,
        now: datetime,
        credentials: Optional[Mapping[str, Credential]] = None,
        cache: Optional[dict[CacheKey, tuple[datetime, int, HttpResponse]]] = None,
        requests: Optional[list[Request]] = None,
        problems: Optional[list[Problem]] = None,
        on_exchange: Optional[Callable[[Request, HttpResponse, Call], None]] = None,
    ) -> None:
        self.transport = transport
        self.now = now
        self.credentials: Mapping[str, Credential] = {} if credentials is None else credentials
        self.cache: dict[CacheKey, tuple[datetime, int, HttpResponse]] = (
            {} if cache is None else cache
        )
        self.requests: list[Request] = [] if requests is None else requests
        self.problems: list[Problem] = [] if problems is None else problems
        self.on_exchange = on_exchange
        """Called after each answered request (used for request/response schema checks)."""

    def fetch(self, call: Call) -> Answer:
        """Send ``call`` as Braze would and interpret the answer."""
        try:
            urlsplit(call.url)
        except ValueError as err:  # "http://[": Braze cannot send it, so the call fails
            self._problem(
                call,
                "connected-content-failed",
                f"{call.url} is not a valid URL ({err})",
                severity="error",
            )
            return Answer()
        self._check_url(call)
        request = self._build_request(call)
        cache_key = self._cache_key(call, request)
        if cache_key is not None:
            cached = self._cached(cache_key)
            if cached is not None:
                self.requests.append(
                    replace(request, status=cached.status, cached=True, stub=cached.stub)
                )
                return self._interpret(call, cached)
        attempts = 1 + (MAX_RETRIES if call.retry else 0)
        response: Optional[HttpResponse] = None
        for attempt in range(attempts):
            response = self._send(call, request)
            if response is None:
                return Answer()
            if not (call.retry and _retryable(response)):
                break
            if attempt == attempts - 1:
                raise AbortMessage(
                    f"Connected Content call to {request.url} failed after {MAX_RETRIES} "
                    f"retries (status {response.status})"
                )
        assert response is not None
        if cache_key is not None and 200 <= response.status < 300 and not response.error:
            ttl = call.cache_seconds if call.cache_seconds is not None else DEFAULT_CACHE_SECONDS
            if len(response.body.encode("utf-8")) <= MAX_RESPONSE_BYTES:
                self.cache[cache_key] = (self.now, ttl, response)
        return self._interpret(call, response)

    # -- building the request -------------------------------------------------------

    def _build_request(self, call: Call) -> Request:
        method = call.method.upper()
        headers: dict[str, str] = {"User-Agent": USER_AGENT}
        if method == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            headers["Content-Type"] = "application/json"
            headers["Accept"] = "*/*"
        _merge(headers, call.headers)
        if call.content_type:
            _merge(headers, {"Content-Type": call.content_type, "Accept": call.content_type})
        if call.basic_auth is not None:
            credential = self._credential(call, call.basic_auth)
            if credential.username is None or credential.password is None:
                self._credential_missing(call, call.basic_auth, "a username and a password")
            token = f"{credential.username}:{credential.password}".encode()
            _merge(headers, {"Authorization": "Basic " + base64.b64encode(token).decode()})
        if call.auth_credentials is not None:
            credential = self._credential(call, call.auth_credentials)
            if not credential.headers:
                self._credential_missing(call, call.auth_credentials, "headers")
            host = urlsplit(call.url).hostname or ""
            if credential.domain and not _host_in_domain(host, credential.domain):
                raise AbortMessage(
                    f"credential '{call.auth_credentials}' is limited to {credential.domain}, "
                    f"not {host}"
                )
            _merge(headers, credential.headers)
        body = call.body
        content_type = _header(headers, "Content-Type") or ""
        if body and "json" in content_type.lower():
            body = _form_to_json(body)
        return Request(method, call.url, headers, body, line=call.line, column=call.column)

    def _credential(self, call: Call, name: str) -> Credential:
        credential = self.credentials.get(name)
        if credential is None:
            self._credential_missing(call, name, "values")
        assert credential is not None
        return credential

    def _credential_missing(self, call: Call, name: str, what: str) -> None:
        self._problem(
            call,
            "connected-content-credential",
            f"Connected Content credential '{name}' has no {what}; configure it under "
            f"[tool.brazelint.credentials.{name}] or BRAZELINT_CREDENTIAL_{_env_name(name)}_*",
            severity="error",
        )
        raise AbortMessage(f"Connected Content credential '{name}' does not exist")

    def _check_url(self, call: Call) -> None:
        parts = urlsplit(call.url)
        try:
            port = parts.port
        except ValueError:
            port = -1
        if port is not None and port not in ALLOWED_PORTS:
            self._problem(
                call,
                "connected-content-port",
                f"Braze only calls ports 80 and 443; {call.url} uses port {port}",
            )

    # -- caching ----------------------------------------------------------------------

    def _cache_key(self, call: Call, request: Request) -> Optional[CacheKey]:
        if call.cache_seconds is not None and not (
            CACHE_MIN_SECONDS <= call.cache_seconds <= CACHE_MAX_SECONDS
        ):
            self._problem(
                call,
                "connected-content-cache-age",
                f"cache age {call.cache_seconds}s is outside Braze's range "
                f"({CACHE_MIN_SECONDS}s to {CACHE_MAX_SECONDS}s)",
            )
        if call.no_cache:
            return None
        if request.method == "POST" and call.cache_seconds is None:
            return None  # Braze caches POST only when :cache_max_age asks for it
        return (request.method, request.url, request.body)

    def _cached(self, key: CacheKey) -> Optional[HttpResponse]:
        entry = self.cache.get(key)
        if entry is None:
            return None
        stored_at, ttl, response = entry
        if (self.now - stored_at).total_seconds() >= ttl:
            del self.cache[key]
            return None
        return response

    # -- sending and interpreting -----------------------------------------------------

    def _send(self, call: Call, request: Request) -> Optional[HttpResponse]:
        """One request; ``None`` when no stub answers (already reported)."""
        try:
            response = self.transport.send(request)
        except NoStubMatch as missing:
            self.requests.append(request)
            self._problem(call, "connected-content-no-stub", str(missing), severity="error")
            return None
        self.requests.append(replace(request, status=response.status, stub=response.stub))
        if self.on_exchange is not None:
            self.on_exchange(request, response, call)
        return self._enforce_limits(call, response)

    def _enforce_limits(self, call: Call, response: HttpResponse) -> HttpResponse:
        """Apply Braze's timeout, size and redirect rules to an answer."""
        if response.error:
            self._problem(call, "connected-content-failed", f"no answer: {response.error}")
            return response
        if response.elapsed > TIMEOUT_SECONDS:
            self._problem(
                call,
                "connected-content-timeout",
                f"the answer took {response.elapsed:g}s; Braze gives up after "
                f"{TIMEOUT_SECONDS:g}s and inserts nothing",
            )
            return HttpResponse(status=599, error="timed out", elapsed=response.elapsed)
        if len(response.body.encode("utf-8")) > MAX_RESPONSE_BYTES:
            self._problem(
                call,
                "connected-content-too-large",
                "the answer is larger than 1 MB; Braze inserts nothing",
            )
            return HttpResponse(status=599, error="response larger than 1 MB")
        if 300 <= response.status < 400:
            self._problem(
                call,
                "connected-content-redirect",
                f"the answer is a {response.status} redirect; Braze does not follow redirects",
            )
        return response

    def _interpret(self, call: Call, response: HttpResponse) -> Answer:
        if response.error or response.status == 404:
            return Answer()
        return interpret_body(response.body, response.status)

    def _problem(self, call: Call, name: str, message: str, *, severity: str = "warning") -> None:
        self.problems.append(Problem(name, message, call.line, call.column, severity))


_NOT_JSON = object()


def interpret_body(body: str, status: int) -> Answer:
    """Braze's reading of an answer: JSON objects and arrays are saved, other text inserted.

    An object is saved whatever the status, but gets ``__http_status_code__`` only on a
    2XX answer (local_connected_content_variables.md: only for a valid JSON object and a
    2XX response), so ``connected.__http_status_code__ != 200`` is true for a failed
    call; arrays and text count only on success.
    """
    try:
        data = json.loads(body)
    except ValueError:
        data = _NOT_JSON
    success = 200 <= status < 300
    if isinstance(data, dict):
        saved = {**data, "__http_status_code__": status} if success else data
        return Answer(data=saved, raw=body, status=status)
    if isinstance(data, list) and success:
        return Answer(data=data, raw=body, status=status)
    if success and data is _NOT_JSON:
        return Answer(text=body, raw=body, status=status)
    return Answer(raw=body, status=status)


def _retryable(response: HttpResponse) -> bool:
    return bool(response.error) or response.status >= 500 or response.status in RETRYABLE


def _merge(headers: dict[str, str], extra: Mapping[str, str]) -> None:
    """Set headers, replacing any existing one of the same name in any case."""
    for name, value in extra.items():
        for existing in [k for k in headers if k.lower() == name.lower()]:
            del headers[existing]
        headers[name] = value


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    return next((v for k, v in headers.items() if k.lower() == name.lower()), None)


def _form_to_json(body: str) -> str:
    """Braze turns a ``k=v&k2=v2`` body into a JSON object when the content type is JSON."""
    stripped = body.strip()
    if not _FORM_BODY.fullmatch(stripped):
        return body
    try:
        json.loads(stripped)
        return body
    except ValueError:
        pass
    return json.dumps(dict(parse_qsl(stripped, keep_blank_values=True)), separators=(",", ":"))


def _host_in_domain(host: str, domain: str) -> bool:
    domain = domain.lower().lstrip(".")
    host = host.lower()
    return host == domain or host.endswith("." + domain)


def _env_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "_", name).upper()
