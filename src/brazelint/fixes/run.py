"""``brazelint lint --fix / --diff / --fix-only``: fix the files a lint run names.

The CLI hands over the files and a way to build the linter; this module decides what
each file's fixes are (:mod:`brazelint.fixes.apply`), then writes them or prints them as
a diff. A file without a proven fix is never opened for writing.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, TextIO

from brazelint.fixes.apply import Lint, Outcome, fix_text
from brazelint.fixes.diff import unified
from brazelint.fixes.write import file_text, write_fixed
from brazelint.sources import read_template

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic
    from brazelint.lint.linter import Linter


@dataclass(frozen=True)
class Target:
    """One file to fix, and how to lint its text in memory (and whether it parses)."""

    path: Path
    display: str
    lint: Lint
    parses: Optional[Callable[[str], bool]] = None


def _parser(linter: Linter, display: str) -> Callable[[str], bool]:
    from brazelint.errors import TemplateSyntaxError

    def parses(text: str) -> bool:
        try:
            linter.renderer.parse(text, path=display)
        except TemplateSyntaxError:
            return False
        return True

    return parses


@dataclass(frozen=True)
class Mode:
    write: bool
    diff: bool
    unsafe: bool


def targets(linter: Linter, path: Path, display: str) -> list[Target]:
    """The files fixing ``path`` may edit: itself, and a webhook's body file."""
    from brazelint.lint.targets import is_webhook

    found = [own_target(linter, path, display)]
    if not is_webhook(path):
        return found
    body = _body_target(linter, path, display)
    return found + ([body] if body is not None else [])


def own_target(linter: Linter, path: Path, display: str) -> Target:
    """``path`` itself (a template, or a webhook file with its inline body), linted in
    memory: what an editor buffer can fix without touching another file."""
    from brazelint.lint.targets import is_webhook

    if not is_webhook(path):
        return Target(
            path,
            display,
            lambda text: linter.lint_template(text, display, path=path).diagnostics,
            _parser(linter, display),
        )
    from brazelint.lint.webhook_lint import lint_webhook

    def lint_yaml(text: str) -> list[Diagnostic]:
        found = lint_webhook(linter, path, display, text).diagnostics
        return [d for d in found if d.path == display]

    return Target(path, display, lint_yaml)


def _body_target(linter: Linter, path: Path, display: str) -> Optional[Target]:
    from brazelint.errors import ConfigError
    from brazelint.lint.linter import resolve_schema
    from brazelint.lint.webhook import load_webhook

    try:
        webhook = load_webhook(path, read_template(path))
    except ConfigError:
        return None
    body_file = webhook.body_file
    if body_file is None:
        return None
    schema = resolve_schema(webhook.schema, path, linter.config.root) if webhook.schema else None
    json_expected = (
        True if schema or "json" in (webhook.header("Content-Type") or "").lower() else None
    )
    shown = (
        str(Path(display).parent / body_file.relative_to(path.parent))
        if body_file.is_relative_to(path.parent)
        else str(body_file)
    )

    def lint_body(text: str) -> list[Diagnostic]:
        return linter.lint_template(
            text, shown, path=body_file, schema=schema, json_expected=json_expected
        ).diagnostics

    return Target(body_file, shown, lint_body, _parser(linter, shown))


def fix_files(
    make_linter: Callable[[], Linter],
    files: list[tuple[Path, str]],
    mode: Mode,
    *,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """Fix (or diff) ``files``; the number of files that changed (or would)."""
    linter = make_linter()
    changed = 0
    seen: set[Path] = set()
    for path, display in files:
        for target in targets(linter, path, display):
            if target.path.resolve() in seen:
                continue
            seen.add(target.path.resolve())
            outcome = fix_text(
                read_template(target.path), target.lint, unsafe=mode.unsafe, parses=target.parses
            )
            _tell(target, outcome, err, unsafe=mode.unsafe)
            if not outcome.changed:
                continue
            changed += 1
            if mode.diff:
                out.write(
                    unified(
                        target.display,
                        file_text(target.path, outcome.original),
                        file_text(target.path, outcome.text),
                    )
                )
            if mode.write:
                write_fixed(target.path, outcome.text)
    out.flush()
    return changed


def _tell(target: Target, outcome: Outcome, err: TextIO, *, unsafe: bool) -> None:
    from brazelint.fixes.registry import fix_for
    from brazelint.fixes.source import Source

    told: set[tuple[int, int, str, str]] = set()
    for dropped in outcome.dropped:
        d = dropped.fix.diagnostic
        if (d.line, d.column, d.code, dropped.fix.title) in told:
            continue
        told.add((d.line, d.column, d.code, dropped.fix.title))
        err.write(
            f"{target.display}:{d.line}:{d.column}: {d.code} fix dropped "
            f"({dropped.fix.title}): {dropped.reason}\n"
        )
    if outcome.applied:
        codes = ", ".join(sorted({f.diagnostic.code for f in outcome.applied}))
        count = len(outcome.applied)
        err.write(f"{target.display}: {count} fix{'es' if count > 1 else ''} ({codes})\n")
    if not unsafe:
        source = Source(outcome.text)
        hidden = [
            fix
            for d in outcome.remaining
            if (fix := fix_for(source, d)) is not None and not fix.safe
        ]
        if hidden:
            err.write(
                f"{target.display}: {len(hidden)} more fix{'es' if len(hidden) > 1 else ''} "
                "with --unsafe-fixes\n"
            )
