"""BL003 unsupported-tag: Shopify tags Braze never runs."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL003",
    name="unsupported-tag",
    severity="error",
    summary="A Shopify tag Braze does not run, such as include or render.",
    why=(
        "Braze implements only part of Shopify Liquid: snippets and theme tags do "
        "not exist there, and shared markup comes from Content Blocks instead."
    ),
    bad="{% render 'footer' %}",
    good="{{content_blocks.${footer}}}",
)
