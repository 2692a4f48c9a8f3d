"""``{% message_extras :key k :value v %}``: key/value data attached to the send event."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Iterable, TextIO

from liquid.ast import BlockNode, Node
from liquid.tag import Tag

from brazelint.engine.context import line_and_column, state_of
from brazelint.engine.regions import parse_region, render_nodes
from brazelint.engine.tags._markup import read_markup, syntax_error
from brazelint.events import Problem

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.stream import TokenStream
    from liquid.token import Token

TAG_MESSAGE_EXTRAS = sys.intern("message_extras")
LIMIT_BYTES = 1024
"""All keys and values of a message together (message_extras.md: 1 KB, whitespace counts;
more is truncated)."""
_FORM = re.compile(r"\s*:key\s+(?P<key>.*?)\s+:value\s+(?P<value>.*?)\s*", re.S)


class MessageExtrasNode(Node):
    """Renders nothing; records the pair in ``RenderResult.message_extras`` (first key wins)."""

    __slots__ = ("key", "value")

    def __init__(self, token: Token, key: list[Node], value: list[Node]) -> None:
        super().__init__(token)
        self.key = key
        self.value = value

    def __str__(self) -> str:
        return "{% message_extras %}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        key = render_nodes(self.key, context).strip()
        value = render_nodes(self.value, context).strip()
        state = state_of(context)
        extras = state.message_extras
        if key in extras:
            return 0  # the first value of a key wins
        used = sum(_size(k) + _size(v) for k, v in extras.items())
        room = LIMIT_BYTES - used
        if _size(key) + _size(value) > room:
            line, column = line_and_column(self.token.source, self.token.start_index)
            state.problems.append(
                Problem(
                    "message-extras-truncated",
                    f"message_extras keys and values exceed {LIMIT_BYTES} bytes; Braze "
                    f"truncates them, so '{_clip(key, 40)}' is cut or dropped",
                    line,
                    column,
                )
            )
            key = _clip(key, room)
            value = _clip(value, room - _size(key))
            if not key:
                return 0
        extras[key] = value
        return 0

    def children(
        self, static_context: RenderContext, *, include_partials: bool = True
    ) -> Iterable[Node]:
        yield BlockNode(self.token, self.key)
        yield BlockNode(self.token, self.value)


class MessageExtrasTag(Tag):
    name = TAG_MESSAGE_EXTRAS
    block = False

    def parse(self, stream: TokenStream) -> Node:
        markup = read_markup(stream)
        form = _FORM.fullmatch(markup.text)
        if not form:
            key_at = markup.text.find(":key")
            value_at = markup.text.find(":value")
            if key_at >= 0 and 0 <= value_at < key_at:
                message = "message_extras: ':key' must come before ':value'"
            else:
                message = "message_extras expects ':key <key> :value <value>'"
            raise syntax_error(markup, message, 0, len(markup.text))
        env = self.env
        key = parse_region(
            env, markup.source, markup.start + form.start("key"), markup.start + form.end("key")
        )
        value = parse_region(
            env, markup.source, markup.start + form.start("value"), markup.start + form.end("value")
        )
        return MessageExtrasNode(markup.tag, key, value)


def _size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes, never inside a character."""
    if limit <= 0:
        return ""
    return text.encode("utf-8", "surrogatepass")[:limit].decode("utf-8", "ignore")
