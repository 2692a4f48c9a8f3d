"""``{% echo %}`` printing values the way Braze does."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from liquid.builtin.tags.echo_tag import EchoNode, EchoTag

from brazelint.engine.stringify import to_liquid_string

if TYPE_CHECKING:
    from liquid import RenderContext


class BrazeEchoNode(EchoNode):
    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        return buffer.write(to_liquid_string(self.expression.evaluate(context)))


class BrazeEchoTag(EchoTag):
    node_class = BrazeEchoNode
