"""The exceptions brazelint raises. Each one says what is wrong, where, and how to fix it."""

from __future__ import annotations

from enum import Enum
from typing import Optional


class ErrorKind(str, Enum):
    """What kind of problem an error is, set where it is raised, so no reader has to
    guess it from the message. The checks map a kind to a rule code through a table."""

    SYNTAX = "syntax"
    """The template does not parse (the general case)."""
    UNKNOWN_TAG = "unknown-tag"
    """A tag name neither Liquid nor Braze defines (``subject``: the name)."""
    MISPLACED_TAG = "misplaced-tag"
    """A known tag where it cannot be, such as a stray ``endif`` (``subject``: the name)."""
    UNSUPPORTED_TAG = "unsupported-tag"
    """A standard Liquid tag Braze does not run (``subject``: the name)."""
    UNCLOSED_BLOCK = "unclosed-block"
    """A block tag never closed (``subject``: the tag that would close it)."""
    UNCLOSED_OUTPUT = "unclosed-output"
    """A ``{{`` with no ``}}``."""
    UNCLOSED_TAG = "unclosed-tag"
    """A ``{%`` with no ``%}`` (or no tag name)."""
    UNEXPECTED_CHARACTER = "unexpected-character"
    """A character no expression may contain (``subject``: the character)."""
    UNKNOWN_FILTER = "unknown-filter"
    """A filter name neither Liquid nor Braze defines (``subject``: the name)."""
    UNSUPPORTED_FILTER = "unsupported-filter"
    """A standard Liquid filter Braze does not have (``subject``: the name)."""
    FILTER_ARGUMENT = "filter-argument"
    """A filter given a value or arguments it cannot work with."""
    TYPE = "type"
    """Values of types an operation cannot combine."""
    LIMIT = "limit"
    """A limit reached: size, nesting, loop iterations, time, memory."""
    CONNECTED_CONTENT = "connected-content"
    """A Connected Content call that cannot be made as written."""
    RENDER = "render"
    """Rendering failed in some other way."""
    CONFIG = "config"
    """A profile, stub, configuration file or command-line value is invalid."""
    INTERNAL = "internal"
    """A failure brazelint did not expect on this input (a library or Python error)."""


class BrazelintError(Exception):
    """Base class of every error brazelint raises on purpose.

    ``line`` and ``column`` are 1-based positions in the original template (or ``None``
    when the problem has no position, such as a bad profile file). ``path`` names the file
    the position refers to, when known. ``hint`` is the suggested fix. ``kind`` says what
    kind of problem it is (the class's ``default_kind`` unless the raiser says).
    """

    default_kind = ErrorKind.INTERNAL

    def __init__(
        self,
        message: str,
        *,
        line: Optional[int] = None,
        column: Optional[int] = None,
        path: Optional[str] = None,
        hint: Optional[str] = None,
        source: Optional[str] = None,
        length: int = 1,
        kind: Optional[ErrorKind] = None,
        subject: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.path = path
        self.hint = hint
        self.source = source
        """The text ``line``/``column`` point into, for code frames."""
        self.length = max(length, 1)
        """How many characters the caret should underline."""
        self.kind: ErrorKind = kind or self.default_kind
        """What kind of problem this is, decided where it was raised."""
        self.subject = subject
        """The name or text the problem is about (a tag, a filter, a character), if any."""

    def __str__(self) -> str:
        where = self.location()
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f" (hint: {self.hint})"
        return text

    def location(self) -> str:
        """``path:line:column`` (the parts that are known)."""
        parts = [self.path] if self.path else []
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class TemplateSyntaxError(BrazelintError):
    """The template cannot be parsed."""

    default_kind = ErrorKind.SYNTAX


class TemplateRenderError(BrazelintError):
    """The template parsed but failed while rendering (bad filter argument, limit, ...)."""

    default_kind = ErrorKind.RENDER


class ConfigError(BrazelintError):
    """A profile, stub, configuration file or command-line value is invalid."""

    default_kind = ErrorKind.CONFIG


class UsageError(ConfigError):
    """A command-line choice that is wrong for every file: it stops the run (exit 2)
    instead of becoming a finding on each file."""
