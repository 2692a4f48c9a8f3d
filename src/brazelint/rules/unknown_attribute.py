"""BL201 unknown-attribute: ${attributes} Braze does not have, usually typos."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL201",
    name="unknown-attribute",
    severity="error",
    summary="A standard attribute Braze does not have, usually a typo.",
    why="An unknown attribute renders empty for every user.",
    bad="Hi {{${frist_name}}}",
    good="Hi {{${first_name}}}",
    fix="unsafe",
)
