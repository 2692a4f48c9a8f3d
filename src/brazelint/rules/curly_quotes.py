"""BL004 curly-quotes: typographic quotes that Liquid does not read as quotes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.checks.source_scan import SourceFacts

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

_CURLY_QUOTE_CHARS = "\u201c\u201d\u2018\u2019"
CURLY_QUOTES = re.compile(f"[{_CURLY_QUOTE_CHARS}]")


def check(source: str, facts: SourceFacts, reporter: Reporter) -> None:
    """BL004 at the first typographic quote in each tag or output statement."""
    if source.isascii() or not any(quote in source for quote in _CURLY_QUOTE_CHARS):
        return  # a markup is a slice of the source, so none of them holds one
    for markup in facts.markups:
        found = CURLY_QUOTES.search(markup.text)
        if found:
            straight = '"' if found.group() in "\u201c\u201d" else "'"
            reporter.at_offset(
                RULE.code,
                markup.start + found.start(),
                f"typographic quote {found.group()} in a Liquid "
                f"{'output' if markup.name == 'output' else 'tag'}",
                hint=f"replace it with a straight quote {straight}",
            )
