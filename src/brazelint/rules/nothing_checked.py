"""BL308 nothing-checked: runs where every profile aborts or fails."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.rules.base import Rule, Setup

if TYPE_CHECKING:
    from brazelint.checks.coverage import CoverageFacts
    from brazelint.checks.positions import Reporter

RULE = Rule(
    code="BL308",
    name="nothing-checked",
    severity="warning",
    summary="Every profile aborts or fails, so the message body was never checked.",
    why="A lint that rendered nothing past a guard has checked nothing past it.",
    bad="{% if ${user_id} == blank %}{% abort_message('no id') %}{% endif %}Hi",
    good="{% if ${user_id} == blank %}{% abort_message('no id') %}{% endif %}Hi",
    setup=Setup(
        config="generated-profiles = false\n",
        files=(("profiles/anonymous_user.yaml", ("name: anonymous_user\nattributes: {}\n")),),
    ),
    good_setup=Setup(
        config="generated-profiles = false\n",
        files=(
            ("profiles/anonymous_user.yaml", ("name: anonymous_user\nattributes: {}\n")),
            ("profiles/known_user.yaml", ("name: known_user\nattributes: {user_id: u-1}\n")),
        ),
    ),
)


def check_coverage(facts: CoverageFacts, reporter: Reporter) -> None:
    """BL308 when no profile renders the template, or every one aborts or fails."""
    if not facts.traces:
        reporter.at(
            RULE.code,
            1,
            1,
            "nothing was checked: no profile renders this template",
            hint="add a profile, or turn generated profiles back on",
        )
    elif facts.everyone_stopped:
        _report_all_stopped(facts, reporter)


def _report_all_stopped(facts: CoverageFacts, reporter: Reporter) -> None:
    traces, stops = facts.traces, facts.stops
    furthest = max(stops)
    at = next(t.stop for t, s in zip(traces, stops) if s == furthest and t.stop is not None)
    groups: dict[str, list[str]] = {}
    for trace in traces:
        groups.setdefault(trace.reason or "stopped", []).append(trace.profile)
    failed = any((t.reason or "").startswith("failed") for t in traces)
    verb = "aborted or failed" if failed else "aborted"
    why = "; ".join(f"{', '.join(names)}: {reason}" for reason, names in groups.items())
    reporter.at_offset(
        RULE.code,
        at,
        f"nothing past line {furthest} was checked: every profile {verb} — {why}",
        hint="add a profile that passes the guard, so the body is rendered and checked",
    )
