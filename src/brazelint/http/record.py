"""Record mode: keep the real answers to a render's requests and write them as stubs.

``RecordingTransport`` wraps another transport (the network, for ``brazelint stubs
record``) and keeps every exchange. ``stub_documents`` turns the exchanges into entries
of the stub format (DESIGN.md), and ``write_stub_file`` writes them as YAML.

Credentials never reach the file. Request headers are not written at all; values that
look like credentials (an ``Authorization`` or ``Cookie`` header, any header, query
parameter or JSON key named like a token, key, secret, password or signature, the
userinfo of a URL) are replaced by ``<redacted>`` wherever they would be written. So
that a recorded stub still answers the same render:

- a redacted URL is written as ``url_pattern`` (a regex that accepts any value where
  the credential was) instead of ``url``;
- a credential in a JSON request body drops that key from the (subset-matched) ``json``;
- a plain-text request body that holds a credential is left out, so the stub matches
  on method and URL.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Optional, Union
from urllib.parse import quote, quote_plus, unquote_plus, urlsplit

import yaml

from brazelint.http.redact import REDACTED, is_secret_header, is_sensitive_name
from brazelint.http.types import HttpResponse, Request, Transport

__all__ = [
    "REDACTED",
    "Exchange",
    "RecordingTransport",
    "is_sensitive_name",
    "stub_documents",
    "write_stub_file",
]

# A value this short is redacted where its name says it is a credential, but is not
# searched for in the rest of the file (it would erase unrelated text).
_MIN_SCRUB_LENGTH = 6


@dataclass(frozen=True)
class Exchange:
    """One request and the answer it got."""

    request: Request
    response: HttpResponse


class RecordingTransport:
    """Forwards every request to ``inner`` and keeps the exchange, in order."""

    def __init__(self, inner: Transport) -> None:
        self.inner = inner
        self.exchanges: list[Exchange] = []

    def send(self, request: Request) -> HttpResponse:
        response = self.inner.send(request)
        self.exchanges.append(Exchange(request, response))
        return response


def stub_documents(
    exchanges: Iterable[Exchange], *, secrets: Iterable[str] = ()
) -> list[dict[str, Any]]:
    """Stub entries for ``exchanges``; repeats (same method, URL and body) appear once.

    ``secrets`` are values from the credential store: hidden wherever they appear, whatever
    the name they travel under."""
    exchanges = list(exchanges)
    scrubber = _Secrets()
    for value in secrets:
        scrubber.add_value(value)
    for exchange in exchanges:
        scrubber.collect(exchange.request)
    documents: list[dict[str, Any]] = []
    seen: set[tuple[str, str, Optional[str]]] = set()
    for exchange in exchanges:
        request = exchange.request
        key = (request.method.upper(), request.url, request.body)
        if key in seen:
            continue
        seen.add(key)
        documents.append(
            {
                "request": _request_document(request, scrubber),
                "response": _response_document(exchange.response, scrubber),
            }
        )
    return documents


def write_stub_file(
    documents: list[dict[str, Any]],
    path: Union[str, Path],
    *,
    template: Optional[str] = None,
    profile: Optional[str] = None,
    recorded_at: Optional[datetime] = None,
) -> Path:
    """Write ``documents`` to ``path`` as YAML under a comment saying where they came from."""
    path = Path(path)
    when = (recorded_at or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    header = [
        "# Connected Content stubs recorded by `brazelint stubs record`.",
        f"# template: {_one_line(template) if template else '(unknown)'}",
        f"# profile: {_one_line(profile) if profile else '(none)'}",
        f"# recorded: {when}",
        f"# Credentials are replaced by {REDACTED}; request headers are not recorded.",
    ]
    text = yaml.dump(
        documents,
        Dumper=_StubDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(header) + "\n" + text, encoding="utf-8")
    return path


class _StubDumper(yaml.SafeDumper):
    """Safe YAML, with multi-line strings as ``|`` blocks so bodies stay readable."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_StubDumper.add_representer(str, _represent_str)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _Secrets:
    """Credential values seen in requests, to scrub from everything written."""

    def __init__(self) -> None:
        self.values: set[str] = set()

    def collect(self, request: Request) -> None:
        for name, value in request.headers.items():
            if is_secret_header(name):
                self._header_value(name, value)
        parts = urlsplit(request.url)
        if parts.password:
            self.add(parts.password)
            self.add(unquote_plus(parts.password))
        for name, value in _query_pairs(parts.query):
            if is_sensitive_name(name):
                self.add(value)
        if request.body:
            parsed = _parse_json(request.body)
            if parsed is not None:
                self._json_values(parsed)
            else:
                for name, value in _query_pairs(request.body):
                    if is_sensitive_name(name):
                        self.add(value)

    def add_value(self, value: str) -> None:
        """A value from the credential store, in every form it may be written in."""
        from brazelint.http.redact import MIN_SECRET_LENGTH, secret_forms

        if len(value.strip()) >= MIN_SECRET_LENGTH:
            self.values |= secret_forms(value)

    def add(self, value: str) -> None:
        value = value.strip()
        if len(value) >= _MIN_SCRUB_LENGTH:
            self.values.add(value)
            for encoded in (quote(value, safe=""), quote_plus(value, safe="")):
                self.values.add(encoded)

    def _header_value(self, name: str, value: str) -> None:
        self.add(value)
        if name.lower() in ("cookie", "set-cookie"):
            for item in value.split(";"):
                self.add(item.partition("=")[2])
            return
        scheme, _, credentials = value.strip().partition(" ")
        if not credentials:
            return
        self.add(credentials)
        if scheme.lower() == "basic":
            try:
                decoded = base64.b64decode(credentials.strip(), validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                return
            self.add(decoded)
            self.add(decoded.partition(":")[2])

    def _json_values(self, value: Any, sensitive: bool = False) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                self._json_values(item, sensitive or is_sensitive_name(str(key)))
        elif isinstance(value, list):
            for item in value:
                self._json_values(item, sensitive)
        elif sensitive and value is not None and not isinstance(value, bool):
            self.add(str(value))

    def contains(self, text: str) -> bool:
        return any(secret in text for secret in self.values)

    def scrub(self, text: str) -> str:
        for secret in sorted(self.values, key=len, reverse=True):
            if secret in text:
                text = text.replace(secret, REDACTED)
        return text


def _request_document(request: Request, secrets: _Secrets) -> dict[str, Any]:
    document: dict[str, Any] = {"method": request.method.upper()}
    url = _redact_url(request.url, secrets)
    if url == request.url:
        document["url"] = url
    else:
        document["url_pattern"] = _url_pattern(url)
    if request.body:
        parsed = _parse_json(request.body)
        if parsed is not None:
            document["json"] = _request_json(parsed, secrets)
        elif not secrets.contains(request.body) and not any(
            is_sensitive_name(name) for name, _ in _query_pairs(request.body)
        ):
            document["body"] = request.body
    return document


def _response_document(response: HttpResponse, secrets: _Secrets) -> dict[str, Any]:
    document: dict[str, Any] = {"status": response.status}
    content_type = response.header("Content-Type")
    if content_type:
        document["headers"] = {"Content-Type": content_type}
    parsed = _parse_json(response.body)
    if parsed is not None:
        document["json"] = _response_json(parsed, secrets)
    elif response.body:
        document["body"] = secrets.scrub(response.body)
    return document


def _redact_url(url: str, secrets: _Secrets) -> str:
    """``url`` with its userinfo and credential-named query values as ``<redacted>``.

    Done on the text itself (no parse and rebuild), so an unredacted URL is unchanged.
    """
    head, hash_mark, fragment = url.partition("#")
    base, question_mark, query = head.partition("?")
    scheme, sep, rest = base.partition("://")
    if sep:
        authority, slash, path = rest.partition("/")
        if "@" in authority:
            authority = REDACTED + "@" + authority.rpartition("@")[2]
        base = f"{scheme}{sep}{authority}{slash}{path}"
    if query:
        query = "&".join(_redact_pair(piece) for piece in query.split("&"))
    return secrets.scrub(f"{base}{question_mark}{query}{hash_mark}{fragment}")


def _redact_pair(piece: str) -> str:
    name, sep, _ = piece.partition("=")
    if sep and is_sensitive_name(unquote_plus(name)):
        return f"{name}={REDACTED}"
    return piece


def _url_pattern(redacted_url: str) -> str:
    """A regex for the URL where each ``<redacted>`` stands for any value."""
    return "^" + ".*?".join(re.escape(piece) for piece in redacted_url.split(REDACTED)) + "$"


def _request_json(value: Any, secrets: _Secrets) -> Any:
    """The request body for subset matching: keys that hold credentials are left out."""
    if isinstance(value, dict):
        kept: dict[str, Any] = {}
        for key, item in value.items():
            if is_sensitive_name(str(key)) or (isinstance(item, str) and secrets.contains(item)):
                continue
            kept[key] = _request_json(item, secrets)
        return kept
    if isinstance(value, list):
        return [_request_json(item, secrets) for item in value]
    if isinstance(value, str):
        return secrets.scrub(value)
    return value


def _response_json(value: Any, secrets: _Secrets, sensitive: bool = False) -> Any:
    """The response body with credential-named scalars replaced by ``<redacted>``."""
    if isinstance(value, dict):
        return {
            key: _response_json(item, secrets, sensitive or is_sensitive_name(str(key)))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_response_json(item, secrets, sensitive) for item in value]
    if sensitive and value is not None and not isinstance(value, bool):
        return REDACTED
    if isinstance(value, str):
        return secrets.scrub(value)
    return value


def _parse_json(text: Optional[str]) -> Any:
    """A JSON object or array parsed from ``text``; ``None`` for anything else.

    Scalars stay text, so a response such as ``"ok"`` or ``42`` replays byte for byte.
    """
    if not text or text.lstrip()[:1] not in ("{", "["):
        return None
    try:
        parsed = json.loads(text)
    except ValueError:
        return None
    return parsed if isinstance(parsed, (dict, list)) else None


def _query_pairs(query: str) -> list[tuple[str, str]]:
    pairs = []
    for piece in query.split("&"):
        name, sep, value = piece.partition("=")
        if sep:
            pairs.append((unquote_plus(name), unquote_plus(value)))
    return pairs
