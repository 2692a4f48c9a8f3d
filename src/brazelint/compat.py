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


def wrap_tag_parse(
    tag: Tag, wrapper: Callable[[Callable[[TokenStream], Node]], Callable[[TokenStream], Node]]
) -> None:
    """Replace ``tag``'s ``parse`` by ``wrapper(parse)``: python-liquid gives a tag no hook
    around its parse, and brazelint fixes the positions of the errors it raises there
    (``engine/environment.py``)."""
    setattr(tag, "parse", wrapper(tag.parse))  # noqa: B010
