"""BL401 invalid-json: rendered bodies that are not JSON."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL401",
    name="invalid-json",
    severity="error",
    summary="The rendered body is not valid JSON.",
    why=(
        "A partner API rejects a body it cannot parse, so the webhook fails for "
        "every user; a missing or trailing comma is enough."
    ),
    bad=('{\n  "user_id": "{{${user_id}}}"\n  "type": "track",\n}'),
    good=('{\n  "user_id": "{{${user_id}}}",\n  "type": "track"\n}'),
    fix="safe",
)
