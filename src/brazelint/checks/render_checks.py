"""One render, for the rules that judge it: what the engine recorded (problems), and the
values read while undefined, with where and how the template wrote them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator, Optional

from brazelint.errors import ErrorKind
from brazelint.profiles import NAMESPACES, STANDARD_ATTRIBUTES

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.errors import TemplateRenderError
    from brazelint.events import UndefinedUse
    from brazelint.result import RenderResult

BRAZE_ROOTS = frozenset({*STANDARD_ATTRIBUTES, *NAMESPACES.values(), "content_blocks"})
"""Top-level names Braze itself defines for every message."""
RENDER_CODES = {ErrorKind.LIMIT: "BL302"}
"""The rule a render error breaks, by its kind; every other kind is BL301."""
REFERENCE = re.compile(
    r"(?:\$\{[^}]*\}|[A-Za-z_][\w-]*)(?:\s*\.\s*(?:\$\{[^}]*\}|[\w-]+)|\[[^\]]*\])*"
)
"""A variable path as written in the template: ``${x}``, ``a.b.${c}``, ``a[0].b``."""


class RenderFacts:
    """What the checks of one file need to know beyond the render itself."""

    __slots__ = ("assigned", "unguarded")

    def __init__(
        self, assigned: Optional[set[str]] = None, unguarded: Optional[set[int]] = None
    ) -> None:
        self.assigned: set[str] = set() if assigned is None else assigned
        """Names the template (or its Content Blocks) assigns somewhere."""
        self.unguarded: set[int] = set() if unguarded is None else unguarded
        """Template offsets of values printed without ``default``."""


class UndefinedRead:
    """A value read while undefined: the use, its root name, and how the template wrote it."""

    __slots__ = ("end_column", "is_attribute", "offset", "root", "use")

    def __init__(
        self, use: UndefinedUse, root: str, offset: int, is_attribute: bool, end_column: int
    ) -> None:
        self.use = use
        self.root = root
        self.offset = offset
        """Where the template wrote it."""
        self.is_attribute = is_attribute
        """Written as ``${…}``, or under a name Braze defines (``custom_attribute``, …)."""
        self.end_column = end_column
        """Column just past the path as written."""


def report_render_error(error: TemplateRenderError, profile: str, reporter: Reporter) -> None:
    line, column = error.line or 1, error.column or 1
    code = RENDER_CODES.get(error.kind, "BL301")
    reporter.at(
        code,
        line,
        column,
        error.message,
        end_column=column + error.length,
        profile=profile,
        hint=error.hint,
    )


def check_render(
    result: RenderResult,
    profile: str,
    reporter: Reporter,
    facts: RenderFacts,
    *,
    generated: bool,
) -> None:
    """Report each problem the engine recorded under the rule that declares it
    (``ENGINE_PROBLEMS``), then run the registry's ``RENDER_CHECKS``."""
    for problem in result.problems:
        code = reporter.rules.problem_codes.get(problem.name)
        if code is not None:
            line, column = problem.line or 1, problem.column or 1
            reporter.at(code, line, column, problem.message, profile=profile)
    for check in reporter.rules.render_checks:
        check(result, profile, reporter, facts, generated=generated)


def undefined_reads(result: RenderResult, reporter: Reporter) -> Iterator[UndefinedRead]:
    """Each value ``result`` read while undefined, where the template shows it.

    A standard attribute's bare name (``{{first_name}}``) is left out: Braze never defines
    it, and BL207 reports it once, from the source.
    """
    index = reporter.index
    source = reporter.source
    for use in result.undefined_uses:
        if not use.line:
            continue
        root = use.path.split(".", 1)[0].split("[", 1)[0]
        offset = index.offset(use.line, use.column)
        dollar = source.startswith("${", offset)
        if not dollar and root in STANDARD_ATTRIBUTES:
            continue
        written = REFERENCE.match(source, offset)
        end_column = use.column + (len(written.group()) if written else len(root))
        yield UndefinedRead(use, root, offset, dollar or root in BRAZE_ROOTS, end_column)
