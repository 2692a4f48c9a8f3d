"""``brazelint lint --fix`` on real files through the CLI: one case per fix.

Each case states the exact text before and after. For each: the finding is gone for
every profile, a second ``--fix`` changes nothing (bytes and mtime), unsafe fixes wait
for ``--unsafe-fixes``, and ``--diff`` writes nothing and applies with ``patch -p0`` and
``git apply`` to the same text ``--fix`` writes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
from fix_helpers import Run, findings

from netblock import subprocess_env

MI = "{% comment %}brazelint: schema=movable-ink/event{% endcomment %}\n"
MI_HEAD = (
    '{\n  "type": "track",\n  "event": "product_viewed",\n'
    '  "user_id": "{{${user_id} | default: \'guest\' | json_escape}}",\n'
    '  "timezone": "UTC",\n'
)


class Case(NamedTuple):
    id: str
    code: str
    before: str
    after: str
    unsafe: bool = False


CASES = [
    Case(
        "trailing-comma",
        "BL401",
        '{\n  "event": "signup",\n  "type": "track",\n}\n',
        '{\n  "event": "signup",\n  "type": "track"\n}\n',
    ),
    Case(
        "missing-comma",
        "BL401",
        '{\n  "id": "{{${user_id} | default: \'x\' | json_escape}}"\n  "type": "track"\n}\n',
        '{\n  "id": "{{${user_id} | default: \'x\' | json_escape}}",\n  "type": "track"\n}\n',
    ),
    Case(
        "note-line",
        "BL401",
        '{\n  // the event name\n  "type": "track"\n}\n',
        '{\n  {% comment %}// the event name{% endcomment %}\n  "type": "track"\n}\n',
    ),
    Case(
        "notes-above-body",
        "BL401",
        '// Movable Ink: track event\n# anonymous users too\n{"type": "track"}\n',
        "{% comment %}// Movable Ink: track event{% endcomment %}\n"
        '{% comment %}# anonymous users too{% endcomment %}\n{"type": "track"}\n',
    ),
    Case(
        "json-escape",
        "BL401|BL403",  # the bundled profiles' names break it (BL401), hostile ones too
        '{"name": "{{${first_name} | default: \'there\'}}"}\n',
        '{"name": "{{${first_name} | default: \'there\' | json_escape}}"}\n',
    ),
    Case(
        "curly-quotes",
        "BL004",
        "Hi {{ ${first_name} | default: \u201cthere\u201d }}!\n",
        'Hi {{ ${first_name} | default: "there" }}!\n',
    ),
    Case(
        "cache-max-age",
        "BL101",
        "{% connected_content https://api.example.com/a :cache 900 :save a %}{{a.x}}\n",
        "{% connected_content https://api.example.com/a :cache_max_age 900 :save a %}{{a.x}}\n",
    ),
    Case(
        "symbolic-operators",
        "BL005",
        '{% assign hour = "now" | date: "%H" | plus: 0 %}'
        "{% if hour >= 19 && hour < 20 || hour > 22 %}late{% else %}early{% endif %}\n",
        '{% assign hour = "now" | date: "%H" | plus: 0 %}'
        "{% if hour >= 19 and hour < 20 or hour > 22 %}late{% else %}early{% endif %}\n",
    ),
    Case(
        "bare-attribute",
        "BL207",
        "Hi {{first_name}}, {% if first_name == blank %}friend{% endif %}\n",
        "Hi {{${first_name}}}, {% if ${first_name} == blank %}friend{% endif %}\n",
    ),
    Case(
        "unused-suppression",
        "BL901",
        "{% comment %}brazelint: disable-next-line BL403{% endcomment %}\nHello\n",
        "Hello\n",
    ),
    Case(
        "url-param-escape",
        "BL105",
        "{% connected_content https://api.example.com/a?e={{${email_address}}} :save a %}{{a.x}}\n",
        "{% connected_content https://api.example.com/a?e={{${email_address} | "
        "url_param_escape}} :save a %}{{a.x}}\n",
    ),
    Case(
        "quoted-placeholder",
        "BL404",
        MI + MI_HEAD + '  "timestamp": {{ "now" | date: "%s" | times: 1000 }},\n'
        '  "properties": {"id": "1", "price": "{{event_properties.${price}}}"}\n}\n',
        MI + MI_HEAD + '  "timestamp": {{ "now" | date: "%s" | times: 1000 }},\n'
        '  "properties": {"id": "1", "price": {{event_properties.${price} | default: 0}}}\n}\n',
        unsafe=True,
    ),
    Case(
        "timestamp-in-seconds",
        "BL405",
        MI + MI_HEAD + '  "timestamp": {{ "now" | date: "%s" }},\n  "properties": {"id": "1"}\n}\n',
        MI + MI_HEAD + '  "timestamp": {{ "now" | date: "%s" | times: 1000 }},\n'
        '  "properties": {"id": "1"}\n}\n',
        unsafe=True,
    ),
    Case(
        "attribute-typo",
        "BL201",
        "Hi {{${frist_name} | default: 'there'}}\n",
        "Hi {{${first_name} | default: 'there'}}\n",
        unsafe=True,
    ),
    Case(
        "default-empty",
        "BL203",
        "Hi {{${first_name}}}\n",
        "Hi {{${first_name} | default: ''}}\n",
        unsafe=True,
    ),
]


def _state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def _fix_args(case: Case) -> list[str]:
    return ["--fix-only", "--no-cache", *(["--unsafe-fixes"] if case.unsafe else [])]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fix(case: Case, project: Path, run_cli: Run) -> None:
    name = f"templates/{case.id}.liquid"
    path = project / name
    path.write_text(case.before, encoding="utf-8", newline="")
    codes = set(case.code.split("|"))
    assert codes & {d["code"] for d in findings(run_cli, project, name)}

    if case.unsafe:  # offered, not applied, without --unsafe-fixes
        before = _state(path)
        proc = run_cli("lint", name, "--fix-only", "--no-cache", cwd=project)
        assert proc.returncode == 0, proc.stderr
        assert "with --unsafe-fixes" in proc.stderr
        assert _state(path) == before

    proc = run_cli("lint", name, *_fix_args(case), cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert path.read_text(encoding="utf-8") == case.after
    assert not codes & {d["code"] for d in findings(run_cli, project, name)}

    fixed = _state(path)
    proc = run_cli("lint", name, *_fix_args(case), cwd=project)
    assert proc.returncode == 0
    assert _state(path) == fixed  # idempotent: nothing left to fix, file untouched


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_diff_applies_like_fix(case: Case, project: Path, run_cli: Run, tmp_path: Path) -> None:
    name = f"templates/{case.id}.liquid"
    path = project / name
    path.write_text(case.before, encoding="utf-8", newline="")
    before = _state(path)
    unsafe = ["--unsafe-fixes"] if case.unsafe else []
    proc = run_cli("lint", name, "--diff", "--no-cache", *unsafe, cwd=project)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith(f"--- {name}\n+++ {name}\n@@ ")
    assert _state(path) == before  # --diff writes nothing

    for tool in (["patch", "-p0", "--quiet"], ["git", "apply", "-p0"]):
        copy = tmp_path / tool[0]
        shutil.copytree(project, copy)
        subprocess.run(tool, cwd=copy, input=proc.stdout, text=True, check=True)
        assert (copy / name).read_text(encoding="utf-8") == case.after, tool

    clean = run_cli("lint", name, "--diff", "--no-cache", *unsafe, cwd=copy)
    assert (clean.returncode, clean.stdout) == (0, "")


def test_bom_and_crlf_are_kept(project: Path, run_cli: Run) -> None:
    path = project / "templates" / "body.liquid"
    path.write_bytes(b'\xef\xbb\xbf{\r\n  "event": "signup",\r\n  "type": "track",\r\n}\r\n')
    diff = subprocess.run(  # bytes: text mode would turn the diff's CRLF into LF
        [
            sys.executable,
            "-m",
            "brazelint",
            "lint",
            "templates/body.liquid",
            "--diff",
            "--no-cache",
        ],
        cwd=project,
        env=subprocess_env(dict(os.environ)),
        capture_output=True,
        timeout=60,
    )
    assert diff.returncode == 1
    assert b'-  "type": "track",\r\n+  "type": "track"\r\n' in diff.stdout
    copy = project.parent / "patched"
    shutil.copytree(project, copy)
    subprocess.run(["patch", "-p0", "--quiet", "--binary"], cwd=copy, input=diff.stdout, check=True)

    path.chmod(0o640)
    proc = run_cli("lint", "templates/body.liquid", "--fix", "--no-cache", cwd=project)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    expected = b'\xef\xbb\xbf{\r\n  "event": "signup",\r\n  "type": "track"\r\n}\r\n'
    assert path.read_bytes() == expected
    assert path.stat().st_mode & 0o777 == 0o640  # the mode too
    assert sorted(p.name for p in path.parent.iterdir()) == ["body.liquid"]  # no temp file
    assert (copy / "templates" / "body.liquid").read_bytes() == expected


class Refused(NamedTuple):
    id: str
    text: str
    why: str


REFUSED = [
    # :cache_max_age 60 is out of Braze's range: the respelling would add a finding
    Refused(
        "cache-out-of-range",
        "{% connected_content https://api.example.com/a :cache 60 :save a %}{{a.x}}\n",
        "it would report BL101 connected-content-option instead: cache age 60s",
    ),
    # unquoting a price that is not a number would break the JSON
    Refused(
        "price-not-a-number",
        MI
        + MI_HEAD
        + '  "timestamp": {{ "now" | date: "%s" | times: 1000 }},\n'
        + '  {% assign price = "1.99 USD" %}"properties": {"id": "1", "price": "{{price}}"}\n}\n',
        "it would add BL401 invalid-json",
    ),
    # the comma before ] is printed by a loop: not the template's literal text to edit
    Refused(
        "comma-from-a-loop",
        '{"ids": [{% for i in (1..2) %}{{ i }},{% endfor %}]}\n',
        "",
    ),
]


@pytest.mark.parametrize("case", REFUSED, ids=[c.id for c in REFUSED])
def test_refused(case: Refused, project: Path, run_cli: Run) -> None:
    path = project / "templates" / f"{case.id}.liquid"
    path.write_text(case.text, encoding="utf-8")
    before = _state(path)
    proc = run_cli(
        "lint", f"templates/{case.id}.liquid", "--fix", "--unsafe-fixes", "--no-cache", cwd=project
    )
    assert proc.returncode == 1  # the finding is still reported
    assert _state(path) == before  # never opened for writing
    if case.why:
        assert "fix dropped" in proc.stderr and case.why in proc.stderr


def test_fix_reports_what_is_left(project: Path, run_cli: Run) -> None:
    """--fix writes, then reports the rest like lint; --fix-only stays quiet."""
    path = project / "templates" / "t.liquid"
    path.write_text('{\n  "id": "{{x}}",\n}\n', encoding="utf-8")
    proc = run_cli("lint", "templates/t.liquid", "--fix", "--no-cache", cwd=project)
    assert path.read_text(encoding="utf-8") == '{\n  "id": "{{x}}"\n}\n'
    assert proc.returncode == 1
    assert "BL202" in proc.stdout and "BL401" not in proc.stdout
    assert "templates/t.liquid: 1 fix (BL401)" in proc.stderr


def test_webhook_body_file_is_fixed_in_place(project: Path, run_cli: Run) -> None:
    hook = project / "templates" / "tag.webhook.yaml"
    hook.write_text(
        'url: "https://api.example.com/tags"\nmethod: POST\n'
        "headers:\n  Content-Type: application/json\nbody-file: tag_body.liquid\n",
        encoding="utf-8",
    )
    body = project / "templates" / "tag_body.liquid"
    body.write_text('{"tags": ["vip"],}\n', encoding="utf-8")
    before = _state(hook)
    proc = run_cli("lint", "templates/tag.webhook.yaml", "--fix", "--no-cache", cwd=project)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert body.read_text(encoding="utf-8") == '{"tags": ["vip"]}\n'
    assert _state(hook) == before  # nothing to fix there: not written


def test_text_a_content_block_prints_is_not_edited(project: Path, run_cli: Run) -> None:
    blocks = project / "blocks"
    blocks.mkdir()
    (blocks / "member.liquid").write_text('"member": true,', encoding="utf-8")
    config = project / "brazelint.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        "\n".join(
            'content-blocks = "blocks"' if line.startswith("content-blocks") else line
            for line in text.splitlines()
        )
        + "\n",
        encoding="utf-8",
    )
    path = project / "templates" / "uses_block.liquid"
    path.write_text('{"id": 1, {{content_blocks.${member}}}}\n', encoding="utf-8")
    assert "BL401" in {d["code"] for d in findings(run_cli, project, "templates/uses_block.liquid")}
    before = _state(path)
    proc = run_cli("lint", "templates/uses_block.liquid", "--fix", "--no-cache", cwd=project)
    assert proc.returncode == 1
    assert _state(path) == before


def test_a_file_that_does_not_parse_gets_only_syntax_fixes(project: Path, run_cli: Run) -> None:
    path = project / "templates" / "broken.liquid"
    path.write_text(
        "{% comment %}brazelint: disable BL403{% endcomment %}\n"
        "{% if ${first_name} == \u201cJane\u201d %}Hi\n",
        encoding="utf-8",
    )
    proc = run_cli("lint", "templates/broken.liquid", "--fix", "--no-cache", cwd=project)
    assert proc.returncode == 1
    # the quotes are straightened; the unused suppression waits until the file parses
    assert path.read_text(encoding="utf-8") == (
        "{% comment %}brazelint: disable BL403{% endcomment %}\n"
        '{% if ${first_name} == "Jane" %}Hi\n'
    )
    assert "BL001" in proc.stdout


def test_right_templates_are_left_alone(run_cli: Run) -> None:
    """The bundled templates lint clean (infos only): not even an unsafe fix is offered."""
    proc = run_cli("lint", "templates", "--diff", "--unsafe-fixes", "--no-cache")
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_text_a_connected_content_answer_prints_is_not_edited(project: Path, run_cli: Run) -> None:
    stubs = project / "mystubs"
    stubs.mkdir()
    (stubs / "frag.yaml").write_text(
        "- request: {url: 'https://api.example.com/frag'}\n"
        "  response:\n    json: {text: '\"b\": 2,'}\n",
        encoding="utf-8",
    )
    path = project / "templates" / "answer.liquid"
    path.write_text(
        '{% connected_content https://api.example.com/frag :save frag %}{"a": 1, {{frag.text}}}\n',
        encoding="utf-8",
    )
    args = ("lint", "templates/answer.liquid", "--stubs", "mystubs", "--no-cache")
    proc = run_cli(*args, "--format", "json", cwd=project)
    assert "trailing comma" in proc.stdout  # the answer's comma breaks the body
    before = _state(path)
    assert run_cli(*args, "--fix", "--unsafe-fixes", cwd=project).returncode == 1
    assert _state(path) == before


def test_fixes_need_files(project: Path, run_cli: Run) -> None:
    proc = run_cli("lint", "-", "--fix", cwd=project, stdin='{"a": 1,}\n')
    assert (proc.returncode, proc.stdout) == (2, "")
    assert "need files" in proc.stderr
