"""BL306 check-failed: files brazelint could not finish checking."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL306",
    name="check-failed",
    severity="error",
    summary=(
        "brazelint could not finish checking the file (an unusable schema, an input "
        "past what it can handle), so other findings may be missing."
    ),
    why=(
        "One file never stops a run: the others are still checked and reported, and "
        "this one fails the run until it can be checked."
    ),
    bad="{% comment %}brazelint: schema=sesionm/tags{% endcomment %}",
    good="{% comment %}brazelint: schema=sessionm/tags{% endcomment %}",
)
