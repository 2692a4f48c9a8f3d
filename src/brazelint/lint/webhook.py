"""Webhook files (``*.webhook.yaml``): the URL, method, headers and body of a Braze webhook.

```yaml
url: "https://api.example.com/users/{{${user_id} | url_param_escape}}/tags"
method: POST                  # GET, POST, PUT or DELETE (default POST)
headers:                      # values are Liquid; ${env:NAME} reads an environment variable
  Content-Type: application/json
  Authorization: "Basic ${env:PARTNER_BASIC_AUTH}"
body-file: tag_user.liquid    # or `body: |` with the Liquid inline
schema: sessionm/tags         # optional: the body's JSON Schema (id or path)
```
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from brazelint.errors import ConfigError

METHODS = ("GET", "POST", "PUT", "DELETE")
KEYS = ("url", "method", "headers", "body", "body-file", "schema")
ENV_REFERENCE = re.compile(r"\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class Field:
    """A Liquid value from the file, and where its text starts (0-based line/column)."""

    text: str
    line: int
    column: int
    block: bool = False
    """A ``|`` block scalar: line ``k`` of the text is file line ``line + k``."""
    indent: int = 0


@dataclass(eq=False)
class Webhook:
    path: Path
    source: str
    url: Field
    method: str = "POST"
    headers: dict[str, Field] = field(default_factory=dict)
    body: Optional[Field] = None
    body_file: Optional[Path] = None
    schema: Optional[str] = None

    def header(self, name: str) -> Optional[str]:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value.text
        return None


class WebhookFileError(ConfigError):
    """A webhook file that cannot be used. The message names the file and line, as every
    ``ConfigError`` does; ``problem`` and ``file_line`` keep the two apart for the linter,
    which reports the problem at that line of the file itself."""

    def __init__(
        self, path: Path, problem: str, *, line: Optional[int] = None, hint: Optional[str] = None
    ) -> None:
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {problem}", hint=hint)
        self.problem = problem
        self.file_line = line
        """The 1-based line of the file (``None`` when the problem is the whole file)."""


def load_webhook(path: Path, source: str) -> Webhook:
    """Parse and validate a webhook file; errors name the file, the line and the key."""
    import yaml

    try:
        root = yaml.compose(source)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise WebhookFileError(
            path,
            f"invalid YAML ({getattr(err, 'problem', err)})",
            line=mark.line + 1 if mark else None,
        ) from None
    if not isinstance(root, yaml.MappingNode):
        raise WebhookFileError(path, "a webhook file is a mapping with url, method, headers, body")
    members = {key.value: (key, value) for key, value in root.value}
    for name, (key, _) in members.items():
        if name not in KEYS:
            raise WebhookFileError(
                path,
                f"unknown webhook key '{name}'",
                line=key.start_mark.line + 1,
                hint=f"known keys: {', '.join(KEYS)}",
            )
    if "url" not in members:
        raise WebhookFileError(path, "a webhook needs a 'url'")
    webhook = Webhook(path=path, source=source, url=_field(path, "url", members["url"][1]))
    if "method" in members:
        method = _scalar(path, "method", members["method"][1]).upper()
        if method not in METHODS:
            raise WebhookFileError(path, f"'method' must be one of {', '.join(METHODS)}")
        webhook.method = method
    if "headers" in members:
        node = members["headers"][1]
        if not isinstance(node, yaml.MappingNode):
            raise WebhookFileError(path, "'headers' must be a mapping of header names to values")
        for key, value in node.value:
            webhook.headers[str(key.value)] = _field(path, f"headers.{key.value}", value)
    if "body" in members and "body-file" in members:
        raise WebhookFileError(path, "give either 'body' or 'body-file', not both")
    if "body" in members:
        webhook.body = _field(path, "body", members["body"][1])
    if "body-file" in members:
        body_path = path.parent / _scalar(path, "body-file", members["body-file"][1])
        if not body_path.is_file():
            raise WebhookFileError(path, f"body-file '{body_path}' not found")
        webhook.body_file = body_path
    if "schema" in members:
        webhook.schema = _scalar(path, "schema", members["schema"][1])
    return webhook


def expand_environment(text: str) -> str:
    """Replace ``${env:NAME}`` with the variable (``<NAME unset>`` when it is not set)."""
    return ENV_REFERENCE.sub(lambda m: os.environ.get(m.group(1), f"<{m.group(1)} unset>"), text)


def _scalar(path: Path, key: str, node: Any) -> str:
    import yaml

    if not isinstance(node, yaml.ScalarNode):
        raise WebhookFileError(path, f"'{key}' must be text", line=node.start_mark.line + 1)
    return str(node.value)


def _field(path: Path, key: str, node: Any) -> Field:
    text = _scalar(path, key, node)
    mark = node.start_mark
    if node.style in ("|", ">"):
        first = mark.line + 1
        lines = node.end_mark.buffer.splitlines() if node.end_mark.buffer else []
        content = lines[first] if first < len(lines) else ""
        indent = len(content) - len(content.lstrip(" "))
        return Field(text, first, indent, block=True, indent=indent)
    quoted = 1 if node.style in ("'", '"') else 0
    return Field(text, mark.line, mark.column + quoted)
