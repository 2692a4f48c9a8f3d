"""The generated ``complete`` user: a plausible value for everything a template reads,
typed from how the template uses it, and compared literals where they open a branch."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from brazelint.analysis.reads import template_reads
from brazelint.lint.generated import complete_profile
from brazelint.renderer import Renderer

NOW = datetime(2026, 3, 14, 9, 0, tzinfo=timezone.utc)


def complete(source: str, blocks: dict[str, str] | None = None) -> tuple[Any, dict[str, Any]]:
    renderer = Renderer(content_blocks=blocks)
    template = renderer.parse(source)
    profile, answers = complete_profile(template_reads(template.nodes, renderer.content_block), NOW)
    return profile, answers


def test_values_are_typed_from_their_use() -> None:
    profile, _ = complete(
        "{{ custom_attribute.${points} | plus: 10 }}"
        "{{ custom_attribute.${signup} | date: '%Y' }}"
        "{% for item in event_properties.${products} %}{{ item.name }}{% endfor %}"
        "{% if custom_attribute.${vip} %}VIP{% endif %}"
        "{% if custom_attribute.${visits} > 5 %}regular{% endif %}"
        "{{ custom_attribute.${favourite_colour} }}"
        '"price": {{ event_properties.${price} | default: 0 }},'
    )
    attributes = profile.namespaces["custom_attribute"]
    assert attributes == {
        "points": 3,
        "signup": NOW,
        "vip": True,
        "visits": 6,
        "favourite_colour": "sample favourite colour",
    }
    products = profile.namespaces["event_properties"]["products"]
    assert products == [{"name": "Alex"}] * 3
    assert profile.namespaces["event_properties"]["price"] == 19.99


def test_compared_literals_open_their_branch() -> None:
    profile, _ = complete(
        "{% assign tier = custom_attribute.${tier} | default: 'none' %}"
        "{% if tier == 'gold' %}G{% elsif tier == 'silver' %}S{% endif %}"
        "{% if custom_attribute.${tags} contains 'vip' %}V{% endif %}"
        "{% case api_trigger_properties.${channel} %}{% when 'sms' %}S{% endcase %}"
    )
    assert profile.namespaces["custom_attribute"]["tier"] == "gold"
    assert profile.namespaces["custom_attribute"]["tags"][0] == "vip"
    assert profile.namespaces["api_trigger_properties"] == {"channel": "sms"}


def test_standard_attributes_keep_their_shape_and_pass_id_guards() -> None:
    profile, _ = complete(
        "{% if ${user_id} == blank %}{% abort_message() %}{% endif %}"
        "{{${email_address}}} {{${date_of_birth}}} {{${time_zone}}}"
    )
    assert profile.attributes == {
        "user_id": "complete-user-0001",
        "email_address": "alex.rivera@example.com",
        "date_of_birth": "1990-03-14",
        "time_zone": "America/New_York",
    }
    result = Renderer().render(
        "{% if ${user_id} == blank %}{% abort_message() %}{% endif %}ok", profile, now=NOW
    )
    assert (result.aborted, result.output) == (False, "ok")


def test_content_blocks_and_connected_content_fields_are_read() -> None:
    profile, answers = complete(
        "{{content_blocks.${footer}}}"
        "{% connected_content https://api.example.com/u :save wallet %}"
        "{{ wallet.payload.points | plus: 1 }}",
        blocks={"footer": "{{ custom_attribute.${store} }}"},
    )
    assert profile.namespaces["custom_attribute"] == {"store": "sample store"}
    assert answers == {"wallet": {"payload": {"points": 3}, "__http_status_code__": 200}}
