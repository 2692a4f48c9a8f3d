"""Code frames: the offending source line with a caret under the problem.

The layout follows python-liquid and rustc: message, ``--> path:line:column``, the
numbered source line, carets, and the hint on its own line.
"""

from __future__ import annotations

from typing import Optional

from brazelint.errors import BrazelintError

FRAME_WIDTH = 120
"""Characters of a source line shown in a frame; longer lines are cut around the caret."""


def format_error(error: BrazelintError, *, color: bool = False) -> str:
    """A multi-line description of ``error`` for a terminal."""
    red, bold, blue, reset = ("\x1b[31m", "\x1b[1m", "\x1b[34m", "\x1b[0m") if color else ("",) * 4
    from brazelint.http.redact import mask_text, redact_text
    from brazelint.report.common import terminal_safe

    message = terminal_safe(redact_text(error.message))
    lines = [f"{red}{bold}error{reset}{bold}: {message}{reset}"]
    where = terminal_safe(error.location())
    if where:
        lines.append(f"  {blue}-->{reset} {where}")
    source = terminal_safe(mask_text(error.source)) if error.source is not None else None
    frame = _frame(source, error.line, error.column, error.length)
    if frame:
        number, text, caret_at = frame
        pad = " " * len(str(number))
        caret = " " * caret_at + "^" * min(error.length, max(len(text) - caret_at, 1))
        lines += [
            f"{blue}{pad} |{reset}",
            f"{blue}{number} |{reset} {text}",
            f"{blue}{pad} |{reset} {red}{caret}{reset}",
        ]
    if error.hint:
        pad = " " * len(str(error.line or ""))
        lines.append(f"{pad} = hint: {terminal_safe(error.hint)}")
    return "\n".join(lines)


def _frame(
    source: Optional[str], line: Optional[int], column: Optional[int], length: int
) -> Optional[tuple[int, str, int]]:
    if source is None or line is None or column is None:
        return None
    # lines end at "\n" only, as positions count them (splitlines() would also split
    # at "\f", "\x1c", "\u2028", ... and show the wrong line)
    source_lines = source.split("\n")
    if not 1 <= line <= len(source_lines):
        return None
    raw = source_lines[line - 1].rstrip("\r")
    # expand tabs so the caret lines up with what the terminal shows
    prefix = raw[: column - 1].expandtabs(4)
    text = raw.expandtabs(4)
    caret_at = len(prefix)
    if len(text) > FRAME_WIDTH:
        # a long line (minified JSON, a 1 MB one-liner): show a window around the caret
        start = max(0, min(caret_at - FRAME_WIDTH // 3, len(text) - FRAME_WIDTH))
        window = text[start : start + FRAME_WIDTH]
        if start > 0:
            window = "…" + window[1:]
        if start + FRAME_WIDTH < len(text):
            window = window[:-1] + "…"
        text, caret_at = window, caret_at - start
    return line, text, caret_at
