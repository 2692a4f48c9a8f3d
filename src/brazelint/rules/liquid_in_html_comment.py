"""BL006 liquid-in-html-comment: Liquid hidden in an HTML comment that Braze strips first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.checks.braze_reading import check_html_comments
from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.checks.source_scan import SourceFacts

RULE = Rule(
    code="BL006",
    name="liquid-in-html-comment",
    severity="warning",
    summary="Liquid inside an HTML comment, which Braze removes before any Liquid runs.",
    why=(
        "Braze strips <!-- … --> first, so Liquid there neither prints, aborts nor "
        "calls Connected Content; whoever reads the template may think it does."
    ),
    bad="<!-- {% connected_content https://api.example.com/a :save a %} -->",
    good="{% comment %}{% connected_content https://api.example.com/a :save a %}{% endcomment %}",
)


def check(source: str, facts: SourceFacts, reporter: Reporter) -> None:
    """BL006 at the first Liquid inside each HTML comment (``checks.braze_reading``)."""
    check_html_comments(source, reporter)
