"""Hide credentials in anything brazelint prints or writes."""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from brazelint.result import Request

REDACTED = "<redacted>"

_SENSITIVE_PARTS = re.compile(
    r"token|secret|passw|pwd|auth(?!or(?!i[sz]))|cookie|credential|apikey"
)
_SENSITIVE_WORDS = frozenset({"key", "sig", "signature", "pass", "jwt", "bearer"})
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")


def is_sensitive_name(name: str) -> bool:
    """Whether a header, parameter or JSON key name looks like it holds a credential.

    Matches names containing token, secret, password, auth (not author), cookie or
    credential, and
    names with a word ``key``/``sig``/``signature`` (``api_key``, ``X-Api-Key``,
    ``accessKey``, ``sig``) but not words that merely contain them (``monkey``, ``design``).
    """
    lowered = name.lower()
    if _SENSITIVE_PARTS.search(lowered):
        return True
    words = _WORD_SPLIT.split(_CAMEL.sub("_", name).lower())
    return any(word in _SENSITIVE_WORDS for word in words)


def redact_headers(headers: dict[str, str]) -> dict[str, str]:
    return {k: (REDACTED if is_sensitive_name(k) else v) for k, v in headers.items()}


def redact_url(url: str) -> str:
    """Drop userinfo and hide secret-looking query parameters."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1] if "@" in parts.netloc else parts.netloc
    if "@" in parts.netloc:
        netloc = f"{REDACTED}@{netloc}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(is_sensitive_name(k) for k, _ in pairs):
            query = urlencode(
                [(k, REDACTED if is_sensitive_name(k) else v) for k, v in pairs], safe="<>"
            )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def redact_request(request: Request) -> Request:
    return dataclasses.replace(
        request, url=redact_url(request.url), headers=redact_headers(request.headers)
    )
