"""Check both sides of a Connected Content call against JSON Schemas.

Configuration maps a URL pattern to a schema for the request body the template sends
and one for the answer (in practice the stub fixture that stands in for the partner):

```toml
[[tool.brazelint.connected-content]]
url-pattern = "/offers/api/2\\.0/offers/get_user_offers$"
request-schema = "sessionm/get-user-offers-request"
response-schema = "sessionm/get-user-offers-response"
```
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Optional, Sequence

from brazelint.bounded_regex import BoundedPattern
from brazelint.errors import ConfigError
from brazelint.events import Problem

if TYPE_CHECKING:
    from brazelint.http.client import Call
    from brazelint.http.types import HttpResponse, Request

_KEYS = {"url-pattern", "request-schema", "response-schema"}


@dataclass(frozen=True)
class ExchangeRule:
    """A ``[[connected-content]]`` table: the schemas a matching request and answer follow."""

    url_pattern: BoundedPattern
    request_schema: Optional[str] = None
    response_schema: Optional[str] = None


def parse_rules(data: Any, *, where: str, base: Path) -> list[ExchangeRule]:
    """Validate the ``connected-content`` array of tables."""
    from brazelint.schemas import schema_path

    if not isinstance(data, list):
        raise ConfigError(f"{where}: 'connected-content' must be an array of tables")
    rules = []
    for index, item in enumerate(data, 1):
        label = f"{where}: connected-content #{index}"
        if not isinstance(item, Mapping):
            raise ConfigError(f"{label} must be a table")
        unknown = sorted(set(item) - _KEYS)
        if unknown:
            raise ConfigError(f"{label}: unknown key '{unknown[0]}'", hint=", ".join(sorted(_KEYS)))
        pattern = item.get("url-pattern")
        if not isinstance(pattern, str):
            raise ConfigError(f"{label}: 'url-pattern' (a regex) is required")
        try:
            compiled = BoundedPattern(pattern)
        except re.error as err:
            raise ConfigError(f"{label}: bad 'url-pattern' regex: {err}") from None
        schemas = {}
        for key in ("request-schema", "response-schema"):
            value = item.get(key)
            if value is not None:
                try:
                    schemas[key] = str(schema_path(str(value), base=base))
                except ConfigError as err:
                    raise ConfigError(f"{label}: '{key}': {err.message}", hint=err.hint) from None
        rules.append(
            ExchangeRule(compiled, schemas.get("request-schema"), schemas.get("response-schema"))
        )
    return rules


class ExchangeChecker:
    """Validates request bodies and answers whose URL matches a rule."""

    def __init__(self, rules: Sequence[ExchangeRule], problems: list[Problem]) -> None:
        self.rules = rules
        self.problems = problems

    def __call__(self, request: Request, response: HttpResponse, call: Call) -> None:
        for rule in self.rules:
            if not rule.url_pattern.search(request.url):
                continue
            if rule.request_schema:
                self._check(call, "request", request.body, rule.request_schema, request.url)
            if rule.response_schema and 200 <= response.status < 300:
                self._check(call, "response", response.body, rule.response_schema, request.url)

    def _check(self, call: Call, side: str, text: Optional[str], schema: str, url: str) -> None:
        from brazelint.schemas import validation_errors

        name = f"connected-content-{side}-schema"
        label = "request body sent to" if side == "request" else "answer from"
        try:
            instance = json.loads(text or "")
        except ValueError as err:
            self._add(call, name, f"{label} {url} is not JSON ({err})")
            return
        for message in validation_errors(instance, schema):
            self._add(call, name, f"{label} {url} breaks {Path(schema).stem}: {message}")

    def _add(self, call: Call, name: str, message: str) -> None:
        self.problems.append(Problem(name, message, call.line, call.column, "error"))
