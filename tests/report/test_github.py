"""``--format github``: GitHub Actions workflow commands."""

from __future__ import annotations

from brazelint.checks.diagnostic import Diagnostic, LintReport
from brazelint.report.github import escape_data, escape_property, format_report

EXPECTED = """\
::error file=templates/welcome.liquid,line=1,col=4,endLine=1,endColumn=20,title=BL201 unknown-attribute::templates/welcome.liquid:1:4: unknown attribute ${frist_name}: 100%25 sure, not ${first_name}%0ABraze renders it empty
::warning file=templates/welcome.liquid,line=2,col=12,endLine=2,endColumn=39,title=BL203 attribute-missing::templates/welcome.liquid:2:12: custom_attribute.${tier} is missing and has no default (profiles: anonymous_user)
::notice file=templates/welcome.liquid,line=3,col=35,endLine=3,endColumn=65,title=BL303 message-aborted::templates/welcome.liquid:3:35: the message aborts: no email (profiles: no_email)
::error file=webhooks/track.liquid,line=2,endLine=3,title=BL401 invalid-json::webhooks/track.liquid:2:3: missing comma before "event" (profiles: known_user, anonymous_user) — hint: add a comma after the previous value
"""


def test_report(report: LintReport) -> None:
    assert format_report(report) == EXPECTED
    assert format_report(report, color=True) == EXPECTED


def test_empty_report(empty: LintReport) -> None:
    assert format_report(empty) == ""


def test_escaping() -> None:
    assert escape_data("100% a:b, c\r\nd") == "100%25 a:b, c%0D%0Ad"
    assert escape_property("100% a:b, c\r\nd") == "100%25 a%3Ab%2C c%0D%0Ad"


def test_path_is_escaped_as_a_property() -> None:
    d = Diagnostic("odd,dir/a:b.liquid", 1, 1, "BL001", "syntax-error", "error", "bad")
    assert format_report(LintReport(diagnostics=[d])) == (
        "::error file=odd%2Cdir/a%3Ab.liquid,line=1,col=1,endLine=1,endColumn=1,"
        "title=BL001 syntax-error::odd,dir/a:b.liquid:1:1: bad\n"
    )
