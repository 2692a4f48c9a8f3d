"""Fixes inside Liquid markup: quotes, option spellings, operators, attributes, filters.

Each edit stays inside the one ``{{ }}`` or ``{% %}`` the finding points at.
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING, Optional

from brazelint.fixes.edits import Edit
from brazelint.fixes.registry import fixer
from brazelint.fixes.source import Markup, Source, expression_end, has_filter
from brazelint.profiles import STANDARD_ATTRIBUTES

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic

Proposal = Optional[tuple[str, list[Edit]]]
STRAIGHT = {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}
_LEGACY_CACHE = re.compile(r"(?<=\s):cache(?=\s)")
_ATTRIBUTE = re.compile(r"\$\{\s*([^}]*?)\s*\}")


def _markup(source: Source, diagnostic: Diagnostic) -> Optional[Markup]:
    return source.markup_at(source.offset(diagnostic.line, diagnostic.column))


def _add_filter(source: Source, markup: Markup, text: str) -> list[Edit]:
    end = expression_end(source, markup)
    return [Edit(end, end, f" | {text}")]


@fixer("curly-quotes", safe=True, syntax=True, summary="straighten typographic quotes in a tag")
def straighten_quotes(source: Source, diagnostic: Diagnostic) -> Proposal:
    markup = _markup(source, diagnostic)
    if markup is None:
        return None
    edits = [
        Edit(i, i + 1, STRAIGHT[char])
        for i, char in enumerate(source.text[markup.start : markup.end], start=markup.start)
        if char in STRAIGHT
    ]
    return "straighten the quotes", edits


@fixer("connected-content-option", safe=True, summary="respell :cache as :cache_max_age")
def cache_max_age(source: Source, diagnostic: Diagnostic) -> Proposal:
    at = source.offset(diagnostic.line, diagnostic.column)
    markup = source.markup_at(at)
    if markup is None or markup.name != "connected_content":
        return None
    found = _LEGACY_CACHE.search(source.text, markup.expr_start, markup.expr_end)
    if found is None:
        return None
    return "respell :cache as :cache_max_age", [Edit(found.start(), found.end(), ":cache_max_age")]


@fixer("unescaped-query-value", safe=True, summary="add | url_param_escape to a query value")
def url_param_escape(source: Source, diagnostic: Diagnostic) -> Proposal:
    at = source.offset(diagnostic.line, diagnostic.column)
    markup = source.markup_at(at)
    if markup is not None and markup.name != "output":
        # a {{ }} written inside a tag's URL (connected_content): find it in the markup
        end = source.offset(diagnostic.end_line, diagnostic.end_column)
        found = re.match(r"\{\{(.*?)(\s*)\}\}\}?", source.text[at:end], re.S)
        if found is None or "url_param_escape" in found.group(1):
            return None
        inner_end = at + found.end(1)
        if source.text[at : at + 3] == "{{$" and source.text[at:end].endswith("}}}"):
            inner_end = at + len(source.text[at:end]) - 2
        return "add | url_param_escape", [Edit(inner_end, inner_end, " | url_param_escape")]
    if markup is None or markup.start != at:
        return None
    if has_filter(source, markup, "url_param_escape", "url_escape", "url_encode"):
        return None
    return "add | url_param_escape", _add_filter(source, markup, "url_param_escape")


@fixer(
    "symbolic-boolean-operator",
    safe=True,
    syntax=True,
    summary="respell && and || as and and or",
)
def word_operators(source: Source, diagnostic: Diagnostic) -> Proposal:
    at = source.offset(diagnostic.line, diagnostic.column)
    markup = source.markup_at(at)
    operator = source.text[at : at + 2]
    if markup is None or markup.name == "output" or operator not in ("&&", "||"):
        return None
    word = "and" if operator == "&&" else "or"
    before = "" if source.text[at - 1 : at].isspace() else " "
    after = "" if source.text[at + 2 : at + 3].isspace() else " "
    return f"respell {operator} as {word}", [Edit(at, at + 2, before + word + after)]


@fixer(
    "bare-standard-attribute",
    safe=True,
    summary="respell {{first_name}} as {{${first_name}}}",
    becomes=("attribute-missing",),
)
def dollar_attribute(source: Source, diagnostic: Diagnostic) -> Proposal:
    at = source.offset(diagnostic.line, diagnostic.column)
    found = re.match(r"[A-Za-z_]\w*", source.text[at:])
    markup = source.markup_at(at)
    if found is None or markup is None or found.group() not in STANDARD_ATTRIBUTES:
        return None
    if source.text[at - 2 : at] == "${" or source.text[at - 1 : at] == ".":
        return None
    name = found.group()
    return f"write ${{{name}}}", [Edit(at, at + len(name), f"${{{name}}}")]


@fixer(
    "unknown-attribute",
    safe=False,
    summary="replace a typo'd attribute with the suggestion",
    becomes=("attribute-missing",),
)
def attribute_typo(source: Source, diagnostic: Diagnostic) -> Proposal:
    at = source.offset(diagnostic.line, diagnostic.column)
    found = _ATTRIBUTE.match(source.text, at)
    if found is None or source.markup_at(at) is None:
        return None
    close = difflib.get_close_matches(found.group(1), sorted(STANDARD_ATTRIBUTES), n=1, cutoff=0.7)
    if not close:
        return None
    return f"replace with ${{{close[0]}}}", [Edit(found.start(1), found.end(1), close[0])]


@fixer("attribute-missing", safe=False, summary="add | default: '' where a value renders empty")
def default_empty(source: Source, diagnostic: Diagnostic) -> Proposal:
    markup = _markup(source, diagnostic)
    if markup is None or markup.name != "output" or has_filter(source, markup, "default"):
        return None
    return "add | default: ''", _add_filter(source, markup, "default: ''")
