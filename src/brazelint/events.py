"""What a render reports besides its output, shared by the engine, the HTTP layer and results.

These sit below all three so that none of them imports another for its types: the engine
records them, Connected Content (``brazelint.http``) records problems and raises
``AbortMessage``, and ``RenderResult`` carries them to the checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


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
