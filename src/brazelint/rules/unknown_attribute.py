"""BL201 unknown-attribute: ${attributes} Braze does not have, usually typos."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from brazelint.profiles import STANDARD_ATTRIBUTES
from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.checks.source_scan import SourceFacts

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

ATTRIBUTE = re.compile(r"\$\{\s*([^}]*?)\s*\}")


def check(source: str, facts: SourceFacts, reporter: Reporter) -> None:
    """BL201 for each ``${name}`` that is not one of Braze's standard attributes."""
    for markup in facts.markups:
        if "${" not in markup.text:
            continue
        for found in ATTRIBUTE.finditer(markup.text):
            before = markup.text[: found.start()].rstrip()
            if before.endswith((".", "[")):
                continue  # custom_attribute.${x}, event_properties.${x}, ...
            name = found.group(1)
            if name in STANDARD_ATTRIBUTES:
                continue
            close = difflib.get_close_matches(name, sorted(STANDARD_ATTRIBUTES), n=1, cutoff=0.7)
            hint = (
                f"did you mean ${{{close[0]}}}?"
                if close
                else f"custom attributes are read as {{{{custom_attribute.${{{name}}}}}}}"
            )
            reporter.at_offset(
                RULE.code,
                markup.start + found.start(),
                f"${{{name}}} is not a Braze standard attribute; it renders empty for every user",
                end=markup.start + found.end(),
                hint=hint,
            )
