"""python-liquid errors that brazelint raises itself, knowing what kind of problem it is.

python-liquid raises one ``LiquidSyntaxError`` for an unknown tag, an unclosed block and
a stray character alike, so its class cannot say which rule an error breaks. Where
brazelint raises (its lexer, tags, filters and parse hooks) it knows; these subclasses
carry that ``kind`` (and the name it is about) to ``kind_of``, the one place a
python-liquid error becomes a kind. They stay python-liquid classes, so python-liquid
positions and re-raises them as it does its own, and they go by python-liquid's class
names, so an error reads (and compares, in the golden differential) as the stock one.
"""

from __future__ import annotations

from typing import Optional

from liquid.exceptions import (
    FilterArgumentError,
    FilterError,
    FilterItemTypeError,
    FilterValueError,
    LiquidError,
    LiquidSyntaxError,
    LiquidTypeError,
    LiquidValueError,
    ResourceLimitError,
    UnknownFilterError,
)
from liquid.token import Token

from brazelint.errors import ErrorKind


class Kinded(LiquidError):
    """A python-liquid error with the kind of problem and what it is about."""

    def __init__(
        self,
        message: str,
        *,
        token: Optional[Token],
        kind: ErrorKind,
        subject: Optional[str] = None,
    ) -> None:
        super().__init__(message, token=token)
        self.kind = kind
        self.subject = subject


class KindedSyntaxError(Kinded, LiquidSyntaxError):
    """A parse error brazelint raises."""

    __qualname__ = LiquidSyntaxError.__qualname__


class KindedRenderError(Kinded):
    """A render error brazelint raises."""

    __qualname__ = LiquidError.__qualname__


class KindedUnknownFilterError(Kinded, UnknownFilterError):
    """A filter name the environment does not have."""

    __qualname__ = UnknownFilterError.__qualname__


_KINDS_BY_CLASS: tuple[tuple[type[LiquidError], ErrorKind], ...] = (
    (ResourceLimitError, ErrorKind.LIMIT),
    (LiquidValueError, ErrorKind.LIMIT),  # its two uses: the integer digits, range length
    (UnknownFilterError, ErrorKind.UNKNOWN_FILTER),
    (FilterArgumentError, ErrorKind.FILTER_ARGUMENT),
    (FilterValueError, ErrorKind.FILTER_ARGUMENT),
    (FilterItemTypeError, ErrorKind.FILTER_ARGUMENT),
    (FilterError, ErrorKind.FILTER_ARGUMENT),
    (LiquidTypeError, ErrorKind.TYPE),
    (LiquidSyntaxError, ErrorKind.SYNTAX),
)
"""python-liquid's own classes, most specific first."""


def kind_of(err: LiquidError, default: ErrorKind) -> ErrorKind:
    """The kind of ``err``: what brazelint said where it raised it, else by class."""
    if isinstance(err, Kinded):
        return err.kind
    for cls, kind in _KINDS_BY_CLASS:
        if isinstance(err, cls):
            return kind
    return default


def subject_of(err: LiquidError) -> Optional[str]:
    """The name or text ``err`` is about, when brazelint raised it."""
    return err.subject if isinstance(err, Kinded) else None
