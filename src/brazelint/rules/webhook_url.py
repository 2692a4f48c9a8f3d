"""BL411 webhook-url: webhook URLs Braze cannot call as intended."""

from __future__ import annotations

from brazelint.rules.base import Rule, Setup

RULE = Rule(
    code="BL411",
    name="webhook-url",
    severity="error",
    summary="A webhook URL that is not absolute https, or has an empty host or path segment.",
    why=(
        "A value that renders empty leaves `//` in the path or no host at all, so "
        "the webhook calls the wrong endpoint or none; Braze needs an absolute URL."
    ),
    bad=(
        'url: "https://api.example.com/users/{{${user_id}}}/tags"\nbody: |\n  {"tags": ["vip"]}\n'
    ),
    good=(
        "url: \"https://api.example.com/users/{{${user_id} | default: 'unknown' | "
        'url_param_escape}}/tags"\n'
        "body: |\n"
        '  {"tags": ["vip"]}\n'
    ),
    setup=Setup(
        file="tag.webhook.yaml",
    ),
)
