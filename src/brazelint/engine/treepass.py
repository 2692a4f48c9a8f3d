"""One walk over a freshly parsed tree to apply Braze's semantics to standard nodes.

- ``x == blank`` / ``x != blank`` become ``BlankComparison`` (Braze's ``blank?``);
- range literals become ``BoundedRangeLiteral`` (bounded by the loop limit);
- a standard attribute's name written without ``${}`` becomes ``BareAttributePath``,
  which the profile does not answer (Braze reads attributes only through ``${}``);
- loop keywords the lexer respelled to parse as names (``limit``, ...) are written
  plainly again in paths and in the names of assign, capture, increment and decrement.

On its way the pass notes what the lint checks ask of every template (each filter
applied, each output statement), so they need no walk of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, cast

from liquid.ast import Node
from liquid.builtin.expressions.filtered import (
    Filter,
    FilteredExpression,
    TernaryFilteredExpression,
)
from liquid.builtin.expressions.logical import EqExpression, NeExpression
from liquid.builtin.expressions.loop import LoopExpression
from liquid.builtin.expressions.path import Path
from liquid.builtin.expressions.primitive import Identifier, RangeLiteral
from liquid.builtin.output import OutputNode

from brazelint.compat import retype
from brazelint.engine.blank import braze_blank_comparison
from brazelint.engine.keywords import UNMARK
from brazelint.engine.paths import BareAttributePath, written_without_dollar
from brazelint.engine.ranges import BoundedRangeLiteral
from brazelint.profiles import STANDARD_ATTRIBUTES

if TYPE_CHECKING:
    from liquid.expression import Expression

_HOLDERS = ("expression", "left", "right")
_holders_by_type: dict[type, tuple[str, ...]] = {}
"""The attributes of _HOLDERS that instances of a type can have (most have none)."""
_LEAF, _PRINTS, _HOLDS = "leaf", "prints", "holds"
_node_shapes: dict[type, str] = {}
"""Per node type: an output statement, a leaf (text, comments: a third of all nodes), or
anything else. Decided once per type: ``isinstance`` against python-liquid's abstract
``Node`` classes costs a Python-level check for every node."""
_COMPARISONS = frozenset({EqExpression, NeExpression})
"""Exact types (python-liquid has no subclasses of them): a set lookup is much cheaper
than ``isinstance`` against its abstract ``Expression``, and this runs for every node."""


class TreeFacts:
    """What the tree pass saw, in the order it met it."""

    __slots__ = ("filters", "printed")

    def __init__(self) -> None:
        self.filters: list[Filter] = []
        """Every filter applied, in output statements, tags and nested expressions."""
        self.printed: list[Expression] = []
        """The expression of every output statement (``{{ }}``)."""


def apply_braze_semantics(nodes: Iterable[Node]) -> TreeFacts:
    """Rewrite the parsed ``nodes`` in place; return what the walk saw."""
    facts = TreeFacts()
    _walk(nodes, facts)
    return facts


def _walk(nodes: Iterable[Node], facts: TreeFacts) -> None:
    for node in nodes:
        name = getattr(node, "name", None)
        if isinstance(name, Identifier) and name in UNMARK:
            setattr(node, "name", Identifier(UNMARK[name], token=name.token))  # noqa: B010
        kind = type(node)
        shape = _node_shapes.get(kind)
        if shape is None:
            shape = _node_shapes[kind] = _shape_of(kind)
        if shape is _LEAF:
            continue
        if shape is _PRINTS:
            facts.printed.append(node.expression)  # type: ignore[attr-defined]
        for expression in node.expressions():
            _visit(expression, facts.filters)
        _walk(node.children(None, include_partials=False), facts)  # type: ignore[arg-type]


def _shape_of(kind: type[Node]) -> str:
    if issubclass(kind, OutputNode):
        return _PRINTS
    if kind.expressions is Node.expressions and kind.children is Node.children:
        return _LEAF  # python-liquid's own answers: no expressions, no children
    return _HOLDS


def _visit(expression: Expression, filters: list[Filter]) -> None:
    kind = type(expression)
    if kind is RangeLiteral:
        retype(expression, BoundedRangeLiteral)
    elif kind is Path:
        segments = cast(Path, expression).path
        for index, segment in enumerate(segments):
            if isinstance(segment, str) and segment in UNMARK:
                segments[index] = UNMARK[segment]
        if segments[0] in STANDARD_ATTRIBUTES and written_without_dollar(expression.token):
            retype(expression, BareAttributePath)
    elif kind is FilteredExpression or kind is TernaryFilteredExpression:
        chains = (expression.filters, getattr(expression, "tail_filters", None))  # type: ignore[attr-defined]
        for chain in chains:
            filters.extend(chain or ())
    elif kind is LoopExpression:
        loop = cast(LoopExpression, expression)
        if loop.identifier in UNMARK:
            loop.identifier = UNMARK[loop.identifier]
    holders = _holders_by_type.get(kind)
    if holders is None:
        holders = _holders_by_type[kind] = _holders_of(kind)
    for holder in holders:
        child = getattr(expression, holder, None)
        if type(child) in _COMPARISONS:
            replacement = braze_blank_comparison(cast("Expression", child))
            if replacement is not None:
                setattr(expression, holder, replacement)
    for child in expression.children():
        _visit(child, filters)


def _holders_of(kind: type) -> tuple[str, ...]:
    if kind.__dictoffset__:  # instances with a __dict__ may have any attribute
        return _HOLDERS
    slots: set[str] = set()
    for klass in kind.__mro__:
        declared = vars(klass).get("__slots__", ())
        slots.update((declared,) if isinstance(declared, str) else declared)
    return tuple(holder for holder in _HOLDERS if holder in slots)
