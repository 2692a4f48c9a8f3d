"""The composite GitHub Action (``action.yml``), its steps run the way a runner runs them.

Each ``run:`` step's script is written to a file and run with ``bash --noprofile --norc
-eo pipefail`` (GitHub's ``shell: bash``), its ``env`` set with every ``${{ … }}``
expression replaced as the runner replaces it: ``github.action_path`` is a committed copy
of this working tree, ``inputs.*`` the inputs given (else their defaults). An expression
the test does not know fails the test, so a new one cannot slip by untested.
``uses:`` steps (setup-python) are the runner's business: a fresh virtual environment
first on ``PATH`` stands in for the Python it sets up.

The install step pip-installs brazelint from that copy, so this test needs PyPI for the
dependencies (as the pre-commit test does), and runs without the network block.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Optional

import pytest
import yaml

from test_precommit_hook import isolated_env, snapshot_working_tree

ROOT = Path(__file__).resolve().parents[1]
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
TEMPLATES = {
    "templates/event.liquid": '{"event": "signup", "user": "{{${user_id}}}",}\n',
    "templates/greet.liquid": "Hi {{${first_name} | default: 'there'}}\n",
    "templates/broken.liquid": "{% if ${first_name} %}never closed\n",
}
for number in range(8):
    TEMPLATES[f"templates/more/t{number}.liquid"] = f'{{"n": {number},}}\n'


def action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    return data


def substitute(text: str, context: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        assert name in context, f"action.yml uses ${{{{ {name} }}}}, which the test does not set"
        return context[name]

    return EXPRESSION.sub(value, text)


class Runner:
    """Runs the action's ``run:`` steps in ``workspace`` as a GitHub runner would."""

    def __init__(self, workspace: Path, action_path: Path, env: dict[str, str]) -> None:
        self.workspace = workspace
        self.action_path = action_path
        self.env = env

    def run_step(self, name: str, inputs: Optional[dict[str, str]] = None) -> tuple[int, str]:
        spec = action()
        context = {"github.action_path": str(self.action_path)}
        for key, meta in spec["inputs"].items():
            context[f"inputs.{key}"] = (inputs or {}).get(key, meta.get("default", ""))
        (step,) = [s for s in spec["runs"]["steps"] if s.get("name") == name]
        assert step["shell"] == "bash" and "if" not in step
        env = dict(self.env)
        for key, raw in step.get("env", {}).items():
            env[key] = substitute(str(raw), context)
        script = self.workspace.parent / "step.sh"
        script.write_text(substitute(step["run"], context), encoding="utf-8")
        proc = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=self.workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        return proc.returncode, proc.stdout + proc.stderr


def test_action_manifest() -> None:
    spec = action()
    assert spec["runs"]["using"] == "composite"
    assert set(spec["inputs"]) == {"paths", "shard", "sarif-file", "args", "python-version"}
    steps = spec["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    assert [s.get("name") for s in steps[1:]] == ["Install brazelint", "Lint"]
    for step in steps[1:]:
        # inputs reach the scripts through env, never spliced into the shell text
        assert "${{" not in step["run"], step["name"]


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Runner:
    base = tmp_path_factory.mktemp("action")
    env = isolated_env(base)
    action_path = snapshot_working_tree(base / "brazelint-src", env)
    venv = base / "python"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    env["PATH"] = f"{venv / 'bin'}:{env['PATH']}"
    env.pop("VIRTUAL_ENV", None)
    workspace = base / "workspace"
    for name, text in {
        "braze/brazelint.toml": 'templates = ["templates"]\nnow = "2026-01-01T09:00:00Z"\n',
        "braze/profiles/jane.yaml": "attributes: {user_id: u-1, first_name: Jane}\n",
        **{f"braze/{name}": text for name, text in TEMPLATES.items()},
    }.items():
        (workspace / name).parent.mkdir(parents=True, exist_ok=True)
        (workspace / name).write_text(text, encoding="utf-8")
    found = Runner(workspace, action_path, env)
    code, output = found.run_step("Install brazelint")
    assert code == 0, output
    return found


def annotations(output: str) -> list[str]:
    return sorted(line.split("::", 2)[1] for line in output.splitlines() if line.startswith("::"))


def test_the_lint_step_annotates_and_writes_sarif(runner: Runner) -> None:
    code, output = runner.run_step(
        "Lint", {"paths": "braze/templates", "sarif-file": "out/brazelint.sarif"}
    )
    assert code == 1, output
    lines = [line for line in output.splitlines() if line.startswith("::")]
    assert lines[0].startswith(
        "::error file=braze/templates/broken.liquid,line=1,col=4,endLine=1,endColumn=5,"
        "title=BL001 syntax-error::"
    ), output
    assert any(
        line.startswith(
            "::error file=braze/templates/event.liquid,line=1,col=45,endLine=1,endColumn=45,"
            "title=BL401 invalid-json::"
        )
        for line in lines
    ), output
    # broken, event's BL401 and its ${user_id} printed empty for the empty user (BL203),
    # and the eight t*.liquid trailing commas
    assert len(lines) == 11 and "greet.liquid" not in output
    sarif = json.loads((runner.workspace / "out" / "brazelint.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert len(results) == 11
    assert {r["ruleId"] for r in results} == {"BL001", "BL203", "BL401"}


def test_the_shard_input_splits_the_work(runner: Runner) -> None:
    code, whole = runner.run_step("Lint", {"paths": "braze"})
    assert code == 1, whole
    parts = []
    for shard in ("1/2", "2/2"):
        code, output = runner.run_step("Lint", {"paths": "braze", "shard": shard})
        assert code in (0, 1), output
        parts.append(annotations(output))
    assert all(parts), parts
    assert sorted(parts[0] + parts[1]) == annotations(whole)
    assert not set(parts[0]) & set(parts[1])


def test_nothing_to_lint_fails_the_step(runner: Runner) -> None:
    # the repository root has no configuration, so no `templates`: never a silent green
    code, output = runner.run_step("Lint", {"args": "--select BL001"})
    assert code == 2, output
    assert "no paths to lint" in output
