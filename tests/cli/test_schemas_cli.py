"""``brazelint schemas`` run as a user runs it: a subprocess."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
Run = Callable[..., subprocess.CompletedProcess[str]]

IDS = (
    "braze/api-identifier, braze/campaign-trigger-send, braze/canvas-trigger-send, "
    "braze/connected-audience, braze/recipient, movable-ink/event, sessionm/advanced-settings, "
    "sessionm/get-user-offers-request, sessionm/get-user-offers-response, sessionm/tags"
)


def test_list_prints_aligned_ids_and_descriptions(run_cli: Run) -> None:
    proc = run_cli("schemas")
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.splitlines() == [
        "braze/api-identifier               Braze API identifier of a campaign or Canvas",
        "braze/campaign-trigger-send        Braze /campaigns/trigger/send request body",
        "braze/canvas-trigger-send          Braze /canvas/trigger/send request body",
        "braze/connected-audience           "
        "Braze Connected Audience object (audience filter of a trigger send)",
        "braze/recipient                    Braze recipient object (who a trigger send goes to)",
        "movable-ink/event                  "
        "Movable Ink Customer Data API behavioral event (track and identify)",
        "sessionm/advanced-settings         "
        "SessionM campaign advanced settings naming the Braze campaign or Canvas",
        "sessionm/get-user-offers-request   SessionM Connect get_user_offers request body",
        "sessionm/get-user-offers-response  SessionM Connect get_user_offers response body",
        "sessionm/tags                      "
        "SessionM Core create-or-increment customer tags request body",
    ]


def test_list_as_json(run_cli: Run) -> None:
    proc = run_cli("schemas", "--format", "json")
    assert (proc.returncode, proc.stderr) == (0, "")
    entries = json.loads(proc.stdout)
    assert [entry["id"] for entry in entries] == IDS.split(", ")
    assert entries[-1] == {
        "id": "sessionm/tags",
        "description": "SessionM Core create-or-increment customer tags request body",
    }
    assert all(set(entry) == {"id", "description"} for entry in entries)


def test_show_prints_a_builtin_as_indented_json(run_cli: Run) -> None:
    proc = run_cli("schemas", "show", "sessionm/tags")
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.splitlines()[:4] == [
        "{",
        '  "$schema": "https://json-schema.org/draft/2020-12/schema",',
        '  "$id": "brazelint:sessionm/tags",',
        '  "title": "SessionM Core create-or-increment customer tags request body",',
    ]
    assert proc.stdout.endswith("\n}\n")
    on_disk = json.loads((ROOT / "schemas/sessionm/tags.json").read_text(encoding="utf-8"))
    assert json.loads(proc.stdout) == on_disk


def test_show_prints_a_user_schema_by_path(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "offer.json").write_text(
        '{"title":"Offer",\n"properties":{"name":{"type":"string","description":"Naïve"}}}',
        encoding="utf-8",
    )
    proc = run_cli("schemas", "show", "offer.json", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == (
        "{\n"
        '  "title": "Offer",\n'
        '  "properties": {\n'
        '    "name": {\n'
        '      "type": "string",\n'
        '      "description": "Naïve"\n'
        "    }\n"
        "  }\n"
        "}\n"
    )


def test_unknown_id_exits_2_with_the_ids_in_the_hint(run_cli: Run) -> None:
    proc = run_cli("schemas", "show", "sessionm/tag")
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.splitlines() == [
        "error: unknown schema 'sessionm/tag'",
        f" = hint: use a file path or one of: {IDS}",
    ]


def test_schema_file_that_is_not_json_exits_2(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('{"type": }', encoding="utf-8")
    proc = run_cli("schemas", "show", "broken.json", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.splitlines() == [
        "error: broken.json: schema is not valid JSON (Expecting value: line 1 column 10 (char 9))"
    ]


def _show_on_a_terminal(*, no_color: bool) -> str:
    """``brazelint schemas show braze/api-identifier`` with stdout on a pseudo-terminal."""
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    if no_color:
        env["NO_COLOR"] = "1"
    pid, fd = pty.fork()
    if pid == 0:  # child: run the CLI attached to the pseudo-terminal
        os.execve(
            sys.executable,
            [sys.executable, "-m", "brazelint", "schemas", "show", "braze/api-identifier"],
            env,
        )
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode().replace("\r\n", "\n")


def test_show_highlights_only_on_a_terminal_without_no_color() -> None:
    expected = (ROOT / "schemas/braze/api-identifier.json").read_text(encoding="utf-8")
    coloured = _show_on_a_terminal(no_color=False)
    assert "\x1b[" in coloured
    assert json.loads(re.sub(r"\x1b\[[0-9;]*m", "", coloured)) == json.loads(expected)
    plain = _show_on_a_terminal(no_color=True)
    assert "\x1b[" not in plain
    assert json.loads(plain) == json.loads(expected)
