"""The small typed objects that cross the HTTP layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Protocol

USER_AGENT = "Braze Sender 0f5d1e7a9c3b42e8a6d4b2c0e8f6a4d2"
"""Braze sends ``User-Agent: Braze Sender <hash>`` (making_an_api_call.md) without
publishing the hash; this fixed stand-in lets stubs match on the header, and the real
network transport sends the same one."""


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


@dataclass(frozen=True)
class HttpResponse:
    """What a stub or a server answered.

    ``error`` is set when no HTTP answer arrived at all (refused connection, timeout,
    response over 1 MB); ``status`` is then 599, the code Braze uses for connection errors.
    ``elapsed`` is how long the answer took, in seconds (a stub may declare a ``delay``),
    so Braze's 2-second timeout can be checked without waiting. ``stub`` names the stub
    that gave the answer (``<file> #<n>``), ``None`` for a real server; it is not part of
    the answer, so it is left out of comparisons.
    """

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""
    elapsed: float = 0.0
    error: Optional[str] = None
    stub: Optional[str] = field(default=None, compare=False)

    def header(self, name: str) -> Optional[str]:
        """Case-insensitive header lookup."""
        lowered = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == lowered), None)


class Transport(Protocol):
    """Answers Connected Content requests. Implementations: stubs, network, recorder."""

    def send(self, request: Request) -> HttpResponse: ...


class NoStubMatch(Exception):
    """No stub answers ``request``; ``closest`` describes the nearest stub, if any."""

    def __init__(self, request: Request, closest: Optional[str] = None) -> None:
        self.request = request
        self.closest = closest
        body = f" with body {request.body!r}" if request.body else ""
        text = f"no stub matches {request.method} {request.url}{body}"
        if closest:
            text += f"; closest stub: {closest}"
        super().__init__(text)
