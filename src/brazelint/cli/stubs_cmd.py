"""``brazelint stubs record``: render once against the real network and save the answers.

The only command that sends Connected Content requests to real servers, and only with
``--allow-network``. Every request the render makes is answered by the network (within
Braze's limits: 2 s, 1 MB, no redirects) and written as a stub file that ``brazelint
render`` and ``lint`` replay offline. Credentials are redacted in the file.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brazelint.cli.options import (
    add_render_inputs,
    build_renderer,
    parse_globals,
    print_outcome,
    print_problems,
    resolve_profile,
)
from brazelint.errors import ConfigError
from brazelint.sources import read_template

if TYPE_CHECKING:
    from brazelint.config import Config

NETWORK_REFUSAL = (
    "stubs record sends real HTTP requests to every Connected Content URL in the template; "
    "pass --allow-network to confirm"
)


def add_parser(commands: Any) -> None:
    stubs = commands.add_parser(
        "stubs",
        help="record Connected Content stubs from real servers",
        description="Work with Connected Content stub files.",
    )
    stubs.set_defaults(run=lambda _args: _usage(stubs))
    actions = stubs.add_subparsers(dest="stubs_command", metavar="ACTION")
    record = actions.add_parser(
        "record",
        help="render TEMPLATE against the real network and save the answers as stubs",
        description=(
            "Render TEMPLATE once with real Connected Content requests (Braze's limits: "
            "2 s, 1 MB, no redirects) and write every answer to a stub file, with "
            "credentials redacted. Prints the rendered message."
        ),
    )
    add_render_inputs(record)
    record.add_argument(
        "--allow-network",
        action="store_true",
        help="required: confirm that real HTTP requests may be sent",
    )
    record.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="stub file to write (default: <stubs dir>/<template stem>.yaml)",
    )
    record.add_argument(
        "--force", action="store_true", help="overwrite the output file if it exists"
    )
    record.set_defaults(run=run_record)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def run_record(args: argparse.Namespace) -> int:
    if not args.allow_network:
        raise ConfigError(NETWORK_REFUSAL)
    from brazelint.config_lookup import ConfigLookup
    from brazelint.http.network import NetworkTransport
    from brazelint.http.record import RecordingTransport, stub_documents, write_stub_file

    config = ConfigLookup(args.config).for_path(args.template)
    output = args.output or _default_output(config, args.template)
    if output.is_dir():
        raise ConfigError(f"{_shown(output)}: is a directory; pass -o with a file name")
    if output.exists() and not args.force:
        raise ConfigError(f"{_shown(output)}: already exists; pass --force to overwrite it")
    source = read_template(args.template)
    profile = resolve_profile(args, config)
    recorder = RecordingTransport(NetworkTransport())
    renderer = build_renderer(args, config, transport=recorder)
    started = datetime.now(timezone.utc)
    result = renderer.render(
        source,
        profile,
        now=args.now or config.now,
        globals=parse_globals(args.globals),
        path=str(args.template),
    )
    from brazelint.http.redactor import Redactor

    secrets = renderer.credentials.secret_values()
    shown = Redactor(secrets).result(result)
    print_outcome(shown)
    print_problems(shown, args.template)
    if not recorder.exchanges:
        print(f"no Connected Content requests were sent; {output} not written", file=sys.stderr)
        return 0
    documents = stub_documents(recorder.exchanges, secrets=secrets)
    write_stub_file(
        documents,
        output,
        template=str(args.template),
        profile=str(_shown(Path(profile.path))) if profile.path else profile.name,
        recorded_at=started,
    )
    count = len(documents)
    plural = "s" if count != 1 else ""
    print(f"recorded {count} request{plural} to {_shown(output)}", file=sys.stderr)
    return 0


def _default_output(config: Config, template: Path) -> Path:
    """``<stubs>/<template stem>.yaml``, where ``render`` looks for stubs by default."""
    if config.stubs.is_file():
        raise ConfigError(
            f"{config.stubs}: the configured stubs path is a file; pass -o to choose the output"
        )
    return config.stubs / f"{template.stem}.yaml"


def _shown(path: Path) -> Path:
    """``path`` relative to the working directory when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path
