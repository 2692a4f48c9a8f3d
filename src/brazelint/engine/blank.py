"""Braze's ``blank``: unset, nil, false, whitespace-only text, or an empty array or hash.

Braze runs Liquid inside Rails, where ActiveSupport gives every value ``blank?``, and
its docs define ``blank`` that way. Plain Ruby Liquid (and python-liquid) say an unset
variable is *not* ``== blank``, which would make ``{% if ${user_id} == blank %}`` guards
silently pass. After parsing, every ``x == blank`` / ``x != blank`` comparison is swapped
for ``BlankComparison``, which applies Braze's rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from liquid.builtin.expressions.logical import EqExpression, NeExpression
from liquid.builtin.expressions.primitive import Blank
from liquid.expression import Expression
from liquid.undefined import Undefined

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.token import Token


def is_blank(value: object) -> bool:
    """ActiveSupport's ``blank?``."""
    if type(value) is str:  # most values; ``Undefined`` is an abstract class, slow to test
        return not value.strip()
    if value is None or value is False or isinstance(value, Undefined):
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, dict)):
        return not value
    return False


class BlankComparison(Expression):
    """``operand == blank`` (or ``!=`` when ``negate``) with Braze's meaning of blank."""

    __slots__ = ("negate", "operand")

    def __init__(self, token: Token, operand: Expression, *, negate: bool) -> None:
        super().__init__(token)
        self.operand = operand
        self.negate = negate

    def __str__(self) -> str:
        return f"{self.operand} {'!=' if self.negate else '=='} blank"

    def evaluate(self, context: RenderContext) -> bool:
        return is_blank(self.operand.evaluate(context)) != self.negate

    async def evaluate_async(self, context: RenderContext) -> bool:
        return is_blank(await self.operand.evaluate_async(context)) != self.negate

    def children(self) -> list[Expression]:
        return [self.operand]


def braze_blank_comparison(expression: Expression) -> BlankComparison | None:
    """The Braze replacement for ``x == blank`` / ``x != blank``, else ``None``."""
    if not isinstance(expression, (EqExpression, NeExpression)):
        return None
    left, right = expression.left, expression.right
    if isinstance(right, Blank) and not isinstance(left, Blank):
        operand = left
    elif isinstance(left, Blank) and not isinstance(right, Blank):
        operand = right
    else:
        return None
    return BlankComparison(expression.token, operand, negate=isinstance(expression, NeExpression))
