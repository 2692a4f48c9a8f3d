"""BL407 empty-required-value: required values that render empty."""

from __future__ import annotations

from brazelint.rules.base import Rule, Setup

RULE = Rule(
    code="BL407",
    name="empty-required-value",
    severity="error",
    summary="A value the schema requires renders empty for a profile.",
    why=(
        "An unset attribute renders as an empty string, which the partner refuses "
        "where it needs a value, or stores as a useless blank."
    ),
    bad='{"tags": ["{{custom_attribute.${tier} | json_escape}}"]}',
    good=('{"tags": ["{{custom_attribute.${tier} | default: \'member\' | json_escape}}"]}'),
    setup=Setup(
        config='schemas = {"*.liquid" = "sessionm/tags"}\n',
    ),
)
