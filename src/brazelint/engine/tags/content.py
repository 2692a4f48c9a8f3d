"""Template text, recording where it sits in the template for the source map."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from liquid.builtin.content import ContentNode, Literal

from brazelint.engine.sourcemap import mark_node

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.token import Token


class MappedContentNode(ContentNode):
    """Text that maps character for character back to the template."""

    __slots__ = ("origin",)

    def __init__(self, token: Token, text: str) -> None:
        super().__init__(token, text)
        # whitespace control trims the text, so find where what is left begins
        found = token.source.find(text, token.start_index) if text else -1
        self.origin = found if found >= 0 else token.start_index

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        mark_node(buffer, self.token, origin=self.origin)
        return buffer.write(self.text)


class MappedLiteral(Literal):
    node_class = MappedContentNode
