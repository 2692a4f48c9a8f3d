"""Helpers for the fix tests."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Callable

Run = Callable[..., subprocess.CompletedProcess[str]]


def findings(run_cli: Run, folder: Path, name: str) -> list[dict[str, object]]:
    """The JSON report's findings for ``name`` (every profile: none are filtered)."""
    proc = run_cli("lint", name, "--format", "json", "--no-cache", cwd=folder)
    assert proc.returncode in (0, 1), proc.stderr
    return list(json.loads(proc.stdout)["diagnostics"])
