"""BL101 connected-content-option: Connected Content options Braze ignores or refuses."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL101",
    name="connected-content-option",
    severity="warning",
    summary=(
        "A Connected Content option Braze ignores or rejects (old spelling, cache "
        "age out of range)."
    ),
    why=(
        "`:cache` is an old spelling that current Braze documents as "
        "`:cache_max_age`, and a cache age is only honoured between 5 minutes and 4 "
        "hours; outside that, responses are cached differently than the template "
        "says."
    ),
    bad="{% connected_content https://api.example.com/a :cache 60 :save a %}",
    good="{% connected_content https://api.example.com/a :cache_max_age 900 :save a %}",
    fix="safe",
)

ENGINE_PROBLEMS = ("connected-content-cache-age", "connected-content-legacy-cache")
"""The problems the engine records that this rule reports (``engine.state.Problem.name``)."""
