"""Checks on the parsed template, before any profile is rendered.

They read what the engine's tree pass noted while it walked the tree (every filter
applied, every output statement), so they cost no walk of their own.
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from typing import TYPE_CHECKING

from liquid.builtin.expressions import FilteredExpression, Path

from brazelint.engine.filters.support import FILTER_SUPPORT, UNSUPPORTED_UNKNOWN

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
    """Report unknown and unsupported filters; return where unguarded values are printed,
    and the names of filters that do not exist.

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
        _check_filter(name, applied.token.start_index, known, reporter)
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


def _check_filter(name: str, start: int, known: tuple[str, ...], reporter: Reporter) -> None:
    if name in UNSUPPORTED_UNKNOWN:
        reporter.at_offset(
            "BL205",
            start,
            f"filter '{name}' is not supported in Braze",
            end=start + len(name),
            hint=UNSUPPORTED_UNKNOWN[name],
        )
    elif name not in known:
        close = difflib.get_close_matches(name, known, n=1)
        reporter.at_offset(
            "BL204",
            start,
            f"unknown filter '{name}'",
            end=start + len(name),
            hint=f"did you mean '{close[0]}'?" if close else "see `brazelint rules BL204`",
        )
    elif FILTER_SUPPORT.get(name, "supported") == "unsupported":
        reporter.at_offset(
            "BL205",
            start,
            f"filter '{name}' is not supported in Braze",
            end=start + len(name),
            hint="rewrite it with supported filters",
        )
    elif FILTER_SUPPORT.get(name, "supported") != "supported":
        reporter.at_offset(
            "BL208",
            start,
            f"filter '{name}' is not documented in Braze",
            end=start + len(name),
            hint="it works here but may fail or differ in Braze; test it in the dashboard",
        )
