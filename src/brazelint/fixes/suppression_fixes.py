"""Remove a ``brazelint:`` comment that suppresses nothing (unused-suppression)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from brazelint.fixes.edits import Edit
from brazelint.fixes.registry import fixer
from brazelint.lint.suppressions import HASH_DIRECTIVE, LIQUID_DIRECTIVE

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic
    from brazelint.fixes.source import Source


@fixer("unused-suppression", safe=True, summary="remove the unused brazelint: comment")
def remove_suppression(source: Source, diagnostic: Diagnostic) -> Optional[tuple[str, list[Edit]]]:
    at = source.offset(diagnostic.line, diagnostic.column)
    text = source.text
    found = LIQUID_DIRECTIVE.match(text, at) or HASH_DIRECTIVE.match(text, at)
    if found is None:
        return None
    start, end = found.span()
    line_start, line_end = source.line_span(start)
    if not text[line_start:start].strip() and not text[end:line_end].strip():
        # alone on its line: the line goes, with its line break
        start = line_start
        end = line_end + 1 if line_end < len(text) else line_end
        if end == len(text) and start > 0 and line_end == len(text):
            start = start - 1 - (1 if text[start - 2 : start] == "\r\n" else 0)
    elif not text[line_start:start].strip():
        end += len(re.match(r"[ \t]*", text[end:line_end]).group())  # type: ignore[union-attr]
    return "remove the unused suppression", [Edit(start, end, "")]
