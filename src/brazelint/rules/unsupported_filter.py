"""BL205 unsupported-filter: Shopify filters Braze does not support."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.engine.filter_support import FILTER_SUPPORT, UNSUPPORTED_UNKNOWN
from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter

RULE = Rule(
    code="BL205",
    name="unsupported-filter",
    severity="error",
    summary="A filter Braze does not support, so Braze cannot render the template.",
    why=(
        "Braze refuses or mangles a message with a filter it does not support, "
        "whatever it renders here."
    ),
    bad="{{ price | money_with_currency }}",
    good="${{ price | money }}",
    overrides=("BL301", "BL302"),
    overrides_at="position",
)


def check_filter(name: str, start: int, known: tuple[str, ...], reporter: Reporter) -> None:
    """BL205 for a Shopify filter Braze does not have, or one it documents as unsupported."""
    if name in UNSUPPORTED_UNKNOWN:
        hint = UNSUPPORTED_UNKNOWN[name]
    elif name in known and FILTER_SUPPORT.get(name, "supported") == "unsupported":
        hint = "rewrite it with supported filters"
    else:
        return
    reporter.at_offset(
        RULE.code,
        start,
        f"filter '{name}' is not supported in Braze",
        end=start + len(name),
        hint=hint,
    )
