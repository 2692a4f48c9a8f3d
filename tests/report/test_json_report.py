"""``--format json``: the stable report of DESIGN.md."""

from __future__ import annotations

import json
from typing import Optional

from hypothesis import given, settings
from hypothesis import strategies as st

from brazelint.checks.diagnostic import Coverage, Diagnostic, LintReport
from brazelint.report.json_report import format_report


def test_report(report: LintReport) -> None:
    report.coverage = {
        "templates/welcome.liquid": Coverage(14, [(8, 9), (12, 12)]),
        "templates/ünïcode.liquid": Coverage(3),
    }
    expected = {
        "version": 1,
        "diagnostics": [
            {
                "path": "templates/welcome.liquid",
                "line": 1,
                "column": 4,
                "end_line": 1,
                "end_column": 21,
                "code": "BL201",
                "name": "unknown-attribute",
                "severity": "error",
                "message": "unknown attribute ${frist_name}: 100% sure, not ${first_name}\nBraze renders it empty",
                "profile": None,
                "profiles": [],
                "hint": None,
                "excerpt": None,
            },
            {
                "path": "templates/welcome.liquid",
                "line": 2,
                "column": 12,
                "end_line": 2,
                "end_column": 40,
                "code": "BL203",
                "name": "attribute-missing",
                "severity": "warning",
                "message": "custom_attribute.${tier} is missing and has no default",
                "profile": "anonymous_user",
                "profiles": ["anonymous_user"],
                "hint": None,
                "excerpt": None,
            },
            {
                "path": "templates/welcome.liquid",
                "line": 3,
                "column": 35,
                "end_line": 3,
                "end_column": 66,
                "code": "BL303",
                "name": "message-aborted",
                "severity": "info",
                "message": "the message aborts: no email",
                "profile": "no_email",
                "profiles": ["no_email"],
                "hint": None,
                "excerpt": None,
            },
            {
                "path": "webhooks/track.liquid",
                "line": 2,
                "column": 3,
                "end_line": 3,
                "end_column": 10,
                "code": "BL401",
                "name": "invalid-json",
                "severity": "error",
                "message": 'missing comma before "event"',
                "profile": "known_user",
                "profiles": ["known_user", "anonymous_user"],
                "hint": "add a comma after the previous value",
                "excerpt": '…"u-1"\n  "event": "product_viewed"…',
            },
        ],
        "summary": {"files": 3, "errors": 2, "warnings": 1, "infos": 1},
        "coverage": {
            "templates/welcome.liquid": {
                "lines": 14,
                "rendered": 11,
                "percent": 78.6,
                "unrendered": [[8, 9], [12, 12]],
            },
            "templates/ünïcode.liquid": {
                "lines": 3,
                "rendered": 3,
                "percent": 100.0,
                "unrendered": [],
            },
        },
    }
    output = format_report(report)
    assert output == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
    assert '"excerpt": "…\\"u-1\\"\\n  \\"event\\": \\"product_viewed\\"…"' in output  # not \u2026


def test_empty_report(empty: LintReport) -> None:
    assert format_report(empty, color=True) == (
        "{\n"
        '  "version": 1,\n'
        '  "diagnostics": [],\n'
        '  "summary": {\n'
        '    "files": 2,\n'
        '    "errors": 0,\n'
        '    "warnings": 0,\n'
        '    "infos": 0\n'
        "  },\n"
        '  "coverage": {}\n'
        "}\n"
    )


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(),
    number=st.integers(min_value=0, max_value=10**6),
    profiles=st.lists(st.text(), max_size=3),
    hint=st.one_of(st.none(), st.text()),
)
def test_entries_are_laid_out_as_json_dumps_would(
    text: str, number: int, profiles: list[str], hint: Optional[str]
) -> None:
    diagnostic = Diagnostic(
        path=text,
        line=number + 1,
        column=1,
        code="BL401",
        name="invalid-json",
        severity="error",
        message=text,
        profiles=tuple(profiles),
        hint=hint,
        excerpt=text,
    )
    report = LintReport(diagnostics=[diagnostic], files=[text])
    report.coverage = {text: Coverage(number + 2, [(1, number + 1)])}
    expected = {
        "version": 1,
        "diagnostics": [diagnostic.to_dict()],
        "summary": report.summary(),
        "coverage": {text: report.coverage[text].to_dict()},
    }
    assert format_report(report) == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
