"""Glob patterns for configuration keys (``templates/**/*.liquid``), matched on POSIX paths."""

from __future__ import annotations

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
    """``path`` relative to ``root`` as POSIX text (resolved once per lookup, not per pattern)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _matches(pattern: str, name: str, relative: str) -> bool:
    if "/" not in pattern:
        return bool(_compile(pattern).match(name)) or bool(_compile(pattern).match(relative))
    return bool(_compile(pattern.lstrip("./")).match(relative))
