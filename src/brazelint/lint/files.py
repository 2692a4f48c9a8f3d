"""One file or buffer, linted whatever it holds: a template or a webhook file, and a
failure to read or check it becomes a finding on it (BL001, BL306), never a stopped run.

Everything a file's lint returns leaves here with credential values hidden.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from brazelint.checks.positions import Reporter
from brazelint.errors import BrazelintError, ConfigError, UsageError
from brazelint.lint.linter import FileResult
from brazelint.lint.targets import is_webhook
from brazelint.lint.webhook_lint import lint_webhook
from brazelint.rules.registry import BOOK
from brazelint.sources import read_template

if TYPE_CHECKING:
    from brazelint.lint.linter import Linter


def lint_file(linter: Linter, path: Path, display: Optional[str] = None) -> FileResult:
    """Lint the file at ``path``, shown as ``display``."""
    display = display or str(path)
    try:
        result = _lint_file(linter, path, display)
    except Exception as err:
        result = not_checked(linter, path, display, err)
    return redacted(linter, result, path)


def lint_text(linter: Linter, text: str, path: Optional[Path], display: str) -> FileResult:
    """Lint ``text`` as if it were the file at ``path`` (which need not exist)."""
    try:
        if path is not None and is_webhook(path):
            result = lint_webhook(linter, path, display, text)
        else:
            result = linter.lint_template(text, display, path=path)
    except Exception as err:
        if path is None:
            raise
        result = not_checked(linter, path, display, err, source=text)
    return redacted(linter, result, path, source=text)


def _lint_file(linter: Linter, path: Path, display: str) -> FileResult:
    try:
        source = read_template(path)
    except ConfigError as err:
        reporter = Reporter(display, "", BOOK)
        reporter.at("BL001", err.line or 1, err.column or 1, err.message, hint=err.hint)
        return FileResult(display, reporter.found, "", from_text=False)
    if is_webhook(path):
        return lint_webhook(linter, path, display, source)
    return linter.lint_template(source, display, path=path)


def not_checked(
    linter: Linter, path: Path, display: str, err: Exception, *, source: Optional[str] = None
) -> FileResult:
    """``err`` stopped the file's checks: one BL306 finding where it is known, else line 1."""
    from brazelint.failures import describe_failure

    if isinstance(err, UsageError) or os.environ.get("BRAZELINT_DEBUG"):
        raise err
    if source is None:
        try:
            source = read_template(path)
        except Exception:
            source = ""
    reporter = Reporter(display, source, BOOK)
    if isinstance(err, BrazelintError):
        message, hint = err.message, err.hint
        line, column = (err.line or 1, err.column or 1) if err.path in (None, display) else (1, 1)
    else:
        message, line, column = describe_failure(err), 1, 1
        hint = "the other files were checked; run with --debug for a traceback"
    reporter.at("BL306", line, column, message, hint=hint)
    diagnostics = [d for d in reporter.found if linter.selection.enabled(d.code, path)]
    return FileResult(display, diagnostics, source, from_text=False)


def redacted(
    linter: Linter, result: FileResult, path: Optional[Path], *, source: Optional[str] = None
) -> FileResult:
    """Findings and renders as they may leave the core: credentials hidden by value
    (``http.redact``), so no report format, cache entry or preview page shows one."""
    redactor = linter.redactor
    text = result.source if source is None else source
    if path is not None and is_webhook(path) and text:
        from brazelint.lint.webhook import ENV_REFERENCE

        names = ENV_REFERENCE.findall(text)
        redactor = redactor.with_values(os.environ.get(name, "") for name in names)
    result.diagnostics = [redactor.diagnostic(d) for d in result.diagnostics]
    for entry in result.renders:
        if entry.result is not None:
            entry.result = redactor.result(entry.result)
        entry.error = redactor.optional(entry.error)
    return result
