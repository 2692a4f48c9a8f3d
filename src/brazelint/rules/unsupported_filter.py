"""BL205 unsupported-filter: Shopify filters Braze does not support."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL205",
    name="unsupported-filter",
    severity="error",
    summary="A filter Braze does not support, so Braze cannot render the template.",
    why=(
        "Braze refuses or mangles a message with a filter it does not support, "
        "whatever it renders here."
    ),
    bad="{{ price | money_with_currency }}",
    good="${{ price | money }}",
    overrides=("BL301", "BL302"),
    overrides_at="position",
)
