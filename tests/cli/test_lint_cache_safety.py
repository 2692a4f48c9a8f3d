"""The lint cache deletes only what it made, never serves a stale verdict, and survives
entries of the wrong shape (issue: reliability, items 1, 3 and 5).

Every test runs the real CLI in a subprocess on a scratch project, with
``BRAZELINT_CACHE_DIR`` pointing where a user might point it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from netblock import subprocess_env

CONFIG = """\
templates = ["templates"]
profiles = "profiles"
now = "2026-01-01T09:00:00Z"
generated-profiles = false

[schemas]
"templates/event.liquid" = "schemas/event.json"
"""
EVENT = '{"event": "{{event_properties.${name} | default: "signup"}}", "n": 1}\n'


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    write(root / "brazelint.toml", CONFIG)
    write(root / "profiles" / "alice.yaml", "attributes:\n  first_name: Alice\n")
    write(root / "profiles" / "bob.yaml", "attributes:\n  last_name: Bob\n")
    write(root / "templates" / "greet.liquid", "Hi {{${first_name}}}\n")
    write(root / "templates" / "event.liquid", EVENT)
    write(root / "schemas" / "event.json", '{"$ref": "parts/event-body.json"}\n')
    write(root / "schemas" / "parts" / "event-body.json", '{"type": "object"}\n')
    return root.resolve()


def lint(project: Path, cache: Path, *args: str) -> tuple[int, list[tuple[str, int, str]]]:
    """Run ``brazelint lint --format json ARGS`` with the cache at ``cache``."""
    env = subprocess_env({**os.environ, "NO_COLOR": "1", "BRAZELINT_CACHE_DIR": str(cache)})
    proc = subprocess.run(
        [sys.executable, "-m", "brazelint", "lint", "--format", "json", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.stderr == "", proc.stderr
    assert proc.returncode in (0, 1), proc.stdout
    report = json.loads(proc.stdout)
    return proc.returncode, [(d["path"], d["line"], d["code"]) for d in report["diagnostics"]]


def tree(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` with its text (the state that must survive)."""
    return {
        str(path.relative_to(folder)): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def shard_lines(cache: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for shard in sorted(cache.rglob("*.jsonl"))
        for line in shard.read_text(encoding="utf-8").splitlines()
    ]


# -- item 1: only what brazelint made is deleted ------------------------------------------


def test_a_shared_folder_keeps_every_folder_it_had(project: Path, tmp_path: Path) -> None:
    """``BRAZELINT_CACHE_DIR=~/.cache`` (or ``$RUNNER_TEMP``): the other tools' folders
    survive any number of runs with different configurations."""
    shared = tmp_path / "shared-cache"
    for index in range(12):
        write(shared / f"tool-{index:02}" / "nested" / "data.txt", f"tool {index}\n")
    write(shared / "pip" / "http" / "entry", "pip's\n")
    before = tree(shared)

    for index in range(12):  # twelve run keys: more than the kept run folders
        lint(project, shared, "--now", f"2026-02-{index + 1:02}T09:00:00Z")

    after = tree(shared)
    assert {name: after[name] for name in before} == before
    own = shared / "brazelint"
    assert (
        (own / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    assert (own / ".brazelint-cache").is_file()
    runs = [p for p in own.iterdir() if p.is_dir()]
    assert len(runs) == 8  # pruning works inside its own folder


def test_the_repository_itself_as_cache_dir_keeps_git(project: Path) -> None:
    """``BRAZELINT_CACHE_DIR=.`` in a repository once deleted ``.git``."""
    git = write(project / ".git" / "HEAD", "ref: refs/heads/main\n").parent
    write(git / "objects" / "ab" / "cdef", "object\n")
    before = tree(project)
    for index in range(10):
        lint(project, Path("."), "--now", f"2026-02-{index + 1:02}T09:00:00Z")
    after = tree(project)
    assert {name: after[name] for name in before} == before
    assert (project / "brazelint" / ".brazelint-cache").is_file()
    assert lint(project, Path(".")) == (1, [("templates/greet.liquid", 1, "BL203")])


def test_an_empty_folder_becomes_the_cache_and_is_marked(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "empty"
    cache.mkdir()
    lint(project, cache)
    assert (cache / ".brazelint-cache").is_file()
    assert (cache / ".gitignore").read_text() == "*\n"
    assert len([p for p in cache.iterdir() if p.is_dir()]) == 1


def test_a_run_folder_holding_something_else_is_not_deleted(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    lint(project, cache)
    (run,) = [p for p in cache.iterdir() if p.is_dir()]
    write(run / "notes.txt", "a user's file put here by hand\n")
    os.utime(run, (0, 0))  # the oldest run folder: the first to be pruned
    for index in range(10):
        lint(project, cache, "--now", f"2026-02-{index + 1:02}T09:00:00Z")
    assert (run / "notes.txt").read_text() == "a user's file put here by hand\n"
    assert not list(run.glob("*.jsonl"))  # its shards were brazelint's to remove


def test_an_unmarked_brazelint_subfolder_is_not_adopted(project: Path, tmp_path: Path) -> None:
    """A shared folder whose ``brazelint`` folder is someone else's: no cache, no loss."""
    shared = tmp_path / "shared"
    write(shared / "other" / "file", "x\n")
    write(shared / "brazelint" / "mine.txt", "not brazelint's\n")
    before = tree(shared)
    first = lint(project, shared)
    assert lint(project, shared) == first
    assert tree(shared) == before


# -- item 3: every file a verdict depends on is in its key ---------------------------------


def test_editing_a_schema_that_another_schema_refs_is_seen(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert lint(project, cache) == (1, [("templates/greet.liquid", 1, "BL203")])
    assert lint(project, cache) == (1, [("templates/greet.liquid", 1, "BL203")])  # cached
    write(
        project / "schemas" / "parts" / "event-body.json",
        '{"type": "object", "required": ["type"]}\n',
    )
    expected = lint(project, cache, "--no-cache")
    assert ("templates/event.liquid", 1, "BL402") in expected[1]
    assert lint(project, cache) == expected


def test_editing_a_connected_content_response_schema_is_seen(project: Path, tmp_path: Path) -> None:
    write(
        project / "brazelint.toml",
        CONFIG.replace("[schemas]", 'stubs = "stubs"\n\n[schemas]')
        + '\n[[connected-content]]\nurl-pattern = "^https://api\\\\.example\\\\.com/"\n'
        'response-schema = "schemas/answer.json"\n',
    )
    write(project / "schemas" / "answer.json", '{"$ref": "parts/answer-body.json"}\n')
    write(project / "schemas" / "parts" / "answer-body.json", '{"type": "object"}\n')
    write(
        project / "stubs" / "api.yaml",
        "- request:\n    url: https://api.example.com/points\n  response:\n    json: {points: 5}\n",
    )
    write(
        project / "templates" / "points.liquid",
        "{% connected_content https://api.example.com/points :save answer %}{{answer.points}}\n",
    )
    cache = tmp_path / "cache"
    first = lint(project, cache)
    assert lint(project, cache) == first
    write(
        project / "schemas" / "parts" / "answer-body.json",
        '{"type": "object", "required": ["balance"]}\n',
    )
    expected = lint(project, cache, "--no-cache")
    assert expected != first
    assert any(path == "templates/points.liquid" for path, _, _ in expected[1])
    assert lint(project, cache) == expected


# -- item 5: an entry of the wrong shape is a miss, and is dropped ----------------------------


BAD_ENTRIES = [
    {"diagnostics": [], "depends": {}},  # no key
    {"key": "K", "diagnostics": "none", "depends": {}},
    {"key": "K", "diagnostics": [{"path": "x"}], "depends": {}},
    {"key": "K", "diagnostics": [], "depends": []},
    {"key": "K", "diagnostics": [], "depends": {"a": 1}},
    ["not", "an", "object"],
    {"key": "K", "copy_of": 7, "path": "templates/greet.liquid"},
    {"key": "K", "copy_of": "J", "path": "templates/greet.liquid", "depends": {}},
]


@pytest.mark.parametrize("bad", BAD_ENTRIES, ids=[str(i) for i in range(len(BAD_ENTRIES))])
def test_an_entry_of_the_wrong_shape_is_a_miss(project: Path, tmp_path: Path, bad: Any) -> None:
    cache = tmp_path / "cache"
    expected = lint(project, cache)
    entries = shard_lines(cache)
    greet = next(e for e in entries if e["diagnostics"])
    if isinstance(bad, dict) and "key" in bad:
        bad = {**bad, "key": greet["key"]}  # the bad entry wins unless it is refused
    (shard,) = cache.rglob("*.jsonl")
    with shard.open("a", encoding="utf-8") as out:
        out.write(json.dumps(bad) + "\n")
    assert lint(project, cache) == expected
    assert lint(project, cache) == expected
    assert json.dumps(bad) not in [json.dumps(e) for e in shard_lines(cache)]  # dropped


def test_many_shards_are_compacted_into_one(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = lint(project, cache)
    (shard,) = cache.rglob("*.jsonl")
    for index in range(20):
        (shard.parent / f"{index:x}-{index}.jsonl").write_text(shard.read_text())
    assert lint(project, cache) == expected
    assert len(list(shard.parent.glob("*.jsonl"))) == 1
    assert lint(project, cache) == expected


# -- copies: a file with the same bytes and settings as another stores a reference ------------


def test_a_copy_is_stored_as_a_reference_to_the_original(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    write(project / "templates" / "greet_again.liquid", "Hi {{${first_name}}}\n")
    expected = lint(project, cache, "--no-cache")
    greet = [(line, code) for path, line, code in expected[1] if path == "templates/greet.liquid"]
    again = [(line, c) for path, line, c in expected[1] if path == "templates/greet_again.liquid"]
    assert greet == again == [(1, "BL203")]  # bob has no first_name

    assert lint(project, cache) == expected
    entries = shard_lines(cache)
    original = next(e for e in entries if e.get("diagnostics"))
    copy = next(e for e in entries if "copy_of" in e)
    assert original["diagnostics"][0]["path"] == "templates/greet.liquid"
    assert copy == {
        "key": copy["key"],
        "copy_of": original["key"],
        "path": "templates/greet_again.liquid",
    }

    # the copy is served from the original's entry, under its own name
    (shard,) = cache.rglob("*.jsonl")
    edited = {**original, "diagnostics": [{**original["diagnostics"][0], "code": "BL999"}]}
    with shard.open("a", encoding="utf-8") as out:
        out.write(json.dumps(edited) + "\n")
    assert lint(project, cache)[1] == [
        (path, line, "BL999" if code == "BL203" else code) for path, line, code in expected[1]
    ]


def test_a_copy_whose_original_entry_is_gone_is_linted_again(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    write(project / "templates" / "greet_again.liquid", "Hi {{${first_name}}}\n")
    expected = lint(project, cache)
    (shard,) = cache.rglob("*.jsonl")
    kept = [e for e in shard_lines(cache) if not e.get("diagnostics")]
    shard.write_text("".join(json.dumps(e) + "\n" for e in kept), encoding="utf-8")
    assert lint(project, cache) == expected
    assert lint(project, cache) == expected
