"""Precedence is data: a rule's ``overrides`` decide which of two findings at one place
stands, whatever order the checks reported them in."""

from __future__ import annotations

import itertools

from brazelint.checks.diagnostic import Diagnostic
from brazelint.rules.precedence import apply_precedence
from brazelint.rules.registry import rule


def finding(code: str, line: int, column: int, *profiles: str) -> Diagnostic:
    found = rule(code)
    return Diagnostic(
        path="t.liquid",
        line=line,
        column=column,
        code=code,
        name=found.name,
        severity=found.severity,
        message=f"{code} here",
        profiles=profiles,
    )


def kept(*diagnostics: Diagnostic) -> list[tuple[str, int, int, tuple[str, ...]]]:
    """What stands, the same for every order the findings arrive in."""
    results = {
        tuple((d.code, d.line, d.column, d.profiles) for d in apply_precedence(list(order)))
        for order in itertools.permutations(diagnostics)
    }
    standing = {tuple(sorted(result)) for result in results}
    assert len(standing) == 1, standing
    return list(standing.pop())


def test_a_filter_finding_replaces_the_render_error_at_its_position() -> None:
    assert kept(
        finding("BL204", 3, 5),
        finding("BL301", 3, 5, "known_user"),
        finding("BL301", 3, 9, "known_user"),
    ) == [("BL204", 3, 5, ()), ("BL301", 3, 9, ("known_user",))]


def test_a_source_finding_replaces_the_same_code_from_a_render_on_its_line() -> None:
    assert kept(
        finding("BL104", 2, 1),
        finding("BL104", 2, 30, "known_user"),
        finding("BL104", 4, 1, "known_user"),
    ) == [("BL104", 2, 1, ()), ("BL104", 4, 1, ("known_user",))]


def test_findings_of_the_same_code_that_need_no_profile_both_stand() -> None:
    assert kept(finding("BL104", 2, 1), finding("BL104", 2, 30)) == [
        ("BL104", 2, 1, ()),
        ("BL104", 2, 30, ()),
    ]


def test_a_sharper_source_finding_replaces_the_parse_error_on_its_line() -> None:
    assert kept(finding("BL004", 1, 4), finding("BL001", 1, 1), finding("BL001", 2, 1)) == [
        ("BL001", 2, 1, ()),
        ("BL004", 1, 4, ()),
    ]


def test_findings_no_rule_overrides_all_stand() -> None:
    assert kept(finding("BL401", 1, 1, "a"), finding("BL403", 1, 1, "adversarial")) == [
        ("BL401", 1, 1, ("a",)),
        ("BL403", 1, 1, ("adversarial",)),
    ]
