"""``limit``, ``offset``, ``cols``, ``reversed`` and ``continue`` are names outside loops.

Ruby Liquid (and so Braze) reserves them only in ``for`` and ``tablerow`` tags;
python-liquid reads them as keywords everywhere, which made valid templates syntax errors.
"""

from __future__ import annotations

import pytest

import brazelint
from brazelint.engine.lexer import BrazeLexer
from brazelint.errors import TemplateSyntaxError


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{% assign limit = 5 %}{{ limit }}", "5"),
        ("{% assign cols = 3 %}{% if cols > 1 %}{{ cols | plus: 1 }}{% endif %}", "4"),
        ("{% capture reversed %}r{% endcapture %}[{{ reversed }}]", "[r]"),
        ("{% increment continue %}{% increment continue %}", "01"),
        ("{% assign offset = 2 %}{% case offset %}{% when 2 %}two{% endcase %}", "two"),
        ("{% assign limit = 2 %}{% unless limit == 1 %}ok{% endunless %}", "ok"),
        ("{{ offset | default: 'none' }}", "none"),
        ("{{ 'limit' | append: ':' | append: limit }}", "limit:"),
        ("{% assign limit = 'a,b' | split: ',' %}{{ limit | join: '+' }}", "a+b"),
        # the loop keywords still work in loops, next to the same words as names
        ("{% for x in (1..5) limit: 2 reversed %}{{ x }}{% endfor %}", "21"),
        ("{% assign limit = 3 %}{% for x in (1..9) limit: limit %}{{ x }}{% endfor %}", "123"),
        ("{% for x in (1..4) offset: 1 %}{{ x }}{% endfor %}", "234"),
        ("{% for limit in (1..2) %}{{ limit }}{% endfor %}", "12"),
        (
            "{% liquid\nassign limit = 2\nfor i in (1..3) limit: limit reversed\necho i\nendfor %}",
            "21",
        ),
        # a keyword inside a longer name or a string was never a keyword
        ("{% assign limit_x = 1 %}{{ limit_x }}{{ 'offset' }}", "1offset"),
    ],
)
def test_loop_keywords_are_names_outside_loops(template: str, expected: str) -> None:
    assert brazelint.render(template).output == expected


def test_profile_values_and_properties_named_like_keywords() -> None:
    profile = {
        "attributes": {"first_name": "Ada"},
        "custom_attributes": {"offset": 7, "page": {"limit": 50, "cols": [1, 2]}},
    }
    template = (
        "{{custom_attribute.${offset}}}|{% assign page = custom_attribute.${page} %}"
        "{{ page.limit }}|{{ page.cols | size }}|{{ page['limit'] }}"
    )
    assert brazelint.render(template, profile).output == "7|50|2|50"


def test_undefined_names_and_errors_say_the_plain_word() -> None:
    result = brazelint.render("[{{ limit }}][{{ page.offset }}]")
    assert result.output == "[][]"
    assert result.undefined == ["limit", "page.offset"]
    with pytest.raises(TemplateSyntaxError) as info:
        brazelint.render("{{ a | default: limit limit }}")
    assert (info.value.line, info.value.column) == (1, 23)
    assert "\uff4c" not in str(info.value)  # the respelled form never shows
    assert info.value.hint is None  # a variable named limit is not one of the limits


def test_respelling_keeps_the_length_and_leaves_loops_and_strings_alone() -> None:
    source = "{{ page.limit | default: 'limit' }}{% for x in y limit: 2 %}{% endfor %}"
    tokens = [(t.kind, t.value, t.start_index) for t in BrazeLexer()(source)]
    output_expression, for_expression = tokens[1], tokens[3]
    assert output_expression[1] != "page.limit | default: 'limit'"
    assert output_expression[1].replace("\uff4c", "l") == "page.limit | default: 'limit'"
    assert len(output_expression[1]) == len("page.limit | default: 'limit'")
    assert for_expression[1] == "x in y limit: 2"


def test_keyword_names_inside_connected_content_and_cycle() -> None:
    stubs = [
        {
            "request": {"method": "GET", "url": "https://api.example.test/items?limit=3"},
            "response": {"json": {"offset": 9}},
        }
    ]
    template = (
        "{% assign limit = 3 %}"
        "{% connected_content https://api.example.test/items?limit={{limit}} :save r %}"
        "{{ r.offset }}|{% cycle limit, 'x' %}"
    )
    result = brazelint.render(template, stubs=stubs)
    assert result.output == "9|3"
    assert [request.url for request in result.requests] == [
        "https://api.example.test/items?limit=3"
    ]
