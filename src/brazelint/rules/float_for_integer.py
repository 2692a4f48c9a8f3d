"""BL410 float-for-integer: whole numbers written with a fraction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from brazelint.checks.schema_messages import expected_types
from brazelint.rules.base import Rule, Setup

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

    from brazelint.checks.payload import JsonBody

RULE = Rule(
    code="BL410",
    name="float-for-integer",
    severity="error",
    summary="A whole number written with a fraction where the partner wants an integer.",
    why="JSON Schema counts 2592000.0 as an integer, but strict partner APIs do not.",
    bad='{"tags": ["vip"], "ttl": 2592000.0}',
    good='{"tags": ["vip"], "ttl": 2592000}',
    setup=Setup(
        config='schemas = {"*.liquid" = "sessionm/tags"}\n',
    ),
)


def explain(
    error: ValidationError, where: str, body: JsonBody, span: tuple[int, int]
) -> Optional[tuple[str, str]]:
    """The message and hint when the schema wants an integer and got ``2592000.0``."""
    instance = error.instance
    if error.validator != "type" or not isinstance(instance, float):
        return None
    if not instance.is_integer() or "integer" not in expected_types(error):
        return None
    return (
        f"{where} is {instance!r}, written with a fraction; the partner wants an integer",
        f"print it without the fraction: {int(instance)} (| round or | floor)",
    )
