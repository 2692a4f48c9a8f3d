"""BL403 unescaped-interpolation: user values that break the JSON string they are spliced into."""

from __future__ import annotations

from brazelint.rules.base import Rule, Setup

RULE = Rule(
    code="BL403",
    name="unescaped-interpolation",
    severity="error",
    summary=("User data spliced into JSON without json_escape breaks the body for some users."),
    why=(
        "A quote, backslash or line break in a name ends the JSON string early; "
        "brazelint renders an adversarial profile to find these."
    ),
    bad='{"name": "{{${first_name}}}"}',
    good='{"name": "{{${first_name} | json_escape}}"}',
    fix="safe",
    setup=Setup(
        files=(("profiles/known_user.yaml", "attributes: {first_name: Jane}\n"),),
    ),
)
