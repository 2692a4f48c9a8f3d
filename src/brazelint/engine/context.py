"""The render context: Braze's lookup rules plus the bookkeeping every render records."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable, Mapping, Optional

from liquid.context import RenderContext
from liquid.exceptions import (
    FilterArgumentError,
    LoopIterationLimitError,
    ResourceLimitError,
    UnknownFilterError,
)
from liquid.undefined import UNDEFINED
from liquid.utils import ReadOnlyChainMap

from brazelint.engine.filters.support import FILTER_SUPPORT, UNSUPPORTED_UNKNOWN
from brazelint.engine.state import FilterUse, RenderState, UndefinedUse

if TYPE_CHECKING:
    from liquid import BoundTemplate
    from liquid.token import Token

_MISSING = object()
_PROPERTY = re.compile(r"[^\W\d][\w-]*")


def path_string(segments: list[object]) -> str:
    """Path segments as text: ``custom_attribute["Brands Viewed"][0].id``."""
    parts = [str(segments[0])]
    for segment in segments[1:]:
        if isinstance(segment, str) and _PROPERTY.fullmatch(segment):
            parts.append(f".{segment}")
        elif isinstance(segment, str):
            parts.append(f'["{segment}"]')
        else:
            parts.append(f"[{segment}]")
    return "".join(parts)


def line_and_column(source: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``source[index]``."""
    line = source.count("\n", 0, index) + 1
    return line, index - (source.rfind("\n", 0, index) + 1) + 1


class DeadlineError(ResourceLimitError):
    """The render ran past ``limits.render_seconds``."""


class BrazeContext(RenderContext):
    """A render context that records undefined lookups and enforces Braze limits.

    Python-liquid's built-in ``now``/``today`` variables are left out: Braze has no such
    variables, and they would read the real clock.
    """

    __slots__ = ("state",)

    def __init__(
        self,
        template: BoundTemplate,
        *,
        globals: Optional[Mapping[str, object]] = None,
        state: Optional[RenderState] = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(template, globals=globals, **kwargs)
        self.scope = ReadOnlyChainMap(self.locals, self.globals, self.counters)
        if state is None:
            raise TypeError("BrazeContext needs a RenderState")
        self.state = state

    def copy(self, *args: Any, **kwargs: Any) -> RenderContext:
        # Only reached through tags we do not register; keep the state regardless.
        raise TypeError("BrazeContext cannot be copied")  # pragma: no cover

    def get(
        self, path: list[object], *, token: Optional[Token], default: object = UNDEFINED
    ) -> object:
        value = super().get(path, token=token, default=_MISSING)
        if value is _MISSING or value is None:
            self._record_undefined(path, token, nil=value is None)
            if value is _MISSING:
                if default is not UNDEFINED:
                    return default
                return self.env.undefined(
                    path_string(path), hint=f"{path_string(path)} is undefined", token=token
                )
        return value

    def _record_undefined(self, path: list[object], token: Optional[Token], *, nil: bool) -> None:
        line, column = (0, 0)
        if token is not None and token.start_index >= 0:
            start = token.start_index
            if token.source.startswith("${", start - 2):
                start -= 2  # point at `${first_name}`, not at the rewritten name
            line, column = line_and_column(token.source, start)
        self.state.undefined.append(UndefinedUse(path_string(path), line, column, nil=nil))

    def raise_for_loop_limit(self, length: int = 1) -> None:
        """Count iterations across the whole render (python-liquid only limits nesting)."""
        state = self.state
        state.loop_iterations += length
        limit = state.limits.loop_iterations
        if state.loop_iterations > limit:
            raise LoopIterationLimitError(
                f"loop iteration limit reached: more than {limit} iterations in one render "
                f"(raise limits.loop_iterations if this is intended)",
                token=None,
            )
        if state.past_deadline():
            raise DeadlineError(
                f"render took longer than limits.render_seconds ({state.limits.render_seconds:g}s)",
                token=None,
            )

    def filter(self, name: str, token: Optional[Token]) -> Callable[..., object]:
        try:
            func = super().filter(name, token)
        except UnknownFilterError as err:
            hint = UNSUPPORTED_UNKNOWN.get(name)
            if hint:
                raise UnknownFilterError(
                    f"filter '{name}' is not supported in Braze; {hint}", token=token
                ) from err
            raise
        status = FILTER_SUPPORT.get(name, "supported")
        if status != "supported" and token is not None:
            line, column = line_and_column(token.source, token.start_index)
            self.state.filter_uses.append(FilterUse(name, status, line, column))
        if self.state.past_deadline():
            raise DeadlineError(
                f"render took longer than limits.render_seconds "
                f"({self.state.limits.render_seconds:g}s)",
                token=token,
            )
        return _guard_ranges(func, self.state.limits.loop_iterations)


def _guard_ranges(func: Callable[..., object], limit: int) -> Callable[..., object]:
    """Refuse a range literal bigger than the loop limit, which a filter would walk in full."""

    def guarded(left: object, *args: object, **kwargs: object) -> object:
        if type(left) is range and len(left) > limit:
            raise FilterArgumentError(
                f"range of {len(left)} items is larger than limits.loop_iterations ({limit})",
                token=None,
            )
        return func(left, *args, **kwargs)

    return guarded


def state_of(context: RenderContext) -> RenderState:
    """The ``RenderState`` of a context created by brazelint."""
    state = getattr(context, "state", None)
    if not isinstance(state, RenderState):
        raise TypeError("this tag only renders inside brazelint (BrazeContext)")
    return state
