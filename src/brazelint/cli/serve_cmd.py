"""``brazelint serve``: a live preview of the templates in the browser."""

from __future__ import annotations

import argparse
import ipaddress
import signal
import sys
from pathlib import Path
from types import FrameType
from typing import Any, Optional

from brazelint.cli.options import add_project_inputs, project_options
from brazelint.errors import ConfigError

DEFAULT_PORT = 8765
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "serve",
        help="preview templates in the browser, re-rendered as you save",
        description="Serve a local page that lists the templates with their diagnostics "
        "and shows each one rendered for every profile, updated whenever a template, "
        "profile, stub or config file is saved.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="files, directories or globs (default: `templates` in the config)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        metavar="N",
        help=f"port to listen on (default: {DEFAULT_PORT}; 0 picks a free one)",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a --host other than loopback (anyone who can reach it sees the templates)",
    )
    parser.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="with --allow-remote, a host name (or name:port) the preview also answers to, "
        "such as this machine's name; requests for any other Host are refused",
    )
    add_project_inputs(parser, now_help="starting clock, e.g. 2026-01-01T09:00:00Z")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from brazelint.preview.project import PreviewProject
    from brazelint.preview.server import PreviewServer

    if not 0 <= args.port <= 65535:
        print(f"brazelint serve: error: --port {args.port} is not a port number", file=sys.stderr)
        return 2
    remote = not is_loopback(args.host)
    if remote and not args.allow_remote:
        print(
            f"brazelint serve: error: --host {args.host} is not a loopback address; "
            "add --allow-remote to serve your templates to the network",
            file=sys.stderr,
        )
        return 2
    project = PreviewProject(project_options(args), args.paths)
    project.linter(project.config())  # a broken config or profile fails before serving
    try:
        server = PreviewServer(
            (args.host, args.port),
            project,
            allow_remote=remote,
            allowed_names=args.allowed_host if remote else (),
        )
    except OSError as err:
        raise ConfigError(
            f"cannot listen on {args.host}:{args.port} ({err.strerror or err})",
            hint="pick another --port, or --port 0 for any free one",
        ) from None
    if remote:
        print(
            f"warning: serving on {args.host}, not loopback: anyone who can reach this "
            "machine can read your templates, profiles and stub answers",
            file=sys.stderr,
        )
    previous = _stop_on_sigterm()
    try:
        server.start_watching()
        print(f"brazelint preview of {project.root}", flush=True)
        print(f"serving on {server.url}  (Ctrl-C to stop)", flush=True)
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    print("stopped", flush=True)
    return 0


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _stop_on_sigterm() -> Optional[Any]:
    """Make SIGTERM stop the server like Ctrl-C does (clean exit 0)."""

    def interrupt(signum: int, frame: Optional[FrameType]) -> None:
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread
        return None
