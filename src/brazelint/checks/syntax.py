"""A template that does not parse: which rule it breaks, and a hint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.errors import ErrorKind

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.errors import TemplateSyntaxError

SYNTAX_CODES = {
    ErrorKind.UNKNOWN_TAG: "BL002",
    ErrorKind.UNSUPPORTED_TAG: "BL003",
}
"""The rule a parse error breaks, by its kind; every other kind is BL001."""
CHARACTER_HINTS = {
    "&": "Braze conditions use 'and' / 'or', not && / ||",
    "|": "Braze conditions use 'and' / 'or', not && / ||",
    "{": "an output is {{ value | filter }}: two braces, with every filter inside them",
}
"""Hints for a character no expression may contain, by the character."""


def report_syntax_error(error: TemplateSyntaxError, reporter: Reporter) -> None:
    """Report the parse error (a sharper source finding on its line replaces it: the
    ``overrides`` of BL004, BL206 and BL408)."""
    line, column = error.line or 1, error.column or 1
    message, hint = error.message, error.hint
    kind, subject = error.kind, error.subject
    if kind is ErrorKind.UNKNOWN_TAG:
        message = f"unknown tag '{subject}'"
    elif kind is ErrorKind.MISPLACED_TAG and subject:
        hint = _misplaced_hint(subject)
    elif kind is ErrorKind.UNEXPECTED_CHARACTER and subject in CHARACTER_HINTS:
        hint = CHARACTER_HINTS[subject]
    code = SYNTAX_CODES.get(kind, "BL001")
    reporter.at(code, line, column, message, end_column=column + error.length, hint=hint)


def _misplaced_hint(name: str) -> str:
    """A known tag out of place, such as a stray endif: suggesting itself helps nobody."""
    if name.startswith("end"):
        return f"'{name}' closes no open block here: remove it, or add the tag it closes"
    return f"'{name}' is not allowed here: check the block it belongs to"
