"""BL005 symbolic-boolean-operator: && and || that Braze's lax parser silently cuts off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.checks.braze_reading import check_symbolic_operators
from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.checks.source_scan import SourceFacts

RULE = Rule(
    code="BL005",
    name="symbolic-boolean-operator",
    severity="error",
    summary="&& or || in a condition, where Braze keeps only the comparison before it.",
    why=(
        "Braze reads tags as Ruby Liquid's lax parser does: it stops reading a "
        "condition at && or || without an error, so `hour >= 19 && hour < 20` is "
        "true at 23:00."
    ),
    bad="{% if hour >= 19 && hour < 20 %}",
    good="{% if hour >= 19 and hour < 20 %}",
    fix="safe",
)


def check(source: str, facts: SourceFacts, reporter: Reporter) -> None:
    """BL005 for each ``&&`` / ``||`` in a condition (how Braze reads it:
    ``checks.braze_reading``)."""
    for markup in facts.markups:
        check_symbolic_operators(markup, reporter)
