"""The exceptions brazelint raises. Each one says what is wrong, where, and how to fix it."""

from __future__ import annotations

from typing import Optional


class BrazelintError(Exception):
    """Base class of every error brazelint raises on purpose.

    ``line`` and ``column`` are 1-based positions in the original template (or ``None``
    when the problem has no position, such as a bad profile file). ``path`` names the file
    the position refers to, when known. ``hint`` is the suggested fix.
    """

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


class TemplateRenderError(BrazelintError):
    """The template parsed but failed while rendering (bad filter argument, limit, ...)."""


class ConfigError(BrazelintError):
    """A profile, stub, configuration file or command-line value is invalid."""


class UsageError(ConfigError):
    """A command-line choice that is wrong for every file: it stops the run (exit 2)
    instead of becoming a finding on each file."""
