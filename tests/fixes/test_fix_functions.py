"""Fix functions on their own, with a finding built here as the rule reports it (at the
``&&`` / ``||``, at the bare attribute's name, at a note line): the edge cases the CLI
tests do not reach."""

from __future__ import annotations

from brazelint.checks.diagnostic import Diagnostic
from brazelint.fixes.edits import apply_edits
from brazelint.fixes.registry import fix_for
from brazelint.fixes.source import Source


def _fixed(text: str, name: str, line: int, column: int) -> str | None:
    diagnostic = Diagnostic("t.liquid", line, column, "BL000", name, "error", "m")
    fix = fix_for(Source(text), diagnostic)
    return None if fix is None else apply_edits(text, fix.edits)


def test_symbolic_operators_are_respelled_one_at_a_time() -> None:
    text = "{% if hour >= 19 && hour < 20 || vip %}late{% endif %}"
    once = _fixed(text, "symbolic-boolean-operator", 1, 18)
    assert once == "{% if hour >= 19 and hour < 20 || vip %}late{% endif %}"
    assert _fixed(once, "symbolic-boolean-operator", 1, 32) == (
        "{% if hour >= 19 and hour < 20 or vip %}late{% endif %}"
    )
    assert _fixed("{% if a&&b %}x{% endif %}", "symbolic-boolean-operator", 1, 8) == (
        "{% if a and b %}x{% endif %}"
    )
    # not inside an output, and not where the finding does not point at one
    assert _fixed("{{ 'a && b' }}", "symbolic-boolean-operator", 1, 7) is None
    assert _fixed(text, "symbolic-boolean-operator", 1, 7) is None


def test_bare_standard_attribute_gets_its_dollar_braces() -> None:
    assert _fixed("Hi {{first_name}}!", "bare-standard-attribute", 1, 6) == (
        "Hi {{${first_name}}}!"
    )
    assert _fixed("{% if first_name != blank %}x{% endif %}", "bare-standard-attribute", 1, 7) == (
        "{% if ${first_name} != blank %}x{% endif %}"
    )
    # already written as an attribute, or not a standard attribute, or literal text
    assert _fixed("Hi {{${first_name}}}", "bare-standard-attribute", 1, 8) is None
    assert _fixed("Hi {{nickname}}", "bare-standard-attribute", 1, 6) is None
    assert _fixed("first_name", "bare-standard-attribute", 1, 1) is None


def test_hash_note_lines_are_wrapped() -> None:
    text = '# anonymous users\n{"a": 1}\n'
    assert _fixed(text, "invalid-json", 1, 1) == (
        '{% comment %}# anonymous users{% endcomment %}\n{"a": 1}\n'
    )
