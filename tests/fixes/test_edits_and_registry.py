"""The edit mechanics (overlap refused, offsets mapped) and the fix table's documentation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from brazelint.fixes.edits import Edit, apply_edits, map_offset, overlaps
from brazelint.fixes.registry import fixability, fixers
from brazelint.rules.registry import RULES

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_edits_apply_by_original_offsets() -> None:
    text = '{"a": 1,}'
    edits = [Edit(7, 8, ""), Edit(0, 0, "  "), Edit(6, 6, "0")]
    assert apply_edits(text, edits) == '  {"a": 01}'
    assert map_offset(8, edits) == 10  # the } moved by the insertions before it
    assert map_offset(7, edits) == 10  # the removed comma: where its span starts now


def test_overlapping_edits_are_refused() -> None:
    assert overlaps([Edit(2, 5, "x")], [Edit(4, 6, "y")])
    assert overlaps([Edit(3, 3, "x")], [Edit(3, 3, "y")])  # two inserts: order unknown
    assert not overlaps([Edit(2, 4, "x")], [Edit(4, 6, "y")])
    with pytest.raises(ValueError, match="overlapping"):
        apply_edits("abcdef", [Edit(1, 3, ""), Edit(2, 4, "")])


def test_readme_lists_every_fixable_rule_with_its_safety() -> None:
    rows = re.findall(r"^\| `([a-z-]+)` \((BL\d{3})\) \| (safe|unsafe) \|", README, re.M)
    documented = {(name, code, safety) for name, code, safety in rows}
    expected = {
        (rule.name, rule.code, "safe" if fixer.safe else "unsafe")
        for rule in RULES
        for fixer in fixers().get(rule.name, ())
    }
    assert documented == expected


def test_fixability() -> None:
    assert fixability("invalid-json") == "safe"
    assert fixability("quoted-placeholder") == "unsafe"
    assert fixability("render-error") is None


def test_proven_fixes_leave_out_a_fix_the_relint_refuses() -> None:
    from brazelint.checks.diagnostic import Diagnostic
    from brazelint.fixes.preview import proven_fixes
    from brazelint.fixes.run import Target

    text = "Hi\n{% comment %}brazelint: disable BL203{% endcomment %}\n"
    unused = Diagnostic(
        "t.liquid", 2, 1, "BL901", "unused-suppression", "warning", "suppresses nothing"
    )
    honest = Target(Path("t.liquid"), "t.liquid", lambda t: [unused] if "BL203" in t else [])
    (fix,) = proven_fixes(honest, text)
    assert apply_edits(text, fix.edits) == "Hi\n"
    stubborn = Target(Path("t.liquid"), "t.liquid", lambda t: [unused])  # still there after
    assert proven_fixes(stubborn, text) == []
    assert proven_fixes(honest, text, lambda d: d.code != "BL901") == []
