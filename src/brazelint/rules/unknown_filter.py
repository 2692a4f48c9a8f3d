"""BL204 unknown-filter: filter names nobody defines, usually typos."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from brazelint.engine.filter_support import UNSUPPORTED_UNKNOWN
from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter

RULE = Rule(
    code="BL204",
    name="unknown-filter",
    severity="error",
    summary="A filter neither Liquid nor Braze defines.",
    why=(
        "A filter that does not exist fails the render in Braze, so the message is "
        "not sent; the closest known filter is usually what was meant."
    ),
    bad="{{${email_address} | md55}}",
    good="{{${email_address} | md5}}",
    overrides=("BL301", "BL302"),
    overrides_at="position",
)


def check_filter(name: str, start: int, known: tuple[str, ...], reporter: Reporter) -> None:
    """BL204 for a filter no environment defines (and that is no Shopify filter Braze
    left out: BL205 says that)."""
    if name in UNSUPPORTED_UNKNOWN or name in known:
        return
    close = difflib.get_close_matches(name, known, n=1)
    reporter.at_offset(
        RULE.code,
        start,
        f"unknown filter '{name}'",
        end=start + len(name),
        hint=f"did you mean '{close[0]}'?" if close else "see `brazelint rules BL204`",
    )
