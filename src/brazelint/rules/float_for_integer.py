"""BL410 float-for-integer: whole numbers written with a fraction."""

from __future__ import annotations

from brazelint.rules.base import Rule, Setup

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
