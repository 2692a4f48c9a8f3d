"""BL107 connected-content-failed: Connected Content answers that failed and are used anyway."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brazelint.rules.base import Rule, Setup

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.checks.render_checks import RenderFacts
    from brazelint.result import RenderResult

RULE = Rule(
    code="BL107",
    name="connected-content-failed",
    severity="warning",
    summary="A Connected Content call that failed, redirected, timed out or answered too much.",
    why=(
        "Braze does not stop a message whose call failed: an error, a redirect "
        "(never followed), a timeout past 2 seconds or an answer over 1 MB leaves "
        "the saved variable empty, and the message goes out with the gaps unless the "
        "template checks __http_status_code__."
    ),
    bad="{% connected_content https://api.example.com/offers :save offers %}{{offers.title}}",
    good=(
        "{% connected_content https://api.example.com/offers :save offers %}{% if "
        "offers.__http_status_code__ != 200 %}{% abort_message('offers failed') %}{% "
        "endif %}{{offers.title}}"
    ),
    setup=Setup(
        files=(
            (
                "stubs/offers.yaml",
                (
                    "- request: {url: https://api.example.com/offers}\n"
                    "  response: {status: 500, json: {error: down}}\n"
                ),
            ),
        ),
    ),
)

ENGINE_PROBLEMS = (
    "connected-content-redirect",
    "connected-content-timeout",
    "connected-content-too-large",
    "connected-content-failed",
)
"""What the HTTP layer records for a call that got no usable answer at all."""
STATUS_CHECK = "__http_status_code__"
"""A template that reads this handles failed Connected Content answers itself."""


def check_render(
    result: RenderResult, profile: str, reporter: Reporter, facts: RenderFacts, *, generated: bool
) -> None:
    """BL107 for each answer of 4xx or 5xx, when the template never looks at the status."""
    if STATUS_CHECK in reporter.source:
        return
    for request in result.requests:
        status = request.status
        if status is None or status < 400 or status == 599 or request.cached:
            continue  # no answer at all (599) is reported by the HTTP layer itself
        reporter.at(
            RULE.code,
            request.line or 1,
            request.column or 1,
            f"{request.method} {request.url} answered {status}; the template does not check "
            f"{STATUS_CHECK}",
            profile=profile,
            hint=f"handle the failure: {{% if result.{STATUS_CHECK} != 200 %}}"
            "{% abort_message('partner call failed') %}{% endif %}",
        )
