"""``brazelint init`` run as a user runs it, then ``brazelint lint`` on what it wrote."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Callable

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]

STARTER_FILES = [
    "brazelint.toml",
    "profiles/example_user.yaml",
    "stubs/example.yaml",
    "templates/example.json.liquid",
]


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache directory of this test's own (``run_cli`` passes the environment on)."""
    directory = tmp_path_factory.mktemp("init-cache")
    monkeypatch.setenv("BRAZELINT_CACHE_DIR", str(directory))
    return directory


def files_in(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        name: ((root / name).read_bytes(), (root / name).stat().st_mtime_ns)
        for name in files_in(root)
    }


def test_init_in_an_empty_directory_then_lint_passes(run_cli: Run, tmp_path: Path) -> None:
    proc = run_cli("init", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.splitlines() == [
        "created brazelint.toml",
        f"created {Path('profiles/example_user.yaml')}",
        f"created {Path('stubs/example.yaml')}",
        f"created {Path('templates/example.json.liquid')}",
        "next: brazelint lint",
    ]
    assert files_in(tmp_path) == STARTER_FILES

    lint = run_cli("lint", cwd=tmp_path)
    assert (lint.returncode, lint.stdout, lint.stderr) == (
        0,
        "All checks passed (1 file checked).\n",
        "",
    )
    # not even an info: the starter is a clean example for every profile
    strict = run_cli("lint", "--format", "json", "--fail-level", "info", cwd=tmp_path)
    assert strict.returncode == 0
    assert json.loads(strict.stdout)["diagnostics"] == []


def test_the_starter_template_is_checked_against_its_schema(run_cli: Run, tmp_path: Path) -> None:
    """The starter names movable-ink/event; breaking the body is caught."""
    assert run_cli("init", cwd=tmp_path).returncode == 0
    template = tmp_path / "templates" / "example.json.liquid"
    template.write_text(
        template.read_text(encoding="utf-8").replace('"type": "track"', '"type": "tracking"'),
        encoding="utf-8",
    )
    proc = run_cli("lint", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1
    assert {d["code"] for d in json.loads(proc.stdout)["diagnostics"]} == {"BL402"}


def test_init_into_a_named_directory(run_cli: Run, tmp_path: Path) -> None:
    proc = run_cli("init", "new/project", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.splitlines()[0] == f"created {Path('new/project/brazelint.toml')}"
    root = tmp_path / "new" / "project"
    assert files_in(root) == STARTER_FILES
    lint = run_cli("lint", cwd=root)
    assert (lint.returncode, lint.stdout) == (0, "All checks passed (1 file checked).\n")


def test_init_again_refuses_and_touches_nothing(run_cli: Run, tmp_path: Path) -> None:
    assert run_cli("init", cwd=tmp_path).returncode == 0
    (tmp_path / "templates" / "example.json.liquid").write_text("my edits\n", encoding="utf-8")
    before = snapshot(tmp_path)
    proc = run_cli("init", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.splitlines() == [
        "error: brazelint.toml: already exists; nothing was written",
        " = hint: pass --force to overwrite the starter files",
    ]
    assert snapshot(tmp_path) == before


def test_init_with_one_starter_file_present_writes_nothing(run_cli: Run, tmp_path: Path) -> None:
    mine = tmp_path / "stubs" / "example.yaml"
    mine.parent.mkdir()
    mine.write_text("[]\n", encoding="utf-8")
    proc = run_cli("init", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[0] == (
        f"error: {Path('stubs/example.yaml')}: already exists; nothing was written"
    )
    assert files_in(tmp_path) == ["stubs/example.yaml"]
    assert mine.read_text(encoding="utf-8") == "[]\n"


def test_init_force_overwrites(run_cli: Run, tmp_path: Path) -> None:
    assert run_cli("init", cwd=tmp_path).returncode == 0
    starter = snapshot(tmp_path)
    template = tmp_path / "templates" / "example.json.liquid"
    template.write_text("{ broken\n", encoding="utf-8")
    (tmp_path / "brazelint.toml").write_text("bogus = 1\n", encoding="utf-8")
    assert run_cli("lint", cwd=tmp_path).returncode == 2

    proc = run_cli("init", "--force", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert {name: data for name, (data, _) in snapshot(tmp_path).items()} == {
        name: data for name, (data, _) in starter.items()
    }
    assert run_cli("lint", cwd=tmp_path).returncode == 0


def test_init_leaves_other_files_alone(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("mine\n", encoding="utf-8")
    assert run_cli("init", cwd=tmp_path).returncode == 0
    assert files_in(tmp_path) == sorted([*STARTER_FILES, "README.md"])
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "mine\n"


def test_init_into_a_file_is_an_error(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("", encoding="utf-8")
    proc = run_cli("init", "taken", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "error: taken: not a directory\n"
