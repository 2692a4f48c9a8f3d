"""BL203 attribute-missing: values some profiles lack, printed without a default."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.checks.render_checks import RenderFacts
    from brazelint.result import RenderResult

from brazelint.checks.render_checks import BRAZE_ROOTS, undefined_reads
from brazelint.rules.base import Rule

RULE = Rule(
    code="BL203",
    name="attribute-missing",
    severity="warning",
    summary="A value a profile does not have is printed without a default, so it renders empty.",
    why=(
        "Any attribute can be unset for some users, and an unset one prints nothing, "
        "leaving a gap such as `Hi ,` in what they receive."
    ),
    bad="Hi {{${first_name}}},",
    good="Hi {{${first_name} | default: 'there'}},",
    fix="unsafe",
)


def check_render(
    result: RenderResult, profile: str, reporter: Reporter, facts: RenderFacts, *, generated: bool
) -> None:
    """BL203 for a value Braze defines that this profile lacks, printed where no filter
    gives it a value (an unknown ``${attribute}`` is BL201's, for every profile)."""
    for read in undefined_reads(result, reporter):
        if read.is_attribute and read.root in BRAZE_ROOTS and read.offset in facts.unguarded:
            use = read.use
            reporter.at(
                RULE.code,
                use.line,
                use.column,
                f"{use.path} is not set for this profile and renders empty",
                end_column=read.end_column,
                profile=profile,
                hint="give it a default: {{ … | default: '…' }}",
            )
