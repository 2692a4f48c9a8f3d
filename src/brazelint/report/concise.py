"""One line per finding, ``path:line:col: CODE [severity] message (profiles: a, b)``.

For terminals and editors that jump to ``path:line:col``; line breaks in a message are
shown as ``⏎`` so every finding stays on its line. Ends with the summary line of ``text``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.report.common import one_line, sorted_diagnostics, summary_line, terminal_safe

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic, LintReport

_SEVERITY_COLOR = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[34m"}
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"


def format_report(report: LintReport, *, color: bool = False) -> str:
    lines = [_line(d, color) for d in sorted_diagnostics(report)]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def _line(d: Diagnostic, color: bool) -> str:
    sev, bold, reset = (_SEVERITY_COLOR[d.severity], _BOLD, _RESET) if color else ("", "", "")
    profiles = f" (profiles: {', '.join(d.profiles)})" if d.profiles else ""
    return (
        f"{bold}{d.path}:{d.line}:{d.column}:{reset} {sev}{bold}{d.code}{reset} "
        f"{sev}[{d.severity}]{reset} {terminal_safe(one_line(d.message))}{profiles}"
    )
