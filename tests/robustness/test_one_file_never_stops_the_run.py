"""One file never stops the run, and every input ends within the limits (issue 21, items 4, 6).

Each reproducer sits in a project beside a good template with a finding of its own; the
lint must report the bad file where it is bad, still lint and report the good one, and
exit 1 (never "internal error", exit 2 or a traceback).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Callable

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]

GOOD = "Hi {{ ${first_name} | upcase }} {{ nope | no_such_filter }}\n"
"""A template the run must still lint: its BL204 proves it was reached."""

CATASTROPHIC = "^(a+)+$"
SLOW_TEXT = "a" * 48 + "!"


def _deep_schema(depth: int) -> str:
    text = '{"type": "object"}'
    for _ in range(depth):
        text = '{"properties": {"a": ' + text + "}}"
    return text


CASES: dict[str, dict[str, str]] = {
    "range bound past 2^63": {
        "bad.liquid": "{% for i in (1..99999999999999999999) %}{{i}}{% endfor %}"
    },
    "negative limit": {"bad.liquid": "{% for i in (1..3) limit:-1 %}{{i}}{% endfor %}"},
    "bracket in a Connected Content URL": {
        "bad.liquid": "{% connected_content https://[ :save x %}{{x}}"
    },
    "integer past 4,300 digits": {"bad.liquid": "{{ " + "9" * 5000 + " | plus: 1 }}"},
    "integer past 4,300 digits in a filter": {
        "bad.liquid": "{% assign n = '" + "9" * 5000 + "' | plus: 1 %}{{ n }}"
    },
    "schema with a $ref cycle": {
        "cycle.json": json.dumps(
            {"$ref": "#/$defs/a", "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}}
        ),
        "bad.liquid": '{% comment %}brazelint: schema=cycle.json{% endcomment %}{"a": 1}',
    },
    "schema nested very deeply": {
        "deep.json": _deep_schema(3000),
        "bad.liquid": '{% comment %}brazelint: schema=deep.json{% endcomment %}{"a": 1}',
    },
    "schema name too long for the file system (found by the fuzz test)": {
        "bad.liquid": "{% comment %}brazelint: schema=" + "s" * 5000 + "{% endcomment %}{}",
    },
    "typo in the schema comment": {
        "bad.liquid": '{% comment %}brazelint: schema=sesionm/tags{% endcomment %}{"a": 1}',
    },
    "catastrophic pattern in a user schema": {
        "slow.json": json.dumps(
            {"type": "object", "properties": {"a": {"type": "string", "pattern": CATASTROPHIC}}}
        ),
        "bad.liquid": '{% comment %}brazelint: schema=slow.json{% endcomment %}{"a": "'
        + SLOW_TEXT
        + '"}',
    },
    "deeply nested parentheses": {"bad.liquid": "{{ " + "(" * 80000 + "1" + ")" * 80000 + " }}"},
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_file_is_a_finding_and_the_others_are_still_linted(
    case: str, tmp_path: Path, run_cli: Run
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (tmp_path / "brazelint.toml").write_text('templates = ["templates"]\n', encoding="utf-8")
    for name, text in CASES[case].items():
        (templates / name).write_text(text, encoding="utf-8")
    (templates / "good.liquid").write_text(GOOD, encoding="utf-8")
    proc = run_cli("lint", "--no-cache", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    report = json.loads(proc.stdout)
    assert report["summary"]["files"] == 2
    by_file: dict[str, list[dict[str, object]]] = {}
    for diagnostic in report["diagnostics"]:
        by_file.setdefault(str(diagnostic["path"]), []).append(diagnostic)
    assert "BL204" in {d["code"] for d in by_file["templates/good.liquid"]}
    bad = by_file.get("templates/bad.liquid", [])
    assert bad, report  # at least a warning, which fails the run at the default level
    for diagnostic in bad:  # each says what, in words, at a place in the file
        assert isinstance(diagnostic["line"], int) and diagnostic["line"] >= 1
        assert "Error:" not in str(diagnostic["message"]) or "could not check" in str(
            diagnostic["message"]
        )


def test_a_schema_typo_is_reported_on_the_comment_line(tmp_path: Path, run_cli: Run) -> None:
    source = 'Hi\n{"a": 1}\n{% comment %}brazelint: schema=sesionm/tags{% endcomment %}\n'
    (tmp_path / "t.liquid").write_text(source, encoding="utf-8")
    proc = run_cli("lint", "--no-cache", "--format", "concise", "t.liquid", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "t.liquid:3:1: BL306 [error] unknown schema 'sesionm/tags'" in proc.stdout


def test_an_unknown_schema_on_the_command_line_is_still_a_usage_error(
    tmp_path: Path, run_cli: Run
) -> None:
    (tmp_path / "t.liquid").write_text('{"a": 1}', encoding="utf-8")
    proc = run_cli("lint", "--no-cache", "--schema", "nope/nothing", "t.liquid", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "error: unknown schema 'nope/nothing'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_catastrophic_stub_url_pattern_does_not_hang(tmp_path: Path, run_cli: Run) -> None:
    (tmp_path / "stubs.yaml").write_text(
        f'- request:\n    url_pattern: "https://x\\\\.example/{CATASTROPHIC}"\n'
        "  response: {json: {ok: true}}\n",
        encoding="utf-8",
    )
    (tmp_path / "t.liquid").write_text(
        "{% connected_content https://x.example/" + SLOW_TEXT + " :save r %}{{r.ok}}",
        encoding="utf-8",
    )
    proc = run_cli("lint", "--no-cache", "--stubs", "stubs.yaml", "t.liquid", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "BL102" in proc.stdout  # the pattern did not match, and said so in good time


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
@pytest.mark.parametrize("how", ["directory", "glob"])
def test_symlink_loops_lint_each_file_once(tmp_path: Path, run_cli: Run, how: str) -> None:
    templates = tmp_path / "templates"
    (templates / "a").mkdir(parents=True)
    (templates / "b").mkdir()
    (templates / "t.liquid").write_text("{{ x | no_such_filter }}", encoding="utf-8")
    (templates / "a" / "up").symlink_to("..", target_is_directory=True)
    (templates / "b" / "up").symlink_to("..", target_is_directory=True)
    (templates / "b" / "self").symlink_to(".", target_is_directory=True)
    target = "templates" if how == "directory" else "templates/**/*.liquid"
    proc = run_cli("lint", "--no-cache", "--format", "json", target, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert report["summary"]["files"] == 1
    # the unknown filter (BL204), and the render goes on past it to the undefined x (BL202)
    assert [(d["path"], d["code"]) for d in report["diagnostics"]] == [
        ("templates/t.liquid", "BL202"),
        ("templates/t.liquid", "BL204"),
    ]


def test_a_50_megabyte_template_is_one_finding_in_bounded_memory(
    tmp_path: Path, run_limited: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    """Parsing holds about 25 bytes per byte of source: 50 MB once took 1.1 GB."""
    line = "Hello {{ ${first_name} | default: 'there' }}, some text to pad the line.\n"
    (tmp_path / "big.liquid").write_text(line * (50_000_000 // len(line)), encoding="utf-8")
    (tmp_path / "good.liquid").write_text(GOOD, encoding="utf-8")
    proc = run_limited("lint", "--no-cache", "--format", "concise", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "big.liquid:1:1: BL302 [error] the template is 49,99" in proc.stdout
    assert "larger than limits.template_bytes (4,194,304)" in proc.stdout
    assert "good.liquid" in proc.stdout


def test_a_content_block_name_too_long_for_the_file_system(tmp_path: Path) -> None:
    """Found by the fuzz test: ENAMETOOLONG from the block lookup escaped as an OSError."""
    import brazelint

    (tmp_path / "blocks").mkdir()
    with pytest.raises(brazelint.TemplateRenderError) as raised:
        brazelint.render(
            "{{content_blocks.${" + "m" * 5000 + "}}}", content_blocks=tmp_path / "blocks"
        )
    assert "content block 'mmm" in raised.value.message
