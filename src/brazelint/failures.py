"""Turn an exception brazelint did not expect into one of its own, with a place and a fix.

An engine or library failure on one input (a range bound past 2^63, an integer past
Python's 4,300-digit conversion limit, a URL ``urlsplit`` refuses, a recursion too
deep) must become a finding on that file, never end the run. The place is the deepest
template token the failing code was handling, read from the traceback.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from liquid.token import Token

__all__ = ["describe_failure", "failing_token"]


def describe_failure(err: BaseException) -> str:
    """A plain sentence for what went wrong, naming the cause people can change."""
    text = " ".join(str(err).split())
    if isinstance(err, RecursionError):
        return "the input nests too deeply to check"
    if isinstance(err, OverflowError) or "too large to convert" in text:
        return "a number is too large (range bounds, limit and offset must fit in 64 bits)"
    if "integer string conversion" in text or "4300 digits" in text:
        return "a number has more than 4,300 digits"
    if isinstance(err, MemoryError):
        return "the input needs more memory than is available"
    if len(text) > 200:
        text = text[:199] + "…"
    return f"brazelint could not check this input ({err.__class__.__name__}: {text})"


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
