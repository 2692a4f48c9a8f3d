"""Paths and filters after the tree pass: lookups record undefined values with their
positions, filters without arguments keep python-liquid's errors, and the pass notes
every filter and output statement."""

from __future__ import annotations

import pytest

import brazelint
from brazelint.errors import TemplateRenderError
from brazelint.renderer import Renderer

PROFILE = {
    "attributes": {"first_name": "Ana"},
    "custom_attributes": {"tiers": ["gold", "silver"], "idx": 0, "Brands Viewed": ["x"]},
}


def test_flat_and_nested_paths_render_and_record_undefined_values_alike() -> None:
    source = (
        "{{ custom_attribute.${tiers}[1] }}|{{ custom_attribute.${tiers}[custom_attribute.${idx}] }}"
        "|{{ custom_attribute.${Brands Viewed}[0] }}|{{ custom_attribute.${missing}.deeper }}"
        "|{{ ${first_name} }}{{ ${first_name} }}"
    )
    result = brazelint.render(source, PROFILE)
    assert result.output == "silver|gold|x||AnaAna"
    missing = source.index("custom_attribute.${missing}")
    assert missing == 138
    assert [(use.path, use.line, use.column) for use in result.undefined_uses] == [
        ("custom_attribute.missing.deeper", 1, missing + 1),
    ]


def test_filters_without_arguments_give_python_liquids_errors() -> None:
    assert brazelint.render("{{ ' a ' | strip | append: 'b' | upcase }}").output == "AB"
    with pytest.raises(TemplateRenderError) as caught:
        brazelint.render("{% assign x = 5 %}\n  {{ x | upcase | plus }}")
    assert (caught.value.message, caught.value.line, caught.value.column) == (
        "filter 'plus' needs 1 more argument",
        2,
        19,
    )


def test_the_pass_notes_every_filter_and_every_output_statement() -> None:
    source = (
        "{% assign n = ${first_name} | downcase %}\n"
        "{% if n %}{% for t in custom_attribute.${tiers} %}{{ t | upcase | append: n }}"
        "{% endfor %}{% endif %}\n"
        "{% capture c %}{{ n | size }}{% endcapture %}{{ c }}"
    )
    facts = Renderer().parse(source).facts
    assert [(item.name, item.token.start_index) for item in facts.filters] == [
        ("downcase", source.index("downcase")),
        ("upcase", source.index("upcase")),
        ("append", source.index("append")),
        ("size", source.index("size")),
    ]
    assert [str(expression) for expression in facts.printed] == [
        "t | upcase | append: n",
        "n | size",
        "c",
    ]
