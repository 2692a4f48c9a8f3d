"""Checks on one render: failures, aborts, empty output, Connected Content, undefined values."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from brazelint.profiles import NAMESPACES, STANDARD_ATTRIBUTES

if TYPE_CHECKING:
    from brazelint.checks.positions import Reporter
    from brazelint.errors import TemplateRenderError
    from brazelint.result import RenderResult

PROBLEM_CODES = {
    "connected-content-no-stub": "BL102",
    "connected-content-port": "BL104",
    "connected-content-redirect": "BL107",
    "connected-content-timeout": "BL107",
    "connected-content-too-large": "BL107",
    "connected-content-failed": "BL107",
    "connected-content-cache-age": "BL101",
    "connected-content-legacy-cache": "BL101",
    "connected-content-credential": "BL109",
    "connected-content-request-schema": "BL108",
    "connected-content-response-schema": "BL108",
    "message-extras-truncated": "BL305",
}
BRAZE_ROOTS = frozenset({*STANDARD_ATTRIBUTES, *NAMESPACES.values(), "content_blocks"})
"""Top-level names Braze itself defines for every message."""
LIMIT_WORDS = ("limit", "longer than", "too deeply", "larger than")
STATUS_CHECK = "__http_status_code__"
"""A template that reads this handles failed Connected Content answers itself."""
REFERENCE = re.compile(
    r"(?:\$\{[^}]*\}|[A-Za-z_][\w-]*)(?:\s*\.\s*(?:\$\{[^}]*\}|[\w-]+)|\[[^\]]*\])*"
)
"""A variable path as written in the template: ``${x}``, ``a.b.${c}``, ``a[0].b``."""


class RenderFacts:
    """What the checks of one file need to know beyond the render itself."""

    __slots__ = ("assigned", "unguarded")

    def __init__(
        self, assigned: Optional[set[str]] = None, unguarded: Optional[set[int]] = None
    ) -> None:
        self.assigned: set[str] = set() if assigned is None else assigned
        """Names the template (or its Content Blocks) assigns somewhere."""
        self.unguarded: set[int] = set() if unguarded is None else unguarded
        """Template offsets of values printed without ``default``."""


def report_render_error(error: TemplateRenderError, profile: str, reporter: Reporter) -> None:
    line, column = error.line or 1, error.column or 1
    code = "BL302" if any(word in error.message for word in LIMIT_WORDS) else "BL301"
    reporter.at(
        code,
        line,
        column,
        error.message,
        end_column=column + error.length,
        profile=profile,
        hint=error.hint,
    )


def check_render(
    result: RenderResult,
    profile: str,
    reporter: Reporter,
    facts: RenderFacts,
    *,
    generated: bool,
) -> None:
    for problem in result.problems:
        code = PROBLEM_CODES.get(problem.name)
        if code is None:
            continue
        reporter.at(code, problem.line or 1, problem.column or 1, problem.message, profile=profile)
    _failed_answers(result, profile, reporter)
    _undefined(result, profile, reporter, facts)
    if result.aborted and not generated:
        line, column = (
            reporter.index.position(result.abort_offset)
            if result.abort_offset is not None
            else (1, 1)
        )
        reporter.at(
            "BL303",
            line,
            column,
            f"message aborted: {result.abort_reason or 'no reason given'}",
            profile=profile,
        )
    elif not result.aborted and not generated and not result.output.strip():
        reporter.at(
            "BL304",
            1,
            1,
            "the template renders nothing for this profile",
            profile=profile,
            hint="check the conditions that wrap the content",
        )


def _failed_answers(result: RenderResult, profile: str, reporter: Reporter) -> None:
    """A stub (or server) that answered 4xx/5xx, when the template never looks at the status."""
    if STATUS_CHECK in reporter.source:
        return
    for request in result.requests:
        status = request.status
        if status is None or status < 400 or status == 599 or request.cached:
            continue  # no answer at all (599) is reported by the HTTP layer itself
        reporter.at(
            "BL107",
            request.line or 1,
            request.column or 1,
            f"{request.method} {request.url} answered {status}; the template does not check "
            f"{STATUS_CHECK}",
            profile=profile,
            hint=f"handle the failure: {{% if result.{STATUS_CHECK} != 200 %}}"
            "{% abort_message('partner call failed') %}{% endif %}",
        )


def _undefined(result: RenderResult, profile: str, reporter: Reporter, facts: RenderFacts) -> None:
    index = reporter.index
    source = reporter.source
    for use in result.undefined_uses:
        if not use.line:
            continue
        root = use.path.split(".", 1)[0].split("[", 1)[0]
        offset = index.offset(use.line, use.column)
        dollar = source.startswith("${", offset)
        if not dollar and root in STANDARD_ATTRIBUTES:
            continue  # {{first_name}} without ${}: BL207 reports it once, from the source
        is_attribute = dollar or root in BRAZE_ROOTS
        written = REFERENCE.match(source, offset)
        end_column = use.column + (len(written.group()) if written else len(root))
        if not is_attribute and root not in facts.assigned:
            reporter.at(
                "BL202",
                use.line,
                use.column,
                f"'{root}' is never assigned and Braze does not define it; it renders empty",
                end_column=use.column + len(root),
                profile=None,
                hint="assign it first, or use ${attribute} / custom_attribute.${name}",
            )
        elif is_attribute and root in BRAZE_ROOTS and offset in facts.unguarded:
            # an unknown ${attribute} (not in BRAZE_ROOTS) is BL201's, for every profile
            reporter.at(
                "BL203",
                use.line,
                use.column,
                f"{use.path} is not set for this profile and renders empty",
                end_column=end_column,
                profile=profile,
                hint="give it a default: {{ … | default: '…' }}",
            )
