"""Braze's published SessionM and Movable Ink bodies (test versions, with the mistakes
partner-payloads.md lists), fixed with ``--fix`` and then ``--unsafe-fixes``: what is
left is only what a person must decide, and every bundled profile renders the JSON the
partner expects."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from fix_helpers import Run, findings

import brazelint
from brazelint.schemas import validator_for

ROOT = Path(__file__).resolve().parents[2]
PROFILES = sorted((ROOT / "profiles").glob("*.yaml"))
NOW = "2026-01-01T09:00:00Z"

# customer_data_api.md: no comma after the user id, a // note, the timestamp in seconds
# and quoted, the price quoted, a trailing comma; values spliced in without json_escape
MOVABLE_INK = """\
{% comment %}brazelint: schema=movable-ink/event{% endcomment %}
{% assign timestamp = "now" | date: "%s" %}
{% if ${user_id} != blank %}{% assign user_identifier = ${user_id} %}\
{% else %}{% assign user_identifier = ${email_address} | md5 %}{% endif %}
{
  "type": "track",
  "event": "product_viewed",
  "anonymous_id": "{{${email_address} | md5}}",
  "user_id": "{{user_identifier}}"
  // Converts the timestamp to epoch milliseconds
  "timestamp": "{{timestamp}}",
  "timezone": "{{${time_zone} | default: 'UTC'}}",
  "properties": {
    "id": "{{event_properties.${id}}}",
    "title": "{{event_properties.${title}}}",
    "price": "{{event_properties.${price}}}"
  },
}
"""

# sessionm.md: Postman placeholders in the URL, a literal Basic credential, and a body
# with a // note, a missing comma and a trailing comma
SESSIONM = """\
url: "{{endpoint_core}}/priv/v1/apps/{{appkey_core}}/users/{{${user_id}}}/tags"
method: POST
headers:
  Content-Type: application/json
  Authorization: "Basic ZGVtbzpzZWNyZXRzZWNyZXQ="
schema: sessionm/tags
body: |
  {
    // ttl: 30 days, in seconds
    "tags": ["loyalty_member"]
    "ttl": 2592000,
  }
"""


def _fix_twice(run_cli: Run, project: Path, name: str) -> None:
    for extra in ([], ["--unsafe-fixes"]):
        proc = run_cli("lint", name, "--fix-only", "--no-cache", *extra, cwd=project)
        assert proc.returncode == 0, proc.stderr


def test_movable_ink(project: Path, run_cli: Run) -> None:
    path = project / "templates" / "product_viewed.liquid"
    path.write_text(MOVABLE_INK, encoding="utf-8")
    _fix_twice(run_cli, project, "templates/product_viewed.liquid")

    left = findings(run_cli, project, "templates/product_viewed.liquid")
    # only an event without a product id (the generated empty user): whether to abort
    # such a message is the marketer's call
    assert {(d["code"], tuple(d["profiles"])) for d in left} == {("BL407", ("empty",))}

    validator = validator_for("movable-ink/event")
    for profile in PROFILES:
        result = brazelint.render(path.read_text(encoding="utf-8"), profile, now=NOW)
        body = json.loads(result.output)
        validator.validate(body)
        assert body["timestamp"] == 1767258000000, profile.name
        assert isinstance(body["properties"]["price"], (int, float)), profile.name
        assert body["user_id"] and body["anonymous_id"], profile.name


def test_sessionm_tags_webhook(project: Path, run_cli: Run) -> None:
    path = project / "templates" / "tag_user.webhook.yaml"
    path.write_text(SESSIONM, encoding="utf-8")
    _fix_twice(run_cli, project, "templates/tag_user.webhook.yaml")

    text = path.read_text(encoding="utf-8")
    assert text.startswith(SESSIONM[: SESSIONM.index("body: |")])  # URL and headers kept
    left = findings(run_cli, project, "templates/tag_user.webhook.yaml")
    # the Postman placeholders to replace and the credential to move
    assert {d["code"] for d in left} == {"BL411", "BL202", "BL103"}

    body = yaml.safe_load(text)["body"]
    validator = validator_for("sessionm/tags")
    for profile in PROFILES:
        value = json.loads(brazelint.render(body, profile, now=NOW).output)
        validator.validate(value)
        assert value == {"tags": ["loyalty_member"], "ttl": 2592000}
