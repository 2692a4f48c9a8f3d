"""BL207 bare-standard-attribute: standard attribute names written without ${}."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL207",
    name="bare-standard-attribute",
    severity="error",
    summary=(
        "A standard attribute's name without ${}, which Braze reads as an undefined variable."
    ),
    why=(
        "Braze only substitutes attributes written inside ${}; {{first_name}} is an "
        "ordinary variable, empty unless the template assigns it."
    ),
    bad="Hi {{first_name}}",
    good="Hi {{${first_name}}}",
    fix="safe",
)
