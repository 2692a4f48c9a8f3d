"""Broken configuration, profile, stub and schema files: exit 2 and one clear error.

Each case runs ``brazelint render`` in a small project and expects one ``error:`` line
(plus, for syntax errors, the ``--> file:line:column`` frame) that names the file and
the key or line at fault; never a traceback, never "internal error".
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, Union

import pytest

from robustness.conftest import RunLimited
from robustness.helpers import assert_diagnostic

TEMPLATE = "{% connected_content https://api.example.com/x :save r %}Hi {{${first_name}}} {{r.a}}"
GOOD_STUB = "- request:\n    url: https://api.example.com/x\n  response:\n    json: {a: 1}\n"
GOOD_PROFILE = "attributes:\n  first_name: Jane\n"


class Case(NamedTuple):
    files: dict[str, Union[str, bytes]]
    args: tuple[str, ...]
    needles: tuple[str, ...]


def _rule(schema: str) -> str:
    return f'[[connected-content]]\nurl-pattern = "example"\nresponse-schema = "{schema}"\n'


PROFILE_ARGS = ("--profile", "profiles/bad.yaml")
JSON_PROFILE_ARGS = ("--profile", "profiles/bad.json")
STUB_ARGS = ("--stubs", "bad_stubs/bad.yaml")

CASES = {
    # configuration
    "config-toml-syntax": Case(
        {"brazelint.toml": 'profiles = "profiles\n'},
        (),
        ("brazelint.toml", "invalid TOML", "line 1"),
    ),
    "config-wrong-type": Case(
        {"brazelint.toml": "profiles = 3\n"}, (), ("brazelint.toml", "'profiles' must be a path")
    ),
    "config-unknown-key": Case(
        {"brazelint.toml": 'profile = "people"\n'},
        (),
        ("brazelint.toml", "unknown setting 'profile'"),
    ),
    "config-bad-limit": Case(
        {"brazelint.toml": '[limits]\nloop-iterations = "many"\n'},
        (),
        ("brazelint.toml", "limit 'loop-iterations' must be a positive number"),
    ),
    "config-missing": Case({}, ("--config", "nope.toml"), ("nope.toml: config file not found",)),
    "config-not-utf8": Case(
        {"brazelint.toml": b'profiles = "\xe9"\n'},
        (),
        ("brazelint.toml: not UTF-8 text (byte 0xe9 at offset 12)",),
    ),
    # profiles
    "profile-yaml-syntax": Case(
        {"profiles/bad.yaml": "attributes:\n  first_name: [Jane\n"},
        PROFILE_ARGS,
        ("invalid YAML", "--> profiles/bad.yaml:3:1"),
    ),
    "profile-json-syntax": Case(
        {"profiles/bad.json": '{"attributes": {"first_name": "J",}}'},
        JSON_PROFILE_ARGS,
        ("invalid JSON", "--> profiles/bad.json:1:35"),
    ),
    "profile-wrong-type": Case(
        {"profiles/bad.yaml": "attributes:\n  - first_name\n"},
        PROFILE_ARGS,
        ("profiles/bad.yaml: 'attributes' must be a mapping, got a list",),
    ),
    "profile-unknown-key": Case(
        {"profiles/bad.yaml": "atributes:\n  first_name: J\n"},
        PROFILE_ARGS,
        ("profiles/bad.yaml: unknown key 'atributes'",),
    ),
    "profile-missing": Case(
        {}, ("--profile", "profiles/nope.yaml"), ("profiles/nope.yaml: profile file not found",)
    ),
    # stubs
    "stub-yaml-syntax": Case(
        {"bad_stubs/bad.yaml": "- request:\n    url: [x\n"},
        STUB_ARGS,
        ("invalid YAML", "--> bad_stubs/bad.yaml:3:1"),
    ),
    "stub-wrong-type": Case(
        {"bad_stubs/bad.yaml": GOOD_STUB.replace("json: {a: 1}", 'status: "ok"')},
        STUB_ARGS,
        ("bad_stubs/bad.yaml #1: 'response.status' must be an integer",),
    ),
    "stub-unknown-key": Case(
        {"bad_stubs/bad.yaml": GOOD_STUB.replace("response:", "respnse:")},
        STUB_ARGS,
        ("bad_stubs/bad.yaml #1: unknown key 'respnse'",),
    ),
    "stub-missing": Case(
        {}, ("--stubs", "nope.yaml"), ("nope.yaml: stubs file or directory not found",)
    ),
    # schemas (checked against each Connected Content answer)
    "schema-json-syntax": Case(
        {"brazelint.toml": _rule("bad.json"), "bad.json": '{"type": "object",}'},
        ("--stubs", "stubs/ok.yaml"),
        ("bad.json", "JSON"),
    ),
    "schema-wrong-type": Case(
        {"brazelint.toml": _rule("bad.json"), "bad.json": '{"type": 5}'},
        ("--stubs", "stubs/ok.yaml"),
        ("bad.json", "$.type"),
    ),
    "schema-bad-ref": Case(
        {"brazelint.toml": _rule("bad.json"), "bad.json": '{"$ref": "#/nope"}'},
        ("--stubs", "stubs/ok.yaml"),
        ("bad.json", "$ref '#/nope'"),
    ),
    "schema-missing": Case(
        {"brazelint.toml": _rule("nope.json")},
        ("--stubs", "stubs/ok.yaml"),
        ("brazelint.toml", "connected-content #1: 'response-schema'", "unknown schema 'nope.json'"),
    ),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "t.liquid").write_text(TEMPLATE)
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "ok.yaml").write_text(GOOD_PROFILE)
    (tmp_path / "stubs").mkdir()
    (tmp_path / "stubs" / "ok.yaml").write_text(GOOD_STUB)
    return tmp_path


def test_the_project_renders(run_limited: RunLimited, project: Path) -> None:
    proc = run_limited("render", "t.liquid", "--profile", "ok", cwd=project)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "Hi Jane 1", "")


@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_broken_file_is_one_clear_error(run_limited: RunLimited, project: Path, case: Case) -> None:
    for name, content in case.files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)
    proc = run_limited("render", "t.liquid", *case.args, cwd=project)
    assert_diagnostic(proc, *case.needles)
    assert proc.stdout == ""
