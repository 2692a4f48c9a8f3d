"""``run_limited``: the CLI in a subprocess whose address space is capped at 1 GiB."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from netblock import subprocess_env

MEMORY_LIMIT = 1 << 30
"""Address space of the child: a runaway template must fail cleanly well below this."""

RunLimited = Callable[..., subprocess.CompletedProcess[str]]


def _limit_memory() -> None:  # runs in the child, between fork and exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.fixture
def run_limited() -> RunLimited:
    """Run ``python -m brazelint ARGS`` in ``cwd`` with at most 1 GiB of memory."""

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        env = subprocess_env({**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"})
        return subprocess.run(
            [sys.executable, "-m", "brazelint", *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=60,
            preexec_fn=_limit_memory,
        )

    return run
