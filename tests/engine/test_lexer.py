"""The Braze lexer keeps original offsets and rewrites Braze syntax to equal length."""

from __future__ import annotations

import pytest
from liquid.token import TOKEN_CONTENT, TOKEN_EXPRESSION, TOKEN_OUTPUT, TOKEN_TAG

from brazelint.engine.lexer import BrazeLexer

LEXER = BrazeLexer()


@pytest.mark.parametrize(
    ("expression", "rewritten"),
    [
        ("${first_name}", "  first_name "),
        ("custom_attribute.${tier}", "custom_attribute.  tier "),
        ("custom_attribute.${Brands Viewed}[0]", 'custom_attribute["Brands Viewed"][0]'),
        ("custom_attribute.${it's}", 'custom_attribute["it\'s"]'),
        ("{{${email_address}}} | md5", "    email_address    | md5"),
        ("x | append: '${literal}'", "x | append: '${literal}'"),
        ("${odd name} | upcase", '["odd name"]| upcase'),
    ],
)
def test_rewrite_is_same_length_plain_liquid(expression: str, rewritten: str) -> None:
    assert LEXER.rewrite(expression, 0, len(expression)) == rewritten
    assert len(rewritten) == len(expression)


def test_tokens_point_into_the_original_source() -> None:
    source = "Hi {{${first_name}}}!\n{% if {{${user_id}}} %}{{custom_attribute.${a b}}}{% endif %}"
    tokens = list(LEXER(source))
    assert [(t.kind, t.start_index) for t in tokens] == [
        (TOKEN_CONTENT, 0),
        (TOKEN_OUTPUT, source.index("{{${first")),
        (TOKEN_EXPRESSION, source.index("${first")),
        (TOKEN_CONTENT, source.index("!")),
        (TOKEN_TAG, source.index("if")),
        (TOKEN_EXPRESSION, source.index("{{${user")),
        (TOKEN_OUTPUT, source.index("{{custom")),
        (TOKEN_EXPRESSION, source.index("custom")),
        (TOKEN_TAG, source.index("endif")),
    ]
    for token in tokens:
        assert token.source is source
        if token.kind == TOKEN_EXPRESSION:
            original = source[token.start_index : token.start_index + len(token.value)]
            assert len(original) == len(token.value)


def test_raw_argument_tags_keep_their_markup() -> None:
    source = "{% abort_message('${x} {{y}}') %}{% connected_content https://x.test/{{${user_id}}} :save r %}"
    expressions = [t.value for t in LEXER(source) if t.kind == TOKEN_EXPRESSION]
    assert expressions == ["('${x} {{y}}')", "https://x.test/{{${user_id}}} :save r"]


def test_region_tokenizing_keeps_offsets() -> None:
    source = "0123{{ a }}89"
    tokens = list(LEXER.tokenize(source, 4, 11))
    assert [(t.kind, t.value, t.start_index) for t in tokens] == [
        (TOKEN_OUTPUT, "{{ a }}", 4),
        (TOKEN_EXPRESSION, "a", 7),
    ]


def test_nested_output_is_one_statement() -> None:
    source = "{{ a | plus: {{b}} }}c"
    tokens = list(LEXER(source))
    assert [(t.kind, t.value) for t in tokens] == [
        (TOKEN_OUTPUT, "{{ a | plus: {{b}} }}"),
        (TOKEN_EXPRESSION, "a | plus:   b  "),
        (TOKEN_CONTENT, "c"),
    ]
