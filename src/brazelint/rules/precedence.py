"""Which finding stands when two rules explain the same problem at the same place.

A rule declares the codes its findings replace (``Rule.overrides``, at the same line or
the same line and column: ``Rule.overrides_at``), so no check needs to look at what another
one reported before it, and the order checks run in changes nothing. The lint applies the
declarations once per file, after every check has run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from brazelint.rules.registry import TABLE

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic

Place = Union[tuple[str, int], tuple[str, int, int]]


def apply_precedence(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` without the findings another finding at the same place replaces.

    A finding of a code its own rule overrides is replaced only when it depends on a
    profile and the overriding one does not (a source finding says it once for everyone).
    """
    overriding: dict[Place, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        found = TABLE.get(diagnostic.code)
        if found is not None and found.overrides:
            overriding.setdefault(_place(diagnostic, found.overrides_at), []).append(diagnostic)
    if not overriding:
        return diagnostics
    return [d for d in diagnostics if not _replaced(d, overriding)]


def _replaced(diagnostic: Diagnostic, overriding: dict[Place, list[Diagnostic]]) -> bool:
    for at in ("line", "position"):
        for other in overriding.get(_place(diagnostic, at), ()):
            rule = TABLE[other.code]
            if rule.overrides_at != at or diagnostic.code not in rule.overrides:
                continue
            if other.code != diagnostic.code or (diagnostic.profiles and not other.profiles):
                return True
    return False


def _place(diagnostic: Diagnostic, at: str) -> Place:
    if at == "line":
        return (diagnostic.path, diagnostic.line)
    return (diagnostic.path, diagnostic.line, diagnostic.column)
