"""``{% message_extras :key k :value v %}``: key/value data attached to the send event."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Iterable, TextIO

from liquid.ast import BlockNode, Node
from liquid.tag import Tag

from brazelint.engine.context import state_of
from brazelint.engine.regions import parse_region, render_nodes
from brazelint.engine.tags._markup import read_markup, syntax_error

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.stream import TokenStream
    from liquid.token import Token

TAG_MESSAGE_EXTRAS = sys.intern("message_extras")
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
        state_of(context).message_extras.setdefault(key, value)
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
