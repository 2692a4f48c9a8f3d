"""``{% echo %}`` printing values the way Braze does."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from liquid.builtin.tags.echo_tag import EchoNode, EchoTag

from brazelint.engine.sourcemap import mark_node
from brazelint.engine.stringify import to_liquid_string

if TYPE_CHECKING:
    from liquid import RenderContext


class BrazeEchoNode(EchoNode):
    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        text = to_liquid_string(self.expression.evaluate(context))
        mark_node(buffer, self.token)
        return buffer.write(text)


class BrazeEchoTag(EchoTag):
    node_class = BrazeEchoNode
