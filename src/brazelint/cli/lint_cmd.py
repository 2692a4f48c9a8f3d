"""``brazelint lint``: every template for every profile, checked and reported."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, Sequence, TextIO

from brazelint.cli.options import add_project_inputs
from brazelint.errors import ConfigError

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import Diagnostic, LintReport
    from brazelint.config import Config
    from brazelint.lint.cache import LintCache
    from brazelint.lint.linter import FileResult, Linter
    from brazelint.profiles import Profile

FAIL_RANK = {"info": 0, "warning": 1, "error": 2}
PROGRESS_AFTER = 2.0
"""Seconds before a progress bar appears (only on a terminal)."""


def add_parser(commands: Any) -> None:
    from brazelint.lint.shards import parse_shard
    from brazelint.report.formats import FORMATS

    parser = commands.add_parser(
        "lint",
        help="render every template for every profile and check the results",
        description="Render each template for every profile (plus generated empty, "
        "complete and adversarial users) and report syntax, Braze, JSON and schema problems, "
        "and the lines no profile rendered.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="files, directories or globs (default: `templates` in the config)",
    )
    add_project_inputs(parser, now_help="fixed clock, e.g. 2026-01-01T09:00:00Z")
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only these rules (codes, prefixes or names, comma-separated)",
    )
    parser.add_argument(
        "--extend-select",
        action="append",
        default=[],
        metavar="CODES",
        help="add rules to the selection",
    )
    parser.add_argument(
        "--ignore", action="append", default=[], metavar="CODES", help="skip these rules"
    )
    parser.add_argument(
        "--fail-level",
        choices=tuple(FAIL_RANK),
        help="lowest severity that fails the run (default: config, or warning)",
    )
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are findings"
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format")
    parser.add_argument(
        "--output-file",
        "-o",
        type=Path,
        metavar="FILE",
        help="write the report to FILE instead of stdout",
    )
    parser.add_argument("--no-color", action="store_true", help="never colour the output")
    parser.add_argument(
        "--stdin-filename",
        type=Path,
        metavar="PATH",
        help="with PATH `-`: the file the template on stdin stands for (for the "
        "configuration, suppressions, per-file settings and messages)",
    )
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="print the findings only, no summary line"
    )
    parser.add_argument(
        "--statistics",
        action="store_true",
        help="print how many findings each rule has instead of the findings",
    )
    parser.add_argument(
        "--no-generated-profiles",
        action="store_true",
        help="skip the generated empty, complete and adversarial users",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="lint every file again instead of reusing unchanged results",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help="worker processes (default: one per core when there are many files)",
    )
    parser.add_argument(
        "--shard",
        type=parse_shard,
        metavar="K/N",
        help="lint only share K of N (stable, split by path; for a CI job matrix)",
    )
    add_fix_options(parser)
    parser.set_defaults(run=run)


def add_fix_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("fixes")
    group.add_argument("--fix", action="store_true", help="write safe fixes, then report")
    group.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="also apply fixes that may change what a user receives",
    )
    group.add_argument(
        "--diff",
        action="store_true",
        help="print the fixes as a unified diff and write nothing (exit 1 if any)",
    )
    group.add_argument(
        "--fix-only", action="store_true", help="write fixes without reporting the rest"
    )


def run(args: argparse.Namespace) -> int:
    from brazelint.config_lookup import ConfigLookup
    from brazelint.lint.affected import Overrides
    from brazelint.lint.groups import RunFiles
    from brazelint.lint.project import drop_webhook_bodies, selection_for
    from brazelint.lint.shards import in_shard
    from brazelint.report.formats import SHOWS_SOURCE

    if args.paths == [Path("-")]:
        from brazelint.cli.lint_stdin import run_stdin

        if args.fix or args.diff or args.fix_only:
            raise ConfigError("--fix, --diff and --fix-only need files, not standard input")
        return run_stdin(args)
    found = RunFiles(
        ConfigLookup(args.config), Overrides(args.profiles, args.stubs, args.content_blocks)
    )
    batches = []
    rules: set[str] = set()
    for group in found.groups(args.paths):
        config = group.config
        if args.no_generated_profiles:
            config.generated_profiles = False
        if args.fail_level:
            config.fail_level = args.fail_level
        files = drop_webhook_bodies(group.files)
        if args.shard is not None:
            files = [path for path in files if in_shard(path, config.root, args.shard)]
        rules.update(selection_for(config, **_selection_choices(args)).codes())
        batches.append(
            Batch(
                config,
                files,
                lambda config=config: build_linter(args, config),  # type: ignore[misc]
                run_cache(args, config),
            )
        )
    _note_missing_profiles(args, [b.config for b in batches if b.files])
    if args.fix or args.diff or args.fix_only:
        status = _fix(args, batches)
        if status is not None:
            return status
    report, failed = collect(
        batches,
        rules=sorted(rules),
        progress=_progress_stream(),
        jobs=args.jobs,
        keep_sources=args.format in SHOWS_SOURCE,
    )
    _emit(report, args)
    return 0 if args.exit_zero or not failed else 1


def _fix(args: argparse.Namespace, batches: list[Batch]) -> Optional[int]:
    """Fix (or diff) every batch's files; the exit status when nothing is reported after."""
    from brazelint.fixes.run import Mode, fix_files

    mode = Mode(write=not args.diff, diff=args.diff, unsafe=args.unsafe_fixes)
    changed = sum(
        fix_files(b.make_linter, list(zip(b.files, display_names(b.files))), mode)
        for b in batches
        if b.files
    )
    if args.diff:
        return 1 if changed else 0
    return 0 if args.fix_only else None


class Batch:
    """The files of a run that share a configuration, with how to lint and cache them."""

    __slots__ = ("cache", "config", "files", "make_linter")

    def __init__(
        self,
        config: Config,
        files: list[Path],
        make_linter: Callable[[], Linter],
        cache: Optional[LintCache] = None,
    ) -> None:
        self.config = config
        self.files = files
        self.make_linter = make_linter
        self.cache = cache


def build_linter(args: argparse.Namespace, config: Config, *, keep_renders: bool = False) -> Linter:
    """The run's linter from the command line (which overrides the configuration)."""
    from brazelint.lint.project import linter_for

    if args.fail_level:
        config.fail_level = args.fail_level
    return linter_for(
        config,
        profiles=_profiles(args, config),
        stubs=args.stubs,
        content_blocks=args.content_blocks,
        schema=args.schema,
        now=args.now,
        keep_renders=keep_renders,
        **_selection_choices(args),
    )


def _selection_choices(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "select": _split(args.select) if args.select else None,
        "extend_select": _split(args.extend_select),
        "ignore": _split(args.ignore),
    }


def _note_missing_profiles(args: argparse.Namespace, configs: list[Config]) -> None:
    """Say once where profiles were looked for when none were found: the run goes on
    with the generated users only, which is not the same as checking your users."""
    if args.profile or args.profiles:
        return  # named on the command line: a missing one is an error of its own
    from brazelint.profiles import PROFILE_SUFFIXES

    empty = []
    for config in configs:
        directory = config.profiles
        if not directory.is_dir() or not any(
            p.suffix.lower() in PROFILE_SUFFIXES for p in directory.iterdir()
        ):
            empty.append(config)
    if not empty:
        return
    where = ", ".join(dict.fromkeys(_shown(c.profiles) for c in empty))
    generated = all(c.generated_profiles for c in empty)
    then = (
        "linting with the generated users (empty, complete, adversarial) only"
        if generated
        else "and generated users are off: templates are rendered for nobody"
    )
    print(f"note: no profiles found (looked in {where}); {then}", file=sys.stderr)


def _shown(path: Path) -> str:
    (name,) = display_names([path])
    return name + "/"


def collect(
    batches: Sequence[Batch],
    *,
    rules: Sequence[str] = (),
    progress: Optional[TextIO] = None,
    jobs: Optional[int] = None,
    keep_sources: bool = True,
) -> tuple[LintReport, bool]:
    """Lint every batch's files (in one pool of workers) and gather the report, and
    whether a finding reached the fail level of its file's configuration.

    With ``keep_sources`` the report keeps the text of each file that has findings, for
    code frames; without, a run holds only diagnostics, so memory stays flat.

    Files whose result is in the cache are not linted again, and a batch whose files are
    all cached never builds its linter (python-liquid, profiles, stubs).
    """
    from brazelint.checks.diagnostic import LintReport
    from brazelint.lint.groups import PerFileLinter
    from brazelint.lint.runner import lint_files

    report = LintReport(rules=list(rules))
    threshold: dict[Path, int] = {}
    keys: dict[Path, tuple[LintCache, str]] = {}
    linters: list[tuple[Linter, list[Path]]] = []
    missed = []
    failed = False
    for batch in batches:
        level = FAIL_RANK[batch.config.fail_level]
        cache = batch.cache
        missed_here = []
        for path, display in zip(batch.files, display_names(batch.files)):
            report.files.append(display)
            threshold[path] = level
            key = cache.key(path, display) if cache is not None else None
            cached = cache.get(key) if cache is not None and key is not None else None
            if cached is None:
                if cache is not None and key is not None:
                    keys[path] = (cache, key)
                missed_here.append((path, display))
            else:
                covered = cache.coverage(key) if cache is not None and key is not None else None
                if covered is not None:
                    report.coverage[display] = covered
                if cached:
                    report.diagnostics.extend(cached)
                    failed = failed or any(FAIL_RANK[d.severity] >= level for d in cached)
                    if keep_sources:
                        _add_sources(report, cached)
        if missed_here:
            linters.append((batch.make_linter(), [path for path, _ in missed_here]))
            missed += missed_here
    started = time.monotonic()
    shown = False

    def remember(path: Path, result: FileResult) -> None:
        entry = keys.get(path)
        if entry is not None:
            from brazelint.lint.cache import dependencies

            entry[0].put(entry[1], result, dependencies(result, path))

    linter = PerFileLinter.over(linters) if linters else None
    results = (
        lint_files(linter, missed, jobs=jobs, after_each=remember if keys else None)
        if linter is not None
        else iter(())
    )
    for done, (result, (path, _)) in enumerate(zip(results, missed), start=1):
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
            _draw_progress(progress, done, len(missed))
    if shown and progress is not None:
        progress.write("\r\x1b[2K")
        progress.flush()
    return report, failed


def run_cache(args: argparse.Namespace, config: Config) -> Optional[LintCache]:
    """The cache for this run, unless ``--no-cache`` (keyed on every input that matters)."""
    if args.no_cache:
        return None
    from brazelint.lint.cache import LintCache, files_under

    choices = [
        f"{name}={getattr(args, name)!r}"
        for name in (
            "profiles",
            "profile",
            "stubs",
            "content_blocks",
            "schema",
            "now",
            "select",
            "extend_select",
            "ignore",
            "no_generated_profiles",
        )
    ]
    # the contents of every file the command line names (the configuration's own inputs
    # are hashed by LintCache.for_run); a --schema file is a per-file dependency
    given = [args.profiles, args.stubs, args.content_blocks, *map(Path, args.profile)]
    inputs = [path for location in given if location is not None for path in files_under(location)]
    return LintCache.for_run(config, choices, inputs)


def _add_sources(report: LintReport, diagnostics: list[Diagnostic]) -> None:
    for path in {d.path for d in diagnostics} - report.sources.keys():
        try:
            report.sources[path] = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            report.sources[path] = ""


def _emit(report: LintReport, args: argparse.Namespace) -> None:
    from brazelint.report.formats import write_report

    color = (
        args.output_file is None
        and not args.no_color
        and not os.environ.get("NO_COLOR")
        and sys.stdout.isatty()
    )

    def write(out: TextIO) -> None:
        if args.statistics or args.quiet:
            from brazelint.cli.lint_output import shown_report

            out.write(
                shown_report(
                    report, args.format, color=color, quiet=args.quiet, statistics=args.statistics
                )
            )
        else:
            write_report(report, args.format, out, color=color)

    if args.output_file is not None:
        try:
            with open(args.output_file, "w", encoding="utf-8") as out:
                write(out)
        except OSError as err:
            raise ConfigError(
                f"{args.output_file}: cannot write the report ({err.strerror})"
            ) from None
    else:
        write(sys.stdout)
        sys.stdout.flush()


def _profiles(args: argparse.Namespace, config: Config) -> Optional[list[Profile]]:
    from brazelint.profiles import find_profile, load_profile, load_profiles

    directory = args.profiles or config.profiles
    if args.profile:
        return [
            load_profile(item) if Path(item).is_file() else find_profile(item, directory)
            for item in args.profile
        ]
    if args.profiles:
        if not args.profiles.is_dir():
            raise ConfigError(f"{args.profiles}: profiles directory not found")
        return load_profiles(args.profiles)
    return None


def _split(values: Optional[list[str]]) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


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


def _progress_stream() -> Optional[TextIO]:
    return sys.stderr if sys.stderr.isatty() else None


def _draw_progress(stream: TextIO, done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
    stream.flush()
