"""What one render produced: ``RenderResult`` and the requests it made."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from brazelint.engine.state import FilterUse, Problem, UndefinedUse

if TYPE_CHECKING:
    from brazelint.engine.sourcemap import SourceMap


@dataclass(frozen=True)
class Request:
    """One Connected Content request a render made (or would have made)."""

    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    body: Optional[str] = None
    line: int = 0
    column: int = 0
    """Where the ``connected_content`` tag is in the template."""
    status: Optional[int] = None
    """The answer's status (599: no answer); ``None`` when no stub matched."""
    cached: bool = False
    """Answered from the Connected Content cache: no request was sent."""
    stub: Optional[str] = None
    """The stub that answered (``<file> #<n>``); ``None`` when no stub did."""


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
        data["undefined_uses"] = [use.as_dict() for use in self.undefined_uses]
        data["filter_uses"] = [use.as_dict() for use in self.filter_uses]
        data["problems"] = [problem.as_dict() for problem in self.problems]
        if redact:
            from brazelint.http.redact import redact_request

            data["requests"] = [asdict(redact_request(r)) for r in self.requests]
        return data
