"""BL202 undefined-variable: variables nothing defines."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.checks.render_checks import RenderFacts
    from brazelint.result import RenderResult

from brazelint.checks.render_checks import undefined_reads
from brazelint.rules.base import Rule

RULE = Rule(
    code="BL202",
    name="undefined-variable",
    severity="error",
    summary="A variable Braze never defines and the template never assigns.",
    why=(
        "Braze renders unknown variables as empty text; Postman-style placeholders "
        "pasted from partner docs are the usual cause."
    ),
    bad='"url": "https://{{endpoint_core}}/v1/tags"',
    good=('{% assign endpoint = "api.example.com" %}"url": "https://{{endpoint}}/v1/tags"'),
)


def check_render(
    result: RenderResult, profile: str, reporter: Reporter, facts: RenderFacts, *, generated: bool
) -> None:
    """BL202 for a name read while undefined that neither Braze nor the template (or its
    Content Blocks) defines anywhere; reported once, for no profile in particular."""
    for read in undefined_reads(result, reporter):
        if not read.is_attribute and read.root not in facts.assigned:
            use = read.use
            reporter.at(
                RULE.code,
                use.line,
                use.column,
                f"'{read.root}' is never assigned and Braze does not define it; it renders empty",
                end_column=use.column + len(read.root),
                profile=None,
                hint="assign it first, or use ${attribute} / custom_attribute.${name}",
            )
