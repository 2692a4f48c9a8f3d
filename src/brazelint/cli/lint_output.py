"""``lint --quiet`` and ``lint --statistics``: the report, trimmed or counted."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import LintReport

SUMMARISED = ("text", "concise")
"""Formats that end with a summary line (``--quiet`` drops it)."""


def shown_report(
    report: LintReport, fmt: str, *, color: bool, quiet: bool, statistics: bool
) -> str:
    """What ``lint`` prints with ``--quiet`` and/or ``--statistics``.

    ``--statistics`` replaces the findings by a count per rule; ``--quiet`` prints the
    findings (or counts) and nothing else. Machine formats (json, sarif, ...) have no
    summary line, so ``--quiet`` leaves them as they are.
    """
    from brazelint.report.common import summary_line
    from brazelint.report.formats import format_report

    if statistics:
        from brazelint.report.statistics import format_statistics

        return format_statistics(report, summary=not quiet)
    text = format_report(report, fmt, color=color)
    if fmt not in SUMMARISED:
        return text
    summary = summary_line(report)
    body = text.rstrip("\n")
    if body.endswith(summary):
        body = body[: -len(summary)].rstrip("\n")
    return body + "\n" if body else ""
