"""The bundled example templates render for every bundled profile, the way a user runs them.

Every template renders for every profile through the public API (``brazelint.render``)
with the bundled stubs, Content Blocks and configured credentials, on a fixed clock. A
template whose first line declares a schema (``{% comment %}brazelint:
schema=<id>{% endcomment %}``) must print JSON that satisfies it, unless the template's
own guard aborts the message for that profile (listed in ``EXPECTED_ABORTS``). The exact
output is pinned for at least one profile per template.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import brazelint
from brazelint.config import load_config
from brazelint.http.client import USER_AGENT
from brazelint.schemas import validation_errors

ROOT = Path(__file__).resolve().parents[1]
NOW = "2024-03-01T12:00:00Z"
NOW_MS = 1709294400000
CONFIG = load_config(ROOT / "brazelint.toml")
PROFILES = sorted((ROOT / "profiles").glob("*.yaml"))
TEMPLATES = sorted((ROOT / "templates").glob("*/*.liquid"))
SCHEMA_HEADER = re.compile(r"\{% comment %\}brazelint: schema=([\w./-]+)\{% endcomment %\}\n")
WALLET_URL = "https://connect.example.com/offers/api/2.0/offers/get_user_offers"

KNOWN_ID = "4d10cf62-e3b1-4ecb-addc-b651ad637afd"
MISSING_ID = "9a7c3e1f-2b4d-4e6f-8a0b-1c2d3e4f5a6b"
GERMAN_ID = "e41b7d52-9c3a-4f08-b6d1-7a2e5c9f0b83"

# Who is expected to be skipped, and why (the templates' own guards).
EXPECTED_ABORTS = {
    ("identify", "anonymous_user"): "no external id: identify needs a user_id",
    ("customer_tags", "anonymous_user"): "no external id: SessionM needs its user id in the URL",
    ("customer_tags", "missing_optional"): (
        "nothing to tag: no loyalty_tier attribute and no campaign_tag trigger property"
    ),
    ("offer_wallet", "anonymous_user"): "no external id: SessionM needs its user id",
    ("offer_wallet", "non_english_user"): "SessionM wallet call failed",
    ("offer_message", "anonymous_user"): "no offer_id in the trigger properties",
    ("trigger_send_body", "anonymous_user"): (
        "no external id: the trigger send names the customer by external_user_id"
    ),
}


def md5_hex(email: str) -> str:
    """The anonymous id mi_identity derives: MD5 of the trimmed, lowercased address."""
    return hashlib.md5(email.strip().lower().encode()).hexdigest()


def declared_schema(source: str) -> str | None:
    found = SCHEMA_HEADER.match(source)
    return found.group(1) if found else None


def render(template: str, profile: str | dict[str, Any]) -> brazelint.RenderResult:
    source = (ROOT / "templates" / template).read_text(encoding="utf-8")
    return brazelint.render(
        source,
        # a bundled profile by name (a path, as users pass it), or a profile dict
        ROOT / "profiles" / f"{profile}.yaml" if isinstance(profile, str) else profile,
        stubs=CONFIG.stubs,
        now=NOW,
        content_blocks=CONFIG.content_blocks,
        credentials=CONFIG.credentials,
    )


def test_bundled_examples_are_all_here() -> None:
    assert [p.relative_to(ROOT / "templates").as_posix() for p in TEMPLATES] == [
        "movable_ink/category_viewed.liquid",
        "movable_ink/identify.liquid",
        "movable_ink/product_viewed.liquid",
        "sessionm/customer_tags.liquid",
        "sessionm/offer_message.liquid",
        "sessionm/offer_wallet.liquid",
        "sessionm/trigger_send_body.liquid",
    ]
    assert [p.stem for p in PROFILES] == [
        "anonymous_user",
        "known_user",
        "missing_optional",
        "non_english_user",
        "vip_user",
    ]


@pytest.mark.parametrize(
    ("template", "schema_id"),
    [
        ("movable_ink/category_viewed.liquid", "movable-ink/event"),
        ("movable_ink/identify.liquid", "movable-ink/event"),
        ("movable_ink/product_viewed.liquid", "movable-ink/event"),
        ("sessionm/customer_tags.liquid", "sessionm/tags"),
        ("sessionm/trigger_send_body.liquid", "braze/campaign-trigger-send"),
        ("sessionm/offer_message.liquid", None),
        ("sessionm/offer_wallet.liquid", None),
    ],
)
def test_json_templates_declare_their_schema_on_the_first_line(
    template: str, schema_id: str | None
) -> None:
    assert declared_schema((ROOT / "templates" / template).read_text(encoding="utf-8")) == schema_id


@pytest.mark.parametrize("profile_path", PROFILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("template_path", TEMPLATES, ids=lambda p: p.stem)
def test_every_template_renders_for_every_profile(template_path: Path, profile_path: Path) -> None:
    source = template_path.read_text(encoding="utf-8")
    result = render(template_path.relative_to(ROOT / "templates").as_posix(), profile_path.stem)
    assert result.problems == []
    expected_abort = EXPECTED_ABORTS.get((template_path.stem, profile_path.stem))
    if expected_abort:
        assert (result.aborted, result.abort_reason, result.output) == (True, expected_abort, "")
        return
    assert not result.aborted, result.abort_reason
    assert result.output.strip()
    assert "{{" not in result.output and "{%" not in result.output
    schema_id = declared_schema(source)
    if schema_id is not None:
        assert validation_errors(json.loads(result.output), schema_id) == []
    for request in result.requests:  # what Connected Content sent SessionM is checked too
        assert request.url == WALLET_URL
        assert (
            validation_errors(json.loads(request.body or ""), "sessionm/get-user-offers-request")
            == []
        )


def test_every_successful_stub_answer_satisfies_the_response_schema() -> None:
    stubs = yaml.safe_load((ROOT / "stubs/sessionm_offers.yaml").read_text(encoding="utf-8"))
    statuses = []
    for stub in stubs:
        response = stub["response"]
        statuses.append(response.get("status", 200))
        if 200 <= response.get("status", 200) < 300:
            assert validation_errors(response["json"], "sessionm/get-user-offers-response") == []
    assert statuses == [200, 200, 200, 500]


# -- Movable Ink ----------------------------------------------------------------------------


def test_product_viewed_for_a_known_user() -> None:
    assert render("movable_ink/product_viewed.liquid", "known_user").output == (
        "{\n"
        '  "type": "track",\n'
        '  "event": "product_viewed",\n'
        f'  "user_id": "{KNOWN_ID}",\n'
        f'  "anonymous_id": "{md5_hex("darcy.obrien@example.com")}",\n'
        f'  "timestamp": {NOW_MS},\n'
        '  "timezone": "America/New_York",\n'
        '  "properties": {\n'
        '    "id": "56544",\n'
        '    "title": "Organic Cotton Bath Towel, 30\\" x 56\\"",\n'
        '    "price": 1.99,\n'
        '    "url": "https://shop.example.com/products/56544",\n'
        '    "categories": [\n'
        '      {"id": "bath", "url": "https://shop.example.com/c/bath"},\n'
        '      {"id": "towels", "url": "https://shop.example.com/c/bath/towels"}\n'
        "    ],\n"
        '    "meta": {"color":"green"}\n'
        "  }\n"
        "}\n"
    )


def test_product_viewed_for_an_anonymous_user_sends_only_the_anonymous_id() -> None:
    result = render("movable_ink/product_viewed.liquid", "anonymous_user")
    assert result.output == (
        "{\n"
        '  "type": "track",\n'
        '  "event": "product_viewed",\n'
        f'  "anonymous_id": "{md5_hex("lex.morgan@example.net")}",\n'
        f'  "timestamp": {NOW_MS},\n'
        '  "timezone": "UTC",\n'
        '  "properties": {\n'
        '    "id": "88120",\n'
        '    "title": "Shower Caddy \\\\ Corner Shelf",\n'
        '    "url": "https://shop.example.com/products/88120"\n'
        "  }\n"
        "}\n"
    )
    assert result.undefined == [
        "user_id",
        "time_zone",
        "event_properties.price",
        "event_properties.meta",
        "event_properties.categories",
    ]


def test_product_viewed_with_only_the_required_values() -> None:
    assert render("movable_ink/product_viewed.liquid", "missing_optional").output == (
        "{\n"
        '  "type": "track",\n'
        '  "event": "product_viewed",\n'
        f'  "user_id": "{MISSING_ID}",\n'
        f'  "anonymous_id": "{md5_hex("sam.lee@example.org")}",\n'
        f'  "timestamp": {NOW_MS},\n'
        '  "timezone": "UTC",\n'
        '  "properties": {\n'
        '    "id": "56544"\n'
        "  }\n"
        "}\n"
    )


def test_product_viewed_for_a_german_user() -> None:
    # The address is trimmed and lowercased before hashing; the price is rounded to
    # cents; a category without a url is sent with its id only; meta is forwarded whole.
    assert render("movable_ink/product_viewed.liquid", "non_english_user").output == (
        "{\n"
        '  "type": "track",\n'
        '  "event": "product_viewed",\n'
        f'  "user_id": "{GERMAN_ID}",\n'
        f'  "anonymous_id": "{md5_hex("juergen.dalessandro@example.de")}",\n'
        f'  "timestamp": {NOW_MS},\n'
        '  "timezone": "Europe/Berlin",\n'
        '  "properties": {\n'
        '    "id": "K-2231",\n'
        '    "title": "Kaffeebecher „Gemütlich\\" 0,3 l \u2013 2er-Set",\n'
        '    "price": 24.99,\n'
        '    "url": "https://shop.example.de/produkte/k-2231",\n'
        '    "categories": [\n'
        '      {"id": "küche", "url": "https://shop.example.de/kategorie/k%C3%BCche"},\n'
        '      {"id": "tassen-und-becher"}\n'
        "    ],\n"
        '    "meta": {"farbe":"salbeigrün","material":"Steinzeug"}\n'
        "  }\n"
        "}\n"
    )


def test_anonymous_id_falls_back_to_the_device_id() -> None:
    app_user = {
        "attributes": {"first_name": "Kei"},
        "most_recently_used_device": {"id": "9F1C2B7A-44D0-4E55-A0C9-3D8E61B2F0AA"},
        "event_properties": {"id": "56544", "price": "19.5"},
    }
    payload = json.loads(render("movable_ink/product_viewed.liquid", app_user).output)
    assert "user_id" not in payload
    assert payload["anonymous_id"] == "9F1C2B7A-44D0-4E55-A0C9-3D8E61B2F0AA"
    assert payload["properties"] == {"id": "56544", "price": 19.5}
    nobody = render("movable_ink/product_viewed.liquid", {"event_properties": {"id": "56544"}})
    assert (nobody.aborted, nobody.abort_reason) == (
        True,
        "no external id, email address or device id to identify the user",
    )


def test_category_viewed_with_only_the_required_values() -> None:
    assert render("movable_ink/category_viewed.liquid", "missing_optional").output == (
        "{\n"
        '  "type": "track",\n'
        '  "event": "category_viewed",\n'
        f'  "user_id": "{MISSING_ID}",\n'
        f'  "anonymous_id": "{md5_hex("sam.lee@example.org")}",\n'
        f'  "timestamp": {NOW_MS},\n'
        '  "timezone": "UTC",\n'
        '  "properties": {\n'
        '    "id": "56544"\n'
        "  }\n"
        "}\n"
    )


def test_category_viewed_for_an_anonymous_user() -> None:
    assert render("movable_ink/category_viewed.liquid", "anonymous_user").output == (
        "{\n"
        '  "type": "track",\n'
        '  "event": "category_viewed",\n'
        f'  "anonymous_id": "{md5_hex("lex.morgan@example.net")}",\n'
        f'  "timestamp": {NOW_MS},\n'
        '  "timezone": "UTC",\n'
        '  "properties": {\n'
        '    "id": "88120",\n'
        '    "title": "Shower Caddy \\\\ Corner Shelf",\n'
        '    "url": "https://shop.example.com/products/88120"\n'
        "  }\n"
        "}\n"
    )


def test_identify_for_a_known_user() -> None:
    assert render("movable_ink/identify.liquid", "known_user").output == (
        "{\n"
        '  "type": "identify",\n'
        f'  "user_id": "{KNOWN_ID}",\n'
        f'  "anonymous_id": "{md5_hex("darcy.obrien@example.com")}",\n'
        f'  "timestamp": {NOW_MS},\n'
        '  "timezone": "America/New_York"\n'
        "}\n"
    )


# -- SessionM -------------------------------------------------------------------------------


def test_customer_tags_exact_text() -> None:
    assert render("sessionm/customer_tags.liquid", "known_user").output == (
        '{\n  "tags": ["loyalty_tier_gold", "spring_sale_2024"],\n  "ttl": 2592000\n}\n'
    )
    # "Premium Plus" becomes one lowercase tag.
    assert render("sessionm/customer_tags.liquid", "non_english_user").output == (
        '{\n  "tags": ["loyalty_tier_premium_plus", "herbst_aktion_2024"],\n  "ttl": 2592000\n}\n'
    )


def test_tag_user_webhook_targets_the_customer_in_sessionm() -> None:
    webhook = yaml.safe_load(
        (ROOT / "templates/sessionm/tag_user.webhook.yaml").read_text(encoding="utf-8")
    )
    assert sorted(webhook) == ["body-file", "headers", "method", "schema", "url"]
    body = (ROOT / "templates/sessionm" / webhook["body-file"]).read_text(encoding="utf-8")
    assert (webhook["method"], declared_schema(body), webhook["schema"]) == (
        "POST",
        "sessionm/tags",
        "sessionm/tags",
    )
    assert webhook["headers"] == {
        "Content-Type": "application/json",
        "Authorization": "Basic ${env:SESSIONM_BASIC_AUTH}",
    }
    url = brazelint.render(webhook["url"], ROOT / "profiles/known_user.yaml")
    assert (url.output, url.undefined) == (
        "https://api-example.ent-sessionm.com/priv/v1/apps/5f2b9e0c41d7a38e6b1c0d92f4a7e316"
        f"/users/{KNOWN_ID}/tags",
        [],
    )


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        ("known_user", "Hi D'Arcy, you have 1,250 points and 2 offers waiting in your wallet.\n"),
        ("vip_user", "Hi Zoë, you have 152,340 points and 1 offer waiting in your wallet.\n"),
        (
            "missing_optional",
            "Hi there, you have 0 points. No offers are waiting in your wallet right now; "
            "we will tell you when one arrives.\n",
        ),
    ],
)
def test_offer_wallet_renders_points_from_the_stub(profile: str, expected: str) -> None:
    result = render("sessionm/offer_wallet.liquid", profile)
    assert (result.output, result.problems) == (expected, [])
    (request,) = result.requests
    assert (request.method, request.url, request.status) == ("POST", WALLET_URL, 200)
    assert request.headers == {
        "User-Agent": USER_AGENT,
        "Content-Type": "application/json",
        "Accept": "application/json",
        "Authorization": "Basic ZGVtby1jb25uZWN0LWtleTpkZW1vLWNvbm5lY3Qtc2VjcmV0",
    }
    body = json.loads(request.body or "")
    assert body["retailer_id"] == "7a0c1b52-3f4e-4d9a-9b1e-2c8f5d6e7a10"
    assert body["take"] == 1000


def test_offer_wallet_aborts_when_sessionm_fails() -> None:
    result = render("sessionm/offer_wallet.liquid", "non_english_user")
    assert (result.aborted, result.abort_reason, result.output) == (
        True,
        "SessionM wallet call failed",
        "",
    )
    (request,) = result.requests
    assert request.status == 500
    assert json.loads(request.body or "")["culture"] == "de"


def test_offer_wallet_aborts_for_users_without_external_id() -> None:
    result = render("sessionm/offer_wallet.liquid", "anonymous_user")
    assert (result.aborted, result.abort_reason, result.requests) == (
        True,
        "no external id: SessionM needs its user id",
        [],
    )


def test_offer_message_for_a_known_user() -> None:
    assert render("sessionm/offer_message.liquid", "known_user").output == (
        "Hi D'Arcy,\n"
        "You just earned 250 points (Rewards), and a new offer is waiting in your wallet:\n"
        '$5 off "Organic Cotton" towels (valid until March 31, 2024)\n'
        "Valid on all bath towels, in store and online.\n"
        "Use code SPRING5 at checkout.\n"
        "See your wallet: https://shop.example.com/wallet/offers/"
        "fe3ae3bb-d6cc-4dcf-ac25-800d5c8a5390\n"
    )


def test_offer_message_falls_back_to_defaults() -> None:
    assert render("sessionm/offer_message.liquid", "missing_optional").output == (
        "Hi there,\n"
        "A new offer is waiting in your wallet:\n"
        "An offer picked for you\n"
        "See your wallet: https://shop.example.com/wallet/offers/"
        "2b9f4c1e-8d3a-4f7b-9e60-5a1c7d2e8f34\n"
    )


def test_offer_message_in_german() -> None:
    # Points arrive as text and are printed with German thousands dots.
    assert render("sessionm/offer_message.liquid", "non_english_user").output == (
        'Hallo Jürgen „Jo",\n'
        "du hast gerade 1.250 Punkte gesammelt (Treuepunkte), "
        "und in deiner Wallet wartet ein neues Angebot:\n"
        'Gratis-Versand „Herbst" (gültig bis 31.03.2024)\n'
        "Ab 20 € Bestellwert, nur online.\n"
        "Code an der Kasse: HERBST-24\n"
        "Zur Wallet: https://shop.example.com/wallet/offers/a3f0d9e2-5b6c-4d7e-8f90-1a2b3c4d5e6f\n"
    )


def test_trigger_send_body_for_a_known_user() -> None:
    assert render("sessionm/trigger_send_body.liquid", "known_user").output == (
        "{\n"
        '  "campaign_id": "5e2c0f7a-3b9d-4c61-8a27-d4f0e9b1c352",\n'
        '  "broadcast": false,\n'
        '  "recipients": [\n'
        "    {\n"
        f'      "external_user_id": "{KNOWN_ID}",\n'
        '      "send_to_existing_only": true\n'
        "    }\n"
        "  ],\n"
        '  "trigger_properties": {\n'
        '    "offer_id": "fe3ae3bb-d6cc-4dcf-ac25-800d5c8a5390",\n'
        '    "offer_name": "$5 off \\"Organic Cotton\\" towels",\n'
        '    "offer_description": "Valid on all bath towels, in store and online.",\n'
        '    "user_offer_id": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f",\n'
        '    "expiration_date": "2024-03-31",\n'
        '    "pos_discount_id": "SPRING5",\n'
        '    "points": 250,\n'
        '    "point_account_name": "Rewards"\n'
        "  }\n"
        "}\n"
    )


def test_trigger_send_body_with_only_the_offer_id() -> None:
    assert render("sessionm/trigger_send_body.liquid", "missing_optional").output == (
        "{\n"
        '  "campaign_id": "5e2c0f7a-3b9d-4c61-8a27-d4f0e9b1c352",\n'
        '  "broadcast": false,\n'
        '  "recipients": [\n'
        "    {\n"
        f'      "external_user_id": "{MISSING_ID}",\n'
        '      "send_to_existing_only": true\n'
        "    }\n"
        "  ],\n"
        '  "trigger_properties": {\n'
        '    "offer_id": "2b9f4c1e-8d3a-4f7b-9e60-5a1c7d2e8f34"\n'
        "  }\n"
        "}\n"
    )


@pytest.mark.parametrize("profile", ["known_user", "non_english_user", "missing_optional"])
def test_trigger_properties_arrive_as_api_trigger_properties(profile: str) -> None:
    # What SessionM sends in trigger_properties is what the offer message reads as
    # api_trigger_properties: the message is the same either way.
    body = json.loads(render("sessionm/trigger_send_body.liquid", profile).output)
    data = yaml.safe_load((ROOT / "profiles" / f"{profile}.yaml").read_text(encoding="utf-8"))
    data["api_trigger_properties"] = body["trigger_properties"]
    direct = render("sessionm/offer_message.liquid", profile).output
    assert render("sessionm/offer_message.liquid", data).output == direct
