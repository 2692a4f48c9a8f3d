"""One walk over a freshly parsed tree to apply Braze's semantics to standard nodes.

- ``x == blank`` / ``x != blank`` become ``BlankComparison`` (Braze's ``blank?``);
- range literals become ``BoundedRangeLiteral`` (bounded by the loop limit).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, cast

from liquid.builtin.expressions.logical import EqExpression, NeExpression
from liquid.builtin.expressions.primitive import RangeLiteral

from brazelint.engine.blank import braze_blank_comparison
from brazelint.engine.ranges import BoundedRangeLiteral

if TYPE_CHECKING:
    from liquid.ast import Node
    from liquid.expression import Expression

_HOLDERS = ("expression", "left", "right")
_COMPARISONS = frozenset({EqExpression, NeExpression})
"""Exact types (python-liquid has no subclasses of them): a set lookup is much cheaper
than ``isinstance`` against its abstract ``Expression``, and this runs for every node."""


def apply_braze_semantics(nodes: Iterable[Node]) -> None:
    """Rewrite the parsed ``nodes`` in place."""
    for node in nodes:
        for expression in node.expressions():
            _visit(expression)
        apply_braze_semantics(node.children(None, include_partials=False))  # type: ignore[arg-type]


def _visit(expression: Expression) -> None:
    if type(expression) is RangeLiteral:
        expression.__class__ = BoundedRangeLiteral
    for holder in _HOLDERS:
        child = getattr(expression, holder, None)
        if type(child) in _COMPARISONS:
            replacement = braze_blank_comparison(cast("Expression", child))
            if replacement is not None:
                setattr(expression, holder, replacement)
    for child in expression.children():
        _visit(child)
