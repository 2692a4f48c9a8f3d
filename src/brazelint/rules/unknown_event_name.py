"""BL409 unknown-event-name: Movable Ink event names outside the documented set."""

from __future__ import annotations

from brazelint.rules.base import Rule, Setup

RULE = Rule(
    code="BL409",
    name="unknown-event-name",
    severity="warning",
    summary=("A Movable Ink event name that is not one of the documented behavioral events."),
    why=(
        "Movable Ink matches behavioral events by name; a name it was not set up for "
        "is accepted and then ignored, so the event never reaches a campaign."
    ),
    bad=(
        '{"type": "track", "event": "productViewed", "user_id": "u-1", "timestamp": 1718000000000}'
    ),
    good=(
        '{"type": "track", "event": "product_viewed", "user_id": "u-1", "timestamp": 1718000000000}'
    ),
    setup=Setup(
        config='schemas = {"*.liquid" = "movable-ink/event"}\n',
    ),
)
