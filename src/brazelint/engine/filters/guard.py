"""Keep a stock filter's internal failure a positioned template error.

A few python-liquid filters let Python exceptions escape on odd input
(``'abc' | sum`` raises ``decimal.InvalidOperation``, ``'nan' | round`` a ``ValueError``,
``'gA==' | base64_decode`` a ``UnicodeDecodeError``), and some raise ``FilterError`` or
``FilterValueError`` without a token, which would be reported at the start of the
statement rather than at the filter. ``guard`` turns both into ``FilterArgumentError``,
which python-liquid anchors on the filter's own name. ``concat_array_check`` fixes the
stock ``concat``, whose own error cannot even be constructed (it raises ``TypeError``
from ``LiquidError.__init__``).
"""

from __future__ import annotations

from functools import wraps
from typing import Any, Callable

from liquid.exceptions import FilterArgumentError, FilterError, FilterValueError

from brazelint.engine.filters.common import MISSING, is_nil

_FAILURES = (ArithmeticError, LookupError, ValueError)
"""What a filter raises on input it cannot handle (UnicodeError is a ValueError)."""


def guard(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap filter ``func`` so unexpected failures become ``FilterArgumentError``."""

    @wraps(func)
    def guarded(left: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return func(left, *args, **kwargs)
        except (FilterError, FilterValueError) as err:
            if err.token is not None:
                raise
            raise FilterArgumentError(f"{name}: {err}", token=None) from err
        except FilterArgumentError as err:
            if args and "not subscriptable" in str(err):
                # sequence filters turn "items[key]" TypeErrors into bare Python text
                raise FilterArgumentError(
                    f"{name} cannot read property {_describe(args[0])} of the items; "
                    f"with a property argument it needs an array of objects",
                    token=None,
                ) from err
            raise
        except _FAILURES as err:
            raise FilterArgumentError(
                f"{name} cannot handle {_describe(left)} ({_reason(err)})", token=None
            ) from err

    return guarded


def concat_array_check(func: Callable[..., Any]) -> Callable[..., Any]:
    """Stock ``concat`` with Ruby's check that the argument is an array."""

    @wraps(func)
    def concat(left: Any, other: Any = MISSING, *args: Any, **kwargs: Any) -> Any:
        if other is MISSING:
            raise FilterArgumentError(
                "concat needs an array argument, like {{ a | concat: b }}", token=None
            )
        if not isinstance(other, (list, tuple)):
            raise FilterArgumentError(
                f"concat needs an array argument, got {_describe(other)}", token=None
            )
        return func(left, other, *args, **kwargs)

    return concat


def _describe(value: Any) -> str:
    if is_nil(value):
        return "nil"
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{type(value).__name__} {text}"


def _reason(err: Exception) -> str:
    text = str(err)
    if not text or text.startswith("[<class"):  # decimal's signal list
        return "not a number it can compute with"
    return text
