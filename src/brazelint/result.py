"""What one render produced: ``RenderResult``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from brazelint.events import FilterUse, Problem, UndefinedUse

if TYPE_CHECKING:
    from brazelint.engine.sourcemap import SourceMap
    from brazelint.http.types import Request


@dataclass
class RenderResult:
    """What one render produced. ``output`` is ``""`` when the message was aborted."""

    output: str
    aborted: bool = False
    abort_reason: Optional[str] = None
    abort_offset: Optional[int] = field(default=None, repr=False)
    """Where in the template the abort happened, when it was the template's own tag."""
    requests: list[Request] = field(default_factory=list)
    undefined: list[str] = field(default_factory=list)
    """Distinct variable paths that resolved to nothing, in first-use order."""
    undefined_uses: list[UndefinedUse] = field(default_factory=list)
    """Every such lookup with its template position (for lint)."""
    filter_uses: list[FilterUse] = field(default_factory=list)
    """Uses of filters Braze does not support or does not document."""
    message_extras: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    """Braze restrictions the render ran into (no stub, port, timeout, schema, ...)."""
    profile: Optional[str] = None
    source_map: Optional[SourceMap] = field(default=None, repr=False, compare=False)
    """Which template offset wrote each output offset (``None`` when aborted)."""

    def to_dict(self, *, redact: bool = True) -> dict[str, Any]:
        """A JSON-ready dict (``brazelint render --format json``), credentials redacted."""
        source_map, self.source_map = self.source_map, None
        try:
            data = asdict(self)
        finally:
            self.source_map = source_map
        del data["source_map"], data["abort_offset"]
        if redact:
            from brazelint.http.redact import redact_request

            data["requests"] = [asdict(redact_request(r)) for r in self.requests]
        return data
