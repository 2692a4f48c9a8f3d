"""BL203 attribute-missing: values some profiles lack, printed without a default."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL203",
    name="attribute-missing",
    severity="warning",
    summary=("A value a profile does not have is printed without a default, so it renders empty."),
    why=(
        "Any attribute can be unset for some users, and an unset one prints nothing, "
        "leaving a gap such as `Hi ,` in what they receive."
    ),
    bad="Hi {{${first_name}}},",
    good="Hi {{${first_name} | default: 'there'}},",
    fix="unsafe",
)
