"""Turn an exception brazelint did not expect into one of its own, with a place and a fix.

An engine or library failure on one input (a range bound past 2^63, an integer past
Python's 4,300-digit conversion limit, a URL ``urlsplit`` refuses, a recursion too
deep) must become a finding on that file, never end the run. The place is the deepest
template token the failing code was handling, read from the traceback.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING, Optional

from brazelint.errors import ErrorKind

if TYPE_CHECKING:
    from liquid.token import Token

__all__ = ["describe_failure", "failing_token", "failure_kind"]


def describe_failure(err: BaseException) -> str:
    """A plain sentence for what went wrong, naming the cause people can change."""
    if isinstance(err, RecursionError):
        return "the input nests too deeply to check"
    if _caused_by(err, OverflowError):
        return "a number is too large (range bounds, limit and offset must fit in 64 bits)"
    if _holds_unprintable_int(err):
        return "a number has more than 4,300 digits"
    if isinstance(err, MemoryError):
        return "the input needs more memory than is available"
    text = " ".join(str(err).split())
    if len(text) > 200:
        text = text[:199] + "…"
    return f"brazelint could not check this input ({err.__class__.__name__}: {text})"


def failure_kind(err: BaseException) -> ErrorKind:
    """``LIMIT`` for the failures ``describe_failure`` names (depth, size, digits, memory),
    ``INTERNAL`` for the rest."""
    if (
        isinstance(err, (RecursionError, MemoryError))
        or _caused_by(err, OverflowError)
        or _holds_unprintable_int(err)
    ):
        return ErrorKind.LIMIT
    return ErrorKind.INTERNAL


def _caused_by(err: BaseException, cls: type[BaseException]) -> bool:
    """Whether ``err``, or an exception it was raised from, is a ``cls``."""
    seen: Optional[BaseException] = err
    for _ in range(8):  # a short chain: a library wraps at most once or twice
        if seen is None:
            return False
        if isinstance(seen, cls):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _holds_unprintable_int(err: BaseException) -> bool:
    """A ``ValueError`` raised while the failing code held an integer with more digits than
    Python converts to text (``sys.get_int_max_str_digits``): the conversion refused."""
    if not isinstance(err, ValueError):
        return False
    limit = getattr(sys, "get_int_max_str_digits", lambda: 0)()
    traceback = err.__traceback__
    if not limit or traceback is None:
        return False
    while traceback.tb_next is not None:
        traceback = traceback.tb_next
    bits = limit * _BITS_PER_DIGIT
    return any(
        isinstance(value, int) and abs(value).bit_length() > bits
        for value in traceback.tb_frame.f_locals.values()
    )


_BITS_PER_DIGIT = 3.3219
"""log2(10), a hair under: an integer past ``limit * this`` bits has more than ``limit``
digits, give or take the last one."""


def failing_token(traceback: Optional[TracebackType]) -> Optional[Token]:
    """The token of the innermost template node or expression the traceback passed through."""
    from liquid.token import Token

    found: Optional[Token] = None
    while traceback is not None:
        frame_locals = traceback.tb_frame.f_locals
        for candidate in (
            frame_locals.get("token"),
            getattr(frame_locals.get("self"), "token", None),
        ):
            if isinstance(candidate, Token) and candidate.start_index >= 0:
                found = candidate
                break
        traceback = traceback.tb_next
    return found
