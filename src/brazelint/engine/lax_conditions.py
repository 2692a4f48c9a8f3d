"""What Ruby Liquid's lax parser keeps of an ``if``, ``elsif`` or ``unless`` condition.

Braze parses tags as Ruby Liquid does in lax mode. That parser splits a condition at the
words ``and`` and ``or`` and reads each part with the pattern
``(fragment)\\s*(operator)?\\s*(fragment)?``, where a fragment is a quoted string or a run
of characters other than blanks, commas, pipes and quotes. Whatever follows the first
comparison of a part is dropped without a word:

- ``hour >= 19 && hour < 20`` keeps ``hour >= 19`` (the ``&&`` and the rest are ignored);
- ``a || b`` keeps ``a`` (a pipe ends a fragment);
- ``uniq | size == 1`` keeps ``uniq``: a filter in a condition is ignored, so the part
  tests whether ``uniq`` is truthy.

``lax_condition`` blanks out what Ruby drops, keeping the expression's length so every
position stays where the template has it. Only parts with ``&``, ``|`` (outside quotes)
are touched: those are the ones python-liquid would otherwise refuse. A ``&&`` glued to
its operands (``a==1&&b``) is cut at the ``&&`` too; Ruby reads that whole run as one odd
variable name (nil), and the linter reports both spellings as errors (BL005).
"""

from __future__ import annotations

import re

LAX_CONDITION_TAGS = frozenset({"if", "elsif", "unless"})
_PART = re.compile(r"""'[^']*'?|"[^"]*"?|(?<![\w-])(and|or)(?![\w?-])|(&&?|\|\|?)""")
"""A quoted string (skipped), an ``and``/``or`` word (a part boundary), or ``&``/``|``."""


def needs_lax_reading(expression: str) -> bool:
    """Whether ``expression`` holds something only Ruby's lax parser accepts."""
    return "&" in expression or "|" in expression


def lax_condition(expression: str) -> str:
    """``expression`` with what lax Ruby Liquid ignores replaced by blanks (same length)."""
    return _blank_dropped(expression, _PART)


def _blank_dropped(text: str, parts: re.Pattern[str]) -> str:
    """``text`` with blanks from each ``parts`` match whose group 2 starts a dropped run
    up to the next match whose group 1 ends it (quoted strings match neither group)."""
    out: list[str] = []
    index = 0
    cutting = False
    for found in parts.finditer(text):
        if found.group(1):
            if cutting:
                out.append(" " * (found.start() - index))
                index = found.start()
                cutting = False
        elif found.group(2) and not cutting:
            out.append(text[index : found.start()])
            index = found.start()
            cutting = True
    tail = text[index:]
    out.append(" " * len(tail) if cutting else tail)
    return "".join(out)


_ASSIGN_PART = re.compile(
    r"""'[^']*'?|"[^"]*"?|(\|)|(==|!=|<>|<=|>=|<|>|(?<![\w-])contains(?![\w?-]))"""
)
"""A quoted string (skipped), a filter's pipe, or a comparison operator."""


def needs_lax_assignment(expression: str) -> bool:
    """Whether an ``assign`` expression holds a comparison, which Ruby's lax parser drops."""
    return (
        "=" in expression[expression.find("=") + 1 :]
        or "<" in expression
        or (">" in expression or "contains" in expression)
    )


def lax_assignment(expression: str) -> str:
    """An ``assign`` expression with what lax Ruby Liquid ignores blanked (same length).

    Ruby reads the value as a name followed by filters and each filter's ``:``/``,``
    arguments; a comparison and what follows it, up to the next ``|``, is skipped:
    ``total_spend > 100`` assigns ``total_spend``, and ``year | modulo: 4 != "0"``
    assigns ``year | modulo: 4`` (both are Braze documentation examples).
    """
    equals = expression.find("=")
    head, body = expression[: equals + 1], expression[equals + 1 :]
    return head + _blank_dropped(body, _ASSIGN_PART)
