"""BL103 is raised from one place (``rules/hard_coded_credentials.py``) for a tag, a URL and
a webhook header alike; here the webhook header, through the real CLI."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Callable

Run = Callable[..., subprocess.CompletedProcess[str]]

WEBHOOK = """\
url: https://api.example.com/hook
headers:
  Authorization: "Basic ZGVtbzpzZWNyZXQ="
  X-Api-Key: "${env:PARTNER_KEY}"
body: '{}'
"""


def test_a_literal_header_credential_in_a_webhook(tmp_path: Path, run_cli: Run) -> None:
    (tmp_path / "brazelint.toml").write_text("", encoding="utf-8")
    (tmp_path / "w.webhook.yaml").write_text(WEBHOOK, encoding="utf-8")
    proc = run_cli("lint", "--no-cache", "--format", "json", "w.webhook.yaml", cwd=tmp_path)
    found = [d for d in json.loads(proc.stdout)["diagnostics"] if d["code"] == "BL103"]
    assert [
        (d["line"], d["column"], d["end_line"], d["end_column"], d["message"], d["hint"])
        for d in found
    ] == [
        (
            3,
            19,
            3,
            19,
            "literal credential in the 'Authorization' header",
            'read it from the environment: "Basic ${env:PARTNER_BASIC_AUTH}"',
        )
    ]
