"""Source checks for text Braze reads differently from how it looks.

- BL005: ``&&`` / ``||`` in a condition: Braze's lax parser keeps only the first
  comparison (``engine.lax_conditions``), so the rest of the condition is never tested.
- BL006: Liquid inside an HTML comment: Braze removes ``<!-- … -->`` before it reads any
  Liquid, so that Liquid never runs.
- BL207: a standard attribute's name without ``${}`` (``{{first_name}}``): Braze reads
  attributes only through ``${}``, so the name is an undefined variable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from brazelint.engine.html_comments import HTML_COMMENT
from brazelint.engine.lax_conditions import LAX_CONDITION_TAGS
from brazelint.profiles import STANDARD_ATTRIBUTES

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter


@dataclass(frozen=True)
class Markup:
    """One tag or output statement: its name (``output`` for ``{{ }}``) and markup text."""

    name: str
    text: str
    start: int
    """Offset of ``text`` in the template."""


_SYMBOLIC = re.compile(r"""'[^']*'?|"[^"]*"?|(&&|\|\|)""")
_LIQUID_START = re.compile(r"\{\{|\{%")
_HIDDEN = re.compile(r"""'[^']*'?|"[^"]*"?|\$\{[^}]*\}?""")
"""Quoted strings and ``${…}``: where a bare name is not a bare name."""
_NAME = re.compile(r"(?<![\w.\]$-])([A-Za-z_][\w-]*)(?![\w?-])(?!\s*:)")
_ANY_ATTRIBUTE = re.compile("|".join(sorted(STANDARD_ATTRIBUTES)))
"""A cheap pre-test: most markups name no standard attribute at all."""
_READS_NAMES = frozenset(
    {"output", "if", "elsif", "unless", "case", "when", "assign", "for", "echo", "tablerow"}
)
"""Markups whose names are variables (raw-argument tags such as URLs are left alone)."""


def check_symbolic_operators(markup: Markup, reporter: Reporter) -> None:
    """BL005 for each ``&&`` / ``||`` outside quotes in an if, elsif or unless condition."""
    if markup.name not in LAX_CONDITION_TAGS or (
        "&&" not in markup.text and "||" not in markup.text
    ):
        return
    for found in _SYMBOLIC.finditer(markup.text):
        operator = found.group(1)
        if operator:
            word = "and" if operator == "&&" else "or"
            start = markup.start + found.start(1)
            reporter.at_offset(
                "BL005",
                start,
                f"'{operator}' is not a Liquid operator; Braze keeps only the comparison "
                f"before it and ignores the rest of the condition",
                end=start + 2,
                hint=f"write '{word}' instead of '{operator}'",
            )


def check_html_comments(source: str, reporter: Reporter) -> None:
    """BL006 at the first Liquid inside each HTML comment."""
    if "<!--" not in source:
        return
    for comment in HTML_COMMENT.finditer(source):
        liquid = _LIQUID_START.search(source, comment.start(), comment.end())
        if liquid is not None:
            reporter.at_offset(
                "BL006",
                liquid.start(),
                "Liquid inside an HTML comment never runs: Braze removes <!-- … --> before "
                "it reads Liquid",
                end=liquid.end(),
                hint="move the Liquid out of the comment, or use {% comment %} to disable it",
            )


def check_bare_attributes(
    markups: Iterable[Markup], assigned: set[str], reporter: Reporter
) -> None:
    """BL207 for each standard attribute's name used as a variable the template never sets."""
    for markup in markups:
        if markup.name not in _READS_NAMES:
            continue
        text = markup.text
        if _ANY_ATTRIBUTE.search(text) is None:
            continue
        visible = _HIDDEN.sub(lambda m: " " * len(m.group()), text)
        for found in _NAME.finditer(visible):
            name = found.group(1)
            if name in STANDARD_ATTRIBUTES and name not in assigned:
                start = markup.start + found.start(1)
                reporter.at_offset(
                    "BL207",
                    start,
                    f"'{name}' is not the standard attribute: Braze reads attributes only "
                    f"as ${{{name}}}, so this is an undefined variable and renders empty",
                    end=start + len(name),
                    hint=f"write {{{{${{{name}}}}}}}",
                )
