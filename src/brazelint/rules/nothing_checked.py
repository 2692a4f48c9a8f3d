"""BL308 nothing-checked: runs where every profile aborts or fails."""

from __future__ import annotations

from brazelint.rules.base import Rule, Setup

RULE = Rule(
    code="BL308",
    name="nothing-checked",
    severity="warning",
    summary="Every profile aborts or fails, so the message body was never checked.",
    why="A lint that rendered nothing past a guard has checked nothing past it.",
    bad="{% if ${user_id} == blank %}{% abort_message('no id') %}{% endif %}Hi",
    good="{% if ${user_id} == blank %}{% abort_message('no id') %}{% endif %}Hi",
    setup=Setup(
        config="generated-profiles = false\n",
        files=(("profiles/anonymous_user.yaml", ("name: anonymous_user\nattributes: {}\n")),),
    ),
    good_setup=Setup(
        config="generated-profiles = false\n",
        files=(
            ("profiles/anonymous_user.yaml", ("name: anonymous_user\nattributes: {}\n")),
            ("profiles/known_user.yaml", ("name: known_user\nattributes: {user_id: u-1}\n")),
        ),
    ),
)
