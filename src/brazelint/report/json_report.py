"""``lint --format json``: the stable report of DESIGN.md ("Diagnostics and the JSON report").

``{"version": 1, "diagnostics": [...], "summary": {"files", "errors", "warnings", "infos"}}``,
each diagnostic as :meth:`Diagnostic.to_dict`, sorted by path and position.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from brazelint.report.formats import sorted_diagnostics

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import LintReport

REPORT_VERSION = 1


def format_report(report: LintReport, *, color: bool = False) -> str:
    """``color`` is accepted for a uniform interface and ignored: JSON is for programs."""
    document = {
        "version": REPORT_VERSION,
        "diagnostics": [d.to_dict() for d in sorted_diagnostics(report)],
        "summary": report.summary(),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
