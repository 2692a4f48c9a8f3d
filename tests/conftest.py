"""Shared fixtures: the CLI as a subprocess, and the repository root."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Callable, Iterator

import pytest

from netblock import blocked_network, subprocess_env

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    """Only loopback connections, in-process and (via PYTHONPATH) in CLI subprocesses."""
    with blocked_network():
        yield


@pytest.fixture
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python -m brazelint ARGS`` and return the finished process (text mode)."""

    def run(
        *args: str, cwd: Path | str = ROOT, stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        env = subprocess_env({**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"})
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
