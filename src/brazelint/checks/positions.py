"""From offsets (in the template or in rendered output) to diagnostics at template lines."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Any, Callable, Mapping, Optional, Protocol, Sequence

from brazelint.checks.diagnostic import Diagnostic, Severity

if TYPE_CHECKING:
    from brazelint.engine.sourcemap import SourceMap

EXCERPT_WIDTH = 72


class RuleInfo(Protocol):
    """What a diagnostic takes from its rule."""

    @property
    def name(self) -> str: ...

    @property
    def severity(self) -> Severity: ...


class RuleBook(Protocol):
    """What the checks need of the rules (``rules/registry.py``): each code's rule, and the
    rule checks to run at each stage. The lint layer hands it to every ``Reporter``, so
    the checks, which sit below the rules, never import them."""

    def rule(self, code: str) -> RuleInfo: ...

    @property
    def source_checks(self) -> Sequence[Callable[..., Any]]: ...

    @property
    def url_checks(self) -> Sequence[Callable[..., Any]]: ...

    @property
    def filter_checks(self) -> Sequence[Callable[..., Any]]: ...

    @property
    def render_checks(self) -> Sequence[Callable[..., Any]]: ...

    @property
    def json_checks(self) -> Sequence[Callable[..., Any]]: ...

    @property
    def coverage_checks(self) -> Sequence[Callable[..., Any]]: ...

    @property
    def problem_codes(self) -> Mapping[str, str]: ...


class LineIndex:
    """1-based line and column of offsets into one text, by binary search."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0]
        start = text.find("\n")
        while start >= 0:
            self._starts.append(start + 1)
            start = text.find("\n", start + 1)

    def position(self, offset: int) -> tuple[int, int]:
        offset = min(max(offset, 0), len(self.text))
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based line and column."""
        return self._starts[min(max(line, 1), len(self._starts)) - 1] + column - 1

    def line_end(self, line: int) -> int:
        """Column just past the last character of ``line``."""
        start = self._starts[line - 1]
        end = self.text.find("\n", start)
        end = len(self.text) if end < 0 else end
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return end - start + 1


class Reporter:
    """Builds diagnostics for one file; ``profile`` is set while a render is checked."""

    __slots__ = ("found", "index", "path", "rules", "source")

    def __init__(
        self, path: str, source: str, rules: RuleBook, found: Optional[list[Diagnostic]] = None
    ) -> None:
        self.path = path
        self.source = source
        self.rules = rules
        self.index = LineIndex(source)
        self.found: list[Diagnostic] = [] if found is None else found

    def at_offset(
        self,
        code: str,
        start: int,
        message: str,
        *,
        end: Optional[int] = None,
        profile: Optional[str] = None,
        hint: Optional[str] = None,
        excerpt: Optional[str] = None,
    ) -> None:
        line, column = self.index.position(start)
        end_line, end_column = self.index.position(end if end is not None else start + 1)
        if end_line != line:
            end_line, end_column = line, self.index.line_end(line)
        self.at(
            code,
            line,
            column,
            message,
            end_line=end_line,
            end_column=end_column,
            profile=profile,
            hint=hint,
            excerpt=excerpt,
        )

    def at(
        self,
        code: str,
        line: int,
        column: int,
        message: str,
        *,
        end_line: int = 0,
        end_column: int = 0,
        profile: Optional[str] = None,
        hint: Optional[str] = None,
        excerpt: Optional[str] = None,
    ) -> None:
        info = self.rules.rule(code)
        self.found.append(
            Diagnostic(
                path=self.path,
                line=max(line, 1),
                column=max(column, 1),
                end_line=end_line,
                end_column=end_column,
                code=code,
                name=info.name,
                severity=info.severity,
                message=message,
                profiles=(profile,) if profile else (),
                hint=hint,
                excerpt=excerpt,
            )
        )


class OutputLocator:
    """Maps offsets in one render's output back to the template through its source map."""

    __slots__ = ("output", "source_map")

    def __init__(self, output: str, source_map: Optional[SourceMap]) -> None:
        self.output = output
        self.source_map = source_map

    def template_offset(self, output_offset: int) -> int:
        if self.source_map is None:
            return 0
        origin = self.source_map.origin(output_offset)
        return origin if origin is not None else 0

    def printed_at(self, output_offset: int) -> Optional[int]:
        """The ``{{`` that printed ``output[output_offset]``; ``None`` for template text."""
        if self.source_map is None or self.source_map.is_literal(output_offset):
            return None
        return self.source_map.origin(output_offset)

    def printed_within(self, start: int, end: int) -> bool:
        """Whether an expression wrote (even nothing) inside output ``start..end``."""
        return self.source_map is not None and self.source_map.printed_by(start, end) is not None

    def value_offset(self, start: int, end: int) -> int:
        """Where the template wrote the value at output ``start..end``.

        The expression that printed (part of) the value wins over the literal text around
        it, so ``"{{event_properties.${price}}}"`` points at the ``{{`` and not the quote.
        """
        if self.source_map is not None:
            printed = self.source_map.printed_by(start, end)
            if printed is not None:
                return printed
        return self.template_offset(start)

    def excerpt(self, output_offset: int) -> str:
        """The rendered line around ``output_offset``, shortened, line breaks shown as ⏎."""
        text = self.output
        line_start = text.rfind("\n", 0, output_offset) + 1
        line_end = text.find("\n", output_offset)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        column = output_offset - line_start
        if len(line) > EXCERPT_WIDTH:
            left = max(0, min(column - EXCERPT_WIDTH // 2, len(line) - EXCERPT_WIDTH))
            line = (
                ("…" if left else "")
                + line[left : left + EXCERPT_WIDTH]
                + ("…" if left + EXCERPT_WIDTH < len(line) else "")
            )
        return line.strip()
