"""BL404 quoted-placeholder: quoted placeholders where the schema wants a number or boolean."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from brazelint.checks.schema_messages import expected_types
from brazelint.rules.base import Rule, Setup

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

    from brazelint.checks.payload import JsonBody

RULE = Rule(
    code="BL404",
    name="quoted-placeholder",
    severity="error",
    summary=(
        "A quoted placeholder makes a value a string where the schema wants a number or boolean."
    ),
    why=(
        "Liquid output is text, so quotes around a placeholder make the value a JSON "
        "string even when it holds digits; a partner that wants a number refuses it."
    ),
    bad='{"tags": ["vip"], "ttl": "{{custom_attribute.${ttl}}}"}',
    good='{"tags": ["vip"], "ttl": {{custom_attribute.${ttl} | default: 2592000}}}',
    fix="unsafe",
    setup=Setup(
        config='schemas = {"*.liquid" = "sessionm/tags"}\n',
    ),
)


def explain(
    error: ValidationError, where: str, body: JsonBody, span: tuple[int, int]
) -> Optional[tuple[str, str]]:
    """The message and hint when a string the template printed between quotes stands where
    the schema wants a number or a boolean."""
    if error.validator != "type" or not isinstance(error.instance, str):
        return None
    expected = expected_types(error)
    if not expected & {"number", "integer", "boolean"}:
        return None
    if not body.locator.printed_within(span[0] + 1, span[1] - 1):
        return None
    wanted = "a boolean" if expected == {"boolean"} else "a number"
    return (
        f"{where} is a string; the schema wants {wanted}",
        "remove the quotes around the placeholder (and give it a default)",
    )
