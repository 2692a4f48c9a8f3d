"""Lint one file: parse once, render for every profile, run the checks, merge the findings."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Sequence
from weakref import WeakKeyDictionary

from brazelint.analysis.reads import Reads, template_reads
from brazelint.checks.json_detect import looks_like_json
from brazelint.checks.positions import Reporter
from brazelint.checks.render_checks import RenderFacts, check_render, report_render_error
from brazelint.checks.source_scan import scan_source
from brazelint.errors import (
    ConfigError,
    TemplateRenderError,
    TemplateSyntaxError,
    UsageError,
)
from brazelint.lint.generated import (
    ADVERSARIAL,
    COMPLETE,
    adversarial_profile,
    complete_profile,
    empty_profile,
)
from brazelint.lint.globs import any_match, first_match
from brazelint.lint.suppressions import Directives, apply_suppressions, read_directives
from brazelint.lint.targets import is_webhook
from brazelint.sources import is_readable_file, read_template

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Coverage, Diagnostic
    from brazelint.config import Config
    from brazelint.engine.environment import BrazeTemplate
    from brazelint.lint.selection import Selection
    from brazelint.profiles import Profile
    from brazelint.renderer import Renderer
    from brazelint.result import RenderResult


_READS: WeakKeyDictionary[Any, Reads] = WeakKeyDictionary()


class ProfileRender:
    """What one profile saw, for previews (kept only when asked)."""

    __slots__ = ("error", "json_ok", "profile", "result")

    def __init__(
        self,
        profile: str,
        result: Optional[RenderResult] = None,
        error: Optional[str] = None,
        json_ok: Optional[bool] = None,
    ) -> None:
        self.profile = profile
        self.result = result
        self.error = error
        self.json_ok = json_ok


class FileResult:
    __slots__ = ("coverage", "diagnostics", "extra_sources", "path", "renders", "schema", "source")

    def __init__(
        self,
        path: str,
        diagnostics: Optional[list[Diagnostic]] = None,
        source: Optional[str] = None,
        renders: Optional[list[ProfileRender]] = None,
        schema: Optional[str] = None,
        extra_sources: Optional[dict[str, str]] = None,
        coverage: Optional[Coverage] = None,
    ) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = [] if diagnostics is None else diagnostics
        self.source = source
        self.renders: list[ProfileRender] = [] if renders is None else renders
        self.schema = schema
        self.extra_sources: dict[str, str] = {} if extra_sources is None else extra_sources
        """Other files the diagnostics point into (a webhook's body file)."""
        self.coverage = coverage
        """Which lines the profiles rendered (``None`` when the file was not rendered)."""


class LintOptions:
    """Command-line choices that override the configuration."""

    __slots__ = ("keep_renders", "now", "profiles", "schema")

    def __init__(
        self,
        profiles: Optional[Sequence[Profile]] = None,
        schema: Optional[str] = None,
        now: Optional[str] = None,
        keep_renders: bool = False,
    ) -> None:
        self.profiles = profiles
        self.schema = schema
        self.now = now
        self.keep_renders = keep_renders


class Linter:
    """Holds what every file shares: the renderer (parse cache, stubs) and the profiles."""

    def __init__(
        self,
        config: Config,
        renderer: Renderer,
        selection: Selection,
        options: Optional[LintOptions] = None,
    ) -> None:
        from brazelint.profiles import load_profiles

        self.config = config
        self.renderer = renderer
        self.selection = selection
        self.options = options or LintOptions()
        if self.options.profiles is not None:
            profiles = list(self.options.profiles)
        elif config.profiles.is_dir():
            profiles = load_profiles(config.profiles)
        else:
            profiles = []
        self.profiles = profiles
        self.generated: list[Profile] = []
        if config.generated_profiles:
            self.generated = [empty_profile(), adversarial_profile(profiles)]
        from brazelint.renderer import parse_now

        self.now = self.options.now or config.now or "2026-01-01T09:00:00Z"
        self.clock = parse_now(self.now)
        """``now`` parsed once, for the thousands of renders of a run."""
        self._block_assigned: Optional[set[str]] = None
        from brazelint.http.redactor import Redactor

        self.redactor = Redactor(renderer.credentials.secret_values())
        """Hides the run's credential values in everything a file's lint returns."""
        from brazelint.lint.selection import expand

        self.profile_ignores = {
            name: frozenset(expand(codes, f"{config.path or 'configuration'}: 'profile-ignores'"))
            for name, codes in config.profile_ignores.items()
        }
        """Profile name -> codes not reported for it (``profile-ignores``)."""

    # -- files -----------------------------------------------------------------------------

    def lint_path(self, path: Path, display: Optional[str] = None) -> FileResult:
        """Lint one file. Nothing one file holds stops the run: a failure is a finding on it."""
        display = display or str(path)
        try:
            result = self._lint_path(path, display)
        except Exception as err:
            result = self.not_checked(path, display, err)
        return self.redacted(result, path)

    def redacted(self, result: FileResult, path: Path) -> FileResult:
        """Findings and renders as they may leave the core: credentials hidden by value
        (``http.redact``), so no report format, cache entry or preview page shows one."""
        redactor = self.redactor
        if is_webhook(path) and result.source:
            from brazelint.lint.webhook import ENV_REFERENCE

            names = ENV_REFERENCE.findall(result.source)
            redactor = redactor.with_values(os.environ.get(name, "") for name in names)
        result.diagnostics = [redactor.diagnostic(d) for d in result.diagnostics]
        for entry in result.renders:
            if entry.result is not None:
                entry.result = redactor.result(entry.result)
            entry.error = redactor.optional(entry.error)
        return result

    def _lint_path(self, path: Path, display: str) -> FileResult:
        try:
            source = read_template(path)
        except ConfigError as err:
            reporter = Reporter(display, "")
            reporter.at("BL001", err.line or 1, err.column or 1, err.message, hint=err.hint)
            return FileResult(display, reporter.found, "")
        if is_webhook(path):
            from brazelint.lint.webhook_lint import lint_webhook

            return lint_webhook(self, path, display, source)
        return self.lint_template(source, display, path=path)

    def not_checked(self, path: Path, display: str, err: Exception) -> FileResult:
        """``err`` stopped the file's checks: one BL306 finding where it is known, else line 1."""
        from brazelint.errors import BrazelintError
        from brazelint.failures import describe_failure

        if isinstance(err, UsageError) or os.environ.get("BRAZELINT_DEBUG"):
            raise err
        try:
            source = read_template(path)
        except Exception:
            source = ""
        reporter = Reporter(display, source)
        if isinstance(err, BrazelintError):
            message, hint = err.message, err.hint
            line, column = (
                (err.line or 1, err.column or 1) if err.path in (None, display) else (1, 1)
            )
        else:
            message, line, column = describe_failure(err), 1, 1
            hint = "the other files were checked; run with --debug for a traceback"
        reporter.at("BL306", line, column, message, hint=hint)
        diagnostics = [d for d in reporter.found if self.selection.enabled(d.code, path)]
        return FileResult(display, diagnostics, source)

    def lint_template(
        self,
        source: str,
        display: str,
        *,
        path: Optional[Path] = None,
        schema: Optional[str] = None,
        json_expected: Optional[bool] = None,
    ) -> FileResult:
        reporter = Reporter(display, source)
        directives = read_directives(source, reporter)
        schema = self._schema_for(path, directives, schema)
        if json_expected is None and (schema or _json_by_config(self.config, path)):
            json_expected = True
        renders, coverage = self.check_template(
            source, reporter, schema=schema, json_expected=json_expected, path=path
        )
        diagnostics = self.finish(reporter, directives, path)
        return FileResult(display, diagnostics, source, renders, schema, coverage=coverage)

    def finish(
        self, reporter: Reporter, directives: Directives, path: Optional[Path]
    ) -> list[Diagnostic]:
        merged = merge_profiles(reporter.found)
        if self.profile_ignores:
            merged = drop_ignored_profiles(merged, self.profile_ignores)
        kept = apply_suppressions(merged, directives, reporter)
        return sorted(
            (d for d in kept if self.selection.enabled(d.code, path)), key=lambda d: d.sort_key()
        )

    # -- one template ----------------------------------------------------------------------

    def check_template(
        self,
        source: str,
        reporter: Reporter,
        *,
        schema: Optional[str],
        json_expected: Optional[bool],
        path: Optional[Path],
    ) -> tuple[list[ProfileRender], Optional[Coverage]]:
        """Render ``source`` for every profile and check each render; return the renders
        (when kept) and which lines the profiles rendered."""
        from brazelint.analysis.branches import branch_map
        from brazelint.checks.coverage import Trace, check_coverage
        from brazelint.checks.payload import check_json
        from brazelint.checks.syntax import report_syntax_error
        from brazelint.checks.tree_scan import scan_tree

        too_large = self.renderer.limits.template_too_large(source)
        if too_large is not None:  # memory stays proportional to a bounded input
            hint = "split the template, or raise the limit under [tool.brazelint.limits]"
            reporter.at("BL302", 1, 1, too_large, hint=hint)
            return [], None
        tokens = self.renderer.env.lex(source)
        facts = scan_source(source, reporter, tokens)
        try:
            template = self.renderer.parse(source, path=reporter.path, tokens=tokens)
        except TemplateSyntaxError as err:
            report_syntax_error(err, reporter)
            return [], None
        unguarded, missing_filters = scan_tree(template, reporter)
        self._pass_through(missing_filters)
        render_facts = RenderFacts(
            assigned=facts.assigned | self._names_assigned_in_blocks(),
            unguarded=unguarded,
        )
        branches = branch_map(template.nodes)
        renders: list[ProfileRender] = []
        traces: list[Trace] = []
        broken: set[int] = set()
        schema_base = str(path.parent) if path is not None else None
        profiles, generated_from, answers = self._profiles_for(path, template)
        for position, profile in enumerate(profiles):
            generated = position >= generated_from
            adversarial = generated and profile.name == ADVERSARIAL
            entry = ProfileRender(profile.name)
            renders.append(entry)
            trace = Trace(profile.name, set())
            traces.append(trace)
            try:
                result = self.renderer.render(
                    template,
                    profile,
                    now=self.clock,
                    path=reporter.path,
                    globals=answers if profile.name == COMPLETE and generated else None,
                    reached=trace.reached,
                )
            except TemplateRenderError as err:
                entry.error = err.message
                trace.reason = f"failed ({err.message})"
                trace.stop = _error_offset(err, reporter)
                report_render_error(err, profile.name, reporter)
                continue
            entry.result = result
            if generated and profile.name == COMPLETE:
                self._excuse_made_up_requests(result)
            if not adversarial:
                check_render(result, profile.name, reporter, render_facts, generated=generated)
            if result.aborted:
                trace.stop = result.abort_offset if result.abort_offset is not None else 0
                trace.reason = f"aborted ({result.abort_reason or 'no reason given'})"
                continue
            if json_expected is None and result.output.strip():
                json_expected = looks_like_json(result.output)
            if json_expected and (result.output.strip() or not generated):
                verdict = check_json(
                    result,
                    profile.name,
                    reporter,
                    schema=schema,
                    schema_base=schema_base,
                    adversarial=adversarial,
                    known_breaks=frozenset(broken),
                )
                entry.json_ok = verdict.parsed
                broken |= verdict.broken_at
        coverage = check_coverage(branches.branches, traces, reporter, branches.aliases)
        return (renders if self.options.keep_renders else []), coverage

    def _excuse_made_up_requests(self, result: RenderResult) -> None:
        """The complete user's values are made up, so a stub that answers the same method,
        host and path for real users may not match the id or body it sends: that is no
        missing stub (BL102), and its plausible answer stands in. A call no stub answers for
        anyone is still reported."""
        from urllib.parse import urlsplit

        stubs = getattr(self.renderer.transport, "stubs", ())
        excused = set()
        for request in result.requests:
            if request.status is not None:
                continue
            where = urlsplit(request.url)[:3]
            for stub in stubs:
                if stub.method != request.method.upper():
                    continue
                if (stub.url_pattern is not None and stub.url_pattern.search(request.url)) or (
                    stub.url is not None and urlsplit(stub.url)[:3] == where
                ):
                    excused.add((request.line, request.column))
                    break
        if excused:
            result.problems = [
                problem
                for problem in result.problems
                if problem.name != "connected-content-no-stub"
                or (problem.line, problem.column) not in excused
            ]

    def _pass_through(self, names: set[str]) -> None:
        """Let renders go past filters that do not exist (BL204/BL205 already report each
        one as an error), so the rest of the template is still rendered and checked."""
        filters = self.renderer.env.filters
        for name in names:
            filters.setdefault(name, _unchanged)

    def _profiles_for(
        self, path: Optional[Path], template: BrazeTemplate
    ) -> tuple[list[Profile], int, dict[str, Any]]:
        """The profiles a template renders for, where the generated ones start, and the
        Connected Content answers the complete user assumes."""
        profiles = self.profiles
        if path is not None and self.config.template_profiles:
            names = next(
                (
                    wanted
                    for pattern, wanted in self.config.template_profiles.items()
                    if any_match([pattern], path, self.config.root)
                ),
                None,
            )
            if names is not None:
                profiles = [p for p in profiles if p.name in names]
        if not self.generated:
            return list(profiles), len(profiles), {}
        complete, answers = complete_profile(self._reads(template), self.clock)
        # the adversarial profile goes last: its JSON breaks are judged against the others
        empty, adversarial = self.generated
        if not (complete.attributes or complete.namespaces or answers):
            # the template reads nothing of a user: the complete user is the empty one
            return [*profiles, empty, adversarial], len(profiles), answers
        return [*profiles, empty, complete, adversarial], len(profiles), answers

    def _reads(self, template: BrazeTemplate) -> Reads:
        """What ``template`` reads (cached on the template: a preview lints it again)."""
        reads = _READS.get(template)
        if reads is None:
            reads = _READS[template] = template_reads(template.nodes, self.renderer.content_block)
        return reads

    def _schema_for(
        self, path: Optional[Path], directives: Directives, explicit: Optional[str]
    ) -> Optional[str]:
        chosen = self.options.schema or explicit or directives.schema
        if chosen is None and path is not None:
            chosen = first_match(self.config.schema_targets, path, self.config.root)
        if chosen is None:
            return None
        try:
            return resolve_schema(chosen, path, self.config.root)
        except ConfigError as err:
            if chosen == self.options.schema:
                raise UsageError(err.message, hint=err.hint) from None
            if chosen != directives.schema or chosen == explicit:
                raise
            line, column = directives.schema_at  # a typo in the template's own comment
            raise ConfigError(err.message, line=line, column=column, hint=err.hint) from None

    def _names_assigned_in_blocks(self) -> set[str]:
        if self._block_assigned is None:
            names: set[str] = set()
            directory = self.config.content_blocks
            if directory.is_dir():
                for block in sorted(directory.glob("*.liquid")):
                    names |= scan_source(read_template(block), Reporter(str(block), "")).assigned
            self._block_assigned = names
        return self._block_assigned


def resolve_schema(chosen: str, path: Optional[Path], root: Path) -> str:
    """A built-in id stays an id; a path is tried beside the template, then at the root."""
    from brazelint.schemas import schema_ids

    if chosen in schema_ids():
        return chosen
    for base in ([path.parent] if path is not None else []) + [root, Path.cwd()]:
        candidate = base / chosen
        if is_readable_file(candidate):
            return str(candidate)
    raise ConfigError(
        f"unknown schema '{chosen}'" + (f" (for {path})" if path else ""),
        hint=f"use a file path or one of: {', '.join(schema_ids())}",
    )


def merge_profiles(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """One diagnostic per finding, listing every profile that showed it."""
    merged: dict[tuple[Any, ...], Diagnostic] = {}
    for diagnostic in diagnostics:
        key = (
            diagnostic.code,
            diagnostic.line,
            diagnostic.column,
            diagnostic.end_line,
            diagnostic.end_column,
            diagnostic.message,
        )
        seen = merged.get(key)
        if seen is None:
            merged[key] = diagnostic
        elif diagnostic.profiles:
            profiles = seen.profiles + tuple(
                p for p in diagnostic.profiles if p not in seen.profiles
            )
            merged[key] = replace(seen, profiles=profiles)
    return list(merged.values())


def drop_ignored_profiles(
    diagnostics: list[Diagnostic], ignores: dict[str, frozenset[str]]
) -> list[Diagnostic]:
    """Take the profiles ``profile-ignores`` names off their findings; a finding no profile
    shows any more goes."""
    kept = []
    for diagnostic in diagnostics:
        if diagnostic.profiles:
            profiles = tuple(
                p for p in diagnostic.profiles if diagnostic.code not in ignores.get(p, ())
            )
            if not profiles:
                continue
            if profiles != diagnostic.profiles:
                diagnostic = replace(diagnostic, profiles=profiles)
        kept.append(diagnostic)
    return kept


def _unchanged(value: object, *args: object, **kwargs: object) -> object:
    return value


def _error_offset(error: TemplateRenderError, reporter: Reporter) -> int:
    """Where a render failed in this template (its start when it failed elsewhere, such as
    in a Content Block)."""
    if error.line is None or (error.source is not None and error.source != reporter.source):
        return 0
    return reporter.index.offset(error.line, error.column or 1)


def _json_by_config(config: Config, path: Optional[Path]) -> bool:
    return (
        path is not None
        and bool(config.json_globs)
        and any_match(config.json_globs, path, config.root)
    )
