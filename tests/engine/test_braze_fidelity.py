"""Issue 17, "Braze fidelity, round two": each behaviour as the Braze page named in its
docstring documents it (pages under braze-inc/braze-docs; NEW = the
``messaging/design_and_edit/personalize/`` tree, OLD = ``personalization_and_dynamic_content/``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import brazelint
from brazelint.renderer import Renderer

NOW = "2024-03-01T12:00:00Z"


def render(source: str, profile: object = None, **options: object) -> brazelint.RenderResult:
    return brazelint.render(source, profile, now=NOW, **options)  # type: ignore[arg-type]


# -- HTML comments ------------------------------------------------------------------------


def test_html_comment_is_removed_before_liquid_runs() -> None:
    """NEW/liquid/using_liquid.md: HTML comments are removed before any Liquid is read, so
    Liquid inside one neither prints, aborts nor calls Connected Content."""
    source = (
        "<p>a</p><!-- {{${first_name}}} {% abort_message('no') %}\n"
        "{% connected_content https://api.example.com/x %} -->\n<p>{{${first_name}}}</p>"
    )
    result = render(source, {"attributes": {"first_name": "Ann"}})
    assert (result.output, result.aborted, result.requests) == ("<p>a</p>\n<p>Ann</p>", False, [])


def test_html_comment_positions_after_it_stay_exact() -> None:
    """Errors after a removed comment still point at the line and column written."""
    with pytest.raises(brazelint.TemplateRenderError) as info:
        render("<!-- {{ a }} -->\nx {{ b | nope }}")
    assert (info.value.line, info.value.column) == (2, 10)


def test_unclosed_html_comment_is_text() -> None:
    assert render("a <!-- {{ 1 | plus: 1 }}").output == "a <!-- 2"


# -- standard attributes only through ${} -------------------------------------------------


def test_standard_attribute_needs_dollar_braces() -> None:
    """NEW/connected_content/making_an_api_call.md: attribute values must be surrounded by
    ${}; a bare {{first_name}} is an undefined variable."""
    profile = {"attributes": {"first_name": "Ann"}}
    result = render("[{{first_name}}][{{${first_name}}}][{{ ${ first_name } }}]", profile)
    assert result.output == "[][Ann][Ann]"
    assert [(u.path, u.line, u.column) for u in result.undefined_uses] == [("first_name", 1, 4)]


def test_a_variable_the_template_sets_may_share_the_name() -> None:
    profile = {"attributes": {"first_name": "Ann"}}
    source = (
        "{% assign first_name = 'Bo' %}{{first_name}}|"
        "{% for language in (1..2) %}{{language}}{% endfor %}|{% if {{first_name}} %}y{% endif %}"
    )
    assert render(source, profile).output == "Bo|12|y"


# -- canvas entry properties under context --------------------------------------------------


def test_canvas_entry_properties_are_context_variables() -> None:
    """NEW/sources/canvas_entry_properties.md: entry properties are context variables,
    {{context.${x}}}; a context: key of the same name wins."""
    profile = {
        "canvas_entry_properties": {"offer": "o-1", "tier": "gold"},
        "context": {"tier": "silver", "step": 2},
    }
    source = (
        "{{context.${offer}}} {{context.${tier}}} {{context.${step}}} "
        "{{canvas_entry_properties.${tier}}}"
    )
    assert render(source, profile).output == "o-1 silver 2 gold"


# -- && and || ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour", "expected"),
    [(19, "evening"), (23, "evening"), (18, "day")],
)
def test_double_ampersand_keeps_the_first_comparison(hour: int, expected: str) -> None:
    """NEW/liquid/supported_personalization_tags.md's time-zone example writes
    `hour >= 19 && hour < 20`; Braze parses tags as Ruby Liquid's lax parser does
    (Shopify/liquid If::Syntax), which keeps `hour >= 19` and ignores the rest."""
    source = "{% if hour >= 19 && hour < 20 %}evening{% else %}day{% endif %}"
    assert render(source, globals={"hour": hour}).output == expected


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("a || b", "no"),  # `a` alone
        ("b || a", "yes"),
        ("a || b or c", "yes"),  # (a) or (c)
        ("c && a and b", "yes"),  # (c) and (b)
        ("a == 'x||y' && c", "no"),  # a pipe in a string is no operator
    ],
)
def test_pipes_and_ampersands_end_each_part(condition: str, expected: str) -> None:
    data = {"a": False, "b": True, "c": True}
    source = f"{{% if {condition} %}}yes{{% else %}}no{{% endif %}}"
    assert render(source, globals=data).output == expected


# -- {{ }} with filters inside tags -------------------------------------------------------


def test_double_braces_inside_tags_are_optional() -> None:
    """NEW/liquid/using_liquid.md, "Exceptions for double brackets": inside a tag a
    reference may be written with or without {{ }}. The use-case library puts filters in
    them: in an assign they apply; in a condition (where NEW/liquid/using_liquid.md says
    filters are not supported) Ruby's lax parser ignores the filter and what follows."""
    source = (
        "{% assign uniq = {{category | uniq}} %}{{uniq | join: ','}}|"
        "{% if {{uniq | size}} == 1 %}one{% else %}other{% endif %}|"
        "{% assign n = {{uniq | size}} %}{% if n == 1 %}one{% else %}{{n}}{% endif %}"
    )
    assert render(source, globals={"category": ["a", "b", "a"]}).output == "a,b|one|2"


def test_comparison_in_assign_is_dropped() -> None:
    """NEW/liquid/using_liquid.md: operators are not supported in assign; lax Ruby Liquid
    keeps the value and its filters (liquid_use_cases.md, last weekday of the month)."""
    source = (
        "{% assign is_vip = total_spend > 100 %}{{is_vip}}|"
        '{% assign r = {{year | modulo: 4 }} != "0" %}{{r}}'
    )
    assert render(source, globals={"total_spend": 250, "year": "2023"}).output == "250|3"


# -- SMS and WhatsApp ---------------------------------------------------------------------


def test_sms_and_whatsapp_inbound_tags() -> None:
    """NEW/liquid/supported_personalization_tags.md: sms.${inbound_message_body},
    sms.${inbound_media_urls} and whats_app.${…} are personalization tags."""
    profile = {
        "sms": {"inbound_message_body": "START", "inbound_media_urls": ["https://m/1.jpg"]},
        "whats_app": {"inbound_message_body": "hola", "inbound_product_id": "p-9"},
    }
    source = (
        "{{sms.${inbound_message_body}}} {{sms.${inbound_media_urls} | first}} "
        "{{whats_app.${inbound_message_body}}} {{whats_app.${inbound_product_id}}}"
    )
    assert render(source, profile).output == "START https://m/1.jpg hola p-9"


# -- message_extras -----------------------------------------------------------------------


def test_message_extras_over_1kb_are_truncated() -> None:
    """NEW/liquid/advanced_filters/message_extras.md: keys and values together are limited
    to 1 KB (whitespace counts); more is truncated."""
    source = (
        "{% message_extras :key a :value bcd %}"
        "{% message_extras :key long :value {{ text }} %}"
        "{% message_extras :key late :value x %}"
    )
    result = render(source, globals={"text": "é" * 600})
    room = 1024 - len("abcd") - len("long")
    assert result.message_extras == {"a": "bcd", "long": "é" * (room // 2)}
    assert [(p.name, p.line, p.column) for p in result.problems] == [
        ("message-extras-truncated", 1, 42),
        ("message-extras-truncated", 1, 90),
    ]


# -- values Braze always has --------------------------------------------------------------


def test_values_braze_always_has_are_made_up_per_user() -> None:
    """NEW/liquid/supported_personalization_tags.md: ${braze_id}, ${random_bucket_number}
    (0-9999), the subscription links and campaign.${dispatch_id} exist for every user and
    send; brazelint makes them up, the same for a user every run, different between users."""
    source = (
        "{{${braze_id}}}|{{${random_bucket_number}}}|{{${set_user_to_unsubscribed_url}}}|"
        "{{${unsubscribe_url}}}|{{campaign.${dispatch_id}}}|{{campaign.${api_id}}}"
    )
    jane = {"attributes": {"user_id": "u-1"}}
    first, again = render(source, jane).output, render(source, jane).output
    other = render(source, {"attributes": {"user_id": "u-2"}}).output
    braze_id, bucket, unsubscribe, legacy, dispatch, api_id = first.split("|")
    assert first == again and first != other
    assert len(braze_id) == 24 and int(braze_id, 16) >= 0
    assert 0 <= int(bucket) <= 9999
    assert unsubscribe == legacy == f"https://braze-preview.invalid/unsubscribe?u={braze_id}"
    assert len(dispatch) == 24 and len(api_id) == 36


def test_a_profile_value_wins_over_a_made_up_one() -> None:
    profile = {
        "attributes": {"braze_id": "b-1", "random_bucket_number": 7},
        "campaign": {"dispatch_id": "d-1", "name": "Spring"},
    }
    source = "{{${braze_id}}} {{${random_bucket_number}}} {{campaign.${dispatch_id}}} {{campaign.${name}}}"
    assert render(source, profile).output == "b-1 7 d-1 Spring"


# -- custom attribute names ---------------------------------------------------------------


def test_blanks_around_a_custom_attribute_name_are_not_part_of_it() -> None:
    """NEW/liquid/using_liquid.md: {{custom_attribute.${zip code}}} reads "zip code"; the
    blanks around a name inside ${ } are dropped, the inner space kept."""
    profile = {"custom_attributes": {"zip code": "02139"}}
    source = (
        "{{custom_attribute.${ zip code }}}|{{custom_attribute.${zip code}}}|{{ ${ zip code } }}"
    )
    assert render(source, profile).output == "02139|02139|"


# -- Connected Content URLs ---------------------------------------------------------------


def test_placeholder_host_is_a_render_error_not_a_crash() -> None:
    """A documentation placeholder for the host (`https://[YOUR_SUBDOMAIN].example.com`) is
    an error at the tag, never Python's ValueError."""
    source = "Hi\n  {% connected_content https://[YOUR_SUBDOMAIN].example.com/v2/x :save r %}"
    with pytest.raises(brazelint.TemplateRenderError) as info:
        render(source)
    assert (info.value.line, info.value.column) == (2, 6)
    assert info.value.message == (
        "connected_content URL 'https://[YOUR_SUBDOMAIN].example.com/v2/x' is not a valid "
        "URL: 'YOUR_SUBDOMAIN' does not appear to be an IPv4 or IPv6 address"
    )


def test_undefined_variable_building_the_url_is_reported_where_it_is() -> None:
    """A Postman-style `{{endpoint_connect}}` (sessionm.md) is undefined in Braze; the
    error points at it, not only at the tag."""
    source = "{% connected_content\n   {{endpoint_connect}}/offers/api :save r %}"
    with pytest.raises(brazelint.TemplateRenderError) as info:
        render(source)
    assert (info.value.line, info.value.column) == (2, 6)
    assert info.value.message.startswith("'endpoint_connect' is undefined")


# -- Content Blocks -----------------------------------------------------------------------


def test_content_block_is_read_again_after_it_changes(tmp_path: Path) -> None:
    block = tmp_path / "footer.liquid"
    block.write_text("old", encoding="utf-8")
    renderer = Renderer(content_blocks=tmp_path)
    assert renderer.render("{{content_blocks.${footer}}}").output == "old"
    block.write_text("new text", encoding="utf-8")
    stat = block.stat()
    os.utime(block, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert renderer.render("{{content_blocks.${footer}}}").output == "new text"
    assert brazelint.render("{{content_blocks.${footer}}}", content_blocks=tmp_path).output == (
        "new text"
    )


def test_content_block_as_a_value() -> None:
    """OLD/liquid/liquid_use_cases.md (blocked emails): a Content Block read in an assign."""
    source = "{% assign emails = {{content_blocks.${list}}} | split: ',' %}{{ emails | size }}"
    assert render(source, content_blocks={"list": "a@x.com,b@x.com"}).output == "2"
