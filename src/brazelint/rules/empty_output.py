"""BL304 empty-output: messages that render nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.rules.base import Rule, Setup

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.checks.render_checks import RenderFacts
    from brazelint.result import RenderResult

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


def check_render(
    result: RenderResult, profile: str, reporter: Reporter, facts: RenderFacts, *, generated: bool
) -> None:
    """BL304 when a real profile's render finished with nothing but whitespace."""
    if result.aborted or generated or result.output.strip():
        return
    reporter.at(
        RULE.code,
        1,
        1,
        "the template renders nothing for this profile",
        profile=profile,
        hint="check the conditions that wrap the content",
    )
