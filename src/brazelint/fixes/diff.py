"""Unified diffs of fixes that ``patch -p0`` and ``git apply`` take from the working
directory: the same path on both sides, ``\\ No newline at end of file`` where needed."""

from __future__ import annotations

import difflib


def unified(path: str, before: str, after: str) -> str:
    """The diff turning ``before`` into ``after`` for the file at ``path``."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=path,
        tofile=path,
    )
    out: list[str] = []
    for line in lines:
        if line.startswith(("---", "+++")):
            out.append(line.rstrip("\n") + "\n")
        elif line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)
