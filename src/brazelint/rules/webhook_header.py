"""BL412 webhook-header: webhook headers that render empty or break the request."""

from __future__ import annotations

from brazelint.rules.base import Rule, Setup

RULE = Rule(
    code="BL412",
    name="webhook-header",
    severity="error",
    summary="A webhook header that renders empty, or breaks the request.",
    why=(
        "A header that renders empty is sent blank or dropped, and a line break in "
        "one breaks the request itself; either way the partner may refuse it."
    ),
    bad=(
        'url: "https://api.example.com/tags"\n'
        "headers:\n"
        '  X-Tier: "{{custom_attribute.${tier}}}"\n'
        "body: |\n"
        '  {"tags": ["vip"]}\n'
    ),
    good=(
        'url: "https://api.example.com/tags"\n'
        "headers:\n"
        "  X-Tier: \"{{custom_attribute.${tier} | default: 'member'}}\"\n"
        "body: |\n"
        '  {"tags": ["vip"]}\n'
    ),
    setup=Setup(
        file="tag.webhook.yaml",
        files=(("profiles/anonymous_user.yaml", ("name: anonymous_user\nattributes: {}\n")),),
    ),
)
