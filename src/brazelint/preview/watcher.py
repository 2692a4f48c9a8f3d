"""Notice saved files: a stat poller over the project's inputs, and a feed that wakes readers.

Polling needs no dependency and behaves the same on every platform and file system
(network drives and containers included). A project's inputs are a few hundred small
files at most, so one ``os.scandir`` pass every quarter second costs next to nothing,
and a save shows up well within a second.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

WATCHED_SUFFIXES = (".liquid", ".yaml", ".yml", ".json", ".toml")
SKIPPED_DIRECTORIES = frozenset(
    {".git", ".hg", ".venv", "venv", "node_modules", "__pycache__", ".mypy_cache"}
)
POLL_SECONDS = 0.25

Stamp = tuple[int, int, int]
"""What tells a saved file apart: modification time (ns), size and inode."""


def snapshot(
    roots: Iterable[Path], suffixes: tuple[str, ...] = WATCHED_SUFFIXES
) -> dict[str, Stamp]:
    """The stamp of every watched file under ``roots`` (files or directories)."""
    stamps: dict[str, Stamp] = {}
    for root in roots:
        if root.is_file():
            _stamp(str(root), stamps)
        elif root.is_dir():
            for path in _walk(str(root), suffixes):
                _stamp(path, stamps)
    return stamps


def changed(before: dict[str, Stamp], after: dict[str, Stamp]) -> list[str]:
    """Files added, removed or saved between two snapshots, sorted."""
    return sorted(
        path for path in before.keys() | after.keys() if before.get(path) != after.get(path)
    )


def _walk(directory: str, suffixes: tuple[str, ...]) -> Iterator[str]:
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in SKIPPED_DIRECTORIES and not entry.name.startswith("."):
                    yield from _walk(entry.path, suffixes)
            elif entry.name.lower().endswith(suffixes):
                yield entry.path
        except OSError:
            continue


def _stamp(path: str, stamps: dict[str, Stamp]) -> None:
    try:
        info = os.stat(path)
    except OSError:
        return
    stamps[path] = (info.st_mtime_ns, info.st_size, info.st_ino)


@dataclass
class ChangeFeed:
    """A generation counter that readers wait on; each change bumps it by one."""

    generation: int = 0
    paths: list[str] = field(default_factory=list)
    """What changed in the latest generation."""
    closed: bool = False
    _condition: threading.Condition = field(default_factory=threading.Condition, repr=False)

    def publish(self, paths: list[str]) -> None:
        with self._condition:
            self.generation += 1
            self.paths = list(paths)
            self._condition.notify_all()

    def wait(self, seen: int, timeout: float) -> Optional[int]:
        """The new generation once it passes ``seen``; ``None`` on timeout or close."""
        with self._condition:
            self._condition.wait_for(lambda: self.generation != seen or self.closed, timeout)
            if self.closed or self.generation == seen:
                return None
            return self.generation

    def close(self) -> None:
        with self._condition:
            self.closed = True
            self._condition.notify_all()


class Poller:
    """Polls ``roots()`` in a daemon thread and calls ``on_change`` with what changed.

    ``roots`` is called on every pass, so directories that appear later (a new profiles
    folder, a config that names another stub file) are picked up.
    """

    def __init__(
        self,
        roots: Callable[[], list[Path]],
        on_change: Callable[[list[str]], None],
        *,
        interval: float = POLL_SECONDS,
    ) -> None:
        self.roots = roots
        self.on_change = on_change
        self.interval = interval
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None
        self._stamps = snapshot(self.roots())

    def poll(self) -> list[str]:
        """One pass: report and remember what changed since the last one."""
        stamps = snapshot(self.roots())
        paths = changed(self._stamps, stamps)
        self._stamps = stamps
        if paths:
            self.on_change(paths)
        return paths

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="brazelint-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.poll()
            except Exception:  # a watcher must never die; the next pass tries again
                continue
