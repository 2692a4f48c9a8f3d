"""Helpers shared by raw-argument tags: find their markup and split it into units."""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from liquid.exceptions import LiquidSyntaxError
from liquid.stream import TokenStream
from liquid.token import TOKEN_EXPRESSION, TOKEN_TAG, Token

_UNIT = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|'[^']*'|\"[^\"]*\"|\S", re.S)


class Markup(NamedTuple):
    """The raw text after a tag's name, with its offset in the original source."""

    tag: Token
    text: str
    start: int
    source: str

    def token_at(self, offset: int, length: int = 1) -> Token:
        """A token pointing at ``text[offset:offset+length]`` for error positions."""
        value = self.text[offset : offset + max(length, 1)] or " "
        return Token(TOKEN_EXPRESSION, value, self.start + offset, self.source)


def read_markup(stream: TokenStream) -> Markup:
    """Consume the tag token (and its expression, if any), leaving the stream on the last."""
    tag = stream.current
    assert tag.kind == TOKEN_TAG
    if stream.peek.kind == TOKEN_EXPRESSION:
        next(stream)
        expr = stream.current
        return Markup(tag, expr.value, expr.start_index, expr.source)
    return Markup(tag, "", tag.start_index + len(tag.value), tag.source)


def split_units(markup: Markup) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of whitespace-separated units in ``markup.text``.

    ``{{ … }}``, ``{% … %}`` and quoted strings count as part of one unit even when they
    contain spaces, so ``{{ id | strip }}`` stays whole.
    """
    text = markup.text
    index = 0
    while index < len(text):
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text):
            return
        start = index
        while index < len(text) and not text[index].isspace():
            found = _UNIT.match(text, index)
            assert found is not None
            index = found.end()
        yield start, index


def syntax_error(
    markup: Markup, message: str, offset: int = 0, length: int = 1
) -> LiquidSyntaxError:
    return LiquidSyntaxError(message, token=markup.token_at(offset, length))
