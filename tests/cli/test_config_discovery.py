"""Each file uses the configuration nearest to it, wherever the command runs (issue 16).

The project keeps its configuration in a subfolder (``braze/brazelint.toml``), as a
repository whose pre-commit runs from the root does. Every test runs the real CLI.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable

import pytest

Run = Callable[..., Any]
Row = tuple[str, int, int, str, tuple[str, ...]]

CONFIG = """\
templates = ["templates"]
now = "2031-06-01T00:00:00Z"
generated-profiles = false
[schemas]
"templates/event.liquid" = "schemas/event.json"
"""
CLOCK = '{% assign y = "now" | date: "%Y" %}{% if y == "2031" %}{% abort_message("late") %}{% endif %}Hello\n'

EXPECTED: list[Row] = [
    ("braze/templates/clock.liquid", 1, 59, "BL303", ("jane",)),
    # jane is the only profile and she aborts: nothing past the abort was checked
    ("braze/templates/clock.liquid", 1, 59, "BL308", ()),
    # the missing member is the object's: the finding points at its opening brace
    ("braze/templates/event.liquid", 1, 1, "BL402", ("jane",)),
    ("braze/templates/greet.liquid", 1, 6, "BL203", ("jane",)),
]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRAZELINT_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "repo"
    braze = root / "braze"
    write(braze / "brazelint.toml", CONFIG)
    write(braze / "profiles" / "jane.yaml", "attributes:\n  first_name: Jane\n")
    write(braze / "templates" / "greet.liquid", "Hi {{${last_name}}}\n")
    write(braze / "templates" / "clock.liquid", CLOCK)
    write(braze / "templates" / "event.liquid", '{"name": "{{${first_name}}}"}\n')
    write(braze / "schemas" / "event.json", '{"type": "object", "required": ["event"]}\n')
    write(braze / "templates" / "uses_block.liquid", "{{content_blocks.${sig}}}{{ sig }}\n")
    write(braze / "templates" / "plain.liquid", "Hello\n")
    write(braze / "content_blocks" / "sig.liquid", "{% assign sig = 'Bye' %}")
    write(root / "notes.yaml", "not: a template\n")
    (tmp_path / "elsewhere").mkdir()
    return root


def lint(run_cli: Run, *args: str, cwd: Path, root: Path) -> tuple[int, list[Row], Any]:
    """Exit code, findings (paths relative to ``root``) and the JSON report."""
    proc = run_cli("lint", "--format", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    found = [
        (
            (cwd / d["path"]).resolve().relative_to(root).as_posix(),
            d["line"],
            d["column"],
            d["code"],
            tuple(d["profiles"]),
        )
        for d in report["diagnostics"]
    ]
    return proc.returncode, found, report


def test_config_in_a_subfolder_gives_one_verdict_from_any_directory(
    run_cli: Run, repo: Path
) -> None:
    braze = repo / "braze"
    runs = [
        (repo, ["braze/templates"]),
        (braze, []),
        (braze / "templates", ["."]),
        (repo.parent / "elsewhere", [str(braze / "templates")]),
    ]
    for cwd, args in runs:
        code, found, report = lint(run_cli, *args, cwd=cwd, root=repo)
        assert (code, found) == (1, EXPECTED), cwd
        assert report["summary"]["files"] == 5, cwd


def test_displayed_paths_stay_relative_to_the_working_directory(run_cli: Run, repo: Path) -> None:
    proc = run_cli("lint", "--format", "concise", "braze/templates/greet.liquid", cwd=repo)
    assert proc.stdout.splitlines()[0] == (
        "braze/templates/greet.liquid:1:6: BL203 [warning] last_name is not set for this "
        "profile and renders empty (profiles: jane)"
    )
    assert proc.returncode == 1


def test_two_configs_in_one_run_each_apply_their_own(run_cli: Run, repo: Path) -> None:
    other = repo / "other"
    # another project: its own clock (so the clock template does not abort), its own
    # profile, and it ignores BL203
    write(other / "brazelint.toml", 'now = "2020-01-01T00:00:00Z"\nignore = ["BL203"]\n')
    write(other / "profiles" / "ann.yaml", "attributes:\n  first_name: Ann\n")
    write(other / "templates" / "clock.liquid", CLOCK)
    write(other / "templates" / "greet.liquid", "Hi {{${last_name}}} {{${first_name}}}\n")
    write(other / "templates" / "event.liquid", '{"name": "{{${first_name}}}",}\n')
    # no content_blocks folder here: braze/'s block is not this project's
    write(other / "templates" / "uses_block.liquid", "{{content_blocks.${sig}}}{{ sig }}\n")
    code, found, report = lint(run_cli, "braze", "other", cwd=repo, root=repo)
    assert code == 1
    assert found == [
        *EXPECTED,
        # no schema is assigned here: the body is checked as JSON only, for Ann and the
        # generated users (which this project keeps)
        # before 2030 nobody renders the abort: the info says so
        ("other/templates/clock.liquid", 1, 56, "BL307", ()),
        # Ann sets the first name it reads: the complete user would repeat her verdict
        ("other/templates/event.liquid", 1, 29, "BL401", ("ann", "empty")),
        ("other/templates/uses_block.liquid", 1, 1, "BL301", ("ann", "empty", "adversarial")),
        ("other/templates/uses_block.liquid", 1, 1, "BL308", ()),
    ]
    assert report["summary"]["files"] == 9


def test_fail_level_is_the_files_own(run_cli: Run, repo: Path) -> None:
    other = repo / "other"
    write(other / "brazelint.toml", 'fail-level = "error"\n')
    write(other / "profiles" / "ann.yaml", "attributes:\n  first_name: Ann\n")
    write(other / "greet.liquid", "Hi {{${last_name}}}\n")
    code, found, _ = lint(run_cli, "other", cwd=repo, root=repo)
    assert (code, found) == (0, [("other/greet.liquid", 1, 6, "BL203", ("ann", "empty"))])
    # the warning in braze/ still fails the run that covers both
    code, _, _ = lint(run_cli, "other", "braze/templates/greet.liquid", cwd=repo, root=repo)
    assert code == 1


def test_explicit_config_overrides_the_search(run_cli: Run, repo: Path) -> None:
    write(
        repo / "strict.toml",
        'select = ["BL203"]\nprofiles = "braze/profiles"\ngenerated-profiles = false\n',
    )
    code, found, _ = lint(
        run_cli, "--config", "strict.toml", "braze/templates", cwd=repo, root=repo
    )
    # the root's strict.toml: its profiles and selection; no schema, no configured clock
    assert (code, found) == (
        1,
        [
            ("braze/templates/greet.liquid", 1, 6, "BL203", ("jane",)),
        ],
    )


def test_a_broken_config_above_a_file_stops_the_run(run_cli: Run, repo: Path) -> None:
    write(repo / "braze" / "brazelint.toml", "colour = 'red'\n" + CONFIG)
    proc = run_cli("lint", "braze/templates/greet.liquid", cwd=repo)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "brazelint.toml: unknown setting 'colour'" in proc.stderr.splitlines()[0]
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("changed", "expected", "files"),
    [
        ("braze/profiles/jane.yaml", EXPECTED, 5),
        ("braze/brazelint.toml", EXPECTED, 5),
        ("braze/schemas/event.json", [EXPECTED[2]], 1),
        ("braze/content_blocks/sig.liquid", [], 1),
        ("notes.yaml", [], 0),
    ],
    ids=["profile", "config", "schema", "content-block", "unrelated-data"],
)
def test_a_changed_input_lints_the_templates_that_depend_on_it(
    run_cli: Run, repo: Path, changed: str, expected: list[Row], files: int
) -> None:
    code, found, report = lint(run_cli, changed, cwd=repo, root=repo)
    assert (code, found) == (1 if expected else 0, expected)
    assert report["summary"]["files"] == files


def test_a_profile_change_reaches_the_templates(run_cli: Run, repo: Path) -> None:
    """The hook passes only the profile: its new value must change the verdict."""
    profile = repo / "braze" / "profiles" / "jane.yaml"
    write(profile, "attributes:\n  first_name: Jane\n  last_name: Doe\n")
    code, found, _ = lint(run_cli, "braze/profiles/jane.yaml", cwd=repo, root=repo)
    assert (code, found) == (1, EXPECTED[:3])


def test_a_stub_change_lints_every_template_of_its_config(run_cli: Run, repo: Path) -> None:
    write(
        repo / "braze" / "stubs" / "offers.yaml",
        "- request: {url: 'https://example.com/x'}\n  response: {json: {a: 1}}\n",
    )
    code, found, report = lint(run_cli, "braze/stubs/offers.yaml", cwd=repo, root=repo)
    assert (code, found, report["summary"]["files"]) == (1, EXPECTED, 5)


def test_a_block_change_reaches_templates_through_another_block(run_cli: Run, repo: Path) -> None:
    braze = repo / "braze"
    write(braze / "content_blocks" / "outer.liquid", "{{content_blocks.${sig}}}")
    write(braze / "templates" / "nested.liquid", "{{content_blocks.${outer}}}{{ sig }} {{${x}}}\n")
    _, found, report = lint(run_cli, "braze/content_blocks/sig.liquid", cwd=repo, root=repo)
    assert [name for name, *_ in found] == ["braze/templates/nested.liquid"]
    assert report["summary"]["files"] == 2


def test_no_profiles_is_said_once_with_the_directories_looked_in(
    run_cli: Run, tmp_path: Path
) -> None:
    for name in ("a", "b"):
        write(tmp_path / name / "brazelint.toml", 'templates = ["."]\n')
        write(tmp_path / name / "hi.liquid", '{"a": 1,}\n')
    proc = run_cli("lint", "--format", "concise", "a", "b", cwd=tmp_path)
    assert proc.stderr.splitlines() == [
        "note: no profiles found (looked in a/profiles/, b/profiles/); "
        "linting with the generated users (empty, complete, adversarial) only"
    ]
    assert proc.stdout.splitlines() == [
        "a/hi.liquid:1:8: BL401 [error] trailing comma before '}' (profiles: empty)",
        "b/hi.liquid:1:8: BL401 [error] trailing comma before '}' (profiles: empty)",
        "Found 2 errors in 2 files (2 files checked).",
    ]
    assert proc.returncode == 1


def test_shards_are_disjoint_and_cover_the_tree(run_cli: Run, repo: Path) -> None:
    """Every file has a finding, so the findings tell which files a shard linted."""
    braze = repo / "braze"
    for index in range(24):
        write(braze / "templates" / f"t{index:02}.liquid", f"Hi {{{{${{x{index}}}}}}}\n")
    write(
        braze / "templates" / "hook.webhook.yaml",
        "url: https://example.com/a\nbody-file: body.liquid\n",
    )
    write(braze / "templates" / "body.liquid", "{{${y}}}\n")
    _, whole, report = lint(run_cli, cwd=braze, root=repo)
    assert report["summary"]["files"] == 30  # the body is linted with its webhook
    shards = [lint(run_cli, "--shard", f"{k}/3", cwd=braze, root=repo) for k in (1, 2, 3)]
    counts = [report["summary"]["files"] for _, _, report in shards]
    assert all(counts) and sum(counts) == 30, counts
    paths = [{row[0] for row in found} for _, found, _ in shards]
    assert sum(map(len, paths)) == len(set().union(*paths))  # disjoint
    assert sorted(row for _, found, _ in shards for row in found) == sorted(whole)
    # the webhook and its body file are one lint, in one shard
    (together,) = [names for names in paths if "braze/templates/body.liquid" in names]
    assert "braze/templates/hook.webhook.yaml" in together or not any(
        "hook.webhook.yaml" in name for names in paths for name in names
    )
    # stable: the same split from another directory
    again = lint(run_cli, "--shard", "2/3", str(braze), cwd=repo.parent / "elsewhere", root=repo)
    assert again[1] == shards[1][1]


def test_a_bad_shard_is_a_usage_error(run_cli: Run, repo: Path) -> None:
    for value in ("0/3", "4/3", "x", "1/0"):
        proc = run_cli("lint", "--shard", value, cwd=repo / "braze")
        assert proc.returncode == 2, value
        assert f"'{value}' is not a shard: write K/N with 1 <= K <= N" in proc.stderr


def test_render_uses_the_files_config_and_its_clock(run_cli: Run, repo: Path) -> None:
    proc = run_cli("render", "braze/templates/clock.liquid", cwd=repo)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "message aborted: late\n")
    proc = run_cli("render", "braze/templates/clock.liquid", "--now", "2020-01-01", cwd=repo)
    assert (proc.returncode, proc.stdout) == (0, "Hello\n")
    # the profile is found by name in the file's own profiles directory
    proc = run_cli(
        "render",
        str(repo / "braze/templates/event.liquid"),
        "--profile",
        "jane",
        cwd=repo.parent / "elsewhere",
    )
    assert (proc.returncode, proc.stdout) == (0, '{"name": "Jane"}\n')


def test_render_a_webhook_shows_the_request(
    run_cli: Run, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = repo / "braze" / "templates"
    write(
        templates / "tag.webhook.yaml",
        'url: "https://api.example.com/users/{{${first_name} | url_param_escape}}/tags?api_key=s3cr3t-k3y"\n'
        "method: PUT\n"
        "headers:\n"
        "  Content-Type: application/json\n"
        '  Authorization: "Bearer ${env:PARTNER_TOKEN}"\n'
        "body: |\n"
        '  {"when": "{{ "now" | date: "%Y" }}", "name": "{{${first_name}}}"}\n',
    )
    monkeypatch.setenv("PARTNER_TOKEN", "tok-very-secret-123")
    proc = run_cli("render", "braze/templates/tag.webhook.yaml", "--profile", "jane", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (
        "PUT https://api.example.com/users/Jane/tags?api_key=<redacted>\n"
        "Content-Type: application/json\n"
        "Authorization: <redacted>\n"
        "\n"
        '{"when": "2031", "name": "Jane"}\n'
    )
    assert "s3cr3t" not in proc.stdout + proc.stderr
    assert "tok-very-secret" not in proc.stdout + proc.stderr
    proc = run_cli("render", "braze/templates/tag.webhook.yaml", "--format", "json", cwd=repo)
    data = json.loads(proc.stdout)
    assert (data["method"], data["headers"]["Authorization"]) == ("PUT", "<redacted>")
    assert data["url"] == "https://api.example.com/users//tags?api_key=<redacted>"
    assert data["body"]["output"] == '{"when": "2031", "name": ""}\n'


def test_render_a_webhook_that_aborts_sends_nothing(run_cli: Run, repo: Path) -> None:
    write(
        repo / "braze" / "templates" / "quiet.webhook.yaml",
        "url: https://api.example.com/x\nbody: |\n  {% abort_message('no') %}\n",
    )
    proc = run_cli("render", "braze/templates/quiet.webhook.yaml", cwd=repo)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "message aborted: no\n")


def test_lint_paths_api_uses_each_files_config(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import brazelint

    monkeypatch.chdir(repo.parent / "elsewhere")
    found = brazelint.lint_paths([repo / "braze" / "templates"])
    assert [(Path(d.path).name, d.line, d.column, d.code) for d in found] == [
        ("clock.liquid", 1, 59, "BL303"),
        ("clock.liquid", 1, 59, "BL308"),
        ("event.liquid", 1, 1, "BL402"),
        ("greet.liquid", 1, 6, "BL203"),
    ]
    assert os.getcwd() == str(repo.parent / "elsewhere")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('url: "https://x.example.com/{{ 1 | divided_by: 0 }}"\n', "1:36"),
        ('url: https://x.example.com\nheaders:\n  X-A: "{{ 1 | divided_by: 0 }}"\n', "3:16"),
        ("url: https://x.example.com\nbody: |\n  {}\n  {{ 1 | divided_by: 0 }}\n", "4:10"),
    ],
    ids=["url", "header", "body"],
)
def test_render_errors_in_a_webhook_point_into_the_file(
    run_cli: Run, repo: Path, text: str, where: str
) -> None:
    write(repo / "bad.webhook.yaml", text)
    proc = run_cli("render", "bad.webhook.yaml", cwd=repo)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines()[:2] == [
        "error: divided_by: can't divide by 0",
        f"  --> bad.webhook.yaml:{where}",
    ]
