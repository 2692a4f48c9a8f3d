"""BL208 undocumented-filter: standard filters Braze's documentation never mentions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.engine.filter_support import FILTER_SUPPORT, UNSUPPORTED_UNKNOWN
from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter

RULE = Rule(
    code="BL208",
    name="undocumented-filter",
    severity="warning",
    summary="A standard Liquid filter Braze's documentation never mentions; untested in Braze.",
    why=(
        "Braze supports only part of Shopify's filter set and lists what it "
        "supports; a filter it never mentions may work here and fail, or differ, "
        "when Braze renders it."
    ),
    bad="{{ cart | sum: 'price' }}",
    good="{% for item in cart %}{% assign total = total | plus: item.price %}{% endfor %}",
)


def check_filter(name: str, start: int, known: tuple[str, ...], reporter: Reporter) -> None:
    """BL208 for a defined filter Braze's documentation neither supports nor rules out."""
    if name in UNSUPPORTED_UNKNOWN or name not in known:
        return
    if FILTER_SUPPORT.get(name, "supported") in ("supported", "unsupported"):
        return
    reporter.at_offset(
        RULE.code,
        start,
        f"filter '{name}' is not documented in Braze",
        end=start + len(name),
        hint="it works here but may fail or differ in Braze; test it in the dashboard",
    )
