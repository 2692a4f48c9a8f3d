"""``{% promotion('name') %}``: print a promotion code from the configured lists."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, TextIO

from liquid.ast import Node
from liquid.exceptions import LiquidError
from liquid.tag import Tag

from brazelint.engine.context import state_of
from brazelint.engine.sourcemap import mark_node
from brazelint.engine.tags._markup import read_markup, syntax_error
from brazelint.events import AbortMessage

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.stream import TokenStream
    from liquid.token import Token

TAG_PROMOTION = sys.intern("promotion")
_FORM = re.compile(r"""\s*\(\s*(?P<q>['"])(?P<name>[^'"]+)(?P=q)\s*\)\s*""")


class PromotionNode(Node):
    """Every use of the same list in one message prints the same code, as in Braze."""

    __slots__ = ("list_name",)

    def __init__(self, token: Token, list_name: str) -> None:
        super().__init__(token)
        self.list_name = list_name
        self.blank = False

    def __str__(self) -> str:
        return f"{{% promotion('{self.list_name}') %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        state = state_of(context)
        code = state.promotion_codes.get(self.list_name)
        if code is None:
            if self.list_name not in state.promotions:
                raise LiquidError(
                    f"promotion code list '{self.list_name}' is not configured (add it "
                    f"under [tool.brazelint.promotions]; names are case-sensitive)",
                    token=self.token,
                )
            codes = state.promotions[self.list_name]
            if not codes:
                raise AbortMessage(f"promotion code list '{self.list_name}' is empty")
            code = state.promotion_codes[self.list_name] = str(codes[0])
        mark_node(buffer, self.token)
        return buffer.write(code)


class PromotionTag(Tag):
    name = TAG_PROMOTION
    block = False

    def parse(self, stream: TokenStream) -> Node:
        markup = read_markup(stream)
        form = _FORM.fullmatch(markup.text)
        if not form:
            raise syntax_error(
                markup,
                "promotion expects a quoted list name: {% promotion('spring_sale') %}",
                0,
                len(markup.text),
            )
        return PromotionNode(markup.tag, form.group("name"))
