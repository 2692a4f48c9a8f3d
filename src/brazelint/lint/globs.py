"""Glob patterns for configuration keys (``templates/**/*.liquid``), matched on POSIX paths."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    parts = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            parts.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            parts.append(".*")
            index += 2
            continue
        parts.append({"*": "[^/]*", "?": "[^/]"}.get(char, re.escape(char)))
        index += 1
    return re.compile("".join(parts) + "$")


def glob_regex(pattern: str) -> re.Pattern[str]:
    """``pattern`` as a regex over a whole POSIX path (``**`` spans directories)."""
    return _compile(pattern)


def matches(pattern: str, path: Path, root: Path) -> bool:
    """Whether ``path`` matches ``pattern`` relative to ``root``; a pattern without a slash
    matches the file name anywhere (like ruff's per-file-ignores)."""
    return _matches(pattern, path.name, _relative(path, root))


def first_match(table: dict[str, str], path: Path, root: Path) -> Optional[str]:
    """The value of the first pattern in ``table`` that matches ``path``."""
    if not table:
        return None
    name, relative = path.name, _relative(path, root)
    found = (value for pattern, value in table.items() if _matches(pattern, name, relative))
    return next(found, None)


def any_match(patterns: Iterable[str], path: Path, root: Path) -> bool:
    patterns = list(patterns)
    if not patterns:
        return False
    name, relative = path.name, _relative(path, root)
    return any(_matches(pattern, name, relative) for pattern in patterns)


def _relative(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` as POSIX text.

    Resolving reads every component of both paths from the disk, about 30 µs, and a file is
    looked up once per setting (``json``, ``exclude``, each ``template-profiles`` pattern,
    ``per-file-ignores``), so each pair is resolved once per process (and working
    directory, when either is relative).
    """
    cwd = "" if path.is_absolute() and root.is_absolute() else os.getcwd()
    return _relative_from(path, root, cwd)


@lru_cache(maxsize=4096)
def _relative_from(path: Path, root: Path, cwd: str) -> str:
    resolved = _resolved_file(str(path))
    root_text = str(_resolved(root, cwd))
    if resolved == root_text:
        return "."
    prefix = root_text.rstrip(os.sep) + os.sep
    if resolved.startswith(prefix):
        return resolved[len(prefix) :].replace(os.sep, "/")
    return path.as_posix()


def _resolved_file(path: str) -> str:
    """``path`` resolved: its directory resolved once per process, then its name (a
    symbolic link, or a name such as ``..``, is resolved in full)."""
    directory, name = os.path.split(path)
    if name in ("", ".", "..") or os.path.islink(path):
        return str(Path(path).resolve())
    cwd = "" if os.path.isabs(directory) else os.getcwd()
    return os.path.join(_resolved_directory(directory or ".", cwd), name)


@lru_cache(maxsize=1024)
def _resolved_directory(directory: str, cwd: str) -> str:
    """``directory`` resolved (``cwd``, for a relative one, keys the cache)."""
    return str(Path(cwd, directory).resolve())


@lru_cache(maxsize=16)
def _resolved(root: Path, cwd: str) -> Path:
    """``root`` resolved (``cwd`` only keys the cache)."""
    return root.resolve()


def _matches(pattern: str, name: str, relative: str) -> bool:
    if "/" not in pattern:
        return bool(_compile(pattern).match(name)) or bool(_compile(pattern).match(relative))
    return bool(_compile(pattern.lstrip("./")).match(relative))
