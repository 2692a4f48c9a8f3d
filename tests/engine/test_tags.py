"""Braze-only tags: abort_message, content blocks, message_extras, catalogs, promotions."""

from __future__ import annotations

from pathlib import Path

import pytest

import brazelint
from brazelint.renderer import Renderer

NO_REASON = "{% abort_message %} called"
"""What Braze's Message Activity Log shows for an abort without a reason (aborting_messages.md)."""


@pytest.mark.parametrize(
    ("template", "reason"),
    [
        ("a{% abort_message('') %}b", NO_REASON),
        ("a{% abort_message %}b", NO_REASON),
        ("a{% abort_message() %}b", NO_REASON),
        ("a{% abort_message () %}b", NO_REASON),
        ("a{% abort_message( ) %}b", NO_REASON),
        ("a{% abort_message('Outside window') %}b", "Outside window"),
        ('a{% abort_message("Outside window") %}b', "Outside window"),
        ("a{% abort_message(not same month) %}b", "not same month"),
        ("a{% abort_message 'bare' %}b", "bare"),
        ("a{%- abort_message('x') -%}b", "x"),
    ],
)
def test_abort_message_forms(template: str, reason: str) -> None:
    result = brazelint.render(template)
    assert result.aborted is True
    assert result.abort_reason == reason
    assert result.output == ""


def test_abort_only_when_reached() -> None:
    source = "{% if ${user_id} == blank %}{% abort_message('no id') %}{% endif %}id={{${user_id}}}"
    assert brazelint.render(source, {"attributes": {"user_id": "u1"}}).output == "id=u1"
    anonymous = brazelint.render(source, {})
    assert (anonymous.aborted, anonymous.abort_reason, anonymous.output) == (True, "no id", "")


def test_abort_inside_capture_and_loop_still_aborts() -> None:
    source = "{% capture c %}{% for i in (1..3) %}{% if i == 2 %}{% abort_message('two') %}{% endif %}{% endfor %}{% endcapture %}{{c}}"
    result = brazelint.render(source)
    assert (result.aborted, result.abort_reason) == (True, "two")


def test_abort_reason_cannot_contain_liquid() -> None:
    with pytest.raises(brazelint.TemplateSyntaxError) as info:
        brazelint.render("{% abort_message({{x}}) %}")
    assert (info.value.line, info.value.column) == (1, 18)
    assert "cannot contain Liquid" in info.value.message


def test_content_block_from_dict_shares_assigns() -> None:
    blocks = {
        "greeting": "{% assign tier = custom_attribute.${tier} | upcase %}Hello {{${first_name}}}"
    }
    result = brazelint.render(
        "{{content_blocks.${greeting}}}, tier {{tier}}",
        {"attributes": {"first_name": "Ann"}, "custom_attributes": {"tier": "gold"}},
        content_blocks=blocks,
    )
    assert result.output == "Hello Ann, tier GOLD"


def test_content_block_from_directory(tmp_path: Path) -> None:
    (tmp_path / "footer.liquid").write_text("-- {{campaign.${name}}}", encoding="utf-8")
    (tmp_path / "Holiday Banner.liquid").write_text("🎄", encoding="utf-8")
    result = brazelint.render(
        "body {{content_blocks.${footer}}} {{content_blocks.${Holiday Banner}}}",
        {"campaign": {"name": "Spring"}},
        content_blocks=tmp_path,
    )
    assert result.output == "body -- Spring 🎄"


def test_content_blocks_nest_one_level_and_drop_the_third() -> None:
    blocks = {
        "outer": "[outer {{content_blocks.${middle}}}]",
        "middle": "[middle {{content_blocks.${inner}}}]",
        "inner": "[inner]",
    }
    result = brazelint.render("{{content_blocks.${outer}}}", content_blocks=blocks)
    assert result.output == "[outer [middle ]]"


def test_missing_content_block_is_a_clear_error() -> None:
    with pytest.raises(brazelint.TemplateRenderError) as info:
        brazelint.render("line\n  {{content_blocks.${nope}}}", content_blocks={"other": "x"})
    err = info.value
    assert (err.line, err.column) == (2, 3)
    assert err.message.startswith("content block 'nope' not found")


def test_error_inside_content_block_names_the_block(tmp_path: Path) -> None:
    (tmp_path / "bad.liquid").write_text("ok\n{{ 1 | divided_by: 0 }}", encoding="utf-8")
    with pytest.raises(brazelint.TemplateRenderError) as info:
        brazelint.render("{{content_blocks.${bad}}}", content_blocks=tmp_path)
    err = info.value
    assert err.path == str(tmp_path / "bad.liquid")
    assert (err.line, err.column) == (2, 8)


def test_content_block_reference_cannot_take_filters() -> None:
    with pytest.raises(brazelint.TemplateSyntaxError) as info:
        brazelint.render("{{content_blocks.${x} | strip}}", content_blocks={"x": "y"})
    assert (info.value.line, info.value.column) == (1, 25)


def test_message_extras_recorded_first_key_wins() -> None:
    result = brazelint.render(
        "{% message_extras :key offer :value {{api_trigger_properties.${offer_id}}} %}"
        "{% message_extras :key offer :value second %}"
        "{% message_extras :key {{ 'ch' | append: 'annel' }} :value webhook %}done",
        {"api_trigger_properties": {"offer_id": "O-1"}},
    )
    assert result.output == "done"
    assert result.message_extras == {"offer": "O-1", "channel": "webhook"}


def test_message_extras_key_must_come_first() -> None:
    with pytest.raises(brazelint.TemplateSyntaxError) as info:
        brazelint.render("{% message_extras :value v :key k %}")
    assert "':key' must come before ':value'" in info.value.message
    assert (info.value.line, info.value.column) == (1, 19)


CATALOG = {
    "items": [
        {"id": "p1", "title": "Shoe", "blurb": "Hi {{${first_name}}}"},
        {"id": "p2", "title": "Hat", "blurb": "plain"},
    ],
    "selections": {"bestsellers": ["p2", "p1", "gone"]},
}


def test_catalog_items_from_fixture() -> None:
    renderer = Renderer(catalogs={"products": CATALOG})
    result = renderer.render(
        "{% catalog_items products {{${product}}} p2 missing %}{{ items.size }}:"
        "{% for i in items %}{{ i.title }},{% endfor %}{{ items[0].blurb }}",
        {},
        globals={"product": "p1"},
    )
    assert result.output == "2:Shoe,Hat,Hi {{${first_name}}}"


def test_catalog_items_rerender_runs_liquid_in_cells() -> None:
    renderer = Renderer(catalogs={"products": CATALOG})
    result = renderer.render(
        "{% assign n = ${first_name} %}{% catalog_items products p1 :rerender %}"
        "{{ items[0].blurb }}",
        {"attributes": {"first_name": "Ann"}},
    )
    assert result.output == "Hi Ann"
    # using_catalogs.md / user_profile_fields_connected_content.md: a field the message
    # does not name before the tag is not fetched, so it renders empty in the cell
    result = renderer.render(
        "{% catalog_items products p1 :rerender %}{{ items[0].blurb }}",
        {"attributes": {"first_name": "Ann"}},
    )
    assert result.output == "Hi "


def test_catalog_selection_items() -> None:
    renderer = Renderer(catalogs={"products": CATALOG})
    result = renderer.render(
        "{% catalog_selection_items products bestsellers %}{{ items | map: 'title' | join: '+' }}"
    )
    assert result.output == "Hat+Shoe"


def test_unknown_catalog_is_a_clear_error() -> None:
    with pytest.raises(brazelint.TemplateRenderError) as info:
        Renderer().render("{% catalog_items products p1 %}")
    assert (
        info.value.message
        == "catalog 'products' has no fixture (add catalogs/products.yaml or .json)"
    )


def test_promotion_codes_same_code_within_a_message() -> None:
    renderer = Renderer(promotions={"spring": ["SPRING-1", "SPRING-2"], "empty": []})
    assert renderer.render("{% promotion('spring') %}/{% promotion(\"spring\") %}").output == (
        "SPRING-1/SPRING-1"
    )
    aborted = renderer.render("a{% promotion('empty') %}")
    assert (aborted.aborted, aborted.abort_reason) == (True, "promotion code list 'empty' is empty")


def test_unconfigured_promotion_is_a_clear_error() -> None:
    with pytest.raises(brazelint.TemplateRenderError) as info:
        Renderer().render("{% promotion('Spring') %}")
    assert "promotion code list 'Spring' is not configured" in info.value.message


@pytest.mark.parametrize("tag", ["include", "render"])
def test_include_and_render_are_not_braze(tag: str) -> None:
    with pytest.raises(brazelint.TemplateSyntaxError) as info:
        brazelint.render(f"x\n {{% {tag} 'footer' %}}")
    err = info.value
    assert (err.line, err.column) == (2, 5)
    assert err.message == (
        f"'{tag}' is not supported in Braze; share markup with a Content Block: "
        "{{content_blocks.${name}}}"
    )
