"""Lint one file: parse once, render for every profile, run the checks, merge the findings."""

from __future__ import annotations

import copy
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Optional, Sequence
from weakref import WeakKeyDictionary

from brazelint.analysis.reads import Reads, template_reads
from brazelint.checks.coverage import Trace
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
    EMPTY,
    adversarial_profile,
    complete_profile,
    empty_profile,
)
from brazelint.lint.globs import any_match, first_match
from brazelint.lint.profile_reads import (
    PROFILE_VARIABLES,
    ProfileReads,
    Projection,
    ValueTexts,
    differing_names,
)
from brazelint.lint.suppressions import Directives, apply_suppressions, read_directives
from brazelint.lint.targets import is_webhook
from brazelint.rules.registry import BOOK
from brazelint.sources import is_readable_file, read_template

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Coverage, Diagnostic
    from brazelint.config import Config
    from brazelint.engine.environment import BrazeTemplate
    from brazelint.lint.settings import LintSettings
    from brazelint.profiles import Profile
    from brazelint.renderer import Renderer
    from brazelint.result import RenderResult


_READS: WeakKeyDictionary[Any, Reads] = WeakKeyDictionary()
LINT_PARSE_CACHE = 8
"""Parsed templates kept per process while linting (Content Blocks are cached apart)."""


class ProfileRender:
    """What one profile saw, for previews (kept only when asked)."""

    __slots__ = ("error", "json_ok", "profile", "result", "user")

    def __init__(
        self,
        profile: str,
        result: Optional[RenderResult] = None,
        error: Optional[str] = None,
        json_ok: Optional[bool] = None,
        user: Optional[Profile] = None,
    ) -> None:
        self.profile = profile
        self.result = result
        self.error = error
        self.json_ok = json_ok
        self.user = user
        """The profile rendered (a webhook's URL is rendered for the same users)."""


class FileResult:
    __slots__ = (
        "coverage",
        "diagnostics",
        "extra_sources",
        "from_text",
        "path",
        "renders",
        "schema",
        "source",
    )

    def __init__(
        self,
        path: str,
        diagnostics: Optional[list[Diagnostic]] = None,
        source: Optional[str] = None,
        renders: Optional[list[ProfileRender]] = None,
        schema: Optional[str] = None,
        extra_sources: Optional[dict[str, str]] = None,
        coverage: Optional[Coverage] = None,
        *,
        from_text: bool = True,
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
        self.from_text = from_text
        """Whether the verdict came from the text alone (a failure to read or check the
        file makes a verdict about the file, which no other file shares)."""

    def movable(self) -> bool:
        """Whether this verdict holds for another file with the same text: it came from
        linting the text (not from a failure to read or check the file, whose message
        may name it), and every finding is on the file itself."""
        if self.renders or self.extra_sources or not self.from_text:
            return False
        return all(d.path == self.path for d in self.diagnostics)

    def moved_to(self, path: str) -> FileResult:
        """This verdict, for the file shown as ``path``."""
        return FileResult(
            path,
            [replace(d, path=path) for d in self.diagnostics],
            self.source,
            schema=self.schema,
            coverage=self.coverage,
        )


class Linter:
    """Lints the files of one ``LintSettings``: holds what they share, the renderer (parse
    cache, stubs, Content Blocks) and the profiles, built once."""

    def __init__(
        self,
        settings: LintSettings,
        renderer: Renderer,
        profiles: Sequence[Profile],
        *,
        now: Optional[str] = None,
        keep_renders: bool = False,
    ) -> None:
        from brazelint.clock import parse_now
        from brazelint.http.redactor import Redactor
        from brazelint.lint.selection import expand

        self.settings = settings
        self.config = settings.config
        self.selection = settings.selection
        self.renderer = renderer
        self.keep_renders = keep_renders
        self.profiles = list(profiles)
        self.generated: list[Profile] = []
        if settings.generated_profiles:
            self.generated = [empty_profile(), adversarial_profile(self.profiles)]
        self.now = now or settings.now
        self.clock = parse_now(self.now)
        """``now`` parsed once, for the thousands of renders of a run."""
        self._block_assigned: Optional[set[str]] = None
        self._block_texts: Optional[list[str]] = None
        self._block_reads: Optional[ProfileReads] = None
        self._profile_data: dict[int, dict[str, Any]] = {}
        self._value_texts: dict[int, ValueTexts] = {}
        self._differences: dict[tuple[int, int], tuple[str, ...]] = {}
        self.stats = RenderStats()
        self.redactor = Redactor(renderer.credentials.secret_values())
        """Hides the run's credential values in everything a file's lint returns."""
        config = self.config
        self.profile_ignores = {
            name: frozenset(expand(codes, f"{config.path or 'configuration'}: 'profile-ignores'"))
            for name, codes in config.profile_ignores.items()
        }
        """Profile name -> codes not reported for it (``profile-ignores``)."""

    @classmethod
    def build(cls, settings: LintSettings, *, keep_renders: bool = False) -> Linter:
        """The linter of ``settings``: its renderer and profiles, loaded and checked."""
        from brazelint.renderer import Renderer

        config = settings.config
        renderer = Renderer(
            limits=config.limits,
            content_blocks=settings.content_blocks,
            catalogs=config.load_catalogs(),
            promotions=config.promotions,
            stubs=settings.stubs,
            credentials=config.credentials,
            exchange_rules=config.exchange_rules,
            # lint parses each file once: a big cache of parsed files only grows memory
            cache_size=LINT_PARSE_CACHE,
        )
        return cls(settings, renderer, run_profiles(settings), keep_renders=keep_renders)

    def with_profiles(self, profiles: Sequence[Profile], *, now: Optional[str] = None) -> Linter:
        """A linter for other profiles (or another clock) sharing this one's renderer: the
        preview's profile choices and edits."""
        return Linter(
            self.settings, self.renderer, profiles, now=now or self.now, keep_renders=True
        )

    # -- files -----------------------------------------------------------------------------

    def verdict_key(self, path: Path, digest: bytes) -> Optional[tuple[object, ...]]:
        """Files with equal keys get equal verdicts (under their own names): the same
        bytes (``digest``) in the same folder, matching the same path patterns. ``None`` for a
        webhook file, whose verdict also depends on its body file and environment."""
        if is_webhook(path):
            return None
        config = self.config
        return (
            id(self),
            digest,
            os.path.dirname(str(path)),
            first_match(config.schema_targets, path, config.root),
            _json_by_config(config, path),
            tuple(p for p in config.template_profiles if any_match([p], path, config.root)),
            tuple(p for p in config.per_file_ignores if any_match([p], path, config.root)),
        )

    def lint_template(
        self,
        source: str,
        display: str,
        *,
        path: Optional[Path] = None,
        schema: Optional[str] = None,
        json_expected: Optional[bool] = None,
    ) -> FileResult:
        return self.lint_template_renders(
            source, display, path=path, schema=schema, json_expected=json_expected
        )[0]

    def lint_template_renders(
        self,
        source: str,
        display: str,
        *,
        path: Optional[Path] = None,
        schema: Optional[str] = None,
        json_expected: Optional[bool] = None,
    ) -> tuple[FileResult, list[ProfileRender]]:
        """``lint_template``, with every profile's render (a webhook reads its body's)."""
        reporter = Reporter(display, source, BOOK)
        directives = read_directives(source, reporter)
        schema = self._schema_for(path, directives, schema)
        if json_expected is None and (schema or _json_by_config(self.config, path)):
            json_expected = True
        renders, coverage = self.check_template(
            source, reporter, schema=schema, json_expected=json_expected, path=path
        )
        diagnostics = self.finish(reporter, directives, path)
        kept = renders if self.keep_renders else []
        return FileResult(display, diagnostics, source, kept, schema, coverage=coverage), renders

    def finish(
        self, reporter: Reporter, directives: Directives, path: Optional[Path]
    ) -> list[Diagnostic]:
        from brazelint.rules.precedence import apply_precedence

        merged = merge_profiles(apply_precedence(reporter.found))
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
        and which lines the profiles rendered."""
        from brazelint.analysis.branches import branch_map
        from brazelint.checks.coverage import check_coverage
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
        run = _TemplateRun(self, template, reporter, [m.text for m in facts.markups])
        real = self._real_profiles(path)
        for profile in real:
            run.render(profile)
        generated = {p.name: p for p in self.generated}
        if generated:
            run.render(generated[EMPTY], generated=True)
            if self._complete_can_change_verdict(run, branches.branches, real):
                complete, answers = complete_profile(self._reads(template), self.clock)
                if complete.attributes or complete.namespaces or answers:
                    run.render(complete, generated=True, answers=answers)
            run.render(generated[ADVERSARIAL], generated=True)
        # the checks run in profile order: the adversarial user's JSON breaks are judged
        # against the breaks every other profile already showed
        broken: set[int] = set()
        schema_base = str(path.parent) if path is not None else None
        for entry, generated_user in run.checkable():
            result = entry.result
            assert result is not None
            adversarial = generated_user and entry.profile == ADVERSARIAL
            if not adversarial:
                check_render(
                    result, entry.profile, reporter, render_facts, generated=generated_user
                )
            if result.aborted:
                continue
            if json_expected is None and result.output.strip():
                json_expected = looks_like_json(result.output)
            if json_expected and (result.output.strip() or not generated_user):
                verdict = check_json(
                    result,
                    entry.profile,
                    reporter,
                    schema=schema,
                    schema_base=schema_base,
                    adversarial=adversarial,
                    known_breaks=frozenset(broken),
                )
                entry.json_ok = verdict.parsed
                broken |= verdict.broken_at
        coverage = check_coverage(branches.branches, run.traces, reporter, branches.aliases)
        return run.renders, coverage

    def _complete_can_change_verdict(
        self, run: _TemplateRun, branches: list[Any], real: list[Profile]
    ) -> bool:
        """Whether the complete user can show what the others did not: a branch nobody
        entered, a line after an abort or failure, a value no real profile sets, or a
        Connected Content answer (the complete user's fields stand in where stubs leave
        some out). When the real profiles set everything the template reads and reached
        all of it, the made-up values would only repeat their verdict."""
        if any(trace.stop is not None for trace in run.traces):
            return True
        if run.reads.everything or "connected_content" in run.reporter.source:
            return True
        if "content_blocks" in run.reporter.source and any(
            "connected_content" in text for text in self._content_block_texts()
        ):
            return True
        entered: set[object] = set().union(*(trace.reached for trace in run.traces))
        if any(branch.block not in entered for branch in branches):
            return True
        datas = [run.data(profile) for profile in real]
        for name, keys in run.reads.roots.items():
            if name not in PROFILE_VARIABLES:
                continue  # a local, a saved answer, or a word of the text
            values = [data.get(name) for data in datas]
            if keys is None or not all(isinstance(v, dict) or v is None for v in values):
                if not any(_is_set(v) for v in values):
                    return True
                continue
            for key in keys:
                if not any(isinstance(v, dict) and _is_set(v.get(key)) for v in values):
                    return True
        return False

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

    def _real_profiles(self, path: Optional[Path]) -> list[Profile]:
        """The profiles a template renders for (``template-profiles`` may choose some)."""
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
        return list(profiles)

    def profile_data(self, profile: Profile) -> dict[str, Any]:
        """``profile``'s Liquid variables, made once per profile of the run."""
        data = self._profile_data.get(id(profile))
        if data is None:
            data = profile.liquid_data()
            if self._is_run_profile(profile):
                self._profile_data[id(profile)] = data
        return data

    def value_texts(self, profile: Profile) -> ValueTexts:
        """The memo of ``profile``'s values as text (``ProfileReads.project``), kept for
        the run's profiles."""
        texts = self._value_texts.get(id(profile))
        if texts is None:
            texts = {}
            if self._is_run_profile(profile):
                self._value_texts[id(profile)] = texts
        return texts

    def differences(self, first: Profile, second: Profile) -> tuple[str, ...]:
        """The names two of the run's profiles differ in (``differing_names``), found once
        per pair; none for a passing profile (nothing is then ruled out)."""
        pair = (id(first), id(second))
        found = self._differences.get(pair)
        if found is None:
            if not (self._is_run_profile(first) and self._is_run_profile(second)):
                return ()
            found = differing_names(self.profile_data(first), self.profile_data(second))
            self._differences[pair] = self._differences[pair[::-1]] = found
        return found

    def _is_run_profile(self, profile: Profile) -> bool:
        """Whether ``profile`` lives as long as the linter (what is kept per profile is
        keyed by ``id``, which a passing profile's would outlive)."""
        return any(profile is p for p in (*self.profiles, *self.generated))

    def profile_reads(self, markups: Sequence[str]) -> ProfileReads:
        """What a template with these markup texts (its tags and output statements) can
        read of a profile, with every Content Block when it includes any (which one is
        decided at render time)."""
        if any("rerender" in text for text in markups):
            return ProfileReads.all_values()
        reads = ProfileReads.scan(list(markups))
        if any("content_blocks" in text for text in markups):
            if self._block_reads is None:
                texts = self._content_block_texts()
                self._block_reads = (
                    ProfileReads.all_values()
                    if any("rerender" in text for text in texts)
                    else ProfileReads.scan(texts)
                )
            reads = reads.merged(self._block_reads)
        return reads

    def _content_block_texts(self) -> list[str]:
        if self._block_texts is None:
            directory = self.settings.content_blocks
            texts = []
            if directory is not None:
                for block in sorted(directory.glob("*.liquid")):
                    try:
                        texts.append(read_template(block))
                    except (ConfigError, OSError):
                        continue
            self._block_texts = texts
        return self._block_texts

    def _reads(self, template: BrazeTemplate) -> Reads:
        """What ``template`` reads (cached on the template: a preview lints it again)."""
        reads = _READS.get(template)
        if reads is None:
            reads = _READS[template] = template_reads(template.nodes, self.renderer.content_block)
        return reads

    def _schema_for(
        self, path: Optional[Path], directives: Directives, explicit: Optional[str]
    ) -> Optional[str]:
        override = self.settings.options.schema
        chosen = override or explicit or directives.schema
        if chosen is None and path is not None:
            chosen = first_match(self.config.schema_targets, path, self.config.root)
        if chosen is None:
            return None
        try:
            return resolve_schema(chosen, path, self.config.root)
        except ConfigError as err:
            if chosen == override:
                raise UsageError(err.message, hint=err.hint) from None
            if chosen != directives.schema or chosen == explicit:
                raise
            line, column = directives.schema_at  # a typo in the template's own comment
            raise ConfigError(err.message, line=line, column=column, hint=err.hint) from None

    def _names_assigned_in_blocks(self) -> set[str]:
        """Names the run's Content Blocks assign: defined for a template even where no
        profile includes the block that assigns them."""
        if self._block_assigned is None:
            names: set[str] = set()
            for text in self._content_block_texts():
                names |= scan_source(text, Reporter("", "", BOOK)).assigned
            self._block_assigned = names
        return self._block_assigned


_Rendered = tuple[Optional["RenderResult"], Optional[TemplateRenderError], Trace]
"""A render's result (or the error that stopped it) and its trace, to share."""


class _TemplateRun:
    """The renders of one parsed template: each profile once, and profiles that agree on
    everything the template reads (``lint/profile_reads.py``) sharing one render."""

    def __init__(
        self, linter: Linter, template: BrazeTemplate, reporter: Reporter, markups: list[str]
    ) -> None:
        self.linter = linter
        self.template = template
        self.reporter = reporter
        self.renders: list[ProfileRender] = []
        self.traces: list[Trace] = []
        self._markups = markups
        self._markup = "\n".join(markups)
        self._reads: Optional[ProfileReads] = None
        self._generated: list[bool] = []
        self._rendered: list[tuple[Profile, _Rendered]] = []
        """Each render another profile may share, with its profile, in profile order."""
        self._keys: dict[int, Projection] = {}

    @property
    def reads(self) -> ProfileReads:
        """What the template can read of a profile (found at first use)."""
        if self._reads is None:
            self._reads = self.linter.profile_reads(self._markups)
        return self._reads

    def data(self, profile: Profile) -> dict[str, Any]:
        return self.linter.profile_data(profile)

    def _shareable(self, profile: Profile) -> Optional[_Rendered]:
        """The render of an earlier profile that reads alike with ``profile``, if any.

        A profile that differs from another in a value whose name the markup mentions is
        rendered apart from it at once; only the others are compared on what the template
        reads (``ProfileReads.project``).
        """
        mentions = self._markup.__contains__
        others = [
            (other, rendered)
            for other, rendered in self._rendered
            if not any(map(mentions, self.linter.differences(profile, other)))
        ]
        if not others:
            return None
        key = self._key(profile)
        return next((rendered for other, rendered in others if self._key(other) == key), None)

    def _key(self, profile: Profile) -> Projection:
        """``profile``'s values for what the template reads (made once per profile)."""
        key = self._keys.get(id(profile))
        if key is None:
            texts = self.linter.value_texts(profile)
            key = self._keys[id(profile)] = self.reads.project(self.data(profile), texts)
        return key

    def render(
        self, profile: Profile, *, generated: bool = False, answers: Optional[dict[str, Any]] = None
    ) -> None:
        """Render for ``profile`` (or reuse the render of a profile that reads alike);
        a render error is reported at once, as each profile's own finding."""
        entry = ProfileRender(profile.name, user=profile)
        self.renders.append(entry)
        self._generated.append(generated)
        shared = self._shareable(profile) if answers is None else None
        if shared is not None:
            result, error, first = shared
            self.traces.append(Trace(profile.name, first.reached, first.stop, first.reason))
            self.linter.stats.shared += 1
            if error is not None:
                entry.error = error.message
                report_render_error(error, profile.name, self.reporter)
            elif result is not None:
                entry.result = copy.copy(result)
                entry.result.profile = profile.name
            return
        trace = Trace(profile.name, set())
        self.traces.append(trace)
        linter = self.linter
        linter.stats.renders += 1
        try:
            result = linter.renderer.render(
                self.template,
                profile,
                now=linter.clock,
                path=self.reporter.path,
                globals=answers,
                reached=trace.reached,
            )
        except TemplateRenderError as err:
            entry.error = err.message
            trace.reason = f"failed ({err.message})"
            trace.stop = _error_offset(err, self.reporter)
            report_render_error(err, profile.name, self.reporter)
            if answers is None:
                self._rendered.append((profile, (None, err, trace)))
            return
        if answers is not None:
            linter._excuse_made_up_requests(result)
        if result.aborted:
            trace.stop = result.abort_offset if result.abort_offset is not None else 0
            trace.reason = f"aborted ({result.abort_reason or 'no reason given'})"
        entry.result = result
        if answers is None:
            self._rendered.append((profile, (result, None, trace)))

    def checkable(self) -> Iterator[tuple[ProfileRender, bool]]:
        """Each render that finished or aborted, in profile order, and whether its profile
        is a generated user."""
        for entry, generated in zip(self.renders, self._generated):
            if entry.result is not None:
                yield entry, generated


class RenderStats:
    """How many renders a linter made, and how many it shared between profiles."""

    __slots__ = ("renders", "shared")

    def __init__(self) -> None:
        self.renders = 0
        self.shared = 0


def _is_set(value: object) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def run_profiles(settings: LintSettings) -> list[Profile]:
    """The profiles of ``settings``: named ones (``--profile``), else the profiles folder.

    A name in ``template-profiles`` that no profile has would silently drop that profile,
    so it is an error.
    """
    from brazelint.profiles import find_profile, load_profile, load_profiles

    options, config = settings.options, settings.config
    if options.profile:
        return [
            load_profile(item) if Path(item).is_file() else find_profile(item, settings.profiles)
            for item in options.profile
        ]
    profiles = load_profiles(settings.profiles) if settings.profiles.is_dir() else []
    if options.profiles is not None:
        return profiles
    known = {p.name for p in profiles}
    for pattern, names in config.template_profiles.items():
        for name in names:
            if name not in known:
                raise ConfigError(
                    f"{config.path or 'configuration'}: 'template-profiles.\"{pattern}\"' "
                    f"names an unknown profile '{name}'",
                    hint=f"profiles in {config.profiles}: {', '.join(sorted(known)) or 'none'}",
                )
    return profiles


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
