"""BL307 not-rendered: template lines no profile renders."""

from __future__ import annotations

from brazelint.rules.base import Rule, Setup

RULE = Rule(
    code="BL307",
    name="not-rendered",
    severity="info",
    summary="Template lines no profile renders, so no check ever looked at them.",
    why=(
        "A branch no profile reaches is sent to real users unchecked; the hint names "
        "the values that reach it."
    ),
    bad=("{% if custom_attribute.${tier} == 'gold' %}Gold{% else %}{{ broken }}{% endif %}"),
    good="{% if custom_attribute.${tier} == 'gold' %}Gold{% else %}Silver{% endif %}",
    setup=Setup(
        config="generated-profiles = false\n",
        files=(
            ("profiles/gold_user.yaml", ("name: gold_user\ncustom_attributes: {tier: gold}\n")),
        ),
    ),
    good_setup=Setup(
        config="generated-profiles = false\n",
        files=(
            ("profiles/gold_user.yaml", ("name: gold_user\ncustom_attributes: {tier: gold}\n")),
            (
                "profiles/silver_user.yaml",
                ("name: silver_user\ncustom_attributes: {tier: silver}\n"),
            ),
        ),
    ),
)
