"""Per-render state: the clock, limits and everything a render records.

One ``RenderState`` is created for each render and hangs off the render context
(``context.state``), so nothing about a render lives in module globals and parsed
templates can be shared between renders and threads.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Mapping, Optional, Sequence

from brazelint.engine.limits import Limits

if TYPE_CHECKING:
    from liquid import BoundTemplate

    from brazelint.http.client import HttpSession


@dataclass(frozen=True)
class UndefinedUse:
    """A variable that resolved to nothing (absent, or present but nil)."""

    path: str
    line: int
    column: int
    nil: bool = False
    """True when the key exists but holds nil (``null`` in the profile)."""


@dataclass(frozen=True)
class FilterUse:
    """A filter whose support in Braze is ``unsupported`` or ``undocumented``."""

    name: str
    status: str
    line: int
    column: int


@dataclass(frozen=True)
class Problem:
    """Something Braze would do differently or refuse, found while rendering."""

    name: str
    """Stable kebab-case name, e.g. ``connected-content-no-stub``."""
    message: str
    line: int
    column: int
    severity: str = "warning"


class AbortMessage(Exception):
    """Raised by ``{% abort_message %}``; deliberately not a ``LiquidError``.

    python-liquid swallows ``LiquidError`` in lax modes and ``StopRender`` returns partial
    output, while an abort must discard the whole message.
    """

    def __init__(self, reason: Optional[str], *, offset: int = -1, source: str = "") -> None:
        super().__init__(reason or "")
        self.reason = reason
        self.offset = offset
        """Where the abort happened in ``source`` (-1: unknown)."""
        self.source = source


ContentBlockLoader = Callable[[str], Optional["BoundTemplate"]]
"""Returns the parsed Content Block called ``name``, or ``None`` when there is none."""


@dataclass(eq=False)
class RenderState:
    """Everything one render reads (clock, limits, fixtures) and records."""

    now: datetime
    """Aware UTC datetime used for ``"now"``; fixed for the whole render."""

    limits: Limits = field(default_factory=Limits)
    content_blocks: Optional[ContentBlockLoader] = None
    catalogs: Mapping[str, Any] = field(default_factory=dict)
    """Catalog name -> fixture (``{"items": [...], "selections": {...}}``)."""
    promotions: Mapping[str, Sequence[str]] = field(default_factory=dict)
    http: Optional[HttpSession] = None
    """Connected Content for this render; ``None`` means every call is refused."""

    undefined: list[UndefinedUse] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    filter_uses: list[FilterUse] = field(default_factory=list)
    message_extras: dict[str, str] = field(default_factory=dict)
    promotion_codes: dict[str, str] = field(default_factory=dict)
    loop_iterations: int = 0
    filter_calls: int = 0
    assigned_bytes: int = 0
    assigned_sizes: dict[str, int] = field(default_factory=dict)
    content_block_stack: list[str] = field(default_factory=list)
    deadline: float = 0.0

    def start_clock(self) -> None:
        """Arm the wall-clock deadline; called when rendering starts."""
        self.deadline = time.monotonic() + self.limits.render_seconds

    def past_deadline(self) -> bool:
        return time.monotonic() > self.deadline
