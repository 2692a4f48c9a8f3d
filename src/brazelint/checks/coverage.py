"""Coverage: which template lines no profile rendered, so no check ever looked at them.

Each render leaves a :class:`Trace`: the branch bodies it entered and, when it aborted or
failed, where it stopped. A line is rendered when some profile entered the branch that
holds it and had not stopped before it. What no profile rendered is reported (BL307, with
the values that would reach a simple condition), and a template every profile aborts or
fails on is a warning (BL308): its body was never checked.
"""

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

from brazelint.checks.diagnostic import Coverage
from brazelint.engine.blank import BlankComparison
from brazelint.profiles import NAMESPACES, STANDARD_ATTRIBUTES

if TYPE_CHECKING:
    from brazelint.analysis.branches import Branch
    from brazelint.checks.positions import Reporter

INFINITY = 1 << 60
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


class Trace:
    """What one profile's render reached: branch bodies entered, and where it stopped."""

    __slots__ = ("profile", "reached", "reason", "stop")

    def __init__(
        self,
        profile: str,
        reached: set[object],
        stop: Optional[int] = None,
        reason: Optional[str] = None,
    ) -> None:
        self.profile = profile
        self.reached = reached
        self.stop = stop
        """Template offset where the render aborted or failed (``None``: it finished)."""
        self.reason = reason
        """Why it stopped: ``aborted: …`` or ``failed: …``."""


def check_coverage(
    branches: list[Branch],
    traces: list[Trace],
    reporter: Reporter,
    aliases: Optional[Mapping[str, tuple[Any, ...]]] = None,
) -> Coverage:
    """Report what no profile rendered (BL307, BL308); return the file's coverage.

    ``aliases`` are the local names that stand for a user's value, so a hint names the
    value a profile sets (``custom_attribute.${tier}``) rather than the local (``tier``).
    """
    index = reporter.index
    source = reporter.source
    aliases = {} if aliases is None else aliases
    finished = [trace for trace in traces if trace.stop is None]
    lines_with_text = sum(1 for line in source.split("\n") if line.strip())
    windows = None
    if finished:
        # a profile that went to the end rendered the top level and every branch it
        # entered: only the others (and the lines they share) need a closer look
        entered: set[object] = set().union(*(trace.reached for trace in finished))
        suspects = [branch for branch in branches if branch.block not in entered]
        if not suspects:
            return Coverage(lines_with_text)  # the common case
        windows = _windows(suspects, source)
    owners = _line_owners(branches, source, index, windows)
    stops = [_stop_line(trace, index) for trace in traces]
    furthest = max(stops, default=0)
    reach: dict[Optional[Branch], int] = {None: furthest}
    for branch in branches:
        lines = [stop for trace, stop in zip(traces, stops) if branch.block in trace.reached]
        reach[branch] = max(lines, default=0)
    unrendered = set()
    for line, held in owners.items():
        for owner in held:
            if line <= reach[owner]:
                break
        else:
            unrendered.add(line)
    everyone_stopped = bool(traces) and all(trace.stop is not None for trace in traces)
    if not traces:
        reporter.at(
            "BL308",
            1,
            1,
            "nothing was checked: no profile renders this template",
            hint="add a profile, or turn generated profiles back on",
        )
    elif everyone_stopped:
        _report_all_stopped(traces, stops, reporter)
    if not traces:
        return Coverage(lines_with_text, _ranges(sorted(owners)))
    reported: set[int] = set()
    for branch in branches:
        if reach[branch] or (branch.parent is not None and not reach[branch.parent]):
            continue
        if index.position(branch.tag)[0] > furthest:
            continue  # every profile stopped before it: BL308 says so
        span = _report_branch(branch, unrendered, reporter, aliases)
        if span is not None:
            reported.update(range(span[0], span[1] + 1))
    leftover = sorted(unrendered - reported)
    if not everyone_stopped:
        for first, last in _ranges(leftover):
            reporter.at(
                "BL307",
                first,
                _first_column(source, index, first),
                f"no profile renders {_lines(first, last)}: every profile that gets there "
                f"stops earlier",
                end_line=last,
                end_column=index.line_end(last),
            )
    return Coverage(lines_with_text, _ranges(sorted(unrendered)))


def _windows(suspects: list[Branch], source: str) -> list[tuple[int, int]]:
    """The whole lines the ``suspects`` span, merged: where lines may be unrendered."""
    spans: list[tuple[int, int]] = []
    for branch in suspects:
        start = source.rfind("\n", 0, branch.start) + 1
        end = source.find("\n", branch.end)
        end = len(source) if end < 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def _line_owners(
    branches: list[Branch],
    source: str,
    index: Any,
    windows: Optional[list[tuple[int, int]]] = None,
) -> dict[int, set[Optional[Branch]]]:
    """Each line with template text -> the innermost branches (``None``: top level) holding
    it; only the lines in ``windows`` (whole lines) when given."""
    owners: dict[int, set[Optional[Branch]]] = {}

    def note(start: int, end: int, owner: Optional[Branch]) -> None:
        if windows is None:
            spans = [(start, end)]
        else:
            spans = [(max(start, a), min(end, b)) for a, b in windows if a < end and start < b]
        for first, last in spans:
            note_text(first, last, owner)

    def note_text(start: int, end: int, owner: Optional[Branch]) -> None:
        if start >= end:
            return
        line = index.position(start)[0]
        for piece in source[start:end].split("\n"):
            if piece.strip():
                owners.setdefault(line, set()).add(owner)
            line += 1

    stack: list[tuple[Optional[Branch], int]] = [(None, len(source))]
    position = 0
    for branch in branches:
        while len(stack) > 1 and stack[-1][1] <= branch.start:
            owner, end = stack.pop()
            note(position, end, owner)
            position = end
        note(position, branch.start, stack[-1][0])
        position = branch.start
        stack.append((branch, branch.end))
    while stack:
        owner, end = stack.pop()
        note(position, end, owner)
        position = max(position, end)
    return owners


def _stop_line(trace: Trace, index: Any) -> int:
    if trace.stop is None:
        return INFINITY
    return int(index.position(trace.stop)[0])


def _report_all_stopped(traces: list[Trace], stops: list[int], reporter: Reporter) -> None:
    furthest = max(stops)
    at = next(t.stop for t, s in zip(traces, stops) if s == furthest and t.stop is not None)
    groups: dict[str, list[str]] = {}
    for trace in traces:
        groups.setdefault(trace.reason or "stopped", []).append(trace.profile)
    failed = any((t.reason or "").startswith("failed") for t in traces)
    verb = "aborted or failed" if failed else "aborted"
    why = "; ".join(f"{', '.join(names)}: {reason}" for reason, names in groups.items())
    reporter.at_offset(
        "BL308",
        at,
        f"nothing past line {furthest} was checked: every profile {verb} — {why}",
        hint="add a profile that passes the guard, so the body is rendered and checked",
    )


def _report_branch(
    branch: Branch,
    unrendered: set[int],
    reporter: Reporter,
    aliases: Mapping[str, tuple[Any, ...]],
) -> Optional[tuple[int, int]]:
    source, index = reporter.source, reporter.index
    body = source[branch.start : branch.end]
    if not body.strip():
        return None
    first_offset = branch.start + len(body) - len(body.lstrip())
    last_offset = branch.start + len(body.rstrip()) - 1
    first_line, last_line = index.position(first_offset)[0], index.position(last_offset)[0]
    lines = [line for line in range(first_line, last_line + 1) if line in unrendered]
    what = _describe(branch)
    if lines:
        span = (lines[0], lines[-1])
        message = f"no profile renders {_lines(*span)}, {what}"
        line, column = span[0], _first_column(source, index, span[0])
        if span[0] == first_line:
            column = index.position(first_offset)[1]
        end_line, end_column = span[1], index.line_end(span[1])
    else:
        span = None
        line, column = index.position(first_offset)
        message = f"no profile renders {what} (line {line})"
        end_line, end_column = line, index.position(last_offset)[1] + 1
        if index.position(last_offset)[0] != line:
            end_column = index.line_end(line)
    reporter.at(
        "BL307",
        line,
        column,
        message,
        end_line=end_line,
        end_column=end_column,
        hint=_hint(branch, aliases),
    )
    return span


def _describe(branch: Branch) -> str:
    label = f"`{branch.label}`"
    if branch.kind == "body":
        return f"the body of {label}"
    if branch.kind == "else":
        return f"the else branch of {label}"
    return f"the `{branch.opening}` branch of {label}"


def _hint(branch: Branch, aliases: Mapping[str, tuple[Any, ...]]) -> Optional[str]:
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


def _lines(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}\N{EN DASH}{last}"


def _first_column(source: str, index: Any, line: int) -> int:
    start = index.offset(line, 1)
    end = source.find("\n", start)
    text = source[start : len(source) if end < 0 else end]
    return len(text) - len(text.lstrip()) + 1


def _ranges(lines: list[int]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for line in lines:
        if spans and spans[-1][1] == line - 1:
            spans[-1] = (spans[-1][0], line)
        else:
            spans.append((line, line))
    return spans
