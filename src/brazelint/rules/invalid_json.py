"""BL401 invalid-json: rendered bodies that are not JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.rules.base import Rule

if TYPE_CHECKING:
    from brazelint.checks.payload import JsonBody
    from brazelint.checks.positions import Reporter

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


def check_json(body: JsonBody, reporter: Reporter) -> None:
    """BL401 at each syntax problem of a body (the adversarial user's are BL403's)."""
    if body.adversarial:
        return
    for problem in body.errors:
        offset, after = body.origin(problem)
        line, column = reporter.index.position(offset)
        reporter.at(
            RULE.code,
            line,
            column + after,
            problem.message,
            profile=body.profile,
            hint=problem.hint,
            excerpt=body.locator.excerpt(problem.start),
        )
