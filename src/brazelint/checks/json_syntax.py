"""Strict JSON syntax check for rendered webhook bodies: every problem, with its span and a fix.

Valid bodies, the common case, go through ``json.loads`` and nothing else. Only when that
fails (or finds a duplicate key or NaN) does the recovering parser of
:mod:`brazelint.checks.json_recovery` run, and only then is it imported. Spans of values
are computed on demand: for a valid body by one regex pass over its tokens, for a broken
one by the recovering parser.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable, NoReturn, Optional, Union

from brazelint._record import Record

MAX_DEPTH = 500

# json's own (C) string scanner: strict, so it rejects control characters and bad escapes.
scan_string: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]

Path = tuple[Union[str, int], ...]
Span = tuple[int, int]

# The tokens of valid JSON (whitespace between them is skipped): a string, a punctuation
# character, or a number or literal (spanned as the recovering parser spans a word).
_VALID_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\],:]|[^ \t\n\r{}\[\],:"]+', re.S)


class JsonProblem(Record):
    """One syntax problem: where it is (0-based offsets, end exclusive), what, and the fix."""

    __slots__ = (
        "start",
        "end",
        "kind",
        "message",
        "hint",
        "severity",
    )

    def __init__(
        self,
        start: int,
        end: int,
        kind: str,
        message: str,
        hint: Optional[str],
        severity: str = "error",
    ) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.message = message
        self.hint = hint
        self.severity = severity


class SpanIndex(Record):
    __slots__ = ("values", "keys")

    def __init__(self, values: dict[Path, Span], keys: dict[Path, Span]) -> None:
        self.values = values
        self.keys = keys


class JsonDocument:
    """A parsed body: its value (best effort when broken), its problems and, lazily, spans."""

    __slots__ = ("_asked", "_index", "_valid", "problems", "text", "value")

    def __init__(
        self,
        text: str,
        value: Any,
        problems: list[JsonProblem],
        _index: Optional[SpanIndex] = None,
        _valid: bool = False,
    ) -> None:
        self.text = text
        self.value = value
        self.problems = problems
        self._index = _index
        self._valid = _valid  # json.loads accepted it
        self._asked = False

    @property
    def ok(self) -> bool:
        return all(problem.severity != "error" for problem in self.problems)

    def span(self, path: Path) -> Optional[Span]:
        """Span of the value at ``path`` (strings with their quotes); ``()`` is the root."""
        path = tuple(path)
        if self._index is None and self._valid and not self._asked:
            # Most valid bodies are asked for one span (the value a finding is about),
            # often near the start: scan only that far. A second question scans it all.
            self._asked = True
            return _valid_spans(self.text, until=path).values.get(path)
        return self._spans().values.get(path)

    def key_span(self, path: Path) -> Optional[Span]:
        """Span of the key string of the object member at ``path``."""
        return self._spans().keys.get(tuple(path))

    def _spans(self) -> SpanIndex:
        # Valid documents skip the span scan until someone asks for a span.
        if self._index is None:
            self._index = _valid_spans(self.text) if self._valid else _recover(self.text)._spans()
        return self._index


class _NeedsFullParse(Exception):
    """json.loads accepted something the strict check must report (duplicate key, NaN)."""


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _NeedsFullParse
    return obj


def _reject_constant(name: str) -> NoReturn:
    raise _NeedsFullParse(name)


# One decoder for all bodies: json.loads with hooks builds a decoder (and scanner) per call.
_DECODER = json.JSONDecoder(object_pairs_hook=_unique_pairs, parse_constant=_reject_constant)


def parse_json(text: str) -> JsonDocument:
    """Parse a rendered body, reporting every syntax problem; never raises."""
    try:
        value = _DECODER.decode(text)
    except (ValueError, RecursionError, _NeedsFullParse):
        return _recover(text)
    if text.count("[") + text.count("{") > MAX_DEPTH and _nesting_exceeds(value, MAX_DEPTH):
        return _recover(text)
    return JsonDocument(text, value, [], _valid=True)


def _valid_spans(text: str, until: Optional[Path] = None) -> SpanIndex:
    """The spans the recovering parser finds in ``text``, which json.loads accepted.

    One pass over the tokens with a stack of the open containers: their paths, their starts
    and, for an array, the index of its current element (-1 for an object). With ``until``,
    the pass stops once the value at that path is spanned.
    """
    values: dict[Path, Span] = {}
    keys: dict[Path, Span] = {}
    paths: list[Path] = []
    starts: list[int] = []
    indexes: list[int] = []
    path: Path = ()  # of the next value or key
    want_key = False
    for token in _VALID_TOKEN.finditer(text):
        start, end = token.span()
        char = text[start]
        if char == '"':
            if want_key:
                key = text[start + 1 : end - 1]
                if "\\" in key:
                    key = scan_string(text, start + 1, True)[0]
                path = (*paths[-1], key)
                keys[path] = (start, end)
                want_key = False
            else:
                values[path] = (start, end)
                if path == until:
                    break
        elif char == ",":
            if indexes[-1] < 0:
                want_key = True
            else:
                indexes[-1] += 1
                path = (*paths[-1], indexes[-1])
        elif char == "{" or char == "[":
            paths.append(path)
            starts.append(start)
            if char == "{":
                indexes.append(-1)
                want_key = True
            else:
                indexes.append(0)
                path = (*path, 0)
        elif char == "}" or char == "]":
            indexes.pop()
            closed = paths.pop()
            values[closed] = (starts.pop(), end)
            want_key = False  # an empty object
            if closed == until:
                break
        elif char != ":":
            values[path] = (start, end)
            if path == until:
                break
    return SpanIndex(values, keys)


def _nesting_exceeds(value: Any, limit: int) -> bool:
    """Whether containers nest deeper than ``limit`` (iterative: the value may be deep)."""
    stack = [(value, 1)] if isinstance(value, (dict, list)) else []
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _recover(text: str) -> JsonDocument:
    """Every problem of a body json.loads refused (the recovering parser, loaded now)."""
    from brazelint.checks.json_recovery import Parser

    return Parser(text).run()
