"""Braze personalization syntax renders exactly as Braze documents it."""

from __future__ import annotations

import pytest

import brazelint

PROFILE = {
    "attributes": {
        "first_name": "Zoë",
        "user_id": "5c3aa83113dd490100d3d8d7",
        "email_address": "jane@example.com",
        "language": "en",
        "time_zone": "America/New_York",
    },
    "custom_attributes": {
        "loyalty_tier": "gold",
        "Brands Viewed": ["Acme", "Globex", "Initech"],
        "zip code": "10001",
        "Aktueller Warenkorb": {"Products": ["p1", "p2"]},
        "address": {"city": "Paris"},
        "cart_items": ["shoe", "hat"],
        "most_played_song": [{"artist_name": "Nina", "play_analytics": {"count": 7}}],
        "Number_Game_Attended": 1,
    },
    "event_properties": {
        "categories": [{"id": "bath-1", "url": "https://x.test/c/bath-1"}],
        "meta": {"color": "green"},
        "price": 1.99,
    },
    "api_trigger_properties": {"offer_id": "off-9"},
    "canvas_entry_properties": {"user_timezone": "Europe/Paris"},
    "context": {"step": "welcome"},
    "campaign": {"name": "Spring", "api_id": "cmp-1"},
    "canvas": {"name": "Onboarding"},
    "subscribed_state": {"email_global": "opted_in"},
    "most_recently_used_device": {"platform": "ios"},
    "targeted_device": {"model": "iPhone"},
    "app": {"name": "Shop"},
    "card": {"api_id": "card-1"},
}

CASES = [
    ("standard attribute", "Hi {{${first_name}}}!", "Hi Zoë!"),
    ("user_id is the external id", "{{${user_id}}}", "5c3aa83113dd490100d3d8d7"),
    ("spaces around", "{{ ${first_name} | upcase }}", "ZOË"),
    ("custom attribute", "{{custom_attribute.${loyalty_tier}}}", "gold"),
    ("custom attribute with spaces", "{{custom_attribute.${zip code}}}", "10001"),
    ("non-ascii name", "{{custom_attribute.${Aktueller Warenkorb}.Products[1]}}", "p2"),
    ("path inside braces", "{{custom_attribute.${address.city}}}", "Paris"),
    ("index inside braces", "{{custom_attribute.${cart_items[0]}}}", "shoe"),
    ("index after braces", "{{custom_attribute.${most_played_song}[0].artist_name}}", "Nina"),
    ("nested after index", "{{custom_attribute.${most_played_song}[0].play_analytics.count}}", "7"),
    ("event property index", "{{event_properties.${categories}[0].id}}", "bath-1"),
    ("event property dotted", "{{event_properties.${meta}.color}}", "green"),
    ("float property", "{{event_properties.${price}}}", "1.99"),
    ("api trigger", "{{api_trigger_properties.${offer_id}}}", "off-9"),
    ("canvas entry", "{{canvas_entry_properties.${user_timezone}}}", "Europe/Paris"),
    ("context", "{{context.${step}}}", "welcome"),
    ("campaign", "{{campaign.${name}}}/{{campaign.${api_id}}}", "Spring/cmp-1"),
    ("canvas", "{{canvas.${name}}}", "Onboarding"),
    ("subscribed state", "{{subscribed_state.${email_global}}}", "opted_in"),
    ("device", "{{most_recently_used_device.${platform}}}", "ios"),
    ("targeted device", "{{targeted_device.${model}}}", "iPhone"),
    ("app", "{{app.${name}}}", "Shop"),
    ("card", "{{card.${api_id}}}", "card-1"),
    ("braces in assign", "{% assign x = {{${email_address}}} | upcase %}{{x}}", "JANE@EXAMPLE.COM"),
    ("braces in if", "{% if {{${user_id}}} %}known{% endif %}", "known"),
    (
        "braces in for with limit",
        "{% for b in {{custom_attribute.${Brands Viewed}}} limit:2 %}{{b}};{% endfor %}",
        "Acme;Globex;",
    ),
    ("bare attribute in condition", "{% if ${language} == 'en' %}EN{% endif %}", "EN"),
    (
        "braces in comparison",
        "{% if {{custom_attribute.${Number_Game_Attended}}} == 1 %}one{% endif %}",
        "one",
    ),
    (
        "no braces in comparison",
        "{% if custom_attribute.${Number_Game_Attended} == 1 %}one{% endif %}",
        "one",
    ),
    ("assign without braces", "{% assign v = custom_attribute.${loyalty_tier} %}{{v}}", "gold"),
    ("bare attribute as filter argument", "{{ 'x' | append: ${language} }}", "xen"),
    ("nested output in filter argument", "{{ 'a' | append: {{${language}}} }}", "aen"),
    ("filter inside braces in tag", "{% assign n = {{ 5 | minus: 2 }} %}{{ n }}", "3"),
    ("dollar text is literal", "Price: ${{ 5 }}", "Price: $5"),
    ("attribute syntax in content is literal", "`${first_name}`", "`${first_name}`"),
    ("attribute syntax in strings is literal", "{{ '${first_name}' }}", "${first_name}"),
    ("raw keeps braze syntax", "{% raw %}{{${first_name}}}{% endraw %}", "{{${first_name}}}"),
    ("liquid tag", "{% liquid\nassign n = ${first_name} | downcase\necho n\n%}", "zoë"),
    ("echo", "{% echo custom_attribute.${loyalty_tier} | upcase %}", "GOLD"),
    ("whitespace control", "a  {%- if true -%}  b  {%- endif -%}  c", "abc"),
    ("output whitespace control", "a {{- ${language} -}} b", "aenb"),
    ("comment hides braze syntax", "{% comment %}{{${nope}}}{% endcomment %}x", "x"),
    ("triple brace closes", "{{${first_name}}}}", "Zoë}"),
]


@pytest.mark.parametrize(
    ("template", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_braze_syntax_renders(template: str, expected: str) -> None:
    assert brazelint.render(template, PROFILE).output == expected


def test_absent_attribute_renders_empty_and_is_recorded() -> None:
    source = (
        "[{{${city}}}][{{custom_attribute.${missing}}}][{{event_properties.${meta}.size_x}}]"
        "{% if ${phone_number} %}x{% endif %}"
    )
    result = brazelint.render(source, PROFILE)
    assert result.output == "[][][]"
    assert result.undefined == [
        "city",
        "custom_attribute.missing",
        "event_properties.meta.size_x",
        "phone_number",
    ]
    assert [(u.path, u.line, u.column) for u in result.undefined_uses] == [
        ("city", 1, source.index("${city}") + 1),
        ("custom_attribute.missing", 1, source.index("custom_attribute") + 1),
        ("event_properties.meta.size_x", 1, source.index("event_properties") + 1),
        ("phone_number", 1, source.index("${phone_number}") + 1),
    ]


def test_nil_attribute_renders_empty_and_is_recorded_as_nil() -> None:
    result = brazelint.render("[{{${first_name}}}]", {"attributes": {"first_name": None}})
    assert result.output == "[]"
    assert result.undefined == ["first_name"]
    assert result.undefined_uses[0].nil is True


def test_names_with_spaces_are_recorded_with_brackets() -> None:
    result = brazelint.render("{{custom_attribute.${Favourite Colour}}}", {})
    assert result.undefined == ['custom_attribute["Favourite Colour"]']


def test_local_variables_shadow_nothing_braze_does_not() -> None:
    # Braze has no built-in now/today/partial variables: they are plain undefined names.
    result = brazelint.render("[{{ now }}][{{ today }}][{{ partial }}]", {})
    assert result.output == "[][][]"
    assert result.undefined == ["now", "today", "partial"]
