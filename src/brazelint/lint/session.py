"""The one way files are linted: ``brazelint lint``, ``lint -``, ``lint_paths``, the
preview page and the language server all go through a ``LintSession``.

A session finds each file's configuration (the nearest one above it, or ``--config``),
applies the run's options to it once (``LintSettings``), builds one ``Linter`` per
settings on first use, and lints files from disk or text from a buffer. A run over many
files reuses cached verdicts, spreads the rest over the cores, and gathers the report.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, Sequence, TextIO

from brazelint.lint.settings import LintSettings, RunOptions

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic, LintReport
    from brazelint.config import Config
    from brazelint.config_lookup import ConfigLookup
    from brazelint.lint.cache import LintCache
    from brazelint.lint.groups import RunFiles
    from brazelint.lint.linter import FileResult, Linter
    from brazelint.lint.shards import Shard

FAIL_RANK = {"info": 0, "warning": 1, "error": 2}
PROGRESS_AFTER = 2.0
"""Seconds before a progress bar appears (only on a terminal)."""


@dataclass
class Batch:
    """The files of a run that share settings, with the cache their verdicts live in."""

    settings: LintSettings
    files: list[Path]
    cache: Optional[LintCache] = None


@dataclass
class LintRun:
    """A finished run: the report, and whether a finding reached its file's fail level."""

    report: LintReport
    failed: bool
    linted: int = 0
    """Files linted in this run (the others' verdicts came from the cache or a copy)."""
    copied: int = 0
    """Files whose verdict is that of an earlier file with the same text."""


@dataclass
class LintSession:
    """Lints files and buffers with the settings each one's configuration gives."""

    options: RunOptions = field(default_factory=RunOptions)
    lookup: Optional[ConfigLookup] = None
    """Where configurations come from (default: the nearest one, or ``options.config``)."""
    cache: bool = True
    """Reuse verdicts of unchanged files from earlier runs (``--no-cache`` turns it off)."""
    jobs: Optional[int] = None
    keep_renders: bool = False
    """Keep every profile's render in each result (the preview shows them)."""

    def __post_init__(self) -> None:
        from brazelint.config_lookup import ConfigLookup
        from brazelint.lint.affected import Overrides
        from brazelint.lint.groups import RunFiles

        self.options.check_inputs()
        if self.lookup is None:
            self.lookup = ConfigLookup(self.options.config)
        self.run_files: RunFiles = RunFiles(
            self.lookup,
            Overrides(self.options.profiles, self.options.stubs, self.options.content_blocks),
        )
        self._settings: dict[int, LintSettings] = {}
        self._linters: dict[int, Linter] = {}
        self._caches: dict[int, Optional[LintCache]] = {}

    # -- settings and linters ---------------------------------------------------------

    def settings_for(self, config: Config) -> LintSettings:
        """``config`` with the session's options applied (built once per configuration)."""
        settings = self._settings.get(id(config))
        if settings is None or settings.config is not config:
            settings = self._settings[id(config)] = LintSettings.build(config, self.options)
        return settings

    def settings_of(self, path: Optional[Path]) -> LintSettings:
        """The settings of the file at ``path`` (it need not exist; ``None``: the working
        directory's)."""
        assert self.lookup is not None
        if path is None:
            return self.settings_for(self.lookup.for_cwd())
        return self.settings_for(self.run_files.config_of(path.resolve()))

    def linter_for(self, settings: LintSettings) -> Linter:
        """The linter of ``settings``, built on first use (python-liquid, profiles, stubs)."""
        linter = self._linters.get(id(settings))
        if linter is None or linter.settings is not settings:
            from brazelint.lint.linter import Linter

            linter = self._linters[id(settings)] = Linter.build(
                settings, keep_renders=self.keep_renders
            )
        return linter

    # -- one file or buffer -----------------------------------------------------------

    def lint_file(self, path: Path, display: Optional[str] = None) -> FileResult:
        """Lint the file at ``path`` as a run would (never raises for the file's content)."""
        from brazelint.lint.files import lint_file

        return lint_file(self.linter_for(self.settings_of(path)), path, display or str(path))

    def lint_text(
        self, text: str, path: Optional[Path], display: Optional[str] = None
    ) -> FileResult:
        """Lint ``text`` as if it were the file at ``path`` (which need not exist): an
        editor's buffer, standard input. A ``.webhook.yaml`` name lints a webhook file.

        With the cache on, a text whose verdict is stored (the file as last linted, in
        the editor or by ``brazelint lint``) is not linted again.
        """
        from brazelint.lint.files import lint_text
        from brazelint.lint.linter import FileResult

        settings = self.settings_of(path)
        display = display or (str(path) if path is not None else "-")
        cache = None
        if self.cache and path is not None and not self.keep_renders:
            if id(settings) not in self._caches:
                self._caches[id(settings)] = self._cache_for(settings)
            cache = self._caches[id(settings)]
        key = cache.text_key(text.encode("utf-8"), display) if cache is not None else None
        if cache is not None and key is not None:
            cached = cache.get(key)
            if cached is not None:
                return FileResult(display, cached, text, coverage=cache.coverage(key))
        result = lint_text(self.linter_for(settings), text, path, display)
        if cache is not None and key is not None and path is not None:
            from brazelint.lint.cache import dependencies

            cache.put(key, result, dependencies(result, path))
        return result

    # -- runs -------------------------------------------------------------------------

    def plan(self, paths: Sequence[Path], shard: Optional[Shard] = None) -> list[Batch]:
        """The files ``paths`` name (with changed inputs replaced by the templates they
        affect), grouped by settings; only share ``shard`` of them when given."""
        from brazelint.lint.shards import in_shard

        batches = []
        for group in self.run_files.groups(list(paths)):
            settings = self.settings_for(group.config)
            files = drop_webhook_bodies(group.files)
            if shard is not None:
                files = [p for p in files if in_shard(p, group.config.root, shard)]
            batches.append(Batch(settings, files, self._cache_for(settings)))
        return batches

    def lint(self, paths: Sequence[Path]) -> LintRun:
        return self.run(self.plan(paths))

    def run(
        self,
        batches: Sequence[Batch],
        *,
        progress: Optional[TextIO] = None,
        keep_sources: bool = True,
    ) -> LintRun:
        """Lint every batch's files (one pool of workers for all) and gather the report.

        With ``keep_sources`` the report keeps the text of each file that has findings,
        for code frames; without, a run holds only diagnostics, so memory stays flat.
        Files whose verdict is cached are not linted again, and settings whose files are
        all cached never build their linter.
        """
        from brazelint.checks.diagnostic import LintReport
        from brazelint.lint.runner import lint_files

        rules = sorted({code for b in batches for code in b.settings.selection.codes()})
        report = LintReport(rules=rules)
        threshold: dict[Path, int] = {}
        keys: dict[Path, tuple[LintCache, str]] = {}
        linters: dict[Path, Linter] = {}
        missed: list[tuple[Path, str]] = []
        contents: dict[Path, Optional[bytes]] = {}
        failed = False
        for batch in batches:
            level = FAIL_RANK[batch.settings.fail_level]
            cache = batch.cache
            if cache is not None:
                cache.inputs_fixed = True  # a run reads each input once
            for path, display in zip(batch.files, display_names(batch.files)):
                report.files.append(display)
                threshold[path] = level
                data = contents[path] = _read(path)  # read once: cache key and copies
                key = (
                    cache.text_key(data, display)
                    if cache is not None and data is not None
                    else None
                )
                cached = cache.get(key) if cache is not None and key is not None else None
                if cached is None:
                    if cache is not None and key is not None:
                        keys[path] = (cache, key)
                    missed.append((path, display))
                    linters[path] = self.linter_for(batch.settings)
                    continue
                assert cache is not None and key is not None
                covered = cache.coverage(key)
                if covered is not None:
                    report.coverage[display] = covered
                if cached:
                    report.diagnostics.extend(cached)
                    failed = failed or any(FAIL_RANK[d.severity] >= level for d in cached)
                    if keep_sources:
                        _add_sources(report, cached)

        def remember(path: Path, result: FileResult) -> None:
            entry = keys.get(path)
            if entry is not None:
                entry[0].put(entry[1], result, entry[0].dependencies(result, path))

        started = time.monotonic()
        shown = False
        same = _same_verdicts(missed, linters, contents)
        linted = [item for item, first in zip(missed, same) if first is None]
        results = lint_files(
            _by_path(linters), linted, jobs=self.jobs, after_each=remember if keys else None
        )
        kept: dict[int, FileResult] = {}
        wanted = {first for first in same if first is not None}
        for done, ((path, display), first) in enumerate(zip(missed, same)):
            if first is None:
                result = next(results)
                if done in wanted and result.movable():
                    kept[done] = result
            elif first in kept:
                result = kept[first].moved_to(display)
                entry, original = keys.get(path), keys.get(missed[first][0])
                if entry is not None and original is not None:
                    entry[0].put_copy(entry[1], original[1], display)
            else:  # the first file's verdict names it: this one is linted on its own
                from brazelint.lint.files import lint_file

                result = lint_file(linters[path], path, display)
                remember(path, result)
            if result.coverage is not None:
                report.coverage[result.path] = result.coverage
            if result.diagnostics:
                report.diagnostics.extend(result.diagnostics)
                level = threshold[path]
                failed = failed or any(FAIL_RANK[d.severity] >= level for d in result.diagnostics)
                if keep_sources:
                    report.sources[result.path] = result.source or ""
                    report.sources.update(result.extra_sources)
            if progress is not None and time.monotonic() - started > PROGRESS_AFTER:
                shown = True
                _draw_progress(progress, done + 1, len(missed))
        if shown and progress is not None:
            progress.write("\r\x1b[2K")
            progress.flush()
        return LintRun(report, failed, linted=len(linted), copied=len(missed) - len(linted))

    def render_counts(self) -> tuple[int, int]:
        """Renders made and renders shared between profiles by this process's linters
        (worker processes keep their own counts: use ``jobs=1`` to count a whole run)."""
        linters = list(self._linters.values())
        return (
            sum(linter.stats.renders for linter in linters),
            sum(linter.stats.shared for linter in linters),
        )

    def missing_profiles(self, batches: Sequence[Batch]) -> Optional[str]:
        """One note naming where profiles were looked for when a batch has none: the run
        goes on with the generated users only, which is not checking your users."""
        if self.options.profile or self.options.profiles:
            return None  # named on the command line: a missing one is an error of its own
        from brazelint.profiles import PROFILE_SUFFIXES

        empty = []
        for batch in batches:
            directory = batch.settings.profiles
            if batch.files and (
                not directory.is_dir()
                or not any(p.suffix.lower() in PROFILE_SUFFIXES for p in directory.iterdir())
            ):
                empty.append(batch.settings)
        if not empty:
            return None
        where = ", ".join(dict.fromkeys(display_names([s.profiles])[0] + "/" for s in empty))
        then = (
            "linting with the generated users (empty, complete, adversarial) only"
            if all(s.generated_profiles for s in empty)
            else "and generated users are off: templates are rendered for nobody"
        )
        return f"no profiles found (looked in {where}); {then}"

    def _cache_for(self, settings: LintSettings) -> Optional[LintCache]:
        """The cache of ``settings`` (keyed on every input that matters), unless off."""
        if not self.cache:
            return None
        from brazelint.lint.cache import LintCache, files_under

        # the contents of every file the options name (the configuration's own inputs are
        # hashed by LintCache.for_run); a --schema file is a per-file dependency
        inputs = [p for location in self.options.named_inputs() for p in files_under(location)]
        return LintCache.for_run(settings.config, settings.cache_choices(), inputs)


def _same_verdicts(
    files: Sequence[tuple[Path, str]],
    linters: dict[Path, Linter],
    contents: dict[Path, Optional[bytes]],
) -> list[Optional[int]]:
    """For each file, the position of an earlier file whose verdict is its own (the same
    bytes in the same folder under the same settings), else ``None``: copies of a
    template are linted once."""
    digests: list[Optional[bytes]] = []
    seen: dict[bytes, int] = {}  # digest -> how many files have it
    for path, _ in files:
        data = contents.get(path)
        digest = None if data is None else hashlib.blake2b(data, digest_size=20).digest()
        digests.append(digest)
        if digest is not None:
            seen[digest] = seen.get(digest, 0) + 1
    first: dict[tuple[object, ...], int] = {}
    same: list[Optional[int]] = []
    for position, ((path, _), digest) in enumerate(zip(files, digests)):
        # a file whose bytes no other file has is its own verdict: no key to build
        key = None
        if digest is not None and seen[digest] > 1:
            key = linters[path].verdict_key(path, digest)
        if key is None:
            same.append(None)
            continue
        earlier = first.setdefault(key, position)
        same.append(None if earlier == position else earlier)
    return same


def _read(path: Path) -> Optional[bytes]:
    """The file's bytes (``None`` when it cannot be read: its lint reports why)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def _by_path(linters: dict[Path, Linter]) -> Callable[[Path, str], FileResult]:
    """One lint function for a run over several settings: the workers are forked with
    every linter built, and each file goes to its own."""

    def lint(path: Path, display: str) -> FileResult:
        from brazelint.lint.files import lint_file  # python-liquid, only when a file is linted

        return lint_file(linters[path], path, display)

    return lint


def lint_paths(
    paths: Sequence[Path | str], config: Config | str | Path | None = None
) -> list[Diagnostic]:
    """Lint files, directories or globs; each file with the configuration nearest to it,
    or with ``config`` (a loaded ``Config`` or a config file's path) when given."""
    from brazelint.config import Config
    from brazelint.config_lookup import ConfigLookup

    if isinstance(config, Config):
        session = LintSession(lookup=ConfigLookup.fixed(config), cache=False)
    else:
        options = RunOptions(config=Path(config) if config is not None else None)
        session = LintSession(options, cache=False)
    return session.lint([Path(p) for p in paths]).report.diagnostics


def drop_webhook_bodies(files: list[Path]) -> list[Path]:
    """A body file of a webhook in the run is linted with its webhook, not twice."""
    from brazelint.errors import ConfigError
    from brazelint.lint.targets import is_webhook
    from brazelint.lint.webhook import load_webhook

    bodies: set[Path] = set()
    for path in files:
        if is_webhook(path):
            try:
                webhook = load_webhook(path, path.read_text(encoding="utf-8"))
            except (ConfigError, OSError, UnicodeDecodeError):
                continue  # the webhook's own lint reports it
            if webhook.body_file is not None:
                bodies.add(webhook.body_file.resolve())
    if not bodies:
        return files
    return [path for path in files if path.resolve() not in bodies]


def display_names(files: Sequence[Path]) -> list[str]:
    """How reports name ``files``: relative to the working directory when inside it."""
    from brazelint.lint.targets import Resolver, relative_text

    resolve = Resolver()
    here = str(Path.cwd().resolve())
    names = []
    for path in files:
        relative = relative_text(resolve.text(path), here)
        names.append(str(path) if relative is None else relative.replace(os.sep, "/"))
    return names


def _add_sources(report: LintReport, diagnostics: list[Diagnostic]) -> None:
    for path in {d.path for d in diagnostics} - report.sources.keys():
        try:
            report.sources[path] = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            report.sources[path] = ""


def _draw_progress(stream: TextIO, done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
    stream.flush()
