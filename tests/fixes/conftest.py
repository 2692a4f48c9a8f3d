"""A project in a temporary folder that lints with the bundled profiles, Content Blocks
and stubs (so every fix is judged for every bundled profile and the generated users)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    (folder / "templates").mkdir(parents=True)
    (folder / "brazelint.toml").write_text(
        'templates = ["templates"]\n'
        f"profiles = {json.dumps(str(ROOT / 'profiles'))}\n"
        f"content-blocks = {json.dumps(str(ROOT / 'content_blocks'))}\n"
        f"stubs = {json.dumps(str(ROOT / 'stubs'))}\n"
        'now = "2026-01-01T09:00:00Z"\n'
        "[credentials.sessionm_connect]\n"
        'username = "demo-connect-key"\npassword = "demo-connect-secret"\n',
        encoding="utf-8",
    )
    return folder
