"""BL305 message-extras-truncated: message_extras past Braze's 1 KB."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL305",
    name="message-extras-truncated",
    severity="warning",
    summary="message_extras keys and values over 1 KB, which Braze truncates.",
    why=(
        "Braze keeps at most 1 KB of message_extras per message (whitespace counts) "
        "and cuts the rest, so the send event in Currents is missing data."
    ),
    bad=(
        "{% capture long %}{% for i in (1..110) %}0123456789{% endfor %}{% "
        "endcapture %}{% message_extras :key payload :value {{ long }} %}"
    ),
    good="{% message_extras :key offer_id :value {{ offer.id }} %}",
)

ENGINE_PROBLEMS = ("message-extras-truncated",)
"""The problems the engine records that this rule reports (``engine.state.Problem.name``)."""
