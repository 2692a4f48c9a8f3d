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
    from brazelint.report.formats import FORMATS

    parser = commands.add_parser(
        "lint",
        help="render every template for every profile and check the results",
        description="Render each template for every profile (plus an empty and an "
        "adversarial user) and report syntax, Braze, JSON and schema problems.",
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
        "--no-generated-profiles",
        action="store_true",
        help="skip the built-in empty and adversarial users",
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
    from brazelint.config import load_config
    from brazelint.lint.project import drop_webhook_bodies, selection_for
    from brazelint.lint.targets import discover, names_content_block
    from brazelint.report.formats import SHOWS_SOURCE

    config = load_config(args.config)
    if args.no_generated_profiles:
        config.generated_profiles = False
    if args.fail_level:
        # here, not in build_linter: when every file is cached no linter is built
        config.fail_level = args.fail_level
    paths = list(args.paths or config.templates)
    if not paths:
        raise ConfigError(
            "no paths to lint",
            hint='pass files or directories, or set `templates = ["templates"]` in the config',
        )
    blocks = args.content_blocks or config.content_blocks
    if args.paths and names_content_block(args.paths, blocks, config.root):
        # a Content Block is checked through the templates (pre-commit passes the block)
        paths += config.templates
    files = discover(paths, exclude=config.exclude, root=config.root, content_blocks=blocks)
    rules = selection_for(config, **_selection_choices(args)).codes()
    if args.fix or args.diff or args.fix_only:
        from brazelint.fixes.run import Mode, fix_files

        mode = Mode(write=not args.diff, diff=args.diff, unsafe=args.unsafe_fixes)
        pairs = list(zip(drop_webhook_bodies(files), display_names(drop_webhook_bodies(files))))
        changed = fix_files(lambda: build_linter(args, config), pairs, mode)
        if args.diff:
            return 1 if changed else 0
        if args.fix_only:
            return 0
    report = collect(
        lambda: build_linter(args, config),
        drop_webhook_bodies(files),
        rules=rules,
        progress=_progress_stream(),
        cache=run_cache(args, config),
        jobs=args.jobs,
        keep_sources=args.format in SHOWS_SOURCE,
    )
    return _emit(report, args, config)


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


def collect(
    make_linter: Callable[[], Linter],
    files: list[Path],
    *,
    rules: Sequence[str] = (),
    progress: Optional[TextIO] = None,
    cache: Optional[LintCache] = None,
    jobs: Optional[int] = None,
    keep_sources: bool = True,
) -> LintReport:
    """Lint ``files`` and gather the report.

    With ``keep_sources`` the report keeps the text of each file that has findings, for
    code frames; without, a run holds only diagnostics, so memory stays flat.

    Files whose result is in the cache are not linted again, and when every file is
    cached the linter (python-liquid, profiles, stubs) is never even built.
    """
    from brazelint.checks.diagnostic import LintReport
    from brazelint.lint.runner import lint_files

    report = LintReport(rules=list(rules))
    pairs = list(zip(files, display_names(files)))
    keys: dict[Path, Optional[str]] = {}
    missed = []
    for path, display in pairs:
        report.files.append(display)
        key = cache.key(path, display) if cache is not None else None
        cached = cache.get(key) if cache is not None and key is not None else None
        if cached is None:
            keys[path] = key
            missed.append((path, display))
        elif cached:
            report.diagnostics.extend(cached)
            if keep_sources:
                _add_sources(report, cached)
    linter = make_linter() if missed else None
    started = time.monotonic()
    shown = False

    def remember(path: Path, result: FileResult) -> None:
        key = keys[path]
        if cache is not None and key is not None:
            from brazelint.lint.cache import dependencies

            cache.put(key, result, dependencies(result, path))

    results = (
        lint_files(linter, missed, jobs=jobs, after_each=remember if cache else None)
        if linter is not None
        else iter(())
    )
    for done, result in enumerate(results, start=1):
        if result.diagnostics:
            report.diagnostics.extend(result.diagnostics)
            if keep_sources:
                report.sources[result.path] = result.source or ""
                report.sources.update(result.extra_sources)
        if progress is not None and time.monotonic() - started > PROGRESS_AFTER:
            shown = True
            _draw_progress(progress, done, len(missed))
    if shown and progress is not None:
        progress.write("\r\x1b[2K")
        progress.flush()
    return report


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


def _emit(report: LintReport, args: argparse.Namespace, config: Config) -> int:
    from brazelint.report.formats import write_report

    color = (
        args.output_file is None
        and not args.no_color
        and not os.environ.get("NO_COLOR")
        and sys.stdout.isatty()
    )
    if args.output_file is not None:
        try:
            with open(args.output_file, "w", encoding="utf-8") as out:
                write_report(report, args.format, out, color=color)
        except OSError as err:
            raise ConfigError(
                f"{args.output_file}: cannot write the report ({err.strerror})"
            ) from None
    else:
        write_report(report, args.format, sys.stdout, color=color)
        sys.stdout.flush()
    if args.exit_zero:
        return 0
    threshold = FAIL_RANK[config.fail_level]
    failed = any(FAIL_RANK[d.severity] >= threshold for d in report.diagnostics)
    return 1 if failed else 0


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
