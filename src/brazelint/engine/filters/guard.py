"""Keep a stock filter's internal failure a positioned template error.

A few python-liquid filters let Python exceptions escape on odd input
(``'abc' | sum`` raises ``decimal.InvalidOperation``, ``'nan' | round`` a ``ValueError``,
``'gA==' | base64_decode`` a ``UnicodeDecodeError``), and some raise ``FilterError`` or
``FilterValueError`` without a token, which would be reported at the start of the
statement rather than at the filter. ``guard`` turns both into ``FilterArgumentError``,
which python-liquid anchors on the filter's own name. A call with the wrong number of
arguments is told from the filter's signature (``arity_problem``), for every filter.
``concat_array_check`` fixes the stock ``concat``, whose own error cannot even be
constructed (it raises ``TypeError`` from ``LiquidError.__init__``).
"""

from __future__ import annotations

import inspect
from functools import wraps
from typing import Any, Callable, Optional

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
        except (TypeError, FilterError, FilterValueError, FilterArgumentError) as err:
            # a call that does not fit the signature is a TypeError (some stock wrappers
            # re-raise it as FilterArgumentError, from it)
            called_wrong = isinstance(err, TypeError) or isinstance(err.__cause__, TypeError)
            arity = arity_problem(name, func, args, kwargs) if called_wrong else None
            if arity is not None:
                raise FilterArgumentError(arity, token=None) from err
            if isinstance(err, TypeError):
                raise
            if isinstance(err, FilterArgumentError):
                if args and isinstance(err.__cause__, TypeError) and _unreadable_items(left):
                    # sequence filters turn "items[key]" TypeErrors into bare Python text
                    raise FilterArgumentError(
                        f"{name} cannot read property {_describe(args[0])} of the items; "
                        f"with a property argument it needs an array of objects",
                        token=None,
                    ) from err
                raise
            if err.token is not None:
                raise
            raise FilterArgumentError(f"{name}: {err}", token=None) from err
        except _FAILURES as err:
            raise FilterArgumentError(
                f"{name} cannot handle {_describe(left)} ({_reason(err)})", token=None
            ) from err

    return guarded


def arity_checked(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap filter ``func`` so a call with too few or too many arguments says so in words."""

    @wraps(func)
    def checked(left: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return func(left, *args, **kwargs)
        except TypeError as err:
            arity = arity_problem(name, func, args, kwargs)
            if arity is None:
                raise
            raise FilterArgumentError(arity, token=None) from err

    return checked


def arity_problem(
    name: str, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> Optional[str]:
    """What is wrong with the number of arguments ``func`` was given (``None`` when they
    fit its signature), read from the signature rather than from Python's message."""
    try:
        params = list(inspect.signature(func).parameters.values())
    except (TypeError, ValueError):  # no signature to read
        return None
    positional = [p for p in params if p.kind in _POSITIONAL]
    given = 1 + len(args)  # the value on the left is the first argument
    if given > len(positional) and not any(p.kind is p.VAR_POSITIONAL for p in params):
        takes = len(positional) - 1
        allowed = "no arguments" if takes == 0 else f"{takes} argument{'s' if takes > 1 else ''}"
        return f"filter '{name}' takes {allowed}, got {given - 1}"
    missing = sum(1 for p in positional[given:] if p.default is p.empty and p.name not in kwargs)
    if missing:
        return f"filter '{name}' needs {missing} more argument{'s' if missing > 1 else ''}"
    return None


_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def _unreadable_items(value: Any) -> bool:
    """Whether an item of the (flattened) sequence ``value`` cannot be indexed by a key."""
    if not isinstance(value, (list, tuple)):
        return not is_nil(value) and not hasattr(value, "__getitem__")
    return any(_unreadable_items(item) for item in value)


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
