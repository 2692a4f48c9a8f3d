"""How ``lint`` writes its report: format, file, colour; ``--quiet`` and ``--statistics``."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, TextIO

from brazelint.errors import ConfigError

if TYPE_CHECKING:
    from brazelint.checks.diagnostic import LintReport

SUMMARISED = ("text", "concise")
"""Formats that end with a summary line (``--quiet`` drops it)."""


def shown_report(
    report: LintReport, fmt: str, *, color: bool, quiet: bool, statistics: bool
) -> str:
    """What ``lint`` prints with ``--quiet`` and/or ``--statistics``.

    ``--statistics`` replaces the findings by a count per rule; ``--quiet`` prints the
    findings (or counts) and nothing else. Machine formats (json, sarif, ...) have no
    summary line, so ``--quiet`` leaves them as they are.
    """
    from brazelint.report.common import summary_line
    from brazelint.report.formats import format_report

    if statistics:
        from brazelint.report.statistics import format_statistics

        return format_statistics(report, summary=not quiet)
    text = format_report(report, fmt, color=color)
    if fmt not in SUMMARISED:
        return text
    summary = summary_line(report)
    body = text.rstrip("\n")
    if body.endswith(summary):
        body = body[: -len(summary)].rstrip("\n")
    return body + "\n" if body else ""


def emit_report(report: LintReport, args: argparse.Namespace) -> None:
    """Write ``report`` as the command line asks: format, file, colour, quiet, statistics."""
    from brazelint.report.formats import write_report

    color = (
        args.output_file is None
        and not args.no_color
        and not os.environ.get("NO_COLOR")
        and sys.stdout.isatty()
    )

    def write(out: TextIO) -> None:
        if args.statistics or args.quiet:
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
