"""Unsafe fixes for payload values: they change what the partner receives, on purpose.

A quoted placeholder becomes a number (with a default, so an unset value still sends
valid JSON), and a timestamp in seconds is multiplied to milliseconds.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from brazelint.fixes.edits import Edit
from brazelint.fixes.registry import fixer
from brazelint.fixes.source import Markup, Source, expression_end, has_filter

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic

Proposal = Optional[tuple[str, list[Edit]]]
_EMPTY_DEFAULT = re.compile(r"\|\s*default:\s*(''|\"\")")


def _quoted_output(source: Source, at: int) -> Optional[Markup]:
    """The ``{{ }}`` starting at ``at`` when literal quotes sit right around it."""
    markup = source.markup_at(at)
    if markup is None or markup.name != "output" or markup.start != at:
        return None
    text = source.text
    if text[at - 1 : at] != '"' or text[markup.end : markup.end + 1] != '"':
        return None
    if not (source.is_literal(at - 1, at) and source.is_literal(markup.end, markup.end + 1)):
        return None
    return markup


def _unquote(markup: Markup) -> list[Edit]:
    return [Edit(markup.start - 1, markup.start, ""), Edit(markup.end, markup.end + 1, "")]


@fixer(
    "quoted-placeholder",
    safe=False,
    summary="unquote a numeric placeholder and add | default: 0",
)
def unquote_placeholder(source: Source, diagnostic: Diagnostic) -> Proposal:
    at = source.offset(diagnostic.line, diagnostic.column)
    markup = _quoted_output(source, at)
    if markup is None or "boolean" in diagnostic.message:
        return None
    edits = _unquote(markup)
    empty = _EMPTY_DEFAULT.search(source.text, markup.expr_start, markup.expr_end)
    if empty is not None:
        edits.append(Edit(empty.start(1), empty.end(1), "0"))
    elif not has_filter(source, markup, "default"):
        end = expression_end(source, markup)
        edits.append(Edit(end, end, " | default: 0"))
    return "unquote the placeholder (| default: 0)", edits


@fixer("timestamp-in-seconds", safe=False, summary="multiply a timestamp in seconds by 1000")
def to_milliseconds(source: Source, diagnostic: Diagnostic) -> Proposal:
    at = source.offset(diagnostic.line, diagnostic.column)
    text = source.text
    markup = source.markup_at(at)
    if markup is not None and markup.name == "output" and markup.start == at:
        if has_filter(source, markup, "times"):
            return None
        end = expression_end(source, markup)
        edits = [Edit(end, end, " | times: 1000")]
        quoted = _quoted_output(source, at)
        if quoted is not None:
            edits += _unquote(quoted)
        return "multiply by 1000 (| times: 1000)", edits
    digits = re.match(r"\d{10}(?![\d.])", text[at:])
    if digits is None or not source.is_literal(at, at + 10):
        return None
    return "write the time in milliseconds", [Edit(at + 10, at + 10, "000")]
