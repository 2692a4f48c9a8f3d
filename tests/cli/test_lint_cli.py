"""``brazelint lint`` run as a user runs it: the real CLI in a subprocess, on real files.

Every test gets its own ``BRAZELINT_CACHE_DIR`` (the autouse ``cache_dir`` fixture), so no
test reads ``~/.cache`` or another test's results.

The ``project`` fixture is a small project with two profiles, ``alice`` (has a first
name) and ``bob`` (has none), and these templates:

- ``greet.liquid`` prints ``${first_name}`` without a default: BL203 for bob (GREET);
- ``body.json.liquid`` has a trailing comma: BL401 for alice and bob, one finding (BODY);
- ``clean.liquid``, ``event.liquid`` (valid JSON), ``offers.liquid`` (Connected Content,
  answered by ``stubs/offers.yaml``) and ``clock.liquid`` (aborts after 2030): clean, but
  for the info that no profile renders clock.liquid's abort before 2030 (BL307), which
  ``rows`` leaves out.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Callable, Optional

import pytest

from netblock import subprocess_env

Run = Callable[..., subprocess.CompletedProcess[str]]
Row = tuple[str, int, int, str, tuple[str, ...]]
"""path (relative to the project), line, column, code, profiles."""

ROOT = Path(__file__).resolve().parents[2]

BASE_SETTINGS: dict[str, Any] = {
    "templates": ["templates"],
    "profiles": "profiles",
    "stubs": "stubs",
    "now": "2026-01-01T09:00:00Z",
    "generated-profiles": False,
    "ignore": ["BL307"],  # clock.liquid's abort branch, which no profile renders before 2030
}

BODY: Row = ("templates/body.json.liquid", 1, 34, "BL401", ("alice", "bob"))
GREET: Row = ("templates/greet.liquid", 1, 6, "BL203", ("bob",))
CLOCK: Row = ("templates/clock.liquid", 1, 72, "BL303", ("alice", "bob"))
NOTHING_CHECKED: Row = ("templates/clock.liquid", 1, 72, "BL308", ())
"""After 2030 every profile aborts on clock.liquid: its message is never checked."""
WITH_GENERATED = [  # the empty user prints gaps; the complete user gets past every guard
    ("templates/body.json.liquid", 1, 13, "BL203", ("empty",)),
    # alice and bob set all the body reads: the complete user would repeat their verdict
    ("templates/body.json.liquid", 1, 34, "BL401", ("alice", "bob", "empty")),
    ("templates/event.liquid", 1, 32, "BL203", ("empty",)),
    ("templates/greet.liquid", 1, 6, "BL203", ("bob", "empty")),
    ("templates/offers.liquid", 1, 60, "BL203", ("empty",)),
]
EVENT_SCHEMA: Row = ("templates/event.liquid", 1, 1, "BL402", ("alice", "bob"))
GREET_JSON = [  # the messages quote the output, so one finding per profile
    ("templates/greet.liquid", 1, 1, "BL401", ("alice",)),
    ("templates/greet.liquid", 1, 1, "BL401", ("bob",)),
]
CAROL = [  # carol (other_profiles/) has no first name either
    ("templates/body.json.liquid", 1, 34, "BL401", ("carol",)),
    ("templates/greet.liquid", 1, 6, "BL203", ("carol",)),
]
OFFERS_NO_STUB = [
    ("templates/offers.liquid", 1, 4, "BL102", ("alice",)),
    ("templates/offers.liquid", 1, 4, "BL102", ("bob",)),
]
BASE = [BODY, GREET]

TEMPLATES = {
    "greet.liquid": "Hi {{${first_name}}}\n",
    "body.json.liquid": '{"user": "{{${user_id}}}", "n": 1,}\n',
    "clean.liquid": 'Hello {{${first_name} | default: "friend"}}\n',
    "event.liquid": '{"event": "signup", "user": "{{${user_id}}}"}\n',
    "clock.liquid": (
        '{% assign year = "now" | date: "%Y" | plus: 0 %}'
        '{% if year > 2030 %}{% abort_message("from the future") %}{% endif %}Hello\n'
    ),
    "offers.liquid": (
        "{% connected_content https://api.example.com/offers?user="
        "{{${user_id} | url_param_escape}} :save offers %}"
        "{{offers.count | default: 0}} offers\n"
    ),
}
STUB = """\
- request:
    url_pattern: "^https://api\\\\.example\\\\.com/offers"
  response:
    json: {count: 2}
"""


# -- helpers ---------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache directory of this test's own (``run_cli`` passes the environment on)."""
    directory = tmp_path_factory.mktemp("lint-cache")
    monkeypatch.setenv("BRAZELINT_CACHE_DIR", str(directory))
    return directory


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def toml(settings: dict[str, Any]) -> str:
    return "".join(f"{key} = {toml_value(value)}\n" for key, value in settings.items())


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_config(
    root: Path, settings: Optional[dict[str, Any]] = None, *, pyproject: bool = False
) -> Path:
    """``brazelint.toml`` (or ``[tool.brazelint]`` in ``pyproject.toml``): the base
    settings updated with ``settings`` (a ``None`` value removes a key)."""
    merged = {**BASE_SETTINGS, **(settings or {})}
    body = toml({k: v for k, v in merged.items() if v is not None})
    (root / "brazelint.toml").unlink(missing_ok=True)
    (root / "pyproject.toml").unlink(missing_ok=True)
    if pyproject:
        return write(
            root / "pyproject.toml", f'[project]\nname = "demo"\n\n[tool.brazelint]\n{body}'
        )
    return write(root / "brazelint.toml", body)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    write_config(root)
    write(root / "profiles" / "alice.yaml", "attributes:\n  user_id: u-1\n  first_name: Alice\n")
    write(root / "profiles" / "bob.yaml", "attributes:\n  user_id: u-2\n")
    for name, text in TEMPLATES.items():
        write(root / "templates" / name, text)
    write(root / "stubs" / "offers.yaml", STUB)
    write(root / "schemas" / "needs_type.json", '{"type": "object", "required": ["type"]}\n')
    write(root / "other_profiles" / "carol.yaml", "attributes:\n  user_id: u-3\n")
    return root.resolve()


def rows(
    report: dict[str, Any], *, cwd: Optional[Path] = None, root: Optional[Path] = None
) -> list[Row]:
    """The report's findings; paths relative to ``root`` when the run's ``cwd`` differs."""

    def where(path: str) -> str:
        if cwd is None or root is None:
            return path
        return (cwd / path).resolve().relative_to(root).as_posix()

    return [
        (where(d["path"]), d["line"], d["column"], d["code"], tuple(d["profiles"]))
        for d in report["diagnostics"]
        if d["code"] != "BL307"  # clock.liquid's abort branch: tests/cli/test_checked_verdicts.py
    ]


def lint_json(run_cli: Run, *args: str, cwd: Path) -> tuple[int, dict[str, Any]]:
    """Exit code and parsed ``--format json`` report; a clean stderr is part of the deal."""
    proc = run_cli("lint", "--format", "json", *args, cwd=cwd)
    assert proc.stderr == "", proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def lint_rows(run_cli: Run, *args: str, cwd: Path) -> tuple[int, list[Row]]:
    code, report = lint_json(run_cli, *args, cwd=cwd)
    return code, rows(report)


def run_in_pty(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, bytes]:
    """Run the CLI with stdout and stderr on a terminal: what a user at a shell sees."""
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "brazelint", *args],
        cwd=cwd,
        env=subprocess_env(env),
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
    )
    os.close(secondary)
    output = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(primary)
    return proc.wait(timeout=60), output


# -- the bundled examples --------------------------------------------------------------


def test_bundled_examples_lint_clean(run_cli: Run) -> None:
    """The examples shipped in the repository pass (their findings are infos at most)."""
    proc = run_cli("lint", "--format", "json", "templates/", cwd=ROOT)
    assert (proc.returncode, proc.stderr) == (0, ""), proc.stdout
    report = json.loads(proc.stdout)
    assert {d["severity"] for d in report["diagnostics"]} <= {"info"}
    assert report["summary"]["files"] >= 7


# -- the base project, each format ---------------------------------------------------------


def test_base_project(run_cli: Run, project: Path) -> None:
    code, report = lint_json(run_cli, cwd=project)
    assert code == 1
    assert rows(report) == BASE
    assert report["summary"] == {"files": 6, "errors": 1, "warnings": 1, "infos": 0}


def test_json_report_contract(run_cli: Run, project: Path) -> None:
    """DESIGN.md: ``version``, ``diagnostics`` with the documented keys, ``summary``."""
    code, report = lint_json(run_cli, cwd=project)
    assert code == 1
    assert list(report) == ["version", "diagnostics", "summary", "coverage"]
    assert report["version"] == 1
    design_keys = [
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "name",
        "severity",
        "message",
        "profile",
    ]
    for diagnostic in report["diagnostics"]:
        assert list(diagnostic) == [*design_keys, "profiles", "hint", "excerpt"]
    body, greet = report["diagnostics"]
    assert {k: body[k] for k in design_keys if k != "message"} == {
        "path": "templates/body.json.liquid",
        "line": 1,
        "column": 34,
        "end_line": 1,
        "end_column": 34,
        "code": "BL401",
        "name": "invalid-json",
        "severity": "error",
        "profile": "alice",
    }
    assert body["profiles"] == ["alice", "bob"]
    assert body["excerpt"] == '{"user": "u-1", "n": 1,}'
    assert (greet["code"], greet["name"], greet["severity"]) == (
        "BL203",
        "attribute-missing",
        "warning",
    )
    assert (greet["profile"], greet["profiles"]) == ("bob", ["bob"])
    assert set(report["summary"]) >= {"files", "errors", "warnings"}


def test_profile_matrix_one_finding_lists_every_profile(run_cli: Run, project: Path) -> None:
    code, report = lint_json(run_cli, "templates/body.json.liquid", cwd=project)
    assert code == 1
    (only,) = report["diagnostics"]
    assert (only["code"], only["profile"], only["profiles"]) == ("BL401", "alice", ["alice", "bob"])


def test_profile_is_null_for_profile_free_checks(run_cli: Run, project: Path) -> None:
    write(project / "templates" / "syntax.liquid", "{% if x %}never closed\n")
    code, report = lint_json(run_cli, "templates/syntax.liquid", cwd=project)
    assert code == 1
    (only,) = report["diagnostics"]
    assert (only["code"], only["profile"], only["profiles"]) == ("BL001", None, [])


def test_text_format(run_cli: Run, project: Path) -> None:
    proc = run_cli("lint", "templates/body.json.liquid", cwd=project)
    assert (proc.returncode, proc.stderr) == (1, "")
    lines = proc.stdout.splitlines()
    assert lines[0] == (
        "templates/body.json.liquid:1:34: BL401 invalid-json [error] trailing comma before '}'"
    )
    assert "  = profiles: alice, bob" in lines
    assert lines[-1] == "Found 1 error in 1 file (1 file checked)."


def test_text_format_when_clean(run_cli: Run, project: Path) -> None:
    proc = run_cli("lint", "templates/clean.liquid", cwd=project)
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        0,
        "All checks passed (1 file checked).\n",
        "",
    )


def test_concise_format(run_cli: Run, project: Path) -> None:
    proc = run_cli("lint", "--format", "concise", cwd=project)
    assert (proc.returncode, proc.stderr) == (1, "")
    assert proc.stdout.splitlines() == [
        "templates/body.json.liquid:1:34: BL401 [error] trailing comma before '}' "
        "(profiles: alice, bob)",
        "templates/greet.liquid:1:6: BL203 [warning] first_name is not set for this profile "
        "and renders empty (profiles: bob)",
        "Found 1 error and 1 warning in 2 files (6 files checked).",
    ]


def test_github_format(run_cli: Run, project: Path) -> None:
    proc = run_cli("lint", "--format", "github", cwd=project)
    assert (proc.returncode, proc.stderr) == (1, "")
    body, greet = proc.stdout.splitlines()
    assert body.startswith(
        "::error file=templates/body.json.liquid,line=1,col=34,endLine=1,endColumn=34,"
        "title=BL401 invalid-json::templates/body.json.liquid:1:34: "
    )
    assert greet.startswith(
        "::warning file=templates/greet.liquid,line=1,col=6,endLine=1,endColumn=18,"
        "title=BL203 attribute-missing::"
    )


def test_sarif_format(run_cli: Run, project: Path) -> None:
    proc = run_cli("lint", "--format", "sarif", cwd=project)
    assert (proc.returncode, proc.stderr) == (1, "")
    sarif = json.loads(proc.stdout)
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    assert run["tool"]["driver"]["name"] == "brazelint"
    found = [
        (
            r["ruleId"],
            r["level"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in run["results"]
    ]
    assert found == [
        ("BL401", "error", "templates/body.json.liquid", 1, 34),
        ("BL203", "warning", "templates/greet.liquid", 1, 6),
    ]


def test_junit_format(run_cli: Run, project: Path) -> None:
    proc = run_cli("lint", "--format", "junit", "--select", "BL401,BL203", cwd=project)
    assert (proc.returncode, proc.stderr) == (1, "")
    suites = ET.fromstring(proc.stdout)
    assert suites.tag == "testsuites"
    assert (suites.get("tests"), suites.get("failures"), suites.get("errors")) == ("12", "2", "0")
    failures = [
        (suite.get("name"), case.get("name"), failure.get("type"))
        for suite in suites
        for case in suite
        for failure in case.findall("failure")
    ]
    assert failures == [
        ("templates/body.json.liquid", "BL401 invalid-json", "BL401"),
        ("templates/greet.liquid", "BL203 attribute-missing", "BL203"),
    ]


def test_output_file(run_cli: Run, project: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    proc = run_cli("lint", "--format", "json", "--output-file", str(target), cwd=project)
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, "", "")
    assert rows(json.loads(target.read_text(encoding="utf-8"))) == BASE
    short = run_cli("lint", "-o", "report.txt", "--format", "concise", cwd=project)
    assert (short.returncode, short.stdout) == (1, "")
    assert (
        (project / "report.txt")
        .read_text(encoding="utf-8")
        .endswith("Found 1 error and 1 warning in 2 files (6 files checked).\n")
    )


def test_output_file_that_cannot_be_written(run_cli: Run, project: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir" / "report.json"
    proc = run_cli("lint", "-o", str(target), cwd=project)
    assert proc.returncode == 2
    assert proc.stderr == f"error: {target}: cannot write the report (No such file or directory)\n"


# -- colour ----------------------------------------------------------------------------------


def test_colour_on_a_terminal_and_never_with_no_color(project: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    code, output = run_in_pty(["lint", "templates/greet.liquid"], project, env)
    assert code == 1
    assert b"\x1b[" in output  # the control: a terminal gets colour

    code, output = run_in_pty(["lint", "--no-color", "templates/greet.liquid"], project, env)
    assert code == 1
    assert b"\x1b" not in output
    assert b"templates/greet.liquid:1:6: BL203 attribute-missing [warning]" in output

    code, output = run_in_pty(["lint", "templates/greet.liquid"], project, {**env, "NO_COLOR": "1"})
    assert code == 1
    assert b"\x1b" not in output
    assert b"templates/greet.liquid:1:6: BL203 attribute-missing [warning]" in output


def test_no_colour_when_piped(run_cli: Run, project: Path) -> None:
    env_without = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    proc = subprocess.run(
        [sys.executable, "-m", "brazelint", "lint", "--format", "concise"],
        cwd=project,
        env=subprocess_env(env_without),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "\x1b" not in proc.stdout + proc.stderr


# -- paths -----------------------------------------------------------------------------------


def test_missing_path_is_one_line_and_exit_2(run_cli: Run, project: Path) -> None:
    proc = run_cli("lint", "templates/greet.liquid", "missing.liquid", cwd=project)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "error: missing.liquid: no such file or directory\n"


def test_glob_paths(run_cli: Run, project: Path) -> None:
    code, report = lint_json(run_cli, "templates/*.json.liquid", "templates/g*", cwd=project)
    assert code == 1
    assert rows(report) == BASE
    assert report["summary"]["files"] == 2
    recursive = lint_json(run_cli, "**/body*.liquid", cwd=project)
    assert rows(recursive[1]) == [BODY]


def test_glob_that_matches_nothing(run_cli: Run, project: Path) -> None:
    proc = run_cli("lint", "templates/nothing*.liquid", cwd=project)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "error: templates/nothing*.liquid: no files match this pattern\n"


def test_directory_and_file_paths(run_cli: Run, project: Path) -> None:
    code, report = lint_json(run_cli, "templates/greet.liquid", "templates", cwd=project)
    assert code == 1
    assert rows(report) == BASE
    assert report["summary"]["files"] == 6


def test_no_paths_and_no_templates_setting(run_cli: Run, project: Path) -> None:
    write_config(project, {"templates": None})
    proc = run_cli("lint", cwd=project)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.splitlines()[0] == "error: no paths to lint"


# -- flags -------------------------------------------------------------------------------------


def test_profiles_flag(run_cli: Run, project: Path) -> None:
    assert lint_rows(run_cli, "--profiles", "other_profiles", cwd=project) == (1, CAROL)


def test_profiles_flag_missing_directory(run_cli: Run, project: Path) -> None:
    proc = run_cli("lint", "--profiles", "nowhere", cwd=project)
    assert proc.returncode == 2
    assert proc.stderr == "error: nowhere: profiles directory not found\n"


def test_profile_flag_by_name_file_and_repeated(run_cli: Run, project: Path) -> None:
    assert lint_rows(run_cli, "--profile", "bob", cwd=project) == (
        1,
        [("templates/body.json.liquid", 1, 34, "BL401", ("bob",)), GREET],
    )
    assert lint_rows(run_cli, "--profile", "profiles/alice.yaml", cwd=project) == (
        1,
        [("templates/body.json.liquid", 1, 34, "BL401", ("alice",))],
    )
    assert lint_rows(run_cli, "--profile", "alice", "--profile", "bob", cwd=project) == (1, BASE)
    # a name is looked up in the --profiles directory
    assert lint_rows(
        run_cli, "--profiles", "other_profiles", "--profile", "carol", cwd=project
    ) == (1, CAROL)


def test_profile_flag_unknown_name(run_cli: Run, project: Path) -> None:
    proc = run_cli("lint", "--profile", "nobody", cwd=project)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.splitlines() == [
        f"error: profile 'nobody' not found in {project / 'profiles'}",
        " = hint: available: alice, bob",
    ]


def test_stubs_flag(run_cli: Run, project: Path) -> None:
    (project / "empty_stubs").mkdir()
    code, found = lint_rows(
        run_cli, "--stubs", "empty_stubs", "templates/offers.liquid", cwd=project
    )
    assert (code, found) == (1, OFFERS_NO_STUB)
    assert lint_rows(
        run_cli, "--stubs", "stubs/offers.yaml", "templates/offers.liquid", cwd=project
    ) == (
        0,
        [],
    )


def test_stubs_flag_missing_path(run_cli: Run, project: Path) -> None:
    proc = run_cli("lint", "--stubs", "nowhere.yaml", cwd=project)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "error: nowhere.yaml: stub file or directory not found\n"


def test_schema_flag_by_id_and_by_path(run_cli: Run, project: Path) -> None:
    code, found = lint_rows(
        run_cli, "--schema", "schemas/needs_type.json", "templates/event.liquid", cwd=project
    )
    assert (code, found) == (1, [EVENT_SCHEMA])
    code, report = lint_json(
        run_cli, "--schema", "movable-ink/event", "templates/event.liquid", cwd=project
    )
    assert code == 1
    assert {(d["code"], d["line"]) for d in report["diagnostics"] if d["code"] == "BL402"} == {
        ("BL402", 1)
    }
    assert {d["message"] for d in report["diagnostics"] if d["code"] == "BL402"} >= {
        "missing required `type`",
        "missing required `user_id`",
    }


def test_schema_flag_unknown(run_cli: Run, project: Path) -> None:
    proc = run_cli("lint", "--schema", "nope/nothing", "templates/event.liquid", cwd=project)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.splitlines()[0] == (
        f"error: unknown schema 'nope/nothing' (for {Path('templates/event.liquid')})"
    )


def test_now_flag(run_cli: Run, project: Path) -> None:
    assert lint_rows(run_cli, "templates/clock.liquid", cwd=project) == (0, [])
    assert lint_rows(
        run_cli, "--now", "2031-06-01T00:00:00Z", "templates/clock.liquid", cwd=project
    ) == (
        1,  # every profile aborts, so nothing was checked: a warning
        [CLOCK, NOTHING_CHECKED],
    )


def test_now_flag_invalid(run_cli: Run, project: Path) -> None:
    proc = run_cli("lint", "--now", "next tuesday", cwd=project)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.splitlines()[0] == "error: invalid --now value 'next tuesday'"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "BL401"], [BODY]),
        (["--select", "BL4"], [BODY]),
        (["--select", "invalid-json"], [BODY]),
        (["--select", "BL401,attribute-missing"], BASE),
        (["--select", "BL401", "--select", "BL2"], BASE),
        (["--select", "ALL"], BASE),
        (["--ignore", "BL401"], [GREET]),
        (["--ignore", "BL2"], [BODY]),
        (["--ignore", "attribute-missing"], [BODY]),
        (["--ignore", "BL2,invalid-json"], []),
        (["--select", "BL401", "--extend-select", "BL203"], BASE),
        (["--select", "BL401", "--extend-select", "BL2"], BASE),
        (["--select", "BL9", "--extend-select", "invalid-json,BL2"], BASE),
        (["--select", "BL4,BL2", "--ignore", "BL401"], [GREET]),
    ],
)
def test_rule_selection_flags(
    run_cli: Run, project: Path, args: list[str], expected: list[Row]
) -> None:
    assert lint_rows(run_cli, *args, cwd=project) == (1 if expected else 0, expected)


@pytest.mark.parametrize("flag", ["--select", "--ignore", "--extend-select"])
def test_unknown_rule_selector_flag(run_cli: Run, project: Path, flag: str) -> None:
    proc = run_cli("lint", flag, "BL401,BL999", cwd=project)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.splitlines()[0] == f"error: {flag}: unknown rule selector 'BL999'"


def test_fail_level_flag(run_cli: Run, project: Path) -> None:
    future = ["--now", "2031-06-01T00:00:00Z", "--ignore", "BL308"]
    # warning (the default): a warning fails, an info does not
    assert run_cli("lint", "templates/greet.liquid", cwd=project).returncode == 1
    assert run_cli("lint", *future, "templates/clock.liquid", cwd=project).returncode == 0
    # error: warnings pass, errors fail
    assert (
        run_cli("lint", "--fail-level", "error", "templates/greet.liquid", cwd=project).returncode
        == 0
    )
    assert run_cli("lint", "--fail-level", "error", cwd=project).returncode == 1
    # info: even an info fails
    proc = run_cli("lint", "--fail-level", "info", *future, "templates/clock.liquid", cwd=project)
    assert proc.returncode == 1
    # the report itself does not change with the fail level
    assert proc.stdout == run_cli("lint", *future, "templates/clock.liquid", cwd=project).stdout


def test_fail_level_flag_invalid(run_cli: Run, project: Path) -> None:
    proc = run_cli("lint", "--fail-level", "fatal", cwd=project)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.splitlines()[-1] == (
        "brazelint lint: error: argument --fail-level: invalid choice: 'fatal' "
        "(choose from 'info', 'warning', 'error')"
    )


def test_exit_zero(run_cli: Run, project: Path) -> None:
    code, report = lint_json(run_cli, "--exit-zero", cwd=project)
    assert (code, rows(report)) == (0, BASE)
    assert run_cli("lint", "--exit-zero", "--fail-level", "info", cwd=project).returncode == 0


def test_config_flag(run_cli: Run, project: Path) -> None:
    # paths in a config file are relative to the file's directory
    settings = {**BASE_SETTINGS, "profiles": "../profiles", "stubs": "../stubs"}
    write(project / "ci" / "strict.toml", toml({**settings, "select": ["BL401"]}))
    code, found = lint_rows(run_cli, "--config", "ci/strict.toml", "templates", cwd=project)
    assert (code, found) == (1, [BODY])
    # the templates setting is relative to the file too
    write(
        project / "ci" / "greet.toml",
        toml({**settings, "templates": ["../templates/greet.liquid"]}),
    )
    assert lint_rows(run_cli, "--config", "ci/greet.toml", cwd=project) == (1, [GREET])


def test_config_flag_missing_file(run_cli: Run, project: Path) -> None:
    proc = run_cli("lint", "--config", "nowhere.toml", cwd=project)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "error: nowhere.toml: config file not found\n"


def test_no_generated_profiles_flag(run_cli: Run, project: Path) -> None:
    write_config(project, {"generated-profiles": True})
    assert lint_rows(run_cli, cwd=project) == (1, WITH_GENERATED)
    assert lint_rows(run_cli, "--no-generated-profiles", cwd=project) == (1, BASE)


def test_parallel_and_serial_reports_are_identical(
    run_cli: Run, project: Path, cache_dir: Path
) -> None:
    many = project / "many"
    for number in range(40):
        if number % 3 == 0:
            text = f'{{"n": {number}, "name": "{{{{${{first_name}}}}}}",}}\n'
        elif number % 3 == 1:
            text = f"Hi {{{{${{first_name}}}}}} {number}\n"
        else:
            text = f'Hello {{{{${{first_name}} | default: "x"}}}} {number}\n'
        write(many / f"t{number:02}.liquid", text)
    serial = run_cli("lint", "--format", "json", "--no-cache", "--jobs", "1", "many", cwd=project)
    default = run_cli("lint", "--format", "json", "--no-cache", "many", cwd=project)
    four = run_cli("lint", "--format", "json", "--no-cache", "--jobs", "4", "many", cwd=project)
    assert serial.returncode == default.returncode == four.returncode == 1
    assert serial.stderr == default.stderr == four.stderr == ""
    assert default.stdout == serial.stdout
    assert four.stdout == serial.stdout
    report = json.loads(serial.stdout)
    assert report["summary"]["files"] == 40
    codes = [(d["path"], d["code"]) for d in report["diagnostics"]]
    # 14 files with a trailing comma (BL401) and an unguarded name (BL203); 13 with BL203
    assert sum(code == "BL401" for _, code in codes) == 14
    assert sum(code == "BL203" for _, code in codes) == 27
    assert codes == sorted(codes)
    assert not list(cache_dir.iterdir())  # --no-cache writes nothing


def test_no_progress_bar_when_stderr_is_not_a_terminal(run_cli: Run, project: Path) -> None:
    for number in range(40):
        write(project / "many" / f"t{number:02}.liquid", f"Hi {{{{${{first_name}}}}}} {number}\n")
    proc = run_cli("lint", "--format", "concise", "--jobs", "1", "many", cwd=project)
    assert proc.returncode == 1
    assert proc.stderr == ""
    assert "\r" not in proc.stdout


# -- configuration ---------------------------------------------------------------------------

CONFIG_CASES: list[tuple[str, dict[str, Any], int, list[Row]]] = [
    ("templates", {"templates": ["templates/greet.liquid"]}, 1, [GREET]),
    ("templates-string", {"templates": "templates/greet.liquid"}, 1, [GREET]),
    ("exclude", {"exclude": ["templates/body*"]}, 1, [GREET]),
    ("exclude-name", {"exclude": ["greet.liquid"]}, 1, [BODY]),
    ("select", {"select": ["BL401"]}, 1, [BODY]),
    ("select-name", {"select": ["attribute-missing"]}, 1, [GREET]),
    ("ignore", {"ignore": ["BL2"]}, 1, [BODY]),
    ("extend-select", {"select": ["BL401"], "extend-select": ["attribute-missing"]}, 1, BASE),
    ("per-file-ignores", {"per-file-ignores": {"greet.liquid": ["BL203"]}}, 1, [BODY]),
    (
        "per-file-ignores-glob",
        {"per-file-ignores": {"templates/*.json.liquid": ["BL4"]}},
        1,
        [GREET],
    ),
    ("fail-level", {"fail-level": "error", "ignore": ["BL401"]}, 0, [GREET]),
    (
        "fail-level-info",
        {"fail-level": "info", "select": ["BL303"], "now": "2031-06-01"},
        1,
        [CLOCK],
    ),
    ("now", {"now": "2031-06-01T00:00:00Z"}, 1, [BODY, CLOCK, NOTHING_CHECKED, GREET]),
    ("generated-profiles", {"generated-profiles": True}, 1, WITH_GENERATED),
    ("json", {"json": ["templates/greet.liquid"]}, 1, [BODY, *GREET_JSON, GREET]),
    (
        "schemas",
        {"schemas": {"templates/event.liquid": "schemas/needs_type.json"}},
        1,
        [BODY, EVENT_SCHEMA, GREET],
    ),
    ("template-profiles", {"template-profiles": {"templates/greet.liquid": ["alice"]}}, 1, [BODY]),
    ("profiles", {"profiles": "other_profiles"}, 1, CAROL),
    ("stubs", {"stubs": "no_stubs_here"}, 1, [BODY, GREET, *OFFERS_NO_STUB]),
]


@pytest.mark.parametrize(
    ("settings", "exit_code", "expected"),
    [case[1:] for case in CONFIG_CASES],
    ids=[case[0] for case in CONFIG_CASES],
)
def test_config_key_in_brazelint_toml(
    run_cli: Run, project: Path, settings: dict[str, Any], exit_code: int, expected: list[Row]
) -> None:
    write_config(project, settings)
    assert lint_rows(run_cli, cwd=project) == (exit_code, expected)


@pytest.mark.parametrize(
    ("settings", "exit_code", "expected"),
    [case[1:] for case in CONFIG_CASES],
    ids=[case[0] for case in CONFIG_CASES],
)
def test_config_key_in_pyproject_found_from_a_subdirectory(
    run_cli: Run, project: Path, settings: dict[str, Any], exit_code: int, expected: list[Row]
) -> None:
    write_config(project, settings, pyproject=True)
    cwd = project / "docs" / "deep"
    cwd.mkdir(parents=True)
    code, report = lint_json(run_cli, cwd=cwd)
    assert (code, rows(report, cwd=cwd, root=project)) == (exit_code, expected)


def test_the_config_nearest_the_file_wins_not_the_one_nearest_the_working_directory(
    run_cli: Run, project: Path
) -> None:
    write_config(project, {"select": ["BL401"]}, pyproject=True)
    nested = project / "nested"
    settings = {"templates": ["../templates"], "profiles": "../profiles", "stubs": "../stubs"}
    write(nested / "brazelint.toml", toml({**BASE_SETTINGS, **settings}))
    # the working directory's config only says which templates to lint; each template
    # then uses the config above it: the project's, which selects BL401 alone
    code, report = lint_json(run_cli, cwd=nested)
    assert (code, rows(report, cwd=nested, root=project)) == (1, [BODY])


def test_pyproject_without_a_brazelint_table_is_skipped(run_cli: Run, project: Path) -> None:
    nested = project / "pkg"
    write(nested / "pyproject.toml", '[project]\nname = "other"\n')
    code, report = lint_json(run_cli, cwd=nested)
    assert (code, rows(report, cwd=nested, root=project)) == (1, BASE)


@pytest.mark.parametrize(
    ("config", "args", "expected"),
    [
        ({"select": ["BL401"]}, ["--select", "BL203"], (1, [GREET])),
        # as in ruff: --select on the command line replaces the file's select and ignore
        ({"select": ["BL4"], "ignore": ["BL203"]}, ["--select", "BL203"], (1, [GREET])),
        ({"ignore": ["BL203"]}, ["--select", "BL2"], (1, [GREET])),
        # --extend-select and --ignore adjust the file's choice
        ({"ignore": ["BL203"]}, ["--extend-select", "BL203"], (1, BASE)),
        ({"select": ["BL401"]}, ["--extend-select", "BL203"], (1, BASE)),
        ({"select": ["BL401", "BL203"]}, ["--ignore", "BL401"], (1, [GREET])),
        ({"fail-level": "error", "ignore": ["BL401"]}, ["--fail-level", "warning"], (1, [GREET])),
        ({"fail-level": "warning", "ignore": ["BL401"]}, ["--fail-level", "error"], (0, [GREET])),
        ({"now": "2031-06-01T00:00:00Z"}, ["--now", "2026-06-01T00:00:00Z"], (1, BASE)),
        (
            {"now": "2026-06-01T00:00:00Z"},
            ["--now", "2031-06-01T00:00:00Z"],
            (1, [BODY, CLOCK, NOTHING_CHECKED, GREET]),
        ),
        ({"generated-profiles": True}, ["--no-generated-profiles"], (1, BASE)),
        ({"profiles": "other_profiles"}, ["--profiles", "profiles"], (1, BASE)),
        ({"templates": ["templates/greet.liquid"]}, ["templates/body.json.liquid"], (1, [BODY])),
        (
            {"schemas": {"templates/event.liquid": "movable-ink/event"}},
            ["--schema", "schemas/needs_type.json", "templates/event.liquid"],
            (1, [EVENT_SCHEMA]),
        ),
    ],
)
def test_command_line_overrides_config(
    run_cli: Run,
    project: Path,
    config: dict[str, Any],
    args: list[str],
    expected: tuple[int, list[Row]],
) -> None:
    write_config(project, config)
    assert lint_rows(run_cli, *args, cwd=project) == expected


CONFIG_ERRORS: list[tuple[str, str, str]] = [
    # (id, setting as TOML, first stderr line after "error: <file>: ")
    ("unknown-key", "bogus = 1", "unknown setting 'bogus'"),
    ("templates", "templates = 3", "'templates' must be a list of strings"),
    ("exclude", 'exclude = "drafts"', "'exclude' must be a list of strings"),
    ("select", 'select = "BL4"', "'select' must be a list of strings"),
    ("ignore", 'ignore = ["BL2", 3]', "'ignore' must be a list of strings"),
    ("extend-select", "extend-select = true", "'extend-select' must be a list of strings"),
    ("per-file-ignores-table", 'per-file-ignores = ["BL2"]', "'per-file-ignores' must be a table"),
    (
        "per-file-ignores-value",
        'per-file-ignores = {"a.liquid" = 1}',
        "'per-file-ignores.\"a.liquid\"' must be a list of strings",
    ),
    (
        "fail-level",
        'fail-level = "fatal"',
        "'fail-level' must be one of error, warning, info, got 'fatal'",
    ),
    ("now-type", "now = 5", "'now' must be an ISO 8601 date-time, got 5"),
    ("now-text", 'now = "next tuesday"', "'now' must be an ISO 8601 date-time, got 'next tuesday'"),
    (
        "generated-profiles",
        'generated-profiles = "no"',
        "'generated-profiles' must be true or false",
    ),
    ("json", "json = [1]", "'json' must be a list of strings"),
    ("schemas-table", 'schemas = "sessionm/tags"', "'schemas' must be a table"),
    ("schemas-value", 'schemas = {"*.liquid" = 1}', "'schemas.\"*.liquid\"' must be a string"),
    (
        "template-profiles-table",
        'template-profiles = ["alice"]',
        "'template-profiles' must be a table",
    ),
    (
        "template-profiles-value",
        'template-profiles = {"*.liquid" = 1}',
        "'template-profiles.\"*.liquid\"' must be a list of strings",
    ),
    ("profiles", "profiles = 3", "'profiles' must be a path string"),
]


def _config_error_file(root: Path, setting: str, pyproject: bool) -> Path:
    base = {k: v for k, v in BASE_SETTINGS.items() if not setting.startswith(f"{k} ")}
    body = toml(base) + setting + "\n"
    if pyproject:
        return write(
            root / "pyproject.toml", f'[project]\nname = "demo"\n\n[tool.brazelint]\n{body}'
        )
    return write(root / "brazelint.toml", body)


@pytest.mark.parametrize("pyproject", [False, True], ids=["brazelint.toml", "pyproject.toml"])
@pytest.mark.parametrize(
    ("setting", "message"), [c[1:] for c in CONFIG_ERRORS], ids=[c[0] for c in CONFIG_ERRORS]
)
def test_config_error_is_one_line_naming_file_and_key(
    run_cli: Run, project: Path, setting: str, message: str, pyproject: bool
) -> None:
    (project / "brazelint.toml").unlink()
    path = _config_error_file(project, setting, pyproject)
    cwd = project / "templates"
    proc = run_cli("lint", cwd=cwd)
    assert (proc.returncode, proc.stdout) == (2, "")
    lines = proc.stderr.splitlines()
    assert lines[0] == f"error: {path}: {message}"
    assert len(lines) == 1 or (len(lines) == 2 and lines[1].startswith(" = hint: "))
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('select = ["BL999"]', "'select': unknown rule selector 'BL999'"),
        ('ignore = ["no-such-rule"]', "'ignore': unknown rule selector 'no-such-rule'"),
        ('extend-select = ["BLX"]', "'extend-select': unknown rule selector 'BLX'"),
        (
            'per-file-ignores = {"*.liquid" = ["BL999"]}',
            "'per-file-ignores': unknown rule selector 'BL999'",
        ),
        (
            'template-profiles = {"templates/*.liquid" = ["alice", "alcie"]}',
            "'template-profiles.\"templates/*.liquid\"' names an unknown profile 'alcie'",
        ),
    ],
)
def test_unknown_selector_or_profile_in_config(
    run_cli: Run, project: Path, setting: str, message: str
) -> None:
    path = _config_error_file(project, setting, pyproject=False)
    proc = run_cli("lint", cwd=project)
    assert (proc.returncode, proc.stdout) == (2, "")
    lines = proc.stderr.splitlines()
    assert lines[0] == f"error: {path}: {message}"
    assert len(lines) == 2 and lines[1].startswith(" = hint: ")


def test_invalid_toml(run_cli: Run, project: Path) -> None:
    write(project / "brazelint.toml", "templates = [\n")
    proc = run_cli("lint", cwd=project)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.startswith(f"error: {project / 'brazelint.toml'}: invalid TOML (")
    assert len(proc.stderr.splitlines()) == 1


# -- the cache -------------------------------------------------------------------------------


def test_cache_second_run_gives_the_same_report(
    run_cli: Run, project: Path, cache_dir: Path
) -> None:
    first = run_cli("lint", "--format", "json", cwd=project)
    lines = [
        line for shard in cache_dir.rglob("*.jsonl") for line in shard.read_text().splitlines()
    ]
    assert len(lines) == 6  # one entry per file
    second = run_cli("lint", "--format", "json", cwd=project)
    assert (second.returncode, second.stdout, second.stderr) == (
        first.returncode,
        first.stdout,
        first.stderr,
    )
    assert rows(json.loads(second.stdout)) == BASE
    # the text report (code frames read from the files) is the same from the cache too
    text_first = run_cli("lint", "--no-cache", cwd=project)
    text_cached = run_cli("lint", cwd=project)
    assert text_cached.stdout == text_first.stdout


def test_cache_is_really_used(run_cli: Run, project: Path, cache_dir: Path) -> None:
    """Proof that the second run reads the cache: an edited entry shows up in the report."""
    run_cli("lint", "templates/greet.liquid", cwd=project)
    (shard,) = cache_dir.rglob("*.jsonl")
    data = json.loads(shard.read_text(encoding="utf-8"))
    data["diagnostics"][0]["message"] = "served from the cache"
    shard.write_text(json.dumps(data) + "\n", encoding="utf-8")
    code, report = lint_json(run_cli, "templates/greet.liquid", cwd=project)
    assert (code, [d["message"] for d in report["diagnostics"]]) == (1, ["served from the cache"])
    code, report = lint_json(run_cli, "--no-cache", "templates/greet.liquid", cwd=project)
    assert (code, [d["message"] for d in report["diagnostics"]]) == (
        1,
        ["first_name is not set for this profile and renders empty"],
    )


def _edit_profile(root: Path) -> list[Row]:
    write(root / "profiles" / "bob.yaml", "attributes:\n  user_id: u-2\n  first_name: Bob\n")
    return [BODY]


def _edit_stub(root: Path) -> list[Row]:
    (root / "stubs" / "offers.yaml").unlink()
    return [BODY, GREET, *OFFERS_NO_STUB]


def _edit_config(root: Path) -> list[Row]:
    write_config(root, {"ignore": ["BL203"]})
    return [BODY]


def _edit_template(root: Path) -> list[Row]:
    write(root / "templates" / "greet.liquid", 'Hi {{${first_name} | default: "you"}}\n')
    return [BODY]


def _edit_schema(root: Path) -> list[Row]:
    write_config(root, {"schemas": {"templates/event.liquid": "schemas/needs_type.json"}})
    return [BODY, EVENT_SCHEMA, GREET]


def _delete_cache(root: Path) -> list[Row]:
    return BASE


@pytest.mark.parametrize(
    "edit",
    [_edit_profile, _edit_stub, _edit_config, _edit_template, _edit_schema, _delete_cache],
    ids=["profile", "stub", "config", "template", "config-schema", "cache-deleted"],
)
def test_cache_is_invalidated_by_every_input(
    run_cli: Run, project: Path, cache_dir: Path, edit: Callable[[Path], list[Row]]
) -> None:
    assert lint_rows(run_cli, cwd=project) == (1, BASE)
    assert lint_rows(run_cli, cwd=project) == (1, BASE)  # cached
    expected = edit(project)
    if edit is _delete_cache:
        import shutil

        shutil.rmtree(cache_dir)
    assert lint_rows(run_cli, cwd=project) == (1, expected)
    assert lint_rows(run_cli, "--no-cache", cwd=project) == (1, expected)


def test_cache_schema_file_edit(run_cli: Run, project: Path) -> None:
    args = ("--schema", "schemas/needs_type.json", "templates/event.liquid")
    assert lint_rows(run_cli, *args, cwd=project) == (1, [EVENT_SCHEMA])
    write(project / "schemas" / "needs_type.json", '{"type": "object"}\n')
    assert lint_rows(run_cli, *args, cwd=project) == (0, [])


def test_cache_profile_given_by_path_outside_the_profiles_directory(
    run_cli: Run, project: Path, tmp_path: Path
) -> None:
    carol = write(tmp_path / "elsewhere" / "carol.yaml", "attributes:\n  first_name: Carol\n")
    args = ("--profile", str(carol), "templates/greet.liquid")
    assert lint_rows(run_cli, *args, cwd=project) == (0, [])
    write(carol, "attributes:\n  last_name: Carol\n")
    assert lint_rows(run_cli, *args, cwd=project) == (
        1,
        [("templates/greet.liquid", 1, 6, "BL203", ("carol",))],
    )


def test_cache_profiles_and_stubs_flags(run_cli: Run, project: Path) -> None:
    """Directories named by flags are inputs too, and a missing one is still an error."""
    assert lint_rows(run_cli, "--profiles", "other_profiles", cwd=project)[0] == 1
    write(
        project / "other_profiles" / "carol.yaml", "attributes:\n  user_id: u-3\n  first_name: C\n"
    )
    write(project / "templates" / "body.json.liquid", '{"user": "{{${user_id}}}", "n": 1}\n')
    assert lint_rows(run_cli, "--profiles", "other_profiles", cwd=project) == (0, [])
    # a second run (every file cached) still checks the flags
    proc = run_cli("lint", "--stubs", "nowhere", cwd=project)
    assert (proc.returncode, proc.stderr) == (
        2,
        "error: nowhere: stub file or directory not found\n",
    )
    proc = run_cli("lint", "--profiles", "nowhere", cwd=project)
    assert (proc.returncode, proc.stderr) == (2, "error: nowhere: profiles directory not found\n")


def test_cache_keeps_the_fail_level_of_the_run(run_cli: Run, project: Path) -> None:
    args = ("--ignore", "BL401", "--fail-level", "error")
    assert lint_rows(run_cli, *args, cwd=project) == (0, [GREET])
    assert lint_rows(run_cli, *args, cwd=project) == (0, [GREET])  # every file cached
    assert lint_rows(run_cli, "--ignore", "BL401", cwd=project) == (1, [GREET])


def test_cache_webhook_environment_variable(
    run_cli: Run, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A webhook reads ``${env:NAME}``: its cached result depends on the variable."""
    write(
        project / "templates" / "ping.webhook.yaml",
        'url: "https://api.example.com/ping"\nmethod: POST\nheaders:\n'
        '  X-Token: "${env:BRAZELINT_TEST_TOKEN}"\nbody: "{}"\n',
    )
    monkeypatch.setenv("BRAZELINT_TEST_TOKEN", "{{ oops")
    broken = lint_rows(run_cli, "templates/ping.webhook.yaml", cwd=project)
    assert broken[0] == 1
    assert [row[3] for row in broken[1]] == ["BL001"]
    monkeypatch.setenv("BRAZELINT_TEST_TOKEN", "a-token")
    assert lint_rows(run_cli, "templates/ping.webhook.yaml", cwd=project) == (0, [])


def test_unwritable_cache_dir_is_harmless(
    run_cli: Run, project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = write(tmp_path / "a-file", "not a directory\n")
    monkeypatch.setenv("BRAZELINT_CACHE_DIR", str(blocker / "cache"))
    assert lint_rows(run_cli, cwd=project) == (1, BASE)


# -- suppression comments --------------------------------------------------------------------

SUPPRESSIONS = {
    "next_line.liquid": (
        "{% comment %}brazelint: disable-next-line BL203{% endcomment %}\n"
        "Hi {{${first_name}}}\n"
        "Bye {{${first_name}}}\n"
    ),
    "range.liquid": (
        "A {{${first_name}}}\n"
        "{% comment %}brazelint: disable attribute-missing{% endcomment %}\n"
        "B {{${first_name}}}\n"
        "{% comment %}brazelint: enable attribute-missing{% endcomment %}\n"
        "C {{${first_name}}}\n"
    ),
    "whole_file.liquid": (
        "{% comment %}brazelint: disable BL203{% endcomment %}\n"
        "A {{${first_name}}}\n"
        "B {{${first_name}}}\n"
    ),
    "disable_file.liquid": (
        "A {{${first_name}}}\n{% comment %}brazelint: disable-file BL2{% endcomment %}\n"
    ),
    "unused.liquid": (
        "{% comment %}brazelint: disable-next-line BL401{% endcomment %}\n"
        'Hi {{${first_name} | default: "x"}}\n'
    ),
    "invalid.liquid": (
        "{% comment %}brazelint: disable-next-line BL999{% endcomment %}\n"
        'Hi {{${first_name} | default: "x"}}\n'
    ),
}


def test_suppression_comments(run_cli: Run, project: Path) -> None:
    for name, text in SUPPRESSIONS.items():
        write(project / "sup" / name, text)
    assert lint_rows(run_cli, "sup", cwd=project) == (
        1,
        [
            ("sup/invalid.liquid", 1, 1, "BL902", ()),
            ("sup/next_line.liquid", 3, 7, "BL203", ("bob",)),
            ("sup/range.liquid", 1, 5, "BL203", ("bob",)),
            ("sup/range.liquid", 5, 5, "BL203", ("bob",)),
            ("sup/unused.liquid", 1, 1, "BL901", ()),
        ],
    )
    # BL901 is a rule like any other
    assert lint_rows(run_cli, "--ignore", "BL9", "sup", cwd=project)[1] == [
        ("sup/next_line.liquid", 3, 7, "BL203", ("bob",)),
        ("sup/range.liquid", 1, 5, "BL203", ("bob",)),
        ("sup/range.liquid", 5, 5, "BL203", ("bob",)),
    ]


# -- content blocks ------------------------------------------------------------------------


def test_content_blocks_are_checked_through_their_templates(run_cli: Run, project: Path) -> None:
    """A Content Block alone renders a fragment (here: nothing); it is not linted on its
    own, and when pre-commit passes a changed block, the templates that include it are
    linted instead."""
    write(project / "content_blocks" / "greeting.liquid", "{% assign greeting = 'Hi' %}")
    write(
        project / "templates" / "uses_block.liquid",
        "{{content_blocks.${greeting}}}{{ greeting }} there\n",
    )
    assert lint_rows(run_cli, ".", cwd=project) == (1, BASE)
    code, report = lint_json(run_cli, "content_blocks/greeting.liquid", cwd=project)
    assert (code, rows(report)) == (0, [])
    assert report["summary"]["files"] == 1
    # asked for by directory, the blocks are linted themselves (and their templates too)
    code, report = lint_json(run_cli, "content_blocks", cwd=project)
    assert (code, rows(report)) == (
        1,
        [("content_blocks/greeting.liquid", 1, 1, "BL304", ("alice", "bob"))],
    )
    assert report["summary"]["files"] == 2


def test_names_assigned_in_blocks_given_by_the_flag_are_defined(
    run_cli: Run, project: Path
) -> None:
    """A name a Content Block assigns is no undefined variable (BL202), even where no
    profile includes the block; with ``--content-blocks DIR`` the blocks are DIR's."""
    write(project / "other_blocks" / "setup.liquid", "{% assign promo = 'SPRING' %}")
    template = (
        '{% if ${first_name} == "Zed" %}{{content_blocks.${setup}}}{% endif %}'
        '{{ promo | default: "none" }}\n'
    )
    write(project / "templates" / "promo.liquid", template)
    assert lint_rows(run_cli, "templates/promo.liquid", cwd=project) == (
        1,
        [("templates/promo.liquid", 1, 73, "BL202", ())],
    )
    assert lint_rows(
        run_cli, "templates/promo.liquid", "--content-blocks", "other_blocks", cwd=project
    ) == (0, [])
