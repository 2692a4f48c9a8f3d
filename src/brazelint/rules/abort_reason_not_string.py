"""BL106 abort-reason-not-string: abort_message reasons written without quotes."""

from __future__ import annotations

from brazelint.rules.base import Rule

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
