"""What a fix may touch: the literal text and the Liquid markup of one template source.

Fix functions ask here instead of guessing from the text, so an edit lands only on text
written in the template (a ``content`` token of the Braze lexer) or on the ``{{ }}`` /
``{% %}`` the finding points at, never on what a loop, a Content Block or a Connected
Content answer printed (those have no text of their own in the source).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

from brazelint.checks.positions import LineIndex

_TAG_END = re.compile(r"-?%\}")


@dataclass(frozen=True)
class Markup:
    """A ``{{ … }}`` or ``{% … %}`` statement: its span, tag name and expression span."""

    start: int
    end: int
    name: str
    """``output`` for ``{{ }}``, else the tag name."""
    expr_start: int
    expr_end: int


class Source:
    """One template text, lexed once, with the questions fix functions ask of it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.index = LineIndex(text)
        self.literals: list[tuple[int, int]] = []
        self.markups: list[Markup] = []
        self.lexed = True
        self._lex()
        self._starts = [m.start for m in self.markups]

    def _lex(self) -> None:
        from brazelint.engine.lexer import BrazeLexer

        text = self.text
        tag: Optional[tuple[str, int]] = None  # a tag's name and the offset of the name
        try:
            for kind, value, start, _ in BrazeLexer()(text):
                if tag is not None and kind != "expression":
                    self._add_tag(tag[0], tag[1], tag[1] + len(tag[0]), tag[1] + len(tag[0]))
                    tag = None
                if kind == "content":
                    if text[start : start + len(value)] == value:
                        self.literals.append((start, start + len(value)))
                elif kind == "output":
                    close = start + len(value)
                    left = start + (3 if value.startswith("{{-") else 2)
                    right = close - (3 if value.endswith("-}}") else 2)
                    self.markups.append(Markup(start, close, "output", left, right))
                elif kind == "tag":
                    tag = (value, start)
                elif kind == "expression" and tag is not None:
                    self._add_tag(tag[0], tag[1], start, start + len(value))
                    tag = None
            if tag is not None:
                self._add_tag(tag[0], tag[1], tag[1] + len(tag[0]), tag[1] + len(tag[0]))
        except Exception:  # a template that stops lexing: what was read still counts
            self.lexed = False

    def _add_tag(self, name: str, name_at: int, expr_start: int, expr_end: int) -> None:
        begin = self.text.rfind("{%", 0, name_at + 1)
        close = _TAG_END.search(self.text, expr_end)
        stop = close.end() if close else expr_end
        self.markups.append(Markup(max(begin, 0), stop, name, expr_start, expr_end))

    # -- questions -----------------------------------------------------------------------

    @staticmethod
    def index_of(text: str) -> LineIndex:
        return LineIndex(text)

    def offset(self, line: int, column: int) -> int:
        return min(self.index.offset(line, column), len(self.text))

    def is_literal(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` lies inside one piece of literal template text."""
        return any(a <= start and end <= b for a, b in self.literals)

    def literal_at(self, offset: int) -> Optional[tuple[int, int]]:
        return next(((a, b) for a, b in self.literals if a <= offset < b), None)

    def markup_at(self, offset: int) -> Optional[Markup]:
        """The statement whose span holds ``offset``."""
        at = bisect_right(self._starts, offset) - 1
        if at >= 0 and self.markups[at].start <= offset < self.markups[at].end:
            return self.markups[at]
        return None

    def next_literal(self, offset: int) -> Optional[int]:
        """The next non-blank character of literal text from ``offset``, passing over
        ``{% comment %}`` blocks (they print nothing); ``None`` when other markup comes
        first."""
        text = self.text
        while offset < len(text):
            if text[offset].isspace():
                offset += 1
                continue
            markup = self.markup_at(offset)
            if markup is None:
                return offset if self.literal_at(offset) is not None else None
            if markup.name != "comment":
                return None
            closing = next(
                (m for m in self.markups if m.start >= markup.end and m.name == "endcomment"),
                None,
            )
            if closing is None:
                return None
            offset = closing.end
        return None

    def line_span(self, offset: int) -> tuple[int, int]:
        """The line around ``offset``: its start and the offset of its line break (or end)."""
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return start, len(self.text) if end < 0 else end


def expression_end(source: Source, markup: Markup) -> int:
    """Just past the last non-blank character of ``markup``'s expression."""
    end = markup.expr_end
    while end > markup.expr_start and source.text[end - 1].isspace():
        end -= 1
    return end


def has_filter(source: Source, markup: Markup, *names: str) -> bool:
    """Whether the expression of ``markup`` already pipes through one of ``names``."""
    expression = source.text[markup.expr_start : markup.expr_end]
    return any(re.search(rf"\|\s*{name}\b", expression) for name in names)


def in_json_string(source: Source, markup: Markup) -> bool:
    """Whether ``markup`` sits inside a double-quoted string of literal text on its line."""
    return string_open(source, markup.start)


def string_open(source: Source, offset: int) -> bool:
    """Whether a double-quoted string of literal text is open at ``offset``.

    Counted on the literal text before it on the same line (quotes other statements
    print are not the template's), which is what a JSON string spliced in looks like.
    """
    line_start, _ = source.line_span(offset)
    quotes = 0
    for start, end in source.literals:
        if end <= line_start or start >= offset:
            continue
        piece = source.text[max(start, line_start) : min(end, offset)]
        quotes += len(re.findall(r'(?<!\\)"', piece))
    return quotes % 2 == 1
