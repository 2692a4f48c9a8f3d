"""Hide credentials in anything brazelint prints or writes.

Two nets, both applied where findings and renders leave the core (``lint.files``,
``brazelint render``, the preview, recorded stubs), so no report format can forget them:

- **by value**: every value from the credential store (configuration and
  ``BRAZELINT_CREDENTIAL_*``) or from an environment variable a webhook file reads
  (``${env:NAME}``) is replaced wherever it appears, in the forms it travels in (as
  written, ``repr``- and JSON-escaped, URL-encoded, each line of a multi-line value, and
  ``Basic`` tokens built from a username and password);
- **by name**: query parameters, header values and JSON keys whose names look secret
  (``SECRET_HEADER_NAMES``, :func:`is_sensitive_name`) are replaced even when the value
  never came from the store, such as a ``?token=`` written into a template.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable, Iterator, Mapping
from urllib.parse import parse_qsl, quote, quote_plus, unquote_plus, urlencode, urlsplit, urlunsplit

from brazelint.http.types import Request

REDACTED = "<redacted>"

SECRET_HEADER_NAMES = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "x-api-key",
        "api-key",
        "apikey",
        "x-auth-token",
        "x-access-token",
        "x-amz-security-token",
        "token",
        "cookie",
        "set-cookie",
    }
)
"""Headers whose value is a credential: one list for the templates' ``:headers`` check
(BL103), webhook files and redaction (which also hides any name :func:`is_sensitive_name`
matches)."""
SECRET_HEADER_PATTERN = "|".join(
    re.escape(name) for name in sorted(SECRET_HEADER_NAMES, key=len, reverse=True)
)
"""``SECRET_HEADER_NAMES`` as a regex alternation, for checks that scan source text."""

MIN_SECRET_LENGTH = 6
"""A stored value shorter than this is hidden where its name says so, but not searched for
everywhere (it would erase unrelated text)."""

_URL_IN_TEXT = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'\"<>]+")
_SCHEME_TOKEN = re.compile(
    r"(?<![\w-])(Basic|Bearer|Token|Digest)(\s+)((?=[\w.~+/=:-]*[0-9+/=])[\w.~+/=:-]{6,})", re.I
)
_TEXT_HEADER_NAMES = "|".join(
    re.escape(name)
    for name in sorted(SECRET_HEADER_NAMES - {"token"}, key=len, reverse=True)  # a common word
)
_QUOTED_HEADER_VALUE = re.compile(
    r"\b(" + _TEXT_HEADER_NAMES + r")([\"']?\s*(?::|=|\bis\b)\s*)('[^']*'|\"[^\"]*\")", re.I
)
_HEADER_LINE = re.compile(r"^(\s*)(" + _TEXT_HEADER_NAMES + r")(:[ \t]*)(\S.*)$", re.I | re.M)

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


def is_secret_header(name: str) -> bool:
    """Whether a header's value is hidden: a known credential header or a secret-looking name."""
    return name.lower() in SECRET_HEADER_NAMES or is_sensitive_name(name)


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {k: (REDACTED if is_secret_header(k) else v) for k, v in headers.items()}


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


def redact_text(text: str) -> str:
    """Free text (a message, an output) with secrets found by name hidden: secret query
    parameters and userinfo of every URL in it, ``Bearer``/``Basic`` tokens, and the
    values of secret headers written as ``Authorization: …`` or ``header X is '…'``."""
    return _replace_spans(text, lambda _: REDACTED)


def mask_text(text: str) -> str:
    """:func:`redact_text` with each secret replaced by as many ``*``: for source lines,
    whose carets must still point at the same columns."""
    return _replace_spans(text, lambda length: "*" * length)


def _replace_spans(text: str, replacement: Callable[[int], str]) -> str:
    spans = sorted(_secret_spans(text), reverse=True)
    last = len(text) + 1
    for start, end in spans:
        if end <= last and start < end:
            text = text[:start] + replacement(end - start) + text[end:]
            last = start
    return text


def _secret_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where secrets found by name sit in ``text`` (the values only, never the names)."""
    if "://" in text:
        for url in _URL_IN_TEXT.finditer(text):
            yield from _url_spans(url.group(0), url.start())
    for found in _SCHEME_TOKEN.finditer(text):
        yield found.start(3), found.end(3)
    for found in _QUOTED_HEADER_VALUE.finditer(text):
        if found.group(3)[1:-1] != REDACTED:
            yield found.start(3) + 1, found.end(3) - 1
    for found in _HEADER_LINE.finditer(text):
        if found.group(4) != REDACTED:
            yield found.start(4), found.end(4)


def _url_spans(url: str, offset: int) -> Iterator[tuple[int, int]]:
    """Userinfo and secret-named query values of ``url`` (which starts at ``offset``)."""
    head = url.partition("#")[0]
    base, question_mark, query = head.partition("?")
    scheme_end = base.find("://") + 3
    authority = base[scheme_end:].partition("/")[0]
    if "@" in authority:
        userinfo = authority.rpartition("@")[0]
        if userinfo != REDACTED:
            yield offset + scheme_end, offset + scheme_end + len(userinfo)
    if question_mark:
        at = offset + len(base) + 1
        for piece in query.split("&"):
            name, equals, value = piece.partition("=")
            if equals and value and value != REDACTED and is_sensitive_name(unquote_plus(name)):
                start = at + len(name) + 1
                yield start, start + len(value)
            at += len(piece) + 1


def secret_forms(value: str) -> set[str]:
    """The ways ``value`` can appear in text brazelint prints."""
    import json  # here: a text report imports this module, and must not load json

    forms: set[str] = set()
    candidates = [value, value.strip(), *value.splitlines()]
    for candidate in candidates:
        candidate = candidate.strip()
        if len(candidate) < MIN_SECRET_LENGTH:
            continue
        forms.add(candidate)
        forms.add(repr(candidate)[1:-1])
        forms.add(json.dumps(candidate)[1:-1])
        forms.add(json.dumps(candidate, ensure_ascii=False)[1:-1])
        forms.add(quote(candidate, safe=""))
        forms.add(quote_plus(candidate, safe=""))
        forms.add(repr(candidate.encode("utf-8", "replace"))[2:-1])
    for whole in (value, value.strip()):
        if len(whole) >= MIN_SECRET_LENGTH:
            forms.add(repr(whole)[1:-1])
            forms.add(repr(whole.encode("utf-8", "replace"))[2:-1])
            forms.add(json.dumps(whole)[1:-1])
    return forms


def basic_token(username: str, password: str) -> str:
    """The ``Authorization: Basic`` token Braze sends for a username and password."""
    import base64

    return base64.b64encode(f"{username}:{password}".encode()).decode()
