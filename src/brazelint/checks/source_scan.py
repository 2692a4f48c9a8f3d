"""The template text itself, before (or instead of) rendering it: its tags and outputs
(``Markup``) and the names it assigns, for the rules that read the source.

The markups come from the Braze lexer's tokens, so rules see tag names and markup at their
real offsets, and still run when the template does not parse.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional, Sequence

from brazelint.checks.braze_reading import Markup

if TYPE_CHECKING:
    from liquid.token import Token

    from brazelint.checks.positions import Reporter

ASSIGNING_TAGS = re.compile(r"^\s*(\w+)")
LOOP_VARIABLE = re.compile(r"^\s*(\w+)\s+in\b")
CC_OPTION = re.compile(r"\s:[a-z_]+")
CC_SAVE = re.compile(r":save\s+(\w+)")
_ASSIGNING_NAMES = frozenset(
    {
        "assign",
        "capture",
        "increment",
        "decrement",
        "for",
        "tablerow",
        "connected_content",
        "catalog_items",
        "catalog_selection_items",
    }
)
"""The markups ``_collect_assigned`` learns a name from."""


class SourceFacts:
    """What the scan learned that render-time checks need."""

    __slots__ = ("assigned", "markups")

    def __init__(
        self, assigned: Optional[set[str]] = None, markups: Optional[list[Markup]] = None
    ) -> None:
        self.assigned: set[str] = set() if assigned is None else assigned
        self.markups: list[Markup] = [] if markups is None else markups


def scan_source(
    source: str, reporter: Reporter, tokens: Optional[Sequence[Token]] = None
) -> SourceFacts:
    """Report what the text alone shows (each rule's ``check`` in ``SOURCE_CHECKS``, and
    ``check_url`` on each Connected Content URL); return what the template assigns."""
    facts = SourceFacts(markups=markups(source, tokens))
    for markup in facts.markups:
        if markup.name == "connected_content":
            check_url(markup.text, markup.start, reporter, connected_content=True)
        if markup.name in _ASSIGNING_NAMES:
            _collect_assigned(markup, facts.assigned)
    for check in reporter.rules.source_checks:
        check(source, facts, reporter)
    return facts


def markups(source: str, tokens: Optional[Sequence[Token]] = None) -> list[Markup]:
    """Every tag and output statement that has markup text, from the Braze lexer's
    ``tokens`` (lexed here when not given); a template that stops lexing keeps the
    markups before the error."""
    from liquid.token import TOKEN_EXPRESSION, TOKEN_OUTPUT, TOKEN_TAG

    from brazelint.engine.lexer import BrazeLexer

    found: list[Markup] = []
    name: Optional[str] = None
    try:
        for kind, value, start, _ in tokens if tokens is not None else BrazeLexer()(source):
            if kind == TOKEN_TAG:
                name = None if value in ("comment", "raw", "doc") else value
            elif kind == TOKEN_OUTPUT:
                name = "output"
            elif kind == TOKEN_EXPRESSION and name is not None:
                text = source[start : start + len(value)]
                if text:
                    found.append(Markup(name, text, start))
                name = None
    except Exception:  # the parse reports the error; the markups so far still count
        pass
    return found


def check_url(markup: str, start: int, reporter: Reporter, *, connected_content: bool) -> None:
    """Each rule's ``check_url`` (``URL_CHECKS``) on a URL: a Connected Content tag's markup
    (the URL is what comes before its first option) or a webhook's URL at ``start``."""
    url = CC_OPTION.split(markup, maxsplit=1)[0].strip() if connected_content else markup
    offset = start + markup.find(url) if url else start
    for check in reporter.rules.url_checks:
        check(url, offset, reporter, connected_content=connected_content)


def _collect_assigned(markup: Markup, assigned: set[str]) -> None:
    name = markup.name
    if name in ("assign", "capture", "increment", "decrement"):
        found = ASSIGNING_TAGS.match(markup.text)
        if found:
            assigned.add(found.group(1))
    elif name in ("for", "tablerow"):
        found = LOOP_VARIABLE.match(markup.text)
        if found:
            assigned.add(found.group(1))
            assigned.add("forloop" if name == "for" else "tablerowloop")
    elif name == "connected_content":
        found = CC_SAVE.search(markup.text)
        assigned.add(found.group(1) if found else "connected")
    elif name in ("catalog_items", "catalog_selection_items"):
        assigned.add("items")
