"""``lint --format json``: the stable report of DESIGN.md ("Diagnostics and the JSON report").

``{"version": 1, "diagnostics": [...], "summary": {"files", "errors", "warnings", "infos"}}``,
each diagnostic as :meth:`Diagnostic.to_dict`, sorted by path and position.

The report is written one diagnostic at a time, so a run with thousands of findings never
holds the whole document in memory; the text is the same as ``json.dumps(..., indent=2)``.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, TextIO

from brazelint.report.formats import sorted_diagnostics

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import LintReport

REPORT_VERSION = 1
_INDENT = 2


def format_report(report: LintReport, *, color: bool = False) -> str:
    """``color`` is accepted for a uniform interface and ignored: JSON is for programs."""
    out = io.StringIO()
    write_report(report, out)
    return out.getvalue()


def write_report(report: LintReport, out: TextIO) -> None:
    out.write(f'{{\n  "version": {REPORT_VERSION},\n  "diagnostics": [')
    separator = "\n"
    for diagnostic in sorted_diagnostics(report):
        entry = json.dumps(diagnostic.to_dict(), indent=_INDENT, ensure_ascii=False)
        out.write(separator + entry.replace("\n", "\n    ").join(("    ", "")))
        separator = ",\n"
    out.write("\n  ]" if separator != "\n" else "]")
    summary = json.dumps(report.summary(), indent=_INDENT).replace("\n", "\n  ")
    out.write(f',\n  "summary": {summary}\n}}\n')
