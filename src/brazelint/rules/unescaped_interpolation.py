"""BL403 unescaped-interpolation: user values that break the JSON string they are spliced into."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.rules.base import Rule, Setup

if TYPE_CHECKING:
    from brazelint.checks.json_model import JsonProblem
    from brazelint.checks.payload import JsonBody
    from brazelint.checks.positions import Reporter

RULE = Rule(
    code="BL403",
    name="unescaped-interpolation",
    severity="error",
    summary="User data spliced into JSON without json_escape breaks the body for some users.",
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


def check_json(body: JsonBody, reporter: Reporter) -> None:
    """BL403 once per value whose hostile text broke the adversarial user's body, where no
    other profile's body broke already.

    A hostile value (quotes, a line break) derails the parser for the rest of the body,
    so only the first problem inside each printed value counts; the others are echoes.
    When no problem lies inside a printed value, the first one stands for them all.
    """
    if not body.adversarial:
        return
    breaks = [p for p in body.errors if body.origin(p)[0] not in body.known_breaks]
    if not breaks:
        return
    by_value: dict[int, tuple[JsonProblem, int, int]] = {}
    for problem in sorted(breaks, key=lambda found: found.start):
        printed = body.locator.printed_at(problem.start)
        if printed is not None and printed not in by_value:
            by_value[printed] = (problem, printed, 0)
    if by_value:
        chosen = list(by_value.values())
    else:
        first = min(breaks, key=lambda found: found.start)
        chosen = [(first, *body.origin(first))]
    for problem, offset, after in chosen:
        line, column = reporter.index.position(offset)
        reporter.at(
            RULE.code,
            line,
            column + after,
            "a value with quotes, backslashes or line breaks breaks the JSON here "
            f"({problem.message})",
            profile=body.profile,
            hint="escape values spliced into JSON strings: {{ … | json_escape }}",
            excerpt=body.locator.excerpt(problem.start),
        )
