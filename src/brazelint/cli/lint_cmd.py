"""``brazelint lint``: every template × every profile, checked and reported."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, TextIO

from brazelint.errors import ConfigError

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import LintReport
    from brazelint.config import Config
    from brazelint.lint.linter import Linter
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
    parser.add_argument("--config", type=Path, metavar="FILE", help="configuration file")
    parser.add_argument("--profiles", type=Path, metavar="DIR", help="profiles directory")
    parser.add_argument(
        "--profile",
        action="append",
        default=[],
        metavar="FILE|NAME",
        help="render for this profile only (repeatable)",
    )
    parser.add_argument(
        "--stubs", type=Path, metavar="PATH", help="Connected Content stub file or directory"
    )
    parser.add_argument(
        "--content-blocks", type=Path, metavar="DIR", help="Content Blocks directory"
    )
    parser.add_argument(
        "--schema", metavar="ID|PATH", help="check every output against this JSON Schema"
    )
    parser.add_argument("--now", metavar="ISO", help="fixed clock, e.g. 2026-01-01T09:00:00Z")
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
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help="worker processes (default: one per core when there are many files)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from brazelint.config import load_config
    from brazelint.lint.targets import discover

    config = load_config(args.config)
    if args.no_generated_profiles:
        config.generated_profiles = False
    paths = args.paths or config.templates
    if not paths:
        raise ConfigError(
            "no paths to lint",
            hint='pass files or directories, or set `templates = ["templates"]` in the config',
        )
    files = discover(paths, exclude=config.exclude, root=config.root)
    linter = build_linter(args, config)
    report = collect(linter, _drop_webhook_bodies(files), progress=_progress_stream())
    return _emit(report, args, config)


def build_linter(args: argparse.Namespace, config: Config, *, keep_renders: bool = False) -> Linter:
    from brazelint.lint.linter import Linter, LintOptions
    from brazelint.lint.selection import Selection
    from brazelint.renderer import Renderer

    select = _split(args.select) if args.select else config.select
    selection = Selection.build(
        select=select,
        extend_select=[*config.extend_select, *_split(args.extend_select)],
        ignore=[*config.ignore, *_split(args.ignore)],
        per_file_ignores=config.per_file_ignores,
        root=config.root,
        where=str(config.path or "command line"),
    )
    blocks = args.content_blocks or config.content_blocks
    if args.content_blocks and not blocks.is_dir():
        raise ConfigError(f"{blocks}: content blocks directory not found")
    stubs = args.stubs or (config.stubs if config.stubs.exists() else None)
    if args.stubs and not args.stubs.exists():
        raise ConfigError(f"{args.stubs}: stub file or directory not found")
    renderer = Renderer(
        limits=config.limits,
        content_blocks=blocks if blocks.is_dir() else None,
        catalogs=config.load_catalogs(),
        promotions=config.promotions,
        stubs=stubs,
        credentials=config.credentials,
        exchange_rules=config.exchange_rules,
    )
    if args.now:
        from brazelint.renderer import parse_now

        parse_now(args.now)  # fail early, with the usual message
    options = LintOptions(
        profiles=_profiles(args, config),
        schema=args.schema,
        now=args.now,
        keep_renders=keep_renders,
    )
    if args.fail_level:
        config.fail_level = args.fail_level
    return Linter(config, renderer, selection, options)


def collect(linter: Linter, files: list[Path], *, progress: Optional[TextIO] = None) -> LintReport:
    """Lint ``files`` and gather the report (sources kept only for files with findings)."""
    from brazelint.checks.diagnostic import LintReport
    from brazelint.lint.runner import lint_files

    report = LintReport(rules=linter.selection.codes())
    started = time.monotonic()
    shown = False
    pairs = [(path, _display(path)) for path in files]
    for done, result in enumerate(lint_files(linter, pairs), start=1):
        report.files.append(result.path)
        if result.diagnostics:
            report.diagnostics.extend(result.diagnostics)
            report.sources[result.path] = result.source or ""
            report.sources.update(result.extra_sources)
        if progress is not None and time.monotonic() - started > PROGRESS_AFTER:
            shown = True
            _draw_progress(progress, done, len(pairs))
    if shown and progress is not None:
        progress.write("\r\x1b[2K")
        progress.flush()
    return report


def _emit(report: LintReport, args: argparse.Namespace, config: Config) -> int:
    from brazelint.report.formats import format_report

    color = (
        args.output_file is None
        and not args.no_color
        and not os.environ.get("NO_COLOR")
        and sys.stdout.isatty()
    )
    text = format_report(report, args.format, color=color)
    if args.output_file is not None:
        try:
            args.output_file.write_text(text, encoding="utf-8")
        except OSError as err:
            raise ConfigError(f"{args.output_file}: cannot write the report ({err.strerror})")
    else:
        sys.stdout.write(text)
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


def _drop_webhook_bodies(files: list[Path]) -> list[Path]:
    """A body file of a webhook in the run is linted with its webhook, not twice."""
    from brazelint.lint.webhook import is_webhook, load_webhook

    bodies: set[Path] = set()
    for path in files:
        if is_webhook(path):
            try:
                webhook = load_webhook(path, path.read_text(encoding="utf-8"))
            except (ConfigError, OSError, UnicodeDecodeError):
                continue  # the webhook's own lint reports it
            if webhook.body_file is not None:
                bodies.add(webhook.body_file.resolve())
    return [path for path in files if path.resolve() not in bodies]


def _split(values: Optional[list[str]]) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _progress_stream() -> Optional[TextIO]:
    return sys.stderr if sys.stderr.isatty() else None


def _draw_progress(stream: TextIO, done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
    stream.flush()
