"""Per-render state: the clock, limits and everything a render records.

One ``RenderState`` is created for each render and hangs off the render context
(``context.state``), so nothing about a render lives in module globals and parsed
templates can be shared between renders and threads.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Mapping, Optional, Sequence

from brazelint.engine.limits import Limits
from brazelint.events import FilterUse, Problem, UndefinedUse

if TYPE_CHECKING:
    from liquid import BoundTemplate

    from brazelint.http.client import HttpSession


ContentBlockLoader = Callable[[str], Optional["BoundTemplate"]]
"""Returns the parsed Content Block called ``name``, or ``None`` when there is none."""


class RenderState:
    """Everything one render reads (clock, limits, fixtures) and records."""

    __slots__ = (
        "assigned_bytes",
        "assigned_sizes",
        "catalogs",
        "content_block_stack",
        "content_blocks",
        "deadline",
        "filter_calls",
        "filter_uses",
        "http",
        "limits",
        "loop_iterations",
        "message_extras",
        "now",
        "problems",
        "promotion_codes",
        "promotions",
        "reached",
        "undefined",
    )

    def __init__(
        self,
        now: datetime,
        limits: Optional[Limits] = None,
        content_blocks: Optional[ContentBlockLoader] = None,
        catalogs: Optional[Mapping[str, Any]] = None,
        promotions: Optional[Mapping[str, Sequence[str]]] = None,
        http: Optional[HttpSession] = None,
        undefined: Optional[list[UndefinedUse]] = None,
        problems: Optional[list[Problem]] = None,
        filter_uses: Optional[list[FilterUse]] = None,
        message_extras: Optional[dict[str, str]] = None,
        promotion_codes: Optional[dict[str, str]] = None,
        loop_iterations: int = 0,
        filter_calls: int = 0,
        assigned_bytes: int = 0,
        assigned_sizes: Optional[dict[str, int]] = None,
        content_block_stack: Optional[list[str]] = None,
        deadline: float = 0.0,
        reached: Optional[set[object]] = None,
    ) -> None:
        self.now = now
        """Aware UTC datetime used for ``"now"``; fixed for the whole render."""
        self.limits: Limits = Limits() if limits is None else limits
        self.content_blocks = content_blocks
        self.catalogs: Mapping[str, Any] = {} if catalogs is None else catalogs
        """Catalog name -> fixture (``{"items": [...], "selections": {...}}``)."""
        self.promotions: Mapping[str, Sequence[str]] = {} if promotions is None else promotions
        self.http = http
        """Connected Content for this render; ``None`` means every call is refused."""

        self.undefined: list[UndefinedUse] = [] if undefined is None else undefined
        self.problems: list[Problem] = [] if problems is None else problems
        self.filter_uses: list[FilterUse] = [] if filter_uses is None else filter_uses
        self.message_extras: dict[str, str] = {} if message_extras is None else message_extras
        self.promotion_codes: dict[str, str] = {} if promotion_codes is None else promotion_codes
        self.loop_iterations = loop_iterations
        self.filter_calls = filter_calls
        self.assigned_bytes = assigned_bytes
        self.assigned_sizes: dict[str, int] = {} if assigned_sizes is None else assigned_sizes
        self.content_block_stack: list[str] = (
            [] if content_block_stack is None else content_block_stack
        )
        self.deadline = deadline
        self.reached: set[object] = set() if reached is None else reached
        """Branch bodies this render entered, when the linter traces them (analysis/branches.py)."""

    def start_clock(self) -> None:
        """Arm the wall-clock deadline; called when rendering starts."""
        self.deadline = time.monotonic() + self.limits.render_seconds

    def past_deadline(self) -> bool:
        return time.monotonic() > self.deadline
