"""BL408 documentation-placeholder: placeholders copied from partner documentation."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL408",
    name="documentation-placeholder",
    severity="error",
    summary="A placeholder copied from partner documentation was never replaced.",
    why=(
        "Partner examples carry stand-ins such as YOUR-RETAIL-ID or {{CAMPAIGN ID}}; "
        "sent as they are, the partner gets an id that means nothing."
    ),
    bad='"retailer_id": "YOUR-RETAIL-ID"',
    good='"retailer_id": "2f9e6c1e-8b1a-4c43-9a57-3c0c1b2d4e5f"',
    overrides=("BL001", "BL002", "BL003"),
)
