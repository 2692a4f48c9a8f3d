"""``brazelint lint --statistics``: how many findings each rule has, most first (as ruff)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from brazelint.report.common import summary_line

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import LintReport


def format_statistics(report: LintReport, *, summary: bool = True) -> str:
    """One line per rule with findings: ``   3  BL401  invalid-json  [error]``."""
    counts = Counter((d.code, d.name, d.severity) for d in report.diagnostics)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(n)) for n in counts.values()), default=1)
    names = max((len(name) for (_, name, _) in counts), default=0)
    lines = [
        f"{count:>{width}}  {code}  {name:<{names}}  [{severity}]"
        for (code, name, severity), count in rows
    ]
    if summary:
        lines.append(summary_line(report))
    return "\n".join(lines) + "\n" if lines else ""
