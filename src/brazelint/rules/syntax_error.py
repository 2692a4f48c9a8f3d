"""BL001 syntax-error: whether the template parses at all."""

from __future__ import annotations

from brazelint.rules.base import Rule

RULE = Rule(
    code="BL001",
    name="syntax-error",
    severity="error",
    summary="The template is not valid Liquid, so Braze cannot send it.",
    why=(
        "A message whose Liquid does not parse is never sent: Braze rejects it when "
        "it is saved or when it is sent, so nobody receives it."
    ),
    bad="{% if ${first_name} %}Hi {{${first_name}}}",
    good="{% if ${first_name} %}Hi{% endif %}",
)
