"""BL304 empty-output: messages that render nothing."""

from __future__ import annotations

from brazelint.rules.base import Rule, Setup

RULE = Rule(
    code="BL304",
    name="empty-output",
    severity="warning",
    summary="The template renders nothing (or only whitespace) for a profile.",
    why=(
        "An empty body or message is sent as it is, or rejected by the channel or "
        "partner; either way that user gets nothing useful."
    ),
    bad="{% if ${first_name} %}Hi {{${first_name}}}{% endif %}",
    good="Hi {{${first_name} | default: 'there'}}",
    setup=Setup(
        files=(("profiles/anonymous_user.yaml", ("name: anonymous_user\nattributes: {}\n")),),
    ),
)
