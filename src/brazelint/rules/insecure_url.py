"""BL104 insecure-url: URLs Braze will not call or that send data in clear text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter

RULE = Rule(
    code="BL104",
    name="insecure-url",
    severity="error",
    summary=(
        "A Connected Content or webhook URL on plain http, or on a port other than 80 or 443."
    ),
    why="Braze only connects to ports 80 and 443; plain http sends user data in clear text.",
    bad="{% connected_content http://api.example.com:8080/offers :save offers %}",
    good="{% connected_content https://api.example.com/offers :save offers %}",
    overrides=("BL104",),
)


ENGINE_PROBLEMS = ("connected-content-port",)
"""A port Braze refuses in a URL only Liquid builds (the engine sees the rendered URL)."""

_PORT = re.compile(r"https?://[^/:{}?#]+:(\d+)", re.I)


def check_url(url: str, offset: int, reporter: Reporter, *, connected_content: bool) -> None:
    """BL104 for plain http, and for a port Braze does not connect to."""
    what = "Connected Content" if connected_content else "webhook"
    if url.lower().startswith("http://"):
        reporter.at_offset(
            RULE.code,
            offset,
            f"{what} URL uses plain http",
            end=offset + 7,
            hint="use https:// so user data is encrypted in transit",
        )
    port = _PORT.match(url)
    if port and port.group(1) not in ("80", "443"):
        reporter.at_offset(
            RULE.code,
            offset + port.start(1),
            f"{what} URL uses port {port.group(1)}; Braze only connects to ports 80 and 443",
            end=offset + port.end(1),
            hint="serve the API on 443 (https) or 80",
        )
