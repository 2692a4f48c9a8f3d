"""The README documents what the tool does: every rule, and the two quick-start commands."""

from __future__ import annotations

import re
from pathlib import Path

from brazelint.rules.registry import RULES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_rule_is_in_the_readme_table() -> None:
    rows = dict(re.findall(r"^\| `(BL\d{3})` \| `([a-z-]+)` \|", README, re.M))
    assert rows == {rule.code: rule.name for rule in RULES}


def test_quick_start_lints_the_bundled_templates() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^python3 .*$", quick_start, re.M)
    assert commands == [
        "python3 -m pip install . && brazelint lint templates/",
        "python3 -m pip install -e '.[test]' && python3 -m pytest",
    ]
