"""BL301 render-error: renders that fail for a profile."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL301",
    name="render-error",
    severity="error",
    summary="The template failed while rendering for a profile.",
    why=(
        "A render that fails in Braze sends nothing to that user, and the template "
        "gives no sign of it until someone misses the message."
    ),
    bad='{{ "abc" | divided_by: 0 }}',
    good="{{ price | divided_by: 2 }}",
)
