"""Range literals that refuse to be bigger than the loop limit.

``(1..999999999)`` costs nothing to write, but ``join`` or ``map`` would walk all of it.
Every parsed ``RangeLiteral`` is switched to this subclass (same slots), which checks the
length against ``limits.loop_iterations`` when the range is made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from liquid.builtin.expressions.primitive import RangeLiteral
from liquid.exceptions import LoopIterationLimitError

from brazelint.engine.context import state_of

if TYPE_CHECKING:
    from liquid import RenderContext


class BoundedRangeLiteral(RangeLiteral):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> range:
        value = super().evaluate(context)
        limit = state_of(context).limits.loop_iterations
        if len(value) > limit:
            raise LoopIterationLimitError(
                f"range ({value.start}..{value.stop - 1}) has {len(value)} items, more than "
                f"limits.loop_iterations ({limit})",
                token=self.token,
            )
        return value
