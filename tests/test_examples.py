"""The bundled example templates render to valid, schema-conforming partner payloads."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from brazelint.config import load_config
from brazelint.profiles import load_profile
from brazelint.renderer import Renderer

ROOT = Path(__file__).resolve().parents[1]
PROFILES = sorted((ROOT / "profiles").glob("*.yaml"))
NOW = "2024-03-01T12:00:00Z"
CONFIG = load_config(ROOT / "brazelint.toml")
RENDERER = Renderer(
    content_blocks=CONFIG.content_blocks,
    stubs=CONFIG.stubs,
    credentials=CONFIG.credentials,
    exchange_rules=CONFIG.exchange_rules,
)
TEMPLATES = [
    path
    for path in sorted((ROOT / "templates").glob("*/*.liquid"))
    if "brazelint: schema" in path.read_text(encoding="utf-8")
]
"""The webhook bodies: templates that name the schema their JSON output must satisfy."""

# Who is expected to be skipped, and why (the templates' own guards).
EXPECTED_ABORTS = {
    ("identify", "anonymous_user"): "no external id: identify needs a user_id",
    ("customer_tags", "anonymous_user"): "no external id: SessionM needs its user id in the URL",
}


def _schema_id(source: str) -> str:
    found = re.search(r"brazelint: schema ([\w/-]+)", source)
    assert found, "every example names the schema its output must satisfy"
    return found.group(1)


@pytest.mark.parametrize("profile_path", PROFILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("template_path", TEMPLATES, ids=lambda p: p.stem)
def test_example_renders_valid_payload(template_path: Path, profile_path: Path) -> None:
    source = template_path.read_text(encoding="utf-8")
    profile = load_profile(profile_path)
    result = RENDERER.render(source, profile, now=NOW, path=str(template_path))
    expected_abort = EXPECTED_ABORTS.get((template_path.stem, profile.name))
    if expected_abort:
        assert (result.aborted, result.abort_reason) == (True, expected_abort)
        return
    assert not result.aborted, result.abort_reason
    payload = json.loads(result.output)
    schema_path = ROOT / "schemas" / f"{_schema_id(source)}.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(payload)]
    assert errors == []


@pytest.mark.parametrize("template_path", TEMPLATES, ids=lambda p: p.stem)
def test_example_output_for_known_user_is_exact(template_path: Path) -> None:
    source = template_path.read_text(encoding="utf-8")
    result = RENDERER.render(source, load_profile(ROOT / "profiles" / "known_user.yaml"), now=NOW)
    fixture = (
        ROOT / "tests/fixtures/payloads" / _schema_id(source) / "valid"
        / f"{template_path.stem.replace('_', '-')}-known-user.json"
    )
    assert json.loads(result.output) == json.loads(fixture.read_text(encoding="utf-8"))


def test_customer_tags_exact_text() -> None:
    source = (ROOT / "templates/sessionm/customer_tags.liquid").read_text(encoding="utf-8")
    result = RENDERER.render(source, load_profile(ROOT / "profiles" / "known_user.yaml"), now=NOW)
    assert result.output == (
        '{\n  "tags": [\n    "loyalty_tier_gold", "spring_sale_2024"\n  ],\n  "ttl": 2592000\n}\n'
    )


def test_movable_ink_escapes_quotes_in_profile_data() -> None:
    source = (ROOT / "templates/movable_ink/product_viewed.liquid").read_text(encoding="utf-8")
    result = RENDERER.render(source, load_profile(ROOT / "profiles" / "anonymous_user.yaml"), now=NOW)
    payload = json.loads(result.output)
    assert "user_id" not in payload
    assert payload["timezone"] == "UTC"
    assert payload["properties"]["title"] == "Shower Caddy \\ Corner Shelf"
    assert result.undefined == [
        "user_id",
        "time_zone",
        "event_properties.price",
        "event_properties.meta.color",
        "event_properties.categories",
    ]


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        ("known_user", "Hi D'Arcy, you have 1,250 points and 2 offers waiting in your wallet.\n"),
        ("vip_user", "Hi Zoë, you have 152,340 points and 1 offer waiting in your wallet.\n"),
    ],
)
def test_offer_wallet_renders_points_from_the_stub(profile: str, expected: str) -> None:
    source = (ROOT / "templates/sessionm/offer_wallet.liquid").read_text(encoding="utf-8")
    result = RENDERER.render(source, load_profile(ROOT / "profiles" / f"{profile}.yaml"), now=NOW)
    assert (result.output, result.problems) == (expected, [])
    (request,) = result.requests
    assert (request.method, request.url, request.status) == (
        "POST",
        "https://connect.example.com/offers/api/2.0/offers/get_user_offers",
        200,
    )
    assert request.headers == {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "Authorization": "Basic ZGVtby1jb25uZWN0LWtleTpkZW1vLWNvbm5lY3Qtc2VjcmV0",
    }
    body = json.loads(request.body or "")
    assert body["retailer_id"] == "7a0c1b52-3f4e-4d9a-9b1e-2c8f5d6e7a10"
    assert body["take"] == 1000


def test_offer_wallet_aborts_for_users_without_external_id() -> None:
    source = (ROOT / "templates/sessionm/offer_wallet.liquid").read_text(encoding="utf-8")
    result = RENDERER.render(source, load_profile(ROOT / "profiles/anonymous_user.yaml"), now=NOW)
    assert (result.aborted, result.abort_reason, result.requests) == (
        True,
        "no external id: SessionM needs its user id",
        [],
    )
