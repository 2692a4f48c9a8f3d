"""``brazelint lsp``: the language server on stdin/stdout, for editors."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "lsp",
        help="run the language server (diagnostics, hover, completion) for an editor",
        description="Speak the Language Server Protocol on stdin/stdout: an editor starts "
        "this command and gets brazelint's findings as you type, hover and completion "
        "from your profiles, and a preview request. See README, In your editor.",
    )
    parser.add_argument(
        "--log-file", metavar="FILE", help="write the server's log here (default: stderr)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import logging

    from brazelint.lsp import MISSING_SUPPORT_MESSAGE, support_installed

    if not support_installed():
        print(MISSING_SUPPORT_MESSAGE, file=sys.stderr)
        return 2
    logging.basicConfig(
        filename=args.log_file,
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    from brazelint.lsp.server import start

    start()
    return 0
