"""BL102 connected-content-no-stub: Connected Content calls no stub answers."""

from __future__ import annotations

from brazelint.rules.base import Rule, Setup

RULE = Rule(
    code="BL102",
    name="connected-content-no-stub",
    severity="error",
    summary=(
        "A Connected Content request that no stub answers, so the preview is not what users get."
    ),
    why=(
        "brazelint never calls the network during lint; add a stub, or record one "
        "with `brazelint stubs record`."
    ),
    bad="{% connected_content https://api.example.com/offers :save offers %}",
    good="{% connected_content https://api.example.com/offers :save offers %}",
    good_setup=Setup(
        files=(
            (
                "stubs/offers.yaml",
                (
                    "- request: {url: https://api.example.com/offers}\n"
                    "  response: {json: {offers: []}}\n"
                ),
            ),
        ),
    ),
)

ENGINE_PROBLEMS = ("connected-content-no-stub",)
"""The problems the engine records that this rule reports (``engine.state.Problem.name``)."""
