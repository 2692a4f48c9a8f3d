"""A Braze-aware template lexer that keeps every position in the original text.

python-liquid's own lexer ends an output statement at the first ``}}`` and its
expression tokenizer has no ``$``, so ``{{${first_name}}}`` and
``{% if {{${user_id}}} %}`` are syntax errors there. This lexer produces the same
tokens as python-liquid's for standard Liquid, with three differences:

1. output statements nest: ``{{${x}}}`` and ``{{ a | plus: {{b}} }}`` are one statement;
2. inside expressions (never in template text, never inside quoted strings) Braze syntax
   is rewritten to plain Liquid *of the same length*: ``${first_name}`` becomes
   ``  first_name ``, ``.${Brands Viewed}`` becomes ``["Brands Viewed"]`` and a nested
   ``{{``/``}}`` becomes two spaces;
3. the expressions of raw-argument tags (``connected_content``, ``abort_message``, ...)
   are passed through untouched for the tag to scan itself.

Tokens carry the original source and original offsets, and python-liquid positions every
sub-token as ``parent.start_index + offset``, so every error lands on the exact line and
column the user wrote, with no offset map.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from liquid.exceptions import LiquidSyntaxError
from liquid.token import (
    TOKEN_COMMENT,
    TOKEN_CONTENT,
    TOKEN_DOC,
    TOKEN_EOF,
    TOKEN_EXPRESSION,
    TOKEN_OUTPUT,
    TOKEN_TAG,
    Token,
)

RAW_ARGUMENT_TAGS = frozenset(
    {
        "#",
        "abort_message",
        "catalog_items",
        "catalog_selection_items",
        "connected_content",
        "message_extras",
        "promotion",
    }
)
"""Tags whose markup is scanned by the tag itself rather than rewritten here."""

_RAW = re.compile(
    r"\{%-?\s*raw\s*(?P<rsr>-?)%\}(?P<raw>.*?)\{%-?\s*endraw\s*(?P<rsr_e>-?)%\}", re.S
)
_DOC = re.compile(r"\{%-?\s*doc\s*(?P<lsd>-?)%\}(?P<doc>.*?)\{%-?\s*enddoc\s*(?P<rsd>-?)%\}", re.S)
_TAG = re.compile(
    r"\{%-?\s*(?P<name>#|\w+)\s*(?P<expr>(?:(?!-?%\})[\s\S])*(?<!\s))\s*(?P<rst>-?)%\}", re.S
)
_CONTENT = re.compile(r".+?(?=((\{%|\{\{)(?P<rstrip>-?))|$)", re.S)
_OUTPUT_SPECIAL = re.compile(r"\$\{|\{\{|\}\}|['\"]")
_EXPRESSION_SPECIAL = re.compile(r"\$\{|\{\{|\}\}|['\"\[\]]")
_IDENTIFIER_PATH = re.compile(r"[\w-]+(?:\.[\w-]+|\[-?\d+\])*\??")
_WHITESPACE = " \t\r\n"
_BORROWABLE = " \t"
"""Blanks a bare ``${odd name}`` may take over; never a line break, so lines stay put."""


class BrazeLexer:
    """Tokenizes Braze Liquid into python-liquid tokens. Stateless and thread-safe."""

    def __init__(self, *, max_bracket_depth: int = 30) -> None:
        self.max_bracket_depth = max_bracket_depth

    def __call__(self, source: str) -> Iterator[Token]:
        return self.tokenize(source)

    def tokenize(self, source: str, start: int = 0, end: Optional[int] = None) -> Iterator[Token]:
        """Tokenize ``source[start:end]``; positions stay relative to all of ``source``."""
        end = len(source) if end is None else end
        pos = start
        lstrip = False
        comment_depth = 0
        comment_start = 0
        comment_text: list[str] = []

        while pos < end:
            kind, match_end, payload = self._next_markup(source, pos, end)

            if comment_depth:
                if kind == "TAG":
                    assert isinstance(payload, re.Match)
                    name = payload.group("name")
                    if name == "endcomment":
                        comment_depth -= 1
                        if not comment_depth:
                            yield Token(TOKEN_COMMENT, "".join(comment_text), comment_start, source)
                            comment_text.clear()
                            yield Token(TOKEN_TAG, name, payload.start("name"), source)
                            lstrip = bool(payload.group("rst"))
                            pos = match_end
                            continue
                    elif name == "comment":
                        comment_depth += 1
                comment_text.append(source[pos:match_end])
                pos = match_end
                continue

            if kind == "OUTPUT":
                assert isinstance(payload, tuple)
                stmt_start, stmt_end, rstrip_mark = payload
                if source.startswith("{%", stmt_start) and source.endswith("%}", 0, stmt_end):
                    # Braze's docs wrap tags in output braces: {{ {% connected_content … %} }}
                    yield from self.tokenize(source, stmt_start, stmt_end)
                    lstrip = rstrip_mark
                    pos = match_end
                    continue
                yield Token(TOKEN_OUTPUT, source[pos:match_end], pos, source)
                yield Token(
                    TOKEN_EXPRESSION,
                    self.rewrite(source, stmt_start, stmt_end),
                    stmt_start,
                    source,
                )
                lstrip = rstrip_mark
            elif kind == "TAG":
                assert isinstance(payload, re.Match)
                name = payload.group("name")
                yield Token(TOKEN_TAG, name, payload.start("name"), source)
                lstrip = bool(payload.group("rst"))
                if payload.group("expr"):
                    expr_start, expr_end = payload.span("expr")
                    value = (
                        source[expr_start:expr_end]
                        if name in RAW_ARGUMENT_TAGS
                        else self.rewrite(source, expr_start, expr_end)
                    )
                    yield Token(TOKEN_EXPRESSION, value, expr_start, source)
                if name == "comment":
                    comment_start = match_end
                    comment_depth = 1
            elif kind == "RAW":
                assert isinstance(payload, re.Match)
                yield Token(TOKEN_CONTENT, payload.group("raw"), pos, source)
                lstrip = bool(payload.group("rsr"))
            elif kind == "DOC":
                assert isinstance(payload, re.Match)
                yield Token(TOKEN_DOC, payload.group("doc"), pos, source)
                lstrip = bool(payload.group("rsd"))
            else:
                assert isinstance(payload, re.Match)
                value = payload.group()
                if lstrip:
                    value = value.lstrip()
                if payload.group("rstrip"):
                    value = value.rstrip()
                if value:
                    if value.startswith("{{"):
                        raise LiquidSyntaxError(
                            "expected '}}', found end of file",
                            token=Token(TOKEN_EOF, payload.group(), pos, source),
                        )
                    if value.startswith("{%"):
                        raise LiquidSyntaxError(
                            "missing tag name or closing delimiter",
                            token=Token(TOKEN_EOF, payload.group(), pos, source),
                        )
                    yield Token(TOKEN_CONTENT, value, pos, source)
            pos = match_end

    def _next_markup(
        self, source: str, pos: int, end: int
    ) -> tuple[str, int, re.Match[str] | tuple[int, int, bool]]:
        """Match the token starting at ``pos``, trying rules in python-liquid's order."""
        if source.startswith("{%", pos):
            for kind, rule in (("RAW", _RAW), ("DOC", _DOC)):
                found = rule.match(source, pos, end)
                if found:
                    return kind, found.end(), found
        elif source.startswith("{{", pos):
            output = self._match_output(source, pos, end)
            if output is not None:
                match_end, stmt_start, stmt_end, rstrip_mark = output
                return "OUTPUT", match_end, (stmt_start, stmt_end, rstrip_mark)
        if source.startswith("{%", pos):
            found = _TAG.match(source, pos, end)
            if found:
                return "TAG", found.end(), found
        content = _CONTENT.match(source, pos, end)
        assert content is not None
        return "CONTENT", content.end(), content

    @staticmethod
    def _match_output(source: str, pos: int, end: int) -> Optional[tuple[int, int, int, bool]]:
        """Find the ``}}`` closing the output statement at ``pos``, counting nested ``{{``.

        ``${…}`` is atomic and a ``{{`` inside a quoted string does not nest, but a ``}}``
        inside a string still closes the statement, as in python-liquid.
        Returns (end of match, statement start, statement end, right-strip flag).
        """
        index = pos + 2
        if source.startswith("-", index):
            index += 1
        after_open = index
        while index < end and source[index] in _WHITESPACE:
            index += 1
        stmt_start = index
        depth = 1
        quote = ""
        while True:
            found = _OUTPUT_SPECIAL.search(source, index, end)
            if found is None:
                return None
            token = found.group()
            index = found.end()
            if token == "}}":
                depth -= 1
                if depth == 0:
                    close = found.start()
                    break
            elif quote:
                if token == quote:
                    quote = ""
            elif token in ("'", '"'):
                quote = token
            elif token == "${":
                closing = source.find("}", index, end)
                if closing < 0:
                    return None
                index = closing + 1
            else:
                depth += 1
        rstrip_mark = close > stmt_start and source[close - 1] == "-"
        stmt_end = close - 1 if rstrip_mark else close
        while stmt_end > stmt_start and source[stmt_end - 1] in _WHITESPACE:
            stmt_end -= 1
        if stmt_end <= stmt_start:
            # an empty statement sits right after the opening delimiter, as in python-liquid
            stmt_start = stmt_end = after_open
        return close + 2, stmt_start, stmt_end, rstrip_mark

    def rewrite(self, source: str, start: int, end: int) -> str:
        """Rewrite Braze syntax in ``source[start:end]`` to plain Liquid of the same length."""
        text = source[start:end]
        if "$" not in text and "{" not in text and "}" not in text and "[" not in text:
            return text
        out: list[str] = []
        index = 0
        depth = 0
        while True:
            found = _EXPRESSION_SPECIAL.search(text, index)
            if found is None:
                out.append(text[index:])
                return "".join(out)
            out.append(text[index : found.start()])
            token = found.group()
            index = found.end()
            if token in ("'", '"'):
                closing = text.find(token, index)
                index = len(text) if closing < 0 else closing + 1
                out.append(text[found.start() : index])
            elif token in ("{{", "}}"):
                out.append("  ")
            elif token == "[":
                depth += 1
                if depth > self.max_bracket_depth:
                    raise LiquidSyntaxError(
                        f"brackets nested deeper than the nesting_depth limit "
                        f"({self.max_bracket_depth})",
                        token=Token(TOKEN_EXPRESSION, "[", start + found.start(), source),
                    )
                out.append("[")
            elif token == "]":
                depth = max(depth - 1, 0)
                out.append("]")
            else:
                index = self._rewrite_attribute(source, start, text, found.start(), out)

    @staticmethod
    def _rewrite_attribute(source: str, offset: int, text: str, dollar: int, out: list[str]) -> int:
        """Rewrite the ``${name}`` at ``text[dollar]``; return the index after it."""
        closing = text.find("}", dollar + 2)
        if closing < 0:
            raise LiquidSyntaxError(
                "unclosed '${': attribute references look like ${first_name}",
                token=Token(TOKEN_EXPRESSION, "${", offset + dollar, source),
            )
        name = text[dollar + 2 : closing]
        if not name.strip():
            raise LiquidSyntaxError(
                "empty attribute name in '${}'",
                token=Token(TOKEN_EXPRESSION, "${}", offset + dollar, source),
            )
        after = closing + 1
        dotted = dollar > 0 and text[dollar - 1] == "."
        if _IDENTIFIER_PATH.fullmatch(name.strip()):
            # `${first_name}` -> `  first_name `; `.${meta}` keeps its dot
            out.append("  " + name + " ")
            return after
        quote = '"' if '"' not in name else "'"
        if quote in name:
            raise LiquidSyntaxError(
                "attribute names cannot contain both ' and \"",
                token=Token(TOKEN_EXPRESSION, text[dollar:after], offset + dollar, source),
            )
        if dotted:
            # `.${Brands Viewed}` -> `["Brands Viewed"]`: same length
            while not out[-1]:
                out.pop()
            out[-1] = out[-1][:-1]
            out.append("[" + quote + name + quote + "]")
            return after
        # A bare `${odd name}` needs one more character than it has. Borrow a blank so
        # later positions stay exact: one inside the braces (`${ a b }`, trimmed as
        # Braze does), else a space or tab after it, else one before it. Only a name with
        # no blank on any side (`{{${a b}|upcase}}`) grows by one character.
        stripped = name.strip(_WHITESPACE)
        if stripped != name:
            spare = len(name) - len(stripped) - 1
            out.append("[" + quote + stripped + quote + "]" + " " * spare)
            return after
        out.append("[" + quote + name + quote + "]")
        if after < len(text) and text[after] in _BORROWABLE:
            return after + 1
        previous = len(out) - 2
        while previous >= 0 and not out[previous]:
            previous -= 1
        if previous >= 0 and out[previous][-1] in _BORROWABLE:
            out[previous] = out[previous][:-1]
        return after
