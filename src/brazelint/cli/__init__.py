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


COMMANDS = ("lint", "init", "render", "stubs", "schemas", "rules", "serve")


def build_parser(only: Optional[str] = None) -> argparse.ArgumentParser:
    """The argument parser. With ``only`` (a command name), the other commands are left
    out: their modules are not imported, which keeps a pre-commit run's start short."""
    import importlib

    parser = _Parser(
        prog="brazelint",
        description="Render and lint Braze Liquid templates offline.",
    )
    parser.add_argument("--version", action="version", version=f"brazelint {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show a traceback when something goes wrong"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        if only is None or name == only:
            module = importlib.import_module(f"brazelint.cli.{name}_cmd")
            module.add_parser(commands)
    return parser


def _command_in(argv: Sequence[str]) -> Optional[str]:
    """The command ``argv`` runs (its first word that is not an option), if it is one."""
    word = next((arg for arg in argv if not arg.startswith("-")), None)
    return word if word in COMMANDS else None


def main(argv: Optional[Sequence[str]] = None) -> int:
    from brazelint.cli.startup import defer_imports, tune_collector

    tune_collector()
    defer_imports()
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_in(arguments))
    args = parser.parse_args(arguments)
    command: Optional[Command] = getattr(args, "run", None)
    if args.debug:
        import os

        os.environ["BRAZELINT_DEBUG"] = "1"  # workers and per-file guards re-raise too
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
