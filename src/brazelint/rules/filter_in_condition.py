"""BL206 filter-in-condition: filters written inside a condition."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.checks.source_scan import SourceFacts

RULE = Rule(
    code="BL206",
    name="filter-in-condition",
    severity="error",
    summary="A filter inside an if, unless, elsif or for condition, which Braze does not allow.",
    why=(
        "Braze's conditions take plain values only; a filter there is a syntax error "
        "or is silently dropped, so the condition tests something else."
    ),
    bad="{% if custom_attribute.${cart} | size > 3 %}",
    good="{% assign cart_size = custom_attribute.${cart} | size %}{% if cart_size > 3 %}",
    overrides=("BL001", "BL002", "BL003"),
)

CONDITION_TAGS = frozenset({"if", "elsif", "unless", "case", "when", "for", "tablerow"})


def check(source: str, facts: SourceFacts, reporter: Reporter) -> None:
    """BL206 at the first filter pipe outside quotes in each condition."""
    for markup in facts.markups:
        if markup.name not in CONDITION_TAGS:
            continue
        pipe = _unquoted_index(markup.text.replace("||", "  "), "|")  # `||` is BL005's
        if pipe < 0:
            continue
        article = "an" if markup.name[:1] in "aeiou" else "a"
        reporter.at_offset(
            RULE.code,
            markup.start + pipe,
            f"filters are not allowed in {article} '{markup.name}' condition",
            hint="assign the filtered value first: {% assign n = list | size %}{% if n > 3 %}",
        )


def _unquoted_index(text: str, char: str) -> int:
    index = text.find(char)
    if index < 0 or (text.find("'", 0, index) < 0 and text.find('"', 0, index) < 0):
        return index  # not there at all, or no quote before it
    quote = ""
    for index, current in enumerate(text):
        if quote:
            if current == quote:
                quote = ""
        elif current in "'\"":
            quote = current
        elif current == char:
            return index
    return -1
