"""Helpers for the lint tests: a throwaway project, linted the way ``brazelint lint`` does.

The project starts as a copy of ``tests/fixtures/lint/project``: a ``brazelint.toml``
with a fixed clock and two profiles, ``anonymous_user`` (nothing but a language) and
``known_user`` (every attribute the tests print). Lint runs also render for the two
generated users, ``empty`` and ``adversarial``, as every real run does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from brazelint.checks.diagnostic import Diagnostic
from brazelint.config import load_config
from brazelint.config_lookup import ConfigLookup
from brazelint.lint.linter import FileResult
from brazelint.lint.session import LintSession
from brazelint.lint.settings import RunOptions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lint"

Row = tuple[str, int, int, int, str, tuple[str, ...], str]
"""code, line, column, end_column, severity, profiles, message."""


@dataclass
class Project:
    root: Path

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def configure(self, toml: str) -> None:
        """Append settings to the project's ``brazelint.toml``."""
        config = self.root / "brazelint.toml"
        config.write_text(config.read_text(encoding="utf-8") + toml, encoding="utf-8")

    def lint_file(self, name: str, text: Optional[str] = None, **options: Any) -> FileResult:
        """Lint one file (written first when ``text`` is given) with a fresh linter."""
        path = self.write(name, text) if text is not None else self.root / name
        config = load_config(self.root / "brazelint.toml")
        session = LintSession(RunOptions(**options), lookup=ConfigLookup.fixed(config), cache=False)
        return session.lint_file(path)

    def lint(self, name: str, text: Optional[str] = None, **options: Any) -> list[Diagnostic]:
        return self.lint_file(name, text, **options).diagnostics


def row(diagnostic: Diagnostic) -> Row:
    d = diagnostic
    return (d.code, d.line, d.column, d.end_column, d.severity, d.profiles, d.message)


def rows(diagnostics: list[Diagnostic], *codes: str) -> list[Row]:
    """The diagnostics of ``codes`` (all when none are given), as comparable tuples."""
    return [row(d) for d in diagnostics if not codes or d.code in codes]


def only(diagnostics: list[Diagnostic], code: str) -> Diagnostic:
    """The one diagnostic of ``code`` (fails when there are none or several)."""
    [found] = [d for d in diagnostics if d.code == code]
    return found


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def at(source: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based line and column of the ``occurrence``-th ``needle`` in ``source``."""
    offset = -1
    for _ in range(occurrence):
        offset = source.index(needle, offset + 1)
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def span(source: str, needle: str, occurrence: int = 1) -> tuple[int, int, int]:
    """Line, column and end column (exclusive) of ``needle`` on one line of ``source``."""
    line, column = at(source, needle, occurrence)
    return line, column, column + len(needle)
