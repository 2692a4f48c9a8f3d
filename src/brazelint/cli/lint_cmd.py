"""``brazelint lint``: every template for every profile, checked and reported."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from brazelint.cli.options import add_project_inputs, run_options
from brazelint.errors import ConfigError
from brazelint.lint.session import FAIL_RANK

if TYPE_CHECKING:
    from brazelint.lint.session import Batch, LintSession


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
    from brazelint.cli.lint_output import emit_report
    from brazelint.lint.session import LintSession
    from brazelint.report.formats import SHOWS_SOURCE

    if args.paths == [Path("-")]:
        from brazelint.cli.lint_stdin import run_stdin

        if args.fix or args.diff or args.fix_only:
            raise ConfigError("--fix, --diff and --fix-only need files, not standard input")
        return run_stdin(args)
    session = LintSession(run_options(args), cache=not args.no_cache, jobs=args.jobs)
    batches = session.plan(args.paths, shard=args.shard)
    note = session.missing_profiles(batches)
    if note is not None:
        print(f"note: {note}", file=sys.stderr)
    if args.fix or args.diff or args.fix_only:
        status = _fix(args, session, batches)
        if status is not None:
            return status
    run = session.run(
        batches,
        progress=sys.stderr if sys.stderr.isatty() else None,
        keep_sources=args.format in SHOWS_SOURCE,
    )
    emit_report(run.report, args)
    return 0 if args.exit_zero or not run.failed else 1


def _fix(args: argparse.Namespace, session: LintSession, batches: list[Batch]) -> Optional[int]:
    """Fix (or diff) every batch's files; the exit status when nothing is reported after."""
    from brazelint.fixes.run import Mode, fix_files
    from brazelint.lint.session import display_names

    mode = Mode(write=not args.diff, diff=args.diff, unsafe=args.unsafe_fixes)
    changed = sum(
        fix_files(
            lambda settings=b.settings: session.linter_for(settings),  # type: ignore[misc]
            list(zip(b.files, display_names(b.files))),
            mode,
        )
        for b in batches
        if b.files
    )
    if args.diff:
        return 1 if changed else 0
    return 0 if args.fix_only else None
