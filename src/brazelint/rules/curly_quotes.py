"""BL004 curly-quotes: typographic quotes that Liquid does not read as quotes."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL004",
    name="curly-quotes",
    severity="error",
    summary="Typographic quotes inside a tag, which Liquid does not read as quotes.",
    why=(
        "Text pasted from a word processor or a rich-text editor often carries curly "
        "quotes; inside a tag they are not string delimiters, so the tag fails or "
        "reads something else."
    ),
    bad='{{ “now” | date: "%Y" }}',
    good='{{ "now" | date: "%Y" }}',
    fix="safe",
    overrides=("BL001", "BL002", "BL003"),
)
