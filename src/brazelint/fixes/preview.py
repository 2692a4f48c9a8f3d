"""Fixes in the live preview: each finding's fix shown as a diff, and applied on request.

The page's one write goes through :func:`apply_fix`, which proves the fix the way
``--fix`` does (re-lint for every profile, the finding gone, nothing new) before the
file is replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from brazelint.fixes.apply import verdict
from brazelint.fixes.diff import unified
from brazelint.fixes.edits import apply_edits
from brazelint.fixes.registry import Fix, fix_for
from brazelint.fixes.source import Source

if TYPE_CHECKING:
    from pathlib import Path

    from brazelint.checks.diagnostic import Diagnostic
    from brazelint.fixes.run import Target
    from brazelint.lint.linter import Linter

FixKey = tuple[str, int, int]
"""A finding as the page names it: code, line, column."""


@dataclass(frozen=True)
class FixPreview:
    title: str
    safe: bool
    diff: str


def fix_previews(
    source: str, diagnostics: Sequence[Diagnostic], display: str
) -> dict[FixKey, FixPreview]:
    """The proposed fix of each finding in ``display`` (not yet proven: that is on apply)."""
    parsed = Source(source)
    found: dict[FixKey, FixPreview] = {}
    for diagnostic in diagnostics:
        key = (diagnostic.code, diagnostic.line, diagnostic.column)
        if diagnostic.path != display or key in found:
            continue
        fix = fix_for(parsed, diagnostic)
        if fix is not None:
            after = apply_edits(source, fix.edits)
            found[key] = FixPreview(fix.title, fix.safe, unified(display, source, after))
    return found


def apply_fix(linter: Linter, path: Path, display: str, key: FixKey) -> Optional[str]:
    """Apply the fix of finding ``key`` in ``path`` (or its webhook body file).

    ``None`` when written; otherwise why not (and nothing was written).
    """
    from brazelint.fixes.run import targets
    from brazelint.fixes.write import write_fixed
    from brazelint.sources import read_template

    code, line, column = key
    for target in targets(linter, path, display):
        text = read_template(target.path)
        before = target.lint(text)
        diagnostic = next(
            (d for d in before if (d.code, d.line, d.column) == key and d.path == target.display),
            None,
        )
        if diagnostic is None:
            continue
        fix = fix_for(Source(text), diagnostic)
        if fix is None:
            return f"{code} at {line}:{column} has no fix"
        after = apply_edits(text, fix.edits)
        broken = target.parses is not None and not target.parses(text)
        reason = verdict(text, before, after, target.lint(after), [fix], broken=broken)
        if reason is not None:
            return f"fix not applied: {reason}"
        write_fixed(target.path, after)
        return None
    return f"no {code} finding at {line}:{column} any more"


def proven_fixes(
    target: Target, text: str, wanted: Callable[[Diagnostic], bool] = lambda d: True
) -> list[Fix]:
    """The fix of each ``wanted`` finding in ``text`` that the re-lint proves, as
    :func:`apply_fix` proves it (safe and unsafe; a refused fix is left out)."""
    before = target.lint(text)
    broken = target.parses is not None and not target.parses(text)
    source = Source(text)
    proven: list[Fix] = []
    for diagnostic in before:
        if diagnostic.path != target.display or not wanted(diagnostic):
            continue
        fix = fix_for(source, diagnostic)
        if fix is None:
            continue
        after = apply_edits(text, fix.edits)
        if verdict(text, before, after, target.lint(after), [fix], broken=broken) is None:
            proven.append(fix)
    return proven
