"""BL307 not-rendered: template lines no profile renders."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Optional

from brazelint.checks.coverage import line_ranges
from brazelint.rules.base import Rule, Setup

if TYPE_CHECKING:
    from brazelint.analysis.branches import Branch
    from brazelint.checks.coverage import CoverageFacts
    from brazelint.checks.positions import Reporter

RULE = Rule(
    code="BL307",
    name="not-rendered",
    severity="info",
    summary="Template lines no profile renders, so no check ever looked at them.",
    why=(
        "A branch no profile reaches is sent to real users unchecked; the hint names "
        "the values that reach it."
    ),
    bad="{% if custom_attribute.${tier} == 'gold' %}Gold{% else %}{{ broken }}{% endif %}",
    good="{% if custom_attribute.${tier} == 'gold' %}Gold{% else %}Silver{% endif %}",
    setup=Setup(
        config="generated-profiles = false\n",
        files=(
            ("profiles/gold_user.yaml", ("name: gold_user\ncustom_attributes: {tier: gold}\n")),
        ),
    ),
    good_setup=Setup(
        config="generated-profiles = false\n",
        files=(
            ("profiles/gold_user.yaml", ("name: gold_user\ncustom_attributes: {tier: gold}\n")),
            (
                "profiles/silver_user.yaml",
                ("name: silver_user\ncustom_attributes: {tier: silver}\n"),
            ),
        ),
    ),
)


def check_coverage(facts: CoverageFacts, reporter: Reporter) -> None:
    """BL307 for each branch no profile enters (with the values that would reach it, when
    its conditions are simple), and for lines every profile that got there stopped before.

    When every profile stopped, what lies past the furthest stop is BL308's.
    """
    if not facts.traces:
        return
    index, source = reporter.index, reporter.source
    reach, furthest = facts.reach, facts.furthest
    reported: set[int] = set()
    for branch in facts.branches:
        if reach[branch] or (branch.parent is not None and not reach[branch.parent]):
            continue
        if index.position(branch.tag)[0] > furthest:
            continue  # every profile stopped before it: BL308 says so
        span = _report_branch(branch, facts.unrendered, reporter, facts.aliases)
        if span is not None:
            reported.update(range(span[0], span[1] + 1))
    if facts.everyone_stopped:
        return
    for first, last in line_ranges(sorted(facts.unrendered - reported)):
        reporter.at(
            RULE.code,
            first,
            _first_column(source, index, first),
            f"no profile renders {_lines(first, last)}: every profile that gets there "
            f"stops earlier",
            end_line=last,
            end_column=index.line_end(last),
        )


def _report_branch(
    branch: Branch,
    unrendered: set[int],
    reporter: Reporter,
    aliases: Mapping[str, tuple[Any, ...]],
) -> Optional[tuple[int, int]]:
    source, index = reporter.source, reporter.index
    body = source[branch.start : branch.end]
    if not body.strip():
        return None
    first_offset = branch.start + len(body) - len(body.lstrip())
    last_offset = branch.start + len(body.rstrip()) - 1
    first_line, last_line = index.position(first_offset)[0], index.position(last_offset)[0]
    lines = [line for line in range(first_line, last_line + 1) if line in unrendered]
    from brazelint.analysis.conditions import describe_branch, reaching_hint

    what = describe_branch(branch)
    if lines:
        span = (lines[0], lines[-1])
        message = f"no profile renders {_lines(*span)}, {what}"
        line, column = span[0], _first_column(source, index, span[0])
        if span[0] == first_line:
            column = index.position(first_offset)[1]
        end_line, end_column = span[1], index.line_end(span[1])
    else:
        span = None
        line, column = index.position(first_offset)
        message = f"no profile renders {what} (line {line})"
        end_line, end_column = line, index.position(last_offset)[1] + 1
        if index.position(last_offset)[0] != line:
            end_column = index.line_end(line)
    reporter.at(
        RULE.code,
        line,
        column,
        message,
        end_line=end_line,
        end_column=end_column,
        hint=reaching_hint(branch, aliases),
    )
    return span


def _lines(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}\N{EN DASH}{last}"


def _first_column(source: str, index: Any, line: int) -> int:
    start = index.offset(line, 1)
    end = source.find("\n", start)
    text = source[start : len(source) if end < 0 else end]
    return len(text) - len(text.lstrip()) + 1
