"""BL002 unknown-tag: a tag name nobody defines, usually a typo."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL002",
    name="unknown-tag",
    severity="error",
    summary="A tag that neither Liquid nor Braze defines.",
    why=(
        "A misspelt tag name stops the whole template from parsing; the closest "
        "known tag is usually what was meant."
    ),
    bad="{% connected_contnet https://api.example.com/offers :save offers %}",
    good="{% connected_content https://api.example.com/offers :save offers %}",
)
