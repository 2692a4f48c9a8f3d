"""BL408 documentation-placeholder: placeholders copied from partner documentation."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.checks.source_scan import SourceFacts

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

DOC_PLACEHOLDER = re.compile(
    r"\bYOUR[-_ ][A-Z][A-Z0-9_-]*|\{\{\s*[A-Z][A-Z0-9_]*(?:\s+[A-Z0-9_]+)+\s*\}\}"
)
_UPPERCASE_OUTPUT = re.compile(r"\{\{\s*[A-Z]")
"""How every match of DOC_PLACEHOLDER's second branch starts."""


def check(source: str, facts: SourceFacts, reporter: Reporter) -> None:
    """BL408 at each placeholder left from partner documentation (``YOUR-RETAIL-ID``,
    ``{{CAMPAIGN ID}}``), anywhere in the text."""
    if "YOUR" not in source and not _UPPERCASE_OUTPUT.search(source):
        return  # every DOC_PLACEHOLDER match has one or the other; this scan is ~20x cheaper
    for found in DOC_PLACEHOLDER.finditer(source):
        reporter.at_offset(
            RULE.code,
            found.start(),
            f"documentation placeholder {found.group()!r} was never replaced",
            end=found.end(),
            hint="put the real value here (or a variable you assign)",
        )
