"""Terminal control sequences from templates, profiles and stubs are shown, not obeyed.

Issue 21 (should fix): a template, a profile value or a stub answer could clear the
screen, retitle the terminal or recolour the report of whoever ran ``brazelint``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Callable

import pytest

from brazelint.report.common import terminal_safe

Run = Callable[..., subprocess.CompletedProcess[str]]

ESC = "\x1b"
ABORTS = '{% abort_message("\x1b[2Jcleared \x1b]0;retitled\x07") %}\n'
CALLS = "{% connected_content https://api.example.com/{{${first_name}}} :save r %}{{r.a}}\n"
PROFILE = 'attributes: {first_name: "\\e[2Jcleared\\e]0;retitled\\a"}\n'
BROKEN = "{{ ${first_name} | no_such_filter }} \x1b[31m\u202eevil\n"


def test_controls_become_one_visible_character_each() -> None:
    assert terminal_safe("a\x1b[31mb\x07c\x9bd\u202ee\tf\ng") == "a␛[31mb␇c�d�e\tf\ng"
    assert len(terminal_safe("\x00\x1b\x7f")) == 3


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_no_escape_reaches_the_lint_report(tmp_path: Path, run_cli: Run, fmt: str) -> None:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "p.yaml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "brazelint.toml").write_text('profiles = "profiles"\n', encoding="utf-8")
    (tmp_path / "c.liquid").write_text(CALLS, encoding="utf-8")
    (tmp_path / "t.liquid").write_text(BROKEN, encoding="utf-8")
    proc = run_cli("lint", "--no-cache", "--format", fmt, "c.liquid", "t.liquid", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "BL204" in proc.stdout and "api.example.com/␛[2Jcleared␛]0;retitled␇" in proc.stdout
    assert ESC not in proc.stdout + proc.stderr
    assert "\u202e" not in proc.stdout and "\x07" not in proc.stdout


def test_no_escape_reaches_render_messages(tmp_path: Path, run_cli: Run) -> None:
    (tmp_path / "t.liquid").write_text(BROKEN, encoding="utf-8")
    proc = run_cli("render", "t.liquid", cwd=tmp_path)
    assert proc.returncode == 2 and "unknown filter 'no_such_filter'" in proc.stderr
    assert ESC not in proc.stderr
    (tmp_path / "a.liquid").write_text(ABORTS, encoding="utf-8")
    aborted = run_cli("render", "a.liquid", cwd=tmp_path)
    assert "message aborted: ␛[2Jcleared" in aborted.stderr
    assert ESC not in aborted.stderr


def test_render_into_a_pipe_keeps_the_exact_bytes(tmp_path: Path, run_cli: Run) -> None:
    (tmp_path / "t.liquid").write_text("a\x1b[1mb", encoding="utf-8")
    assert run_cli("render", "t.liquid", cwd=tmp_path).stdout == "a\x1b[1mb"
