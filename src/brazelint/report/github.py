"""``lint --format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=P,line=L,col=C,endLine=EL,endColumn=EC,title=BL401 invalid-json::P:L:C: message``
with ``error``, ``warning`` or ``notice`` for the three severities. The message repeats
``path:line:col`` because the job log shows only the message (sqlfluff#6258), then the
profiles and the hint. GitHub drops an annotation whose ``col``/``endColumn`` span lines or
run backwards (ruff#22074), so a finding over several lines gives lines only. Values are
escaped as in ``@actions/core`` (``escapeData``/``escapeProperty``, toolkit command.ts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.report.common import sorted_diagnostics

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic, LintReport

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def format_report(report: LintReport, *, color: bool = False) -> str:
    """``color`` is ignored: workflow commands must reach the runner unchanged."""
    return "".join(_command(d) + "\n" for d in sorted_diagnostics(report))


def _command(d: Diagnostic) -> str:
    properties = [("file", d.path), ("line", str(d.line))]
    if d.end_line > d.line:
        properties.append(("endLine", str(d.end_line)))
    else:
        # GitHub's endColumn is inclusive; Diagnostic.end_column is one past the end
        last = max(d.end_column - 1, d.column)
        properties += [
            ("col", str(d.column)),
            ("endLine", str(d.line)),
            ("endColumn", str(last)),
        ]
    properties.append(("title", f"{d.code} {d.name}"))
    message = f"{d.path}:{d.line}:{d.column}: {d.message}"
    if d.profiles:
        message += f" (profiles: {', '.join(d.profiles)})"
    if d.hint:
        message += f" — hint: {d.hint}"
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{_COMMAND[d.severity]} {props}::{escape_data(message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
