"""``lint --format junit``: JUnit XML for CI test-report views.

One ``<testsuite>`` per file and one ``<testcase classname=PATH name="BL401 invalid-json">``
per file x checked rule (every catalog rule when the report does not list them). Errors
and warnings of that rule in that file fail the case: one ``<failure>`` whose text lists
them all, one ``line:col [profiles] message`` a line. Infos go to ``<system-out>`` and
do not fail it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from brazelint.report.common import by_file
from brazelint.rules.registry import RULES, get_rule

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic, LintReport


def format_report(report: LintReport, *, color: bool = False) -> str:
    """``color`` is ignored: the XML is for programs."""
    groups = by_file(report)
    codes = list(dict.fromkeys(report.rules or [r.code for r in RULES]))
    codes += [
        code
        for code in dict.fromkeys(d.code for _, found in groups for d in found)
        if code not in codes
    ]
    root = ET.Element("testsuites", name="brazelint")
    total = failed = 0
    for path, diagnostics in groups:
        suite = ET.SubElement(root, "testsuite", name=path)
        failures = 0
        for code in codes:
            mine = [d for d in diagnostics if d.code == code]
            failures += _testcase(suite, path, code, mine)
        suite.set("tests", str(len(codes)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total += len(codes)
        failed += failures
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _testcase(suite: ET.Element, path: str, code: str, diagnostics: list[Diagnostic]) -> int:
    """Add the case for ``code`` in ``path``; 1 if it failed, else 0."""
    known = get_rule(code)
    name = known.name if known else (diagnostics[0].name if diagnostics else code)
    case = ET.SubElement(suite, "testcase", classname=path, name=f"{code} {name}")
    failing = [d for d in diagnostics if d.severity != "info"]
    infos = [d for d in diagnostics if d.severity == "info"]
    if failing:
        failure = ET.SubElement(case, "failure", type=code, message=failing[0].message)
        failure.text = "\n".join(_line(d) for d in failing)
    if infos:
        ET.SubElement(case, "system-out").text = "\n".join(_line(d) for d in infos)
    return 1 if failing else 0


def _line(d: Diagnostic) -> str:
    profiles = f" [{', '.join(d.profiles)}]" if d.profiles else ""
    hint = f" — hint: {d.hint}" if d.hint else ""
    return f"{d.line}:{d.column}{profiles} {d.message}{hint}"
