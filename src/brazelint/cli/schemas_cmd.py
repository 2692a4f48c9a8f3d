"""``brazelint schemas``: list the built-in JSON Schemas, or show one.

``brazelint schemas`` prints one line per built-in id with what it describes (``--format
json`` for a JSON array); ``brazelint schemas show ID|PATH`` prints a schema as indented
JSON, highlighted on a terminal unless ``NO_COLOR`` is set.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_parser(commands: Any) -> None:
    schemas = commands.add_parser(
        "schemas",
        help="list the built-in JSON Schemas, or show one",
        description=(
            "List the built-in JSON Schema ids with what each describes. A schema id or a "
            "path to your own schema file works wherever brazelint takes a schema."
        ),
    )
    schemas.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (aligned columns) or json (an array of {id, description})",
    )
    schemas.set_defaults(run=run_list)
    actions = schemas.add_subparsers(dest="schemas_command", metavar="ACTION")
    show = actions.add_parser(
        "show",
        help="print one schema as indented JSON",
        description="Print the schema with this id, or in this file, as indented JSON.",
    )
    show.add_argument("schema", metavar="ID|PATH", help="a built-in schema id or a schema file")
    show.set_defaults(run=run_show)


def run_list(args: argparse.Namespace) -> int:
    from brazelint.schemas import describe, schema_ids

    rows = [(schema_id, describe(schema_id)) for schema_id in schema_ids()]
    if args.format == "json":
        entries = [{"id": schema_id, "description": text} for schema_id, text in rows]
        print(json.dumps(entries, indent=2, ensure_ascii=False))
        return 0
    width = max(len(schema_id) for schema_id, _text in rows)
    for schema_id, text in rows:
        print(f"{schema_id:<{width}}  {text}".rstrip())
    return 0


def run_show(args: argparse.Namespace) -> int:
    from brazelint.cli import _color
    from brazelint.schemas import load_schema

    text = json.dumps(load_schema(args.schema), indent=2, ensure_ascii=False) + "\n"
    if _color(sys.stdout):
        from pygments import highlight
        from pygments.formatters import TerminalFormatter
        from pygments.lexers import JsonLexer

        text = str(highlight(text, JsonLexer(), TerminalFormatter()))
    sys.stdout.write(text)
    return 0
