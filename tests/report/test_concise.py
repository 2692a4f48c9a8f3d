"""``--format concise``: one line per finding, then the summary line."""

from __future__ import annotations

from brazelint.checks.diagnostic import LintReport
from brazelint.report.concise import format_report

EXPECTED = """\
templates/welcome.liquid:1:4: BL201 [error] unknown attribute ${frist_name}: 100% sure, not ${first_name}⏎Braze renders it empty
templates/welcome.liquid:2:12: BL203 [warning] custom_attribute.${tier} is missing and has no default (profiles: anonymous_user)
templates/welcome.liquid:3:35: BL303 [info] the message aborts: no email (profiles: no_email)
webhooks/track.liquid:2:3: BL401 [error] missing comma before "event" (profiles: known_user, anonymous_user)
Found 2 errors, 1 warning and 1 info in 2 files (3 files checked).
"""


def test_report(report: LintReport) -> None:
    assert format_report(report) == EXPECTED


def test_empty_report(empty: LintReport) -> None:
    assert format_report(empty) == "All checks passed (2 files checked).\n"


def test_color(report: LintReport) -> None:
    assert "\x1b" not in format_report(report)
    colored = format_report(report, color=True)
    assert "\x1b[31m\x1b[1mBL201\x1b[0m \x1b[31m[error]\x1b[0m" in colored
    assert "\x1b[33m[warning]" in colored
    assert "\x1b[34m[info]" in colored
