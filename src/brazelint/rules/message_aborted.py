"""BL303 message-aborted: messages that abort for a profile."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.rules.base import Rule, Setup

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.checks.render_checks import RenderFacts
    from brazelint.result import RenderResult

RULE = Rule(
    code="BL303",
    name="message-aborted",
    severity="info",
    summary="The message aborts for a profile; Braze would not send it to that user.",
    why=(
        "An abort is often intended, but it silently drops that user from the send, "
        "so the lint shows which profiles it drops and why."
    ),
    bad="{% if ${email_address} == blank %}{% abort_message('no email') %}{% endif %}Hi",
    good="{% if ${email_address} == blank %}{% abort_message('no email') %}{% endif %}Hi",
    setup=Setup(
        files=(("profiles/anonymous_user.yaml", ("name: anonymous_user\nattributes: {}\n")),),
    ),
    good_setup=Setup(
        files=(
            (
                "profiles/known_user.yaml",
                ("name: known_user\nattributes: {email_address: jane@example.com}\n"),
            ),
        ),
    ),
)


def check_render(
    result: RenderResult, profile: str, reporter: Reporter, facts: RenderFacts, *, generated: bool
) -> None:
    """BL303 where a real profile's render aborted (the generated users abort by design)."""
    if not result.aborted or generated:
        return
    line, column = (
        reporter.index.position(result.abort_offset) if result.abort_offset is not None else (1, 1)
    )
    reporter.at(
        RULE.code,
        line,
        column,
        f"message aborted: {result.abort_reason or 'no reason given'}",
        profile=profile,
    )
