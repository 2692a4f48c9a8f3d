"""The parsed template, before any profile is rendered: the filters it applies (for the
filter rules) and where it prints values without a default (for BL203).

It reads what the engine's tree pass noted while it walked the tree (every filter applied,
every output statement), so it costs no walk of its own.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from liquid.builtin.expressions import FilteredExpression, Path

from brazelint.engine.filter_support import FILTER_SUPPORT

if TYPE_CHECKING:
    from liquid.expression import Expression

    from brazelint.checks.positions import Reporter
    from brazelint.engine.environment import BrazeTemplate

EMPTY_PRESERVING_FILTERS = frozenset(
    {
        "base64_encode",
        "capitalize",
        "compact",
        "downcase",
        "escape",
        "escape_once",
        "first",
        "join",
        "json_escape",
        "last",
        "lstrip",
        "newline_to_br",
        "remove",
        "remove_first",
        "remove_last",
        "replace",
        "replace_first",
        "replace_last",
        "reverse",
        "rstrip",
        "slice",
        "sort",
        "sort_natural",
        "split",
        "squish",
        "strip",
        "strip_html",
        "strip_newlines",
        "truncate",
        "truncatewords",
        "uniq",
        "upcase",
        "url_encode",
        "url_escape",
        "url_param_escape",
    }
)
"""Filters that turn a missing value into empty text again; any other filter (``default``,
``size``, ``plus``, ``append``, ``md5``, ...) prints something for it."""


def scan_tree(template: BrazeTemplate, reporter: Reporter) -> tuple[set[int], set[str]]:
    """Run the filter rules (``FILTER_CHECKS``) on each filter that is not plainly supported;
    return where unguarded values are printed, and the names of filters that do not exist.

    The offsets are the starts of paths printed by ``{{ }}`` through no filter that prints
    something for a missing value (``default``, ``size``, ...): an unset attribute there
    shows up as a gap in the message.
    """
    known, known_set = _known_filters()
    unguarded: set[int] = set()
    missing: set[str] = set()
    facts = template.facts
    for expression in facts.printed:
        _printed_paths(expression, unguarded)
    for applied in facts.filters:
        name = applied.name
        if name in known_set and FILTER_SUPPORT.get(name, "supported") == "supported":
            continue  # the common case, decided without a call
        if name not in known_set:
            missing.add(name)
        for check in reporter.rules.filter_checks:
            check(name, applied.token.start_index, known, reporter)
    return unguarded, missing


@lru_cache(maxsize=1)
def _known_filters() -> tuple[tuple[str, ...], frozenset[str]]:
    """Every filter name, in order (for did-you-mean hints) and as a set (to look up)."""
    from brazelint.engine.environment import BrazeEnvironment

    known = BrazeEnvironment.known_filter_names()
    return known, frozenset(known)


def _printed_paths(expression: Expression, unguarded: set[int]) -> None:
    if type(expression) is not FilteredExpression:
        return
    left = expression.left
    names = {f.name for f in expression.filters or ()}
    if isinstance(left, Path) and names <= EMPTY_PRESERVING_FILTERS:
        token = left.token
        start = token.start_index
        if token.source.startswith("${", start - 2):
            start -= 2
        unguarded.add(start)
