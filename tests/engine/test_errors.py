"""Every syntax and render error points at the exact line and column of the original text."""

from __future__ import annotations

import pytest

import brazelint

SYNTAX_ERRORS = [
    # (template, line, column, message)
    ("  {{ ${first_name} | }}", 1, 21, "expected word, found end of expression"),
    ("a\n{% assign x = %}", 2, 14, "expected a primitive expression, found end of expression"),
    ("{% assign x = {{${a}}} | | md5 %}", 1, 26, "expected word, found '|'"),
    ("line one\n{{ ${user_id} | sha2", 2, 1, "expected '}}', found end of file"),
    ("{% if x %}\n  open", 1, 4, "expected tag endif, found end of expression"),
    ("{% for x in y %}{% if x %}{% endfor %}", 1, 30, "unexpected tag 'endfor'"),
    ("{% iff x %}", 1, 4, "unexpected tag 'iff'"),
    (
        "{% if ${first_name == 'x' %}{% endif %}",
        1,
        7,
        "unclosed '${': attribute references look like ${first_name}",
    ),
    ("x {{ ${first_name }}", 1, 3, "expected '}}', found end of file"),
    ("{{ ${} }}", 1, 4, "empty attribute name in '${}'"),
    ("{% if a == %}{% endif %}", 1, 11, "expected a primitive expression, found end of expression"),
    (
        "{% for a in %}{% endfor %}",
        1,
        12,
        "expected a primitive expression, found end of expression",
    ),
    ("{{{custom_attribute.${cart_items}}} | join: ', '}", 1, 3, "unexpected '{'"),
]


@pytest.mark.parametrize(("template", "line", "column", "message"), SYNTAX_ERRORS)
def test_syntax_error_positions(template: str, line: int, column: int, message: str) -> None:
    with pytest.raises(brazelint.TemplateSyntaxError) as info:
        brazelint.render(template)
    err = info.value
    assert (err.message, err.line, err.column) == (message, line, column)
    assert isinstance(err, brazelint.BrazelintError)


RENDER_ERRORS = [
    (
        "{% for i in (1..3) %}\n  {{ i | divided_by: 0 }}{% endfor %}",
        2,
        10,
        "divided_by: can't divide by 0",
    ),
    ("{{custom_attribute.${a} | plus: }}", 1, 27, "filter 'plus' needs 1 more argument"),
    ("{{ 'a' | upcase: 1, 2 }}", 1, 10, "filter 'upcase' takes no arguments, got 2"),
    ("{{custom_attribute.${x y}.z | nofilter: 1 }}", 1, 31, "unknown filter 'nofilter'"),
    (
        "{{ 'a' | camelize }}",
        1,
        10,
        "filter 'camelize' is not supported in Braze; use capitalize, or upcase/downcase with replace",
    ),
]


@pytest.mark.parametrize(("template", "line", "column", "message"), RENDER_ERRORS)
def test_render_error_positions(template: str, line: int, column: int, message: str) -> None:
    with pytest.raises(brazelint.TemplateRenderError) as info:
        brazelint.render(template)
    err = info.value
    assert (err.message, err.line, err.column) == (message, line, column)


def test_unknown_filter_suggests_the_closest_name() -> None:
    with pytest.raises(brazelint.TemplateRenderError) as info:
        brazelint.render("{{ 'a' | upcas }}")
    assert info.value.hint == "did you mean 'upcase'?"


def test_unclosed_block_hint() -> None:
    with pytest.raises(brazelint.TemplateSyntaxError) as info:
        brazelint.render("{% capture x %}a")
    assert (info.value.line, info.value.column) == (1, 4)
    assert info.value.hint == "add {% endcapture %} to close the block opened here"


def test_str_of_error_is_one_line_with_position_and_hint() -> None:
    with pytest.raises(brazelint.TemplateSyntaxError) as info:
        brazelint.render("{% iff %}")
    assert str(info.value) == "1:4: unexpected tag 'iff' (hint: did you mean 'if'?)"
