"""BL107 connected-content-failed: Connected Content answers that failed and are used anyway."""

from __future__ import annotations

from brazelint.rules.base import Rule, Setup

RULE = Rule(
    code="BL107",
    name="connected-content-failed",
    severity="warning",
    summary=("A Connected Content call that failed, redirected, timed out or answered too much."),
    why=(
        "Braze does not stop a message whose call failed: an error, a redirect "
        "(never followed), a timeout past 2 seconds or an answer over 1 MB leaves "
        "the saved variable empty, and the message goes out with the gaps unless the "
        "template checks __http_status_code__."
    ),
    bad=("{% connected_content https://api.example.com/offers :save offers %}{{offers.title}}"),
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
