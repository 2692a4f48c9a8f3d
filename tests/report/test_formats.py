"""``format_report`` dispatch, and that it loads only the formatter it needs."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from brazelint.checks.diagnostic import LintReport
from brazelint.report.formats import FORMATS, format_report


def test_formats() -> None:
    assert FORMATS == ("text", "concise", "json", "github", "sarif", "junit")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("color", [False, True])
def test_dispatch(report: LintReport, fmt: str, color: bool) -> None:
    module = importlib.import_module(f"brazelint.report.{'json_report' if fmt == 'json' else fmt}")
    output = format_report(report, fmt, color=color)
    assert output == module.format_report(report, color=color)
    assert output.endswith("\n")
    assert ("\x1b[" in output) == (color and fmt in ("text", "concise"))


def test_unknown_format(report: LintReport) -> None:
    with pytest.raises(ValueError, match="unknown report format 'xml'"):
        format_report(report, "xml")


LAZY = """
import sys
from brazelint.checks.diagnostic import Diagnostic, LintReport
from brazelint.report.formats import format_report
d = Diagnostic("a.liquid", 1, 4, "BL001", "syntax-error", "error", "bad")
report = LintReport(diagnostics=[d], files=["a.liquid"], sources={"a.liquid": "{% iff %}"})
format_report(report, "text")
format_report(report, "concise")
print(sorted(m for m in ("json", "pygments", "xml.etree.ElementTree", "hashlib") if m in sys.modules))
format_report(report, "text", color=True)
print("pygments" in sys.modules)
"""


def test_text_without_color_imports_nothing_heavy() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", LAZY], capture_output=True, text=True, check=True, timeout=60
    )
    assert proc.stdout == "[]\nTrue\n"
