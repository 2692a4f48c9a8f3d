"""BL407 empty-required-value: required values that render empty."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from brazelint.rules.base import Rule, Setup

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

    from brazelint.checks.payload import JsonBody

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

_NEEDS_A_VALUE = ("minLength", "pattern", "enum", "format", "const")


def explain(
    error: ValidationError, where: str, body: JsonBody, span: tuple[int, int]
) -> Optional[tuple[str, str]]:
    """The message and hint when an empty string fails a rule that needs a value."""
    if error.instance != "" or error.validator not in _NEEDS_A_VALUE:
        return None
    return (
        f"{where} is empty for this profile; the schema requires a value",
        "the attribute is unset: give it a default, or abort_message when it is blank",
    )
