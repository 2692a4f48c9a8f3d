"""Coverage: which template lines no profile rendered, so no check ever looked at them.

Each render leaves a :class:`Trace`: the branch bodies it entered and, when it aborted or
failed, where it stopped. A line is rendered when some profile entered the branch that
holds it and had not stopped before it. The rules not-rendered (BL307) and
nothing-checked (BL308) judge what no profile rendered (``CoverageFacts``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Optional

from brazelint.checks.diagnostic import Coverage

if TYPE_CHECKING:
    from brazelint.analysis.branches import Branch
    from brazelint.checks.positions import Reporter

INFINITY = 1 << 60


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


class CoverageFacts:
    """What the coverage rules read: each profile's trace and where it stopped, how far
    into each branch some profile got, and the lines no profile rendered."""

    __slots__ = ("aliases", "branches", "reach", "stops", "traces", "unrendered")

    def __init__(
        self,
        traces: list[Trace],
        stops: list[int],
        branches: list[Branch],
        reach: dict[Optional[Branch], int],
        unrendered: set[int],
        aliases: Mapping[str, tuple[Any, ...]],
    ) -> None:
        self.traces = traces
        self.stops = stops
        """The line each trace stopped on (``INFINITY`` when it went to the end)."""
        self.branches = branches
        self.reach = reach
        """Branch (``None``: the top level) -> the furthest line a profile in it got to."""
        self.unrendered = unrendered
        self.aliases = aliases
        """Local names that stand for a user's value (``tier`` for
        ``custom_attribute.${tier}``)."""

    @property
    def furthest(self) -> int:
        return self.reach[None]

    @property
    def everyone_stopped(self) -> bool:
        return bool(self.traces) and all(trace.stop is not None for trace in self.traces)


def check_coverage(
    branches: list[Branch],
    traces: list[Trace],
    reporter: Reporter,
    aliases: Optional[Mapping[str, tuple[Any, ...]]] = None,
) -> Coverage:
    """Work out which lines no profile rendered, run the coverage rules on it
    (``COVERAGE_CHECKS``: BL307, BL308), and return the file's coverage.

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
    facts = CoverageFacts(traces, stops, branches, reach, unrendered, aliases)
    for check in reporter.rules.coverage_checks:
        check(facts, reporter)
    if not traces:
        return Coverage(lines_with_text, line_ranges(sorted(owners)))
    return Coverage(lines_with_text, line_ranges(sorted(unrendered)))


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


def line_ranges(lines: list[int]) -> list[tuple[int, int]]:
    """Sorted line numbers as runs: ``[1, 2, 3, 7]`` -> ``[(1, 3), (7, 7)]``."""
    spans: list[tuple[int, int]] = []
    for line in lines:
        if spans and spans[-1][1] == line - 1:
            spans[-1] = (spans[-1][0], line)
        else:
            spans.append((line, line))
    return spans
