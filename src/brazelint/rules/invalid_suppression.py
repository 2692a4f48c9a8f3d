"""BL902 invalid-suppression: brazelint: comments with an unknown code or form."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL902",
    name="invalid-suppression",
    severity="warning",
    summary="A brazelint: comment with an unknown code or form.",
    why=(
        "A misspelt code or directive suppresses nothing, so the finding it was "
        "meant for is still reported and the comment only misleads."
    ),
    bad="{% comment %}brazelint: disable BL4O3{% endcomment %}",
    good="{% comment %}brazelint: disable BL403{% endcomment %}",
)
