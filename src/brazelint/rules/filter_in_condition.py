"""BL206 filter-in-condition: filters written inside a condition."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL206",
    name="filter-in-condition",
    severity="error",
    summary=("A filter inside an if, unless, elsif or for condition, which Braze does not allow."),
    why=(
        "Braze's conditions take plain values only; a filter there is a syntax error "
        "or is silently dropped, so the condition tests something else."
    ),
    bad="{% if custom_attribute.${cart} | size > 3 %}",
    good=("{% assign cart_size = custom_attribute.${cart} | size %}{% if cart_size > 3 %}"),
    overrides=("BL001", "BL002", "BL003"),
)
