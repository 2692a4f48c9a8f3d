"""``lint --format json``: the stable report of DESIGN.md ("Diagnostics and the JSON report").

``{"version": 1, "diagnostics": [...], "summary": {"files", "errors", "warnings", "infos"},
"coverage": {path: {"lines", "rendered", "percent", "unrendered": [[first, last], ...]}}}``,
each diagnostic as :meth:`Diagnostic.to_dict`, sorted by path and position; ``coverage``
counts the lines with template text in each rendered file, and the ranges no profile
rendered.

The report is written a chunk of diagnostics at a time, so a run with thousands of
findings never holds the whole document in memory; the text is the same as
``json.dumps(..., indent=2)``.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any, Iterable, Iterator, TextIO, TypeVar

from brazelint.report.common import sorted_diagnostics

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import LintReport

T = TypeVar("T")

REPORT_VERSION = 1
CHUNK = 256
"""Diagnostics encoded at a time: memory stays flat, and json's encoder is called once
per chunk rather than once per finding (a third of the report's time on the bench tree)."""


def format_report(report: LintReport, *, color: bool = False) -> str:
    """``color`` is accepted for a uniform interface and ignored: JSON is for programs."""
    out = io.StringIO()
    write_report(report, out)
    return out.getvalue()


def write_report(report: LintReport, out: TextIO) -> None:
    out.write(f'{{\n  "version": {REPORT_VERSION},\n  "diagnostics": [')
    separator = "\n"
    for chunk in _chunks(sorted_diagnostics(report), CHUNK):
        listed = _ENCODER.encode([diagnostic.to_dict() for diagnostic in chunk])
        out.write(separator + "  " + listed[2:-2].replace("\n", "\n  "))
        separator = ",\n"
    out.write("\n  ]" if separator != "\n" else "]")
    out.write(',\n  "summary": ' + _nested(report.summary(), 2).lstrip())
    coverage = {path: report.coverage[path].to_dict() for path in sorted(report.coverage)}
    out.write(',\n  "coverage": ' + _nested(coverage, 2).lstrip() + "\n}\n")


_ENCODER = json.JSONEncoder(indent=2, ensure_ascii=False)
"""One encoder for the whole report: ``json.dumps`` with options builds a new one per call,
which was half the time of writing a report of a thousand findings."""


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _nested(value: Any, depth: int) -> str:
    """``value`` laid out as ``json.dumps(..., indent=2)`` lays it out ``depth`` spaces in."""
    margin = " " * depth
    text = _ENCODER.encode(value)
    return margin + text.replace("\n", "\n" + margin)
