"""``lint --format json``: the stable report of DESIGN.md ("Diagnostics and the JSON report").

``{"version": 1, "diagnostics": [...], "summary": {"files", "errors", "warnings", "infos"},
"coverage": {path: {"lines", "rendered", "percent", "unrendered": [[first, last], ...]}}}``,
each diagnostic as :meth:`Diagnostic.to_dict`, sorted by path and position; ``coverage``
counts the lines with template text in each rendered file, and the ranges no profile
rendered.

The report is written one diagnostic at a time, so a run with thousands of findings never
holds the whole document in memory; the text is the same as ``json.dumps(..., indent=2)``.
Each entry is laid out here, with json's C string encoder for the values: ``indent``
makes json use its pure-Python encoder, three times slower (25 ms for the 2,400 findings
of the benchmark tree, after every worker has finished).
"""

from __future__ import annotations

import io
import json
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any, TextIO

from brazelint.report.common import sorted_diagnostics

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
        out.write(separator + _entry(diagnostic.to_dict()))
        separator = ",\n"
    out.write("\n  ]" if separator != "\n" else "]")
    summary = json.dumps(report.summary(), indent=_INDENT).replace("\n", "\n  ")
    out.write(f',\n  "summary": {summary}')
    out.write(',\n  "coverage": ' + _coverage(report) + "\n}\n")


def _coverage(report: LintReport) -> str:
    """``"coverage"``, laid out as ``json.dumps(..., indent=2)`` would, two levels in."""
    if not report.coverage:
        return "{}"
    rows = []
    for path in sorted(report.coverage):
        data = report.coverage[path].to_dict()
        spans = ",\n".join(
            f"        [\n          {first},\n          {last}\n        ]"
            for first, last in data["unrendered"]
        )
        unrendered = f"[\n{spans}\n      ]" if spans else "[]"
        rows.append(
            f"    {encode_basestring(path)}: {{\n"
            f'      "lines": {data["lines"]},\n'
            f'      "rendered": {data["rendered"]},\n'
            f'      "percent": {float(data["percent"])!r},\n'
            f'      "unrendered": {unrendered}\n'
            "    }"
        )
    return "{\n" + ",\n".join(rows) + "\n  }"


_member_heads: dict[str, str] = {}


def _entry(fields: dict[str, Any]) -> str:
    """``json.dumps(fields, indent=2, ensure_ascii=False)``, two levels deep."""
    members = []
    for key, value in fields.items():
        head = _member_heads.get(key)
        if head is None:
            head = _member_heads[key] = f"      {encode_basestring(key)}: "
        kind = type(value)
        if kind is str:
            members.append(head + encode_basestring(value))
        elif value is None:
            members.append(head + "null")
        elif kind is int:
            members.append(head + int.__repr__(value))
        elif kind is list and value and all(type(item) is str for item in value):
            items = ",\n        ".join(map(encode_basestring, value))
            members.append(f"{head}[\n        {items}\n      ]")
        else:  # anything else json lays out itself
            text = json.dumps(value, indent=_INDENT, ensure_ascii=False)
            members.append(head + text.replace("\n", "\n      "))
    return "    {\n" + ",\n".join(members) + "\n    }"
