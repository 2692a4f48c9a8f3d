"""BL106 abort-reason-not-string: abort_message reasons written without quotes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.checks.source_scan import SourceFacts

RULE = Rule(
    code="BL106",
    name="abort-reason-not-string",
    severity="warning",
    summary="An abort_message reason that is not a quoted string.",
    why=(
        "The reason is what the message activity log shows for every aborted send; "
        "unquoted, it is read as a variable name and the log records an empty or "
        "wrong reason."
    ),
    bad="{% abort_message(not same month) %}",
    good="{% abort_message('not same month') %}",
)


def check(source: str, facts: SourceFacts, reporter: Reporter) -> None:
    """BL106 for each abort_message whose reason is not one quoted string."""
    for markup in facts.markups:
        if markup.name != "abort_message":
            continue
        text = markup.text.strip()
        if text.startswith("(") and text.endswith(")"):
            text = text[1:-1].strip()
        if not text or re.fullmatch(r"'[^']*'|\"[^\"]*\"", text):
            continue
        start = markup.start + markup.text.find(text)
        reporter.at_offset(
            RULE.code,
            start,
            f"abort_message reason {text!r} is not a quoted string",
            end=start + len(text),
            hint=f"quote it: {{% abort_message('{text}') %}}",
        )
