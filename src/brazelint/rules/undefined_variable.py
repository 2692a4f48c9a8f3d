"""BL202 undefined-variable: variables nothing defines."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL202",
    name="undefined-variable",
    severity="error",
    summary="A variable Braze never defines and the template never assigns.",
    why=(
        "Braze renders unknown variables as empty text; Postman-style placeholders "
        "pasted from partner docs are the usual cause."
    ),
    bad='"url": "https://{{endpoint_core}}/v1/tags"',
    good=('{% assign endpoint = "api.example.com" %}"url": "https://{{endpoint}}/v1/tags"'),
)
