"""Parse and render a slice of a template in place, keeping original positions.

Raw-argument tags (``message_extras``, ``catalog_items``, ``connected_content``) hold
Liquid inside their markup; parsing that slice of the original source, rather than a
copy, keeps every error and analysis position exact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from liquid.parser import get_parser

from brazelint.engine.expression_tokens import BrazeTokenStream

if TYPE_CHECKING:
    from liquid import Environment, RenderContext
    from liquid.ast import Node


def parse_region(env: Environment, source: str, start: int, end: int) -> list[Node]:
    """Parse ``source[start:end]`` as a template; tokens keep offsets into ``source``."""
    from brazelint.engine.treepass import apply_braze_semantics

    lexer = getattr(env, "lexer")  # noqa: B009 - BrazeEnvironment's region-capable lexer
    nodes = get_parser(env).parse(BrazeTokenStream(lexer.tokenize(source, start, end)))
    apply_braze_semantics(nodes)
    return nodes


def render_nodes(nodes: list[Node], context: RenderContext) -> str:
    """Render parsed nodes to a string in ``context`` (assigns stay visible)."""
    buffer = context.get_buffer()
    for node in nodes:
        node.render(context, buffer)
    return buffer.getvalue()
