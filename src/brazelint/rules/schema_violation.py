"""BL402 schema-violation: rendered bodies that break the partner's schema."""

from __future__ import annotations

from brazelint.rules.base import Rule, Setup

RULE = Rule(
    code="BL402",
    name="schema-violation",
    severity="error",
    summary="The rendered body breaks the partner's JSON Schema.",
    why=(
        "A body that parses can still be refused: the partner checks field names, "
        "types and required members, and answers 400 to a body that breaks them."
    ),
    bad='{"tags": ["vip"], "ttl": "30 days"}',
    good='{"tags": ["vip"], "ttl": 2592000}',
    setup=Setup(
        config='schemas = {"*.liquid" = "sessionm/tags"}\n',
    ),
)
