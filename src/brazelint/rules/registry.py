"""Every rule brazelint reports, by code: the one table that assigns codes (as ruff's
``codes.rs`` does), so a code is never derived, reused or listed twice.

A retired rule keeps its row (and its code stays taken), so old suppressions and
``--select`` lists still mean what they meant.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from brazelint.rules import (
    abort_reason_not_string,
    attribute_missing,
    bare_standard_attribute,
    check_failed,
    connected_content_failed,
    connected_content_no_stub,
    connected_content_option,
    connected_content_schema,
    curly_quotes,
    documentation_placeholder,
    empty_output,
    empty_required_value,
    filter_in_condition,
    float_for_integer,
    hard_coded_credentials,
    insecure_url,
    invalid_json,
    invalid_suppression,
    limit_exceeded,
    liquid_in_html_comment,
    message_aborted,
    message_extras_truncated,
    missing_credential,
    not_rendered,
    nothing_checked,
    quoted_placeholder,
    render_error,
    schema_violation,
    symbolic_boolean_operator,
    syntax_error,
    timestamp_in_seconds,
    undefined_variable,
    undocumented_filter,
    unescaped_interpolation,
    unescaped_query_value,
    unhashed_personal_data,
    unknown_attribute,
    unknown_event_name,
    unknown_filter,
    unknown_tag,
    unsupported_filter,
    unsupported_tag,
    unused_suppression,
    webhook_header,
    webhook_url,
)
from brazelint.rules.base import (
    CoverageCheck,
    FilterCheck,
    JsonCheck,
    RenderCheck,
    Rule,
    SourceCheck,
    UrlCheck,
)

TABLE: dict[str, Rule] = {
    "BL001": syntax_error.RULE,
    "BL002": unknown_tag.RULE,
    "BL003": unsupported_tag.RULE,
    "BL004": curly_quotes.RULE,
    "BL005": symbolic_boolean_operator.RULE,
    "BL006": liquid_in_html_comment.RULE,
    "BL101": connected_content_option.RULE,
    "BL102": connected_content_no_stub.RULE,
    "BL103": hard_coded_credentials.RULE,
    "BL104": insecure_url.RULE,
    "BL105": unescaped_query_value.RULE,
    "BL106": abort_reason_not_string.RULE,
    "BL107": connected_content_failed.RULE,
    "BL108": connected_content_schema.RULE,
    "BL109": missing_credential.RULE,
    "BL201": unknown_attribute.RULE,
    "BL202": undefined_variable.RULE,
    "BL203": attribute_missing.RULE,
    "BL204": unknown_filter.RULE,
    "BL205": unsupported_filter.RULE,
    "BL206": filter_in_condition.RULE,
    "BL207": bare_standard_attribute.RULE,
    "BL208": undocumented_filter.RULE,
    "BL301": render_error.RULE,
    "BL302": limit_exceeded.RULE,
    "BL303": message_aborted.RULE,
    "BL304": empty_output.RULE,
    "BL305": message_extras_truncated.RULE,
    "BL306": check_failed.RULE,
    "BL307": not_rendered.RULE,
    "BL308": nothing_checked.RULE,
    "BL401": invalid_json.RULE,
    "BL402": schema_violation.RULE,
    "BL403": unescaped_interpolation.RULE,
    "BL404": quoted_placeholder.RULE,
    "BL405": timestamp_in_seconds.RULE,
    "BL406": unhashed_personal_data.RULE,
    "BL407": empty_required_value.RULE,
    "BL408": documentation_placeholder.RULE,
    "BL409": unknown_event_name.RULE,
    "BL410": float_for_integer.RULE,
    "BL411": webhook_url.RULE,
    "BL412": webhook_header.RULE,
    "BL901": unused_suppression.RULE,
    "BL902": invalid_suppression.RULE,
}

RULES: tuple[Rule, ...] = tuple(TABLE.values())
"""Every rule, in code order (the order ``brazelint rules`` lists them)."""

SOURCE_CHECKS: tuple[SourceCheck, ...] = (
    curly_quotes.check,
    symbolic_boolean_operator.check,
    liquid_in_html_comment.check,
    abort_reason_not_string.check,
    hard_coded_credentials.check,
    unknown_attribute.check,
    filter_in_condition.check,
    bare_standard_attribute.check,
    documentation_placeholder.check,
)
"""The rules that read the template text (``checks.source_scan.scan_source`` runs them)."""

URL_CHECKS: tuple[UrlCheck, ...] = (
    insecure_url.check_url,
    hard_coded_credentials.check_url,
    unescaped_query_value.check_url,
)
"""The rules that read a Connected Content or webhook URL (``checks.source_scan.check_url``),
each called as ``check(url, offset, reporter, connected_content=...)``."""

FILTER_CHECKS: tuple[FilterCheck, ...] = (
    unknown_filter.check_filter,
    unsupported_filter.check_filter,
    undocumented_filter.check_filter,
)
"""The rules that judge a filter the template applies (``checks.tree_scan.scan_tree``)."""

RENDER_CHECKS: tuple[RenderCheck, ...] = (
    connected_content_failed.check_render,
    undefined_variable.check_render,
    attribute_missing.check_render,
    message_aborted.check_render,
    empty_output.check_render,
)
"""The rules that judge one profile's render (``checks.render_checks.check_render``), each
called as ``check(result, profile, reporter, facts, generated=...)``."""

JSON_CHECKS: tuple[JsonCheck, ...] = (
    invalid_json.check_json,
    unescaped_interpolation.check_json,
    schema_violation.check_json,
    timestamp_in_seconds.check_json,
    unhashed_personal_data.check_json,
    unknown_event_name.check_json,
)
"""The rules that judge a rendered JSON body (``checks.payload.check_json``)."""

COVERAGE_CHECKS: tuple[CoverageCheck, ...] = (
    not_rendered.check_coverage,
    nothing_checked.check_coverage,
)
"""The rules that judge what no profile rendered (``checks.coverage.check_coverage``)."""

PROBLEM_CODES: dict[str, str] = {
    problem: module.RULE.code
    for module in (
        connected_content_option,
        connected_content_no_stub,
        insecure_url,
        connected_content_failed,
        connected_content_schema,
        missing_credential,
        message_extras_truncated,
    )
    for problem in module.ENGINE_PROBLEMS
}
"""An engine problem's name (``engine.state.Problem.name``) -> the code it is reported as."""


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Rule]:
    return {found.name: found for found in RULES}


def get_rule(code: str) -> Optional[Rule]:
    """The rule for a code (``BL401``) or a name (``invalid-json``)."""
    found = TABLE.get(code.upper())
    return found if found is not None else _by_name().get(code)


def rule(code: str) -> Rule:
    """The rule for a code that must exist (checks use this to build diagnostics)."""
    return TABLE[code]


def codes_matching(selector: str) -> list[str]:
    """Codes selected by ``BL4``, ``BL40``, ``BL401``, ``ALL`` or a rule name."""
    text = selector.strip()
    if text.upper() == "ALL":
        return [r.code for r in RULES]
    named = get_rule(text)
    if named is not None:
        return [named.code]
    prefix = text.upper()
    return [r.code for r in RULES if r.code.startswith(prefix)] if prefix.startswith("BL") else []


class Book:
    """The rules as the checks use them (``checks.positions.RuleBook``): the lint layer
    hands ``BOOK`` to every ``Reporter``."""

    source_checks = SOURCE_CHECKS
    url_checks = URL_CHECKS
    filter_checks = FILTER_CHECKS
    render_checks = RENDER_CHECKS
    json_checks = JSON_CHECKS
    coverage_checks = COVERAGE_CHECKS
    problem_codes = PROBLEM_CODES

    @staticmethod
    def rule(code: str) -> Rule:
        return TABLE[code]


BOOK = Book()
