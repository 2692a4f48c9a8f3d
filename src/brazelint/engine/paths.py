"""Variable paths without nested lookups, evaluated without copying them.

python-liquid evaluates a path (``custom_attribute.tier``) by building a new list of its
segments, evaluating any that are paths themselves (``a[b.c]``, with an ``isinstance``
check against an abstract class for each), and handing the list to the context. Most
paths are plain names and indexes, for which that list is a copy of the path itself. The
tree pass switches those to this subclass (same slots), which hands over the path as it
is: ``BrazeContext.get`` only reads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from liquid.builtin.expressions.path import Path

if TYPE_CHECKING:
    from liquid import RenderContext


class FlatPath(Path):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        return context.get(self.path, token=self.token)  # type: ignore[arg-type]


def is_flat(segments: list[str | int | Path]) -> bool:
    """Whether a path's segments are all names and indexes (no nested path)."""
    return all(type(segment) is str or type(segment) is int for segment in segments)


class BareAttributePath(Path):
    """A path whose root is a standard attribute's name written without ``${}``.

    Braze: attribute values must be surrounded by ``${}``, so ``{{first_name}}`` is an
    ordinary variable, undefined unless the template assigns it
    (``BrazeContext.get_bare_attribute``).
    """

    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        path = [p.evaluate(context) if isinstance(p, Path) else p for p in self.path]
        return context.get_bare_attribute(path, token=self.token)  # type: ignore[attr-defined]


def written_without_dollar(token: object) -> bool:
    """Whether the name at ``token`` is not the inside of a ``${…}`` (blanks allowed)."""
    source: str = getattr(token, "source", "")
    start: int = getattr(token, "start_index", -1)
    if start < 0:
        return False
    return not source[:start].rstrip(" \t\r\n").endswith("${")
