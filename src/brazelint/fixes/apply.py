"""Fix one file's text in passes, keeping only fixes that a re-lint proves.

Each pass asks every finding for a fix, applies the ones whose edits do not overlap
(the rest wait for the next pass), and lints the new text for every profile. A fix is
kept when the finding it targets is gone and no other finding appears, except findings
about a JSON body that only now parses (a comma fix reveals what the schema says: the
next pass may fix those). A fix that fails is dropped, with the reason, and the text
it would have touched stays as it was.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from brazelint.fixes.edits import Edit, apply_edits, map_offset, overlaps
from brazelint.fixes.registry import Fix, fix_for
from brazelint.fixes.source import Source

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic

MAX_PASSES = 10
SYNTAX_ERRORS = frozenset({"syntax-error", "unknown-tag", "unsupported-tag"})
REVEALED_BY_PARSING = frozenset(
    {
        "schema-violation",
        "unescaped-interpolation",
        "quoted-placeholder",
        "timestamp-in-seconds",
        "unhashed-personal-data",
        "empty-required-value",
        "documentation-placeholder",
        "unknown-event-name",
        "float-for-integer",
    }
)
"""Findings only a parsed JSON body can show."""

Lint = Callable[[str], list["Diagnostic"]]
Parses = Callable[[str], bool]
Key = tuple[str, int, int, Optional[str]]
"""A finding's identity across an edit: code, moved position and profile. A finding is
also the same when its code and message are (it moved: a comma now missing after the
line above a wrapped note), or its position is (its message quotes a URL the fix
escaped)."""


@dataclass
class Dropped:
    fix: Fix
    reason: str


@dataclass
class Outcome:
    """What fixing one text came to: the text, the fixes kept and dropped, what is left."""

    original: str
    text: str
    applied: list[Fix] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    remaining: list[Diagnostic] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.text != self.original


def fix_text(
    text: str, lint: Lint, *, unsafe: bool = False, parses: Optional[Parses] = None
) -> Outcome:
    """Fix ``text`` (linted by ``lint``) as far as proven fixes go.

    ``parses`` says whether a text parses as Liquid: one that does not gets only the
    fixes that repair syntax, and whatever its repair reveals is judged on the next pass.
    """
    outcome = Outcome(text, text)
    findings = lint(text)
    refused: set[tuple[str, str, str]] = set()
    for _ in range(MAX_PASSES):
        source = Source(outcome.text)
        broken = any(d.name in SYNTAX_ERRORS for d in findings) or (
            parses is not None and not parses(source.text)
        )
        chosen = _choose(source, findings, refused, unsafe=unsafe, syntax_only=broken)
        if not chosen:
            break
        kept = _try(source.text, findings, chosen, lint, outcome, refused, broken=broken)
        if kept is None:
            continue
        outcome.text, findings = kept
    outcome.remaining = findings
    return outcome


def _choose(
    source: Source,
    findings: Sequence[Diagnostic],
    refused: set[tuple[str, str, str]],
    *,
    unsafe: bool,
    syntax_only: bool,
) -> list[Fix]:
    chosen: list[Fix] = []
    for diagnostic in findings:
        fix = fix_for(source, diagnostic, syntax_only=syntax_only, unsafe=unsafe)
        if fix is None or _identity(fix) in refused:
            continue
        if any(overlaps(fix.edits, other.edits) for other in chosen):
            continue  # deferred to the next pass
        chosen.append(fix)
    return chosen


def _try(
    text: str,
    findings: list[Diagnostic],
    chosen: list[Fix],
    lint: Lint,
    outcome: Outcome,
    refused: set[tuple[str, str, str]],
    *,
    broken: bool,
) -> Optional[tuple[str, list[Diagnostic]]]:
    """All chosen fixes at once; when the re-lint objects, each alone, then the good ones."""
    edits = [edit for fix in chosen for edit in fix.edits]
    candidate = apply_edits(text, edits)
    after = lint(candidate)
    if verdict(text, findings, candidate, after, chosen, broken=broken) is None:
        outcome.applied += chosen
        return candidate, after
    good: list[Fix] = []
    for fix in chosen:
        alone = apply_edits(text, fix.edits)
        reason = verdict(text, findings, alone, lint(alone), [fix], broken=broken)
        if reason is None:
            good.append(fix)
        else:
            refused.add(_identity(fix))
            outcome.dropped.append(Dropped(fix, reason))
    if not good:
        return None
    if len(good) > 1:
        candidate = apply_edits(text, [e for fix in good for e in fix.edits])
        after = lint(candidate)
        if verdict(text, findings, candidate, after, good, broken=broken) is not None:
            good = good[:1]  # together they disagree: one now, the others next pass
    candidate = apply_edits(text, [e for fix in good for e in fix.edits])
    outcome.applied += good
    return candidate, lint(candidate)


def verdict(
    before_text: str,
    before: Sequence[Diagnostic],
    after_text: str,
    after: Sequence[Diagnostic],
    fixes: Sequence[Fix],
    *,
    broken: bool = False,
) -> Optional[str]:
    """``None`` when ``fixes`` did their job, else why they are refused."""
    edits = [edit for fix in fixes for edit in fix.edits]
    old_index = Source.index_of(before_text)
    new_index = Source.index_of(after_text)

    def moved(diagnostic: Diagnostic) -> tuple[int, int]:
        offset = old_index.offset(diagnostic.line, diagnostic.column)
        return new_index.position(map_offset(offset, edits))

    old = {key for d in before for key in _keys(d, moved(d))}
    new = {key for d in after for key in _keys(d, (d.line, d.column))}
    # what each message was said for, less what is still said in place and the targets:
    # what is left may have moved (each once)
    said = Counter(_said(d, p) for d in before for p in d.profiles or (None,))
    said.subtract(
        _said(d, key[3]) for d in after for key in _keys(d, (d.line, d.column)) if key in old
    )
    said.subtract(_said(f.diagnostic, p) for f in fixes for p in f.diagnostic.profiles or (None,))
    for fix in fixes:
        target = fix.diagnostic
        left = set(_keys(target, moved(target))) & new
        if left:
            now = next(d for d in after if set(_keys(d, (d.line, d.column))) & left)
            if now.message != target.message:
                return f"it would report {now.code} {now.name} instead: {now.message}"
            return f"{target.code} is still reported after the fix"
    unparsed = {p for d in before if d.name == "invalid-json" for p in d.profiles or ("",)}
    broken = broken or any(d.name in SYNTAX_ERRORS for d in before)
    becomes = {(name, moved(f.diagnostic)[0]) for f in fixes for name in f.becomes}
    for d in after:
        fresh = []
        for key in _keys(d, (d.line, d.column)):
            if key in old:
                continue
            if said[_said(d, key[3])] > 0:
                said[_said(d, key[3])] -= 1  # the same finding, moved
                continue
            fresh.append(key)
        if not fresh or (d.name, d.line) in becomes:
            continue
        if broken or (d.name in REVEALED_BY_PARSING and unparsed):
            continue  # the body parses now: the next pass judges these
        return f"it would add {d.code} {d.name} at {d.line}:{d.column}: {d.message}"
    return None


def _said(diagnostic: Diagnostic, profile: Optional[str] = None) -> tuple[str, str, Optional[str]]:
    return (diagnostic.code, diagnostic.message, profile or diagnostic.profile)


def _keys(diagnostic: Diagnostic, position: tuple[int, int]) -> list[Key]:
    line, column = position
    profiles: Sequence[Optional[str]] = diagnostic.profiles or (None,)
    return [(diagnostic.code, line, column, p) for p in profiles]


def _identity(fix: Fix) -> tuple[str, str, str]:
    replaced = "".join(edit.replacement for edit in fix.edits)
    return (fix.rule, fix.diagnostic.message, fix.title + replaced)


__all__ = ["Dropped", "Edit", "Outcome", "fix_text", "verdict"]
