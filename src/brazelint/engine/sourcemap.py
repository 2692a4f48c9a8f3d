"""Which template position wrote each span of rendered output.

Nodes that write output (text, ``{{ }}``, ``echo``, Connected Content, promotion codes)
call ``mark`` on the top-level buffer before writing. Literal text maps character for
character; an expression's output maps to the ``{{`` that printed it. Text written by a
Content Block maps to the ``{{content_blocks.${name}}}`` reference in the template, since
that is the line the author can change.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from io import StringIO
from typing import TYPE_CHECKING, Optional, TextIO

from brazelint.engine.context import BoundedBuffer

if TYPE_CHECKING:
    from liquid.token import Token


class SourceMap:
    """Output offset → template offset, from the marks a render recorded."""

    __slots__ = ("_linear", "_origins", "_starts")

    def __init__(self, starts: list[int], origins: list[int], linear: list[bool]) -> None:
        self._starts = starts
        self._origins = origins
        self._linear = linear

    def __len__(self) -> int:
        return len(self._starts)

    def origin(self, output_offset: int) -> Optional[int]:
        """The template offset that wrote ``output[output_offset]`` (``None`` before any mark)."""
        index = bisect_right(self._starts, output_offset) - 1
        if index < 0:
            return None
        origin = self._origins[index]
        if self._linear[index]:
            return origin + (output_offset - self._starts[index])
        return origin

    def printed_by(self, start: int, end: int) -> Optional[int]:
        """The first ``{{ }}``-like writer of output ``start..end`` (boundaries included).

        Zero-length writes count, so an attribute that printed nothing inside ``""`` is
        still found.
        """
        starts = self._starts
        index = max(bisect_left(starts, start) - 1, 0)
        while index < len(starts) and starts[index] <= end:
            if not self._linear[index] and (
                starts[index] >= start or _next_start(starts, index) > start
            ):
                return self._origins[index]
            index += 1
        return None

    def is_literal(self, output_offset: int) -> bool:
        """Whether the output at ``output_offset`` is template text (not a printed value)."""
        index = bisect_right(self._starts, output_offset) - 1
        return index >= 0 and self._linear[index]


def _next_start(starts: list[int], index: int) -> int:
    return starts[index + 1] if index + 1 < len(starts) else 1 << 62


class MappedBuffer(BoundedBuffer):
    """The top-level output buffer: bounded, and recording where each write came from."""

    def __init__(self, limit: int, source: str) -> None:
        super().__init__(limit)
        self.source = source
        self.length = 0
        self._starts: list[int] = []
        self._origins: list[int] = []
        self._linear: list[bool] = []

    def write(self, text: str) -> int:
        # BoundedBuffer.write inlined, with the length counted once: this runs for every
        # piece of output
        if text:
            length = len(text)
            self.size += length if text.isascii() else len(text.encode("utf-8"))
            if self.size > self.limit:
                self.overflow()
            self.length += length
        return StringIO.write(self, text)

    def source_map(self) -> SourceMap:
        return SourceMap(self._starts, self._origins, self._linear)


def mark_node(buffer: TextIO, token: Token, *, origin: Optional[int] = None) -> None:
    """Tell a mapped buffer that ``token``'s node writes next (no-op for other buffers).

    The mark is appended here rather than by a buffer method: this runs before every write.
    """
    if type(buffer) is MappedBuffer and token.source is buffer.source:
        buffer._starts.append(buffer.length)
        buffer._origins.append(token.start_index if origin is None else origin)
        buffer._linear.append(origin is not None)
