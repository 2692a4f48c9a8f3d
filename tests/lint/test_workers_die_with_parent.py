"""Lint workers die with the CLI process, and Ctrl-C stops them (issue 21, item 7).

Each test starts the real CLI on enough slow templates to fork workers, waits until the
workers exist, ends the CLI one way or another, and checks that the output pipe closes
(as ``brazelint lint | tee`` needs) and that no worker is left running. Timeouts here
only guard against a hang; nothing is timed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from netblock import subprocess_env

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads /proc to find the workers"
)

SLOW = "{% for i in (1..40000) %}{% assign x = i | plus: 1 %}{% endfor %}{{ x }}\n"
GUARD = 60.0


def _project(root: Path) -> Path:
    (root / "templates").mkdir()
    (root / "brazelint.toml").write_text('templates = ["templates"]\n', encoding="utf-8")
    for number in range(80):
        # distinct texts: copies of one template would be linted once, in the main process
        text = f"{{% comment %}}{number}{{% endcomment %}}{SLOW}"
        (root / "templates" / f"t{number:02}.liquid").write_text(text, encoding="utf-8")
    return root


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as listing:
                found |= {int(word) for word in listing.read().split()}
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _start(root: Path) -> tuple[subprocess.Popen[bytes], set[int]]:
    env = subprocess_env({**os.environ, "NO_COLOR": "1"})
    proc = subprocess.Popen(
        [sys.executable, "-m", "brazelint", "lint", "--no-cache", "--jobs", "2"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + GUARD
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.05)
    if len(workers) < 2:
        proc.kill()
        pytest.fail("the lint never started its workers")
    return proc, workers


def _pipe_closes(proc: subprocess.Popen[bytes]) -> None:
    """Read stdout to its end: it ends only when no process holds the pipe any more."""
    assert proc.stdout is not None
    import selectors

    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + GUARD
    while time.monotonic() < deadline:
        if selector.select(timeout=1.0) and not os.read(proc.stdout.fileno(), 65536):
            return
    pytest.fail("stdout is still held open: a worker outlived the CLI")


def _no_worker_left(workers: set[int]) -> None:
    deadline = time.monotonic() + GUARD
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)], "orphaned lint workers"


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_the_cli(tmp_path: Path, sig: signal.Signals) -> None:
    proc, workers = _start(_project(tmp_path))
    try:
        os.kill(proc.pid, sig)
        proc.wait(timeout=GUARD)
        _pipe_closes(proc)
        _no_worker_left(workers)
    finally:
        with_group = [pid for pid in workers if _alive(pid)]
        for pid in with_group:  # only what this test started
            os.kill(pid, signal.SIGKILL)


def test_ctrl_c_stops_the_run_and_its_workers(tmp_path: Path) -> None:
    proc, workers = _start(_project(tmp_path))
    try:
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C sends: the whole group
        assert proc.wait(timeout=GUARD) == 130
        _pipe_closes(proc)
        _no_worker_left(workers)
    finally:
        for pid in [pid for pid in workers if _alive(pid)]:
            os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
