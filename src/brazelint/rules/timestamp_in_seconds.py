"""BL405 timestamp-in-seconds: epoch seconds where the partner wants milliseconds."""

from __future__ import annotations

from brazelint.rules.base import Rule

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
