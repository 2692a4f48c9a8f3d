"""Edits on original source offsets, applied together when they do not overlap.

Held to theme-check's corrector: edits are sorted, and one that overlaps an earlier one
is not applied but handed back, so the caller can try it on the next pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``source[start:end]`` with ``replacement`` (``start == end`` inserts)."""

    start: int
    end: int
    replacement: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit span {self.start}..{self.end}")


def overlaps(first: Sequence[Edit], second: Sequence[Edit]) -> bool:
    """Whether any edit of ``first`` touches any of ``second``.

    Two insertions at one offset overlap too: their order would be a guess.
    """
    for a in first:
        for b in second:
            if a.start < b.end and b.start < a.end:
                return True
            if a.start == b.start and (a.start == a.end or b.start == b.end):
                return True
    return False


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` made (``ValueError`` if they overlap)."""
    ordered = sorted(edits)
    for before, after in zip(ordered, ordered[1:]):
        if overlaps([before], [after]):
            raise ValueError(f"overlapping edits {before} and {after}")
    if ordered and ordered[-1].end > len(text):
        raise ValueError("edit past the end of the text")
    parts: list[str] = []
    position = 0
    for edit in ordered:
        parts.append(text[position : edit.start])
        parts.append(edit.replacement)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def map_offset(offset: int, edits: Sequence[Edit]) -> int:
    """Where ``offset`` of the original text is after ``edits`` (start of a replaced span)."""
    shift = 0
    for edit in sorted(edits):
        if edit.end <= offset:
            shift += len(edit.replacement) - (edit.end - edit.start)
        elif edit.start < offset:
            return edit.start + shift
    return offset + shift
