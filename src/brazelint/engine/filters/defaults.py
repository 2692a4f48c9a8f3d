"""``default``, the filter nearly every Braze output statement ends with, decided quickly
for text and nil.

python-liquid's ``default`` asks every input for two optional attributes and tests it
against abstract classes, inside two wrappers. For a plain string the answer is simply
the string unless it is empty, and for ``None`` the default; any other input goes to the
stock filter, guarded as before.
"""

from __future__ import annotations

from functools import wraps
from typing import Any, Callable


def text_first_default(stock: Callable[..., Any]) -> Callable[..., Any]:
    """``stock`` (the guarded python-liquid ``default``) with text and nil decided first."""

    @wraps(stock)
    def default(obj: Any, *args: Any, **kwargs: Any) -> Any:
        if type(obj) is str:
            if obj:
                return obj
            if len(args) == 1 and not kwargs:
                return args[0]
        elif obj is None and len(args) == 1 and not kwargs:
            return args[0]
        return stock(obj, *args, **kwargs)

    return default
