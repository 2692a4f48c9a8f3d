"""``{{ … }}`` with Ruby-style printing, and ``{{content_blocks.${name}}}``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Mapping, TextIO

from liquid.ast import Node
from liquid.builtin.expressions import FilteredExpression, Path
from liquid.builtin.output import Output, OutputNode
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.stream import TokenStream
from liquid.token import TOKEN_EXPRESSION, TOKEN_OUTPUT, Token

from brazelint.engine.context import state_of
from brazelint.engine.expression_tokens import BrazeTokenStream, expression_tokens
from brazelint.engine.sourcemap import mark_node
from brazelint.engine.stringify import to_liquid_string

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.expression import Expression

CONTENT_BLOCK_DEPTH = 2
"""Braze renders a block inside a block; a third level is silently dropped."""


class BrazeOutputNode(OutputNode):
    """Prints values as Braze (Ruby) does: ``{"a"=>1}``, ``1.0e+20``, nil as nothing."""

    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        text = to_liquid_string(self.expression.evaluate(context))
        mark_node(buffer, self.token)
        return buffer.write(text)


class ContentBlockNode(Node):
    """``{{content_blocks.${name}}}``: render a Content Block in the current context.

    Rendering in the same context is what lets a block's ``assign`` reach the rest of the
    message, as Braze documents.
    """

    __slots__ = ("block_name",)

    def __init__(self, token: Token, block_name: str) -> None:
        super().__init__(token)
        self.block_name = block_name
        self.blank = False

    def __str__(self) -> str:
        return f"{{{{content_blocks.${{{self.block_name}}}}}}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        state = state_of(context)
        stack = state.content_block_stack
        if len(stack) >= CONTENT_BLOCK_DEPTH:
            return 0
        block = state.content_blocks(self.block_name) if state.content_blocks else None
        if block is None:
            raise LiquidError(
                f"content block '{self.block_name}' not found "
                f"(add content_blocks/{self.block_name}.liquid or pass --content-blocks DIR)",
                token=self.token,
            )
        stack.append(self.block_name)
        mark_node(buffer, self.token)
        written = 0
        try:
            for node in block.nodes:
                written += node.render(context, buffer)
        except LiquidError as err:
            if err.template_name is None and err.token is not None:
                err.template_name = block.path or f"content_blocks/{self.block_name}"
            raise
        finally:
            stack.pop()
        return written


class BrazeOutput(Output):
    """Output statements, recognising Content Block references."""

    node_class = BrazeOutputNode

    def parse(self, stream: TokenStream) -> Node:  # type: ignore[override]
        token = stream.eat(TOKEN_OUTPUT)
        expr_token = stream.expect(TOKEN_EXPRESSION)
        expression = FilteredExpression.parse(
            self.env, BrazeTokenStream(expression_tokens(expr_token))
        )
        block_name = _content_block_name(expression)
        if block_name is not None:
            filters = getattr(expression, "filters", None)
            if filters:
                raise LiquidSyntaxError(
                    "filters cannot be applied to a Content Block reference; capture it "
                    "first: {% capture b %}{{content_blocks.${name}}}{% endcapture %}",
                    token=filters[0].token,
                )
            return ContentBlockNode(token, block_name)
        return self.node_class(token, expression)


def _content_block_name(expression: Expression) -> str | None:
    left = getattr(expression, "left", None)
    if not isinstance(left, Path) or len(left.path) != 2 or left.path[0] != "content_blocks":
        return None
    name = left.path[1]
    return name if isinstance(name, str) else None


class ContentBlockValues(Mapping[str, str]):
    """``content_blocks.${name}`` read as a value rather than printed: in an ``assign``, a
    condition or a filter's input (``{% assign emails = {{content_blocks.${list}}} | split:
    ',' %}``, Braze's Liquid use-case library). The block renders, in the current
    context, to text; a block that does not exist is undefined."""

    def __init__(self, context: RenderContext) -> None:
        self.context = context

    def __getitem__(self, name: str) -> str:
        state = state_of(self.context)
        if not isinstance(name, str) or state.content_blocks is None:
            raise KeyError(name)
        block = state.content_blocks(name)
        if block is None or not block.nodes:
            if block is None:
                raise KeyError(name)
            return ""
        buffer = self.context.get_buffer()
        ContentBlockNode(block.nodes[0].token, name).render_to_output(self.context, buffer)
        return buffer.getvalue()

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0
