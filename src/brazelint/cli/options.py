"""Options commands share: ``render`` and ``stubs record``'s inputs and how they become a
Renderer; ``lint``'s and ``serve``'s project inputs and how they become ``RunOptions``."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from brazelint.errors import ConfigError

if TYPE_CHECKING:
    from brazelint.config import Config
    from brazelint.http.types import Transport
    from brazelint.lint.settings import RunOptions
    from brazelint.profiles import Profile
    from brazelint.renderer import Renderer
    from brazelint.result import RenderResult


def add_render_inputs(parser: argparse.ArgumentParser) -> None:
    """TEMPLATE, the profile, the clock, globals, Content Blocks and the config file."""
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
    parser.add_argument("--config", type=Path, metavar="FILE", help="configuration file")


def add_project_inputs(parser: argparse.ArgumentParser, *, now_help: str) -> None:
    """What ``lint`` and ``serve`` read besides the templates: config, profiles, stubs, ..."""
    parser.add_argument("--config", type=Path, metavar="FILE", help="configuration file")
    parser.add_argument("--profiles", type=Path, metavar="DIR", help="profiles directory")
    parser.add_argument(
        "--profile",
        action="append",
        default=[],
        metavar="FILE|NAME",
        help="render for this profile only (repeatable)",
    )
    parser.add_argument(
        "--stubs", type=Path, metavar="PATH", help="Connected Content stub file or directory"
    )
    parser.add_argument(
        "--content-blocks", type=Path, metavar="DIR", help="Content Blocks directory"
    )
    parser.add_argument(
        "--schema", metavar="ID|PATH", help="check every output against this JSON Schema"
    )
    parser.add_argument("--now", metavar="ISO", help=now_help)


def parse_globals(pairs: list[str]) -> dict[str, Any]:
    """``KEY=VALUE`` pairs; a VALUE that parses as JSON is taken as JSON."""
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


def resolve_profile(args: argparse.Namespace, config: Config) -> Profile:
    """No ``--profile``: a user with no attributes; else a file, or a name in --profiles."""
    from brazelint.profiles import PROFILE_SUFFIXES, Profile, find_profile, load_profile

    if args.profile is None:
        return Profile(name="empty")
    if Path(args.profile).is_file():
        return load_profile(args.profile)
    if "/" in args.profile or "\\" in args.profile or args.profile.endswith(PROFILE_SUFFIXES):
        # a path, not a name: say so rather than "profile 'x/y.yaml' not found in profiles/"
        raise ConfigError(f"{args.profile}: profile file not found")
    return find_profile(args.profile, args.profiles or config.profiles)


def build_renderer(
    args: argparse.Namespace,
    config: Config,
    *,
    transport: Optional[Transport] = None,
    stubs: Optional[Path] = None,
) -> Renderer:
    """A Renderer for the configured project, with the command line's overrides."""
    from brazelint.renderer import Renderer

    blocks_dir = args.content_blocks or config.content_blocks
    if args.content_blocks and not blocks_dir.is_dir():
        raise ConfigError(f"{blocks_dir}: content blocks directory not found")
    return Renderer(
        limits=config.limits,
        content_blocks=blocks_dir if blocks_dir.is_dir() else None,
        catalogs=config.load_catalogs(),
        promotions=config.promotions,
        stubs=stubs,
        transport=transport,
        credentials=config.credentials,
        exchange_rules=config.exchange_rules,
    )


def print_outcome(result: RenderResult) -> None:
    """The message on stdout (or why it was aborted), then the findings on stderr."""
    from brazelint.report.common import terminal_safe

    if result.aborted:
        reason = terminal_safe(result.abort_reason or "(no reason given)")
        print(f"message aborted: {reason}", file=sys.stderr)
    else:
        # the exact bytes into a pipe or file; on a terminal, escapes are shown, not obeyed
        output = terminal_safe(result.output) if sys.stdout.isatty() else result.output
        sys.stdout.write(_present(output))
        sys.stdout.flush()


def print_problems(result: RenderResult, template: Path) -> None:
    from brazelint.report.common import terminal_safe

    for problem in result.problems:
        print(
            f"{problem.severity}: {template}:{problem.line}:{problem.column}: "
            f"{terminal_safe(problem.message)} [{problem.name}]",
            file=sys.stderr,
        )


def _present(output: str) -> str:
    """Pretty JSON on a terminal, highlighted unless ``NO_COLOR``; the exact bytes otherwise."""
    if not sys.stdout.isatty():
        return output
    try:
        parsed = json.loads(output)
    except ValueError:
        return output
    pretty = json.dumps(parsed, indent=2, ensure_ascii=False)
    from brazelint.cli import _color

    if not _color(sys.stdout):
        return pretty + "\n"
    from pygments import highlight
    from pygments.formatters import TerminalFormatter
    from pygments.lexers import JsonLexer

    return str(highlight(pretty, JsonLexer(), TerminalFormatter()))


def project_options(args: argparse.Namespace) -> RunOptions:
    """The project inputs ``add_project_inputs`` parses (``lint`` and ``serve`` share them)."""
    from brazelint.lint.settings import RunOptions

    return RunOptions(
        config=args.config,
        profiles=args.profiles,
        profile=tuple(args.profile or ()),
        stubs=args.stubs,
        content_blocks=args.content_blocks,
        schema=args.schema,
        now=args.now,
    )


def run_options(args: argparse.Namespace) -> RunOptions:
    """``lint``'s choices, over every configuration's: the project inputs and the rules."""
    return dataclasses.replace(
        project_options(args),
        select=tuple(_split(args.select)) if args.select else None,
        extend_select=tuple(_split(args.extend_select)),
        ignore=tuple(_split(args.ignore)),
        generated_profiles=False if args.no_generated_profiles else None,
        fail_level=args.fail_level,
    )


def _split(values: Optional[list[str]]) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]
