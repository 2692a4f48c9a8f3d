"""Command-line entry point: parse arguments, dispatch to one command module, map errors.

Commands return an exit code instead of exiting; only ``main`` turns errors into the
one-line-plus-code-frame report and exit code 2 (tracebacks only with ``--debug``).
"""

from __future__ import annotations

import argparse
import sys
from typing import Callable, Optional, Sequence

from brazelint._version import __version__
from brazelint.errors import BrazelintError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

Command = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one clear line, as ruff and sqlfluff do."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from brazelint.cli import (
        init_cmd,
        lint_cmd,
        render_cmd,
        rules_cmd,
        schemas_cmd,
        serve_cmd,
        stubs_cmd,
    )

    parser = _Parser(
        prog="brazelint",
        description="Render and lint Braze Liquid templates offline.",
    )
    parser.add_argument("--version", action="version", version=f"brazelint {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show a traceback when something goes wrong"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    lint_cmd.add_parser(commands)
    init_cmd.add_parser(commands)
    render_cmd.add_parser(commands)
    stubs_cmd.add_parser(commands)
    schemas_cmd.add_parser(commands)
    rules_cmd.add_parser(commands)
    serve_cmd.add_parser(commands)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    from brazelint.cli.startup import defer_imports

    defer_imports()
    parser = build_parser()
    args = parser.parse_args(argv)
    command: Optional[Command] = getattr(args, "run", None)
    if command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return command(args)
    except BrazelintError as err:
        if args.debug:
            raise
        from brazelint.report.codeframe import format_error

        print(format_error(err, color=_color(sys.stderr)), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as err:
        if args.debug:
            raise
        print(
            f"brazelint: internal error: {err.__class__.__name__}: {err} "
            f"(run with --debug for a traceback and report it)",
            file=sys.stderr,
        )
        return EXIT_ERROR


def _color(stream: object) -> bool:
    import os

    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())
