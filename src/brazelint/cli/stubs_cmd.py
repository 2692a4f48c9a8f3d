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

from brazelint.errors import ConfigError

if TYPE_CHECKING:
    from brazelint.config import Config
    from brazelint.profiles import Profile

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
    record.add_argument("template", type=Path, help="template file (.liquid, .json, ...)")
    record.add_argument(
        "--profile", metavar="FILE|NAME", help="profile file, or a profile name in --profiles"
    )
    record.add_argument("--profiles", type=Path, metavar="DIR", help="profiles directory")
    record.add_argument(
        "--now", metavar="ISO", help="fixed clock for 'now', e.g. 2024-03-01T12:00:00Z"
    )
    record.add_argument(
        "--global",
        dest="globals",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="extra top-level variable (VALUE is JSON if it parses, else text); repeatable",
    )
    record.add_argument(
        "--content-blocks", type=Path, metavar="DIR", help="Content Blocks directory"
    )
    record.add_argument("--config", type=Path, metavar="FILE", help="configuration file")
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
    from brazelint.cli.render_cmd import _parse_globals, _read_template
    from brazelint.config import load_config
    from brazelint.http.network import NetworkTransport
    from brazelint.http.record import RecordingTransport, stub_documents, write_stub_file
    from brazelint.renderer import Renderer

    config = load_config(args.config)
    output = args.output or _default_output(config, args.template)
    if output.exists() and not args.force:
        raise ConfigError(f"{output}: already exists; pass --force to overwrite it")
    if output.is_dir():
        raise ConfigError(f"{output}: is a directory; pass -o with a file name")
    source = _read_template(args.template)
    profile = _resolve_profile(args, config)
    globals_ = _parse_globals(args.globals)
    blocks_dir = args.content_blocks or config.content_blocks
    if args.content_blocks and not blocks_dir.is_dir():
        raise ConfigError(f"{blocks_dir}: content blocks directory not found")

    recorder = RecordingTransport(NetworkTransport())
    renderer = Renderer(
        limits=config.limits,
        content_blocks=blocks_dir if blocks_dir.is_dir() else None,
        catalogs=config.load_catalogs(),
        promotions=config.promotions,
        transport=recorder,
        credentials=config.credentials,
        exchange_rules=config.exchange_rules,
    )
    started = datetime.now(timezone.utc)
    result = renderer.render(
        source, profile, now=args.now, globals=globals_, path=str(args.template)
    )
    if result.aborted:
        print(f"message aborted: {result.abort_reason or '(no reason given)'}", file=sys.stderr)
    else:
        sys.stdout.write(result.output)
        sys.stdout.flush()
    for problem in result.problems:
        print(
            f"{problem.severity}: {args.template}:{problem.line}:{problem.column}: "
            f"{problem.message} [{problem.name}]",
            file=sys.stderr,
        )
    if not recorder.exchanges:
        print(f"no Connected Content requests were sent; {output} not written", file=sys.stderr)
        return 0
    documents = stub_documents(recorder.exchanges)
    write_stub_file(
        documents,
        output,
        template=str(args.template),
        profile=profile.path or profile.name,
        recorded_at=started,
    )
    count = len(documents)
    print(f"recorded {count} request{'s' if count != 1 else ''} to {output}", file=sys.stderr)
    return 0


def _default_output(config: Config, template: Path) -> Path:
    """``<stubs>/<template stem>.yaml``, where ``render`` looks for stubs by default."""
    if config.stubs.is_file():
        raise ConfigError(
            f"{config.stubs}: the configured stubs path is a file; pass -o to choose the output"
        )
    return config.stubs / f"{template.stem}.yaml"


def _resolve_profile(args: argparse.Namespace, config: Config) -> Profile:
    """As ``brazelint render`` does: none, a profile file, or a name in --profiles."""
    from brazelint.profiles import Profile, find_profile, load_profile

    if args.profile is None:
        return Profile(name="empty")
    if Path(args.profile).is_file():
        return load_profile(args.profile)
    return find_profile(args.profile, args.profiles or config.profiles)
