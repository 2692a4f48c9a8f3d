"""``--format junit``: one suite per file, one case per file x rule, parsed back."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from brazelint.checks.diagnostic import Diagnostic, LintReport
from brazelint.report.junit import format_report
from brazelint.rules.registry import RULES

EXPECTED = """\
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="brazelint" tests="12" failures="3" errors="0">
  <testsuite name="webhooks/track.liquid" tests="4" failures="1" errors="0">
    <testcase classname="webhooks/track.liquid" name="BL201 unknown-attribute" />
    <testcase classname="webhooks/track.liquid" name="BL203 attribute-missing" />
    <testcase classname="webhooks/track.liquid" name="BL303 message-aborted" />
    <testcase classname="webhooks/track.liquid" name="BL401 invalid-json">
      <failure type="BL401" message="missing comma before &quot;event&quot;">2:3 [known_user, anonymous_user] missing comma before "event" — hint: add a comma after the previous value</failure>
    </testcase>
  </testsuite>
  <testsuite name="templates/clean.liquid" tests="4" failures="0" errors="0">
    <testcase classname="templates/clean.liquid" name="BL201 unknown-attribute" />
    <testcase classname="templates/clean.liquid" name="BL203 attribute-missing" />
    <testcase classname="templates/clean.liquid" name="BL303 message-aborted" />
    <testcase classname="templates/clean.liquid" name="BL401 invalid-json" />
  </testsuite>
  <testsuite name="templates/welcome.liquid" tests="4" failures="2" errors="0">
    <testcase classname="templates/welcome.liquid" name="BL201 unknown-attribute">
      <failure type="BL201" message="unknown attribute ${frist_name}: 100% sure, not ${first_name}&#10;Braze renders it empty">1:4 unknown attribute ${frist_name}: 100% sure, not ${first_name}
Braze renders it empty</failure>
    </testcase>
    <testcase classname="templates/welcome.liquid" name="BL203 attribute-missing">
      <failure type="BL203" message="custom_attribute.${tier} is missing and has no default">2:12 [anonymous_user] custom_attribute.${tier} is missing and has no default</failure>
    </testcase>
    <testcase classname="templates/welcome.liquid" name="BL303 message-aborted">
      <system-out>3:35 [no_email] the message aborts: no email</system-out>
    </testcase>
    <testcase classname="templates/welcome.liquid" name="BL401 invalid-json" />
  </testsuite>
</testsuites>
"""


def test_report(report: LintReport) -> None:
    assert format_report(report) == EXPECTED
    assert format_report(report, color=True) == EXPECTED


def test_parses_back(report: LintReport) -> None:
    root = ET.fromstring(format_report(report))
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "12", "3")
    welcome = root.find("testsuite[@name='templates/welcome.liquid']")
    assert welcome is not None
    failure = welcome.find("testcase[@name='BL201 unknown-attribute']/failure")
    assert failure is not None
    assert failure.get("message") == (
        "unknown attribute ${frist_name}: 100% sure, not ${first_name}\nBraze renders it empty"
    )
    info = welcome.find("testcase[@name='BL303 message-aborted']")
    assert info is not None
    assert info.find("failure") is None
    assert info.findtext("system-out") == "3:35 [no_email] the message aborts: no email"


def test_several_findings_share_one_failure() -> None:
    def finding(line: int, severity: str, message: str) -> Diagnostic:
        return Diagnostic(  # type: ignore[arg-type]
            "a.liquid", line, 2, "BL203", "attribute-missing", severity, message, profiles=("p",)
        )

    report = LintReport(
        diagnostics=[
            finding(7, "warning", "later"),
            finding(3, "info", "note"),
            finding(1, "error", "first"),
        ],
        files=["a.liquid"],
        rules=["BL203"],
    )
    case = ET.fromstring(format_report(report)).find("testsuite/testcase")
    assert case is not None
    failure = case.find("failure")
    assert failure is not None
    assert (failure.get("type"), failure.get("message")) == ("BL203", "first")
    assert failure.text == "1:2 [p] first\n7:2 [p] later"
    assert case.findtext("system-out") == "3:2 [p] note"


def test_empty_report(empty: LintReport) -> None:
    assert format_report(empty) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="brazelint" tests="4" failures="0" errors="0">\n'
        '  <testsuite name="templates/clean.liquid" tests="2" failures="0" errors="0">\n'
        '    <testcase classname="templates/clean.liquid" name="BL201 unknown-attribute" />\n'
        '    <testcase classname="templates/clean.liquid" name="BL401 invalid-json" />\n'
        "  </testsuite>\n"
        '  <testsuite name="templates/other.liquid" tests="2" failures="0" errors="0">\n'
        '    <testcase classname="templates/other.liquid" name="BL201 unknown-attribute" />\n'
        '    <testcase classname="templates/other.liquid" name="BL401 invalid-json" />\n'
        "  </testsuite>\n"
        "</testsuites>\n"
    )


def test_every_catalog_rule_without_a_rule_list() -> None:
    root = ET.fromstring(format_report(LintReport(files=["a.liquid"])))
    names = [case.get("name") for case in root.iter("testcase")]
    assert names == [f"{r.code} {r.name}" for r in RULES]
    assert root.get("tests") == str(len(RULES))
