"""BL402 schema-violation: rendered bodies that break the partner's schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from brazelint.checks.payload import json_path
from brazelint.checks.schema_messages import plain_message, unexpected_members
from brazelint.rules import empty_required_value, float_for_integer, quoted_placeholder
from brazelint.rules.base import Rule, Setup
from brazelint.rules.documentation_placeholder import DOC_PLACEHOLDER
from brazelint.rules.timestamp_in_seconds import is_seconds

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

    from brazelint.checks.payload import JsonBody
    from brazelint.checks.positions import Reporter

RULE = Rule(
    code="BL402",
    name="schema-violation",
    severity="error",
    summary="The rendered body breaks the partner's JSON Schema.",
    why=(
        "A body that parses can still be refused: the partner checks field names, "
        "types and required members, and answers 400 to a body that breaks them."
    ),
    bad='{"tags": ["vip"], "ttl": "30 days"}',
    good='{"tags": ["vip"], "ttl": 2592000}',
    setup=Setup(
        config='schemas = {"*.liquid" = "sessionm/tags"}\n',
    ),
)

CONTAINER_RULES = frozenset({"required", "minProperties", "maxProperties", "dependentRequired"})
"""Schema rules about an object as a whole rather than one value in it."""
SHARPER = (
    (float_for_integer.RULE.code, float_for_integer.explain),
    (quoted_placeholder.RULE.code, quoted_placeholder.explain),
    (empty_required_value.RULE.code, empty_required_value.explain),
)
"""Rules that explain some schema errors better than the schema's own words do; the
first that explains an error reports it instead of BL402."""


def check_json(body: JsonBody, reporter: Reporter) -> None:
    """One finding per schema error, at the template text that wrote the value."""
    for error in body.schema_errors():
        _report(error, body, reporter)


def _report(error: ValidationError, body: JsonBody, reporter: Reporter) -> None:
    document, locator = body.document, body.locator
    path = tuple(error.absolute_path)
    span = document.span(path) or document.span(()) or (0, 0)
    offset = locator.value_offset(*span)
    if error.validator in CONTAINER_RULES:
        # about the object as a whole: its opening brace, or what printed it
        printed = locator.printed_at(span[0])
        offset = printed if printed is not None else locator.template_offset(span[0])
    if error.validator in ("additionalProperties", "unevaluatedProperties"):
        extra = unexpected_members(error)
        key = document.key_span((*path, extra[0])) if extra else None
        if key is not None:  # point at the member that is not allowed
            offset = locator.value_offset(*key)
    if path and "timestamp" in str(path[-1]).lower() and is_seconds(error.instance):
        return  # BL405 says it better
    if isinstance(error.instance, str) and DOC_PLACEHOLDER.search(error.instance):
        return  # BL408 says it better
    where = json_path(path)
    code, message = RULE.code, plain_message(error)
    hint: Optional[str] = (
        "add the missing member to the body" if error.validator == "required" else None
    )
    for sharper, explain in SHARPER:
        explained = explain(error, where, body, span)
        if explained is not None:
            code, (message, hint) = sharper, explained
            break
    reporter.at_offset(
        code,
        offset,
        message,
        profile=body.profile,
        hint=hint,
        excerpt=locator.excerpt(span[0]),
    )
