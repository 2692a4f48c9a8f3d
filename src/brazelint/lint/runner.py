"""Run a linter over many files: in this process, or on every core when there are many.

Results stream back in file order, so memory stays flat however many files there are.
Workers are forked with the linter already built (profiles loaded, stubs parsed).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Optional, Sequence

if TYPE_CHECKING:
    from brazelint.lint.linter import FileResult, Linter

PARALLEL_THRESHOLD = 24
"""Below this many files, starting workers costs more than it saves."""

AfterEach = Callable[[Path, "FileResult"], None]

_worker_linter: Optional[Linter] = None
_worker_after: Optional[AfterEach] = None


def lint_files(
    linter: Linter,
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
            result = linter.lint_path(path, display)
            if after_each is not None:
                after_each(path, result)
            yield result
        return
    global _worker_linter, _worker_after
    _worker_linter, _worker_after = linter, after_each
    import multiprocessing  # here: a one-file run (pre-commit) never needs it

    context = multiprocessing.get_context("fork")
    chunk = max(1, min(16, len(files) // (workers * 8)))
    with context.Pool(workers) as pool:
        yield from pool.imap(_lint_one, files, chunksize=chunk)
    _worker_linter = _worker_after = None


def _lint_one(item: tuple[Path, str]) -> FileResult:
    assert _worker_linter is not None
    result = _worker_linter.lint_path(*item)
    if _worker_after is not None:
        _worker_after(item[0], result)
    return result


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
