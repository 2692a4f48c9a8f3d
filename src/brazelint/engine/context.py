"""The render context: Braze's lookup rules plus the bookkeeping every render records."""

from __future__ import annotations

import re
import sys
from io import StringIO
from itertools import chain
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Optional, TextIO

from liquid.context import RenderContext
from liquid.exceptions import (
    LocalNamespaceLimitError,
    LoopIterationLimitError,
    OutputStreamLimitError,
    ResourceLimitError,
    UnknownFilterError,
)
from liquid.undefined import UNDEFINED
from liquid.utils import ReadOnlyChainMap

from brazelint.engine.filter_support import FILTER_SUPPORT, UNSUPPORTED_UNKNOWN
from brazelint.engine.kinded import KindedUnknownFilterError
from brazelint.engine.state import RenderState
from brazelint.errors import ErrorKind
from brazelint.events import FilterUse, UndefinedUse

if TYPE_CHECKING:
    from liquid import BoundTemplate
    from liquid.token import Token

_NOT_SUPPORTED = frozenset(name for name, status in FILTER_SUPPORT.items() if status != "supported")
_DEADLINE_EVERY = 64
"""Filter calls between two looks at the clock (loop starts always look)."""
_PROPERTY = re.compile(r"[^\W\d][\w-]*")
_ABSENT = object()
_filter_needs: dict[str, tuple[Callable[..., object], bool, bool]] = {}
"""Per filter name: the function, and whether it wants the context, the environment."""


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


class Scope(ReadOnlyChainMap):
    """The namespaces a render looks names up in, front first, kept in a list of our own.

    python-liquid's chain map raises and catches a ``KeyError`` for every namespace that
    lacks a name; ``BrazeContext.get`` asks each namespace with ``get`` instead, and
    ``:rerender`` swaps the profile namespace for the duration of a re-render.
    """

    def __init__(self, *namespaces: Mapping[str, object]) -> None:
        super().__init__()
        self.namespaces: list[Mapping[str, object]] = list(namespaces)

    def __getitem__(self, key: str) -> object:
        for namespace in self.namespaces:
            value = namespace.get(key, _ABSENT)
            if value is not _ABSENT:
                return value
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return chain(*self.namespaces)

    def __len__(self) -> int:
        return sum(len(namespace) for namespace in self.namespaces)

    def size(self) -> int:
        return len(self.namespaces)

    def get(self, key: str, default: object = None) -> object:
        try:
            return self[key]
        except KeyError:
            return default

    def push(self, namespace: Mapping[Any, Any]) -> None:
        self.namespaces.insert(0, namespace)

    def pop(self) -> Mapping[Any, Any]:
        return self.namespaces.pop(0)


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
        state: RenderState,
        **kwargs: Any,
    ) -> None:
        super().__init__(template, globals=globals, **kwargs)
        self.scope: Scope = Scope(self.locals, self.globals, self.counters)
        self.state = state

    def copy(self, *args: Any, **kwargs: Any) -> RenderContext:
        # Only include/render copy a context, and Braze has neither.
        raise TypeError("BrazeContext cannot be copied")  # pragma: no cover

    def get(
        self, path: list[object], *, token: Optional[Token], default: object = UNDEFINED
    ) -> object:
        """Resolve ``path``; record it when it is absent or nil (Braze renders both empty)."""
        root = path[0]
        try:
            # The scope's namespaces in order (loop variables, locals, the profile,
            # counters), asked with ``get``: python-liquid's chain map raises and catches a
            # KeyError for every namespace that lacks the name, which is most lookups.
            for namespace in self.scope.namespaces:
                value = namespace.get(root, _ABSENT)  # type: ignore[call-overload]
                if value is not _ABSENT:
                    break
            else:
                raise KeyError(root)
            for segment in path[1:]:
                value = self.get_item(value, segment)
        except (KeyError, TypeError, IndexError):
            self._record_undefined(path, token, nil=False)
            if default is not UNDEFINED:
                return default
            text = path_string(path)
            return self.env.undefined(text, hint=f"{text} is undefined", token=token)
        if value is None:
            self._record_undefined(path, token, nil=True)
        return value

    def get_bare_attribute(self, path: list[object], *, token: Optional[Token]) -> object:
        """Resolve a standard attribute's name written without ``${}`` (``{{first_name}}``).

        Braze only reads an attribute through ``${}``, so the profile does not answer
        here; a variable the template made itself (assign, capture, a loop) still does.
        """
        root = path[0]
        profile = self.globals
        for namespace in self.scope.namespaces:
            if namespace is not profile:
                value = namespace.get(root, _ABSENT)  # type: ignore[call-overload]
                if value is not _ABSENT:
                    try:
                        for segment in path[1:]:
                            value = self.get_item(value, segment)
                    except (KeyError, TypeError, IndexError):
                        break
                    if value is None:
                        self._record_undefined(path, token, nil=True)
                    return value
        self._record_undefined(path, token, nil=False)
        text = path_string(path)
        return self.env.undefined(
            text, hint=f"{text} is undefined; Braze reads attributes as ${{{root}}}", token=token
        )

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
            raise DeadlineError(_deadline_message(state), token=None)

    def filter(self, name: str, token: Optional[Token]) -> Callable[..., object]:
        """python-liquid's filter lookup, with what it reads from each function remembered.

        This runs for every filter a render applies. python-liquid's version asks each
        function twice with ``getattr`` whether it wants the context or the environment;
        the answers are kept by name, with the function they are about.
        """
        func = self.env.filters.get(name)
        if func is None:
            func = self._unknown_filter(name, token)
        else:
            needs = _filter_needs.get(name)
            if needs is None or needs[0] is not func:
                needs = _filter_needs[name] = (
                    func,
                    bool(getattr(func, "with_context", False)),
                    bool(getattr(func, "with_environment", False)),
                )
            if needs[1] or needs[2]:
                func = super().filter(name, token)  # binds them as python-liquid does
        state = self.state
        if name in _NOT_SUPPORTED and token is not None:
            line, column = line_and_column(token.source, token.start_index)
            state.filter_uses.append(FilterUse(name, FILTER_SUPPORT[name], line, column))
        state.filter_calls += 1
        if not state.filter_calls % _DEADLINE_EVERY and state.past_deadline():
            raise DeadlineError(_deadline_message(state), token=token)
        return func

    def _unknown_filter(self, name: str, token: Optional[Token]) -> Callable[..., object]:
        try:
            return super().filter(name, token)  # raises, or a no-op in lax mode
        except UnknownFilterError as err:
            hint = UNSUPPORTED_UNKNOWN.get(name)
            if hint:
                raise KindedUnknownFilterError(
                    f"filter '{name}' is not supported in Braze; {hint}",
                    token=token,
                    kind=ErrorKind.UNSUPPORTED_FILTER,
                    subject=name,
                ) from err
            raise KindedUnknownFilterError(
                str(err.message), token=token, kind=ErrorKind.UNKNOWN_FILTER, subject=name
            ) from err

    def assign(self, key: str, val: Any) -> None:
        """Track the size of assigned values incrementally (python-liquid re-sums them all).

        ``key`` is stored as a plain string: python-liquid passes an ``Identifier``, whose
        hashing and comparison are Python methods, run at every later lookup of the name.
        """
        key = str(key)
        self.locals[key] = val
        state = self.state
        sizes = state.assigned_sizes
        size = sys.getsizeof(val, 1)
        state.assigned_bytes += size - sizes.get(key, 0)
        sizes[key] = size
        if state.assigned_bytes > state.limits.assigned_bytes:
            raise LocalNamespaceLimitError(
                f"assigned values exceed limits.assigned_bytes ({state.limits.assigned_bytes})",
                token=None,
            )

    def get_buffer(self, buf: Optional[TextIO] = None) -> StringIO:
        """An output buffer bounded by ``limits.output_bytes`` (capture buffers included)."""
        carry = buf.size if isinstance(buf, BoundedBuffer) else 0
        return BoundedBuffer(self.state.limits.output_bytes, carry)


class BoundedBuffer(StringIO):
    """Counts UTF-8 bytes written (cheaply for ASCII) and stops at the limit."""

    def __init__(self, limit: int, carry: int = 0) -> None:
        super().__init__()
        self.limit = limit
        self.size = carry

    def write(self, text: str) -> int:
        if text:
            self.size += len(text) if text.isascii() else len(text.encode("utf-8"))
            if self.size > self.limit:
                self.overflow()
        return super().write(text)

    def overflow(self) -> None:
        raise OutputStreamLimitError(
            f"output is larger than limits.output_bytes ({self.limit} bytes)", token=None
        )


def _deadline_message(state: RenderState) -> str:
    return f"render took longer than limits.render_seconds ({state.limits.render_seconds:g}s)"


def state_of(context: RenderContext) -> RenderState:
    """The ``RenderState`` of a context created by brazelint."""
    state = getattr(context, "state", None)
    if not isinstance(state, RenderState):
        raise TypeError("this tag only renders inside brazelint (BrazeContext)")
    return state


def scope_of(context: RenderContext) -> Scope:
    """The ``Scope`` of a context created by brazelint."""
    scope = context.scope
    if not isinstance(scope, Scope):
        raise TypeError("this tag only renders inside brazelint (BrazeContext)")
    return scope
