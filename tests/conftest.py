"""Shared fixtures: the CLI as a subprocess, and the repository root."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python -m brazelint ARGS`` and return the finished process (text mode)."""

    def run(
        *args: str, cwd: Path | str = ROOT, stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
        return subprocess.run(
            [sys.executable, "-m", "brazelint", *args],
            cwd=cwd,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
        )

    return run
