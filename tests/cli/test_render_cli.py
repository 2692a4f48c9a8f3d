"""``brazelint render`` run as a user runs it: a subprocess on real files."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from brazelint import __version__

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "jane.yaml").write_text(
        "attributes:\n  first_name: Jane\n  user_id: u-1\ncustom_attributes:\n  tier: gold\n",
        encoding="utf-8",
    )
    (tmp_path / "blocks").mkdir()
    (tmp_path / "blocks" / "sig.liquid").write_text("-- {{ team }}", encoding="utf-8")
    (tmp_path / "body.liquid").write_text(
        '{"name": "{{${first_name}}}", "tier": "{{custom_attribute.${tier}}}", '
        '"at": "{{ "now" | date: "%Y-%m-%d" }}"}\n',
        encoding="utf-8",
    )
    return tmp_path


def test_render_by_profile_name(run_cli: Run, project: Path) -> None:
    proc = run_cli(
        "render", "body.liquid", "--profile", "jane", "--now", "2024-03-01T12:00:00Z", cwd=project
    )
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == '{"name": "Jane", "tier": "gold", "at": "2024-03-01"}\n'


def test_render_by_profile_path_and_profiles_dir(
    run_cli: Run, project: Path, tmp_path: Path
) -> None:
    proc = run_cli(
        "render",
        str(project / "body.liquid"),
        "--profile",
        str(project / "profiles" / "jane.yaml"),
        "--now",
        "2024-03-01",
    )
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["name"] == "Jane"
    other = run_cli(
        "render", "body.liquid", "--profiles", "profiles", "--profile", "jane", cwd=project
    )
    assert other.returncode == 0


def test_globals_and_content_blocks(run_cli: Run, project: Path) -> None:
    (project / "t.liquid").write_text(
        "{{ n | plus: 1 }} {{content_blocks.${sig}}} {{ obj.a }}", encoding="utf-8"
    )
    proc = run_cli(
        "render",
        "t.liquid",
        "--global",
        "n=41",
        "--global",
        "team=Growth Team",
        "--global",
        'obj={"a": true}',
        "--content-blocks",
        "blocks",
        cwd=project,
    )
    assert (proc.returncode, proc.stdout) == (0, "42 -- Growth Team true")


def test_json_format_is_the_whole_result(run_cli: Run, project: Path) -> None:
    (project / "t.liquid").write_text(
        "{{${first_name}}}{{${city}}}{% message_extras :key k :value v %}", encoding="utf-8"
    )
    proc = run_cli("render", "t.liquid", "--profile", "jane", "--format", "json", cwd=project)
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert data["output"] == "Jane"
    assert data["aborted"] is False
    assert data["undefined"] == ["city"]
    assert data["message_extras"] == {"k": "v"}
    assert data["requests"] == []
    assert data["profile"] == "jane"


def test_abort_is_reported_not_an_error(run_cli: Run, project: Path) -> None:
    (project / "t.liquid").write_text("{% abort_message('not today') %}", encoding="utf-8")
    proc = run_cli("render", "t.liquid", cwd=project)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "message aborted: not today\n")


def test_syntax_error_is_a_code_frame_and_exit_2(run_cli: Run, project: Path) -> None:
    (project / "bad.liquid").write_text(
        '{\n  "a": "{{ ${first_name} | upcas }}"\n}\n', encoding="utf-8"
    )
    proc = run_cli("render", "bad.liquid", "--profile", "jane", cwd=project)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == (
        "error: unknown filter 'upcas'\n"
        "  --> bad.liquid:2:28\n"
        "  |\n"
        '2 |   "a": "{{ ${first_name} | upcas }}"\n'
        "  |                            ^^^^^\n"
        "  = hint: did you mean 'upcase'?\n"
    )
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "missing.liquid"], "error: missing.liquid: template not found"),
        (["render", "body.liquid", "--profile", "nobody"], "error: profile 'nobody' not found in"),
        (["render", "body.liquid", "--now", "soon"], "error: invalid --now value 'soon'"),
        (
            ["render", "body.liquid", "--global", "novalue"],
            "error: --global expects KEY=VALUE, got 'novalue'",
        ),
        (
            ["render", "body.liquid", "--content-blocks", "nowhere"],
            "error: nowhere: content blocks directory not found",
        ),
        (["render", "body.liquid", "--format", "xml"], "invalid choice: 'xml'"),
        (["lintt"], "invalid choice: 'lintt'"),
    ],
)
def test_usage_errors_exit_2_with_one_clear_line(
    run_cli: Run, project: Path, args: list[str], message: str
) -> None:
    proc = run_cli(*args, cwd=project)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_bad_profile_file_names_file_and_key(run_cli: Run, project: Path) -> None:
    (project / "profiles" / "typo.yaml").write_text(
        "attributes: {}\nevent_property: {}\n", encoding="utf-8"
    )
    proc = run_cli("render", "body.liquid", "--profile", "profiles/typo.yaml", cwd=project)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[0] == "error: profiles/typo.yaml: unknown key 'event_property'"


def test_debug_shows_the_traceback(run_cli: Run, project: Path) -> None:
    proc = run_cli("--debug", "render", "missing.liquid", cwd=project)
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr


def test_version(run_cli: Run) -> None:
    proc = run_cli("--version")
    assert (proc.returncode, proc.stdout) == (0, f"brazelint {__version__}\n")


def test_config_file_sets_directories_and_limits(run_cli: Run, project: Path) -> None:
    (project / "brazelint.toml").write_text(
        'profiles = "profiles"\ncontent-blocks = "blocks"\n[limits]\nloop-iterations = 5\n'
        '[promotions]\nspring = ["CODE-1"]\n',
        encoding="utf-8",
    )
    (project / "t.liquid").write_text(
        "{% promotion('spring') %}{{content_blocks.${sig}}}", encoding="utf-8"
    )
    proc = run_cli("render", "t.liquid", cwd=project)
    assert (proc.returncode, proc.stdout) == (0, "CODE-1-- ")
    (project / "loop.liquid").write_text(
        "{% for i in (1..3) %}{% for j in (1..3) %}{% endfor %}{% endfor %}", encoding="utf-8"
    )
    proc = run_cli("render", "loop.liquid", cwd=project)
    assert proc.returncode == 2
    assert "more than 5 iterations" in proc.stderr


def test_terminal_output_is_pretty_highlighted_json(project: Path) -> None:
    """On a TTY, JSON output is indented and coloured; piped output stays byte-exact."""
    pid, fd = pty.fork()
    if pid == 0:  # child: run the CLI attached to the pseudo-terminal
        os.chdir(project)
        os.execv(
            sys.executable,
            [
                sys.executable,
                "-m",
                "brazelint",
                "render",
                "body.liquid",
                "--profile",
                "jane",
                "--now",
                "2024-03-01",
            ],
        )
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.waitpid(pid, 0)
    text = b"".join(chunks).decode()
    assert "\x1b[" in text
    plain = __import__("re").sub(r"\x1b\[[0-9;]*m", "", text).replace("\r\n", "\n")
    assert plain == '{\n  "name": "Jane",\n  "tier": "gold",\n  "at": "2024-03-01"\n}\n'
