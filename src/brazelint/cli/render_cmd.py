"""``brazelint render``: preview one template for one profile."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brazelint.errors import ConfigError

if TYPE_CHECKING:
    from brazelint.http.types import Transport


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "render",
        help="render a template for a mock profile",
        description="Render TEMPLATE for one mock profile and print the message.",
    )
    parser.add_argument("template", type=Path, help="template file (.liquid, .json, ...)")
    parser.add_argument(
        "--profile", metavar="FILE|NAME", help="profile file, or a profile name in --profiles"
    )
    parser.add_argument("--profiles", type=Path, metavar="DIR", help="profiles directory")
    parser.add_argument(
        "--now", metavar="ISO", help="fixed clock for 'now', e.g. 2024-03-01T12:00:00Z"
    )
    parser.add_argument(
        "--global",
        dest="globals",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="extra top-level variable (VALUE is JSON if it parses, else text); repeatable",
    )
    parser.add_argument(
        "--content-blocks", type=Path, metavar="DIR", help="Content Blocks directory"
    )
    parser.add_argument(
        "--stubs", type=Path, metavar="PATH", help="Connected Content stub file or directory"
    )
    parser.add_argument(
        "--show-requests",
        action="store_true",
        help="list the Connected Content requests on stderr (credentials redacted)",
    )
    parser.add_argument(
        "--allow-network",
        action="store_true",
        help="send Connected Content requests to the real servers instead of stubs",
    )
    parser.add_argument("--config", type=Path, metavar="FILE", help="configuration file")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (the message) or json"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from brazelint.config import load_config
    from brazelint.profiles import Profile, find_profile, load_profile
    from brazelint.renderer import Renderer

    config = load_config(args.config)
    source = _read_template(args.template)
    profiles_dir = args.profiles or config.profiles
    profile: Profile
    if args.profile is None:
        profile = Profile(name="empty")
    elif Path(args.profile).is_file():
        profile = load_profile(args.profile)
    else:
        profile = find_profile(args.profile, profiles_dir)
    blocks_dir = args.content_blocks or config.content_blocks
    if args.content_blocks and not blocks_dir.is_dir():
        raise ConfigError(f"{blocks_dir}: content blocks directory not found")
    renderer = Renderer(
        limits=config.limits,
        content_blocks=blocks_dir if blocks_dir.is_dir() else None,
        catalogs=config.load_catalogs(),
        promotions=config.promotions,
        stubs=_stubs_path(args.stubs, config.stubs),
        transport=_network() if args.allow_network else None,
        credentials=config.credentials,
        exchange_rules=config.exchange_rules,
    )
    result = renderer.render(
        source, profile, now=args.now, globals=_parse_globals(args.globals), path=str(args.template)
    )
    if args.format == "json":
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str))
        return 1 if result.problems else 0
    if result.aborted:
        print(f"message aborted: {result.abort_reason or '(no reason given)'}", file=sys.stderr)
    else:
        sys.stdout.write(_present(result.output))
    if args.show_requests:
        from brazelint.report.requests import format_requests

        sys.stdout.flush()
        print(format_requests(result.requests), file=sys.stderr)
    for problem in result.problems:
        print(
            f"{problem.severity}: {args.template}:{problem.line}:{problem.column}: "
            f"{problem.message} [{problem.name}]",
            file=sys.stderr,
        )
    return 1 if result.problems else 0


def _stubs_path(option: Path | None, configured: Path) -> Path | None:
    """``--stubs`` must exist; the configured default is used only when it does."""
    if option is not None:
        if not option.exists():
            raise ConfigError(f"{option}: stubs file or directory not found")
        return option
    return configured if configured.exists() else None


def _network() -> Transport:
    from brazelint.http.network import NetworkTransport

    return NetworkTransport()


def _read_template(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: template not found") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read template ({err})") from None


def _parse_globals(pairs: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"--global expects KEY=VALUE, got '{pair}'")
        try:
            values[key.strip()] = json.loads(text)
        except json.JSONDecodeError:
            values[key.strip()] = text
    return values


def _present(output: str) -> str:
    """Pretty, highlighted JSON on a terminal; the exact bytes otherwise."""
    if not sys.stdout.isatty():
        return output
    try:
        parsed = json.loads(output)
    except ValueError:
        return output
    from pygments import highlight
    from pygments.formatters import TerminalFormatter
    from pygments.lexers import JsonLexer

    pretty = json.dumps(parsed, indent=2, ensure_ascii=False)
    return str(highlight(pretty, JsonLexer(), TerminalFormatter()))
