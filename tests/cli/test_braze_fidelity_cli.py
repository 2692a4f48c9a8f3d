"""Issue 17's CLI-visible behaviours, through ``python -m brazelint`` in a subprocess."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any, Callable

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRAZELINT_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "project"
    (root / "profiles").mkdir(parents=True)
    (root / "brazelint.toml").write_text(
        'profiles = "profiles"\nnow = "2024-03-01T12:00:00Z"\ngenerated-profiles = false\n',
        encoding="utf-8",
    )
    (root / "profiles" / "jane.yaml").write_text(
        "attributes:\n  first_name: Jane\n", encoding="utf-8"
    )
    return root


def lint(run_cli: Run, project: Path, name: str, text: str) -> tuple[int, list[Any]]:
    (project / name).write_text(text, encoding="utf-8")
    proc = run_cli("lint", name, "--format", "json", cwd=project)
    assert proc.stderr == "", proc.stderr
    found = json.loads(proc.stdout)["diagnostics"]
    return proc.returncode, [(d["line"], d["column"], d["code"], d["message"]) for d in found]


def test_abort_without_reason_shows_what_braze_logs(run_cli: Run, project: Path) -> None:
    """NEW/liquid/aborting_messages.md: Braze logs `{% abort_message %} called`."""
    (project / "t.liquid").write_text("Hi{% abort_message() %}", encoding="utf-8")
    proc = run_cli("render", "t.liquid", cwd=project)
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        0,
        "",
        "message aborted: {% abort_message %} called\n",
    )


def test_placeholder_host_is_two_findings_not_a_traceback(run_cli: Run, project: Path) -> None:
    source = "{% connected_content https://[YOUR_SUBDOMAIN].example.com/v2/users :save r %}\n"
    code, found = lint(run_cli, project, "t.liquid", source)
    assert code == 1
    assert [(line, column, rule) for line, column, rule, _ in found] == [
        (1, 4, "BL301"),
        (1, 4, "BL308"),  # every profile fails there: nothing after it was checked
        (1, 31, "BL408"),
    ]
    assert found[0][3].startswith("connected_content URL 'https://[YOUR_SUBDOMAIN].example.com")


def test_undefined_url_start_is_reported_at_the_variable(run_cli: Run, project: Path) -> None:
    """sessionm.md's Postman-style `{{endpoint_connect}}` placeholders are undefined in
    Braze: the finding points at the variable."""
    source = "Hi\n{% connected_content {{endpoint_connect}}/offers/api :save r %}\n"
    code, found = lint(run_cli, project, "t.liquid", source)
    assert code == 1
    assert [(line, column, rule) for line, column, rule, _ in found] == [
        (2, 24, "BL301"),
        (2, 24, "BL308"),  # every profile fails there: nothing after it was checked
    ]
    assert found[0][3].startswith("'endpoint_connect' is undefined")


def test_new_rules_in_one_template(run_cli: Run, project: Path) -> None:
    source = (
        "<!-- {{ ${last_name} }} -->\n"
        "{% if ${first_name} != blank && ${last_name} != blank %}Hi {{first_name}}{% endif %}\n"
    )
    code, found = lint(run_cli, project, "t.liquid", source)
    assert code == 1
    assert [(line, column, rule) for line, column, rule, _ in found] == [
        (1, 6, "BL006"),
        (2, 30, "BL005"),
        (2, 62, "BL207"),
    ]


def test_rules_explains_a_new_rule(run_cli: Run) -> None:
    proc = run_cli("rules", "BL005")
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == (
        "BL005 symbolic-boolean-operator (error)\n"
        "\n"
        "&& or || in a condition, where Braze keeps only the comparison before it.\n"
        "\n"
        "Braze reads tags as Ruby Liquid's lax parser does: it stops reading a condition at "
        "&& or || without an error, so `hour >= 19 && hour < 20` is true at 23:00.\n"
        "\n"
        "Bad:\n"
        "    {% if hour >= 19 && hour < 20 %}\n"
        "\n"
        "Good:\n"
        "    {% if hour >= 19 and hour < 20 %}\n"
        "\n"
        "Fix (safe): respell && and || as and and or\n"
    )
