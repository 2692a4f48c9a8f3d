"""BL104 insecure-url: URLs Braze will not call or that send data in clear text."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL104",
    name="insecure-url",
    severity="error",
    summary=(
        "A Connected Content or webhook URL on plain http, or on a port other than 80 or 443."
    ),
    why=("Braze only connects to ports 80 and 443; plain http sends user data in clear text."),
    bad="{% connected_content http://api.example.com:8080/offers :save offers %}",
    good="{% connected_content https://api.example.com/offers :save offers %}",
    overrides=("BL104",),
)
