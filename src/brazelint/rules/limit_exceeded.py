"""BL302 limit-exceeded: renders that run past a limit."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL302",
    name="limit-exceeded",
    severity="error",
    summary="A render ran past a limit (loop iterations, output size, nesting, time, memory).",
    why=(
        "Braze gives a message only so much time and size to render; a template that "
        "loops or grows without bound fails for those users, and stops the lint from "
        "checking the rest."
    ),
    bad="{% for i in (1..10000000) %}{% endfor %}",
    good="{% for item in items limit: 20 %}{% endfor %}",
)
