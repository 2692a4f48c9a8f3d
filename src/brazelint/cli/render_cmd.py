"""``brazelint render``: preview one template for one profile."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

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
    from brazelint.http.types import Transport
    from brazelint.profiles import Profile
    from brazelint.renderer import Renderer
    from brazelint.result import RenderResult


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "render",
        help="render a template for a mock profile",
        description="Render TEMPLATE for one mock profile and print the message.",
    )
    add_render_inputs(parser)
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
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (the message) or json"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from brazelint.config_lookup import ConfigLookup
    from brazelint.lint.targets import is_webhook

    config = ConfigLookup(args.config).for_path(args.template)
    source = read_template(args.template)
    profile = resolve_profile(args, config)
    renderer = build_renderer(
        args,
        config,
        transport=_network() if args.allow_network else None,
        stubs=_stubs_path(args.stubs, config.stubs),
    )
    now = args.now or config.now  # the clock lint and serve use for this file
    if is_webhook(args.template):
        return _run_webhook(args, renderer, source, profile, now)
    result = renderer.render(
        source, profile, now=now, globals=parse_globals(args.globals), path=str(args.template)
    )
    from brazelint.http.redactor import Redactor

    # everything printed below (message, requests, findings) shows no credential value
    result = Redactor(renderer.credentials.secret_values()).result(result)
    if args.format == "json":
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str))
        return 1 if result.problems else 0
    print_outcome(result)
    _show_requests(args, result)
    print_problems(result, args.template)
    return 1 if result.problems else 0


def _run_webhook(
    args: argparse.Namespace,
    renderer: Renderer,
    source: str,
    profile: Profile,
    now: Optional[str],
) -> int:
    """A webhook file: the request it sends (method, URL, headers redacted, body)."""
    from brazelint.clock import parse_now
    from brazelint.lint.webhook import load_webhook
    from brazelint.lint.webhook_request import render_request, shown_request

    webhook = load_webhook(args.template, source)
    request = render_request(
        renderer, webhook, profile, now=parse_now(now), globals=parse_globals(args.globals)
    )
    request = shown_request(request, renderer, source)
    body = request.body
    if args.format == "json":
        print(json.dumps(request.to_dict(), indent=2, ensure_ascii=False, default=str))
        return 1 if body is not None and body.problems else 0
    if body is not None and body.aborted:
        print_outcome(body)  # Braze sends nothing
    else:
        print(request.head(), end="\n\n" if body is not None else "\n", flush=True)
        if body is not None:
            print_outcome(body)
    if body is None:
        return 0
    _show_requests(args, body)
    print_problems(body, webhook.body_file or args.template)
    return 1 if body.problems else 0


def _show_requests(args: argparse.Namespace, result: RenderResult) -> None:
    if args.show_requests:
        from brazelint.report.requests import format_requests

        print(format_requests(result.requests), file=sys.stderr)


def _stubs_path(option: Optional[Path], configured: Path) -> Optional[Path]:
    """``--stubs`` must exist; the configured default is used only when it does."""
    if option is not None:
        if not option.exists():
            raise ConfigError(f"{option}: stubs file or directory not found")
        return option
    return configured if configured.exists() else None


def _network() -> Transport:
    from brazelint.http.network import NetworkTransport

    return NetworkTransport()
