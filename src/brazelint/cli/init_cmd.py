"""``brazelint init``: a starter configuration, profile, stub and template for a project."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from brazelint.errors import ConfigError

CONFIG = """\
# brazelint settings: https://github.com/brazelint/brazelint#configuration
templates = ["templates"]
profiles = "profiles"
stubs = "stubs"
content-blocks = "content_blocks"
now = "2026-01-01T09:00:00Z"      # the clock every render uses
fail-level = "warning"

# The JSON Schema each template's output must match (glob -> schema id or path).
# `brazelint schemas` lists the built-in ids.
[schemas]
"templates/**/*.json.liquid" = "movable-ink/event"
"""

PROFILE = """\
# A mock user: the attributes Braze would have for them.
name: example_user
attributes:
  user_id: "user-0001"
  first_name: Jane
  email_address: jane@example.com
  time_zone: America/New_York
  language: en
custom_attributes:
  loyalty_tier: gold
event_properties:
  id: "56544"
  title: Green tea
  price: 1.99
"""

STUB = """\
# Answers for Connected Content calls: brazelint never calls the network during lint.
- request:
    method: GET
    url_pattern: "^https://api\\\\.example\\\\.com/offers\\\\?user=.*"
  response:
    status: 200
    json:
      offers:
        - {id: "offer-1", title: "Double points"}
"""

TEMPLATE = """\
{% comment %}brazelint: schema=movable-ink/event{% endcomment %}
{% if ${user_id} == blank %}{% abort_message('no external id') %}{% endif %}
{
  "type": "track",
  "event": "product_viewed",
  "user_id": "{{${user_id} | json_escape}}",
  "timestamp": {{ "now" | date: "%s" | times: 1000 }},
  "timezone": "{{${time_zone} | default: 'UTC' | json_escape}}",
  "properties": {
    "id": "{{event_properties.${id} | default: 'unknown' | json_escape}}",
    "title": "{{event_properties.${title} | default: '' | json_escape}}",
    "price": {{event_properties.${price} | default: 0}}
  }
}
"""

FILES = (
    ("brazelint.toml", CONFIG),
    ("profiles/example_user.yaml", PROFILE),
    ("stubs/example.yaml", STUB),
    ("templates/example.json.liquid", TEMPLATE),
)


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "init",
        help="write a starter config, profile, stub and template",
        description="Create brazelint.toml, one profile, one stub and one template in DIR.",
    )
    parser.add_argument("directory", nargs="?", type=Path, default=Path("."), metavar="DIR")
    parser.add_argument("--force", action="store_true", help="overwrite files that exist")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root: Path = args.directory
    if root.exists() and not root.is_dir():
        raise ConfigError(f"{root}: not a directory")
    if not args.force:
        existing = [name for name, _ in FILES if (root / name).exists()]
        if existing:
            raise ConfigError(
                f"{root / existing[0]}: already exists; nothing was written",
                hint="pass --force to overwrite the starter files",
            )
    for name, text in FILES:
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"created {target}")
    print("next: brazelint lint")
    return 0
