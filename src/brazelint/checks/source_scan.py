"""Checks that read the template text itself, before (or instead of) rendering it.

They work on the Braze lexer's tokens, so they see tag names and markup at their real
offsets, and they still run when the template does not parse.
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING, Optional, Sequence

from brazelint.checks.braze_reading import (
    Markup,
    check_bare_attributes,
    check_html_comments,
    check_symbolic_operators,
)
from brazelint.http.redact import SECRET_HEADER_PATTERN
from brazelint.profiles import STANDARD_ATTRIBUTES

if TYPE_CHECKING:
    from liquid.token import Token

    from brazelint.checks.positions import Reporter

_CURLY_QUOTE_CHARS = "\u201c\u201d\u2018\u2019"
CURLY_QUOTES = re.compile(f"[{_CURLY_QUOTE_CHARS}]")
ATTRIBUTE = re.compile(r"\$\{\s*([^}]*?)\s*\}")
CONDITION_TAGS = frozenset({"if", "elsif", "unless", "case", "when", "for", "tablerow"})
ASSIGNING_TAGS = re.compile(r"^\s*(\w+)")
LOOP_VARIABLE = re.compile(r"^\s*(\w+)\s+in\b")
CC_OPTION = re.compile(r"\s:[a-z_]+")
CC_SAVE = re.compile(r":save\s+(\w+)")
ESCAPING_FILTERS = ("url_param_escape", "url_escape", "url_encode")
OUTPUT_IN_TEXT = re.compile(r"\{\{.*?\}\}\}?", re.S)
SECRET_HEADER = re.compile(
    r"""["']?(""" + SECRET_HEADER_PATTERN + r""")["']?"""
    r"""\s*:\s*["']([^"'{}]*)["']""",
    re.I,
)
SECRET_QUERY = re.compile(
    r"[?&](api_?key|apikey|token|access_token|secret|client_secret|password)=([^&{\s\"']+)",
    re.I,
)
URL_USERINFO = re.compile(r"://[^/@\s{}]+:[^/@\s{}]+@")
SECRET_BODY = re.compile(
    r"""["']?(password|api_?key|secret|client_secret|access_token)["']?\s*[:=]\s*"""
    r"""["']?([^"'&{}\s,]{4,})""",
    re.I,
)
DOC_PLACEHOLDER = re.compile(
    r"\bYOUR[-_ ][A-Z][A-Z0-9_-]*|\{\{\s*[A-Z][A-Z0-9_]*(?:\s+[A-Z0-9_]+)+\s*\}\}"
)
_UPPERCASE_OUTPUT = re.compile(r"\{\{\s*[A-Z]")
"""How every match of DOC_PLACEHOLDER's second branch starts."""
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
    """Report what the text alone shows; return the names the template assigns.

    Runs on every template, so each check is skipped when a cheap test shows it cannot
    fire: a markup's text is a slice of ``source``, so an ASCII source (or one without
    typographic quotes) has no typographic quote in any markup, and no attribute
    reference without ``${``.
    """
    facts = SourceFacts(markups=markups(source, tokens))
    curly = not source.isascii() and any(quote in source for quote in _CURLY_QUOTE_CHARS)
    assigned = facts.assigned
    for markup in facts.markups:
        name = markup.name
        if curly:
            _curly_quotes(markup, reporter)
        if "${" in markup.text:
            _attributes(markup, reporter)
        if name in CONDITION_TAGS:
            _filter_in_condition(markup, reporter)
            check_symbolic_operators(markup, reporter)
        elif name == "abort_message":
            _abort_reason(markup, reporter)
        elif name == "connected_content":
            check_url(markup.text, markup.start, reporter, connected_content=True)
            _secrets_in_markup(markup, reporter)
        if name in _ASSIGNING_NAMES:
            _collect_assigned(markup, assigned)
    _placeholders(source, reporter)
    check_html_comments(source, reporter)
    check_bare_attributes(facts.markups, assigned, reporter)
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


def _curly_quotes(markup: Markup, reporter: Reporter) -> None:
    found = CURLY_QUOTES.search(markup.text)
    if found:
        straight = '"' if found.group() in "\u201c\u201d" else "'"
        reporter.at_offset(
            "BL004",
            markup.start + found.start(),
            f"typographic quote {found.group()} in a Liquid "
            f"{'output' if markup.name == 'output' else 'tag'}",
            hint=f"replace it with a straight quote {straight}",
        )


def _attributes(markup: Markup, reporter: Reporter) -> None:
    for found in ATTRIBUTE.finditer(markup.text):
        before = markup.text[: found.start()].rstrip()
        if before.endswith((".", "[")):
            continue  # custom_attribute.${x}, event_properties.${x}, ...
        name = found.group(1)
        if name in STANDARD_ATTRIBUTES:
            continue
        close = difflib.get_close_matches(name, sorted(STANDARD_ATTRIBUTES), n=1, cutoff=0.7)
        hint = (
            f"did you mean ${{{close[0]}}}?"
            if close
            else f"custom attributes are read as {{{{custom_attribute.${{{name}}}}}}}"
        )
        reporter.at_offset(
            "BL201",
            markup.start + found.start(),
            f"${{{name}}} is not a Braze standard attribute; it renders empty for every user",
            end=markup.start + found.end(),
            hint=hint,
        )


def _filter_in_condition(markup: Markup, reporter: Reporter) -> None:
    pipe = _unquoted_index(markup.text.replace("||", "  "), "|")  # `||` is BL005's
    if pipe < 0:
        return
    reporter.at_offset(
        "BL206",
        markup.start + pipe,
        f"filters are not allowed in {_article(markup.name)} '{markup.name}' condition",
        hint="assign the filtered value first: {% assign n = list | size %}{% if n > 3 %}",
    )


def _abort_reason(markup: Markup, reporter: Reporter) -> None:
    text = markup.text.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    if not text or re.fullmatch(r"'[^']*'|\"[^\"]*\"", text):
        return
    start = markup.start + markup.text.find(text)
    reporter.at_offset(
        "BL106",
        start,
        f"abort_message reason {text!r} is not a quoted string",
        end=start + len(text),
        hint=f"quote it: {{% abort_message('{text}') %}}",
    )


def check_url(markup: str, start: int, reporter: Reporter, *, connected_content: bool) -> None:
    """Plain http, odd ports and unescaped query values in a URL (tag markup or webhook)."""
    url = CC_OPTION.split(markup, maxsplit=1)[0].strip() if connected_content else markup
    offset = start + markup.find(url) if url else start
    what = "Connected Content" if connected_content else "webhook"
    if url.lower().startswith("http://"):
        reporter.at_offset(
            "BL104",
            offset,
            f"{what} URL uses plain http",
            end=offset + 7,
            hint="use https:// so user data is encrypted in transit",
        )
    port = re.match(r"https?://[^/:{}?#]+:(\d+)", url, re.I)
    if port and port.group(1) not in ("80", "443"):
        reporter.at_offset(
            "BL104",
            offset + port.start(1),
            f"{what} URL uses port {port.group(1)}; Braze only connects to ports 80 and 443",
            end=offset + port.end(1),
            hint="serve the API on 443 (https) or 80",
        )
    _userinfo(url, offset, reporter)
    query = url.find("?")
    if query < 0:
        return
    for found in OUTPUT_IN_TEXT.finditer(url, query):
        if not any(name in found.group() for name in ESCAPING_FILTERS):
            reporter.at_offset(
                "BL105",
                offset + found.start(),
                "Liquid value in the query string is not URL-escaped",
                end=offset + found.end(),
                hint=f"add a filter: {_with_filter(found.group(), 'url_param_escape')}",
            )
    for found in SECRET_QUERY.finditer(url):
        reporter.at_offset(
            "BL103",
            offset + found.start(2),
            f"the URL carries a literal '{found.group(1)}'",
            end=offset + found.end(2),
            hint="store it as a Connected Content credential and use :auth_credentials"
            if connected_content
            else "keep secrets out of the template: pass them in a header",
        )


def _userinfo(url: str, offset: int, reporter: Reporter) -> None:
    found = URL_USERINFO.search(url)
    if found:
        reporter.at_offset(
            "BL103",
            offset + found.start() + 3,
            "user name and password written into the URL",
            end=offset + found.end(),
            hint="use :basic_auth with a credential stored in Braze",
        )


def _secrets_in_markup(markup: Markup, reporter: Reporter) -> None:
    text = markup.text
    headers = text.find(":headers")
    if headers >= 0:
        for found in SECRET_HEADER.finditer(text, headers):
            value = re.sub(r"^(basic|bearer|token)\s+", "", found.group(2).strip(), flags=re.I)
            if len(value) >= 8:
                reporter.at_offset(
                    "BL103",
                    markup.start + found.start(2),
                    f"literal credential in the '{found.group(1)}' header",
                    end=markup.start + found.end(2),
                    hint="use :basic_auth or :auth_credentials with a credential stored in Braze",
                )
    body = text.find(":body")
    if body >= 0:
        for found in SECRET_BODY.finditer(text, body):
            reporter.at_offset(
                "BL103",
                markup.start + found.start(2),
                f"literal '{found.group(1)}' in the request body",
                end=markup.start + found.end(2),
                hint="use :auth_credentials with a credential stored in Braze",
            )


def _placeholders(source: str, reporter: Reporter) -> None:
    if "YOUR" not in source and not _UPPERCASE_OUTPUT.search(source):
        return  # every DOC_PLACEHOLDER match has one or the other; this scan is ~20x cheaper
    for found in DOC_PLACEHOLDER.finditer(source):
        reporter.at_offset(
            "BL408",
            found.start(),
            f"documentation placeholder {found.group()!r} was never replaced",
            end=found.end(),
            hint="put the real value here (or a variable you assign)",
        )


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


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _unquoted_index(text: str, char: str) -> int:
    index = text.find(char)
    if index < 0 or (text.find("'", 0, index) < 0 and text.find('"', 0, index) < 0):
        return index  # not there at all, or no quote before it
    quote = ""
    for index, current in enumerate(text):
        if quote:
            if current == quote:
                quote = ""
        elif current in "'\"":
            quote = current
        elif current == char:
            return index
    return -1


def _with_filter(output: str, filter_name: str) -> str:
    inner = output[2:-2].strip() if not output.endswith("}}}") else output[2:-2]
    return f"{{{{{inner} | {filter_name}}}}}"
