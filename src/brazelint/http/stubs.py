"""Stubbed Connected Content HTTP: the stub format of DESIGN.md, loading, and matching.

A stub file is a YAML or JSON list; each item is one stub::

    - request:
        method: POST                      # default GET
        url: https://example.com/x        # exact, or url_pattern: a regex (re.search)
        json: {retailer_id: "r1"}         # optional: subset the JSON body must contain
        headers: {Content-Type: application/json}   # optional: must be present
        body: "a=1&b=2"                   # optional (extension): the exact raw body
      response:                           # or responses: [...] (extension)
        status: 200                       # default 200
        headers: {X-Id: "1"}
        json: {status: ok}                # or body: "plain text"
        delay: 2.5                        # optional (extension): seconds the answer "takes"

Messages name a stub as ``<file> #<n>`` (``n`` counts from 1, ``<stubs>`` for a Python
list) and a key by its path, with list positions counted from 0: ``responses[1].status``.

Nothing here touches the network; a ``delay`` is reported in ``HttpResponse.elapsed``
and never slept.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Optional, Union

from brazelint.bounded_regex import BoundedPattern
from brazelint.errors import ConfigError
from brazelint.http.redact import is_secret_header, redact_text
from brazelint.http.types import HttpResponse, NoStubMatch, Request
from brazelint.profiles import _did_you_mean, _type_name, load_data_file

__all__ = ["Stub", "StubResponse", "StubTransport", "load_stubs"]

StubSource = Union[Sequence[Mapping[str, Any]], str, Path, None]
"""What ``load_stubs`` accepts: stub dicts, or a path to a stub file or directory."""

STUB_SUFFIXES = (".yaml", ".yml", ".json")
STUB_KEYS = ("request", "response", "responses")
REQUEST_KEYS = ("method", "url", "url_pattern", "json", "headers", "body")
RESPONSE_KEYS = ("status", "headers", "json", "body", "delay")
LIST_SOURCE = "<stubs>"
CLOSEST_SECONDS = 0.25
"""Time a failed match may spend looking for the closest stub to name in its message (a
small share of the render time limit, however many thousand stubs there are)."""


@dataclass(frozen=True)
class StubResponse:
    """One answer of a stub, ready to send.

    ``body`` is the text sent (``json.dumps`` of ``json`` for a JSON answer, which also
    gets ``Content-Type: application/json`` unless ``headers`` set one). ``has_json`` tells
    a JSON answer apart from a text one (``json`` may legitimately be ``None``).
    """

    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    body: str = ""
    json: Any = None
    has_json: bool = False
    delay: float = 0.0

    def to_http(self) -> HttpResponse:
        """This answer as an ``HttpResponse`` (``elapsed`` is the declared ``delay``)."""
        return HttpResponse(
            status=self.status, headers=dict(self.headers), body=self.body, elapsed=self.delay
        )


@dataclass(frozen=True)
class Stub:
    """A validated stub: a request matcher and the answers it gives, in order.

    Exactly one of ``url`` (exact) and ``url_pattern`` (compiled, matched with
    ``re.search``) is set. ``json`` is ``None`` when the body is not matched as JSON.
    ``responses`` has at least one item; the last one repeats. ``source`` is
    ``<file> #<n>`` for messages.
    """

    source: str
    method: str = "GET"
    url: Optional[str] = None
    url_pattern: Optional[BoundedPattern] = None
    json: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Optional[str] = None
    responses: tuple[StubResponse, ...] = (StubResponse(),)

    @property
    def target(self) -> str:
        """The URL or the pattern text, as written in the stub."""
        if self.url_pattern is not None:
            return self.url_pattern.pattern
        return self.url or ""

    def describe(self) -> str:
        """``POST https://... (file #1)``, or ``POST url_pattern ^https://... (file #1)``."""
        what = self.url if self.url_pattern is None else f"url_pattern {self.target}"
        return f"{self.method} {what} ({self.source})"

    def matches(self, request: Request) -> bool:
        """Whether this stub answers ``request``."""
        return not self.mismatches(request)

    def mismatches(self, request: Request) -> list[str]:
        """Why this stub does not answer ``request`` (empty when it does)."""
        return self._mismatches(request, _parse_json(request.body))

    def _mismatches(self, request: Request, parsed: tuple[bool, Any]) -> list[str]:
        reasons: list[str] = []
        method = request.method.upper()
        if method != self.method:
            reasons.append(f"method differs: request is {method}, stub expects {self.method}")
        if self.url_pattern is not None:
            if not self.url_pattern.search(request.url):
                reasons.append("URL does not match url_pattern")
        elif request.url != self.url:
            # on the URLs as printed: a ?token= value must not show through the diff
            reasons.append(_url_difference(redact_text(request.url), redact_text(self.url or "")))
        for name, value in self.headers.items():
            actual = _header(request.headers, name)
            if actual is None:
                reasons.append(f"missing header {name}")
            elif actual != value and is_secret_header(name):
                reasons.append(f"header {name} differs from the stub's (values not shown)")
            elif actual != value:
                reasons.append(f"header {name} is {actual!r}, stub expects {value!r}")
        if self.body is not None and (request.body or "") != self.body:
            if not request.body:
                reasons.append(f"request has no body, stub expects {_short(self.body)!r}")
            else:
                reasons.append(
                    f"body differs: request has {_short(request.body)!r}, "
                    f"stub expects {_short(self.body)!r}"
                )
        if self.json is not None:
            is_json, value = parsed
            if not request.body:
                reasons.append("request has no body, stub expects a JSON body")
            elif not is_json:
                reasons.append("body is not JSON, stub expects a JSON body")
            else:
                problem = _subset_problem(self.json, value, ())
                if problem:
                    reasons.append(problem)
        return reasons

    def _similarity(self, request: Request) -> float:
        if self.url_pattern is not None and self.url_pattern.search(request.url):
            ratio = 1.0
        else:
            ratio = SequenceMatcher(None, request.url, self.target).ratio()
        return ratio + (0.05 if request.method.upper() == self.method else 0.0)


class StubTransport:
    """A ``Transport`` that answers from stubs: the first matching stub wins.

    A stub with several ``responses`` gives them to successive matching requests, the
    last one repeating. The per-stub counters are guarded by a lock, so sharing one
    transport between threads is safe, but which thread gets which answer then depends on
    arrival order; use one transport per render for reproducible sequences (or ``reset``).
    No request ever leaves the process.
    """

    def __init__(self, stubs: Sequence[Stub]) -> None:
        self.stubs: tuple[Stub, ...] = tuple(stubs)
        self._counts = [0] * len(self.stubs)
        self._lock = threading.Lock()

    def reset(self) -> None:
        """Start every ``responses`` sequence from its first answer again."""
        with self._lock:
            self._counts = [0] * len(self.stubs)

    def send(self, request: Request) -> HttpResponse:
        """The answer of the first stub that matches, or ``NoStubMatch``."""
        parsed = _parse_json(request.body)
        method = request.method.upper()
        for index, stub in enumerate(self.stubs):
            if stub.method != method or (stub.url is not None and stub.url != request.url):
                continue  # the common miss, decided without building the reasons
            if stub._mismatches(request, parsed):
                continue
            with self._lock:
                count = self._counts[index]
                self._counts[index] = count + 1
            answer = stub.responses[min(count, len(stub.responses) - 1)].to_http()
            return replace(answer, stub=stub.source)
        raise NoStubMatch(request, self._closest(request, parsed))

    def _closest(self, request: Request, parsed: tuple[bool, Any]) -> Optional[str]:
        """The most similar stub and why it does not match; with many stubs, the most
        similar of those compared within ``CLOSEST_SECONDS``."""
        best: Optional[Stub] = None
        best_score = -1.0
        deadline = time.monotonic() + CLOSEST_SECONDS
        compared = 0
        for compared, stub in enumerate(self.stubs, start=1):
            score = stub._similarity(request)
            if score > best_score:
                best, best_score = stub, score
            if compared % 64 == 0 and time.monotonic() > deadline:
                break
        if best is None:
            return None
        text = f"{best.describe()}: " + "; ".join(best._mismatches(request, parsed))
        if compared < len(self.stubs):
            text += f" (compared with {compared} of {len(self.stubs)} stubs)"
        return text


# --- loading ------------------------------------------------------------------------------


def load_stubs(source: StubSource) -> list[Stub]:
    """Load and validate stubs from a list of dicts, a YAML/JSON file, or a directory.

    A directory contributes every ``*.yaml``/``*.yml``/``*.json`` file below it
    (recursively, sorted by relative path, skipping dot-files and dot-directories).
    Raises one ``ConfigError`` naming the file, the stub (``#n``, from 1) and the key.
    """
    if source is None:
        return []
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.is_dir():
            stubs: list[Stub] = []
            for file in _stub_files(path):
                stubs.extend(_load_file(file))
            return stubs
        if not path.exists():
            raise ConfigError(f"{path}: stub file or directory not found")
        return _load_file(path)
    return _from_data(source, LIST_SOURCE)


def _stub_files(directory: Path) -> list[Path]:
    files = []
    for path in directory.rglob("*"):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in STUB_SUFFIXES and path.is_file():
            files.append(relative)
    return [directory / relative for relative in sorted(files, key=lambda p: p.parts)]


def _load_file(path: Path) -> list[Stub]:
    return _from_data(load_data_file(path), str(path))


def _from_data(data: Any, where: str) -> list[Stub]:
    if data is None:
        return []
    if not isinstance(data, Sequence) or isinstance(data, (str, bytes)):
        raise ConfigError(
            f"{where}: stubs must be a list, got {_type_name(data)}",
            hint="start each stub with '- request:'",
        )
    return [_stub(item, f"{where} #{number}") for number, item in enumerate(data, start=1)]


def _stub(data: Any, source: str) -> Stub:
    if not isinstance(data, Mapping):
        raise ConfigError(
            f"{source}: a stub must be a mapping with 'request' and 'response', "
            f"got {_type_name(data)}"
        )
    _check_keys(data, STUB_KEYS, source, "")
    if "request" not in data:
        raise ConfigError(
            f"{source}: missing 'request'", hint="add 'request:' with 'url' or 'url_pattern'"
        )
    request = data["request"]
    if not isinstance(request, Mapping):
        raise ConfigError(f"{source}: 'request' must be a mapping, got {_type_name(request)}")
    _check_keys(request, REQUEST_KEYS, source, "request.")

    method = request.get("method", "GET")
    if not isinstance(method, str) or not re.fullmatch(r"[A-Za-z]+", method):
        shown = repr(method) if isinstance(method, str) else _type_name(method)
        raise ConfigError(
            f"{source}: 'request.method' must be a method name such as GET or POST, got {shown}"
        )

    if "url" in request and "url_pattern" in request:
        raise ConfigError(f"{source}: 'request' has both 'url' and 'url_pattern'; use one")
    url: Optional[str] = None
    pattern: Optional[BoundedPattern] = None
    if "url" in request:
        url = _non_empty_string(request["url"], source, "request.url")
    elif "url_pattern" in request:
        text = _non_empty_string(request["url_pattern"], source, "request.url_pattern")
        try:
            pattern = BoundedPattern(text)  # linear-time: ^(a+)+$ cannot hang a render
        except re.error as err:
            raise ConfigError(
                f"{source}: 'request.url_pattern' is not a valid regular expression: {err}"
            ) from None
    else:
        raise ConfigError(f"{source}: 'request' needs 'url' or 'url_pattern'")

    if "json" in request and "body" in request:
        raise ConfigError(f"{source}: 'request' has both 'json' and 'body'; use one")
    json_subset: Any = None
    if "json" in request:
        json_subset = request["json"]
        if json_subset is None:
            raise ConfigError(
                f"{source}: 'request.json' is null",
                hint="leave 'json' out to match any body, or write body: 'null'",
            )
        _check_json_value(json_subset, source, "request.json")
    body: Optional[str] = None
    if "body" in request:
        body = _string(request["body"], source, "request.body")

    if "response" in data and "responses" in data:
        raise ConfigError(f"{source}: both 'response' and 'responses'; use one")
    if "responses" in data:
        items = data["responses"]
        if not isinstance(items, list) or not items:
            shown = "an empty list" if isinstance(items, list) else _type_name(items)
            raise ConfigError(f"{source}: 'responses' must be a non-empty list, got {shown}")
        responses = tuple(
            _response(item, source, f"responses[{i}]") for i, item in enumerate(items)
        )
    elif "response" in data:
        responses = (_response(data["response"], source, "response"),)
    else:
        responses = (StubResponse(),)

    return Stub(
        source=source,
        method=method.upper(),
        url=url,
        url_pattern=pattern,
        json=json_subset,
        headers=_headers(request.get("headers"), source, "request.headers"),
        body=body,
        responses=responses,
    )


def _response(data: Any, source: str, key: str) -> StubResponse:
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise ConfigError(f"{source}: '{key}' must be a mapping, got {_type_name(data)}")
    _check_keys(data, RESPONSE_KEYS, source, f"{key}.")
    status = data.get("status", 200)
    if isinstance(status, bool) or not isinstance(status, int) or not 100 <= status <= 599:
        raise ConfigError(
            f"{source}: '{key}.status' must be an integer from 100 to 599, "
            f"got {_number_or_type(status)}"
        )
    delay = data.get("delay", 0.0)
    if isinstance(delay, bool) or not isinstance(delay, (int, float)) or not delay >= 0:
        raise ConfigError(
            f"{source}: '{key}.delay' must be a number of seconds >= 0, "
            f"got {_number_or_type(delay)}"
        )
    if "json" in data and "body" in data:
        raise ConfigError(f"{source}: '{key}' has both 'json' and 'body'; use one")
    headers = _headers(data.get("headers"), source, f"{key}.headers")
    if "json" in data:
        value = data["json"]
        _check_json_value(value, source, f"{key}.json")
        if _header(headers, "Content-Type") is None:
            headers = {**headers, "Content-Type": "application/json"}
        return StubResponse(
            status, headers, json.dumps(value), json=value, has_json=True, delay=float(delay)
        )
    body = _string(data.get("body", ""), source, f"{key}.body")
    return StubResponse(status, headers, body, delay=float(delay))


def _number_or_type(value: Any) -> str:
    """A number as written (``-1``), anything else by its type (``a string``)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return _type_name(value)


def _check_keys(data: Mapping[Any, Any], known: Sequence[str], source: str, prefix: str) -> None:
    for key in data:
        if key not in known:
            raise ConfigError(
                f"{source}: unknown key '{prefix}{key}'",
                hint=_did_you_mean(str(key), known, fallback="known keys: " + ", ".join(known)),
            )


def _headers(data: Any, source: str, key: str) -> dict[str, str]:
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise ConfigError(f"{source}: '{key}' must be a mapping, got {_type_name(data)}")
    headers: dict[str, str] = {}
    for name, value in data.items():
        if not isinstance(name, str) or not name:
            raise ConfigError(
                f"{source}: '{key}' names must be non-empty strings, got {_type_name(name)}"
            )
        if not isinstance(value, str):
            raise ConfigError(
                f"{source}: '{key}.{name}' must be a string, got {_type_name(value)}",
                hint="quote the value",
            )
        headers[name] = value
    return headers


def _string(value: Any, source: str, key: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{source}: '{key}' must be a string, got {_type_name(value)}")
    return value


def _non_empty_string(value: Any, source: str, key: str) -> str:
    if not isinstance(value, str) or not value:
        shown = "an empty string" if isinstance(value, str) else _type_name(value)
        raise ConfigError(f"{source}: '{key}' must be a non-empty string, got {shown}")
    return value


def _check_json_value(value: Any, source: str, key: str) -> None:
    """Reject what YAML can produce but JSON cannot hold (dates, non-string keys, ...)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return
    if isinstance(value, Mapping):
        for name, item in value.items():
            if not isinstance(name, str):
                raise ConfigError(
                    f"{source}: '{key}' has a key {name!r} that is not a string",
                    hint="quote the key",
                )
            _check_json_value(item, source, f"{key}.{name}")
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            _check_json_value(item, source, f"{key}[{index}]")
        return
    raise ConfigError(
        f"{source}: '{key}' must be a JSON value, got {type(value).__name__}",
        hint="quote it (YAML reads unquoted dates and times as non-JSON values)",
    )


# --- matching helpers ---------------------------------------------------------------------


def _parse_json(body: Optional[str]) -> tuple[bool, Any]:
    """``(True, value)`` when ``body`` is JSON, else ``(False, None)``."""
    if not body:
        return False, None
    try:
        return True, json.loads(body)
    except ValueError:
        return False, None


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    lowered = name.lower()
    return next((v for k, v in headers.items() if k.lower() == lowered), None)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _url_difference(actual: str, expected: str) -> str:
    """``URL differs at character 31: request has '2.0/...', stub expects '3.0/...'``."""
    at = 0
    while at < min(len(actual), len(expected)) and actual[at] == expected[at]:
        at += 1
    return (
        f"URL differs at character {at + 1}: request has {_short(actual[at:], 30)!r}, "
        f"stub expects {_short(expected[at:], 30)!r}"
    )


def _json_kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return "an array"
    return json.dumps(value)


def _json_equal(a: Any, b: Any) -> bool:
    """JSON equality: ``true`` is not ``1``; ``1`` equals ``1.0``."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(_json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_json_equal(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def _subset_problem(expected: Any, actual: Any, path: tuple[str, ...]) -> Optional[str]:
    """Why ``actual`` does not contain ``expected`` (``None`` when it does).

    Objects: every expected key present and recursively contained. Arrays and scalars:
    equal.
    """
    where = ".".join(path)
    if isinstance(expected, Mapping):
        if not isinstance(actual, Mapping):
            at = f" at {where}" if where else ""
            return f"JSON body{at} is {_short(_json_kind(actual))}, stub expects an object"
        for key, value in expected.items():
            if key not in actual:
                return f"JSON body lacks {'.'.join((*path, key))}"
            problem = _subset_problem(value, actual[key], (*path, key))
            if problem:
                return problem
        return None
    if _json_equal(expected, actual):
        return None
    got = _short(json.dumps(actual))
    want = _short(json.dumps(expected))
    if where:
        return f"JSON body has {where} = {got}, stub expects {want}"
    return f"JSON body is {got}, stub expects {want}"
