"""BL204 unknown-filter: filter names nobody defines, usually typos."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL204",
    name="unknown-filter",
    severity="error",
    summary="A filter neither Liquid nor Braze defines.",
    why=(
        "A filter that does not exist fails the render in Braze, so the message is "
        "not sent; the closest known filter is usually what was meant."
    ),
    bad="{{${email_address} | md55}}",
    good="{{${email_address} | md5}}",
    overrides=("BL301", "BL302"),
    overrides_at="position",
)
