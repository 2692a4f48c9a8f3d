"""BL109 missing-credential: credential names no configured credential provides."""

from __future__ import annotations

from brazelint.rules.base import Rule, Setup

RULE = Rule(
    code="BL109",
    name="missing-credential",
    severity="error",
    summary="A :basic_auth or :auth_credentials name that no configured credential provides.",
    why=(
        "Braze aborts a call whose stored credential does not exist, and the lint "
        "cannot stand in for the partner without one; configure it under "
        "[credentials] or in BRAZELINT_CREDENTIAL_<NAME>_USERNAME/_PASSWORD."
    ),
    bad="{% connected_content https://api.example.com/offers :basic_auth partner :save offers %}",
    good=(
        "{% connected_content https://api.example.com/offers :basic_auth partner :save offers %}"
    ),
    setup=Setup(
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
    good_setup=Setup(
        config=('[credentials.partner]\nusername = "api-key"\npassword = "api-secret"\n'),
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

ENGINE_PROBLEMS = ("connected-content-credential",)
"""The problems the engine records that this rule reports (``engine.state.Problem.name``)."""
