"""BL105 unescaped-query-value: user values that change the query string they are put in."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL105",
    name="unescaped-query-value",
    severity="warning",
    summary="A Liquid value in a URL query string without url_param_escape.",
    why="A `+`, `&` or space in the value changes or breaks the query.",
    bad=(
        "{% connected_content "
        "https://api.example.com/offers?email={{${email_address}}} :save offers %}"
    ),
    good=(
        "{% connected_content "
        "https://api.example.com/offers?email={{${email_address} | "
        "url_param_escape}} :save offers %}"
    ),
    fix="safe",
)
