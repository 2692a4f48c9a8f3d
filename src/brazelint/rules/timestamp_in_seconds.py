"""BL405 timestamp-in-seconds: epoch seconds where the partner wants milliseconds."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from brazelint.checks.payload import json_path, leaf_path
from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.payload import JsonBody
    from brazelint.checks.positions import Reporter

RULE = Rule(
    code="BL405",
    name="timestamp-in-seconds",
    severity="error",
    summary="A timestamp in seconds where the partner expects milliseconds.",
    why=(
        'Liquid\'s date: "%s" gives seconds, while event APIs such as Movable Ink '
        "count milliseconds, so the event is dated in January 1970."
    ),
    bad='{"timestamp": {{ "now" | date: "%s" }}}',
    good='{"timestamp": {{ "now" | date: "%s" | times: 1000 }}}',
    fix="unsafe",
)

NUMERIC = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")
SECONDS = (10**9, 10**10)
"""Epoch seconds from 2001 to 2286: ten digits, where milliseconds have thirteen."""


def is_seconds(value: Any) -> bool:
    """Whether ``value`` (a number, or digits in a string) is a time in epoch seconds."""
    if isinstance(value, str) and NUMERIC.match(value):
        value = float(value)
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and SECONDS[0] <= value < SECONDS[1]
    )


def check_json(body: JsonBody, reporter: Reporter) -> None:
    """BL405 for a value under a ``timestamp`` key that is a time in seconds."""
    if body.adversarial:
        return
    for parent, step, value in body.leaves:
        if isinstance(step, str) and "timestamp" in step.lower() and is_seconds(value):
            path = leaf_path(parent, step)
            body.report_value(
                reporter,
                RULE.code,
                path,
                f"{json_path(path)} is a time in seconds; the partner expects milliseconds",
                hint='multiply by 1000: {{ "now" | date: "%s" | times: 1000 }}',
            )
