"""Fix functions by rule name, each with its safety.

A fix function registers itself with :func:`fixer` under the rule it fixes, by the rule's
*name* (``invalid-json``), which survives renumbering. Each rule declares whether it can
be fixed (``brazelint.rules.base.Rule.fix``); ``tests/rules`` holds the two to agree.

Safe fixes keep what every user receives (or repair a body that could not be sent);
unsafe ones may change it, so they are only offered, and applied with ``--unsafe-fixes``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Optional

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic
    from brazelint.fixes.edits import Edit
    from brazelint.fixes.source import Source


@dataclass(frozen=True)
class Fix:
    """What one fix function proposes for one finding."""

    title: str
    edits: tuple[Edit, ...]
    safe: bool
    rule: str
    diagnostic: Diagnostic
    becomes: tuple[str, ...] = ()


FixFunction = Callable[["Source", "Diagnostic"], "Optional[tuple[str, list[Edit]]]"]
"""Returns a title and the edits, or ``None`` when the finding is not one it can fix."""


@dataclass(frozen=True)
class Fixer:
    rule: str
    function: FixFunction
    safe: bool
    syntax: bool
    """Allowed on a file that does not parse (it repairs what stops the parse)."""
    summary: str
    becomes: tuple[str, ...] = ()
    """Milder rules the finding may turn into on its own line (a typo'd attribute fixed
    becomes an attribute some profiles lack)."""


_FIXERS: dict[str, list[Fixer]] = {}
_LOADED = False

MODULES = (
    "brazelint.fixes.json_fixes",
    "brazelint.fixes.markup_fixes",
    "brazelint.fixes.payload_fixes",
    "brazelint.fixes.suppression_fixes",
)


def fixer(
    rule: str,
    *,
    safe: bool,
    summary: str,
    syntax: bool = False,
    becomes: tuple[str, ...] = (),
) -> Callable[[FixFunction], FixFunction]:
    """Register the decorated function as a fix for rule ``rule`` (a rule name)."""

    def register(function: FixFunction) -> FixFunction:
        found = Fixer(rule, function, safe, syntax, summary, becomes)
        _FIXERS.setdefault(rule, []).append(found)
        return function

    return register


def fixers() -> dict[str, list[Fixer]]:
    """Every registered fixer by rule name (the fix modules are imported on first use)."""
    global _LOADED
    if not _LOADED:
        import importlib

        for module in MODULES:
            importlib.import_module(module)
        _LOADED = True
    return _FIXERS


def fix_for(
    source: Source,
    diagnostic: Diagnostic,
    *,
    syntax_only: bool = False,
    unsafe: bool = True,
) -> Optional[Fix]:
    """The first registered fix that applies to ``diagnostic``, if any (a safe one only,
    unless ``unsafe``)."""
    for candidate in fixers().get(diagnostic.name, ()):
        if (syntax_only and not candidate.syntax) or (not unsafe and not candidate.safe):
            continue
        proposed = candidate.function(source, diagnostic)
        if proposed is not None and proposed[1]:
            title, edits = proposed
            return Fix(
                title, tuple(edits), candidate.safe, candidate.rule, diagnostic, candidate.becomes
            )
    return None


def fixability(rule: str) -> Optional[str]:
    """``safe``, ``unsafe``, ``safe, unsafe`` or ``None``: how a rule can be fixed."""
    kinds = sorted({"safe" if f.safe else "unsafe" for f in fixers().get(rule, ())})
    return ", ".join(kinds) or None


def summaries(rule: str) -> list[tuple[str, bool]]:
    """Each fix a rule has: what it does, and whether it is safe."""
    return [(f.summary, f.safe) for f in fixers().get(rule, ())]
