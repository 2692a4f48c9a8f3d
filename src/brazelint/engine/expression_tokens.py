"""Expression tokens, remembered by their text.

python-liquid tokenizes every markup expression from scratch, building each token as a
named tuple from keyword arguments; that is a third of the time it takes to parse a
template. Projects repeat expressions (``${first_name} | default: 'there'``) within a
template and across templates, so the tokens of an expression are worked out once, as
offsets, and later copies only move them to where the expression stands.

The tokenizing itself follows python-liquid's own, rule for rule, with its patterns and
keyword table (read through :func:`brazelint.compat.expression_tokenizer`: they are private).
An expression it refuses is never remembered: python-liquid's tokenizer runs on it at its
real position, so the error and its position are exactly python-liquid's.

What it buys, measured against python-liquid's own tokenizer (cachegrind instruction
counts, so the shared machine's load does not blur them; ``brazelint lint --no-cache --jobs
1`` over 60-template trees of bench/generate_tree.py, less a one-file lint): 8% of the work
per template on the default tree, 14% on the few-profiles tree.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, Union

from liquid.exceptions import LiquidSyntaxError
from liquid.stream import TokenStream
from liquid.token import (
    TOKEN_EOF,
    TOKEN_EXPRESSION,
    TOKEN_IDENTINDEX,
    TOKEN_IDENTSTRING,
    TOKEN_ILLEGAL,
    TOKEN_LPAREN,
    TOKEN_RANGE_LITERAL,
    TOKEN_SKIP,
    TOKEN_STRING,
    TOKEN_TAG,
    TOKEN_WORD,
    Token,
    operators,
)

from brazelint.compat import expression_tokenizer
from brazelint.engine.kinded import KindedSyntaxError
from brazelint.errors import ErrorKind

CACHE_LIMIT = 2048
"""Distinct expressions remembered (about 1.5 MB); the table is dropped when full.

Repeats are mostly near each other (within a template, or a snippet shared by the
templates of one campaign): on the benchmark tree, a table twenty times larger saves only
one tokenizing in twenty."""

Shapes = tuple[tuple[str, str, int], ...]
"""An expression's tokens as (kind, value, offset into the expression)."""

_shapes: dict[str, Shapes] = {}
_new_token = tuple.__new__

_LIQUID = expression_tokenizer()
_NAME = "name"
"""A word that starts with a letter or underscore: python-liquid's ``word``, tried early."""


def _reordered_rules() -> re.Pattern[str]:
    """python-liquid's expression pattern with two rules moved to the front.

    Python's ``re`` tries the alternatives of a pattern one by one, so blanks, the most
    common match, were tried against 18 rules before their own, and names against 8; the
    pattern now matches 40% faster. Moving them changes no match, because no earlier rule
    can match where they start. Blanks (space, tab, CR, LF) begin no other token. A name
    starts with a word character that is not a digit, and the rules before python-liquid's
    ``word`` start with a bracket, a quote, a dot, a minus sign or a digit. Words that
    start with a digit (``2nd``) are still matched in python-liquid's order.
    """
    rules = dict(_LIQUID.rules)
    # python-liquid's range rule, ``\((?=.+?\.\.)``, scans ahead from every "(" for a "..",
    # quadratic in nested parentheses; the lookahead is decided in _shapes_of instead
    rules[TOKEN_RANGE_LITERAL] = r"\("
    skip = rules.pop(TOKEN_SKIP)
    name = r"[^\W\d]" + _LIQUID.identifier_pattern.removeprefix(r"\w")
    alternatives = [(TOKEN_SKIP, skip), (_NAME, name), *rules.items()]
    return re.compile("|".join(f"(?P<{kind}>{rule})" for kind, rule in alternatives), re.DOTALL)


_RULES = _reordered_rules()


def expression_tokens(token: Token) -> list[Token]:
    """The tokens of expression ``token``, positioned in its source, as python-liquid's
    tokenizer gives them; raises python-liquid's ``LiquidSyntaxError`` the same way."""
    text = token.value
    shapes = _shapes.get(text)
    if shapes is None:
        found = _shapes_of(text)
        if isinstance(found, Refused):  # python-liquid's error, at its real position
            kind, value, offset = found
            at = token.start_index + offset
            if kind == "OP":
                raise LiquidSyntaxError(
                    f"unknown operator {value!r}", token=Token(kind, value, at, token.source)
                )
            raise KindedSyntaxError(
                f"unexpected {value!r}",
                token=Token(kind, value, at, token.source),
                kind=ErrorKind.UNEXPECTED_CHARACTER,
                subject=value,
            )
        if len(_shapes) >= CACHE_LIMIT:
            _shapes.clear()
        _shapes[text] = shapes = found
    start, source = token.start_index, token.source
    return [
        _new_token(Token, (kind, value, start + offset, source)) for kind, value, offset in shapes
    ]


class Refused(tuple[str, str, int]):
    """Where python-liquid's tokenizer raises: (``OP`` or ``illegal``, the text, offset)."""


def _shapes_of(text: str) -> Union[Shapes, Refused]:
    """python-liquid's expression tokenizer, step for step, without building tokens;
    ``Refused`` where it would raise (an unknown operator or an illegal character)."""
    keywords = _LIQUID.keywords
    shapes = []
    last_range = text.rfind("..")
    for match in _RULES.finditer(text):
        kind = match.lastgroup
        if kind == TOKEN_SKIP:
            continue
        value = match.group()
        if kind == TOKEN_RANGE_LITERAL:
            # python-liquid's lookahead: at least one character, then "..", after the "("
            if last_range < match.start() + 2:
                kind = TOKEN_LPAREN
        elif kind in (_NAME, TOKEN_WORD):
            kind = value if value in keywords else TOKEN_WORD
        elif kind == TOKEN_STRING:
            value = match.group(_LIQUID.group_quoted)
        elif kind == TOKEN_IDENTINDEX:
            value = match.group(_LIQUID.group_identindex)
        elif kind == TOKEN_IDENTSTRING:
            value = match.group(_LIQUID.group_identquoted)
        elif kind == "OP":
            kind = operators.get(value)
            if kind is None:
                return Refused(("OP", value, match.start()))
        elif kind == TOKEN_ILLEGAL or kind is None:
            return Refused((TOKEN_ILLEGAL, value, match.start()))
        shapes.append((kind, value, match.start()))
    return tuple(shapes)


class BrazeTokenStream(TokenStream):
    """python-liquid's token stream, whose expressions are tokenized by
    :func:`expression_tokens` (remembered by their text) instead of from scratch."""

    def __init__(self, tokens: Iterable[Token], block_depth_carry: int = 0) -> None:
        super().__init__(iter(tokens), block_depth_carry)

    def _expect(self, tok: Token, typ: str, value: Optional[str] = None) -> Token:
        if tok.kind == TOKEN_EOF and typ == TOKEN_TAG and value:
            try:
                return super()._expect(tok, typ, value)
            except LiquidSyntaxError as err:  # the template ended inside the block
                raise KindedSyntaxError(
                    str(err.message), token=tok, kind=ErrorKind.UNCLOSED_BLOCK, subject=value
                ) from None
        return super()._expect(tok, typ, value)

    def into_inner(self, *, tag: Optional[Token] = None, eat: bool = True) -> TokenStream:
        token = self.current
        if token.kind != TOKEN_EXPRESSION:
            raise LiquidSyntaxError("missing expression", token=tag or token)
        if eat:
            self.next_token()
        return BrazeTokenStream(expression_tokens(token))
