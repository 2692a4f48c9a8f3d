"""The default ``lint`` output: each finding with a code frame, then a summary line.

Like ruff's full output and :mod:`brazelint.report.codeframe`::

    templates/x.liquid:12:3: BL401 invalid-json [error] missing comma before "event"
       |
    12 |   "user_id": "{{${user_id}}}"
       |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^
       = profiles: known_user, anonymous_user
       = rendered: …"u-1"⏎  "event": "product_viewed"…
       = hint: add a comma after the previous value

After the findings: per-file coverage when some lines went unrendered, then the summary.

Carets run from ``column`` up to (not including) ``end_column`` on the same line, or to the
end of the line when the finding spans lines. With ``color`` the file gets a bold header,
severities their colour and the source line Liquid syntax highlighting (pygments, imported
only then); without it the output holds no escape sequence at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from brazelint.report.common import by_file, coverage_lines, summary_line, terminal_safe

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic, LintReport

TAB_SIZE = 4
_SEVERITY_COLOR = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[34m"}
_BOLD, _BLUE, _RESET = "\x1b[1m", "\x1b[34m", "\x1b[0m"


def format_report(report: LintReport, *, color: bool = False) -> str:
    blocks: list[str] = []
    for path, diagnostics in by_file(report):
        if not diagnostics:
            continue
        lines = _Lines(report.sources.get(path), color=color)
        group = [_diagnostic(d, lines, color) for d in diagnostics]
        if color:
            group[0] = f"{_BOLD}{path}{_RESET}\n{group[0]}"
        blocks.extend(group)
    shown = coverage_lines(report)
    if shown:
        blocks.append("\n".join(shown))
    blocks.append(summary_line(report))
    return "\n\n".join(blocks) + "\n"


def _diagnostic(d: Diagnostic, lines: _Lines, color: bool) -> str:
    sev, bold, blue, reset = (
        (_SEVERITY_COLOR[d.severity], _BOLD, _BLUE, _RESET) if color else ("", "", "", "")
    )
    first, *more = terminal_safe(d.message).splitlines() or [""]
    out = [
        f"{bold}{d.path}:{d.line}:{d.column}:{reset} {sev}{bold}{d.code}{reset} {d.name} "
        f"{sev}[{d.severity}]{reset} {first}"
    ]
    out += [f"    {line}" for line in more]
    pad = " " * len(str(d.line))
    frame = lines.frame(d)
    if frame is not None:
        shown, caret_at, width = frame
        out += [
            f"{blue}{pad} |{reset}",
            f"{blue}{d.line} |{reset} {shown}".rstrip(),
            f"{blue}{pad} |{reset} {' ' * caret_at}{sev}{'^' * width}{reset}",
        ]
    if d.profiles:
        out.append(f"{pad} = profiles: {', '.join(d.profiles)}")
    if d.excerpt is not None:
        excerpt = terminal_safe(d.excerpt.replace("\r\n", "\n").replace("\n", "⏎"))
        out.append(f"{pad} = rendered: {excerpt}")
    if d.hint:
        out.append(f"{pad} = hint: {terminal_safe(d.hint)}")
    return "\n".join(out)


class _Lines:
    """One file's lines (tabs expanded), and their highlighted form when in colour."""

    def __init__(self, source: Optional[str], *, color: bool) -> None:
        self.plain: list[str] = []
        if source is not None:
            from brazelint.http.redact import mask_text

            # a ?token= written in a template is not shown, nor obeyed an escape sequence
            source = terminal_safe(mask_text(source))
            # positions count "\n" only (engine/context.py), so split on it alone
            self.plain = [
                line.rstrip("\r").replace("\r", " ").expandtabs(TAB_SIZE)
                for line in source.split("\n")
            ]
        self.raw = source.split("\n") if source is not None else []
        self.color = color
        self._shown: Optional[list[str]] = None

    def frame(self, d: Diagnostic) -> Optional[tuple[str, int, int]]:
        """(line to show, caret offset, caret width), or ``None`` without the source line."""
        if not 1 <= d.line <= len(self.plain):
            return None
        raw = self.raw[d.line - 1].rstrip("\r")
        start = len(raw[: max(d.column - 1, 0)].expandtabs(TAB_SIZE))
        if d.end_line == d.line and d.end_column > d.column:
            end = len(raw[: d.end_column - 1].expandtabs(TAB_SIZE))
        elif d.end_line > d.line:
            end = len(self.plain[d.line - 1])
        else:
            end = start
        return self.shown(d.line), start, max(end - start, 1)

    def shown(self, line: int) -> str:
        if not self.color:
            return self.plain[line - 1]
        if self._shown is None:
            self._shown = _highlight(self.plain)
        return self._shown[line - 1]


def _highlight(lines: list[str]) -> list[str]:
    """``lines`` with Liquid syntax highlighting (the whole file, for context)."""
    from pygments import format as render_tokens
    from pygments import lex
    from pygments.formatters.terminal import TerminalFormatter
    from pygments.lexers.templates import LiquidLexer
    from pygments.token import Error, Text, is_token_subtype

    tokens = lex("\n".join(lines), LiquidLexer(stripnl=False, ensurenl=False))
    # Braze's ${attribute} syntax is not Liquid to pygments; do not paint it as an error
    plain = ((Text if is_token_subtype(kind, Error) else kind, value) for kind, value in tokens)
    text = render_tokens(plain, TerminalFormatter())
    shown = text.split("\n")
    return shown if len(shown) == len(lines) else lines
