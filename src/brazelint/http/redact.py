"""Hide credentials in anything brazelint prints or writes."""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from brazelint.result import Request

REDACTED = "<redacted>"
_SECRET_NAME = re.compile(r"auth|token|secret|key|password|passwd|cookie|signature|sig\b", re.I)


def is_secret_name(name: str) -> bool:
    """Header or parameter names whose values are credentials."""
    return bool(_SECRET_NAME.search(name))


def redact_headers(headers: dict[str, str]) -> dict[str, str]:
    return {k: (REDACTED if is_secret_name(k) else v) for k, v in headers.items()}


def redact_url(url: str) -> str:
    """Drop userinfo and hide secret-looking query parameters."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1] if "@" in parts.netloc else parts.netloc
    if "@" in parts.netloc:
        netloc = f"{REDACTED}@{netloc}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(is_secret_name(k) for k, _ in pairs):
            query = urlencode(
                [(k, REDACTED if is_secret_name(k) else v) for k, v in pairs], safe="<>"
            )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def redact_request(request: Request) -> Request:
    return dataclasses.replace(
        request, url=redact_url(request.url), headers=redact_headers(request.headers)
    )
