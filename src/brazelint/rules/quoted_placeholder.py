"""BL404 quoted-placeholder: quoted placeholders where the schema wants a number or boolean."""

from __future__ import annotations

from brazelint.rules.base import Rule, Setup

RULE = Rule(
    code="BL404",
    name="quoted-placeholder",
    severity="error",
    summary=(
        "A quoted placeholder makes a value a string where the schema wants a number or boolean."
    ),
    why=(
        "Liquid output is text, so quotes around a placeholder make the value a JSON "
        "string even when it holds digits; a partner that wants a number refuses it."
    ),
    bad='{"tags": ["vip"], "ttl": "{{custom_attribute.${ttl}}}"}',
    good='{"tags": ["vip"], "ttl": {{custom_attribute.${ttl} | default: 2592000}}}',
    fix="unsafe",
    setup=Setup(
        config='schemas = {"*.liquid" = "sessionm/tags"}\n',
    ),
)
