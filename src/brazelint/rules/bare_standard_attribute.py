"""BL207 bare-standard-attribute: standard attribute names written without ${}."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.checks.braze_reading import check_bare_attributes
from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.checks.source_scan import SourceFacts

RULE = Rule(
    code="BL207",
    name="bare-standard-attribute",
    severity="error",
    summary=(
        "A standard attribute's name without ${}, which Braze reads as an undefined variable."
    ),
    why=(
        "Braze only substitutes attributes written inside ${}; {{first_name}} is an "
        "ordinary variable, empty unless the template assigns it."
    ),
    bad="Hi {{first_name}}",
    good="Hi {{${first_name}}}",
    fix="safe",
)


def check(source: str, facts: SourceFacts, reporter: Reporter) -> None:
    """BL207 for each standard attribute's name read as a variable the template never
    assigns (``checks.braze_reading``)."""
    check_bare_attributes(facts.markups, facts.assigned, reporter)
