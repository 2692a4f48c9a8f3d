"""What a parsed template reads from the user, and how it uses each value.

The ``complete`` generated user (``lint/generated.py``) is built from this: one walk over
the parsed tree (and the Content Blocks it includes) notes every attribute, custom
attribute, event/trigger/Canvas property and Connected Content field read, with the uses
that decide a plausible type (arithmetic, dates, loops, bare conditions) and the literals
it is compared with. Local variables assigned from a read value, and loop variables, are
followed back to the value they came from.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional, Union

from liquid.ast import BlockNode, Node
from liquid.builtin.expressions import (
    FilteredExpression,
    KeywordArgument,
    Path,
    PositionalArgument,
    TernaryFilteredExpression,
)
from liquid.builtin.expressions.logical import (
    BooleanExpression,
    ContainsExpression,
    EqExpression,
    GeExpression,
    GtExpression,
    LeExpression,
    LogicalAndExpression,
    LogicalNotExpression,
    LogicalOrExpression,
    LtExpression,
    NeExpression,
)
from liquid.builtin.expressions.loop import LoopExpression
from liquid.builtin.expressions.primitive import (
    FalseLiteral,
    FloatLiteral,
    IntegerLiteral,
    RangeLiteral,
    StringLiteral,
    TrueLiteral,
)
from liquid.builtin.output import OutputNode
from liquid.builtin.tags.assign_tag import AssignNode
from liquid.builtin.tags.capture_tag import CaptureNode
from liquid.builtin.tags.case_tag import CaseNode, MultiExpressionBlockNode
from liquid.builtin.tags.for_tag import ForNode
from liquid.builtin.tags.if_tag import IfNode
from liquid.builtin.tags.unless_tag import UnlessNode

from brazelint.engine.blank import BlankComparison
from brazelint.engine.tags.connected_content import ConnectedContentNode
from brazelint.engine.tags.output import ContentBlockNode
from brazelint.profiles import NAMESPACES, STANDARD_ATTRIBUTES

if TYPE_CHECKING:
    from liquid.expression import Expression

Key = tuple[Union[str, int], ...]
"""A value's path from its root: ``("custom_attribute", "tier")``, ``("wallet", "items", 0)``."""
Loader = Callable[[str], Optional[Any]]
"""Returns the parsed Content Block of a name (``None`` when there is none)."""

NUMBER, TIME, ARRAY, BOOLEAN, STRING = "number", "time", "array", "boolean", "string"
OBJECT = "object"
NUMERIC_FILTERS = frozenset(
    {
        "plus",
        "minus",
        "times",
        "divided_by",
        "modulo",
        "round",
        "ceil",
        "floor",
        "abs",
        "at_least",
        "at_most",
        "number_with_delimiter",
        "money",
    }
)
TIME_FILTERS = frozenset({"date", "time_zone"})
ARRAY_FILTERS = frozenset(
    {"size", "first", "last", "join", "map", "where", "sort", "sort_natural", "uniq", "compact"}
)
KEEPING_FILTERS = frozenset({"default", "strip", "downcase", "upcase", "capitalize", "lstrip"})
"""Filters after which an assigned variable still stands for the value it was given."""
NAMESPACE_ROOTS = frozenset(NAMESPACES.values())
_COMPARISONS = {
    EqExpression: "==",
    NeExpression: "!=",
    LtExpression: "<",
    GtExpression: ">",
    LeExpression: "<=",
    GeExpression: ">=",
}
_FLIPPED = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}
MAX_BLOCK_DEPTH = 2
_LEAVES: dict[type, bool] = {}
"""Per node type: neither expressions nor children, decided once."""


class Use:
    """How a template uses one value: its kinds of use and the literals it is compared with."""

    __slots__ = ("comparisons", "kinds")

    def __init__(self) -> None:
        self.kinds: set[str] = set()
        self.comparisons: list[tuple[str, Any]] = []
        """``(operator, literal)`` in template order, as ``value OP literal``."""


class Reads:
    """Every value a template reads, by path, with its uses."""

    __slots__ = ("saved", "uses")

    def __init__(self) -> None:
        self.uses: dict[Key, Use] = {}
        self.saved: set[str] = set()
        """Names Connected Content answers are saved under (``:save``, or ``connected``)."""

    def use(self, key: Key, kind: Optional[str] = None) -> Use:
        use = self.uses.get(key)
        if use is None:
            use = self.uses[key] = Use()
        if kind is not None:
            use.kinds.add(kind)
        return use


def template_reads(nodes: Iterable[Node], blocks: Optional[Loader] = None) -> Reads:
    """What ``nodes`` (a parsed template) read from the user, Content Blocks included."""
    walker = _Walker(blocks)
    walker.nodes(nodes, {})
    return walker.reads


Aliases = dict[str, Optional[Key]]
"""Local name -> the read value it stands for (``None``: a local of its own)."""


class _Walker:
    def __init__(self, blocks: Optional[Loader]) -> None:
        self.reads = Reads()
        self.blocks = blocks
        self.block_depth = 0

    # -- nodes ------------------------------------------------------------------------------

    def nodes(self, nodes: Iterable[Node], aliases: Aliases) -> None:
        for node in nodes:
            leaf = _LEAVES.get(type(node))
            if leaf is None:
                kind = type(node)
                leaf = _LEAVES[kind] = (
                    kind.children is Node.children
                    and kind.expressions is Node.expressions
                    and not issubclass(kind, ContentBlockNode)
                )
            if not leaf:  # text and comments (most nodes) read nothing
                self.node(node, aliases)

    def node(self, node: Node, aliases: Aliases) -> None:
        kind = type(node)
        visit = _NODE_VISITS.get(kind)
        if visit is None:
            visit = _NODE_VISITS[kind] = _node_visit(kind)
        visit(self, node, aliases)

    def conditional(self, node: Any, aliases: Aliases) -> None:
        self.condition(node.condition, aliases)
        self.nodes(node.consequence.nodes, aliases)
        for alternative in node.alternatives:
            self.condition(alternative.expression, aliases)
            self.nodes(alternative.block.nodes, aliases)
        if node.default is not None:
            self.nodes(node.default.nodes, aliases)

    def case(self, node: CaseNode, aliases: Aliases) -> None:
        subject = self.key(node.expression, aliases)
        for block in node.blocks:
            if isinstance(block, MultiExpressionBlockNode):
                for literal in block.expression.expressions:
                    value = _literal(literal)
                    if subject is not None and value is not _NONE:
                        self.reads.use(subject).comparisons.append(("==", value))
                self.nodes(block.block.nodes, aliases)
            else:
                self.nodes(block.nodes, aliases)
        if subject is None:
            self.expression(node.expression, aliases, STRING)

    def for_loop(self, node: ForNode, aliases: Aliases) -> None:
        self.loop(node.expression, node.block, aliases)
        if node.default is not None:
            self.nodes(node.default.nodes, aliases)

    def connected_content(self, node: ConnectedContentNode, aliases: Aliases) -> None:
        for child in node.children(None, include_partials=False):  # type: ignore[arg-type]
            self.node(child, aliases)
        self.reads.saved.add(node.options.save or "connected")
        aliases.pop(node.options.save or "connected", None)

    def content_block_node(self, node: ContentBlockNode, aliases: Aliases) -> None:
        self.content_block(node.block_name, aliases)

    def output(self, node: OutputNode, aliases: Aliases) -> None:
        printed = NUMBER if _bare_json_value(node) else STRING
        for item in node.expressions():
            self.expression(item, aliases, printed)

    def other(self, node: Node, aliases: Aliases) -> None:
        for item in node.expressions():
            self.expression(item, aliases, STRING)
        loop = getattr(node, "expression", None)
        if isinstance(loop, LoopExpression):  # tablerow
            self.loop(loop, getattr(node, "block", None), aliases)
            return
        for child in node.children(None, include_partials=False):  # type: ignore[arg-type]
            self.node(child, aliases)
        if isinstance(node, CaptureNode):
            aliases[str(node.name)] = None

    def assign(self, node: AssignNode, aliases: Aliases) -> None:
        expression = node.expression
        target: Optional[Key] = None
        if isinstance(expression, FilteredExpression) and type(expression) is FilteredExpression:
            names = [f.name for f in expression.filters or ()]
            self.filtered(expression, aliases)
            if isinstance(expression.left, Path) and set(names) <= KEEPING_FILTERS:
                target = self.key(expression.left, aliases)
        else:
            self.expression(expression, aliases, None)
        aliases[str(node.name)] = target

    def loop(self, loop: LoopExpression, block: Optional[BlockNode], aliases: Aliases) -> None:
        iterable = loop.iterable
        element: Optional[Key] = None
        if isinstance(iterable, RangeLiteral):
            for end in (iterable.start, iterable.stop):
                self.expression(end, aliases, NUMBER)
        else:
            key = self.key(iterable, aliases)
            if key is not None:
                self.reads.use(key, ARRAY)
                element = (*key, 0)
        for extra in (loop.limit, loop.offset):
            if extra is not None:
                self.expression(extra, aliases, NUMBER)
        if block is not None:
            inner = dict(aliases)
            inner[str(loop.identifier)] = element
            self.nodes(block.nodes, inner)

    def content_block(self, name: str, aliases: Aliases) -> None:
        if self.blocks is None or self.block_depth >= MAX_BLOCK_DEPTH:
            return
        block = self.blocks(name)
        if block is None:
            return
        self.block_depth += 1
        try:
            self.nodes(block.nodes, aliases)  # the block's assigns reach the message
        finally:
            self.block_depth -= 1

    # -- expressions ------------------------------------------------------------------------

    def condition(self, expression: Expression, aliases: Aliases) -> None:
        if isinstance(expression, BooleanExpression):
            expression = expression.expression
        if isinstance(expression, (LogicalAndExpression, LogicalOrExpression)):
            self.condition(expression.left, aliases)
            self.condition(expression.right, aliases)
        elif isinstance(expression, LogicalNotExpression):
            self.condition(expression.right, aliases)
        elif isinstance(expression, BlankComparison):
            self.expression(expression.operand, aliases, None)
        elif type(expression) in _COMPARISONS:
            self.comparison(_COMPARISONS[type(expression)], expression, aliases)
        elif isinstance(expression, ContainsExpression):
            key = self.key(expression.left, aliases)
            value = _literal(expression.right)
            if key is not None:
                use = self.reads.use(key, ARRAY)
                if value is not _NONE:
                    use.comparisons.append(("contains", value))
            else:
                self.expression(expression.left, aliases, None)
            self.expression(expression.right, aliases, None)
        else:
            self.expression(expression, aliases, BOOLEAN)

    def comparison(self, operator: str, expression: Any, aliases: Aliases) -> None:
        left, right = expression.left, expression.right
        for subject, other, op in ((left, right, operator), (right, left, _FLIPPED[operator])):
            key = self.key(subject, aliases)
            value = _literal(other)
            if key is None or value is _NONE:
                continue
            kind = NUMBER if _is_number(value) and op not in ("==", "!=") else None
            self.reads.use(key, kind).comparisons.append((op, value))
            return
        numeric = operator not in ("==", "!=")
        self.expression(left, aliases, NUMBER if numeric else None)
        self.expression(right, aliases, NUMBER if numeric else None)

    def expression(self, expression: Expression, aliases: Aliases, kind: Optional[str]) -> None:
        shape = _expression_shape(type(expression))
        if shape is _FILTERED:
            self.filtered(expression, aliases, kind)  # type: ignore[arg-type]
        elif shape is _PATH:
            key = self.key(expression, aliases)
            if key is not None:
                self.reads.use(key, kind)
            for segment in expression.path[1:]:  # type: ignore[attr-defined]
                if isinstance(segment, Path):
                    self.expression(segment, aliases, None)
        elif shape is _TERNARY:
            self.filtered(expression.left, aliases, kind)  # type: ignore[attr-defined]
            self.condition(expression.condition, aliases)  # type: ignore[attr-defined]
            if expression.alternative is not None:  # type: ignore[attr-defined]
                self.expression(expression.alternative, aliases, kind)  # type: ignore[attr-defined]
        elif shape is _BOOLEAN:
            self.condition(expression, aliases)
        elif shape is not _LITERAL:
            for child in expression.children():
                self.expression(child, aliases, None)

    def filtered(
        self, expression: FilteredExpression, aliases: Aliases, kind: Optional[str] = STRING
    ) -> None:
        filters = expression.filters or []
        first = filters[0].name if filters else None
        if first in NUMERIC_FILTERS:
            kind = NUMBER
        elif first in TIME_FILTERS:
            kind = TIME
        elif first in ARRAY_FILTERS:
            kind = ARRAY
        elif first == "as_json_string":
            kind = OBJECT
        elif first == "default" and filters[0].args:
            fallback = _literal(filters[0].args[0].value)
            if _is_number(fallback):
                kind = NUMBER  # {{ price | default: 0 }} prints a number
            elif isinstance(fallback, bool):
                kind = BOOLEAN
        self.expression(expression.left, aliases, kind)
        for applied in filters:
            argument_kind = NUMBER if applied.name in NUMERIC_FILTERS else None
            for argument in applied.args:
                if isinstance(argument, (PositionalArgument, KeywordArgument)):
                    self.expression(argument.value, aliases, argument_kind)

    def key(self, expression: Expression, aliases: Aliases) -> Optional[Key]:
        """The read value ``expression`` names (through local names), else ``None``."""
        shape = _expression_shape(type(expression))
        if shape is _FILTERED and not expression.filters:  # type: ignore[attr-defined]
            expression = expression.left  # type: ignore[attr-defined]
            shape = _expression_shape(type(expression))
        if shape is not _PATH:
            return None
        segments: list[Union[str, int]] = []
        for segment in expression.path:  # type: ignore[attr-defined]
            kind = type(segment)
            if kind is str or kind is int:
                segments.append(segment)
            elif isinstance(segment, (str, int)) and not isinstance(segment, bool):
                segments.append(segment if isinstance(segment, int) else str(segment))
            else:
                break  # a computed segment: the value behind it cannot be named
        if not segments:
            return None
        root = segments[0]
        if root in aliases:
            base = aliases[root]
            return None if base is None else (*base, *segments[1:])
        if root in STANDARD_ATTRIBUTES or root in self.reads.saved:
            return tuple(segments)
        if root in NAMESPACE_ROOTS and len(segments) > 1:
            return tuple(segments)
        return None


_NONE = object()

_NodeVisit = Callable[[_Walker, Any, Aliases], None]
_NODE_VISITS: dict[type, _NodeVisit] = {}
"""Per node type, the walker's method for it, decided once: ``isinstance`` against
python-liquid's abstract node classes is a Python-level check, and this runs for every
node of every template."""


def _node_visit(kind: type) -> _NodeVisit:
    if issubclass(kind, (IfNode, UnlessNode)):
        return _Walker.conditional
    if issubclass(kind, CaseNode):
        return _Walker.case
    if issubclass(kind, ForNode):
        return _Walker.for_loop
    if issubclass(kind, AssignNode):
        return _Walker.assign
    if issubclass(kind, ConnectedContentNode):
        return _Walker.connected_content
    if issubclass(kind, ContentBlockNode):
        return _Walker.content_block_node
    if issubclass(kind, OutputNode) and kind.children is Node.children:
        return _Walker.output
    return _Walker.other


_FILTERED, _TERNARY, _PATH, _BOOLEAN, _LITERAL, _OTHER = (
    "filtered",
    "ternary",
    "path",
    "boolean",
    "literal",
    "other",
)
_SHAPES: dict[type, str] = {}
"""Per expression type, how the walker treats it (decided once, as for nodes)."""


def _expression_shape(kind: type) -> str:
    shape = _SHAPES.get(kind)
    if shape is None:
        if kind is FilteredExpression:
            shape = _FILTERED
        elif issubclass(kind, TernaryFilteredExpression):
            shape = _TERNARY
        elif issubclass(kind, Path):
            shape = _PATH
        elif issubclass(kind, BooleanExpression):
            shape = _BOOLEAN
        elif issubclass(
            kind, (StringLiteral, IntegerLiteral, FloatLiteral, TrueLiteral, FalseLiteral)
        ):
            shape = _LITERAL
        else:
            shape = _OTHER
        _SHAPES[kind] = shape
    return shape


def _literal(expression: Expression) -> Any:
    if isinstance(expression, (StringLiteral, IntegerLiteral, FloatLiteral)):
        return expression.value
    if isinstance(expression, TrueLiteral):
        return True
    if isinstance(expression, FalseLiteral):
        return False
    return _NONE


def _bare_json_value(node: Node) -> bool:
    """Whether ``{{ }}`` prints a JSON value without quotes (``"price": {{x}},``): the
    author means a number (or a boolean) there, not text."""
    token = node.token
    source, start = token.source, token.start_index
    before = _BEFORE.search(source, max(0, start - 80), start)
    if before is None or before.group(1) not in (":", "[", ","):
        return False
    end = source.find("}}", start)
    after = _AFTER.match(source, end + 2) if end >= 0 else None
    return after is not None


_BEFORE = re.compile(r"(\S)\s*(?:\{\{-?)?\s*\Z")
"""The last character before an output statement (its own ``{{`` allowed for)."""
_AFTER = re.compile(r"\s*(?:[,}\]]|\Z)")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
