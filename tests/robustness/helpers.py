"""Assertions shared by the robustness tests."""

from __future__ import annotations

import re
import subprocess

import brazelint

# what may follow the one "error: ..." line: the code frame and the hint (report/codeframe.py)
_FRAME_LINE = re.compile(r"^(  --> .+|\s*\d* \|( .*)?|\s* = hint: .+)$")


def assert_position_in(err: brazelint.BrazelintError, source: str) -> None:
    """``err`` points at a real place in ``source``: 1 <= line <= lines, 1 <= column <= len+1.

    Lines end at ``\\n`` (as brazelint counts them), so a ``\\r`` before it is part of the line.
    """
    lines = source.split("\n")
    assert err.line is not None and err.column is not None, f"no position: {err!r} {err}"
    assert 1 <= err.line <= len(lines), f"line {err.line} of {len(lines)}: {err}"
    width = len(lines[err.line - 1])
    assert 1 <= err.column <= width + 1, f"column {err.column} of {width + 1}: {err}"


def assert_diagnostic(proc: subprocess.CompletedProcess[str], *needles: str) -> str:
    """Exit 2, no traceback, one ``error:`` line, then only a code frame and a hint.

    Every needle is in the error line or in its ``--> path:line:column`` line (the two
    lines that say what and where). Returns those lines.
    """
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert "internal error" not in proc.stderr, proc.stderr
    lines = proc.stderr.rstrip("\n").split("\n")
    assert lines[0].startswith("error: "), proc.stderr[:2000]
    for line in lines[1:]:
        assert _FRAME_LINE.match(line), (line[:200], proc.stderr[:2000])
    head = "\n".join(lines[:2] if len(lines) > 1 and lines[1].startswith("  --> ") else lines[:1])
    for needle in needles:
        assert needle in head, (needle, proc.stderr[:2000])
    assert len(proc.stderr) < 2000, f"stderr is {len(proc.stderr)} characters"
    return head
