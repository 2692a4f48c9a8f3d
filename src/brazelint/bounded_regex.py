"""Regular expressions from users' files, matched in bounded time.

Python's ``re`` backtracks: ``^(a+)+$`` against forty ``a`` and a ``!`` runs for hours.
The patterns users write (a schema's ``pattern`` and ``patternProperties``, a stub's
``url_pattern``) are matched instead by the Rust ``regex`` engine that ships inside
jsonschema-rs (a dependency already), which runs in linear time. Patterns that need
lookaround or backreferences go to its ``fancy-regex`` engine with a cap on
backtracking steps; a match that reaches the cap raises :class:`RegexTooSlow`, which
callers report as a finding.

Without jsonschema-rs (an install that skipped dependencies) Python's ``re`` is used.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Optional

from brazelint.errors import ConfigError

__all__ = ["BoundedPattern", "RegexTooSlow", "bounded_pattern", "search"]

BACKTRACK_LIMIT = 1_000_000
"""Steps a lookaround/backreference pattern may backtrack on one string (well under a second)."""


class RegexTooSlow(ConfigError):
    """A pattern needed more backtracking than :data:`BACKTRACK_LIMIT` on one string."""

    def __init__(self, pattern: str) -> None:
        super().__init__(
            f"the regular expression {pattern!r} backtracks too much to check "
            f"(more than {BACKTRACK_LIMIT:,} steps); remove nested quantifiers such as (a+)+"
        )
        self.pattern = pattern


class BoundedPattern:
    """A compiled pattern with ``search`` (a bool) and the text it came from (``pattern``)."""

    __slots__ = ("_backtracks", "_fallback", "_validator", "pattern")

    def __init__(self, pattern: str) -> None:
        """Compile ``pattern``; raises ``re.error`` when no engine accepts it."""
        self.pattern = pattern
        self._validator: Any = None
        self._fallback: Optional[re.Pattern[str]] = None
        self._backtracks = False
        """Whether the capped backtracking engine runs it (only it can hit the cap)."""
        try:
            import jsonschema_rs
        except ImportError:  # pragma: no cover - jsonschema-rs is a dependency
            self._fallback = re.compile(pattern)
            return
        schema = {"pattern": pattern}
        try:
            self._validator = jsonschema_rs.Draft202012Validator(
                schema, pattern_options=jsonschema_rs.RegexOptions()
            )
            return
        except jsonschema_rs.ValidationError:
            pass  # lookaround or a backreference: the backtracking engine, capped
        try:
            self._validator = jsonschema_rs.Draft202012Validator(
                schema,
                pattern_options=jsonschema_rs.FancyRegexOptions(backtrack_limit=BACKTRACK_LIMIT),
            )
            self._backtracks = True
        except jsonschema_rs.ValidationError:
            re.compile(pattern)  # Python's own message says what is wrong, when it can
            raise re.error(f"{pattern!r} is not a regular expression brazelint can run") from None

    def search(self, text: str) -> bool:
        """Whether ``pattern`` matches somewhere in ``text`` (``re.search`` semantics)."""
        if self._fallback is not None:
            return self._fallback.search(text) is not None
        if self._validator.is_valid(text):
            return True
        if not self._backtracks:
            return False
        for error in self._validator.iter_errors(text):
            if "backtrack" in error.message:
                raise RegexTooSlow(self.pattern)
        return False

    def __repr__(self) -> str:
        return f"BoundedPattern({self.pattern!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BoundedPattern) and other.pattern == self.pattern

    def __hash__(self) -> int:
        return hash(self.pattern)


@lru_cache(maxsize=512)
def bounded_pattern(pattern: str) -> BoundedPattern:
    """The compiled pattern, cached (schemas name the same few patterns over and over)."""
    return BoundedPattern(pattern)


def search(pattern: str, text: str) -> bool:
    """``re.search(pattern, text) is not None``, in bounded time."""
    return bounded_pattern(pattern).search(text)
