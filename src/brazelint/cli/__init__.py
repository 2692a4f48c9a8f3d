"""Command-line entry point: parse arguments, dispatch to one command module, map errors.

Commands return an exit code instead of exiting; only ``main`` turns errors into the
one-line-plus-code-frame report and exit code 2 (tracebacks only with ``--debug``).
"""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from typing import Callable, Iterator, Optional, Sequence

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


COMMANDS = ("lint", "init", "render", "stubs", "schemas", "rules", "serve", "lsp")


def build_parser(only: Optional[str] = None) -> argparse.ArgumentParser:
    """The argument parser. With ``only`` (a command name), the other commands are left
    out: their modules are not imported, which keeps a pre-commit run's start short."""
    import importlib

    parser = _Parser(
        prog="brazelint",
        description="Render and lint Braze Liquid templates offline.",
    )
    parser.add_argument("--version", action="version", version=f"brazelint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        if only is None or name == only:
            module = importlib.import_module(f"brazelint.cli.{name}_cmd")
            module.add_parser(commands)
            _add_everywhere_options(commands.choices[name], default=argparse.SUPPRESS)
    _add_everywhere_options(parser, default=False)
    return parser


def _add_everywhere_options(parser: argparse.ArgumentParser, *, default: object) -> None:
    """``--debug`` and ``--no-color``, accepted before or after the command.

    On a command they default to ``SUPPRESS``, so a command that does not repeat them
    keeps what was given before it. ``--no-color`` has its own destination, as ``lint``
    already has a ``--no-color`` of its own.
    """
    for action in parser._actions:  # nested commands (`schemas show`) take them too
        if isinstance(action, argparse._SubParsersAction):
            for nested in action.choices.values():
                _add_everywhere_options(nested, default=argparse.SUPPRESS)
    known = parser._option_string_actions
    if "--debug" not in known:
        parser.add_argument(
            "--debug",
            action="store_true",
            default=default,
            help="show a traceback when something goes wrong (the exit code stays the same)",
        )
    if "--no-color" not in known:
        parser.add_argument(
            "--no-color",
            dest="no_color_anywhere",
            action="store_true",
            default=default,
            help="never colour the output (as NO_COLOR=1 does)",
        )


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
    no_color = args.no_color_anywhere or getattr(args, "no_color", False)
    try:
        with _colourless(no_color):
            return command(args)
    except BrazelintError as err:
        if args.debug:
            _print_traceback()
        from brazelint.report.codeframe import format_error

        print(format_error(err, color=_color(sys.stderr)), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as err:
        if args.debug:
            _print_traceback()
        print(
            f"brazelint: internal error: {err.__class__.__name__}: {err} "
            f"(run with --debug for a traceback and report it)",
            file=sys.stderr,
        )
        return EXIT_ERROR


@contextmanager
def _colourless(on: bool) -> Iterator[None]:
    """``NO_COLOR=1`` while a command runs with ``--no-color``: every command, and anything
    it starts, reads that one setting."""
    import os

    if not on:
        yield
        return
    before = os.environ.get("NO_COLOR")
    os.environ["NO_COLOR"] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ["NO_COLOR"]
        else:
            os.environ["NO_COLOR"] = before


def _print_traceback() -> None:
    """The traceback for ``--debug``: shown, but the exit code stays what it would be."""
    import traceback

    traceback.print_exc(file=sys.stderr)


def _color(stream: object) -> bool:
    import os

    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())
