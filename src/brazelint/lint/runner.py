"""Run a linter over many files: in this process, or on every core when there are many.

Results stream back in file order, so memory stays flat however many files there are.
Workers are forked with the linters already built (profiles loaded, stubs parsed).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Optional, Sequence, TypeVar

from brazelint.errors import BrazelintError

if TYPE_CHECKING:
    from brazelint.lint.linter import FileResult

PARALLEL_THRESHOLD = 24
"""Below this many files, starting workers costs more than it saves."""
MAX_BATCH = 64
"""Files per run handed to a worker, at most: the results of a run travel back together,
so this bounds what the main process holds at once."""
MIN_BATCH = 4

T = TypeVar("T")

AfterEach = Callable[[Path, "FileResult"], None]
LintOne = Callable[[Path, str], "FileResult"]
"""Lints the file at a path, shown under a name; never raises for the file's content."""

_worker_lint: Optional[LintOne] = None
_worker_after: Optional[AfterEach] = None


def lint_files(
    lint: LintOne,
    files: Sequence[tuple[Path, str]],
    *,
    jobs: Optional[int] = None,
    after_each: Optional[AfterEach] = None,
) -> Iterator[FileResult]:
    """Lint ``(path, display)`` pairs, yielding results in order.

    ``after_each`` runs in the process that linted the file (a worker, when there are
    several), so work such as writing a cache entry is spread over the cores too.
    """
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(files) < PARALLEL_THRESHOLD or not _can_fork():
        for path, display in files:
            result = lint(path, display)
            if after_each is not None:
                after_each(path, result)
            yield result
        return
    global _worker_lint, _worker_after
    _worker_lint, _worker_after = lint, after_each
    # here: a one-file run (pre-commit) never needs them
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    executor = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )
    finished = False
    try:
        for results in executor.map(_lint_batch, batches(files, workers)):
            yield from results
        finished = True
    except BrokenProcessPool:
        raise BrazelintError(
            "a lint worker process stopped abruptly (killed, or out of memory?)",
            hint="run `brazelint lint --jobs 1` to lint in one process and see which file",
        ) from None
    finally:
        if not finished:
            # an abandoned run (Ctrl-C, an error): the workers' batches are not wanted, and
            # waiting for them would keep Ctrl-C waiting for seconds
            _stop_workers(executor)
        executor.shutdown(wait=True, cancel_futures=True)
        _worker_lint = _worker_after = None


def _start_worker(parent: int) -> None:
    """In each worker: die with the parent, and leave Ctrl-C to it.

    On Linux the kernel sends SIGKILL when the parent dies however it dies (SIGTERM,
    SIGKILL, a crash), so no orphan keeps running or holds the output pipe open
    (``brazelint lint | tee`` ends). Ctrl-C reaches the whole process group; the parent
    handles it and stops the workers itself.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _die_with_parent() -> None:
    import sys

    if not sys.platform.startswith("linux"):
        return  # elsewhere workers notice a closed pipe when they next report
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)


_PR_SET_PDEATHSIG = 1
"""``prctl`` option: the signal a process gets when its parent dies (linux/prctl.h)."""


def _stop_workers(executor: object) -> None:
    """Kill the pool's workers now (``concurrent.futures`` only lets them finish)."""
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()


def batches(files: Sequence[T], workers: int) -> Iterator[Sequence[T]]:
    """``files`` in runs for the workers: large first, smaller towards the end.

    Every run handed to a worker and back costs the main process some CPU, which on a
    two-core machine the workers lose, so runs are as long as streaming allows
    (``MAX_BATCH``). Near the end they shrink with what is left (``1 / (2 * workers)`` of
    it, at least ``MIN_BATCH``), so no worker idles long while another finishes.
    """
    start, total = 0, len(files)
    while start < total:
        size = max(MIN_BATCH, min(MAX_BATCH, (total - start) // (2 * workers)))
        yield files[start : start + size]
        start += size


def _lint_batch(items: Sequence[tuple[Path, str]]) -> list[FileResult]:
    assert _worker_lint is not None
    results = []
    for path, display in items:
        result = _worker_lint(path, display)
        if _worker_after is not None:
            _worker_after(path, result)
        results.append(result)
    return results


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
