"""Paths to a standard attribute's name written without ``${}``, which Braze does not read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from liquid.builtin.expressions.path import Path

if TYPE_CHECKING:
    from liquid import RenderContext


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
