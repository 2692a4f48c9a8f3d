"""``--show-requests``: the Connected Content requests of a render, credentials redacted."""

from __future__ import annotations

from typing import Sequence

from brazelint.http.redact import redact_request
from brazelint.http.types import Request
from brazelint.report.common import terminal_safe


def format_requests(requests: Sequence[Request]) -> str:
    if not requests:
        return "no Connected Content requests"
    lines = []
    for number, raw in enumerate(requests, 1):
        request = redact_request(raw)
        if request.cached:
            outcome = f"{request.status} (from cache, not sent)"
        elif request.status is None:
            outcome = "no stub matched"
        else:
            outcome = str(request.status)
        lines.append(
            f"request {number} (line {request.line}): {request.method} {request.url} -> {outcome}"
        )
        lines += [f"  {name}: {value}" for name, value in request.headers.items()]
        if request.body is not None:
            lines.append(f"  body: {request.body}")
    return terminal_safe("\n".join(lines))
