"""BL105 unescaped-query-value: user values that change the query string they are put in."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter

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

ESCAPING_FILTERS = ("url_param_escape", "url_escape", "url_encode")
OUTPUT_IN_TEXT = re.compile(r"\{\{.*?\}\}\}?", re.S)


def check_url(url: str, offset: int, reporter: Reporter, *, connected_content: bool) -> None:
    """BL105 for each ``{{ }}`` in the query string that goes through no escaping filter."""
    query = url.find("?")
    if query < 0:
        return
    for found in OUTPUT_IN_TEXT.finditer(url, query):
        if not any(name in found.group() for name in ESCAPING_FILTERS):
            reporter.at_offset(
                RULE.code,
                offset + found.start(),
                "Liquid value in the query string is not URL-escaped",
                end=offset + found.end(),
                hint=f"add a filter: {_with_filter(found.group(), 'url_param_escape')}",
            )


def _with_filter(output: str, filter_name: str) -> str:
    inner = output[2:-2].strip() if not output.endswith("}}}") else output[2:-2]
    return f"{{{{{inner} | {filter_name}}}}}"
