"""The pre-commit hook (``.pre-commit-hooks.yaml``) run the way a user's repository runs it.

``pre-commit try-repo`` builds the hook's environment by pip-installing brazelint from a
git repository, so this test needs PyPI (setuptools for the build). It therefore runs
pre-commit WITHOUT the test suite's network block: the block reaches CLI subprocesses
only through ``PYTHONPATH`` (``netblock.subprocess_env`` puts ``tests/netblock`` first,
and its ``sitecustomize.py`` installs the block), so the environment given to pre-commit
is ``os.environ`` with that directory taken out. brazelint itself still never touches the
network during a lint run: its Connected Content calls go to stubs.

try-repo on this repository would only see committed files plus changes to tracked ones
(it commits ``git add -u`` into a shadow clone), not new untracked modules. To test the
working tree as it is on disk, the test copies it (every file git does not ignore) into
a temporary repository, commits it there, and points try-repo at that copy.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from netblock import NETBLOCK_DIR

ROOT = Path(__file__).resolve().parents[1]
HOOK_TIMEOUT = 600
"""Seconds for one pre-commit run: the first one pip-installs brazelint from PyPI deps."""


def isolated_env(tmp_path: Path) -> dict[str, str]:
    """``os.environ`` for git and pre-commit: no network block, nothing read from or
    written to the user's home (git config, pre-commit's store, the lint cache)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("GIT_", "PRE_COMMIT")) and name != "NO_COLOR"
    }
    entries = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    kept = [p for p in entries if Path(p).resolve() != NETBLOCK_DIR]
    if kept:
        env["PYTHONPATH"] = os.pathsep.join(kept)
    else:
        env.pop("PYTHONPATH", None)
    env.update(
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        BRAZELINT_CACHE_DIR=str(tmp_path / "lint-cache"),
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.com",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.com",
    )
    return env


def git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    proc = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, f"git {' '.join(args)} failed:\n{proc.stdout}{proc.stderr}"
    return proc.stdout


def snapshot_working_tree(target: Path, env: dict[str, str]) -> Path:
    """A committed copy of this repository's working tree (tracked and untracked files,
    minus what .gitignore ignores)."""
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT, env=env)
    target.mkdir()
    for name in sorted(set(filter(None, listed.split("\0")))):
        source = ROOT / name
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the working tree
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            os.symlink(os.readlink(source), destination)
        elif source.is_file():
            shutil.copy2(source, destination)
    git("init", "-q", cwd=target, env=env)
    git("add", "-A", cwd=target, env=env)
    git("commit", "-q", "-m", "working tree", cwd=target, env=env)
    return target


def run_hook(repo: Path, hooks: Path, env: dict[str, str], *extra: str) -> tuple[int, str]:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(hooks),
            "brazelint",
            "--color",
            "never",
            *extra,
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=HOOK_TIMEOUT,
    )
    return proc.returncode, proc.stdout + proc.stderr


def test_hook_manifest() -> None:
    """peers.md §4.5: python, serial, and ``files`` covering templates, webhook files and
    everything a template's verdict depends on (profiles, stubs, schemas, config)."""
    hook, fix_hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    # brazelint-fix: the same hook with --fix, on the files it may edit (never a profile,
    # whose templates may not be staged)
    assert fix_hook["id"] == "brazelint-fix"
    assert fix_hook["entry"] == "brazelint lint --fix"
    same = ("language", "types", "require_serial", "minimum_pre_commit_version")
    assert {k: fix_hook[k] for k in same} == {k: hook[k] for k in same}
    fix_files = re.compile(fix_hook["files"])
    assert fix_files.search("templates/a.liquid") and fix_files.search("t/a.webhook.yaml")
    assert not fix_files.search("profiles/jane.yaml")
    assert hook["id"] == "brazelint"
    assert hook["language"] == "python"
    assert hook["entry"] == "brazelint lint"
    assert hook["require_serial"] is True
    assert hook.get("pass_filenames", True) is True
    files = re.compile(hook["files"])
    for name in (
        "welcome.liquid",
        "templates/sessionm/tags.json.liquid",
        "templates/track.webhook.yaml",
        "hooks/track.webhook.yml",
        "profiles/user.yaml",
        "braze/stubs/offers.yml",
        "schemas/event.json",
        "brazelint.toml",
        "braze/brazelint.toml",
        "pyproject.toml",
    ):
        assert files.search(name), name
    for name in (
        "liquid.txt",
        "x.liquid.bak",
        "Cargo.toml",
        "notbrazelint.toml",
    ):
        assert not files.search(name), name


@pytest.fixture
def user_repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    env = isolated_env(tmp_path)
    repo = tmp_path / "marketing"
    (repo / "profiles").mkdir(parents=True)
    (repo / "templates").mkdir()
    (repo / "content_blocks").mkdir()
    (repo / "brazelint.toml").write_text(
        'templates = ["templates"]\nprofiles = "profiles"\nnow = "2026-01-01T09:00:00Z"\n',
        encoding="utf-8",
    )
    (repo / "profiles" / "jane.yaml").write_text(
        "attributes:\n  user_id: u-1\n  first_name: Jane\n", encoding="utf-8"
    )
    (repo / "templates" / "welcome.liquid").write_text(
        'Hi {{${first_name} | default: "there"}}\n', encoding="utf-8"
    )
    (repo / "templates" / "track.json.liquid").write_text(
        '{"user_id": "{{${user_id} | json_escape}}", "event": "signup",}\n', encoding="utf-8"
    )
    # a Content Block renders nothing on its own: the hook must not flag it
    (repo / "content_blocks" / "sign_off.liquid").write_text(
        "{% assign sign_off = 'Cheers' %}", encoding="utf-8"
    )
    (repo / "notes.yaml").write_text("not: a template\n", encoding="utf-8")
    git("init", "-q", cwd=repo, env=env)
    git("add", "-A", cwd=repo, env=env)
    git("commit", "-q", "-m", "templates", cwd=repo, env=env)
    return repo, env


def test_precommit_hook_fails_on_a_bad_template_then_passes(
    tmp_path: Path, user_repo: tuple[Path, dict[str, str]]
) -> None:
    repo, env = user_repo
    hooks = snapshot_working_tree(tmp_path / "brazelint-src", env)

    code, output = run_hook(repo, hooks, env, "--all-files")
    assert code == 1, output
    assert re.search(r"^brazelint\.+Failed$", output, re.M), output
    assert "- exit code: 1" in output
    assert "templates/track.json.liquid:1:" in output
    assert "BL401 invalid-json [error] trailing comma before '}'" in output
    assert "welcome.liquid" not in output
    assert "sign_off.liquid" not in output
    assert "Traceback" not in output

    fixed = (
        "{% if ${user_id} == blank %}{% abort_message('no user id') %}{% endif %}"
        '{"user_id": "{{${user_id} | json_escape}}", "event": "signup"}\n'
    )
    (repo / "templates" / "track.json.liquid").write_text(fixed, encoding="utf-8")
    git("add", "-A", cwd=repo, env=env)
    code, output = run_hook(repo, hooks, env, "--all-files")
    assert code == 0, output
    assert re.search(r"^brazelint\.+Passed$", output, re.M), output

    # without --all-files the hook sees only the staged files: a new bad one fails
    (repo / "templates" / "broken.liquid").write_text("{% if x %}never closed\n", encoding="utf-8")
    git("add", "templates/broken.liquid", cwd=repo, env=env)
    code, output = run_hook(repo, hooks, env)
    assert code == 1, output
    assert "templates/broken.liquid:1:" in output
    assert "BL001" in output
    assert "track.json.liquid" not in output


README_URL = "https://github.com/brazelint/brazelint"


def readme_hook_config() -> str:
    """The ``.pre-commit-config.yaml`` the README shows, as written."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", readme, re.S)
    assert match, "the README has no .pre-commit-config.yaml snippet"
    return match.group(1)


def test_readme_snippet_matches_the_hook_manifest() -> None:
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    (repo,) = yaml.safe_load(readme_hook_config())["repos"]
    (shown,) = repo["hooks"]
    assert repo["repo"] == "local"
    for key in ("id", "entry", "language", "files", "require_serial"):
        assert shown[key] == hook[key], key
    # installed from this repository's main branch: a revision that exists
    assert shown["additional_dependencies"] == [f"brazelint @ git+{README_URL}@main"]


def test_readme_snippet_works_as_written(
    tmp_path: Path, user_repo: tuple[Path, dict[str, str]]
) -> None:
    """The README's configuration, with only the repository URL pointed at a local copy
    of this working tree (on a branch called main, as the real repository's is)."""
    repo, env = user_repo
    source = snapshot_working_tree(tmp_path / "brazelint-src", env)
    git("branch", "-M", "main", cwd=source, env=env)
    config = readme_hook_config().replace(README_URL, source.as_uri())
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git("add", "-A", cwd=repo, env=env)

    def run(*args: str) -> tuple[int, str]:
        proc = subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "--color", "never", *args],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=HOOK_TIMEOUT,
        )
        return proc.returncode, proc.stdout + proc.stderr

    code, output = run("--all-files")
    assert code == 1, output
    assert re.search(r"^brazelint\.+Failed$", output, re.M), output
    assert "templates/track.json.liquid:1:" in output
    assert "BL401 invalid-json [error] trailing comma before '}'" in output
    assert "[WARNING]" not in output  # no mutable-rev warning

    # only a profile is staged: the hook still lints the templates that depend on it
    (repo / "profiles" / "jane.yaml").write_text(
        "attributes:\n  user_id: u-2\n  first_name: Jane\n", encoding="utf-8"
    )
    git("add", "profiles/jane.yaml", cwd=repo, env=env)
    code, output = run()
    assert code == 1, output
    assert "templates/track.json.liquid:1:" in output
