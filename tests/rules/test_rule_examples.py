"""Every rule documents itself and proves its own examples.

All bad examples are linted in one run of the real CLI (``python -m brazelint lint``) over
a tmp tree with one folder per rule, holding the rule's example project (its own
``brazelint.toml``, profiles, stubs) and the example as a file; the good examples in a
second run. Each rule's bad example must report its code, and its good example must not.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from brazelint.fixes.registry import fixability, fixers
from brazelint.rules.base import Rule, Setup
from brazelint.rules.registry import RULES, TABLE
from netblock import subprocess_env

CODES = [rule.code for rule in RULES]


def _write_project(root: Path, rule: Rule, example: str, setup: Setup) -> None:
    folder = root / rule.code
    for path, text in (*setup.files, ("brazelint.toml", setup.config), (setup.file, example)):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _lint_all(root: Path) -> dict[str, set[str]]:
    """The codes the CLI reports under each rule's folder of ``root``."""
    env = subprocess_env({**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"})
    proc = subprocess.run(
        [sys.executable, "-m", "brazelint", "lint", "--format", "json", "--no-cache", "."],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode in (0, 1), proc.stderr
    found: dict[str, set[str]] = {code: set() for code in CODES}
    for diagnostic in json.loads(proc.stdout)["diagnostics"]:
        folder = Path(diagnostic["path"]).parts[0]
        found[folder].add(diagnostic["code"])
    return found


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, set[str]]]:
    """``bad`` and ``good`` -> rule code -> the codes its example reported."""
    bad = tmp_path_factory.mktemp("bad")
    good = tmp_path_factory.mktemp("good")
    for rule in RULES:
        _write_project(bad, rule, rule.bad, rule.setup)
        _write_project(good, rule, rule.good, rule.good_project)
    return {"bad": _lint_all(bad), "good": _lint_all(good)}


@pytest.mark.parametrize("code", CODES)
def test_documents_itself(code: str) -> None:
    rule = TABLE[code]
    assert rule.code == code
    assert rule.why.strip() and rule.bad.strip() and rule.good.strip()
    assert rule.severity in ("error", "warning", "info")
    assert rule.bad != rule.good or rule.good_setup is not None, "the examples must differ"
    assert rule.fix == fixability(rule.name), "the rule and fixes/ disagree on its fix"
    assert set(rule.overrides) <= set(TABLE), "overrides names codes that do not exist"


@pytest.mark.parametrize("code", CODES)
def test_bad_example_fires(code: str, reported: dict[str, dict[str, set[str]]]) -> None:
    assert code in reported["bad"][code], sorted(reported["bad"][code])


@pytest.mark.parametrize("code", CODES)
def test_good_example_is_clean(code: str, reported: dict[str, dict[str, set[str]]]) -> None:
    assert code not in reported["good"][code], sorted(reported["good"][code])


def test_every_fix_is_for_a_rule() -> None:
    assert set(fixers()) <= {rule.name for rule in RULES}


def test_names_are_unique() -> None:
    assert len({rule.name for rule in RULES}) == len(RULES)
    assert list(TABLE) == sorted(TABLE)
