"""Which files a lint run looks at: files, directories and globs from the command line."""

from __future__ import annotations

import glob
from pathlib import Path
from typing import Iterable, Sequence

from brazelint.errors import ConfigError
from brazelint.lint.globs import any_match
from brazelint.lint.webhook import WEBHOOK_SUFFIXES

TEMPLATE_SUFFIXES = (".liquid",)
SKIPPED_DIRECTORIES = frozenset({".git", ".hg", ".venv", "venv", "node_modules", "__pycache__"})


def is_lint_target(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(TEMPLATE_SUFFIXES) or name.endswith(WEBHOOK_SUFFIXES)


def discover(paths: Sequence[Path], *, exclude: Iterable[str] = (), root: Path) -> list[Path]:
    """Files to lint, sorted and unique. A file named explicitly is linted whatever its
    suffix; directories are searched for ``*.liquid`` and ``*.webhook.yaml``."""
    found: dict[Path, None] = {}
    patterns = list(exclude)
    for path in paths:
        text = str(path)
        if any(ch in text for ch in "*?[") and not path.exists():
            matched = sorted(glob.glob(text, recursive=True))
            if not matched:
                raise ConfigError(f"{text}: no files match this pattern")
            for item in matched:
                _add(Path(item), found, patterns, root, explicit=False)
        elif path.is_dir():
            for item in sorted(_walk(path)):
                _add(item, found, patterns, root, explicit=False)
        elif path.is_file():
            _add(path, found, patterns, root, explicit=True)
        else:
            raise ConfigError(f"{path}: no such file or directory")
    return list(found)


def _walk(directory: Path) -> Iterable[Path]:
    for item in directory.iterdir():
        if item.is_dir():
            if item.name not in SKIPPED_DIRECTORIES and not item.name.startswith("."):
                yield from _walk(item)
        elif is_lint_target(item):
            yield item


def _add(
    path: Path, found: dict[Path, None], exclude: list[str], root: Path, *, explicit: bool
) -> None:
    if path.is_dir():
        for item in sorted(_walk(path)):
            _add(item, found, exclude, root, explicit=False)
        return
    if not explicit and not is_lint_target(path):
        return
    if exclude and any_match(exclude, path, root):
        return
    found.setdefault(path, None)
