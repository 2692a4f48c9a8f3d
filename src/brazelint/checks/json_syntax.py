"""Strict JSON syntax check for rendered webhook bodies: every problem, with its span and a fix.

Valid bodies, the common case, go through ``json.loads`` and nothing else. Only when that
fails (or finds a duplicate key or NaN) does the recovering parser of
:mod:`brazelint.checks.json_recovery` run, and only then is it imported. Spans of values
are computed on demand: for a valid body by one regex pass over its tokens, for a broken
one by the recovering parser.
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

from brazelint.checks.json_model import MAX_DEPTH, JsonDocument


class _NeedsFullParse(Exception):
    """json.loads accepted something the strict check must report (duplicate key, NaN)."""


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _NeedsFullParse
    return obj


def _reject_constant(name: str) -> NoReturn:
    raise _NeedsFullParse(name)


# One decoder for all bodies: json.loads with hooks builds a decoder (and scanner) per call.
_DECODER = json.JSONDecoder(object_pairs_hook=_unique_pairs, parse_constant=_reject_constant)


def parse_json(text: str) -> JsonDocument:
    """Parse a rendered body, reporting every syntax problem; never raises."""
    try:
        value = _DECODER.decode(text)
    except (ValueError, RecursionError, _NeedsFullParse):
        return _recover(text)
    if text.count("[") + text.count("{") > MAX_DEPTH and _nesting_exceeds(value, MAX_DEPTH):
        return _recover(text)
    return JsonDocument(text, value, [], _valid=True)


def _nesting_exceeds(value: Any, limit: int) -> bool:
    """Whether containers nest deeper than ``limit`` (iterative: the value may be deep)."""
    stack = [(value, 1)] if isinstance(value, (dict, list)) else []
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _recover(text: str) -> JsonDocument:
    """Every problem of a body json.loads refused (the recovering parser, loaded now)."""
    from brazelint.checks.json_recovery import Parser

    return Parser(text).run()
