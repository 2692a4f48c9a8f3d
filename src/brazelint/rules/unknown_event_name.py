"""BL409 unknown-event-name: Movable Ink event names outside the documented set."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.rules.base import Rule, Setup

if TYPE_CHECKING:
    from brazelint.checks.payload import JsonBody
    from brazelint.checks.positions import Reporter

RULE = Rule(
    code="BL409",
    name="unknown-event-name",
    severity="warning",
    summary="A Movable Ink event name that is not one of the documented behavioral events.",
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

MOVABLE_INK_EVENTS = frozenset(
    {"product_viewed", "category_viewed", "cart_add", "cart_remove", "conversion", "search"}
)


def check_json(body: JsonBody, reporter: Reporter) -> None:
    """BL409 for a Movable Ink event whose name is not one of the documented events."""
    value = body.document.value
    if body.adversarial or body.schema != "movable-ink/event" or not isinstance(value, dict):
        return
    event = value.get("event")
    if not isinstance(event, str) or not event or event in MOVABLE_INK_EVENTS:
        return
    span = body.document.span(("event",))
    if span is not None:
        reporter.at_offset(
            RULE.code,
            body.locator.value_offset(*span),
            f"'{event}' is not a documented Movable Ink event",
            profile=body.profile,
            hint=f"use one of {', '.join(sorted(MOVABLE_INK_EVENTS))}, or agree the name "
            f"with Movable Ink",
        )
