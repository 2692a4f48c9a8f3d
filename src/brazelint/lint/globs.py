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
    try:
        relative = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        relative = path.as_posix()
    if "/" not in pattern:
        return bool(_compile(pattern).match(path.name)) or bool(_compile(pattern).match(relative))
    return bool(_compile(pattern.lstrip("./")).match(relative))


def first_match(table: dict[str, str], path: Path, root: Path) -> Optional[str]:
    """The value of the first pattern in ``table`` that matches ``path``."""
    return next((value for pattern, value in table.items() if matches(pattern, path, root)), None)


def any_match(patterns: Iterable[str], path: Path, root: Path) -> bool:
    return any(matches(pattern, path, root) for pattern in patterns)
