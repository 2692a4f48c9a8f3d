"""The ``lint --format`` choices: the registry of formatters.

Each format is one module with ``format_report(report, *, color=False) -> str``;
:func:`format_report` imports only the one it needs, so a pre-commit run that prints text
never loads ``json``, ``xml`` or pygments. What the formatters share is in
:mod:`brazelint.report.common`, which never imports a formatter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import LintReport

FORMATS = ("text", "concise", "json", "github", "sarif", "junit")
SHOWS_SOURCE = frozenset({"text"})
"""Formats that print source lines (code frames); a run keeps file texts only for these."""


def format_report(report: LintReport, fmt: str, *, color: bool = False) -> str:
    """``report`` as text in format ``fmt`` (one of :data:`FORMATS`), ending in a newline."""
    if fmt == "text":
        from brazelint.report import text

        return text.format_report(report, color=color)
    if fmt == "concise":
        from brazelint.report import concise

        return concise.format_report(report, color=color)
    if fmt == "json":
        from brazelint.report import json_report

        return json_report.format_report(report, color=color)
    if fmt == "github":
        from brazelint.report import github

        return github.format_report(report, color=color)
    if fmt == "sarif":
        from brazelint.report import sarif

        return sarif.format_report(report, color=color)
    if fmt == "junit":
        from brazelint.report import junit

        return junit.format_report(report, color=color)
    raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")


def write_report(report: LintReport, fmt: str, out: TextIO, *, color: bool = False) -> None:
    """Write ``report`` to ``out``; JSON is streamed, the other formats are small enough."""
    if fmt == "json":
        from brazelint.report import json_report

        json_report.write_report(report, out)
    else:
        out.write(format_report(report, fmt, color=color))
