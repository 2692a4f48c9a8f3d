"""BL901 unused-suppression: brazelint: disable comments that suppress nothing."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL901",
    name="unused-suppression",
    severity="warning",
    summary="A brazelint: disable comment that suppresses nothing.",
    why=(
        "A suppression that no longer matches a finding hides the next real one on "
        "that line, and tells readers about a problem that is gone."
    ),
    bad=('{% comment %}brazelint: disable-next-line BL403{% endcomment %}\n"id": 1'),
    good='"id": 1',
    fix="safe",
)
