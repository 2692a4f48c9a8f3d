"""Handing files to worker processes: runs that cover every file once, in order."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

import pytest

from brazelint.config import load_config
from brazelint.errors import BrazelintError
from brazelint.lint.files import lint_file
from brazelint.lint.linter import FileResult
from brazelint.lint.runner import MAX_BATCH, MIN_BATCH, batches, lint_files
from brazelint.lint.session import LintSession
from brazelint.lint.settings import RunOptions


@pytest.mark.parametrize("total", [0, 1, 3, 24, 100, 2000, 10_000])
@pytest.mark.parametrize("workers", [1, 2, 8])
def test_runs_cover_every_file_once_in_order_and_shrink_towards_the_end(
    total: int, workers: int
) -> None:
    files = list(range(total))
    runs = list(batches(files, workers))
    assert [item for run in runs for item in run] == files
    sizes = [len(run) for run in runs]
    assert all(1 <= size <= MAX_BATCH for size in sizes)
    assert all(size >= MIN_BATCH for size in sizes[:-1])
    assert all(size >= after for size, after in zip(sizes, sizes[1:]))
    if total >= 2000:
        assert len(runs) <= total // MAX_BATCH + 8 * workers
        assert sizes[-2] == MIN_BATCH  # the last runs are short, so workers end together


def test_workers_return_every_result_in_file_order(tmp_path: Path) -> None:
    paths = []
    for number in range(60):
        path = tmp_path / f"t{number:02}.liquid"
        path.write_text("{{ 'x' | upcase }}" if number % 7 else "{{ x | nope }}", encoding="utf-8")
        paths.append(path)
    session = LintSession(RunOptions(now="2024-03-01T12:00:00Z"), cache=False)
    linter = session.linter_for(session.settings_for(load_config(start=tmp_path)))
    written: list[str] = []

    def after_each(path: Path, result: FileResult) -> None:
        written.append(path.name)  # in the worker, so the parent's list stays empty

    items = [(path, path.name) for path in paths]
    results = list(lint_files(partial(lint_file, linter), items, jobs=2, after_each=after_each))
    assert [result.path for result in results] == [path.name for path in paths]
    assert [bool(result.diagnostics) for result in results] == [n % 7 == 0 for n in range(60)]
    assert written == []
    serial = list(lint_files(partial(lint_file, linter), items, jobs=1))
    assert [r.diagnostics for r in results] == [r.diagnostics for r in serial]


class DiesOnOneFile:
    """A linter whose worker process ends abruptly on ``t13.liquid`` (as if killed)."""

    def lint_path(self, path: Path, display: str) -> FileResult:
        if path.name == "t13.liquid":
            os._exit(9)
        return FileResult(display)


def test_a_worker_that_stops_abruptly_is_one_clear_error() -> None:
    items = [(Path(f"t{number:02}.liquid"), f"t{number:02}.liquid") for number in range(60)]
    results = lint_files(DiesOnOneFile().lint_path, items, jobs=2)
    with pytest.raises(BrazelintError) as caught:
        list(results)
    assert str(caught.value) == (
        "a lint worker process stopped abruptly (killed, or out of memory?) "
        "(hint: run `brazelint lint --jobs 1` to lint in one process and see which file)"
    )
