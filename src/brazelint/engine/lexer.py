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
   are passed through untouched for the tag to scan itself;
4. a loop keyword used as a name (``{% assign limit = 5 %}``, ``limit: limit``) is
   respelled so that python-liquid reads a name (see ``keywords``);
5. what Ruby's lax parser ignores in a condition (``&& …``, ``| filter …``) or in an
   ``assign`` (a comparison) is blanked out (see ``lax_conditions``);
6. HTML comments (``<!-- … -->``) are skipped, Liquid and all: Braze removes them
   before it reads any Liquid.

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

from brazelint.engine.html_comments import HTML_COMMENT
from brazelint.engine.keywords import LOOP_TAGS, mark_liquid_lines, mark_names
from brazelint.engine.kinded import KindedSyntaxError
from brazelint.engine.lax_conditions import (
    LAX_CONDITION_TAGS,
    lax_assignment,
    lax_condition,
    needs_lax_assignment,
    needs_lax_reading,
)
from brazelint.errors import ErrorKind

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
_TAG_START = re.compile(r"\{%-?\s*(#|\w+)\s*")
"""A tag's opening delimiter, name and blanks; ``_match_tag`` finds the rest with ``str.find``."""
_MARKUP_START = re.compile(r"\{[{%]")
"""Where a content token ends: at the next ``{{`` or ``{%`` (see ``tokenize``)."""
_SIMPLE_OUTPUT = re.compile(r"\{\{(-?)([^{}'\"$]*(?:(?:\$\{[^}]*\}|\$(?!\{))[^{}'\"$]*)*)\}\}")
"""An output statement with no braces or quotes outside ``${…}``, so nothing nests and the
first ``}}`` closes it: most of them. Unrolled (``a*(?:b a*)*``) so a failed match costs
linear time; a lazy ``*?`` between blank runs would backtrack cubically on ``{{`` + blanks."""
_OUTPUT_SPECIAL = re.compile(r"\$\{|\{\{|\}\}|['\"]")
_EXPRESSION_PART = re.compile(r"""\$\{[^}]*\}?|'[^']*'?|"[^"]*"?|\{\{?|\}\}?|[\[\]]""")
"""What ``rewrite`` looks at: ``${…}`` (up to the next ``}``), a quoted string (to its
closing quote or the end), a nested ``{{``/``}}`` or a stray ``{``/``}`` (Ruby's lax
parser skips them in a name: ``{{${last_used_app_date}} | date: "%s"``) and brackets.
Every part starts with a different character, so the leftmost part is the only one that
can match there."""
_IDENTIFIER_PATH = re.compile(r"[\w-]+(?:\.[\w-]+|\[-?\d+\])*\??")
_WHITESPACE = " \t\r\n"
_BORROWABLE = " \t"
"""Blanks a bare ``${odd name}`` may take over; never a line break, so lines stay put."""

_new_token = tuple.__new__
"""``_new_token(Token, (kind, value, start, source))`` builds the same ``Token`` as
``Token(kind, value, start, source)`` without the Python-level ``__new__`` NamedTuple
generates: one frame less per token, and the lexer makes dozens per template."""

_TagMatch = tuple[str, int, int, str, bool, int]
"""(name, name start, expression start, expression text, right-strip flag, match end)."""


def _find_output_close(source: str, index: int, end: int) -> int:
    """Where the ``}}`` closing an output statement whose markup starts at ``index`` is.

    Nested ``{{`` count, ``${…}`` is atomic and a ``{{`` inside a quoted string does not
    nest, but a ``}}`` inside a string still closes the statement, as in python-liquid.
    Returns -1 when the statement is not closed.
    """
    depth = 1
    quote = ""
    while True:
        found = _OUTPUT_SPECIAL.search(source, index, end)
        if found is None:
            return -1
        token = found.group()
        index = found.end()
        if token == "}}":
            depth -= 1
            if depth == 0:
                return found.start()
        elif quote:
            if token == quote:
                quote = ""
        elif token in ("'", '"'):
            quote = token
        elif token == "${":
            closing = source.find("}", index, end)
            if closing < 0:
                return -1
            index = closing + 1
        else:
            depth += 1


class BrazeLexer:
    """Tokenizes Braze Liquid into python-liquid tokens. Stateless and thread-safe."""

    def __init__(self, *, max_bracket_depth: int = 30) -> None:
        self.max_bracket_depth = max_bracket_depth

    def __call__(self, source: str) -> Iterator[Token]:
        return self.tokenize(source)

    def tokenize(self, source: str, start: int = 0, end: Optional[int] = None) -> Iterator[Token]:
        """Tokenize ``source[start:end]``; positions stay relative to all of ``source``.

        HTML comments are left out: the text between them is tokenized piece by piece,
        so nothing inside a comment prints, runs or calls out, as in Braze.
        """
        end = len(source) if end is None else end
        if source.find("<!--", start, end) < 0:
            return self._tokenize(source, start, end)
        return self._tokenize_around_comments(source, start, end)

    def _tokenize_around_comments(self, source: str, start: int, end: int) -> Iterator[Token]:
        for comment in HTML_COMMENT.finditer(source, start, end):
            yield from self._tokenize(source, start, comment.start())
            start = comment.end()
        yield from self._tokenize(source, start, end)

    def _tokenize(self, source: str, start: int, end: int) -> Iterator[Token]:
        """Tokenize ``source[start:end]`` (no HTML comment in it).

        Rules are tried in python-liquid's order: ``{% raw %}`` and ``{% doc %}`` blocks,
        output statements, tags, then content up to the next ``{{`` or ``{%``. Every rule
        is anchored at ``pos`` and bounded by ``end``.
        """
        pos = start
        lstrip = False
        # hoisted: this loop runs once per token
        new = _new_token
        next_markup = _MARKUP_START.search
        match_tag = self._match_tag
        match_output = self._match_output
        rewrite = self._rewrite
        while pos < end:
            opener = source[pos : pos + 2]
            if opener == "{%":
                tag = match_tag(source, pos, end)
                if tag is not None:
                    name, name_start, expr_start, expr, rstrip_mark, match_end = tag
                    if name == "raw" or name == "doc":
                        # a raw or doc block always opens with a tag of that name
                        block = (_RAW if name == "raw" else _DOC).match(source, pos, end)
                        if block is not None:
                            if name == "raw":
                                yield new(Token, (TOKEN_CONTENT, block.group("raw"), pos, source))
                                lstrip = bool(block.group("rsr"))
                            else:
                                yield new(Token, (TOKEN_DOC, block.group("doc"), pos, source))
                                lstrip = bool(block.group("rsd"))
                            pos = block.end()
                            continue
                    yield new(Token, (TOKEN_TAG, name, name_start, source))
                    lstrip = rstrip_mark
                    if expr:
                        if name not in RAW_ARGUMENT_TAGS:
                            expr = rewrite(source, expr_start, expr)
                            if name == "liquid":
                                expr = mark_liquid_lines(expr)
                            else:
                                expr = mark_names(expr, loop=name in LOOP_TAGS)
                                if name in LAX_CONDITION_TAGS and needs_lax_reading(expr):
                                    expr = lax_condition(expr)
                                elif name == "assign" and needs_lax_assignment(expr):
                                    expr = lax_assignment(expr)
                        yield new(Token, (TOKEN_EXPRESSION, expr, expr_start, source))
                    pos = match_end
                    if name == "comment":
                        closing = self._find_endcomment(source, pos, end)
                        if closing is None:
                            return  # an unclosed comment swallows the rest, as in python-liquid
                        comment_end, name_start, lstrip, match_end = closing
                        yield new(Token, (TOKEN_COMMENT, source[pos:comment_end], pos, source))
                        yield new(Token, (TOKEN_TAG, "endcomment", name_start, source))
                        pos = match_end
                    continue
            elif opener == "{{":
                output = match_output(source, pos, end)
                if output is not None:
                    match_end, stmt_start, statement, rstrip_mark = output
                    if statement.startswith("{%") and statement.endswith("%}"):
                        # Braze's docs wrap tags in output braces: {{ {% connected_content … %} }}
                        yield from self._tokenize(source, stmt_start, stmt_start + len(statement))
                    else:
                        yield new(Token, (TOKEN_OUTPUT, source[pos:match_end], pos, source))
                        expr = mark_names(rewrite(source, stmt_start, statement, False))
                        yield new(Token, (TOKEN_EXPRESSION, expr, stmt_start, source))
                    lstrip = rstrip_mark
                    pos = match_end
                    continue

            # Content runs to the next `{{` or `{%` (at least one character, so a `{{`
            # that did not lex as markup starts a content token) or to the end. Like
            # python-liquid's `$`, the end also matches just before a final newline.
            found = next_markup(source, pos + 1, end)
            if found is None:
                match_end = end - 1 if end - 1 > pos and source[end - 1] == "\n" else end
                rstrip = False
            else:
                match_end = found.start()
                rstrip = match_end + 2 < end and source[match_end + 2] == "-"
            text = value = source[pos:match_end]
            if lstrip:
                value = value.lstrip()
            if rstrip:
                value = value.rstrip()
            if value:
                if value[0] == "{":
                    self._check_unlexed_markup(value, text, pos, source)
                yield new(Token, (TOKEN_CONTENT, value, pos, source))
            pos = match_end

    @staticmethod
    def _check_unlexed_markup(value: str, text: str, pos: int, source: str) -> None:
        """Raise python-liquid's error when content starts with a ``{{``/``{%`` that did not lex."""
        if value.startswith("{{"):
            raise KindedSyntaxError(
                "expected '}}', found end of file",
                token=Token(TOKEN_EOF, text, pos, source),
                kind=ErrorKind.UNCLOSED_OUTPUT,
            )
        if value.startswith("{%"):
            raise KindedSyntaxError(
                "missing tag name or closing delimiter",
                token=Token(TOKEN_EOF, text, pos, source),
                kind=ErrorKind.UNCLOSED_TAG,
            )

    @staticmethod
    def _match_tag(source: str, pos: int, end: int) -> Optional[_TagMatch]:
        r"""Match the tag at ``pos`` like python-liquid's tag rule, without its regex.

        That rule, ``{%-?\s*(#|\w+)\s*(?P<expr>(?:(?!-?%})[\s\S])*(?<!\s))\s*(-?)%}``,
        tests a lookahead at every character of the markup. Its expression always runs to
        the first ``%}`` after the name (less a ``-`` just before it), stripped of
        whitespace, so ``str.find`` and ``str.strip`` give the same match in C.
        """
        head = _TAG_START.match(source, pos, end)
        if head is None:
            return None
        expr_start = head.end()
        close = source.find("%}", expr_start, end)
        if close < 0:
            return None
        # a `-` there is never part of the name or the blanks after it
        rstrip_mark = source[close - 1] == "-"
        expr = source[expr_start : close - 1 if rstrip_mark else close].rstrip()
        return head.group(1), head.start(1), expr_start, expr, rstrip_mark, close + 2

    def _find_endcomment(
        self, source: str, pos: int, end: int
    ) -> Optional[tuple[int, int, bool, int]]:
        """Find the ``{% endcomment %}`` closing the comment whose text starts at ``pos``.

        The text is skipped token by token, so markup that swallows an ``endcomment``
        (a raw block, an output statement) does so here too, and nested comments count.
        Returns (start of the closing tag, start of its name, its right-strip flag, its
        end), or ``None`` when the comment is not closed.
        """
        depth = 1
        while pos < end:
            if source.startswith("{%", pos):
                tag = self._match_tag(source, pos, end)
                if tag is not None:
                    name = tag[0]
                    if name == "raw" or name == "doc":
                        block = (_RAW if name == "raw" else _DOC).match(source, pos, end)
                        if block is not None:
                            pos = block.end()
                            continue
                    elif name == "endcomment":
                        depth -= 1
                        if not depth:
                            return pos, tag[1], tag[4], tag[5]
                    elif name == "comment":
                        depth += 1
                    pos = tag[5]
                    continue
            elif source.startswith("{{", pos):
                output = self._match_output(source, pos, end)
                if output is not None:
                    pos = output[0]
                    continue
            found = _MARKUP_START.search(source, pos + 1, end)
            pos = end if found is None else found.start()
        return None

    @staticmethod
    def _match_output(source: str, pos: int, end: int) -> Optional[tuple[int, int, str, bool]]:
        """Match the output statement at ``pos``, up to the ``}}`` that closes it.

        Returns (end of match, statement start, statement, right-strip flag): the
        statement is what lies between the delimiters, less blanks and a right-strip
        ``-``; an empty one sits right after the opening delimiter, as in python-liquid.
        """
        simple = _SIMPLE_OUTPUT.match(source, pos, end)
        if simple is not None:
            after_open, close = simple.span(2)
            statement = simple.group(2)
        else:
            after_open = pos + 3 if source.startswith("-", pos + 2) else pos + 2
            close = _find_output_close(source, after_open, end)
            if close < 0:
                return None
            statement = source[after_open:close]
        statement = statement.lstrip(_WHITESPACE)
        stmt_start = close - len(statement)
        rstrip_mark = statement.endswith("-")
        if rstrip_mark:
            statement = statement[:-1]
        statement = statement.rstrip(_WHITESPACE)
        if not statement:
            stmt_start = after_open
        return close + 2, stmt_start, statement, rstrip_mark

    def rewrite(self, source: str, start: int, end: int) -> str:
        """Rewrite Braze syntax in ``source[start:end]`` to plain Liquid of the same length."""
        return self._rewrite(source, start, source[start:end])

    def _rewrite(self, source: str, start: int, text: str, in_tag: bool = True) -> str:
        """``rewrite`` for ``text = source[start:…]``, which the caller has already cut;
        a stray ``{`` or ``}`` is blanked in a tag only (an output keeps python-liquid's
        error: where Ruby would end such an output is anyone's guess)."""
        if "$" not in text and "{" not in text and "}" not in text and "[" not in text:
            return text  # most expressions: nothing to rewrite, no bracket to count
        out: list[str] = []  # the rewritten text[:index]
        index = 0
        depth = 0
        for found in _EXPRESSION_PART.finditer(text):
            at = found.start()
            first = text[at]
            if first == "[":
                depth += 1
                if depth > self.max_bracket_depth:
                    raise KindedSyntaxError(
                        f"brackets nested deeper than the nesting_depth limit "
                        f"({self.max_bracket_depth})",
                        token=Token(TOKEN_EXPRESSION, "[", start + at, source),
                        kind=ErrorKind.LIMIT,
                    )
            elif first == "]":
                if depth:
                    depth -= 1
            elif first == "$":
                out.append(text[index:at])
                index = self._rewrite_attribute(source, start, text, at, out)
            elif (first == "{" or first == "}") and (found.end() - at == 2 or in_tag):
                out.append(text[index:at])
                index = found.end()
                out.append(" " * (index - at))
            # a quoted string is kept as it is
        out.append(text[index:])
        return "".join(out)

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
        stripped = name.strip(_WHITESPACE)
        if dotted:
            # `.${Brands Viewed}` -> `["Brands Viewed"]`: same length; the blanks around
            # the name are not part of it (`.${ zip code }` is `zip code`)
            while not out[-1]:
                out.pop()
            out[-1] = out[-1][:-1]
            spare = len(name) - len(stripped)
            out.append("[" + quote + stripped + quote + "]" + " " * spare)
            return after
        # A bare `${odd name}` needs one more character than it has. Borrow a blank so
        # later positions stay exact: one inside the braces (`${ a b }`, trimmed as
        # Braze does), else a space or tab after it, else one before it. Only a name with
        # no blank on any side (`{{${a b}|upcase}}`) grows by one character.
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
