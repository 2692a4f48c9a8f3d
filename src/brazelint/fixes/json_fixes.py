"""Fixes for JSON syntax in a body (invalid-json): commas and ``//`` note lines.

Each one re-reads the literal text at the finding, and declines unless the problem is
there in the template's own text: a comma a loop prints, or a value a Content Block
prints, is not the template's to edit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from brazelint.fixes.edits import Edit
from brazelint.fixes.registry import fixer
from brazelint.fixes.source import (
    Source,
    expression_end,
    has_filter,
    in_json_string,
    string_open,
)

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic

Proposal = Optional[tuple[str, list[Edit]]]
_VALUE_START = re.compile(r'["{\[\-0-9tfn]')


@fixer("invalid-json", safe=True, summary="remove a trailing comma before } or ]")
def trailing_comma(source: Source, diagnostic: Diagnostic) -> Proposal:
    at = source.offset(diagnostic.line, diagnostic.column)
    text = source.text
    if text[at : at + 1] != ",":
        return None
    piece = source.literal_at(at)
    if piece is None:
        return None
    follows = text[at + 1 : piece[1]].lstrip()
    if not follows.startswith(("}", "]")):
        return None  # the bracket is not in the same literal text: a loop or a branch
    return "remove the trailing comma", [Edit(at, at + 1, "")]


@fixer("invalid-json", safe=True, summary="insert a missing comma between members")
def missing_comma(source: Source, diagnostic: Diagnostic) -> Proposal:
    at = source.offset(diagnostic.line, diagnostic.column)
    text = source.text
    if at <= 0:
        return None
    printed = source.markup_at(at - 1)
    if printed is not None:
        if printed.name != "output" or printed.start != at - 1:
            return None
        at = printed.end  # an unquoted value: the comma goes after its }}
    elif not source.is_literal(at - 1, at) or not re.match(r'["}\]\w]', text[at - 1]):
        return None
    line_start, _ = source.line_span(at - 1)
    if text[line_start:at].lstrip().startswith("//"):
        return None  # after a // note: once the note is a comment, the comma goes before it
    following = source.next_literal(at)
    if following is None or string_open(source, at) or not _VALUE_START.match(text[following]):
        return None  # the next member is not written right after it
    return "insert the missing comma", [Edit(at, at, ",")]


@fixer("invalid-json", safe=True, summary="wrap a // (or #) note line in {% comment %}")
def note_line(source: Source, diagnostic: Diagnostic) -> Proposal:
    at = source.offset(diagnostic.line, diagnostic.column)
    text = source.text
    if not text.startswith(("//", "#"), at):
        return None
    _, line_end = source.line_span(at)
    end = len(text[at:line_end].rstrip())
    if not source.is_literal(at, at + end) or text[source.line_span(at)[0] : at].strip():
        return None
    note = text[at : at + end]
    kind = "//" if note.startswith("//") else "#"
    return f"wrap the {kind} note in {{% comment %}}", [
        Edit(at, at + end, "{% comment %}" + note + "{% endcomment %}")
    ]


@fixer("invalid-json", safe=True, summary="add | json_escape to a value spliced into a string")
@fixer(
    "unescaped-interpolation", safe=True, summary="add | json_escape to a value in a JSON string"
)
def json_escape(source: Source, diagnostic: Diagnostic) -> Proposal:
    at = source.offset(diagnostic.line, diagnostic.column)
    markup = source.markup_at(at)
    if markup is None or markup.name != "output" or markup.start != at:
        return None
    if has_filter(source, markup, "json_escape", "as_json_string", "json"):
        return None
    if not in_json_string(source, markup):
        return None
    return "add | json_escape", [
        Edit(expression_end(source, markup), expression_end(source, markup), " | json_escape")
    ]
