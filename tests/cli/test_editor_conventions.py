"""Command-line conventions editors and formatters rely on: ``lint -`` with
``--stdin-filename``, ``--quiet``, ``--statistics``, ``--no-color``/``NO_COLOR`` everywhere,
and ``--debug`` on either side of the command without changing the exit code."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from netblock import subprocess_env

Run = Callable[..., "subprocess.CompletedProcess[str]"]
BROKEN = '{"a": "{{${first_nam}}}",}\n'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "templates").mkdir(parents=True)
    (root / "profiles").mkdir()
    (root / "profiles/known.yaml").write_text("attributes: {first_name: Jane}\n")
    (root / "brazelint.toml").write_text(
        'profiles = "profiles"\ngenerated-profiles = false\n'
        '[per-file-ignores]\n"templates/legacy/**" = ["BL401"]\n'
    )
    return root


def test_lint_stdin_uses_the_named_files_config_and_name(
    run_cli: Run, project: Path, tmp_path: Path
) -> None:
    named = project / "templates/legacy/offer.liquid"  # need not exist
    done = run_cli(
        "lint",
        "-",
        "--stdin-filename",
        str(named),
        "--format",
        "concise",
        "--no-cache",
        cwd=tmp_path,
        stdin=BROKEN,
    )
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"{named}:1:10: BL201 ")
    assert "BL401" not in done.stdout  # per-file-ignores of the config above the named file
    assert lines[-1] == "Found 1 error in 1 file (1 file checked)."


def test_lint_stdin_honours_suppressions_and_webhook_names(run_cli: Run, project: Path) -> None:
    suppressed = "{% comment %}brazelint: disable-file BL201{% endcomment %}" + BROKEN
    done = run_cli(
        "lint",
        "-",
        "--stdin-filename",
        "templates/x.liquid",
        "--format",
        "concise",
        cwd=project,
        stdin=suppressed,
    )
    assert [line.split()[1] for line in done.stdout.splitlines()[:-1]] == ["BL401"]

    webhook = 'url: "http://api.example.com/x"\nmethod: POST\nbody: "{}"\n'
    done = run_cli(
        "lint",
        "-",
        "--stdin-filename",
        "hooks/a.webhook.yaml",
        "--format",
        "concise",
        cwd=project,
        stdin=webhook,
    )
    assert "hooks/a.webhook.yaml:1:" in done.stdout
    assert "BL104" in done.stdout or "BL411" in done.stdout


def test_quiet_prints_findings_only(run_cli: Run, project: Path) -> None:
    done = run_cli("lint", "-", "--quiet", "--format", "concise", cwd=project, stdin=BROKEN)
    assert done.returncode == 1
    assert [line.split()[1] for line in done.stdout.splitlines()] == ["BL201", "BL401"]

    clean = run_cli("lint", "-", "-q", cwd=project, stdin="Hi\n")
    assert (clean.returncode, clean.stdout) == (0, "")


def test_statistics_counts_findings_per_rule(run_cli: Run, project: Path) -> None:
    twice = BROKEN + "{{${last_nam}}}\n"
    done = run_cli("lint", "-", "--statistics", cwd=project, stdin=twice)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "2  BL201  unknown-attribute  [error]",
        "1  BL401  invalid-json       [error]",
        "Found 3 errors in 1 file (1 file checked).",
    ]
    quiet = run_cli("lint", "-", "--statistics", "--quiet", cwd=project, stdin=twice)
    assert len(quiet.stdout.splitlines()) == 2


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_on_either_side_keeps_the_exit_code(run_cli: Run, project: Path, where: str) -> None:
    plain = run_cli("lint", "missing.liquid", cwd=project)
    args = ["lint", "missing.liquid"]
    args = ["--debug", *args] if where == "before" else [*args, "--debug"]
    debug = run_cli(*args, cwd=project)
    assert plain.returncode == debug.returncode == 2
    assert "Traceback" in debug.stderr and "Traceback" not in plain.stderr
    assert "missing.liquid: no such file or directory" in debug.stderr


def _on_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """stdout of ``brazelint ARGS`` when stdout is a terminal (where colour is used)."""
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "brazelint", *args],
            cwd=cwd,
            env=subprocess_env(env),
            stdout=follower,
            stderr=subprocess.DEVNULL,
            timeout=60,
            check=False,
        )
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert done.returncode in (0, 1)
        return b"".join(chunks).decode("utf-8", "replace")
    finally:
        os.close(leader)
        if follower >= 0:
            os.close(follower)


@pytest.mark.parametrize(
    "args",
    [
        ["render", "templates/body.liquid"],
        ["lint", "templates/body.liquid", "--no-cache"],
        ["schemas", "show", "sessionm/tags"],
    ],
)
def test_no_color_and_NO_COLOR_turn_colour_off_in_every_command(
    project: Path, args: list[str]
) -> None:
    (project / "templates/body.liquid").write_text('{"a": "{{${first_nam}}}"}\n')
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    assert "\x1b[" in _on_terminal(args, project, env)  # colour on a terminal by default
    assert "\x1b[" not in _on_terminal(args, project, {**env, "NO_COLOR": "1"})
    assert "\x1b[" not in _on_terminal(["--no-color", *args], project, env)
    assert "\x1b[" not in _on_terminal([*args, "--no-color"], project, env)
