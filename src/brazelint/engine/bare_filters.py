"""Filters applied without arguments (``| strip``, ``| downcase``), called directly.

python-liquid evaluates every filter's arguments into a new list and dict and calls the
function with ``*args, **kwargs``, even when there are none, which is most filters in a
template. The tree pass switches argument-less filters to this subclass (same slots),
which calls the function with the value alone, with python-liquid's error handling.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from liquid.builtin.expressions.filtered import Filter
from liquid.exceptions import FilterArgumentError, LiquidTypeError

if TYPE_CHECKING:
    from liquid import RenderContext


class BareFilter(Filter):
    __slots__ = ()

    def evaluate(self, left: object, context: RenderContext) -> object:
        func = context.filter(self.name, token=self.token)
        try:
            return func(left)
        except TypeError as err:
            raise LiquidTypeError(f"{self.name}: {err}", token=self.token) from err
        except (LiquidTypeError, FilterArgumentError) as err:
            err.token = self.token
            raise err
