"""Pathological templates through ``brazelint render`` in a subprocess capped at 1 GiB.

Each one ends quickly with exit 2 and one ``error:`` line naming the limit or the problem
(plus the code frame), or renders correctly; never a traceback, a hang or a MemoryError.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import brazelint
from robustness.conftest import RunLimited
from robustness.helpers import assert_diagnostic

NOW = "2026-01-01T00:00:00Z"
CHUNK = "x" * 1000


def _write(directory: Path, name: str, content: str | bytes) -> str:
    path = directory / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return name


@pytest.mark.parametrize(
    ("template", "needle", "column"),
    [
        ("{% for i in (1..1000000000) %}x{% endfor %}", "limits.loop_iterations (50000)", 13),
        (
            "{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}x"
            "{% endfor %}{% endfor %}{% endfor %}",
            "limits.loop_iterations",
            4,
        ),
        ("{% if true %}" * 200 + "x" + "{% endif %}" * 200, "limits.nesting_depth (30)", 407),
        (
            "{% for i in (1..20000) %}" + CHUNK + "{% endfor %}",  # 20 MB of output
            "limits.output_bytes (1048576 bytes)",
            4,
        ),
    ],
    ids=["range-1e9", "loops-1000^3", "if-200-deep", "output-20MB"],
)
def test_runaway_template_stops_at_a_named_limit(
    run_limited: RunLimited, tmp_path: Path, template: str, needle: str, column: int
) -> None:
    name = _write(tmp_path, "t.liquid", template)
    proc = run_limited("render", name, "--now", NOW, cwd=tmp_path)
    assert_diagnostic(proc, needle)
    assert f"--> {name}:1:{column}" in proc.stderr
    assert proc.stdout == ""


def test_20mb_of_output_when_the_limits_allow_it(run_limited: RunLimited, tmp_path: Path) -> None:
    (tmp_path / "brazelint.toml").write_text(
        "[limits]\noutput-bytes = 30000000\nloop-iterations = 100000\n"
    )
    name = _write(tmp_path, "t.liquid", "{% for i in (1..20000) %}" + CHUNK + "{% endfor %}")
    proc = run_limited("render", name, "--now", NOW, cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert len(proc.stdout) == 20_000_000


def _one_line_json(size: int, tail: str = "") -> str:
    """A minified JSON body of about ``size`` characters with a Liquid output every ~6 KB."""
    members = []
    total = 0
    index = 0
    while total < size:
        value = "{{${first_name}}}" if index % 100 == 0 else "v" * 40
        member = f'"k{index}": "{value}"'
        members.append(member)
        total += len(member) + 1
        index += 1
    return "{" + ",".join(members) + tail + "}"


def test_one_megabyte_single_line_template(run_limited: RunLimited, tmp_path: Path) -> None:
    source = _one_line_json(1_000_000)
    name = _write(tmp_path, "t.liquid", source)
    proc = run_limited("render", name, "--global", "first_name=Jane", "--now", NOW, cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == source.replace("{{${first_name}}}", "Jane")
    assert json.loads(proc.stdout)["k0"] == "Jane"


def test_error_at_the_end_of_a_one_megabyte_line(run_limited: RunLimited, tmp_path: Path) -> None:
    source = _one_line_json(1_000_000, tail=', "last": "{{ x | upcas }}"')
    name = _write(tmp_path, "t.liquid", source)
    proc = run_limited("render", name, "--now", NOW, cwd=tmp_path)
    assert_diagnostic(proc, "unknown filter 'upcas'")  # the frame shows a window, not 1 MB
    assert f"--> {name}:1:{source.index('upcas') + 1}" in proc.stderr


def test_empty_file_renders_nothing(run_limited: RunLimited, tmp_path: Path) -> None:
    name = _write(tmp_path, "empty.liquid", b"")
    proc = run_limited("render", name, "--now", NOW, cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "not UTF-8 text (byte 0x89 at offset 0)"),
        (b"\0" * 64, "not UTF-8 text (byte 0x00 at offset 0)"),
        (b'{"name": "Ren\xe9"}', "not UTF-8 text (byte 0xe9 at offset 13)"),
    ],
    ids=["png", "nul-bytes", "latin-1"],
)
def test_binary_or_non_utf8_file(
    run_limited: RunLimited, tmp_path: Path, content: bytes, needle: str
) -> None:
    name = _write(tmp_path, "t.liquid", content)
    proc = run_limited("render", name, cwd=tmp_path)
    assert_diagnostic(proc, f"{name}: {needle}")
    assert proc.stderr.count("\n") == 1


def test_utf8_bom_renders_as_if_absent(run_limited: RunLimited, tmp_path: Path) -> None:
    body = '{"name": "{{ ${first_name} }}"}'
    plain = _write(tmp_path, "plain.liquid", body)
    bom = _write(tmp_path, "bom.liquid", b"\xef\xbb\xbf" + body.encode())
    args = ("--global", "first_name=Jane", "--now", NOW)
    expected = run_limited("render", plain, *args, cwd=tmp_path)
    proc = run_limited("render", bom, *args, cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == expected.stdout == '{"name": "Jane"}'

    broken = _write(tmp_path, "broken.liquid", b"\xef\xbb\xbf{{ x | upcas }}")
    proc = run_limited("render", broken, cwd=tmp_path)
    assert_diagnostic(proc, "unknown filter 'upcas'")
    assert f"--> {broken}:1:8" in proc.stderr  # the BOM does not count as a column


def test_crlf_positions_and_bytes(run_limited: RunLimited, tmp_path: Path) -> None:
    third = '  "b": "{{ x | upcas }}"'
    broken = _write(tmp_path, "broken.liquid", '{\r\n  "a": 1,\r\n' + third + "\r\n}\r\n")
    proc = run_limited("render", broken, cwd=tmp_path)
    assert_diagnostic(proc, "unknown filter 'upcas'")
    assert f"--> {broken}:3:{third.index('upcas') + 1}" in proc.stderr
    assert f"3 | {third}\n" in proc.stderr  # no stray carriage return in the frame

    good = _write(tmp_path, "good.liquid", 'a\r\n{{ "b" | upcase }}\r\n')
    proc = run_limited("render", good, "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["output"] == "a\r\nB\r\n"  # line endings kept as written


@pytest.mark.parametrize(
    ("template", "needle"),
    [
        ("{% for i in (1..1000000000) %}x{% endfor %}", "limits.loop_iterations"),
        ("{% if true %}" * 200 + "{% endif %}" * 200, "limits.nesting_depth"),
        ("{% for i in (1..20000) %}" + CHUNK + "{% endfor %}", "limits.output_bytes"),
        ("{{ a" + "[0" * 200 + "]" * 200 + " }}", "nesting_depth limit (30)"),
        (
            "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}",
            "limits.assigned_bytes",
        ),
    ],
    ids=["range", "nesting", "output", "brackets", "assigned"],
)
def test_limits_through_the_api(template: str, needle: str) -> None:
    with pytest.raises(brazelint.BrazelintError) as info:
        brazelint.render(template, {}, now=NOW, stubs=[])
    assert needle in info.value.message
    assert info.value.line is not None and info.value.column is not None
