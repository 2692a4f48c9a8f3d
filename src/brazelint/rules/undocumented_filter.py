"""BL208 undocumented-filter: standard filters Braze's documentation never mentions."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL208",
    name="undocumented-filter",
    severity="warning",
    summary=("A standard Liquid filter Braze's documentation never mentions; untested in Braze."),
    why=(
        "Braze supports only part of Shopify's filter set and lists what it "
        "supports; a filter it never mentions may work here and fail, or differ, "
        "when Braze renders it."
    ),
    bad="{{ cart | sum: 'price' }}",
    good=("{% for item in cart %}{% assign total = total | plus: item.price %}{% endfor %}"),
)
