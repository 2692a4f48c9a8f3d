"""Lint a webhook file: its URL and headers for every profile, and its body as a template."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional
from urllib.parse import urlsplit

from brazelint.checks.positions import OutputLocator, Reporter
from brazelint.checks.render_checks import RenderFacts, check_render
from brazelint.checks.source_scan import check_url, scan_source
from brazelint.errors import TemplateRenderError, TemplateSyntaxError
from brazelint.http.redact import SECRET_HEADER_PATTERN
from brazelint.lint.linter import FileResult, ProfileRender, resolve_schema
from brazelint.lint.suppressions import read_directives
from brazelint.lint.webhook import (
    Field,
    Webhook,
    WebhookFileError,
    expand_environment,
    load_webhook,
)
from brazelint.rules import hard_coded_credentials
from brazelint.rules.registry import BOOK
from brazelint.sources import read_template

if TYPE_CHECKING:
    from brazelint.lint.linter import Linter
    from brazelint.profiles import Profile
    from brazelint.result import RenderResult

SECRET_HEADERS = re.compile(rf"^(?:{SECRET_HEADER_PATTERN})$", re.I)
"""The credential headers of ``http.redact``: the same list as templates' ``:headers``."""


def lint_webhook(linter: Linter, path: Path, display: str, source: str) -> FileResult:
    reporter = Reporter(display, source, BOOK)
    directives = read_directives(source, reporter, hash_comments=True)
    try:
        webhook = load_webhook(path, source)
    except WebhookFileError as err:
        reporter.at("BL001", err.file_line or 1, 1, err.problem, hint=err.hint)
        return FileResult(display, linter.finish(reporter, directives, path), source)
    schema = resolve_schema(webhook.schema, path, linter.config.root) if webhook.schema else None
    content_type = webhook.header("Content-Type") or ""
    json_expected = True if schema or "json" in content_type.lower() else None
    result = FileResult(display, [], source, schema=schema)
    # the body first: its renders say who gets no message (an abort), and the URL is
    # rendered for the same users, the complete one included
    renders: list[ProfileRender] = []
    body: Optional[FileResult] = None
    if webhook.body is not None:
        sub = Reporter(display, webhook.body.text, BOOK)
        renders, _ = linter.check_template(
            webhook.body.text, sub, schema=schema, json_expected=json_expected, path=path
        )
        _shift_into(sub, webhook.body, reporter)
    elif webhook.body_file is not None:
        body, renders = linter.lint_template_renders(
            read_template(webhook.body_file),
            str(_display_beside(display, path, webhook.body_file)),
            path=webhook.body_file,
            schema=schema,
            json_expected=json_expected,
        )
    silent = frozenset(
        entry.profile for entry in renders if entry.result is not None and entry.result.aborted
    )
    users = [entry.user for entry in renders if entry.user is not None]
    if not users:  # no body, or one that does not parse: its own lint says so
        users = [*linter.profiles, *linter.generated]
    _check_url(linter, webhook, reporter, [u for u in users if u.name not in silent])
    for name, value in webhook.headers.items():
        _check_header(linter, name, value, reporter, silent)
    result.diagnostics = linter.finish(reporter, directives, path)
    if body is not None:
        result.diagnostics += body.diagnostics
        result.extra_sources[body.path] = body.source or ""
    return result


def _check_url(linter: Linter, webhook: Webhook, reporter: Reporter, users: list[Profile]) -> None:
    url = webhook.url
    check_url(
        url.text,
        reporter.index.offset(url.line + 1, url.column + 1),
        reporter,
        connected_content=False,
    )
    sub = Reporter(reporter.path, url.text, BOOK)
    for profile, result in _renders(linter, url.text, sub, users):
        rendered = result.output.strip()
        locator = OutputLocator(result.output, result.source_map)
        if result.aborted:
            continue
        # the rendered URL goes in the excerpt, so one finding merges across profiles
        if not rendered.lower().startswith("https://"):
            sub.at_offset(
                "BL411",
                0,
                "the webhook URL is not an absolute https:// URL",
                profile=profile.name,
                hint="start the URL with https:// and the partner's host",
                excerpt=rendered,
            )
            continue
        start = result.output.find(rendered)
        parts = urlsplit(rendered)
        if not parts.netloc:
            at = start + len("https://")
            sub.at_offset(
                "BL411",
                locator.value_offset(at, at),
                "the webhook URL has no host: the value that names it rendered empty",
                profile=profile.name,
                hint="write the partner's host into the URL, or assign the variable first",
                excerpt=rendered,
            )
        empty = parts.path.find("//")
        if empty >= 0:
            at = start + rendered.find(parts.path) + empty + 1
            sub.at_offset(
                "BL411",
                locator.value_offset(at, at),
                "the webhook URL has an empty path segment: a value in the path rendered empty",
                profile=profile.name,
                hint="abort the message when the value is blank, or give it a default",
                excerpt=rendered,
            )
    _shift_into(sub, url, reporter)


def _check_header(
    linter: Linter, name: str, value: Field, reporter: Reporter, silent: frozenset[str]
) -> None:
    offset = reporter.index.offset(value.line + 1, value.column + 1)
    hard_coded_credentials.check_header(name, value.text, offset, reporter)
    text = expand_environment(value.text)
    sub = Reporter(reporter.path, text, BOOK)
    profiles = [p for p in linter.profiles if p.name not in silent]
    for profile, result in _renders(linter, text, sub, profiles):
        rendered = result.output
        if not rendered.strip():
            sub.at(
                "BL412",
                1,
                1,
                f"header '{name}' renders empty",
                profile=profile.name,
                hint="give the value a default, or remove the header",
            )
        elif "\n" in rendered or "\r" in rendered:
            sub.at(
                "BL412",
                1,
                1,
                f"header '{name}' contains a line break",
                profile=profile.name,
                hint="strip the value: {{ … | strip }}",
            )
    _shift_into(sub, value, reporter)


def _renders(
    linter: Linter, text: str, sub: Reporter, profiles: list[Profile]
) -> Iterator[tuple[Profile, RenderResult]]:
    """Parse a field's Liquid once and render it for each profile.

    Syntax and render errors, and undefined names, are reported on ``sub``; the caller
    checks what each successful render produced.
    """
    try:
        template = linter.renderer.parse(text, path=sub.path)
    except TemplateSyntaxError as err:
        sub.at("BL001", err.line or 1, err.column or 1, err.message, hint=err.hint)
        return
    facts = RenderFacts(assigned=scan_source(text, Reporter("", "", BOOK)).assigned)
    for profile in profiles:
        try:
            result = linter.renderer.render(template, profile, now=linter.clock)
        except TemplateRenderError as err:
            sub.at("BL301", err.line or 1, err.column or 1, err.message, profile=profile.name)
            continue
        check_render(result, profile.name, sub, facts, generated=True)
        yield profile, result


def _shift_into(sub: Reporter, field: Field, reporter: Reporter) -> None:
    """Move diagnostics from positions in a field's text to positions in the YAML file."""
    for diagnostic in sub.found:
        if field.block:
            line = field.line + diagnostic.line
            column = field.indent + diagnostic.column
            end_column = field.indent + diagnostic.end_column
        else:
            line = field.line + 1
            column = field.column + diagnostic.column
            end_column = field.column + diagnostic.end_column
        reporter.found.append(
            replace(diagnostic, line=line, column=column, end_line=line, end_column=end_column)
        )


def _display_beside(display: str, path: Path, other: Path) -> Path:
    """Show ``other`` the way ``path`` was shown (relative stays relative)."""
    return (
        Path(display).parent / other.relative_to(path.parent)
        if other.is_relative_to(path.parent)
        else other
    )
