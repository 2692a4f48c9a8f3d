"""The one door to python-liquid's insides.

Everywhere else brazelint extends python-liquid through what it offers for that
(``Environment``, ``Tag``, ``RenderContext``, ``TokenStream``, its node and expression
classes). What needs more (a private table, a class swapped on a parsed node, a tag's
``parse`` wrapped) is here, each behind one small function, so a python-liquid release that
changes them breaks this module alone. A version nobody tested refuses to run
(:func:`check_liquid_version`) instead of misbehaving.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, NamedTuple

import liquid
from liquid.builtin.expressions import _tokenize as liquid_tokenizer
from liquid.exceptions import LiquidError
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, Token

from brazelint.errors import BrazelintError

if TYPE_CHECKING:
    from liquid.ast import Node
    from liquid.stream import TokenStream
    from liquid.tag import Tag

TESTED_LIQUID_VERSIONS = ("2.3.6",)
"""The python-liquid releases the test suite passed on (pyproject.toml pins the same)."""


class UnsupportedDependency(BrazelintError):
    """An installed dependency is a release brazelint was not tested with."""


def check_liquid_version(found: str) -> None:
    """Refuse a python-liquid release outside :data:`TESTED_LIQUID_VERSIONS`.

    brazelint relies on the internals below; on another release they may still import and
    quietly do something else, so an untested release is one clear error instead.
    """
    if found in TESTED_LIQUID_VERSIONS:
        return
    tested = ", ".join(TESTED_LIQUID_VERSIONS)
    raise UnsupportedDependency(
        f"python-liquid {found} is installed, but brazelint is tested with python-liquid "
        f"{tested} only",
        hint=f"pip install 'python-liquid=={TESTED_LIQUID_VERSIONS[-1]}'",
    )


check_liquid_version(liquid.__version__)


class ExpressionTokenizer(NamedTuple):
    """python-liquid's expression tokenizer, as the table it is built from."""

    rules: tuple[tuple[str, str], ...]
    """(token kind, pattern) in the order its combined pattern tries them."""
    keywords: frozenset[str]
    """Words that are their own token kind (``and``, ``contains``, ``limit``, ...)."""
    identifier_pattern: str
    group_quoted: str
    """The pattern group holding a string literal's text (without its quotes)."""
    group_identindex: str
    """The group holding the index of ``[0]``."""
    group_identquoted: str
    """The group holding the key of ``["key"]``."""


def expression_tokenizer() -> ExpressionTokenizer:
    """The table behind python-liquid's expression tokenizer (its private ``_tokenize``).

    :mod:`brazelint.engine.expression_tokens` tokenizes expressions the same way, rule for
    rule, and remembers the result by text; it needs the same rules and keywords.
    """
    return ExpressionTokenizer(
        rules=tuple(liquid_tokenizer._rules),
        keywords=frozenset(liquid_tokenizer._keywords),
        identifier_pattern=liquid_tokenizer.IDENTIFIER_PATTERN,
        group_quoted=liquid_tokenizer.GROUP_QUOTED,
        group_identindex=liquid_tokenizer.GROUP_IDENTINDEX,
        group_identquoted=liquid_tokenizer.GROUP_IDENTQUOTED,
    )


def retype(node: object, subclass: type) -> None:
    """Make a parsed node an instance of ``subclass`` of its own class, in place.

    python-liquid's parser builds its nodes and expressions itself, with no say in their
    class, and the objects holding them differ from node to node; swapping the class keeps
    every reference valid. ``subclass`` derives from the node's exact class and adds no
    fields (``__slots__ = ()``), so the object's layout stays what python-liquid made.
    """
    if subclass.__base__ is not type(node) or subclass.__dict__.get("__slots__") != ():
        raise TypeError(f"{subclass.__name__} cannot stand in for {type(node).__name__}")
    node.__class__ = subclass


def anchor_parse_errors(tag: Tag) -> None:
    """Give "end of expression" errors from ``tag``'s parse the position where it ends.

    python-liquid's inner token streams end with a token at index -1, so ``{{ x | }}`` or
    ``{% if a == %}`` would otherwise be reported with no line at all; and a block that is
    never closed is reported at the tag that opened it. The tag's ``parse`` is wrapped.
    """
    parse = tag.parse
    setattr(tag, "parse", _anchored(parse))  # noqa: B010


def _anchored(parse: Callable[[TokenStream], Node]) -> Callable[[TokenStream], Node]:
    def parse_anchored(stream: TokenStream) -> Node:
        tag = stream.current
        markup = stream.peek if stream.peek.kind == TOKEN_EXPRESSION else tag
        try:
            return parse(stream)
        except LiquidError as err:
            if err.token is not None and err.token.start_index < 0 and tag.start_index >= 0:
                if str(err.message).startswith("expected tag end"):
                    err.token = tag  # the block that was never closed
                else:
                    index = markup.start_index + len(markup.value)
                    err.token = Token(TOKEN_EOF, " ", index, markup.source)
            raise

    return parse_anchored
