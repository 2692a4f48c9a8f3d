"""What the report formats share: ordering, grouping, summary lines, terminal safety.

Formatters print what they are given, sorted by :meth:`Diagnostic.sort_key`: severity and
filtering are decided before them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic, LintReport

RULE_FAMILIES: tuple[tuple[str, str, str], ...] = (
    # (code prefix, heading, SARIF tag)
    ("BL0", "Syntax", "syntax"),
    ("BL1", "Braze tags and Connected Content", "braze-tags"),
    ("BL2", "Attributes, variables and filters", "attributes"),
    ("BL3", "Render time", "render-time"),
    ("BL4", "JSON, schema and payload", "payload"),
    ("BL9", "Suppressions", "suppressions"),
)
"""The rule families of DESIGN.md, in order: ``brazelint rules`` headings and SARIF tags."""


def family_of(code: str) -> tuple[str, str, str]:
    """The ``RULE_FAMILIES`` row of ``code`` (a catch-all row for codes outside them)."""
    for row in RULE_FAMILIES:
        if code.upper().startswith(row[0]):
            return row
    return (code[:3], "other", "other")


def sorted_diagnostics(report: LintReport) -> list[Diagnostic]:
    return sorted(report.diagnostics, key=lambda d: d.sort_key())


def by_file(report: LintReport) -> list[tuple[str, list[Diagnostic]]]:
    """Diagnostics grouped by path: files in report order, then any other paths sorted."""
    groups: dict[str, list[Diagnostic]] = {path: [] for path in report.files}
    for diagnostic in sorted_diagnostics(report):
        groups.setdefault(diagnostic.path, []).append(diagnostic)
    listed = set(report.files)
    ordered = list(dict.fromkeys(report.files))
    ordered += sorted(path for path in groups if path not in listed)
    return [(path, groups[path]) for path in ordered]


def summary_line(report: LintReport) -> str:
    """``Found 3 errors, 1 warning and 2 infos in 2 files (5 files checked).``"""
    checked = _count(len(report.files), "file")
    if not report.diagnostics:
        return f"All checks passed ({checked} checked)."
    parts = [
        _count(report.count(severity), severity)
        for severity in ("error", "warning", "info")
        if report.count(severity)
    ]
    found = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    with_findings = _count(len({d.path for d in report.diagnostics}), "file")
    return f"Found {found} in {with_findings} ({checked} checked)."


MAX_COVERAGE_FILES = 20
"""Files listed by name in the text summary's coverage; the rest are counted."""


def coverage_lines(report: LintReport) -> list[str]:
    """``Rendered 412 of 434 template lines (94.9%); not rendered:`` and the files short of
    100%, least covered first (none when every line was rendered)."""
    covered = report.coverage
    lines = sum(c.lines for c in covered.values())
    rendered = sum(c.rendered for c in covered.values())
    short = sorted(
        ((path, c) for path, c in covered.items() if c.unrendered),
        key=lambda item: (item[1].percent, item[0]),
    )
    if not short:
        return []
    percent = 100.0 * rendered / lines if lines else 100.0
    out = [f"Rendered {rendered} of {lines} template lines ({percent:.1f}%); not rendered:"]
    for path, coverage in short[:MAX_COVERAGE_FILES]:
        spans = ", ".join(
            str(first) if first == last else f"{first}\N{EN DASH}{last}"
            for first, last in coverage.unrendered
        )
        single = len(coverage.unrendered) == 1 and spans.isdigit()
        out.append(f"  {path}: {coverage.percent:g}% ({'line' if single else 'lines'} {spans})")
    if len(short) > MAX_COVERAGE_FILES:
        out.append(f"  … and {len(short) - MAX_COVERAGE_FILES} more files")
    return out


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def one_line(text: str) -> str:
    """``text`` with line breaks shown as ``⏎``, for formats that are one line per finding."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "⏎")


_CONTROL_PICTURES = {code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A, 0x0D)}
_CONTROL_PICTURES[0x7F] = 0x2421
_CONTROL_PICTURES.update({code: 0xFFFD for code in range(0x80, 0xA0)})
# bidirectional overrides and isolates reorder what the terminal shows (Trojan Source)
_CONTROL_PICTURES.update(
    {code: 0xFFFD for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
)


def terminal_safe(text: str) -> str:
    """``text`` with terminal control characters shown, not obeyed: ESC as ``␛``, other C0
    controls as their control pictures, C1 controls and bidi overrides as ``�``. One
    character each, so columns (and carets under source lines) stay where they were.
    Line breaks (which callers lay out) and tabs are kept. So a profile, stub or template
    cannot move the cursor, recolour or clear the terminal of whoever reads the report."""
    return text.translate(_CONTROL_PICTURES)
