"""Make python-liquid's stock string filters turn values into text the Ruby way.

The stock filters call Python's ``str()``, so ``{{ true | append: '!' }}`` would print
``True!`` and ``1e20 | upcase`` ``1E+20``; Braze (Ruby) prints ``true!`` and
``1.0E+20``. Wrapping converts the input and the text arguments with ``ruby_to_s``
first; everything else about the stock filter is unchanged.
"""

from __future__ import annotations

from functools import wraps
from typing import TYPE_CHECKING, Any, Callable

from brazelint.engine.stringify import ruby_to_s

if TYPE_CHECKING:
    from liquid import Environment

STRING_FILTERS = (
    "append",
    "capitalize",
    "downcase",
    "escape",
    "escape_once",
    "lstrip",
    "newline_to_br",
    "prepend",
    "remove",
    "remove_first",
    "remove_last",
    "replace",
    "replace_first",
    "replace_last",
    "rstrip",
    "squish",
    "strip",
    "strip_html",
    "strip_newlines",
    "truncate",
    "truncatewords",
    "upcase",
    "url_decode",
    "base64_decode",
    "base64_url_safe_encode",
    "base64_url_safe_decode",
)
"""Stock filters that take text in and give text out."""

_TEXT_ARGUMENTS = frozenset(
    {
        "append",
        "prepend",
        "remove",
        "remove_first",
        "remove_last",
        "replace",
        "replace_first",
        "replace_last",
    }
)


def _as_text(value: Any) -> Any:
    if isinstance(value, (bool, float)) or value is None:
        return ruby_to_s(value)
    return value


def ruby_text_input(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap stock filter ``func`` so non-text values become text as Ruby prints them."""
    convert_args = name in _TEXT_ARGUMENTS

    @wraps(func)
    def wrapper(left: Any, *args: Any, **kwargs: Any) -> Any:
        if convert_args:
            args = tuple(_as_text(arg) for arg in args)
        return func(_as_text(left), *args, **kwargs)

    return wrapper


def register(env: Environment) -> None:
    for name in STRING_FILTERS:
        if name in env.filters:
            env.add_filter(name, ruby_text_input(name, env.filters[name]))
