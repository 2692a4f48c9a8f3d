"""The JSON model the syntax check and the recovering parser share.

A body's ``JsonDocument`` (value, problems, spans), its ``JsonProblem``s and ``SpanIndex``;
spans of a valid body are scanned here, on demand. :mod:`brazelint.checks.json_syntax`
builds documents for valid bodies and :mod:`brazelint.checks.json_recovery` for broken
ones; both import this module, neither imports the other's types.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Callable, Optional, Union

MAX_DEPTH = 500

# json's own (C) string scanner: strict, so it rejects control characters and bad escapes.
scan_string: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]

Path = tuple[Union[str, int], ...]
Span = tuple[int, int]

# The tokens of valid JSON (whitespace between them is skipped): a string, a punctuation
# character, or a number or literal (spanned as the recovering parser spans a word).
_VALID_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\],:]|[^ \t\n\r{}\[\],:"]+', re.S)


@dataclass(frozen=True)
class JsonProblem:
    """One syntax problem: where it is (0-based offsets, end exclusive), what, and the fix."""

    start: int
    end: int
    kind: str
    message: str
    hint: Optional[str]
    severity: str = "error"


@dataclass(frozen=True)
class SpanIndex:
    """Where each value (strings with their quotes) and each member's key string is."""

    values: dict[Path, Span]
    keys: dict[Path, Span]


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
        # Valid documents skip the span scan until someone asks for a span; the recovering
        # parser gives the others their index.
        if self._index is None:
            self._index = _valid_spans(self.text)
        return self._index


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
