"""Branch conditions in words: how a template's branch is opened, and the values a
profile would need to reach it (the hints of not-rendered, BL307)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Optional, Sequence

from liquid.builtin.expressions import Path
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
from liquid.builtin.expressions.primitive import (
    FalseLiteral,
    FloatLiteral,
    IntegerLiteral,
    Nil,
    StringLiteral,
    TrueLiteral,
)

from brazelint.engine.blank import BlankComparison
from brazelint.profiles import NAMESPACES, STANDARD_ATTRIBUTES

if TYPE_CHECKING:
    from brazelint.analysis.branches import Branch

_OPERATORS = {
    EqExpression: ("is", "is not"),
    NeExpression: ("is not", "is"),
    LtExpression: ("<", ">="),
    GtExpression: (">", "<="),
    LeExpression: ("<=", ">"),
    GeExpression: (">=", "<"),
    ContainsExpression: ("contains", "does not contain"),
}
_NAMESPACE_ROOTS = frozenset(NAMESPACES.values())


def describe_branch(branch: Branch) -> str:
    label = f"`{branch.label}`"
    if branch.kind == "body":
        return f"the body of {label}"
    if branch.kind == "else":
        return f"the else branch of {label}"
    return f"the `{branch.opening}` branch of {label}"


def reaching_hint(branch: Branch, aliases: Mapping[str, tuple[Any, ...]]) -> Optional[str]:
    """``a profile where custom_attribute.${tier} is 'silver' renders it``, when every
    condition on the way is simple enough to state."""
    parts: list[tuple[str, str, str]] = []
    for condition, wanted in branch.conditions:
        found = _condition(condition, wanted, aliases)
        if found is None:
            return None
        parts.extend(found)
    # `x is 'silver'` makes the earlier `x is not 'gold'` of an elsif chain go without saying
    settled = {subject for subject, words, _ in parts if words == "is"}
    kept = [part for part in parts if not (part[1] == "is not" and part[0] in settled)]
    kept = _none_of(kept)
    if not kept:
        return None
    said = " and ".join(" ".join(w for w in part if w) for part in dict.fromkeys(kept))
    return f"a profile where {said} renders it"


def _none_of(parts: list[Atom]) -> list[Atom]:
    """``x is not 'a' and x is not 'b'`` → ``x is none of 'a', 'b'``."""
    excluded: dict[str, list[str]] = {}
    for subject, words, value in parts:
        if words == "is not":
            excluded.setdefault(subject, []).append(value)
    merged: list[Atom] = []
    for subject, words, value in parts:
        values = excluded.get(subject, [])
        if words != "is not" or len(values) < 2:
            merged.append((subject, words, value))
        elif value == values[0]:
            merged.append((subject, "is none of", ", ".join(dict.fromkeys(values))))
    return merged


Atom = tuple[str, str, str]
"""``(subject, words, value)``: ``("custom_attribute.${tier}", "is", "'gold'")``."""


def _condition(
    condition: Any, wanted: bool, aliases: Mapping[str, tuple[Any, ...]]
) -> Optional[list[Atom]]:
    """The condition (or its negation) as simple statements, when it is simple enough."""
    if isinstance(condition, tuple):
        kind = condition[0]
        if kind == "loop":
            subject = _value(condition[1].iterable, aliases)
            if subject is None:
                return None
            return [(subject, "has items" if wanted else "is empty", "")]
        subject = _value(condition[1].expression, aliases)
        values = [_value(v, aliases) for v in condition[2]]
        if subject is None or not values or any(v is None for v in values):
            return None
        if wanted:
            return [(subject, "is", " or ".join(v for v in values if v))]
        return [(subject, "is not", v) for v in values if v]
    if isinstance(condition, BooleanExpression):
        return _condition(condition.expression, wanted, aliases)
    if isinstance(condition, LogicalNotExpression):
        return _condition(condition.right, not wanted, aliases)
    if isinstance(condition, (LogicalAndExpression, LogicalOrExpression)):
        if isinstance(condition, LogicalAndExpression) != wanted:
            return None  # one of two would do: no single profile to name
        left = _condition(condition.left, wanted, aliases)
        right = _condition(condition.right, wanted, aliases)
        return None if left is None or right is None else left + right
    if isinstance(condition, BlankComparison):
        subject = _value(condition.operand, aliases)
        if subject is None:
            return None
        blank = wanted != condition.negate
        return [(subject, "is blank" if blank else "is set", "")]
    words = _OPERATORS.get(type(condition))
    if words is not None:
        subject, other = _value(condition.left, aliases), _value(condition.right, aliases)
        if subject is None or other is None:
            return None
        return [(subject, words[0] if wanted else words[1], other)]
    subject = _value(condition, aliases)
    if subject is None or not isinstance(condition, Path):
        return None
    return [(subject, "is set" if wanted else "is blank or false", "")]


def _value(expression: Any, aliases: Mapping[str, tuple[Any, ...]]) -> Optional[str]:
    """A path as Braze spells it (``custom_attribute.${tier}``) or a literal (``'gold'``)."""
    if isinstance(expression, StringLiteral):
        return f"'{expression.value}'"
    if isinstance(expression, (IntegerLiteral, FloatLiteral)):
        return str(expression.value)
    if isinstance(expression, TrueLiteral):
        return "true"
    if isinstance(expression, FalseLiteral):
        return "false"
    if isinstance(expression, Nil):
        return "nil"
    if not isinstance(expression, Path):
        return None
    segments = list(expression.path)
    if not all(isinstance(s, (str, int)) for s in segments):
        return None
    root = str(segments[0])
    if root in aliases:
        segments = [*aliases[root], *segments[1:]]
    return spell(segments)


def spell(segments: Sequence[Any]) -> str:
    """Path segments as a template writes them: ``${first_name}``, ``event_properties.${id}``."""
    parts: list[str] = []
    for position, segment in enumerate(segments):
        if isinstance(segment, int):
            parts.append(f"[{segment}]")
        elif position == 0:
            parts.append(f"${{{segment}}}" if segment in STANDARD_ATTRIBUTES else str(segment))
        elif position == 1 and segments[0] in _NAMESPACE_ROOTS:
            parts.append(f".${{{segment}}}")
        else:
            parts.append(f".{segment}")
    return "".join(parts)
