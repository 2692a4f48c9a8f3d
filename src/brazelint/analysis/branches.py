"""The branches of a parsed template, and a trace of the ones each render entered.

A branch is the body of an ``if``/``elsif``/``else``, ``unless``, ``case``/``when`` or
``for`` (and its ``else``). Each body is a python-liquid ``BlockNode`` whose token is the
tag that ends it, so its text runs from the end of the tag that opens it to the start of
the tag that ends it. :func:`branch_map` finds them once per parsed template and switches
each body to :class:`TracedBlock`, which notes itself in the render's ``reached`` set when
it renders: coverage is then a set lookup per branch, not a walk of the output.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterable, Optional, TextIO

from liquid.ast import BlockNode, Node
from liquid.builtin.expressions import FilteredExpression, Path
from liquid.builtin.tags.assign_tag import AssignNode
from liquid.builtin.tags.case_tag import CaseNode, MultiExpressionBlockNode
from liquid.builtin.tags.for_tag import ForNode
from liquid.builtin.tags.if_tag import IfNode
from liquid.builtin.tags.unless_tag import UnlessNode

from brazelint.analysis.reads import KEEPING_FILTERS
from brazelint.compat import retype

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.token import Token

HEADER_WIDTH = 60
_BLANKS = re.compile(r"\s+")


class TracedBlock(BlockNode):
    """A branch body that notes, in the render's ``reached`` set, that it rendered."""

    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        context.state.reached.add(self)  # type: ignore[attr-defined]
        return BlockNode.render_to_output(self, context, buffer)


class Branch:
    """One branch body: what opens it, the text it spans, and the condition to enter it."""

    __slots__ = ("block", "conditions", "end", "kind", "label", "opening", "parent", "start", "tag")

    def __init__(
        self,
        block: BlockNode,
        kind: str,
        label: str,
        start: int,
        end: int,
        tag: int,
        conditions: list[tuple[Any, bool]],
        parent: Optional[Branch],
        opening: str = "",
    ) -> None:
        self.block = block
        self.kind = kind
        """``body``, ``elsif``, ``when`` or ``else``."""
        self.label = label
        """The opening tag as written, e.g. ``if ${user_id} == blank``."""
        self.start = start
        self.end = end
        """The body's text: ``source[start:end]``."""
        self.tag = tag
        """Offset of the tag that opens the body (``else``, ``when ...``)."""
        self.conditions = conditions
        """``(condition, wanted truth)`` pairs that lead here; loops and ``case`` give tuples."""
        self.parent = parent
        self.opening = opening or label
        """The tag that opens this body as written (``elsif tier == 'gold'``, ``else``)."""


class BranchMap:
    """A template's branches, in document order (outer before inner), and its aliases:
    local names assigned straight from a path (``tier`` for ``custom_attribute.tier``),
    so a hint can name the value a profile sets."""

    __slots__ = ("aliases", "branches")

    def __init__(self) -> None:
        self.branches: list[Branch] = []
        self.aliases: dict[str, tuple[Any, ...]] = {}


def branch_map(nodes: list[Node]) -> BranchMap:
    """Find the branches (and switch their bodies to ``TracedBlock``) in one walk."""
    found = BranchMap()
    if nodes:
        _walk(nodes, nodes[0].token.source, None, found)
    return found


_LEAVES: dict[type, bool] = {}
"""Per node type: no children (text, output, comments: most nodes), decided once."""
_BRANCHING = (IfNode, UnlessNode, CaseNode, ForNode)


def _walk(nodes: Iterable[Node], source: str, parent: Optional[Branch], out: BranchMap) -> None:
    for node in nodes:
        node_type = type(node)
        if node_type is AssignNode:
            _alias(node, out.aliases)  # type: ignore[arg-type]
            continue
        leaf = _LEAVES.get(node_type)
        if leaf is None:
            leaf = _LEAVES[node_type] = node_type.children is Node.children
        if leaf or node.token.source is not source:
            continue
        bodies = _bodies(node) if isinstance(node, _BRANCHING) else None
        if bodies is None:
            _walk(node.children(None, include_partials=False), source, parent, out)  # type: ignore[arg-type]
            continue
        header = _label(source, node.token)
        opener = node.token
        for block, kind, opener_token, conditions in bodies:
            opened = opener_token if opener_token is not None else opener
            start = _tag_end(source, opened.start_index, block.token.start_index)
            end = _tag_start(source, block.token.start_index, start)
            branch = Branch(
                block,
                kind,
                header,
                start,
                end,
                opened.start_index,
                conditions,
                parent,
                _label(source, opened),
            )
            if type(block) is BlockNode:
                retype(block, TracedBlock)
            out.branches.append(branch)
            _walk(block.nodes, source, branch, out)
            opener = block.token


def _bodies(
    node: Node,
) -> Optional[list[tuple[BlockNode, str, Optional[Token], list[tuple[Any, bool]]]]]:
    """``(body, kind, opening tag, conditions)`` of a branching node; ``None`` otherwise.

    An opening tag of ``None`` means "the tag that ended the previous body" (``elsif``,
    ``when``, ``else``): python-liquid keeps that tag only as the previous body's end.
    """
    if isinstance(node, (IfNode, UnlessNode)):
        wanted = isinstance(node, IfNode)
        bodies: list[tuple[BlockNode, str, Optional[Token], list[tuple[Any, bool]]]] = [
            (node.consequence, "body", node.token, [(node.condition, wanted)])
        ]
        earlier: list[tuple[Any, bool]] = [(node.condition, not wanted)]
        for alternative in node.alternatives:
            bodies.append(
                (
                    alternative.block,
                    "elsif",
                    None,
                    [*earlier, (alternative.expression, True)],
                )
            )
            earlier.append((alternative.expression, False))
        if node.default is not None:
            bodies.append((node.default, "else", None, earlier))
        return bodies
    if isinstance(node, CaseNode):
        bodies = []
        whens: list[Any] = []
        for block in node.blocks:
            if isinstance(block, MultiExpressionBlockNode):
                values = list(block.expression.expressions)
                whens.extend(values)
                opener = None if bodies else block.token
                bodies.append((block.block, "when", opener, [(("case", node, values), True)]))
            else:
                bodies.append((block, "else", None, [(("case", node, list(whens)), False)]))
        return bodies
    if isinstance(node, ForNode):
        bodies = [(node.block, "body", node.token, [(("loop", node.expression), True)])]
        if node.default is not None:
            bodies.append((node.default, "else", None, [(("loop", node.expression), False)]))
        return bodies
    return None


def _alias(node: AssignNode, aliases: dict[str, tuple[Any, ...]]) -> None:
    """Note ``{% assign tier = custom_attribute.${tier} | default: 'none' %}``."""
    expression = node.expression
    name = str(node.name)
    aliases.pop(name, None)
    if type(expression) is not FilteredExpression or not isinstance(expression.left, Path):
        return
    if any(f.name not in KEEPING_FILTERS for f in expression.filters or ()):
        return
    segments = tuple(expression.left.path)
    if not all(isinstance(s, (str, int)) for s in segments):
        return
    root = str(segments[0])
    aliases[name] = (*aliases[root], *segments[1:]) if root in aliases else segments


def _tag_end(source: str, tag_start: int, limit: int) -> int:
    """Just past the ``%}`` that closes the tag at ``tag_start`` (inside ``{% liquid %}``,
    the end of the tag's line)."""
    close = source.find("%}", tag_start, limit)
    if close >= 0:
        return close + 2
    line_end = source.find("\n", tag_start, limit)
    return limit if line_end < 0 else line_end + 1


def _tag_start(source: str, name_start: int, floor: int) -> int:
    """Where the tag whose name starts at ``name_start`` opens (its ``{%``)."""
    opening = source.rfind("{%", floor, name_start)
    if opening >= 0 and not source[opening + 2 : name_start].strip(" \t\n-"):
        return opening
    return max(name_start, floor)


def _label(source: str, token: Token) -> str:
    """The opening tag as written, on one line: ``if ${user_id} == blank``."""
    end = source.find("%}", token.start_index)
    text = source[token.start_index : end if end >= 0 else len(source)]
    text = _BLANKS.sub(" ", text.strip(" \t\n-"))
    return text if len(text) <= HEADER_WIDTH else text[: HEADER_WIDTH - 1] + "…"
