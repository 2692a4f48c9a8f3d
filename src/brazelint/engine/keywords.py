"""Loop keywords that Liquid (and so Braze) lets a template use as names elsewhere.

python-liquid's expression tokenizer reads ``limit``, ``offset``, ``cols``, ``reversed``
and ``continue`` as keywords wherever they appear, so ``{% assign limit = 5 %}``,
``{{ page.offset }}`` and ``{{ a | default: limit }}`` are syntax errors there. Ruby
Liquid reserves them only in ``for`` and ``tablerow`` tags. Outside those tags the lexer
writes such a word with its first letter in fullwidth form (U+FF4C for the l of
``limit``): the same length, still a word to the tokenizer, but no keyword. The tree pass
puts the plain word back into every path and name, so lookups, assignments and messages
all say ``limit``.
"""

from __future__ import annotations

import re
from typing import Optional

LOOP_KEYWORDS = ("limit", "offset", "cols", "reversed", "continue")
LOOP_TAGS = frozenset({"for", "tablerow"})
"""Tags where ``limit:``, ``offset:`` and ``cols:`` are arguments, ``reversed`` a flag
and ``continue`` an offset; only ``limit``, ``offset`` and ``cols`` without a colon
after them are names there (``limit: limit``)."""

_FULLWIDTH = 0xFF41 - ord("a")  # FULLWIDTH LATIN SMALL LETTER A
_SPELLED = {word: chr(ord(word[0]) + _FULLWIDTH) + word[1:] for word in LOOP_KEYWORDS}
UNMARK = {spelled: word for word, spelled in _SPELLED.items()}
"""The spelling the lexer wrote -> the word the template has."""

_ANY = re.compile("|".join(LOOP_KEYWORDS))
_AS_NAME = re.compile(
    r"""'[^']*'?|"[^"]*"?|(?<![\w-])(""" + "|".join(LOOP_KEYWORDS) + r""")(?![\w?-]|\s*:)"""
)
"""A quoted string (skipped), or a keyword used as a name: not part of a longer word and
not followed by ``:`` (a keyword argument such as ``limit: 2`` stays one)."""
_SPELLED_IN_TEXT = re.compile("|".join(_SPELLED.values()))


def mark_names(expression: str, *, loop: bool = False) -> str:
    """``expression`` with each loop keyword used as a name respelled (same length);
    ``loop`` for the expression of a ``for`` or ``tablerow`` tag."""
    if _ANY.search(expression) is None:
        return expression
    chars: Optional[list[str]] = None
    for found in _AS_NAME.finditer(expression):
        word = found.group(1)
        if word is not None and not (loop and word in ("reversed", "continue")):
            if chars is None:
                chars = list(expression)
            chars[found.start(1)] = _SPELLED[word][0]
    return expression if chars is None else "".join(chars)


def mark_liquid_lines(expression: str) -> str:
    """``mark_names`` for the body of a ``{% liquid %}`` tag: one tag per line."""
    if _ANY.search(expression) is None:
        return expression
    lines = expression.split("\n")
    for index, line in enumerate(lines):
        words = line.split(None, 1)
        lines[index] = mark_names(line, loop=bool(words) and words[0] in LOOP_TAGS)
    return "\n".join(lines)


def unmark_text(text: str) -> str:
    """``text`` (an error message) with respelled keywords written plainly again."""
    return _SPELLED_IN_TEXT.sub(lambda found: UNMARK[found.group()], text)
