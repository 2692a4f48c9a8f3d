"""``split`` with Ruby's ``String#split`` rules.

Liquid's ``split`` is ``input.to_s.split(pattern.to_s)``. Python's ``str.split`` differs
in ways templates notice: Ruby drops trailing empty strings (``"a,b,,"`` gives two
items, not four), splits on ``" "`` awk-style (runs of ASCII whitespace, leading
whitespace ignored) and splits into characters on an empty pattern.
"""

from __future__ import annotations

import re

from liquid.exceptions import FilterArgumentError

from brazelint.engine.filters.common import MISSING
from brazelint.engine.stringify import ruby_to_s

_AWK_WHITESPACE = " \t\n\v\f\r"
_AWK_SPLIT = re.compile(r"[ \t\n\v\f\r]+")


def ruby_split(text: str, separator: str) -> list[str]:
    """``text.split(separator)`` as Ruby computes it (limit 0)."""
    if separator == " ":
        stripped = text.lstrip(_AWK_WHITESPACE)
        parts = _AWK_SPLIT.split(stripped) if stripped else []
    elif separator == "":
        parts = list(text)
    else:
        parts = text.split(separator)
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def split(value: object, separator: object = MISSING) -> list[str]:
    """Split the input's text on ``separator``; a nil or empty one splits into characters."""
    if separator is MISSING:
        raise FilterArgumentError(
            "split needs a separator argument, like {{ 'a,b' | split: ',' }}", token=None
        )
    return ruby_split(ruby_to_s(value), ruby_to_s(separator))
