"""A template that does not parse: which rule it breaks, and a hint."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.errors import TemplateSyntaxError

_UNEXPECTED_TAG = re.compile(r"unexpected tag '([^']+)'")


def report_syntax_error(error: TemplateSyntaxError, reporter: Reporter) -> None:
    """Report the parse error (a sharper source finding on its line replaces it: the
    ``overrides`` of BL004, BL206 and BL408)."""
    line, column = error.line or 1, error.column or 1
    message, hint = error.message, error.hint
    code = "BL001"
    unexpected = _UNEXPECTED_TAG.search(message)
    if "not supported in Braze" in message:
        code = "BL003"
    elif unexpected and hint == f"did you mean '{unexpected.group(1)}'?":
        # a known tag out of place, such as a stray endif: suggesting itself helps nobody
        name = unexpected.group(1)
        hint = (
            f"'{name}' closes no open block here: remove it, or add the tag it closes"
            if name.startswith("end")
            else f"'{name}' is not allowed here: check the block it belongs to"
        )
    elif unexpected and hint and hint.startswith("did you mean"):
        from brazelint.engine.environment import BrazeEnvironment

        if unexpected.group(1) not in BrazeEnvironment.known_tag_names():
            code = "BL002"
            message = f"unknown tag '{unexpected.group(1)}'"
    elif "unexpected '&'" in message or "unexpected '|'" in message:
        hint = "Braze conditions use 'and' / 'or', not && / ||"
    elif "unexpected '{'" in message and not hint:
        hint = "an output is {{ value | filter }}: two braces, with every filter inside them"
    elif "unexpected '('" in message:
        hint = "Braze does not allow parentheses in conditions: nest the ifs instead"
    reporter.at(code, line, column, message, end_column=column + error.length, hint=hint)
