"""``--format text``: findings with code frames, grouped by file, then the summary line."""

from __future__ import annotations

import re

import pytest

from brazelint.checks.diagnostic import Diagnostic, LintReport
from brazelint.report.text import format_report

ANSI = re.compile(r"\x1b\[[0-9;]*m")

EXPECTED = """\
webhooks/track.liquid:2:3: BL401 invalid-json [error] missing comma before "event"
  |
2 |   "user_id": "{{${user_id}}}"
  |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = profiles: known_user, anonymous_user
  = rendered: …"u-1"⏎  "event": "product_viewed"…
  = hint: add a comma after the previous value

templates/welcome.liquid:1:4: BL201 unknown-attribute [error] unknown attribute ${frist_name}: 100% sure, not ${first_name}
    Braze renders it empty
  |
1 | Hi {{${frist_name}}},
  |    ^^^^^^^^^^^^^^^^^

templates/welcome.liquid:2:12: BL203 attribute-missing [warning] custom_attribute.${tier} is missing and has no default
  |
2 | Your tier: {{custom_attribute.${tier}}}
  |            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = profiles: anonymous_user

templates/welcome.liquid:3:35: BL303 message-aborted [info] the message aborts: no email
  |
3 | {% if ${email_address} == blank %}{% abort_message('no email') %}{% endif %}
  |                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = profiles: no_email

Found 2 errors, 1 warning and 1 info in 2 files (3 files checked).
"""


def test_report(report: LintReport) -> None:
    assert format_report(report) == EXPECTED


def test_empty_report(empty: LintReport) -> None:
    assert format_report(empty) == "All checks passed (2 files checked).\n"


def test_no_escape_sequences_without_color(report: LintReport) -> None:
    assert "\x1b" not in format_report(report, color=False)


def test_color(report: LintReport) -> None:
    output = format_report(report, color=True)
    assert "\x1b[31m" in output  # errors red
    assert "\x1b[33m[warning]" in output  # warnings yellow
    assert "\x1b[34m[info]" in output  # infos blue
    assert "\x1b[1mtemplates/welcome.liquid\x1b[0m\n" in output  # a bold header per file
    assert "\x1b[39;49;00m" in output  # pygments highlighted the source lines
    # the text is the same once the escapes are gone, bar the two file headers
    plain = ANSI.sub("", output).replace("webhooks/track.liquid\n", "", 1)
    assert plain.replace("templates/welcome.liquid\n", "", 1) == EXPECTED


def _one(d: Diagnostic, source: str | None) -> str:
    sources = {d.path: source} if source is not None else {}
    report = LintReport(diagnostics=[d], files=[d.path], sources=sources)
    body = format_report(report)
    assert body.endswith("\n\nFound 1 error in 1 file (1 file checked).\n")
    return body[: -len("\n\nFound 1 error in 1 file (1 file checked).\n")]


def _error(line: int, column: int, **extra: object) -> Diagnostic:
    return Diagnostic(  # type: ignore[arg-type]
        "a.liquid", line, column, "BL001", "syntax-error", "error", "bad", **extra
    )


def test_point_gets_one_caret() -> None:
    assert _one(_error(1, 4), "{% iff %}") == (
        "a.liquid:1:4: BL001 syntax-error [error] bad\n  |\n1 | {% iff %}\n  |    ^"
    )


def test_caret_past_the_end_of_the_line() -> None:
    assert _one(_error(1, 6), "{% if").splitlines()[-1] == "  |      ^"


def test_tabs_expand_and_carets_follow() -> None:
    frame = _one(_error(1, 3, end_column=6), "\t\tabc\tz").splitlines()
    assert frame[2:] == ["1 |         abc z", "  |         ^^^"]


def test_wide_line_numbers_pad_the_gutter() -> None:
    source = "\n" * 11 + "x = {{ oops\n"
    assert _one(_error(12, 5, hint="close the tag"), source).splitlines()[1:] == [
        "   |",
        "12 | x = {{ oops",
        "   |     ^",
        "   = hint: close the tag",
    ]


def test_crlf_source() -> None:
    assert _one(_error(2, 1, end_column=3), "a\r\nbc\r\n").splitlines()[2:] == [
        "2 | bc",
        "  | ^^",
    ]


@pytest.mark.parametrize("source", [None, "only one line"])
def test_no_frame_without_the_source_line(source: str | None) -> None:
    d = _error(3, 1, profiles=("p",), excerpt="x\ny")
    assert _one(d, source) == (
        "a.liquid:3:1: BL001 syntax-error [error] bad\n  = profiles: p\n  = rendered: x⏎y"
    )


def test_summary_counts_and_plurals() -> None:
    def summary(*severities: str, files: int = 1) -> str:
        report = LintReport(
            diagnostics=[
                Diagnostic(f"f{i % 2}", 1, 1, "BL001", "syntax-error", s, "m")  # type: ignore[arg-type]
                for i, s in enumerate(severities)
            ],
            files=[f"f{i}" for i in range(files)],
        )
        return format_report(report).splitlines()[-1]

    assert summary("warning") == "Found 1 warning in 1 file (1 file checked)."
    assert summary("info", "info", files=4) == "Found 2 infos in 2 files (4 files checked)."
    assert (
        summary("error", "info", files=2)
        == "Found 1 error and 1 info in 2 files (2 files checked)."
    )
    assert summary("error", "error", "warning", "warning", "info", files=5) == (
        "Found 2 errors, 2 warnings and 1 info in 2 files (5 files checked)."
    )
    assert format_report(LintReport()) == "All checks passed (0 files checked).\n"
